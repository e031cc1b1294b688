"""Scoring detente against gold data: the showcase article (``showcase.py``), PolNeAR attribution
(``polnear.py``), PLOVER relations (``plv.py``) and ConfliBERT CAMEO sentences (``conflibert.py``);
``run.py`` is the one call ``detente eval`` makes."""

from detente.evaluation.run import DEFAULTS, run_eval, shared_default

__all__ = ["DEFAULTS", "run_eval", "shared_default"]
