"""Speakers: who said each quotation, as a mention in the article resolved to a person or body.

Walking the article in order, the resolver keeps the *referents* a reader keeps in mind: the subjects of
the reporter's own sentences (never words inside a quotation's content: "President Putin" inside
Peskov's quotation does not take over the story) and the speakers of quotations. From them:

- a speaker noun phrase becomes an entity: its actor mention gives the code and the name (``Kremlin
  spokesperson Dmitry Peskov`` -> Dmitry Peskov, RUSGOV), else the proper-noun run at its head or in
  an apposition, titles dropped (``Mr. Clarke`` -> Clarke); a later surname (``Peskov``) or a definite
  role (``the spokesperson``) links to the entity met earlier, with its code;
- a pronoun speaker (``he said``) takes the most recent compatible referent within three paragraphs:
  he/she a person or an unknown name of that gender so far, it a body, they a plural or a group; first
  and second person stay unresolved (an author or an interviewer);
- a relative pronoun (``…, who said``) is the speaker mention, resolved to its antecedent;
- a participle on a noun of saying (``issued a statement calling …``) takes the statement's producer;
- a floating quotation (no cue) takes the most recent speaker or person subject within three
  paragraphs, and that referent's mention.

What it does not do: general coreference (only what attribution needs), or code actors (codes come
from the actor stage's mentions, read from the model).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from detente.model import Mention
from detente.doc import SentenceView
from detente.quotes.context import Context, Found, Span, SpanSet
from detente.quotes.cues import REPORTING_NOUNS, TITLES
from detente.quotes.layout import dateline_end
from detente.quotes.names import gender_of
from detente.quotes.indirect import noun_source

# the pronoun lists (male_pronouns, female_pronouns, group_pronouns, thing_pronouns) are dictionary data: [words] in data/dictionaries/rules.toml
RELATIVE = {"who", "which", "that", "whom"}
BODY_KINDS = {"country", "government", "organization", "group", "military", "police", "judiciary", "legislature", "intelligence", "media", "business", "opposition", "rebels", "source"}
WINDOW_PARAGRAPHS = 3
SUBORDINATE = {"relcl", "acl", "acl:relcl", "advcl", "csubj", "pcomp"}


@dataclass
class Entity:
    name: str | None
    code: str = ""
    kind: str = "source"  # person | name (a proper name of unknown kind) | a body kind | source
    via: str = ""
    gender: str | None = None
    plural: bool = False
    roles: set[str] = field(default_factory=set)


@dataclass
class Referent:
    at: int  # where it was met (orders the walk)
    start: int  # the mention it points back to
    end: int
    text: str
    entity: Entity
    speaker: bool = False


@dataclass
class Speaker:
    mention: Mention | None
    name: str | None
    text: str | None
    via: str


class SpeakerResolver:
    def __init__(self, ctx: Context, contents: list[Span]) -> None:
        self.ctx = ctx
        words = ctx.rules.word
        self.gender = {w: "m" for w in words("male_pronouns")} | {w: "f" for w in words("female_pronouns")}
        self.group_pronouns, self.thing_pronouns = words("group_pronouns"), words("thing_pronouns")
        self.contents = contents
        self.referents: list[Referent] = []
        self.by_surname: dict[str, Entity] = {}
        # datelines ("MOSCOW, May 2 (Wire) -") name where a report was filed: no one is speaking there
        datelines = [(a, dateline_end(ctx.text, a)) for a, _ in ctx.paragraphs[:3]]
        outside = SpanSet(list(contents) + [d for d in datelines if d[1] > d[0]])
        self.content_set = SpanSet(contents)
        self.datelines = datelines
        # subjects of the reporter's main clauses; those of subordinate clauses ("…, where Mrs. Clinton
        # also spoke") do not take over the story
        tokens = ctx.tokens
        self.subjects = [
            tok.i
            for tok in tokens
            if tok.dep in ("nsubj", "nsubjpass", "nsubj:pass") and tok.pos in ("PROPN", "NOUN", "PRON")
            and tokens[tok.head].dep not in SUBORDINATE and not outside.contains(tok.start)
        ]
        self._next = 0

    # -- the walk ---------------------------------------------------------------------------------

    def advance(self, offset: int) -> None:
        """Register the subject referents met before ``offset``."""
        while self._next < len(self.subjects) and self.ctx.tokens[self.subjects[self._next]].start < offset:
            i = self.subjects[self._next]
            self._next += 1
            tok = self.ctx.tokens[i]
            if tok.pos == "PRON":
                ref = self._pronoun(i)
                if ref is not None:
                    self._add(Referent(tok.start, tok.start, tok.end, tok.text, ref.entity))
                continue
            entity, (start, end), text = self.phrase_entity(i)
            self._add(Referent(start, start, end, text, entity))

    def _add(self, ref: Referent) -> None:
        # a speaker met inside someone else's quotation ("Earnest said Obama has called for …") does
        # not take over the story
        if ref.speaker and ref.start == ref.at and self.content_set.contains(ref.start):
            return
        self.referents.append(ref)

    def resolve(self, f: Found) -> Speaker:
        """The speaker of ``f``; registers it as the latest speaker."""
        ctx = self.ctx
        if f.speaker_span is not None:
            start, end = f.speaker_span
            text = ctx.text[start:end]
            entity = self._name_entity(text, start, end)
            self.advance(start)
            self._add(Referent(start, start, end, text, entity, speaker=True))
            return Speaker(self._mention(start, end, text, entity, entity.via or "label"), entity.name, text, "")
        if f.speaker_head is not None:
            f.speaker_head = self._after_dateline(f.speaker_head)
        if f.speaker_head is not None:
            i = f.speaker_head
            tok = ctx.tokens[i]
            self.advance(tok.start)
            view = ctx.view_of(i)
            k = i - view.base
            low = tok.text.lower()
            if tok.pos == "PRON" or low in RELATIVE:
                if low in RELATIVE and view.head(k) != k:
                    antecedent = view.head(view.head(k))
                    entity, _, _ = self.phrase_entity(antecedent + view.base)
                    via = "+relative"
                else:
                    ref = self._pronoun(i)
                    if ref is None:
                        fallback = view.mention_at[k]
                        if fallback is not None and fallback.code:
                            entity = Entity(fallback.name or fallback.text, fallback.code, "person" if low in self.gender else "source", fallback.via)
                            via = "+pronoun-coref"
                        else:
                            return Speaker(Mention(tok.start, tok.end, tok.text, "", "pronoun", "unresolved"), None, tok.text, "+unresolved")
                    else:
                        entity, via = ref.entity, f"+previous-{'speaker' if ref.speaker else 'subject'}"
                self._add(Referent(tok.start, tok.start, tok.end, tok.text, entity, speaker=True))
                mention = Mention(tok.start, tok.end, tok.text, entity.code, "pronoun", f"speaker-coref:{entity.via or entity.name}", entity.name)
                return Speaker(mention, entity.name, tok.text, via)
            if view.lower[k] in REPORTING_NOUNS and view.dep(k) not in ("nsubj", "nsubjpass"):
                producer = noun_source(view, k)
                if producer is not None:
                    i, k = producer + view.base, producer
            entity, (start, end), text = self.phrase_entity(i)
            self._add(Referent(start, start, end, text, entity, speaker=True))
            return Speaker(self._mention(start, end, text, entity, entity.via), entity.name, text, "")
        if f.floating:
            self.advance(f.start)
            ref = self._latest(f.start, lambda r: r.speaker or r.entity.kind in ("person", "name"))
            if ref is None:
                return Speaker(None, None, None, "")
            self._add(Referent(f.start, ref.start, ref.end, ref.text, ref.entity, speaker=True))
            return Speaker(self._mention(ref.start, ref.end, ref.text, ref.entity, f"floating:{ref.start}-{ref.end}"), ref.entity.name, ref.text, ":previous-speaker")
        return Speaker(None, None, None, "")

    def _after_dateline(self, i: int) -> int | None:
        """A speaker the parser found inside a dateline ("MOSCOW, May 2 (Wire) - The ministry said")
        is the noun phrase right after it, if one starts the sentence there."""
        start = self.ctx.tokens[i].start
        for a, b in self.datelines:
            if a <= start < b:
                j = self.ctx.token_at(b)
                if j is None or self.ctx.sentence_of[j] != self.ctx.sentence_of[i]:
                    return None
                while self.ctx.tokens[j].pos in ("DET", "ADJ", "PROPN", "NOUN", "PUNCT") and self.ctx.tokens[j].head != j:
                    h = self.ctx.tokens[j].head
                    if not (j < h and self.ctx.tokens[h].pos in ("PROPN", "NOUN")):
                        break
                    j = h
                return j if self.ctx.tokens[j].pos in ("PROPN", "NOUN", "PRON") else None
        return i

    def _latest(self, offset: int, ok) -> Referent | None:
        floor = self.ctx.paragraphs[max(0, self.ctx.paragraph_index(offset) - WINDOW_PARAGRAPHS)][0] if self.ctx.paragraphs else 0
        for ref in reversed(self.referents):
            if ref.at >= offset:
                continue
            if ref.at < floor:
                return None
            if ok(ref):
                return ref
        return None

    def _pronoun(self, i: int) -> Referent | None:
        tok = self.ctx.tokens[i]
        low = tok.text.lower()
        if low in self.gender:
            gender = self.gender[low]
            return self._latest(tok.start, lambda r: r.entity.kind in ("person", "name") and not r.entity.plural and r.entity.gender in (None, gender))
        if low in self.group_pronouns:
            return self._latest(tok.start, lambda r: r.entity.plural or r.entity.kind in BODY_KINDS - {"source"})
        if low in self.thing_pronouns:
            return self._latest(tok.start, lambda r: not r.entity.plural and r.entity.gender is None and (r.entity.kind in BODY_KINDS or r.entity.kind == "name"))
        return None

    # -- noun phrases -> entities -------------------------------------------------------------------

    def phrase_entity(self, i: int) -> tuple[Entity, Span, str]:
        ctx = self.ctx
        view = ctx.view_of(i)
        k = i - view.base
        start, end = noun_phrase(view, k)
        text = ctx.text[start:end]
        mention = view.mention_of(k)
        if mention is None or mention.kind == "pronoun":
            mention = next((m for m in view.mentions if start <= m.start and m.end <= end and m.kind != "pronoun"), None)
        name, titles = _name(view, k, ctx.text)
        tok = view.tokens[k]
        if name is not None and tok.pos == "NOUN" and mention is not None and mention.kind != "person":
            # "the minister of the economy, Mr. Guajardo Villarreal": a role named in an apposition
            mention = Mention(mention.start, mention.end, mention.text, mention.code, "person", mention.via, name)
        elif name is None and tok.pos == "NOUN" and mention is not None and mention.kind == "person" and not mention.start <= tok.start < mention.end:
            # "the Trump campaign", "Clinton's team": a body named after a person is not that person
            mention = Mention(mention.start, mention.end, text, mention.code, "group", mention.via, None)
        plural = tok.tag in ("NNS", "NNPS")
        roles = {view.lemma[t] for t in range(_first(view, k, start), k + 1) if view.tokens[t].pos == "NOUN"} | {t.rstrip(".") for t in titles}
        words = (mention.name if mention is not None and mention.kind == "person" and mention.name else name or "").split()
        gender = gender_of(words[0] if len(words) > 1 else None, titles, roles)
        if mention is not None and mention.kind == "person":
            kind, code, via = "person", mention.code, mention.via
            name = mention.name or name
        elif mention is not None and (name is None or mention.start <= tok.start < mention.end):
            kind, code, via = mention.kind, mention.code, mention.via
            if kind == "country" and name and titles:
                kind = "person"
            name = name or mention.name or mention.text
        elif name is not None:
            kind = "person" if titles or roles else "name"
            if kind == "name" and any(view.lower[d] in ("the", "a", "an") for d in view.kids(k, {"det"})):
                kind = "source"  # "the 13th Amendment", "the Times": a proper name with an article is no person
            code, via = (mention.code, mention.via) if mention is not None else ("", "speaker:name")
        else:
            kind, code, via = "source", "", "speaker:noun-phrase"
        if name is None:
            linked = self._by_role(view, k, start) if tok.pos == "NOUN" else None
            if linked is not None:
                return linked, (start, end), text
            return Entity(text, code, kind, via, gender, plural, roles), (start, end), text
        entity = self._link(name, Entity(name, code, kind, via, gender, plural, roles))
        return entity, (start, end), text

    def _name_entity(self, text: str, start: int, end: int) -> Entity:
        words = [w for w in text.replace(",", " ").split() if w.lower().rstrip(".") not in TITLES]
        name = " ".join(words) or text
        if name.isupper():
            name = name.title()
        mention = next((m for m in self.ctx.mentions if start <= m.start and m.end <= end and m.kind != "pronoun"), None)
        code, kind, via = (mention.code, mention.kind, mention.via) if mention else ("", "name", "speaker:label")
        full = mention.name if mention and mention.name else name
        first = full.split()[0] if len(full.split()) > 1 else None
        return self._link(name, Entity(full, code, kind, via, gender_of(first)))

    def _link(self, name: str, new: Entity) -> Entity:
        """The entity already met under this surname (upgraded with what ``new`` knows), else ``new``."""
        surname = name.split()[-1].lower().strip(".,")
        old = self.by_surname.get(surname)
        if old is None or (old.kind in BODY_KINDS) != (new.kind in BODY_KINDS):
            self.by_surname[surname] = new
            return new
        if new.name and (not old.name or len(new.name.split()) > len(old.name.split()) or (old.name.isupper() and not new.name.isupper())):
            old.name = new.name
        if not old.code and new.code:
            old.code, old.via = new.code, new.via
        if old.kind == "name" and new.kind == "person":
            old.kind = "person"
        old.gender = old.gender or new.gender
        old.roles |= new.roles
        return old

    def _by_role(self, view: SentenceView, k: int, start: int) -> Entity | None:
        """``the spokesperson`` -> the latest entity introduced with that role."""
        if not any(view.lower[d] in ("the", "this", "that") for d in view.kids(k, {"det"})):
            return None
        role = view.lemma[k]
        ref = self._latest(view.tokens[k].start, lambda r: role in r.entity.roles and r.entity.kind in ("person", "name"))
        return ref.entity if ref is not None else None

    def _mention(self, start: int, end: int, text: str, entity: Entity, via: str) -> Mention:
        return Mention(start, end, text, entity.code, entity.kind if entity.kind != "name" else "person", via or "speaker", entity.name)


def noun_phrase(view: SentenceView, k: int) -> Span:
    """The speaker phrase headed by k: its compounds, modifiers, possessor and ``of``/``for`` phrase of
    a common noun (``one of the family's lawyers``), without relative clauses, appositions or
    conjuncts."""
    stop = {"relcl", "acl", "appos", "punct", "cc", "conj", "advmod", "acl:relcl", "prep"}
    keep = view.subtree(k, stop=stop)
    if view.tokens[k].pos == "NOUN":
        for p in view.kids(k, {"prep"}):
            if view.lower[p] in ("of", "for", "at", "from") and p > k:
                keep = sorted(set(keep) | set(view.subtree(p, stop={"relcl", "acl", "appos", "punct", "cc", "conj"})))
    # a contiguous span: cut at the first gap of words or commas (a hyphen inside "Hamas-run" is none)
    run = [keep[0]]
    for t in keep[1:]:
        gap = range(run[-1] + 1, t)
        if any(view.tokens[g].pos != "PUNCT" or view.tokens[g].text in (",", ";", "(", ")") for g in gap):
            if t > k:
                break
            run = [t]
            continue
        run.append(t)
    if k not in run:
        run = [k]
    return view.tokens[run[0]].start, view.tokens[run[-1]].end


def _first(view: SentenceView, k: int, start: int) -> int:
    j = k
    while j > 0 and view.tokens[j - 1].start >= start:
        j -= 1
    return j


def _name(view: SentenceView, k: int, text: str) -> tuple[str | None, set[str]]:
    """The proper-noun run ending at k (or in an apposition of k), without titles, and the titles."""
    def run(h: int) -> tuple[str | None, set[str]]:
        if view.tokens[h].pos != "PROPN":
            return None, set()
        start = h
        while start > 0 and view.tokens[start - 1].pos == "PROPN" and view.head(start - 1) in range(start, h + 1):
            start -= 1
        titles: set[str] = set()
        words = []
        for t in range(start, h + 1):
            low = view.lower[t]
            if not words and low.rstrip(".") in TITLES:
                titles.add(low)
                continue
            words.append(t)
        if start > 0 and view.lower[start - 1].rstrip(".") in TITLES:
            titles.add(view.lower[start - 1])
        if not words:
            return None, titles
        return text[view.tokens[words[0]].start : view.tokens[words[-1]].end], titles

    name, titles = run(k)
    if name is None:
        for c in view.kids(k, {"appos"}):
            name2, titles2 = run(c)
            if name2:
                return name2, titles | titles2
    return name, titles
