"""Parsing: spaCy output or a given CoNLL-U parse, turned into the project's own ``ParsedDoc``.

Only ``spacy_adapter`` imports spaCy; every later stage works on ``ParsedDoc``.
"""
