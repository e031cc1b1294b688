"""Event stage: verb and noun patterns matched on the dependency tree (``stage.py``, ``patterns.py``),
modality read off the tree (``modality.py``), demands reported as obligations (``demands.py``)."""

from detente.events.stage import EventStage

__all__ = ["EventStage"]
