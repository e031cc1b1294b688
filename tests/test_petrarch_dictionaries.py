"""PETRARCH/TABARI dictionary readers (``detente.dictionaries.petrarch``).

Tests marked ``shared`` read the real dictionaries in ``../shared`` (the PETRARCH validation suite and
the Phoenix/CAMEO reference dictionaries) and are skipped when that folder is absent; the others write
small dictionaries to ``tmp_path`` and test one syntax feature each.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from detente.dictionaries import load_dictionaries
from detente.dictionaries import petrarch
from detente.dictionaries.model import DatedCode, Dictionaries, Discard
from detente.errors import DictionaryError

SHARED = Path(__file__).resolve().parents[2] / "shared"
VALIDATE = SHARED / "petrarch"
REFERENCE = SHARED / "reference" / "petrarch-cameo-dictionaries"

requires_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"shared data folder not found: {SHARED} (expected at ../shared from the repo root)"
)

LOADERS = {
    "verbs": petrarch.load_verbs,
    "actors": petrarch.load_actors,
    "agents": petrarch.load_agents,
    "discards": petrarch.load_discards,
}

VALIDATE_FILES = [(kind, f"PETR.Validate.{kind}.txt") for kind in ("verbs", "actors", "agents", "discards")]
REFERENCE_FILES = [
    ("verbs", "CAMEO.2.0.txt"),
    ("actors", "Phoenix.Countries.actors.txt"),
    ("actors", "Phoenix.International.actors.txt"),
    ("actors", "Phoenix.MilNonState.actors.txt"),
    ("agents", "Phoenix.agents.txt"),
    ("discards", "Phoenix.discards.txt"),
]
# agents and discards first, verbs last: the order detente's loader uses
LOAD_ORDER = {"agents": 0, "discards": 1, "actors": 2, "verbs": 3}


def _load_set(folder: Path, files: list[tuple[str, str]]) -> tuple[Dictionaries, float]:
    into = Dictionaries()
    started = time.perf_counter()
    for kind, name in sorted(files, key=lambda kf: LOAD_ORDER[kf[0]]):
        LOADERS[kind](folder / name, into)
    return into, time.perf_counter() - started


@pytest.fixture(scope="module")
def validate_set() -> Dictionaries:
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder not found: {SHARED}")
    into, seconds = _load_set(VALIDATE, VALIDATE_FILES)
    print(f"\nPETR.Validate set: {seconds:.3f} s, {into.counts()}")
    return into


@pytest.fixture(scope="module")
def reference_set() -> Dictionaries:
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder not found: {SHARED}")
    into, seconds = _load_set(REFERENCE, REFERENCE_FILES)
    print(f"\nreal-world set (CAMEO.2.0 + Phoenix): {seconds:.3f} s, {into.counts()}")
    into.load_seconds = seconds
    return into


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _load(kind: str, path: Path, **kwargs) -> Dictionaries:
    into = Dictionaries()
    LOADERS[kind](path, into, **kwargs)
    return into


def _only(patterns, text):
    found = [p for p in patterns if p.text == text]
    assert len(found) == 1, [p.text for p in patterns]
    return found[0]


def _lits(elements):
    return [e.phrases if e.kind == "lit" else e.kind for e in elements]


def _warnings(into: Dictionaries, name: str) -> list[tuple[int | None, str]]:
    """(line, message) of the loader warnings about file ``name``; ``None`` for a per-file warning."""
    out = []
    for problem in into.problems:
        assert (problem.stage, problem.severity) == ("dictionaries", "warning"), problem
        path, _, line = problem.where.rpartition(":")
        if not line.isdigit():
            path, line = problem.where, ""
        if Path(path).name == name:
            out.append((int(line) if line else None, problem.message))
    return out


# ------------------------------------------------------------------------------------------------
# (a) every shared file loads


@pytest.mark.shared
@requires_shared
@pytest.mark.parametrize(
    ("folder", "kind", "name"),
    [(VALIDATE, k, n) for k, n in VALIDATE_FILES] + [(REFERENCE, k, n) for k, n in REFERENCE_FILES],
    ids=[n for _, n in VALIDATE_FILES] + [n for _, n in REFERENCE_FILES],
)
def test_shared_file_loads(folder: Path, kind: str, name: str) -> None:
    into = Dictionaries()
    LOADERS[kind](folder / name, into)
    counts = into.counts()
    field = {"verbs": "verb_patterns", "actors": "actors", "agents": "agents", "discards": "discards"}[kind]
    assert counts[field] > 0, counts
    assert into.sources == [str(folder / name)]
    print(f"\n{name}: {counts}; {len(into.problems)} warnings")
    assert all(p.where.startswith(str(folder / name)) for p in into.problems)


@pytest.mark.shared
@requires_shared
def test_loader_recognises_the_reference_folder() -> None:
    into = load_dictionaries([REFERENCE], defaults=False)
    assert {Path(s).name for s in into.sources} == {n for _, n in REFERENCE_FILES} | {"rules.toml"}  # the engine's rules always load


# ------------------------------------------------------------------------------------------------
# (b) plausible sizes


@pytest.mark.shared
@requires_shared
@pytest.mark.parametrize(
    ("field", "low", "high"),
    [
        ("actors", 30_000, 45_000),
        ("agents", 4_000, 7_000),
        ("verb_patterns", 35_000, 60_000),
        ("verbs", 1_300, 2_000),
        ("discards", 400, 600),
        ("synsets", 35, 45),
    ],
    ids=lambda v: str(v),
)
def test_reference_counts(reference_set: Dictionaries, field: str, low: int, high: int) -> None:
    counts = reference_set.counts()
    assert low <= counts[field] <= high, counts


@pytest.mark.shared
@requires_shared
@pytest.mark.parametrize(
    ("field", "low", "high"),
    [("actors", 120, 220), ("agents", 120, 220), ("verb_patterns", 500, 900), ("verbs", 200, 320), ("discards", 9, 9), ("synsets", 17, 17)],
    ids=lambda v: str(v),
)
def test_validate_counts(validate_set: Dictionaries, field: str, low: int, high: int) -> None:
    counts = validate_set.counts()
    assert low <= counts[field] <= high, counts


# ------------------------------------------------------------------------------------------------
# (c) specific entries of the shared files


@pytest.mark.shared
@requires_shared
def test_validate_nested_synset_expands(validate_set: Dictionaries) -> None:
    accord = validate_set.synsets["ACCORDSYN"]
    assert ("closer",) in accord  # its own member
    assert ("economic",) in accord  # from +&TIETYPES
    assert ("austrian", "florin") in accord  # from +&CURRENCY
    pattern = _only(validate_set.verbs["accord"], "INCHING &ACCORDSYN *")
    assert pattern.code == "083"
    assert pattern.pre[1].phrases == accord
    # &PREPOSIT1_ is used as &PREPOSIT1; TreeBank contractions split as the tokenizer does
    assert ("by",) in validate_set.synsets["PREPOSIT1"]
    assert ("did", "nt") in validate_set.synsets["NEGATVAUXVRB"]
    assert ("do", "nt") in validate_set.synsets["NEGSYN1"]


@pytest.mark.shared
@requires_shared
def test_validate_verb_blocks(validate_set: Dictionaries) -> None:
    verbs = validate_set.verbs
    arrive = _only(verbs["arrive"], "*")
    assert (arrive.code, arrive.code2) == ("032", "033")
    # one block, three verbs: the patterns belong to each; DOWNPLAY has its own code for the bare verb
    assert _only(verbs["downplay"], "*").code == "014"
    assert _only(verbs["delay"], "*").code == "120"
    for verb in ("delay", "downplay", "postpone"):
        assert _only(verbs[verb], "SAID WOULD NOT *").code == "112"
    # multi-word verbs: the '+' word is the trigger, the rest are adjacent literals
    assert _lits(_only(verbs["cordon"], "*_OFF").post) == [(("off",),)]
    assert _only(verbs["cordon"], "*_OFF").post[0].adjacent
    assert _only(verbs["tap"], "WIRE_*").code == "1711"
    assert _only(verbs["rst"], "KLM_NOP_*").code == "002"
    # [---] on the block: no bare pattern; [---] on a pattern: skipped
    assert not [p for p in verbs["accord"] if p.text == "*"]
    assert not [p for p in verbs["force"] if p.text != "*"]
    skipped = [line for line, message in _warnings(validate_set, "PETR.Validate.verbs.txt") if message == "null-coded pattern [---] skipped"]
    assert len(skipped) == 5 and all(skipped)
    # a '#' inside a code is not a comment
    assert _only(verbs["restore"], "* DIPLXMATIC").code == "###"


@pytest.mark.shared
@requires_shared
def test_reference_verbs(reference_set: Dictionaries) -> None:
    verbs = reference_set.verbs
    rush = _only(verbs["rush"], "* TO")
    assert (rush.code, rush.code2) == ("042", "043")
    court = _only(verbs["appear"], "* BEFORE COURT")
    assert (court.code, court.code2) == ("---", "173")
    # {…} noun phrases are adjacent words, (…) prepositional phrases plain words in order
    shipment = _only(verbs["expedite"], "* ARMS_SHIPMENT")
    assert _lits(shipment.post) == [(("arms",),), (("shipment",),)] and shipment.post[1].adjacent
    border = _only(verbs["rush"], "* POLICE TO BORDER")
    assert border.code == "153" and _lits(border.post) == [(("police",),), (("to",),), (("border",),)]
    # a synset whose name has underscores, and A/B alternatives
    assert _lits(_only(verbs["engage"], "* IN &FIGHT-OF-WORDS").post)[1] == reference_set.synsets["FIGHT_OF_WORDS"]
    alternatives = [p for p in verbs["gather"] if "PROTEST" in p.text and "&/TO/FOR" in p.text]
    assert alternatives and alternatives[0].post[0].phrases == (("to",), ("for",))
    # a pattern's rule id is file stem, verb and pattern text; where points at the pattern's line
    assert rush.id == "CAMEO.2.0:rush:* TO" and rush.where.startswith("CAMEO.2.0.txt:")
    line = int(rush.where.rsplit(":", 1)[1])
    assert "(TO)" in (REFERENCE / "CAMEO.2.0.txt").read_text().splitlines()[line - 1]
    expel = _only(verbs["expel"], "*")
    assert expel.code == "174"


@pytest.mark.shared
@requires_shared
@pytest.mark.parametrize(
    ("tokens", "when", "code"),
    [
        (["Vladimir", "Putin"], date(1995, 1, 1), "RUSELI"),  # [RUSELI 700101-990809]
        (["Vladimir", "Putin"], date(2005, 6, 1), "RUSGOV"),  # [RUSGOV 991231-080507]
        (["President", "Putin"], date(2013, 1, 1), "RUSGOV"),  # [RUSGOV >080508]
        (["Putin"], date(1960, 1, 1), "RUSELI"),  # outside every range: the undated [RUSELI]
        (["Barack", "Obama"], date(2010, 1, 1), "USAGOV"),  # [USAGOV >090120]
        (["Barack", "Obama"], date(1990, 1, 1), "USAELI"),  # [USAELI 780101-000101]
        (["Barack", "Obama"], date(2005, 1, 1), None),  # no range and no undated code
    ],
    ids=["putin-1995", "putin-2005", "putin-2013", "putin-1960", "obama-2010", "obama-1990", "obama-2005"],
)
def test_reference_dated_actor(reference_set: Dictionaries, tokens: list[str], when: date, code: str | None) -> None:
    found = reference_set.actors.longest(tokens, 0)
    assert found is not None and found[0] == len(tokens)
    (entry,) = {e.id: e for e in found[1]}.values()
    assert entry.code_on(when) == code


@pytest.mark.shared
@requires_shared
@pytest.mark.parametrize(
    ("tokens", "code"),
    [
        (["US"], "USA"),
        (["U.S."], "USA"),
        (["United", "States"], "USA"),
        (["Turkey"], "TUR"),
        (["the", "United", "Nations"], "IGOUNO"),
        (["U.N."], "IGOUNO"),  # written without a code in the file: shares the next actor's codes
        (["Mikhail", "Gorbachev"], "RUSELI"),
    ],
    ids=["US", "U.S.", "United-States", "Turkey", "the-UN", "U.N.", "Gorbachev"],
)
def test_reference_actor_names(reference_set: Dictionaries, tokens: list[str], code: str) -> None:
    found = reference_set.actors.longest(tokens, 0)
    assert found is not None and found[0] == len(tokens), found
    assert code in {e.code_on(date(1980, 1, 1)) for e in found[1]}


@pytest.mark.shared
@requires_shared
@pytest.mark.parametrize("tokens", [["us"], ["turkey"], ["Us", "then"]], ids=["pronoun-us", "turkey-bird", "Us-capitalised"])
def test_reference_actor_non_names(reference_set: Dictionaries, tokens: list[str]) -> None:
    assert reference_set.actors.longest(tokens, 0) is None


@pytest.mark.shared
@requires_shared
@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("farmer", "~AGR"),
        ("farmers", "~AGR"),  # regular plural generated
        ("thieves", "~CRM"),  # THIEF {THIEVES}
        ("cattlemen", "~AGR"),  # CATTLE!PERSON!
        ("foreign ministries", "~GOV"),  # FOREIGN_!MINIST!
        ("minister for public service and administrative reform", "~GOVDEV"),  # AD!MINIST!RATIVE
    ],
    ids=["farmer", "farmers", "thieves", "cattlemen", "foreign-ministries", "glued-marker"],
)
def test_reference_agents(reference_set: Dictionaries, phrase: str, code: str) -> None:
    found = reference_set.agents.longest(phrase.split(), 0)
    assert found is not None and found[0] == len(phrase.split()), phrase
    assert code in {a.code for a in found[1]}


@pytest.mark.shared
@requires_shared
def test_validate_agents_and_discards(validate_set: Dictionaries) -> None:
    agents = validate_set.agents
    assert [a.code for a in agents.longest(["golden", "geese"], 0)[1]] == ["~GGS"]
    assert agents.longest(["Congresswomen"], 0)[1][0].code == "~LEG"
    assert agents.longest(["troopses"], 0) is None  # TROOPS {}: no plural
    assert [a.code for a in agents.longest(["human", "rights", "body"], 0)[1]] == ["NGO~"]
    assert [a.name for a in agents.longest(["ministries", "of", "silly", "walks"], 0)[1]] == ["ministries of silly walks"]
    discards = validate_set.discards
    assert discards.longest(["Manchester", "United"], 0)[1] == [Discard("manchester united", "story")]
    assert discards.longest(["months", "later"], 0)[1] == [Discard("months later", "sentence")]


@pytest.mark.shared
@requires_shared
def test_validate_actor_dates(validate_set: Dictionaries) -> None:
    (gollum,) = validate_set.actors.longest(["Smeagol"], 0)[1]
    assert gollum.name == "Gollum"
    assert [gollum.code_on(date(y, 1, 1)) for y in (1994, 1997, 2001)] == ["HOB", "HOBGOV", "HOBREB"]
    (sam,) = validate_set.actors.longest(["Sam", "Gamgee"], 0)[1]
    assert sam.code_on(date(2010, 1, 10)) == "ORCHOB"  # listed first, so it wins over HOBMIL
    assert sam.code_on(date(2011, 1, 1)) == "HOBMIL"
    (prince,) = validate_set.actors.longest(["Prince", "of", "Dol", "Amroth"], 0)[1]
    # "---" in PETRARCH means a known name with no code: no code at all
    assert prince.code_on(date(1990, 1, 1)) is None and prince.code_on(date(2000, 1, 1)) == "DOL"


# ------------------------------------------------------------------------------------------------
# (d) inline dictionaries: verbs


def test_verbs_synsets_nested_and_defined_after_use(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "t.verbs.txt",
        """<!-- a comment
        over two lines -->
&OUTER_
+&INNER STUFF
+PLAIN  # comment

--- MEET [031] ---
MEET
- * &OUTER [032]
- * &INNER_TALKS [033]

&INNER
+ECONOMIC
+MILITARY_AID
+DON'T
""",
    )
    into = _load("verbs", path)
    assert into.synsets["INNER"] == (("economic",), ("military", "aid"), ("do", "nt"))
    assert into.synsets["OUTER"] == (("economic", "stuff"), ("military", "aid", "stuff"), ("do", "nt", "stuff"), ("plain",))
    outer = _only(into.verbs["meet"], "* &OUTER")
    assert outer.post[0].phrases == into.synsets["OUTER"] and outer.where == "t.verbs.txt:9" and outer.id == "t.verbs:meet:* &OUTER"
    talks = _only(into.verbs["meet"], "* &INNER_TALKS")  # a synset and an adjacent word
    assert _lits(talks.post) == [into.synsets["INNER"], (("talks",),)] and talks.post[1].adjacent


def test_verbs_block_with_several_verbs(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "t.verbs.txt",
        """--- SAY [010] ---
SAY {SAID SAYING }  # irregular forms are not needed: triggers are lemmas
STATE
CLARIFY {CLARIFIES CLARIFIED CLARIFYING} [040]
SCRAP {SCRAPPING SCRAPS SCRAPPED };shan   8/30/93
- * + THAT $ WILL PULLOUT [0356]
""",
    )
    into = _load("verbs", path)
    assert set(into.verbs) == {"say", "state", "clarify", "scrap"}
    assert _only(into.verbs["say"], "*").code == "010"
    assert _only(into.verbs["clarify"], "*").code == "040"
    assert _only(into.verbs["clarify"], "*").where == "t.verbs.txt:4"
    for verb in into.verbs:
        pattern = _only(into.verbs[verb], "* + THAT $ WILL PULLOUT")
        assert pattern.code == "0356" and pattern.where == "t.verbs.txt:6" and pattern.pos == "verb"
        assert pattern.id == f"t.verbs:{verb}:* + THAT $ WILL PULLOUT"
        assert [e.kind for e in pattern.post] == ["target", "lit", "source", "lit", "lit"]


def test_verbs_multi_word(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "t.verbs.txt",
        """--- EXCLUDE [1721] ---
+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF +CORDONING_OFF }
WIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING } [1711]
LASH OUT
- IN_* AREA [071]
""",
    )
    into = _load("verbs", path)
    cordon = _only(into.verbs["cordon"], "IN_*_OFF AREA")
    assert _lits(cordon.pre) == [(("in",),)] and _lits(cordon.post) == [(("off",),), (("area",),)]
    assert cordon.post[0].adjacent and not cordon.post[1].adjacent
    assert _only(into.verbs["tap"], "WIRE_*").code == "1711"
    assert _only(into.verbs["tap"], "IN_WIRE_* AREA").code == "071"
    assert _only(into.verbs["lash"], "*_OUT").code == "1721"
    assert _warnings(into, "t.verbs.txt") == [(None, "multi-word verb written with blanks: first word taken as the verb (1 time)")]


@pytest.mark.parametrize(
    ("code", "expected"),
    [("[032:033]", ("032", "033")), ("[:173]", ("---", "173")), ("[075A]", ("075A", None)), ("[080!]", ("080!", None)), ("[042:---]", ("042", None))],
    ids=["paired", "second-only", "letter", "odd-kept", "null-second"],
)
def test_verbs_codes(tmp_path: Path, code: str, expected: tuple[str, str | None]) -> None:
    path = _write(tmp_path, "t.verbs.txt", f"--- VISIT [---] ---\nVISIT\n- * TOWN {code}\n")
    pattern = _only(_load("verbs", path).verbs["visit"], "* TOWN")
    assert (pattern.code, pattern.code2) == expected


def test_verbs_null_codes(tmp_path: Path) -> None:
    path = _write(tmp_path, "t.verbs.txt", "--- FORCE [220] ---\nFORCE\nPUSH [---]\n- PEACE-KEEPING * [---]\n")
    into = _load("verbs", path)
    assert [p.text for p in into.verbs["force"]] == ["*"]
    assert "push" not in into.verbs
    kept = _load("verbs", path, keep_null=True)
    assert _only(kept.verbs["force"], "PEACE-KEEPING *").code == "---"
    assert _only(kept.verbs["push"], "*").code == "---"


@pytest.mark.parametrize(
    ("pattern", "text", "literals"),
    [
        ("* {ARMS SHIPMENT} (TO BORDER)", "* ARMS_SHIPMENT TO BORDER", [(("arms",),), (("shipment",),), (("to",),), (("border",),)]),
        ("* (BY/WITH PROTESTS)", "* &/BY/WITH PROTESTS", [(("by",), ("with",)), (("protests",),)]),
        ("$ * ^ TO_ +", "$ * TO +", ["source", (("to",),), "target"]),
        ("% HAVE *", "HAVE *", [(("have",),)]),
        ("*SCEPTICAL", "* SCEPTICAL", [(("sceptical",),)]),
        ("WOULD DON'T *", "WOULD DO_N'T *", [(("would",),), (("do",),), (("nt",),)]),
        ("* VENTURE (WITH VISIT)  VISIT)", "* VENTURE WITH VISIT VISIT", [(("venture",),), (("with",),), (("visit",),), (("visit",),)]),
    ],
    ids=["noun-and-prep-phrase", "alternatives", "skip-caret", "compound-percent", "glued-star", "contraction", "stray-paren"],
)
def test_verbs_pattern_syntax(tmp_path: Path, pattern: str, text: str, literals: list) -> None:
    path = _write(tmp_path, "t.verbs.txt", f"--- ACT [---] ---\nACT\n- {pattern}  [042]  # comment with * and [code]\n")
    found = _only(_load("verbs", path).verbs["act"], text)
    assert _lits(found.pre + found.post) == literals


def test_verbs_repeated_pattern_text_gets_a_numbered_id(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "t.verbs.txt",
        "--- VISIT [042] ---\nVISIT\nTOUR\n- * TOWN [043]\n- * TOWN [044]\n- * TOWN [043]\n- * CITY [045]\n- * TOWN [046]\n",
    )
    into = _load("verbs", path)
    for verb in ("visit", "tour"):
        assert [(p.id, p.code, p.where) for p in into.verbs[verb]] == [
            (f"t.verbs:{verb}:*", "042", "t.verbs.txt:2" if verb == "visit" else "t.verbs.txt:3"),
            (f"t.verbs:{verb}:* TOWN", "043", "t.verbs.txt:4"),
            (f"t.verbs:{verb}:* TOWN#2", "044", "t.verbs.txt:5"),
            (f"t.verbs:{verb}:* CITY", "045", "t.verbs.txt:7"),
            (f"t.verbs:{verb}:* TOWN#3", "046", "t.verbs.txt:8"),
        ]
    assert _warnings(into, "t.verbs.txt") == [
        (5, "pattern '* TOWN' [044] repeats line 4 [043] with another code: on a tie the later one wins; rule id suffixed #2 (verbs VISIT, TOUR)"),
        (6, "duplicate pattern skipped: '* TOWN' [043] as on line 4 (verbs VISIT, TOUR)"),
        (8, "pattern '* TOWN' [046] repeats line 5 [044] with another code: on a tie the later one wins; rule id suffixed #3 (verbs VISIT, TOUR)"),
    ]


def test_verbs_undefined_synset_skips_the_pattern(tmp_path: Path) -> None:
    path = _write(tmp_path, "t.verbs.txt", "--- ACT [---] ---\nACT\n- * &NOWHERE [042]\n- * THERE [043]\n")
    into = _load("verbs", path)
    assert [p.text for p in into.verbs["act"]] == ["* THERE"]
    assert _warnings(into, "t.verbs.txt") == [(3, "pattern uses an undefined synset &NOWHERE: skipped")]


def test_verbs_use_synsets_of_an_earlier_file(tmp_path: Path) -> None:
    first = _write(tmp_path, "a.verbs.txt", "&GOODS\n+GRAIN\n+OIL\n")
    second = _write(tmp_path, "b.verbs.txt", "--- SELL [---] ---\nSELL\n- * &GOODS [061]\n")
    into = Dictionaries()
    petrarch.load_verbs(first, into)
    petrarch.load_verbs(second, into)
    assert _only(into.verbs["sell"], "* &GOODS").post[0].phrases == (("grain",), ("oil",))


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("--- ACT [---] ---\nACT\n- SAID TO [042]\n", 3, "exactly one '*'"),
        ("--- ACT [---] ---\nACT\n- * SAID * [042]\n", 3, "exactly one '*'"),
        ("--- ACT [---] ---\nACT\n- * SAID\n", 3, "no [code]"),
        ("# header\n- * SAID [042]\n", 2, "before any"),
        ("ACT\n", 1, "before any"),
        ("--- ACT [---] ---\nACT {ACTS ACTED\n", 2, "without a closing"),
        ("&A\n+&B\n&B\n+&A\n--- ACT [---] ---\nACT\n- * &A [042]\n", 1, "loop"),
        ("--- ACT [---] ---\n<!-- never closed\nACT\n", 2, "never closed"),
    ],
    ids=["no-star", "two-stars", "no-code", "pattern-before-block", "verb-before-block", "open-brace", "synset-loop", "open-comment"],
)
def test_verbs_malformed(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = _write(tmp_path, "bad.verbs.txt", text)
    with pytest.raises(DictionaryError) as info:
        _load("verbs", path)
    assert f"{path}:{line}:" in str(info.value) and message in str(info.value)
    assert info.value.line == line and info.value.path == str(path)


# ------------------------------------------------------------------------------------------------
# (d) inline dictionaries: actors


ACTORS = """# comment
<! -- TABARI-style comment line -->
UNITED_STATES_ [USA]
+U.S.
+US_  # the pronoun "us" must not match
+THE_US_

GOLLUM  # pas 27 Apr 03
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]

JOHN_SMITH_\t[USAGOV 20090120-20170120] [USAELI]  # two codes on one line
LEONID_BREZHNEV_
SECRETARY_BREZHNEV
\t[RUSGOV 641014-821110]
AL-QAEDA [imgmosalq]
NOBODY_ [---]
"""


def test_actors_entries_and_names(tmp_path: Path) -> None:
    into = _load("actors", _write(tmp_path, "t.actors.txt", ACTORS))
    actors = into.actors
    (usa,) = actors.longest(["United", "States"], 0)[1]
    assert (usa.id, usa.name, usa.kind, usa.code, usa.codes) == ("t.actors.txt:3", "United States", "actor", "USA", ())
    for tokens in (["US"], ["U.S."], ["the", "US"], ["The", "US"]):
        assert actors.longest(tokens, 0)[1] == [usa], tokens
    assert actors.longest(["us"], 0) is None
    assert actors.longest(["united", "states"], 0) is None  # names need a capitalised first word
    assert actors.longest(["al", "-", "Qaeda"], 0)[1][0].code == "IMGMOSALQ"  # particle in lower case
    assert actors.longest(["Nobody"], 0)[1][0].code == "---"


def test_actors_dates(tmp_path: Path) -> None:
    into = _load("actors", _write(tmp_path, "t.actors.txt", ACTORS))
    (gollum,) = into.actors.longest(["Smeagol"], 0)[1]
    assert gollum.code is None
    assert [(c.code, c.start, c.end) for c in gollum.codes] == [
        ("HOB", None, date(1995, 6, 1)),
        ("HOBGOV", date(1995, 6, 1), date(1999, 8, 15)),
        ("HOBREB", date(1999, 8, 16), None),
    ]
    (smith,) = into.actors.longest(["John", "Smith"], 0)[1]
    assert smith.code == "USAELI" and smith.code_on(date(2010, 1, 1)) == "USAGOV" and smith.code_on(date(2018, 1, 1)) == "USAELI"
    # a primary line with no codes shares the next actor's (as PETRARCH reads it)
    (brezhnev,) = into.actors.longest(["Leonid", "Brezhnev"], 0)[1]
    assert into.actors.longest(["Secretary", "Brezhnev"], 0)[1] == [brezhnev]
    assert brezhnev.id == "t.actors.txt:15" and brezhnev.codes == (DatedCode("RUSGOV", date(1964, 10, 14), date(1982, 11, 10)),)


@pytest.mark.parametrize(
    ("line", "at", "note"),
    [
        ("\t[ABC 20100931-20110101]", 2, "unreadable date, code skipped"),
        ("\t[ABC 9008223-911221]", 2, "unreadable date, code skipped"),
        ("\t[ABC 20121207-20120802]", 2, "date range ending before it starts"),
        ("\t[ABC 20121204]", None, "date without '<', '>' or '-'"),
    ],
    ids=["bad-day", "seven-digits", "reversed", "bare-date"],
)
def test_actors_odd_dates_are_warned(tmp_path: Path, line: str, at: int | None, note: str) -> None:
    into = _load("actors", _write(tmp_path, "t.actors.txt", f"SOMEONE_\n{line}\n"))
    warnings = _warnings(into, "t.actors.txt")
    assert any(where == at and message.startswith(note) for where, message in warnings), warnings


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("+SYNONYM\nACTOR [ABC]\n", 1, "before any actor"),
        ("\t[ABC]\nACTOR\n", 1, "before any actor"),
        ("ACTOR [ABC\n", 1, "do not pair up"),
        ("ACTOR\n\t[]\n", 2, "empty code"),
    ],
    ids=["synonym-first", "code-first", "open-bracket", "empty-code"],
)
def test_actors_malformed(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = _write(tmp_path, "bad.actors.txt", text)
    with pytest.raises(DictionaryError) as info:
        _load("actors", path)
    assert f"{path}:{line}:" in str(info.value) and message in str(info.value)


# ------------------------------------------------------------------------------------------------
# (d) inline dictionaries: agents and discards


AGENTS = """!PERSON! = MAN, MEN, WOMAN
!MINIST! = MINISTER, MINISTRY
FARMER [~AGR]
MILITARY_POLICE {} [~COP]
THIEF {THIEVES} [~CRM]
ATTORNEY [~JUD]
SECRETARY [~GOV]
BUSINESS!PERSON! [~BUS]
FOREIGN_!MINIST!  [~GOV]
!MINIST! FOR_AD!MINIST!RATIVE_REFORM [~GOV]
HUMAN_RIGHTS_BODY [ NGO~ ]
STATE_MEDIA [~GOVMED}
NO_CODE_HERE
"""


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("farmer", "~AGR"),
        ("farmers", "~AGR"),
        ("military police", "~COP"),
        ("thieves", "~CRM"),
        ("attorneys", "~JUD"),
        ("secretaries", "~GOV"),
        ("businesswoman", "~BUS"),
        ("foreign ministry", "~GOV"),
        ("ministry for administrative reform", "~GOV"),
        ("human rights body", "NGO~"),
        ("state media", "~GOVMED"),
    ],
    ids=lambda v: str(v).replace(" ", "-"),
)
def test_agents_forms(tmp_path: Path, phrase: str, code: str) -> None:
    into = _load("agents", _write(tmp_path, "t.agents.txt", AGENTS))
    found = into.agents.longest(phrase.split(), 0)
    assert found is not None and found[0] == len(phrase.split())
    assert [(a.name, a.code) for a in found[1]] == [(phrase, code)]
    assert found[1][0].id.startswith("t.agents.txt:")


@pytest.mark.parametrize("phrase", ["military polices", "thiefs", "businesspersons", "foreign ministers"], ids=lambda v: v.replace(" ", "-"))
def test_agents_forms_not_generated(tmp_path: Path, phrase: str) -> None:
    into = _load("agents", _write(tmp_path, "t.agents.txt", AGENTS))
    found = into.agents.longest(phrase.split(), 0)
    assert found is None or found[0] < len(phrase.split())


def test_agents_warnings(tmp_path: Path) -> None:
    into = _load("agents", _write(tmp_path, "t.agents.txt", AGENTS))
    assert _warnings(into, "t.agents.txt") == [
        (12, "agent code [~GOVMED not closed with ']': read to the end of the line"),
        (13, "agent without a code: skipped: 'NO_CODE_HERE'"),
        (10, "substitution marker !MINIST! inside a word read literally"),
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("CONGRESS!PERSON! [~LEG]\n", 1, "!PERSON! is not defined"),
        ("ATTORNEY_GENERAL {ATTORNEYS_GENERAL [~GOV]\n", 1, "without a closing"),
        ("ATTORNEY []\n", 1, "empty code"),
        ("!PERSON! =\n", 1, "substitution set"),
        ("CONGRESS!PERSON [~LEG]\n", 1, "unpaired '!'"),
        ("[~GOV]\n", 1, "no name"),
    ],
    ids=["undefined-marker", "open-brace", "empty-code", "empty-set", "unpaired-bang", "no-name"],
)
def test_agents_malformed(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = _write(tmp_path, "bad.agents.txt", text)
    with pytest.raises(DictionaryError) as info:
        _load("agents", path)
    assert f"{path}:{line}:" in str(info.value) and message in str(info.value)


def test_discards(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "t.discards.txt",
        "# Story-level discards are indicated with a '+'.\nMONTHS LATER\n+World Golf Championships   # pas\nGROUP A_\n1914\n+ESPN2\n",
    )
    into = _load("discards", path)
    found = {k: v for k, v in into.discards.lower.items()}
    assert found == {
        "monthslater": [Discard("months later", "sentence")],
        "worldgolfchampionships": [Discard("world golf championships", "story")],
        "groupa": [Discard("group a", "sentence")],
        "1914": [Discard("1914", "sentence")],
        "espn2": [Discard("espn2", "story")],
    }
    assert into.discards.longest(["Months", "later"], 0)[1] == [Discard("months later", "sentence")]


def test_skipped_discards_are_warned_per_line(tmp_path: Path) -> None:
    into = _load("discards", _write(tmp_path, "t.discards.txt", "MONTHS LATER\n+\n--\n"))
    assert _warnings(into, "t.discards.txt") == [(2, "empty discard line skipped"), (3, "punctuation-only discard '--' skipped")]


def test_normalisations_are_warned_once_per_file_and_kind(tmp_path: Path) -> None:
    path = tmp_path / "t.actors.txt"
    path.write_bytes("JOS\xc9_ [abc]\nMARIA_ [def]\nPEDRO_ [GHI]\n".encode("latin-1"))
    into = _load("actors", path)
    assert into.actors.longest(["José"], 0)[1][0].code == "ABC"
    assert sorted(_warnings(into, "t.actors.txt")) == [
        (None, "file is not UTF-8: read as Latin-1 (1 time)"),
        (None, "lower-case actor code upper-cased (2 times)"),
    ]
    assert all(p.where == str(path) for p in into.problems)


def test_load_dictionaries_reads_petrarch_files(tmp_path: Path) -> None:
    _write(tmp_path, "mini.verbs.txt", "--- ACCUSE [112] ---\nACCUSE\n- * (OF &CRIME) [1121]\n&CRIME\n+FRAUD\n")
    _write(tmp_path, "mini.actors.txt", "RUSSIA_ [RUS]\n+RUSSIAN_\n")
    _write(tmp_path, "mini.agents.txt", "TROOP [~MIL]\n")
    _write(tmp_path, "mini.discards.txt", "+BASEBALL\n")
    into = load_dictionaries([tmp_path], defaults=False)
    assert into.counts() == {
        "actors": 2,
        "agents": 2,
        "verb_patterns": 2,
        "noun_patterns": 0,
        "verbs": 1,
        "nouns": 0,
        "discards": 1,
        "synsets": 1,
    }
    assert _only(into.verbs["accuse"], "* OF &CRIME").code == "1121"
    assert into.problems == [] and into.load_seconds > 0

