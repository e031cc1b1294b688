"""``detente eval``: which gold set, where it is, and the scorer that reads it.

Scoring detente against gold annotations: the showcase article, the PolNeAR attribution corpus, the
PLV relations and the ConfliBERT CAMEO sentences.

- ``showcase.score_showcase`` scores the showcase gold file (quotes and events, each required,
  optional or forbidden, with the gold file's own matching rules).
- ``plv.score_plv`` scores PLOVER relation classification through ``detente.relate`` on a PLV file.
- ``polnear.evaluate_polnear`` scores quotation extraction and speaker attribution on a PolNeAR split
  (brat standoff): precision, recall by kind, speaker accuracy.
- ``conflibert.evaluate_conflibert`` scores the pentaclass of each sentence's main event and whether
  its source and target overlap the coders' spans, on the ConfliBERT CAMEO training split.
- ``geo.evaluate_geo`` scores event locations (country, city/ADM1) against a blind annotation of
  ConfliBERT and PolNeAR sentences shipped with the package, beside detente the GDELT rule.

All take already coded articles (or code them with a given pipeline), so tests, the ``detente eval``
command and benchmarks share one implementation. What this package does not do: hold floors or decide
pass/fail (the tests read floors from ``tests/accuracy_floors.toml``), or ship any gold data (it lives
in ``../shared`` beside the repository).
"""

from __future__ import annotations

from pathlib import Path

from detente.errors import UserInputError


def shared_default(*parts: str) -> Path:
    """``../shared/<parts>`` relative to the current directory, or a clear error when it is absent."""
    path = Path("..", "shared", *parts)
    if not path.exists():
        raise UserInputError(
            f"{path} not found (looked relative to {Path.cwd()}); gold data lives in ../shared beside the "
            "repository: run from the repository root or give the path explicitly"
        )
    return path


DEFAULTS = {
    "showcase": ("showcase",),
    "polnear": ("eval", "polnear-dev"),
    "plv": ("eval", "plv-train", "PLV_train.tsv"),
    "conflibert": ("eval", "conflibert-train"),
    "geo": ("eval",),
}


def run_eval(dataset: str, path: str | None = None, pipeline=None):
    """Score ``dataset`` (one of ``DEFAULTS``) at ``path`` (default ``../shared/...``); the
    report has ``totals()`` (plain data) and ``format()`` (text). The one call ``detente eval`` makes."""
    if dataset not in DEFAULTS:
        raise UserInputError(f"unknown evaluation {dataset!r}; choose one of {', '.join(DEFAULTS)}")
    where = Path(path) if path else shared_default(*DEFAULTS[dataset])
    if not where.exists():
        raise UserInputError(f"{where} not found")
    if dataset == "showcase":
        from detente.evaluation.showcase import evaluate_showcase

        return evaluate_showcase(where, pipeline)
    if dataset == "plv":
        from detente.evaluation.plv import score_plv

        return score_plv(where, pipeline)
    if dataset == "geo":
        from detente.evaluation.geo import evaluate_geo

        return evaluate_geo(where, pipeline)
    if dataset == "conflibert":
        from detente.evaluation.conflibert import evaluate_conflibert

        return evaluate_conflibert(where, pipeline)
    from detente.evaluation.polnear import evaluate_polnear

    return evaluate_polnear(where, pipeline)

