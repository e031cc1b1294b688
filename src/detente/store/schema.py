"""The store's schema as numbered migrations, recorded in the database (the sqlite-utils migrations habit,
STYLE.md 6).

Each ``Migration`` is applied once, in order, inside one transaction together with its row in
``schema_migrations``; a database records the highest version it has. Opening a file applies what is
missing (an empty file gets all of them); a file whose version is higher than this detente knows was
written by a newer detente and is refused with a message saying so, never "upgraded" backwards.

A migration, once released, never changes: a change to the schema is a new migration appended to
``MIGRATIONS`` (``ALTER TABLE``, a new table, a data fix), and a test applies it to a database made at
the version before it.

What it does not do: write data (``writer.py``) or query it (``reader.py``).

Tables (docs/store.md describes each column):

- ``runs`` — one row per ``ingest`` or ``import``: detente version, settings, dictionary file hashes,
  inputs, counts. Every other row carries the ``run_id`` that made it.
- ``articles`` — one row per stored article (text, metadata, counts of what was found).
- ``mentions`` — the actor mentions of each article.
- ``events`` — coded and imported events; the columns of the shared contract with ``analyze/`` first;
  the location (``place_*``, migration 2) last.
- ``quotes`` — quotations with their speakers.
- ``problems`` — every rejected input, failed stage or warning, with the article (if any) and place.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


_V1 = (
    """CREATE TABLE runs (
        run_id INTEGER PRIMARY KEY,
        command VARCHAR NOT NULL,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP,
        status VARCHAR,
        detente_version VARCHAR NOT NULL,
        settings VARCHAR,
        dictionaries VARCHAR,
        inputs VARCHAR,
        articles INTEGER,
        events INTEGER,
        quotes INTEGER,
        problems INTEGER
    )""",
    """CREATE TABLE articles (
        article_id VARCHAR PRIMARY KEY,
        run_id INTEGER NOT NULL,
        title VARCHAR,
        url VARCHAR,
        outlet VARCHAR,
        published DATE,
        language VARCHAR,
        text VARCHAR,
        meta VARCHAR,
        n_mentions INTEGER NOT NULL,
        n_events INTEGER NOT NULL,
        n_quotes INTEGER NOT NULL,
        n_problems INTEGER NOT NULL,
        failed BOOLEAN NOT NULL
    )""",
    """CREATE TABLE mentions (
        article_id VARCHAR NOT NULL,
        n INTEGER NOT NULL,
        run_id INTEGER NOT NULL,
        start INTEGER,
        "end" INTEGER,
        text VARCHAR,
        code VARCHAR,
        kind VARCHAR,
        via VARCHAR,
        name VARCHAR,
        resolution VARCHAR,
        antecedent_start INTEGER,
        antecedent_end INTEGER,
        given VARCHAR,
        PRIMARY KEY (article_id, n)
    )""",
    """CREATE TABLE events (
        event_id VARCHAR PRIMARY KEY,
        dataset VARCHAR NOT NULL,
        article_id VARCHAR,
        date DATE,
        source VARCHAR,
        source_text VARCHAR,
        target VARCHAR,
        target_text VARCHAR,
        cameo VARCHAR,
        root VARCHAR,
        quad_class TINYINT,
        goldstein DOUBLE,
        plover VARCHAR,
        plover_mode VARCHAR,
        modality VARCHAR,
        confidence DOUBLE,
        url VARCHAR,
        outlet VARCHAR,
        sentence_text VARCHAR,
        sentence INTEGER,
        source_start INTEGER,
        source_end INTEGER,
        source_via VARCHAR,
        source_name VARCHAR,
        target_start INTEGER,
        target_end INTEGER,
        target_via VARCHAR,
        target_name VARCHAR,
        compound BOOLEAN,
        quote_id VARCHAR,
        origin VARCHAR,
        rule VARCHAR,
        trigger_start INTEGER,
        trigger_end INTEGER,
        trigger_text VARCHAR,
        evidence_start INTEGER,
        evidence_end INTEGER,
        run_id INTEGER NOT NULL
    )""",
    """CREATE TABLE quotes (
        quote_id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        run_id INTEGER NOT NULL,
        date DATE,
        kind VARCHAR,
        content VARCHAR,
        text VARCHAR,
        speaker_text VARCHAR,
        speaker_start INTEGER,
        speaker_end INTEGER,
        speaker_name VARCHAR,
        speaker_role VARCHAR,
        speaker VARCHAR,
        cue_start INTEGER,
        cue_end INTEGER,
        cue_lemma VARCHAR,
        floating BOOLEAN,
        via VARCHAR
    )""",
    "CREATE SEQUENCE problem_ids START 1",
    """CREATE TABLE problems (
        problem_id BIGINT PRIMARY KEY DEFAULT nextval('problem_ids'),
        run_id INTEGER NOT NULL,
        article_id VARCHAR,
        stage VARCHAR NOT NULL,
        severity VARCHAR NOT NULL,
        message VARCHAR NOT NULL,
        "where" VARCHAR
    )""",
)

# issue 11: where each event happened (docs/geo.md); imported GDELT, ICEWS and POLECAT locations go in
# the same columns. Indexed for the --country/--adm1 filters.
_V2 = (
    "ALTER TABLE events ADD COLUMN place_type VARCHAR",
    "ALTER TABLE events ADD COLUMN place_name VARCHAR",
    "ALTER TABLE events ADD COLUMN place_country VARCHAR",
    "ALTER TABLE events ADD COLUMN place_adm1 VARCHAR",
    "ALTER TABLE events ADD COLUMN place_lat DOUBLE",
    "ALTER TABLE events ADD COLUMN place_lon DOUBLE",
    "ALTER TABLE events ADD COLUMN place_id BIGINT",
    "ALTER TABLE events ADD COLUMN place_start INTEGER",
    "ALTER TABLE events ADD COLUMN place_end INTEGER",
    "ALTER TABLE events ADD COLUMN place_via VARCHAR",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, mentions, events, quotes, problems and runs", _V1),
    Migration(2, "events: location (place_*)", _V2),
)

SCHEMA_VERSION = MIGRATIONS[-1].version

MIGRATIONS_TABLE = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL,
    detente_version VARCHAR NOT NULL
)"""
