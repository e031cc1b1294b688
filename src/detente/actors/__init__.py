"""Actor stage: actor mentions found in a ``ParsedDoc`` and resolved to CAMEO actor codes
(``mentions.py``)."""

from detente.actors.mentions import ActorStage, find_mentions, resolve_pronouns

__all__ = ["ActorStage", "find_mentions", "resolve_pronouns"]
