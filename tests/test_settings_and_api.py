"""Settings are documented and layered; the public API is pinned (STYLE.md 4 and 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

import detente
from detente.errors import SettingsError
from detente.settings import SETTINGS, Settings

DOCS = Path(__file__).resolve().parents[1] / "docs" / "settings.md"


@pytest.mark.parametrize("name", [s.name for s in SETTINGS])
def test_every_setting_is_documented(name):
    assert f"| `{name}` |" in DOCS.read_text(encoding="utf-8")


def test_precedence_defaults_file_env_arguments(tmp_path):
    cfg = tmp_path / "detente.toml"
    cfg.write_text("batch_size = 10\nworkers = 3\n", encoding="utf-8")
    s = Settings.load(cfg, env={"DETENTE_WORKERS": "2", "DETENTE_DICTIONARIES": "a,b"}, progress="never")
    assert (s.batch_size, s.workers, s.dictionaries, s.progress) == (10, 2, ("a", "b"), "never")
    assert Settings().batch_size == 64


@pytest.mark.parametrize(
    "kwargs, message",
    [
        pytest.param({"batch_size": 0}, "batch_size", id="zero-batch"),
        pytest.param({"progress": "sometimes"}, "progress", id="bad-choice"),
        pytest.param({"date": "yesterday"}, "date", id="bad-date"),
    ],
)
def test_bad_values_name_the_setting(kwargs, message):
    with pytest.raises(SettingsError, match=message):
        Settings().with_(**kwargs)


def test_unknown_setting_in_file_names_file(tmp_path):
    cfg = tmp_path / "detente.toml"
    cfg.write_text("bogus = 1\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="unknown setting 'bogus'"):
        Settings.load(cfg, env={})


def test_public_api_is_pinned():
    assert sorted(detente.__all__) == [
        "Article", "CodedArticle", "DetenteError", "Event", "Ingested", "InputError", "Mention", "ModelNotInstalledError",
        "ParsedDoc", "Pipeline", "PipelineError", "Place", "Problem", "Quote", "Sentence", "Settings", "Stage", "StageContext",
        "Token", "TraceStep", "Tracer", "UserInputError", "__version__", "code_text", "load", "open", "register_stage", "relate",
    ]
    for name in detente.__all__:
        assert hasattr(detente, name)
