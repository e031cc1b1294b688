"""Quote stage: quotations of every style and their speakers (``stage.py`` runs the rules of
``marks.py``, ``direct.py``, ``indirect.py`` and ``speakers.py``)."""

from detente.quotes.stage import QuoteStage, extract, speaker_role

__all__ = ["QuoteStage", "extract", "speaker_role"]
