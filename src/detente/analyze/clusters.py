"""Deduplication across articles: the same event reported by many outlets becomes one cluster.

Method (``docs/analysis.md`` gives the reasons and references):

1. **Blocking in SQL.** Two events can be the same event only when they have the same rolled-up
   source and target, the same CAMEO root, the same modality group (an act is not the threat of it)
   and dates at most ``window_days`` apart. Candidate pairs are made by a DuckDB self-join on that key
   with a date band, so the work grows with the number of reports *of one dyad and root within the
   window*, never with the square of the table.
2. **Similar evidence.** A candidate pair is linked when the token Jaccard similarity of the two
   evidence sentences (lower-cased words of three or more letters, stop words left out) is at least
   ``min_similarity``; when either event has no evidence (imports), when they are linked only if they
   have the same full CAMEO code (GDELT and ICEWS rows carry no text; their own dedup keys on the
   code, Phoenix's "one-a-day" filter likewise).
3. **Clusters.** Linked events form connected components (``scipy.sparse.csgraph``). A component that
   chains on over a running story is cut into spans of ``window_days + 1`` calendar days counted from
   its first report, so a cluster never covers more than the window allows and a daily recurring event
   ("shelled the city again") is not one cluster for a month.

A cluster takes its coding (code, quad class, Goldstein, PLOVER type) from its first report (earliest
date, then event id), and carries GDELT-style counts: ``mentions`` (events), ``sources`` (distinct
outlets) and ``articles`` (distinct articles; an import row without an article id is its own). Events
without a date, without a source or target, or negated/denied are not clustered (the series never
count them). It does not compare places, actors' names or quotes; two reports of different events of
one dyad, root and day with similar wording are merged — a known limit of lexical dedup.
"""

from __future__ import annotations

from typing import Any, Iterator, Sequence

import duckdb
import numpy as np
import pandas as pd

from detente.analyze.base import events_sql
from detente.analyze.rollup import check_actor, match_sql
from detente.errors import UserInputError

DEFAULT_WINDOW_DAYS = 1
DEFAULT_MIN_SIMILARITY = 0.2

# function words and news boilerplate that make unrelated sentences look alike
STOPWORDS = (
    "the", "and", "for", "that", "with", "said", "says", "say", "has", "have", "had", "was", "were", "will",
    "would", "could", "should", "from", "this", "these", "those", "its", "their", "them", "they", "which",
    "who", "whom", "after", "before", "over", "into", "about", "against", "also", "not", "but", "are", "been",
    "his", "her", "she", "him", "our", "out", "all", "any", "more", "than", "then", "there", "when", "where",
    "while", "what", "told", "reporters", "statement", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "week", "today", "yesterday", "new",
)

BASE = "detente_cluster_base"
LABELS = "detente_cluster_labels"
TOKENS = "detente_cluster_tokens"
PARTITION_ROWS = 250_000  # events per pass of the pair search
CLUSTERS = "detente_clusters"


def _stopwords_sql() -> str:
    return "(VALUES " + ", ".join(f"('{w}')" for w in sorted(set(STOPWORDS))) + ") AS stop(word)"


def _check(window_days: int, min_similarity: float) -> None:
    if not isinstance(window_days, int) or window_days < 0:
        raise UserInputError(f"dedup window {window_days!r} is not a whole number of days >= 0")
    if not 0.0 <= float(min_similarity) <= 1.0:
        raise UserInputError(f"dedup similarity {min_similarity!r} is not between 0 and 1")


def build_clusters(con: duckdb.DuckDBPyConnection, where: str = "TRUE", params: Sequence[Any] = (), *,
                   exact: bool = False, window_days: int = DEFAULT_WINDOW_DAYS,
                   min_similarity: float = DEFAULT_MIN_SIMILARITY, prefilter: str = "TRUE") -> str:
    """Cluster the events matching ``where`` (SQL over the columns of ``events_sql``: ``src``,
    ``tgt``, ``date``… written by this package, values in ``params``) into the temporary table
    ``detente_clusters`` of this connection, and return its name. One row per cluster: ``cluster``,
    ``date`` (first report), ``last_date``, ``src``, ``tgt``, ``root``, ``mode``, ``cameo``,
    ``quad_class``, ``goldstein``, ``plover``, ``mentions``, ``sources``, ``articles``, ``event_ids``
    (first report first) and ``sentence_text`` (the first report's). ``prefilter`` is SQL on the raw
    columns (``e.source``…) that narrows the events cheaply before the roll-up. Temporary tables are private to
    the connection and allowed on a read-only one; nothing is written to the database."""
    _check(window_days, min_similarity)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {BASE} AS "
        "SELECT CAST(row_number() OVER (ORDER BY src, tgt, root, mode, date, event_id) - 1 AS INTEGER) AS rid, "
        "event_id, src, tgt, root, mode, date, cameo, quad_class, goldstein, plover, outlet, article_id, sentence_text "
        f"FROM {events_sql(exact, prefilter)} e "
        f"WHERE mode <> 'excluded' AND src IS NOT NULL AND tgt IS NOT NULL AND root IS NOT NULL AND ({where})",
        list(params),
    )
    # the evidence as a set of content words per event, one row per (event, hashed word): similarity is
    # then a join on shared words, vectorised, instead of list operations per pair; the text itself is
    # dropped once hashed, to keep the working set small
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {TOKENS} AS SELECT DISTINCT rid, hash(tok) AS h FROM ("
        r"SELECT rid, unnest(string_split_regex(lower(sentence_text), '[^\p{L}\p{N}]+')) AS tok "
        f"FROM {BASE} WHERE sentence_text IS NOT NULL) WHERE length(tok) >= 3 "
        f"AND tok NOT IN (SELECT word FROM {_stopwords_sql()})"
    )
    con.execute(f"ALTER TABLE {BASE} DROP COLUMN sentence_text")
    n = con.execute(f"SELECT count(*) FROM {BASE}").fetchone()[0]
    # blocks never cross dyads, so the pairs are found dyad-partition by partition: exact, and the join
    # of one partition stays small whatever the size of the table
    parts = max(1, -(-n // PARTITION_ROWS))
    found_a, found_b = [], []
    for part in range(parts):
        edges = con.execute(f"""
            WITH part AS (SELECT rid, src, tgt, root, mode, cameo, date FROM {BASE}
                          WHERE hash(src, tgt) % {parts} = {part}),
            sizes AS (SELECT t.rid, count(*) AS n FROM {TOKENS} t SEMI JOIN part USING (rid) GROUP BY t.rid),
            shifted AS (SELECT rid, src, tgt, root, mode, cameo, date - CAST(k AS INTEGER) AS day
                        FROM part, range(0, {int(window_days) + 1}) w(k)),
            pairs AS (
                SELECT a.rid AS a, b.rid AS b, a.cameo = b.cameo AS same_code,
                       coalesce(na.n, 0) AS na, coalesce(nb.n, 0) AS nb
                FROM part a JOIN shifted b
                  ON a.src = b.src AND a.tgt = b.tgt AND a.root = b.root AND a.mode = b.mode AND b.day = a.date
                 AND b.rid > a.rid
                LEFT JOIN sizes na ON na.rid = a.rid LEFT JOIN sizes nb ON nb.rid = b.rid),
            shared AS (
                SELECT p.a, p.b, count(*) AS s FROM pairs p
                JOIN {TOKENS} ta ON ta.rid = p.a JOIN {TOKENS} tb ON tb.rid = p.b AND tb.h = ta.h
                WHERE p.na > 0 AND p.nb > 0 GROUP BY p.a, p.b)
            SELECT p.a, p.b FROM pairs p LEFT JOIN shared USING (a, b)
            WHERE CASE WHEN p.na = 0 OR p.nb = 0 THEN p.same_code
                       ELSE coalesce(s, 0) / (p.na + p.nb - coalesce(s, 0)) >= {float(min_similarity)!r} END
        """).fetchnumpy()
        found_a.append(np.asarray(edges["a"], dtype=np.int64))
        found_b.append(np.asarray(edges["b"], dtype=np.int64))
    con.execute(f"DROP TABLE IF EXISTS {TOKENS}")
    days = con.execute(f"SELECT date - DATE '1970-01-01' AS d FROM {BASE} ORDER BY rid").fetchnumpy()["d"]
    labels = _labels(n, np.concatenate(found_a), np.concatenate(found_b), np.asarray(days, dtype=np.int64), window_days)
    con.register(LABELS, pd.DataFrame({"rid": np.arange(n, dtype=np.int32), "cluster": labels}))
    try:
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE {CLUSTERS} AS "
            "WITH grouped AS ("
            "SELECT cluster, min(date) AS date, max(date) AS last_date, "
            "any_value(src) AS src, any_value(tgt) AS tgt, any_value(root) AS root, any_value(mode) AS mode, "
            "arg_min(cameo, rid) AS cameo, arg_min(quad_class, rid) AS quad_class, "
            "arg_min(goldstein, rid) AS goldstein, arg_min(plover, rid) AS plover, count(*) AS mentions, "
            "count(DISTINCT outlet) AS sources, count(DISTINCT coalesce(article_id, event_id)) AS articles, "
            "list(event_id ORDER BY rid) AS event_ids "
            f"FROM {BASE} JOIN {LABELS} USING (rid) GROUP BY cluster) "
            # the first report's sentence, looked up by its id (the text was not carried through)
            "SELECT g.*, e.sentence_text FROM grouped g LEFT JOIN events e ON e.event_id = g.event_ids[1]"
        )
    finally:
        con.unregister(LABELS)
        con.execute(f"DROP TABLE IF EXISTS {BASE}")
        con.execute(f"DROP TABLE IF EXISTS {TOKENS}")
    return CLUSTERS


def _labels(n: int, a: np.ndarray, b: np.ndarray, days: np.ndarray, window_days: int) -> np.ndarray:
    """Cluster number of each event: connected components of the links, each cut into spans of
    ``window_days + 1`` days from its first report; numbered in order of first appearance."""
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    from scipy.sparse import coo_matrix  # imported here: only deduplication needs scipy (half a second)
    from scipy.sparse.csgraph import connected_components

    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    first = pd.Series(days).groupby(component).transform("min").to_numpy()
    span = (days - first) // (window_days + 1)
    codes, _ = pd.factorize(pd.Series(component.astype(np.int64) * (1 << 20) + span), sort=False)
    return codes.astype(np.int64)


def find_clusters(con: duckdb.DuckDBPyConnection, *, since=None, until=None, source: str | None = None,
                  target: str | None = None, exact: bool = False, window_days: int = DEFAULT_WINDOW_DAYS,
                  min_similarity: float = DEFAULT_MIN_SIMILARITY) -> pd.DataFrame:
    """The clusters of a period (and of one directed dyad when ``source``/``target`` are given), as a
    DataFrame ordered by date: the event as first reported, with its ``mentions``, ``sources`` and
    ``articles`` counts and the ``event_ids`` behind it. For a whole large table, ``iter_clusters``
    gives the same rows in chunks and keeps memory flat."""
    chunks = list(iter_clusters(con, since=since, until=until, source=source, target=target, exact=exact,
                                window_days=window_days, min_similarity=min_similarity))
    return pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0]


def iter_clusters(con: duckdb.DuckDBPyConnection, *, since=None, until=None, source: str | None = None,
                  target: str | None = None, exact: bool = False, window_days: int = DEFAULT_WINDOW_DAYS,
                  min_similarity: float = DEFAULT_MIN_SIMILARITY, chunk_rows: int = 100_000) -> Iterator[pd.DataFrame]:
    """``find_clusters`` in DataFrames of about ``chunk_rows`` rows (at least one, maybe empty)."""
    where, params = period_where(since, until)
    prefilter = "TRUE"
    for column, name, code in (("source", "src", source), ("target", "tgt", target)):
        if code:
            code = check_actor(code, exact)
            where, params = f"{where} AND {name} = ?", [*params, code]
            prefilter = f"{prefilter} AND {match_sql('e.' + column, code, exact)}"
    table = build_clusters(con, where, params, exact=exact, window_days=window_days, min_similarity=min_similarity,
                           prefilter=prefilter)
    try:
        result = con.execute(
            "SELECT date, last_date, src AS source, tgt AS target, cameo, root, quad_class, goldstein, plover, "
            f"mode AS modality, mentions, sources, articles, event_ids, sentence_text FROM {table} "
            "ORDER BY date, source, target, cameo, event_ids[1]"
        )
        vectors = max(1, chunk_rows // 2048)  # DuckDB hands results over in vectors of 2,048 rows
        first = True
        while True:
            chunk = result.fetch_df_chunk(vectors)
            if len(chunk) == 0 and not first:
                break
            first = False
            yield chunk
            if len(chunk) == 0:
                break
    finally:
        con.execute(f"DROP TABLE IF EXISTS {table}")


def period_where(since, until) -> tuple[str, list[Any]]:
    """SQL and parameters keeping dates in [since, until] (either may be None)."""
    where, params = "TRUE", []
    if since is not None:
        where, params = f"{where} AND date >= ?", [*params, since]
    if until is not None:
        where, params = f"{where} AND date <= ?", [*params, until]
    return where, params
