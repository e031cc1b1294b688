"""Ingest: every input format -> a stream of ``Ingested`` articles (or given parses) and ``Problem``
records for input that could not be read (see ``readers.py``; HTML, feeds and WARC in ``web.py``;
bytes to text in ``decode.py``; dates in ``dates.py``). ``normalize.py`` folds quote marks without
moving an offset; ``conllu.py`` reads given parses."""

from detente.ingest.dates import parse_date
from detente.ingest.readers import Item, read_articles, read_file, read_inputs, read_stdin, rejected

__all__ = ["Item", "parse_date", "read_articles", "read_file", "read_inputs", "read_stdin", "rejected"]
