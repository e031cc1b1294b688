"""Shared fixtures: hand-built parses (the spaCy ``Doc(words=…, heads=…, deps=…)`` habit) so rules are
tested without loading a model, and the path to ``../shared`` for gold data (skipped when absent)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detente.model import Article, ParsedDoc, Sentence, Token

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or a skip with the reason when it is not there (a user's clone)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: gold data lives in ../shared beside the repository (present in CI)")
    return path


def make_doc(sentences: list[list[tuple]], *, published: date | None = date(2021, 4, 15), article_id: str = "t") -> ParsedDoc:
    """Build a ParsedDoc from sentences of (text, lemma, pos, dep, head[, tag]) tuples; ``head`` is the index
    of the head word within its sentence (the root points to itself). Words are joined by spaces;
    a word starting with punctuation is glued to the previous one."""
    text = ""
    built: list[Sentence] = []
    base = 0
    for s_index, words in enumerate(sentences):
        if text:
            text += " "
        tokens = []
        for k, w in enumerate(words):
            word, lemma, pos, dep, head = w[:5]
            tag = w[5] if len(w) > 5 else pos  # a Penn tag when the rule reads it ("VBN", "NNS")
            if k and not (word[:1] in ".,;:!?'" or word in ("n't",)):
                text += " "
            start = len(text)
            text += word
            tokens.append(Token(base + k, start, start + len(word), word, lemma, pos, tag, dep, base + head))
        built.append(Sentence(s_index, tokens[0].start, tokens[-1].end, tuple(tokens)))
        base += len(words)
    return ParsedDoc(Article(article_id, text, published=published), tuple(built))


@pytest.fixture(scope="session")
def dictionaries():
    from detente.dictionaries import load_dictionaries

    return load_dictionaries()


@pytest.fixture(scope="session")
def pipeline():
    """The full pipeline with the spaCy model (end-to-end tests only)."""
    from detente.pipeline import Pipeline

    return Pipeline()
