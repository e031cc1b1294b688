"""The store without spaCy: migrations (empty file, up to date, each earlier version, a newer detente),
the writer's replace-per-article transactions, store-and-read-back equality (Hypothesis), and the
Reader's filters, on hand-built coded articles."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import detente
from detente.errors import StoreError, UserInputError
from detente.export import EVENT_ROW_FIELDS, event_row
from detente.model import Article, CodedArticle, Event, Mention, Problem, Quote
from detente.store import MIGRATIONS, SCHEMA_VERSION, Migration, Reader, Writer
from detente.store.connection import connect, migrate, schema_version

TABLES = {"runs", "articles", "mentions", "events", "quotes", "problems", "schema_migrations"}


def mention(code: str, start: int = 0, text: str = "Russia", name: str | None = None) -> Mention:
    return Mention(start, start + len(text), text, code, "country", "countries.toml:1", name=name)


def event(aid: str, n: int, source: str | None = "RUS", target: str | None = "USA", cameo: str = "111", day=date(2021, 4, 15),
          modality: str = "asserted", plover: str | None = "ACCUSE") -> Event:
    return Event(
        id=f"{aid}:e{n}", article_id=aid, sentence=0, date=day,
        source=mention(source) if source else None, target=mention(target, 10, "the US") if target else None,
        cameo=cameo, plover=plover, plover_mode=None, quad_class=int(cameo[:2]) // 5 + 1 if cameo[:2] != "20" else 4, goldstein=-2.0,
        modality=modality, quote_id=None, evidence=(0, 20), trigger=(7, 16), rule="events:criticize:*", confidence=0.8,
    )


def coded(aid: str, events: int = 2, quotes: int = 1, problems: tuple[Problem, ...] = (), **kw) -> CodedArticle:
    text = "Russia criticized the US on Thursday. \"We reject it,\" Peskov said."
    article = Article(aid, text, title="t", url=f"https://example.com/{aid}", source="Example Wire", published=date(2021, 4, 15))
    evs = tuple(event(aid, n, **kw) for n in range(1, events + 1))
    qs = tuple(Quote(f"{aid}:q{n}", aid, "direct", ((40, 51),), "Peskov", mention("RUSGOV", 54, "Peskov", "Dmitry Peskov"), (61, 65), "say")
               for n in range(1, quotes + 1))
    return CodedArticle(article, None, mentions=(mention("RUS"), mention("USA", 10, "the US")), events=evs, quotes=qs, problems=problems)


def write(db, articles, **kw) -> None:
    with Writer(db, command="test", **kw) as w:
        for c in articles:
            w.add(c)


def counts(db) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in ("articles", "mentions", "events", "quotes", "problems")}
    finally:
        con.close()


def columns(con) -> list[tuple]:
    return con.execute("SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' "
                       "ORDER BY table_name, column_index").fetchall()


# -- migrations ------------------------------------------------------------------------------------

def test_an_empty_file_gets_every_migration(tmp_path):
    db = tmp_path / "new.duckdb"
    con = connect(db, read_only=False)
    assert migrate(con, db) == [m.version for m in MIGRATIONS]
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert TABLES <= tables
    recorded = con.execute("SELECT version, name, detente_version FROM schema_migrations ORDER BY version").fetchall()
    assert recorded == [(m.version, m.name, detente.__version__) for m in MIGRATIONS]
    con.close()


def test_reopening_an_up_to_date_file_applies_nothing_and_keeps_the_data(tmp_path):
    db = tmp_path / "s.duckdb"
    write(db, [coded("a")])
    con = connect(db, read_only=False)
    assert migrate(con, db) == []
    assert schema_version(con, db) == SCHEMA_VERSION
    con.close()
    assert counts(db)["events"] == 2


@pytest.mark.parametrize("version", range(SCHEMA_VERSION), ids=lambda v: f"from-v{v}")
def test_a_file_at_each_earlier_version_upgrades_to_the_same_schema(tmp_path, version):
    fresh = tmp_path / "fresh.duckdb"
    con = connect(fresh, read_only=False)
    migrate(con, fresh)
    expected = columns(con)
    con.close()
    old = tmp_path / "old.duckdb"
    con = connect(old, read_only=False)
    migrate(con, old, MIGRATIONS[:version])
    assert schema_version(con, old) == version
    con.close()
    write(old, [coded("a")])  # the writer upgrades on open
    con = connect(old, read_only=True)
    assert schema_version(con, old) == SCHEMA_VERSION
    assert columns(con) == expected
    con.close()


def test_a_second_migration_is_applied_to_a_version_1_file_with_its_data(tmp_path):
    """The mechanism for the next schema change: a v1 store with rows, a migration 2 appended."""
    db = tmp_path / "v1.duckdb"
    write(db, [coded("a")])
    second = (*MIGRATIONS, Migration(SCHEMA_VERSION + 1, "events.tone", ("ALTER TABLE events ADD COLUMN tone DOUBLE",
                                                                         "UPDATE events SET tone = 0")))
    con = connect(db, read_only=False)
    assert migrate(con, db, second) == [SCHEMA_VERSION + 1]
    assert con.execute("SELECT count(*), min(tone) FROM events").fetchall() == [(2, 0.0)]
    assert migrate(con, db, second) == []
    con.close()


def test_a_failing_migration_leaves_the_file_at_its_version(tmp_path):
    db = tmp_path / "v1.duckdb"
    write(db, [coded("a")])
    broken = (*MIGRATIONS, Migration(SCHEMA_VERSION + 1, "broken", ("ALTER TABLE events ADD COLUMN x INTEGER", "SELECT * FROM nowhere")))
    con = connect(db, read_only=False)
    with pytest.raises(StoreError, match=f"migration {SCHEMA_VERSION + 1} \\(broken\\) failed"):
        migrate(con, db, broken)
    assert schema_version(con, db) == SCHEMA_VERSION
    assert "x" not in {c[1] for c in columns(con) if c[0] == "events"}
    con.close()


def test_a_file_from_a_newer_detente_is_refused_clearly(tmp_path):
    db = tmp_path / "future.duckdb"
    write(db, [coded("a")])
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO schema_migrations VALUES (?, 'from the future', now()::TIMESTAMP, '9.9.9')", [SCHEMA_VERSION + 1])
    con.close()
    for opener in (lambda: Reader(db), lambda: Writer(db, command="test")):
        with pytest.raises(StoreError, match=f"newer detente \\(store schema version {SCHEMA_VERSION + 1}; .*upgrade detente"):
            opener()


@pytest.mark.parametrize("content,message", [
    (None, "not a detente store"),
    (b"hello, this is text\n", "cannot open the database"),
], ids=["other-duckdb", "not-duckdb"])
def test_other_files_are_refused_with_their_name(tmp_path, content, message):
    db = tmp_path / "other.duckdb"
    if content is None:
        con = duckdb.connect(str(db))
        con.execute("CREATE TABLE sales (x INTEGER)")
        con.close()
    else:
        db.write_bytes(content)
    with pytest.raises(StoreError, match=message) as info:
        Writer(db, command="test")
    assert str(db) in str(info.value)


def test_a_reader_needs_the_file_and_upgrades_an_empty_duckdb_file(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Reader(tmp_path / "missing.duckdb")
    db = tmp_path / "empty.duckdb"
    duckdb.connect(str(db)).close()  # version 0: a DuckDB file with nothing in it
    with detente.open(str(db)) as reader:
        assert reader.events().empty
    con = connect(db, read_only=True)
    assert schema_version(con, db) == SCHEMA_VERSION
    con.close()


def test_a_file_another_process_writes_is_refused_clearly(tmp_path):
    db = tmp_path / "busy.duckdb"
    with Writer(db, command="test"):
        result = subprocess.run([sys.executable, "-m", "detente.cli", "events", "--db", str(db)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert f"{db}: the database is in use by another process" in result.stderr and "Traceback" not in result.stderr


def test_a_reader_is_read_only(tmp_path):
    db = tmp_path / "s.duckdb"
    write(db, [coded("a")])
    with Reader(db) as reader:
        with pytest.raises(duckdb.Error):
            reader.con.execute("DELETE FROM events")


# -- the writer ------------------------------------------------------------------------------------

def test_reingesting_replaces_an_article_without_duplicates_or_orphans(tmp_path):
    db = tmp_path / "s.duckdb"
    write(db, [coded("a", events=3, quotes=2), coded("b")])
    assert counts(db) == {"articles": 2, "mentions": 4, "events": 5, "quotes": 3, "problems": 0}
    write(db, [coded("a", events=1, quotes=0, problems=(Problem("events", "boom", article="a"),))])
    assert counts(db) == {"articles": 2, "mentions": 4, "events": 3, "quotes": 1, "problems": 1}
    with Reader(db) as r:
        assert sorted(r.events()["event_id"]) == ["a:e1", "b:e1", "b:e2"]
        runs = r.runs()
        assert list(runs["status"]) == ["done", "done"] and list(runs["events"]) == [5, 1]
        arts = r.articles().set_index("article_id")
        assert arts.loc["a", "n_events"] == 1 and bool(arts.loc["a", "failed"]) and arts.loc["a", "run_id"] == 2
        assert arts.loc["b", "run_id"] == 1
        orphans = r.sql("SELECT count(*) AS n FROM events WHERE article_id NOT IN (SELECT article_id FROM articles)")
        assert orphans["n"][0] == 0


@pytest.mark.parametrize("batch", [1, 3, 100], ids=["batch-1", "batch-3", "batch-100"])
def test_the_same_id_twice_in_one_run_keeps_the_later_article(tmp_path, batch):
    db = tmp_path / "s.duckdb"
    with Writer(db, command="test", batch_size=batch) as w:
        for c in (coded("a", events=3), coded("b"), coded("a", events=1), coded("c")):
            w.add(c)
    assert w.summary.replaced_in_run == 1 and w.summary.replaced_ids == ["a"]
    assert counts(db)["articles"] == 3
    with Reader(db) as r:
        assert sorted(r.events()["event_id"]) == ["a:e1", "b:e1", "b:e2", "c:e1", "c:e2"]


def test_problems_of_no_article_are_stored_once_per_place(tmp_path):
    db = tmp_path / "s.duckdb"
    bad = Problem("ingest", "line is not valid JSON", "in.jsonl:3")
    for _ in range(2):
        with Writer(db, command="test") as w:
            w.add_problem(bad)
            w.add(coded("a"))
    with Reader(db) as r:
        problems = r.problems()
    assert list(problems["where"]) == ["in.jsonl:3"] and list(problems["run_id"]) == [2]


def test_an_interrupted_run_keeps_whole_articles_and_says_so(tmp_path):
    db = tmp_path / "s.duckdb"
    with pytest.raises(KeyboardInterrupt):
        with Writer(db, command="test", batch_size=10) as w:
            w.add(coded("a"))
            raise KeyboardInterrupt
    with Reader(db) as r:
        assert list(r.runs()["status"]) == ["interrupted"]
        assert list(r.articles()["article_id"]) == ["a"]


def test_the_events_table_has_the_shared_contract_columns(tmp_path):
    contract = {
        "event_id": "VARCHAR", "dataset": "VARCHAR", "article_id": "VARCHAR", "date": "DATE", "source": "VARCHAR",
        "target": "VARCHAR", "source_text": "VARCHAR", "target_text": "VARCHAR", "cameo": "VARCHAR", "root": "VARCHAR",
        "quad_class": "TINYINT", "goldstein": "DOUBLE", "plover": "VARCHAR", "plover_mode": "VARCHAR", "modality": "VARCHAR",
        "confidence": "DOUBLE", "url": "VARCHAR", "outlet": "VARCHAR", "sentence_text": "VARCHAR",
    }
    db = tmp_path / "s.duckdb"
    write(db, [])
    con = connect(db, read_only=True)
    found = {c[1]: c[2] for c in columns(con) if c[0] == "events"}
    con.close()
    assert {k: found.get(k) for k in contract} == contract
    assert set(EVENT_ROW_FIELDS) <= set(found)


# -- store and read back ---------------------------------------------------------------------------

codes = st.sampled_from(["RUS", "RUSGOV", "USA", "USAMIL", "IGOUNO", "---GOV", "UKRREB"])
texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)


@st.composite
def coded_articles(draw):
    aid = draw(st.text(st.characters(min_codepoint=33, max_codepoint=0x2FF), min_size=1, max_size=12))
    text = draw(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=40, max_size=80))
    n = draw(st.integers(0, 4))
    events = []
    for k in range(1, n + 1):
        cameo = draw(st.sampled_from(["010", "0841", "111", "1721", "20"]))
        src = draw(st.none() | codes)
        tgt = draw(st.none() | codes)
        events.append(Event(
            id=f"{aid}:e{k}", article_id=aid, sentence=draw(st.integers(0, 5)), date=draw(st.none() | st.dates(date(1900, 1, 1), date(2100, 1, 1))),
            source=Mention(0, 5, draw(texts), src, "country", draw(texts), name=draw(st.none() | texts)) if src else None,
            target=Mention(6, 9, draw(texts), tgt, "government", draw(texts)) if tgt else None,
            cameo=cameo, plover=draw(st.none() | st.sampled_from(["ACCUSE", "RETREAT"])), plover_mode=draw(st.none() | st.just("release")),
            quad_class=draw(st.none() | st.integers(1, 4)), goldstein=draw(st.none() | st.floats(-10, 10)),
            modality=draw(st.sampled_from(detente.model.MODALITIES)), quote_id=draw(st.none() | st.just(f"{aid}:q1")),
            evidence=(0, 20), trigger=(draw(st.integers(0, 10)), 12), rule=draw(texts), compound=draw(st.booleans()),
            origin=draw(st.sampled_from(detente.model.ORIGINS)), confidence=draw(st.none() | st.floats(0, 1)),
        ))
    article = Article(aid, text, title=draw(st.none() | texts), url=draw(st.none() | texts), source=draw(st.none() | texts),
                      published=draw(st.none() | st.dates(date(1900, 1, 1), date(2100, 1, 1))))
    return CodedArticle(article, None, events=tuple(events))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(articles=st.lists(coded_articles(), min_size=1, max_size=4, unique_by=lambda c: c.article.id))
def test_events_read_back_equal_what_was_stored(tmp_path_factory, articles):
    db = tmp_path_factory.mktemp("rt") / "s.duckdb"
    write(db, articles, batch_size=2)
    expected = {e.id: event_row(c, e) for c in articles for e in c.events}
    with Reader(db) as r:
        got = {row["event_id"]: row for row in r.iter_events()}
        frame = r.events()
    assert set(got) == set(expected) and len(frame) == len(expected)
    for eid, row in expected.items():
        assert {k: got[eid][k] for k in EVENT_ROW_FIELDS} == row


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kinds=st.lists(st.sampled_from(detente.model.QUOTE_KINDS), min_size=1, max_size=4), speaker=st.none() | codes,
       name=st.none() | texts, floating=st.booleans())
def test_quotes_read_back_equal_what_was_stored(tmp_path_factory, kinds, speaker, name, floating):
    text = "Peskov said: \"We reject it\" and \"we will answer\"."
    quotes = tuple(Quote(f"a:q{n}", "a", kind, ((13, 25), (31, 45))[: 1 + n % 2], "Peskov",
                         Mention(0, 6, "Peskov", speaker, "person", "people.toml:1", name=name) if speaker else None,
                         (7, 11) if n % 2 else None, "say" if n % 2 else None, floating=floating, speaker_name=name, via="cue")
                   for n, kind in enumerate(kinds, 1))
    article = CodedArticle(Article("a", text, published=date(2021, 4, 15)), None, quotes=quotes)
    db = tmp_path_factory.mktemp("q") / "s.duckdb"
    write(db, [article])
    with Reader(db) as r:
        got = {row["quote_id"]: row for row in r.iter_quotes()}
    assert set(got) == {q.id for q in quotes}
    for q in quotes:
        row = got[q.id]
        assert json.loads(row["content"]) == [list(span) for span in q.content] and row["kind"] == q.kind
        assert (row["speaker"], row["speaker_name"], row["floating"], row["date"]) == (speaker, name, floating, date(2021, 4, 15))
        assert ((row["cue_start"], row["cue_end"]) if q.cue else None) == q.cue and row["cue_lemma"] == q.cue_lemma


# -- reader filters --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    db = tmp_path_factory.mktemp("filters") / "s.duckdb"
    write(db, [
        coded("a", events=1, source="RUSGOV", target="USA", cameo="1721", plover="COERCE", day=date(2021, 4, 1)),
        coded("b", events=1, source="RUS", target="USAMIL", cameo="173", plover="COERCE", day=date(2021, 4, 15), modality="planned"),
        coded("c", events=1, source="USA", target="RUS", cameo="163", plover="SANCTION", day=date(2021, 5, 1)),
        coded("d", events=1, source="IGOUNO", target="RUS", cameo="111", plover="ACCUSE", day=None),
        coded("e", events=1, source="ROUGOV", target="USA", cameo="111", plover="ACCUSE", day=date(2021, 4, 2)),  # Romania, not Russia
    ])
    return db


@pytest.mark.parametrize("filters,expected", [
    ({}, ["a", "b", "c", "d", "e"]),
    ({"source": "RUS"}, ["a", "b"]),
    ({"source": "rus", "exact": True}, ["b"]),
    ({"source": "RUSGOV"}, ["a"]),
    ({"source": "RUS", "target": "USA"}, ["a", "b"]),
    ({"target": "USA", "exact": True}, ["a", "e"]),
    ({"code": "17"}, ["a", "b"]),
    ({"code": "172"}, ["a"]),
    ({"code": ["163", "111"]}, ["c", "d", "e"]),
    ({"plover": "sanction"}, ["c"]),
    ({"since": "2021-04-02"}, ["b", "c", "e"]),
    ({"since": "2021-04-01", "until": "2021-04-15"}, ["a", "b", "e"]),
    ({"modality": "planned"}, ["b"]),
    ({"modality": "asserted,planned", "dataset": "detente"}, ["a", "b", "c", "d", "e"]),
    ({"dataset": "gdelt"}, []),
], ids=lambda v: str(v) if not isinstance(v, list) else "")
def test_event_filters(filled, filters, expected):
    with Reader(filled) as r:
        assert sorted(r.events(**filters)["article_id"]) == expected


@pytest.mark.parametrize("filters,message", [
    ({"code": "1x"}, "bad CAMEO code '1x'"),
    ({"plover": "CRIME"}, "unknown PLOVER category 'CRIME'"),
    ({"modality": "certain"}, "unknown modality 'certain'"),
    ({"dataset": "acled"}, "unknown dataset 'acled'"),
    ({"since": "2021-13-01"}, "bad --since '2021-13-01'"),
])
def test_bad_filters_are_user_errors(filled, filters, message):
    with Reader(filled) as r, pytest.raises(UserInputError, match=message):
        r.events(**filters)


@pytest.mark.parametrize("speaker,expected", [("RUS", 5), ("RUSGOV", 5), ("RUS-exact", 0), ("peskov", 5), ("Lavrov", 0)])
def test_quote_filters(filled, speaker, expected):
    with Reader(filled) as r:
        if speaker.endswith("-exact"):
            frame = r.quotes(speaker=speaker[:-6], exact=True)
        else:
            frame = r.quotes(speaker=speaker)
    assert len(frame) == expected


def test_parquet_export_streams_the_filtered_rows(filled, tmp_path):
    out = tmp_path / "e.parquet"
    with Reader(filled) as r:
        assert r.to_parquet("events", out, source="RUS") == 2
    rows = duckdb.sql(f"SELECT article_id, date FROM read_parquet('{out}') ORDER BY article_id").fetchall()
    assert rows == [("a", date(2021, 4, 1)), ("b", date(2021, 4, 15))]
