"""Parsing: spaCy output turned into the project's own ``ParsedDoc`` (``spacy_adapter.py``, the only
module that imports spaCy). A given parse (CoNLL-U) is read by ``detente.ingest.conllu`` and passes
through untouched; every later stage works on ``ParsedDoc``."""
