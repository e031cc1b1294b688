"""People the dictionaries know, found by their surname where the dictionaries do not list it bare
(people.toml leaves out surnames shared by several people or with ordinary words: "Bush", "Clinton",
"Rice", "Powell"):

- **a title, a surname and the article date**: "President Bush" in a 2008 article is the one person
  named Bush who held an office of that kind (the title's role code: president -> GOV) on that day;
  "U.S. President Bush" also checks the country. Nobody, or two people, in office: no resolution.
- **a surname after the full name**: once an article has named "George W. Bush" (or "President Bush"
  was resolved), a later bare "Bush" is the same person, unless the article named two people of that
  surname. Only after the first full mention, and only a capitalised proper noun standing alone (not
  part of a longer name: "Jeb Bush"). The same holds for a person no dictionary lists whom the article
  named with a title and full name ("Retired Gen. Norman Ham … Ham"): the surname takes the code the
  titles gave (``titled_surname_mentions``).

- **an undated text** (wire sentences often come without a date): a known person with the title of one
  of their offices is in that office ("Ukrainian President Petro Poroshenko" is UKRGOV, not his later
  UKROPP); a title and a surname resolve when everyone of that surname who ever held such an office held
  the same one ("President Bush": USAGOV). "former"/"ex-"/"deposed" take the office away (ELI), and
  generic titles ("leader", "official") name no office (``rules.toml`` lists both).

What it does not do: guess from a surname alone with no title or earlier full name.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from typing import Iterator

from detente.actors import words
from detente.cameo import STATE_ROLES, actor_roles
from detente.dictionaries import ActorEntry, AgentEntry, Dictionaries
from detente.doc import has_child
from detente.model import Mention, ParsedDoc, Token
from detente.text import fold
from detente.actors.words import per_dictionaries

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _key(word: str) -> str:
    return fold(word).lower()


def surname_keys(entry: ActorEntry) -> list[str]:
    """The keys a person's surname is found by: the last word of the canonical name, and for the
    countries that put the family name first (``words.FAMILY_NAME_FIRST``: "Kim Jong Un" is "Kim",
    "Park Geun-hye" "Park") the first word too."""
    parts = [p for p in entry.name.split() if _key(p) not in _SUFFIXES]
    if len(parts) < 2 or not _key(parts[-1]):
        return []
    keys = [_key(parts[-1])]
    if (entry.code or "")[:3] in words.FAMILY_NAME_FIRST and _key(parts[0]) and _key(parts[0]) not in keys:
        keys.append(_key(parts[0]))
    return keys


class PeopleIndex:
    """The dictionaries' people by surname (the last word of their canonical name)."""

    def __init__(self, dicts: Dictionaries) -> None:
        self.size = len(dicts.actors)
        seen: dict[str, ActorEntry] = {}
        for table in (dicts.actors.exact, dicts.actors.lower):
            for found in table.values():
                for e in found:
                    if e.kind == "person":
                        seen.setdefault(e.id, e)
        self.by_surname: dict[str, list[ActorEntry]] = {}
        for e in seen.values():
            for key in surname_keys(e):
                self.by_surname.setdefault(key, []).append(e)
        self.surnames = frozenset(self.by_surname)

    def countries_on(self, surname: str, when: date) -> set[str]:
        """The countries (code prefixes) of the people called ``surname`` in an office on ``when``."""
        out = set()
        for e in self.by_surname.get(_key(surname), ()):
            for dated in e.codes:
                if dated.applies(when) and not dated.code.startswith("---"):
                    out.add(dated.code[:3])
        return out

    def countries_in_office(self, surname: str) -> set[str]:
        """The countries (code prefixes) of the people called ``surname`` who ever held a state office
        (GOV, MIL, LEG, JUD, COP, SPY), whatever its dates: for an undated "Bush administration"."""
        out = set()
        for e in self.by_surname.get(_key(surname), ()):
            for dated in e.codes:
                if not dated.code.startswith("---") and actor_roles(dated.code) & STATE_ROLES:
                    out.add(dated.code[:3])
        return out

    def by_title(self, name: list[str], agents: list[AgentEntry], country: str | None, when: date | None) -> tuple[ActorEntry, str] | None:
        """The one person called ``name`` (a surname, or first name + surname) who on ``when`` held an
        office of the kind the title's agents name (and of ``country``, if given): (entry, code)."""
        if when is None or not name:
            return None
        name = [w for w in name if _key(w) and _key(w) not in words.HONORIFICS]
        if not name:
            return None
        roles = {a.code.strip("~")[:3] for a in agents}
        found: dict[str, tuple[ActorEntry, str]] = {}
        for e in self.by_surname.get(_key(name[-1]), ()):
            if len(name) > 1 and _key(e.name.split()[0]) != _key(name[0]):
                continue
            for dated in e.codes:
                code = dated.code
                if not dated.applies(when) or code.startswith("---"):
                    continue
                if country is not None and code[:3] != country[:3]:
                    continue
                if roles & {code[i : i + 3] for i in range(3, len(code), 3)}:
                    found[e.id] = (e, code)
        return next(iter(found.values())) if len(found) == 1 else None


    @staticmethod
    def office_code(entry: ActorEntry, agents: list[AgentEntry]) -> str | None:
        """The code of the one office of ``entry`` the title's agents name ("President" -> GOV), whatever
        its dates; None when none or several differ (an undated text: the title says which office)."""
        roles = {a.code.strip("~")[:3] for a in agents}
        codes = {d.code for d in entry.codes if not d.code.startswith("---") and roles & {d.code[i : i + 3] for i in range(3, len(d.code), 3)}}
        return codes.pop() if len(codes) == 1 else None

    def undated_title(self, name: list[str], agents: list[AgentEntry]) -> str | None:
        """The office code every person called ``name`` who ever held an office of the title's kind held
        ("President Bush": both Bushes were USAGOV); None when nobody did or their offices differ."""
        name = [w for w in name if _key(w) and _key(w) not in words.HONORIFICS]
        if not name:
            return None
        codes = set()
        for e in self.by_surname.get(_key(name[-1]), ()):
            if len(name) > 1 and _key(e.name.split()[0]) != _key(name[0]):
                continue
            code = self.office_code(e, agents)
            if code is not None:
                codes.add(code)
        return codes.pop() if len(codes) == 1 else None


def people_index(dicts: Dictionaries) -> PeopleIndex:
    """The people index of ``dicts`` (built once per dictionaries object)."""
    return per_dictionaries("people_index", dicts, PeopleIndex)


def _stands_alone(toks: tuple[Token, ...], n: int) -> bool:
    """Is token n a surname standing alone: no capitalised proper noun before it (an honorific
    aside: "Mr. Bush") or after it ("Jeb Bush", "Bush Sr")?"""
    prev = toks[n - 1] if n else None
    nxt = toks[n + 1] if n + 1 < len(toks) else None
    if prev is not None and prev.pos == "PROPN" and prev.text[:1].isupper() and _key(prev.text) not in words.HONORIFICS:
        return False
    return not (nxt is not None and nxt.pos == "PROPN" and nxt.text[:1].isupper())


COMMON_NOUN_MARKERS = frozenset({"det", "amod", "nummod"})  # "the Sanders", "three Rices": no surname


def _bare_surnames(doc: ParsedDoc, mentions: list[Mention], keys: set[str]) -> Iterator[tuple[str, Token]]:
    """(key, token) for each capitalised proper noun whose folded text is one of ``keys``, standing
    alone (not "Jeb Bush") and outside every mention. The small model tags a surname that looks like
    a plural ("Sanders", lemma "sander") as a common noun: a capitalised noun with no determiner counts
    too, since only the surnames of people the article named in full are looked for."""
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [s for s, _ in spans]
    for sentence in doc.sentences:
        toks = sentence.tokens
        for n, tok in enumerate(toks):
            if tok.pos not in ("PROPN", "NOUN") or not tok.text[:1].isupper():
                continue
            key = _key(tok.text)
            if key not in keys:
                continue
            if tok.pos == "NOUN" and (tok.dep == "compound" or has_child(toks, n, COMMON_NOUN_MARKERS)):
                continue  # "Rice exports", "the Sanders": a common noun
            k = bisect_right(starts, tok.start) - 1
            if k >= 0 and spans[k][1] > tok.start:
                continue  # inside a mention already
            if _stands_alone(toks, n):
                yield key, tok


def surname_mentions(doc: ParsedDoc, mentions: list[Mention], persons: dict[tuple[int, int], ActorEntry], when: date | None) -> list[Mention]:
    """Mentions of a bare surname of a person the article named in full before (``persons``: the
    span of each dictionary person mention -> its entry)."""
    if not persons:
        return []
    first: dict[str, tuple[int, int]] = {}
    named: dict[str, dict[str, ActorEntry]] = {}
    for span in sorted(persons):
        e = persons[span]
        first.setdefault(e.id, span)
        for key in surname_keys(e):
            named.setdefault(key, {})[e.id] = e
    unique = {key for key, entries in named.items() if len(entries) == 1}
    if not unique:
        return []
    out: list[Mention] = []
    text = doc.article.text
    headline, lead_end = _headline(doc)
    for key, tok in _bare_surnames(doc, mentions, unique):
        (entry,) = named[key].values()
        antecedent = first[entry.id]
        if antecedent[0] >= tok.start and not (tok.end <= headline and antecedent[0] < lead_end):
            continue  # named in full only later (but a headline's "Clinton" is the lead's "Hillary Clinton")
        code = entry.code_on(when)
        if code is None:
            continue
        out.append(Mention(tok.start, tok.end, text[tok.start : tok.end], code, "person", f"surname:{entry.id}", entry.name,
                           resolution="surname", antecedent=antecedent))
    return out


HEADLINE_LEAD = 3  # the sentences after a headline that may give its bare surnames' full names


def _headline(doc: ParsedDoc) -> tuple[int, int]:
    """(end of the headline, end of its lead) when the article opens with a headline: a first sentence
    ending its own paragraph; (0, 0) otherwise. Headlines name people by surname, the lead in full."""
    sentences = doc.sentences
    if len(sentences) < 2 or not doc.article.text[sentences[0].end : sentences[1].start].count("\n"):
        return 0, 0
    return sentences[0].end, sentences[min(HEADLINE_LEAD, len(sentences) - 1)].end


def titled_surname_mentions(doc: ParsedDoc, mentions: list[Mention]) -> list[Mention]:
    """Bare surnames of people no dictionary lists whom the article introduced by role and full name
    ("Retired U.S. Air Force Gen. Norman Ham … Ham explained why he…"): the same actor, as for a
    dictionary person (``surname_mentions``). A surname two such people of different codes share
    names neither."""
    named: dict[str, Mention | None] = {}
    for m in mentions:
        if m.kind != "person" or m.resolution == "dictionary" or not m.name or m.code.startswith("---"):
            continue
        parts = [p for p in m.name.split() if p[:1].isupper() and _key(p) not in words.HONORIFICS and _key(p) not in _SUFFIXES]
        if len(parts) < 2 or not parts[-1][1:].islower():
            continue
        key = _key(parts[-1])
        if key in named and (named[key] is None or named[key].code != m.code):
            named[key] = None
        else:
            named.setdefault(key, m)
    keys = {key for key, m in named.items() if m is not None}
    if not keys:
        return []
    out: list[Mention] = []
    text = doc.article.text
    for key, tok in _bare_surnames(doc, mentions, keys):
        ante = named[key]
        if ante.end > tok.start:
            continue
        out.append(Mention(tok.start, tok.end, text[tok.start : tok.end], ante.code, "person", f"surname:{ante.start}-{ante.end}", ante.name,
                           resolution="surname", antecedent=(ante.start, ante.end)))
    return out
