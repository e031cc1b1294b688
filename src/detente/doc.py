"""The read-only views over a ``ParsedDoc`` that every stage uses: ``SentenceView`` (heads, children,
subtrees, clauses, subjects and objects, the actor mention at each token) and ``DocView`` (the article's
tokens, sentences and offsets, with sentence views built on demand); ``has_child`` for code that reads a
sentence's raw tokens.

It belongs with the model, not with parsing: it reads only ``detente.model`` and ``detente.text``.

They accept both spaCy/ClearNLP labels (``nsubj``, ``dobj``, ``prep``+``pobj``, ``nsubjpass``, ``agent``)
and Universal Dependencies labels (``nsubj``, ``obj``, ``obl``+``case``, ``nsubj:pass``, ``obl:agent``), so
a CoNLL-U parse codes like a spaCy one.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Sequence

from detente.model import CodedArticle, Mention, Sentence, Token
from detente.text import Folded, fold

SUBJECTS = {"nsubj", "csubj", "expl"}
PASSIVE_SUBJECTS = {"nsubjpass", "nsubj:pass", "csubjpass", "csubj:pass"}
OBJECTS = {"dobj", "obj", "dative", "iobj"}
CLAUSES = {"ccomp", "xcomp", "advcl", "relcl", "acl", "acl:relcl", "csubj", "csubjpass", "parataxis", "conj"}
RELATIVE_WORDS = {"which", "who", "that", "whom"}
# links through which a verb without a subject of its own takes the subject of its head: control
# ("agreed to restore"), coordination ("met and signed"), predicative adjectives ("is about to
# restore", "is ready to talk") and participial adjuncts ("…, accusing Gondor")
PHRASE_PARTS = {"compound", "poss", "appos", "amod", "nmod", "nmod:poss", "flat", "flat:name"}
INHERIT_SUBJECT = {"xcomp", "conj", "advcl", "acomp", "pcomp", "prep", "oprd", "xcomp:pred"}


def has_child(tokens: Sequence[Token], k: int, deps: frozenset[str]) -> bool:
    """Whether token k (an index into ``tokens``, one sentence's) has a dependent with one of ``deps``."""
    i = tokens[k].i
    return any(t.head == i and t.i != i and t.dep in deps for t in tokens)


@dataclass
class SentenceView:
    """One sentence with local indices, children lists and the actor mention covering each token."""

    sentence: Sentence
    mentions: list[Mention]
    tokens: tuple[Token, ...] = ()
    base: int = 0
    children: list[list[int]] = field(default_factory=list)
    mention_at: list[Mention | None] = field(default_factory=list)
    lower: list[str] = field(default_factory=list)
    lemma: list[str] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    _subtrees: dict = field(default_factory=dict)
    _ranges: list = field(default_factory=list)
    _mention_tokens: dict = field(default_factory=dict)
    heads: list[int] = field(default_factory=list)
    _starts: dict | None = None

    def __post_init__(self) -> None:
        self.tokens = self.sentence.tokens
        self.base = self.tokens[0].i if self.tokens else 0
        n = len(self.tokens)
        self.children = [[] for _ in range(n)]
        self.heads = []
        for k, t in enumerate(self.tokens):
            h = t.head - self.base
            if not 0 <= h < n:
                h = k
            self.heads.append(h)
            if h != k:
                self.children[h].append(k)
        self.mention_at = [None] * n
        if self.mentions:
            starts = [t.start for t in self.tokens]
            for m in self.mentions:
                k = bisect_left(starts, m.start)
                while k < n and self.tokens[k].end <= m.end:
                    if self.mention_at[k] is None or m.kind != "pronoun":
                        self.mention_at[k] = m
                        self._mention_tokens.setdefault(id(m), []).append(k)
                    k += 1
        self.raw = [fold(t.text) for t in self.tokens]
        self.lower = [r.lower() for r in self.raw]
        # a participle used as a preposition ("according to", "including", "following") is not its
        # verb: its lemma would make "accord", "include", "follow" match patterns and triggers
        self.lemma = [
            self.lower[k] if t.dep == "prep" and t.tag in ("VBG", "VBN") else fold(t.lemma).lower()
            for k, t in enumerate(self.tokens)
        ]

    def token_starting_at(self, offset: int) -> int | None:
        """The sentence-local index of the token that starts at character ``offset`` (an event's
        trigger), if any."""
        if self._starts is None:
            self._starts = {t.start: k for k, t in enumerate(self.tokens)}
        return self._starts.get(offset)

    def head(self, k: int) -> int:
        return self.heads[k]

    def dep(self, k: int) -> str:
        return self.tokens[k].dep

    def kids(self, k: int, deps: set[str] | None = None) -> list[int]:
        return [c for c in self.children[k] if deps is None or self.tokens[c].dep in deps]

    def subtree(self, k: int, stop: frozenset[str] = frozenset()) -> list[int]:
        """k and its descendants in text order, not descending into dependents labelled ``stop``
        (memoised per sentence: rules ask for the same subtrees many times)."""
        if not isinstance(stop, frozenset):
            stop = frozenset(stop)
        key = (k, stop)
        cached = self._subtrees.get(key)
        if cached is None:
            cached = self._subtrees[key] = tuple(self._subtree(k, stop))
        return list(cached)  # a fresh list: callers may change it without touching the memo

    def folded(self):
        """The sentence folded for ``PhraseIndex.scan`` (texts, with lemmas as the second stream)."""
        f = Folded.__new__(Folded)
        f.raw, f.low = self.raw, self.lower
        f.upper = [t.text[:1].isupper() for t in self.tokens]
        f.alt_raw = f.alt_low = self.lemma
        return f

    def _projective_ranges(self) -> list[tuple[int, int] | None]:
        """For each token, the (first, last) token of its subtree when the subtree is contiguous
        (always, for a projective parse), else None: each token widens the span of its ancestors."""
        n = len(self.tokens)
        heads = self.heads
        left, right, size = list(range(n)), list(range(n)), [1] * n
        for k in range(n):
            x, steps = k, 0
            while heads[x] != x and steps < n:
                x = heads[x]
                steps += 1
                if k < left[x]:
                    left[x] = k
                elif k > right[x]:
                    right[x] = k
                size[x] += 1
            if steps >= n:
                return [None] * n  # a cycle: not a tree, use the walk
        return [(left[k], right[k]) if right[k] - left[k] + 1 == size[k] else None for k in range(n)]

    def _subtree(self, k: int, stop: frozenset[str]) -> list[int]:
        if not stop:
            if not self._ranges:
                self._ranges = self._projective_ranges()
            if self._ranges[k] is not None:
                a, b = self._ranges[k]
                return list(range(a, b + 1))
        out, todo = [], [k]
        while todo:
            x = todo.pop()
            out.append(x)
            todo.extend(c for c in self.children[x] if self.tokens[c].dep not in stop)
        return sorted(out)

    def clause(self, k: int) -> list[int]:
        """Tokens of k's own clause: its subtree without embedded clauses (conj nouns stay)."""
        key = (k, "clause")
        cached = self._subtrees.get(key)
        if cached is None:
            cached = self._subtrees[key] = tuple(self._clause(k))
        return list(cached)

    def tokens_of(self, mention: Mention) -> list[int]:
        """The tokens a mention covers in this sentence."""
        return self._mention_tokens.get(id(mention), [])

    def words(self, first: int, last: int) -> str:
        """The text of tokens first..last as written, a space wherever the text had a gap ("Kim 's" is
        "Kim's"), for a span no mention covers."""
        toks = self.tokens
        return "".join((" " if j > first and toks[j].start > toks[j - 1].end else "") + toks[j].text for j in range(first, last + 1))

    def mention_head(self, k: int) -> int:
        """The token of k's mention that heads it (its conjuncts hang from the head)."""
        m = self.mention_at[k]
        while self.head(k) != k and self.mention_at[self.head(k)] is m:
            k = self.head(k)
        return k

    def _clause(self, k: int) -> list[int]:
        out, todo = [], [k]
        while todo:
            x = todo.pop()
            out.append(x)
            for c in self.children[x]:
                dep = self.tokens[c].dep
                if dep in CLAUSES and not (dep == "conj" and self.tokens[c].pos in ("NOUN", "PROPN", "PRON")):
                    continue
                todo.append(c)
        return sorted(out)

    def is_passive(self, k: int) -> bool:
        return any(self.tokens[c].dep in PASSIVE_SUBJECTS | {"auxpass", "aux:pass"} for c in self.children[k])

    def is_reduced_passive(self, k: int) -> bool:
        """A past participle heading a reduced passive clause, with neither subject nor auxiliary of its
        own: a noun's participle with its agent ("forces backed by Russia"; without one the small
        model's acl is often a misparsed main verb: "A report called for sanctions"), or a participle
        opening the sentence before its clause's subject ("Asked about X, Clinton said"). The noun, or
        the main clause's subject, is the one acted on."""
        t = self.tokens[k]
        if t.tag != "VBN" or any(self.tokens[c].dep in SUBJECTS or self.tokens[c].dep in ("aux", "aux:pass") for c in self.children[k]):
            return False
        if t.dep == "acl":
            return any(self.tokens[c].dep in ("agent", "obl:agent") for c in self.children[k])
        return t.dep == "advcl" and k < self.head(k) and min(self.subtree(k)) == 0

    def subject(self, k: int) -> int | None:
        """The subject token of verb k, inheriting it through xcomp/conj/relative clauses."""
        seen = set()
        while k not in seen:
            seen.add(k)
            for c in self.children[k]:
                if self.tokens[c].dep in SUBJECTS | PASSIVE_SUBJECTS:
                    if self.lower[c] in RELATIVE_WORDS and self.dep(k) in ("relcl", "acl:relcl"):
                        return self.head(k)
                    return c
            # "in case an illness forces him out": the small model hangs the subject
            # noun on the verb as a compound; it is the verb's own subject, not one to inherit
            if self.tokens[k].pos in ("VERB", "AUX"):
                own = [c for c in self.children[k] if c < k and self.tokens[c].dep == "compound" and self.tokens[c].pos in ("NOUN", "PROPN")]
                if own:
                    return own[-1]
            if self.dep(k) == "xcomp" and self.head(k) != k:
                # object control: "urged Bree to help" -> Bree helps
                objs = [c for c in self.children[self.head(k)] if self.tokens[c].dep in OBJECTS and c < k]
                if objs:
                    return objs[0]
            if self.dep(k) in INHERIT_SUBJECT and self.head(k) != k:
                k = self.head(k)
                continue
            if self.dep(k) in ("relcl", "acl:relcl", "acl") and self.head(k) != k:
                return self.head(k)
            return None
        return None

    def misparsed_relative(self, k: int) -> bool:
        """Whether verb k, hung on a noun as a relative clause, is really the sentence's main verb: a
        finite active verb with an object but no subject and no relative word is no English relative
        clause ("The government, a number of parties and the rebels condemned the decision": the small
        model hangs "condemned" on "number"). A reduced relative is a participle ("militants backed by
        Ankara"), a zero relative has its own subject ("the plan Russia rejected")."""
        if self.dep(k) not in ("relcl", "acl:relcl") or self.tokens[k].tag not in ("VBD", "VBZ", "VBP") \
                or not self.objects(k) or self.head(k) >= k:
            return False
        return not any(self.tokens[c].dep in SUBJECTS | PASSIVE_SUBJECTS or self.lower[c] in RELATIVE_WORDS
                       or self.tokens[c].tag in ("WDT", "WP", "WP$", "WRB") for c in self.children[k])

    def passive_agent(self, k: int) -> int | None:
        """The ``by`` noun of a passive verb."""
        for c in self.children[k]:
            dep = self.tokens[c].dep
            if dep == "agent":
                objs = self.kids(c, {"pobj"})
                return objs[0] if objs else None
            if dep in ("obl:agent",) or (dep == "obl" and any(self.lower[g] == "by" for g in self.kids(c, {"case"}))):
                return c
        return None

    def objects(self, k: int) -> list[int]:
        return self.kids(k, OBJECTS)

    def prep_objects(self, k: int) -> list[tuple[str, int]]:
        """(preposition, noun) pairs attached to k, in text order."""
        pairs = []
        for c in self.children[k]:
            dep = self.tokens[c].dep
            if dep == "prep":
                for g in self.kids(c, {"pobj", "pcomp"}):
                    pairs.append((self.lower[c], g))
            elif dep in ("obl", "nmod") :
                case = self.kids(c, {"case"})
                if case:
                    pairs.append((self.lower[case[0]], c))
        return sorted(pairs, key=lambda p: p[1])

    def mention_of(self, k: int | None) -> Mention | None:
        """The actor mention for the phrase headed by k: the mention covering k, else one covering a
        compound/possessive/appositive/modifier child."""
        if k is None:
            return None
        if self.mention_at[k] is not None:
            return self.mention_at[k]
        # "Old foes Gondor and Osgiliath", "the president of Arnor": a mention inside the phrase
        # an appositive names the phrase's own referent, a compound only modifies it: "its NATO ally
        # Turkey" is Turkey
        todo = sorted((c for c in self.children[k] if self.tokens[c].dep in PHRASE_PARTS), key=lambda c: self.tokens[c].dep != "appos")
        while todo:
            c = todo.pop(0)
            if self.mention_at[c] is not None:
                return self.mention_at[c]
            todo.extend(g for g in self.children[c] if self.tokens[g].dep in PHRASE_PARTS | {"pobj"})
        return None

    def conjuncts(self, k: int) -> list[int]:
        """k and the nouns conjoined with it ("Russia and China")."""
        out = [k]
        todo = [k]
        while todo:
            x = todo.pop()
            for c in self.kids(x, {"conj"}):
                out.append(c)
                todo.append(c)
        return out

    def governing_verb(self, k: int) -> int | None:
        """The verb a noun k hangs from (through prep/pobj/dobj/attr links), if any."""
        seen = set()
        while k not in seen:
            seen.add(k)
            h = self.head(k)
            if h == k:
                return None
            if self.tokens[h].pos in ("VERB", "AUX"):
                return h
            k = h
        return None


class DocView:
    """A coded article's tokens, sentences and mentions, for rules that work across sentences
    (quotations, statements): token lookup by character offset, the sentence of each token, and each
    sentence's ``SentenceView`` built when a rule first needs it (most sentences hold nothing to do).
    """

    def __init__(self, coded: CodedArticle) -> None:
        doc = coded.doc
        if doc is None:
            raise ValueError(f"article {coded.article.id!r} has no parse: a DocView needs the parse stage's output")
        self.coded = coded
        self.doc = doc
        self.text = doc.article.text
        self.tokens = doc.tokens
        self.mentions = coded.mentions
        by_sentence: list[list[Mention]] = [[] for _ in doc.sentences]
        starts = [s.start for s in doc.sentences]
        for m in self.mentions:
            k = bisect_right(starts, m.start) - 1
            if k >= 0 and m.start < doc.sentences[k].end:
                by_sentence[k].append(m)
        self._by_sentence = by_sentence
        self._views: list[SentenceView | None] = [None] * len(doc.sentences)
        self.sentence_of = [0] * len(self.tokens)
        for n, sentence in enumerate(doc.sentences):
            for t in sentence.tokens:
                self.sentence_of[t.i] = n
        self.token_starts = [t.start for t in self.tokens]

    def view(self, n: int) -> SentenceView:
        """Sentence n's view, built on first use."""
        v = self._views[n]
        if v is None:
            v = self._views[n] = SentenceView(self.doc.sentences[n], self._by_sentence[n])
        return v

    def view_of(self, i: int) -> SentenceView:
        """The view of the sentence holding document token i."""
        return self.view(self.sentence_of[i])

    def token_at(self, offset: int) -> int | None:
        """The first token starting at or after ``offset``."""
        k = bisect_left(self.token_starts, offset)
        return k if k < len(self.tokens) else None

    def token_covering(self, offset: int) -> int | None:
        """The token whose characters include ``offset``, if any."""
        k = bisect_right(self.token_starts, offset) - 1
        return k if k >= 0 and self.tokens[k].end > offset else None
