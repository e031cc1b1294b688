"""detente's native TOML dictionaries (``detente.dictionaries.native``): rule ids, load errors and
warnings. Each test writes a small TOML file to ``tmp_path``, or reads the shipped defaults."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from detente.dictionaries import Dictionaries, Discard, default_dictionary_dir, load_dictionaries
from detente.dictionaries.model import PhraseIndex
from detente.dictionaries.native import load_native
from detente.errors import DictionaryError


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _load(path: Path) -> Dictionaries:
    into = Dictionaries()
    load_native(path, into)
    return into


def _patterns(into: Dictionaries) -> list:
    return [p for table in (into.verbs, into.nouns) for patterns in table.values() for p in patterns]


# ------------------------------------------------------------------------------------------------
# rule ids


def test_rule_ids_are_unique_across_the_default_dictionaries() -> None:
    into = load_dictionaries()
    patterns = _patterns(into)
    ids = [p.id for p in patterns]
    assert len(set(ids)) == len(ids) == len(into.patterns_by_id)
    assert not [i for i in ids if "#" in i]  # no (trigger, pattern) pair is written twice
    assert all(into.patterns_by_id[p.id] is p for p in patterns)
    assert into.problems == []


def test_rule_ids_do_not_change_when_lines_are_inserted(tmp_path: Path) -> None:
    text = (default_dictionary_dir() / "events.toml").read_text(encoding="utf-8")
    lines = text.splitlines()
    headers = [n for n, line in enumerate(lines) if line.startswith("[[pattern]]")]
    # comments and blank lines above the first entry, some entries in the middle and the last one
    for n in sorted({headers[0], headers[1], headers[len(headers) // 2], headers[-1]}, reverse=True):
        lines[n:n] = ["", "# a comment inserted by the test", "# and another", ""]
    before = _load(default_dictionary_dir() / "events.toml")
    after = _load(_write(tmp_path, "events.toml", "\n".join(lines) + "\n"))
    assert {p.id: (p.code, p.text) for p in _patterns(after)} == {p.id: (p.code, p.text) for p in _patterns(before)}
    assert [p.id for p in _patterns(after)] == [p.id for p in _patterns(before)]
    moved = [p for p, q in zip(_patterns(before), _patterns(after)) if p.where != q.where]
    assert moved  # where (file:line) is what changed


def test_rule_id_forms(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "mine.toml",
        """
[[pattern]]
code = "111"
verbs = ["Criticize"]

[[pattern]]
id = "sanctions-v2"
code = "163"
verbs = ["impose"]
nouns = ["sanction"]
patterns = ["* against +", "* on +"]
""",
    )
    into = _load(path)
    assert [(p.id, p.where) for p in _patterns(into)] == [
        ("mine:criticize:*", "mine.toml:2"),
        ("sanctions-v2:impose:* against +", "mine.toml:6"),
        ("sanctions-v2:impose:* on +", "mine.toml:6"),
        ("sanctions-v2:sanction/n:* against +", "mine.toml:6"),
        ("sanctions-v2:sanction/n:* on +", "mine.toml:6"),
    ]


def test_a_pattern_written_twice_is_warned_and_numbered(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "mine.toml",
        """[[pattern]]
code = "111"
verbs = ["criticize", "condemn"]

[[pattern]]
code = "112"
verbs = ["criticize"]
patterns = ["*", "* +"]
""",
    )
    into = _load(path)
    assert [(p.id, p.code) for p in into.verbs["criticize"]] == [
        ("mine:criticize:*", "111"),
        ("mine:criticize:*#2", "112"),
        ("mine:criticize:* +", "112"),
    ]
    [problem] = into.problems
    assert (problem.stage, problem.severity, problem.where) == ("dictionaries", "warning", f"{path}:5")
    assert "'*' on line 1 too" in problem.message and "mine:criticize:*#2" in problem.message


def test_the_same_file_name_in_two_folders_gives_numbered_ids(tmp_path: Path) -> None:
    for folder, code in (("a", "111"), ("b", "112")):
        (tmp_path / folder).mkdir()
        _write(tmp_path / folder, "events.toml", f'[[pattern]]\ncode = "{code}"\nverbs = ["criticize"]\n')
    into = load_dictionaries([tmp_path / "a", tmp_path / "b"], defaults=False)
    assert [(p.id, p.code) for p in into.verbs["criticize"]] == [("events:criticize:*", "111"), ("events:criticize:*#2", "112")]
    assert into.problems == []  # a later file overriding an earlier one is not a problem


def test_bad_id_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "mine.toml", '[[pattern]]\nid = "my rules"\ncode = "111"\nverbs = ["criticize"]\n')
    with pytest.raises(DictionaryError, match=re.escape(f"{path}:1: bad id 'my rules'")):
        _load(path)


# ------------------------------------------------------------------------------------------------
# discards


def test_discards_carry_their_scope(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "sports.toml",
        """[[discard]]
names = ["penalty shootout", "Champions League"]

[[discard]]
names = ["World Golf Championships"]
scope = "story"
""",
    )
    discards = _load(path).discards
    assert discards.longest(["penalty", "shootout"], 0)[1] == [Discard("penalty shootout", "sentence")]
    assert discards.longest(["Champions", "League"], 0)[1] == [Discard("Champions League", "sentence")]
    assert discards.longest(["World", "Golf", "Championships"], 0)[1] == [Discard("World Golf Championships", "story")]


def test_a_bad_discard_scope_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "sports.toml", '[[discard]]\nnames = ["match"]\nscope = "article"\n')
    with pytest.raises(DictionaryError, match=re.escape(f"{path}:1: bad scope 'article'; a discard's scope is 'sentence' (the default) or 'story'")):
        _load(path)


# ------------------------------------------------------------------------------------------------
# load errors: unknown tables, keys and codes


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            '[[pattern]]\ncode = "111"\nverbs = ["criticize"]\n\n[[pattern]]\ncod = "111"\nverbs = ["condemn"]\n',
            5,
            "unknown key 'cod' in [[pattern]]; valid keys: code, code2, id, nouns, patterns, verbs",
        ),
        ('[[pattern]]\ncode = "111"\nverbs = ["criticize"]\npattern = "* +"\n', 1, "unknown key 'pattern' in [[pattern]]"),
        ('# a comment\n[[country]]\ncode = "RUS"\nnames = ["Russia"]\ncapital = ["Moscow"]\n', 2, "unknown key 'capital' in [[country]]; valid keys: adjectives, capitals, code, demonyms, names"),
        ('[[actor]]\nname = ["Kremlin"]\ncode = "RUSGOV"\n', 1, "unknown key 'name' in [[actor]]; valid keys: code, codes, kind, names, role"),
        ('[[agent]]\ncode = "GOV"\nnames = ["minister"]\nalone = true\nplural = "ministers"\n', 1, "unknown key 'plural' in [[agent]]; valid keys: alone, code, names"),
        ('[[actor]]\nnames = ["Putin"]\ncodes = [{ code = "RUSGOV", form = 2012-05-07 }]\n', 1, "unknown key 'form' in an item of 'codes'; valid keys: code, from, to"),
        ('[synsets]\nA = ["a"]\n\n[[patterns]]\ncode = "111"\nverbs = ["criticize"]\n', 4, "unknown table 'patterns'; valid tables: [[actor]], [[agent]], [confidence], [[country]], [[discard]], [[pattern]], [rewrites], [[statement]], [synsets], [words]"),
        ('version = 2\n[[pattern]]\ncode = "111"\nverbs = ["criticize"]\n', 1, "unknown table 'version'"),
        ('[pattern]\ncode = "111"\nverbs = ["criticize"]\n', 1, "write [[pattern]] above each entry"),
        ('[[synsets]]\nA = ["a"]\n', 1, "write [synsets] once"),
    ],
    ids=["pattern-key", "pattern-singular", "country-key", "actor-name-singular", "agent-key", "dated-code-key", "unknown-table", "top-level-key", "pattern-not-array", "synsets-array"],
)
def test_unknown_tables_and_keys_are_errors(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = _write(tmp_path, "bad.toml", text)
    with pytest.raises(DictionaryError) as info:
        _load(path)
    assert str(info.value).startswith(f"{path}:{line}: {message}"), str(info.value)
    assert (info.value.path, info.value.line) == (str(path), line)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('code = "19x"', "unknown CAMEO code '19x'; event codes are those of CAMEO 1.1b3"),
        ('code = "41"', "unknown CAMEO code '41'"),  # "041" is
        ('code = "0999"', "unknown CAMEO code '0999'"),
        ('code = "111"\ncode2 = "999"', "unknown CAMEO code '999'"),
        ("code = 111", "'code' must be a string such as \"111\", got 111"),
        ('code2 = "112"', "pattern has no 'code'"),
    ],
    ids=["letters", "leading-zero-missing", "not-in-table", "code2", "integer", "missing"],
)
def test_unknown_cameo_codes_are_errors(tmp_path: Path, entry: str, message: str) -> None:
    path = _write(tmp_path, "bad.toml", f'[[pattern]]\ncode = "111"\nverbs = ["praise"]\n\n[[pattern]]\n{entry}\nverbs = ["criticize"]\n')
    with pytest.raises(DictionaryError) as info:
        _load(path)
    assert str(info.value).startswith(f"{path}:5: {message}"), str(info.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[pattern]]\ncode = "111"\nverbs = "criticize"\n', "'verbs' must be a non-empty list of strings"),
        ('[[pattern]]\ncode = "111"\nverbs = ["criticize"]\npatterns = []\n', "'patterns' must be a non-empty list of strings"),
        ('[[country]]\ncode = "RUS"\nnames = ["Russia"]\ncapitals = "Moscow"\n', "'capitals' must be a non-empty list of strings"),
        ('[[agent]]\ncode = "GOV"\nnames = ["minister"]\nalone = "no"\n', "'alone' must be true or false"),
        ('[synsets]\nTIE_TYPES = ["ties"]\n', "synset name 'TIE_TYPES': letters and digits only"),
    ],
    ids=["verbs-string", "patterns-empty", "capitals-string", "alone-string", "synset-underscore"],
)
def test_values_of_the_wrong_type_are_errors(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, "bad.toml", text)
    with pytest.raises(DictionaryError, match=re.escape(message)):
        _load(path)


def test_a_file_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes('[[country]]\ncode = "CIV"\nnames = ["C\xf4te d\'Ivoire"]\n'.encode("latin-1"))
    with pytest.raises(DictionaryError, match="not UTF-8"):
        _load(path)


def test_every_shipped_file_loads_without_problems() -> None:
    for path in sorted(default_dictionary_dir().glob("*.toml")):
        into = Dictionaries()
        if path.name != "events.toml":  # events.toml's patterns use its own synsets, as the others may
            load_native(default_dictionary_dir() / "events.toml", into)
        load_native(path, into)
        assert into.problems == [], path.name


RULES_OK = '[[statement]]\nid = "scold"\ncode = "111"\ncues = ["scold"]\n\n[rewrites.planned]\n"163" = "1312"\n\n[words]\nfirst_person = ["we"]\n'


@pytest.mark.parametrize(
    "text, line, message",
    [
        pytest.param('[[statement]]\nid = "x"\ncode = "111"\ncues = ["x"]\ntone = "sharp"\n', 1, "unknown key 'tone' in [[statement]]", id="statement-unknown-key"),
        pytest.param('[[statement]]\nid = "x"\ncode = "19x"\ncues = ["x"]\n', 1, "unknown CAMEO code '19x'", id="statement-unknown-code"),
        pytest.param('[[statement]]\ncode = "111"\ncues = ["x"]\n', 1, "needs an 'id'", id="statement-without-id"),
        pytest.param('[rewrites.someday]\n"04" = "036"\n', 1, "unknown rewrite table [rewrites.someday]", id="unknown-rewrite-table"),
        pytest.param('[rewrites.planned]\n"04" = "999"\n', 1, "unknown CAMEO code '999'", id="rewrite-unknown-code"),
        pytest.param('[rewrites.planned]\n"x4" = "036"\n', 1, "bad code prefix 'x4'", id="rewrite-bad-prefix"),
        pytest.param('[words]\nfirst_person = "we"\n', 1, "must be a list of strings", id="word-list-not-a-list"),
    ],
)
def test_rule_tables_are_checked(tmp_path, text, line, message):
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        load_native(path, Dictionaries())
    assert str(info.value).startswith(f"{path}:{line}: ") and message in str(info.value)


def test_a_later_rules_file_adds_and_replaces(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text(RULES_OK, encoding="utf-8")
    d = load_dictionaries([path])
    assert d.rules.statements["scold"].id == "rules:statement:scold" and d.rules.statements["criticize"].code == "111"
    assert d.rules.word("first_person") == {"we"}  # a word list is replaced whole
    assert d.rules.rewrite("planned", "163") == ("1312", "rules:planned:163")
    assert d.rules.rewrite("planned", "0841") == ("0353", "rules:planned:084")  # the shipped entries stay


def test_a_name_is_matched_word_by_word_not_across_a_word_of_another_name():
    # "Kazakhstan is" folds to the demonym "Kazakhstanis" letter for letter; a one-word name never
    # continues into a next token, while a name of several words does, punctuation between or not
    index = PhraseIndex()
    for name in ("Kazakhstan", "Kazakhstanis", "Republic of Kazakhstan", "Nur-Sultan"):
        index.add(name, name)
    assert index.longest(["Kazakhstan", "is", "ready"], 0) == (1, ["Kazakhstan"])
    assert index.longest(["Kazakhstanis", "voted"], 0) == (1, ["Kazakhstanis"])
    assert index.longest(["Republic", "of", "Kazakhstan"], 0) == (3, ["Republic of Kazakhstan"])
    assert index.longest(["Nur", "-", "Sultan"], 0) == (3, ["Nur-Sultan"])
    assert index.longest(["Nur", "Sultan"], 0) == (2, ["Nur-Sultan"])
