"""Actor stage: find actor mentions in a ``ParsedDoc`` and resolve each to a CAMEO actor code
(``docs/actors.md``).

How a mention is built (the PETRARCH/TABARI actor-agent composition, done on tokens):

1. Dictionary names are looked up longest-first at every token (countries with their adjectives,
   demonyms and capitals; institutions and seats of power; organisations; people) and so are agents
   (roles: "foreign minister" -> GOV), agents only on nouns and not after an honorific ("Mr. King").
   Discard phrases are skipped. A person's name in lower case is taken on a proper noun ("obama").
2. Names that are no actor where they stand are dropped: a backer or maker before a hyphen
   ("Iran-backed", "US-made"), an institution named like a place before a place noun ("the Rada
   district"); a stance ("anti-American") composes with no role.
3. Adjacent pieces of one noun phrase are joined: ``Kremlin spokesperson Dmitry Peskov``,
   ``Russia's foreign minister Sergey Lavrov``, ``foreign minister of Russia``, ``President Joe Biden``.
   A run of proper nouns right after a role is the person's name even when the dictionary does not
   know it ("spokesperson Dmitry Peskov"). "Refugees in Lebanon" is one mention whose place gives no
   country. A country coordinated with a country + role shares the role ("US and British activists").
4. The code: a known person -> their code on the article date; a title + surname -> the one person of
   that name in such an office on the article date (``people.py``); else a country + an agent ->
   country + agent (RUS + GOV = RUSGOV); else the actor's own code; an agent alone -> ``---`` + agent.
   ``via`` records the dictionary entries used, so ``explain`` can show how each code was resolved.
5. Article-level: a bare surname after a person's full name is that person (``people.py``); an
   unnamed agent's ``---`` gets the country its phrase, a locative, the dateline or the story gives
   (``inference.py``); "the two countries" are the passage's two named countries.
6. Personal pronouns (he, she, it, they) become mentions resolved to the nearest earlier compatible
   mention (a person for he/she; a country, body or group for it/they), ``via="coref:<start>-<end>"``.

What it does not do: decide who speaks (``quotes/``) or which mention is an event's source or target
(``events/``).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date

from detente.actors import words
from detente.actors.inference import infer_countries, is_modifier, is_stance
from detente.actors.people import PeopleIndex, people_index, surname_mentions, titled_surname_mentions
from detente.cameo import STATE_ROLES
from detente.dictionaries import ActorEntry, AgentEntry, Dictionaries, Rules
from detente.doc import has_child
from detente.model import CodedArticle, Mention, ParsedDoc, Sentence, Token
from detente.stages import StageContext, Tracer, register_stage
from detente.text import QUOTE_TOKENS, Folded, fold

NOUNS = {"NOUN", "PROPN"}
# "the two countries", "both sides": the two parties the article is about
PARTY_NOUNS = {"country": "", "nation": "", "state": "", "side": "", "party": "", "neighbour": "", "neighbor": "",
               "capital": "", "government": "GOV", "leader": "GOV", "administration": "GOV", "army": "MIL",
               "military": "MIL"}
LINKS = {"'s", "’s", "'", "’"}
# offices a party's members hold: "GOP senators", "Senate Republicans" are legislators, not the party
PARTY_OFFICES = frozenset({"LEG", "GOV"})
AGENT_KIND = {
    "GOV": "government",
    "MIL": "military",
    "COP": "police",
    "JUD": "judiciary",
    "LEG": "legislature",
    "SPY": "intelligence",
    "MED": "media",
    "BUS": "business",
    "OPP": "opposition",
    "REB": "rebels",
    "IGO": "organization",
    "NGO": "organization",
}


@dataclass
class _Context:
    """What one article's mention finding shares: the dictionaries, the article date, the people index
    (built on first use) and the dictionary person found at each mention span."""

    dicts: Dictionaries
    when: date | None
    persons: dict[tuple[int, int], ActorEntry] = field(default_factory=dict)
    _people: PeopleIndex | None = None

    @property
    def people(self) -> PeopleIndex:
        if self._people is None:
            self._people = people_index(self.dicts)
        return self._people

    @property
    def counted(self) -> frozenset[str]:
        """Agent nouns that are actors only when counted (rules.toml ``counted_nouns``)."""
        return self.dicts.rules.words.get("counted_nouns", frozenset())

    @property
    def quantities(self) -> frozenset[str]:
        return self.dicts.rules.words.get("quantity_nouns", frozenset())


@dataclass
class _Piece:
    start: int  # token index within the sentence
    end: int
    actor: list[ActorEntry] | None = None
    agent: AgentEntry | None = None
    name_run: bool = False  # proper nouns after a role, not in the dictionary
    borrowed: bool = False  # a role shared from the next group ("Indian and Pakistani troops")
    place: bool = False  # where a role is, not its country ("refugees in Lebanon")
    stance: bool = False  # after "anti-"/"pro-": joins no role ("anti-American protesters")


class ActorStage:
    """Adds ``mentions`` to a coded article."""

    name = "actors"
    reads = ("doc",)
    adds = ("mentions",)

    def __init__(self, dictionaries: Dictionaries) -> None:
        self.dicts = dictionaries

    def __call__(self, coded: CodedArticle, trace: Tracer | None = None) -> CodedArticle:
        if coded.doc is None:
            return coded
        mentions = find_mentions(coded.doc, self.dicts, coded.article.published)
        if trace is not None and trace.on:
            for m in mentions:
                trace(m.via, m.resolution, f"{m.text!r} -> {m.code}")
        return replace(coded, mentions=tuple(mentions))


@register_stage("actors")
def make_actor_stage(context: StageContext) -> ActorStage:
    return ActorStage(context.dictionaries)


def find_mentions(doc: ParsedDoc, dicts: Dictionaries, when: date | None) -> list[Mention]:
    """Every actor mention in the document, in text order: dictionary names and roles composed per
    sentence, bare surnames of people named in full earlier (``people.py``), countries inferred for
    unnamed agents (``inference.py``), "the two countries", pronouns resolved."""
    ctx = _Context(dicts, when)
    found: list[Mention] = []
    for sentence in doc.sentences:
        ctx.when = _sentence_date(sentence, when)
        found.extend(_sentence_mentions(sentence, doc.article.text, ctx))
    ctx.when = when
    if ctx.persons:
        found = _staff_of_surnames(doc.article.text, sorted(found + surname_mentions(doc, found, ctx.persons, when), key=lambda m: m.start))
    found = sorted(found + _appositive_people(doc, found, dicts.rules), key=lambda m: m.start)
    found = sorted(found + titled_surname_mentions(doc, found), key=lambda m: m.start)
    found = _without_elided_possessives(doc, found)
    found = _roles_countries(infer_countries(doc, found, dicts, ctx.people))
    found = _two_parties(doc, found)
    return resolve_pronouns(doc, found, dicts.rules)


# what may stand between a person and a role to make the role the person's staff ("Trump campaign
# spokesman", "Clinton's spokesman", "Clinton spokesman")
STAFF_LINKS = frozenset({"campaign"})
STAFF_GAPS = frozenset({"", *LINKS, *STAFF_LINKS, *(f"{link} {word}" for link in LINKS for word in STAFF_LINKS)})


def _staff_of_surnames(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Clinton spokesman Brian Fallon" once the article named Hillary Clinton: the bare surname (found
    only after the sentence's names and roles were composed) and the role with a name right after it are
    one mention, the person's staff, in the person's code (as "Trump campaign spokesman Jason Miller")."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.resolution == "surname" and m.kind == "person" and m.code.startswith("---") and m.name \
                and m.resolution == "dictionary" and " ".join(text[prev.end : m.start].split()) in STAFF_GAPS:
            out[-1] = Mention(prev.start, m.end, text[prev.start : m.end], prev.code, "person", f"staff:{prev.via}+{m.via}", m.name,
                              resolution="composed")
            continue
        out.append(m)
    return out


NAME_RUN = range(2, 5)  # tokens of a person's name no dictionary lists ("Bryan Pagliano", "Mary J. Blige")


def _appositive_people(doc: ParsedDoc, mentions: list[Mention], rules: Rules) -> list[Mention]:
    """People no dictionary lists, named beside their role in apposition ("Bryan Pagliano, a former
    State Department employee,", "the Wells Fargo chief executive, John Stumpf,"): the name is the role's
    actor, a person of the role's code (later bare surnames follow it: ``titled_surname_mentions``).
    The role must be an actor mention naming no one ("Russia's foreign minister"); the name two to four
    capitalised proper nouns outside every mention, opening with a given name (``male_given_names``,
    ``female_given_names``: "Peabody Energy, the nation's largest coal company" is no person), and not
    coordinated. The name's antecedent is the role: one actor, whose country the role may get later
    (``_roles_countries``)."""
    if not mentions:
        return []
    male, female = rules.word("male_given_names"), rules.word("female_given_names")
    text = doc.article.text
    spans = sorted((m.start, m.end, m) for m in mentions)
    starts = [a for a, _, _ in spans]

    def covering(tok: Token) -> Mention | None:
        k = bisect_right(starts, tok.start) - 1
        return spans[k][2] if k >= 0 and spans[k][1] > tok.start else None

    out: list[Mention] = []
    for sentence in doc.sentences:
        toks = sentence.tokens
        base = toks[0].i
        n = 0
        while n < len(toks):
            if not _name_word(toks[n]) or covering(toks[n]) is not None or (n and toks[n - 1].pos == "DET"):
                n += 1
                continue
            end = n
            while end < len(toks) and _name_word(toks[end]) and covering(toks[end]) is None:
                end += 1
            run = range(n, end)
            heads = [k for k in run if not (n <= toks[k].head - base < end) or toks[k].head == toks[k].i]
            n = end
            if len(run) not in NAME_RUN or len(heads) != 1:
                continue
            h = heads[0]
            first = toks[run[0]].text.lower()
            if (first not in male and first not in female) or toks[run[-1]].text.lower() in words.NAME_STOP_NOUNS:
                continue  # a person's name opens with a given name ("Peabody Energy" is none, nor "John Jay College")
            if run[0] and (covering(toks[run[0] - 1]) is not None or toks[run[0] - 1].text.lower() in words.NAME_GLUE):
                continue  # the rest of a longer name: "King Salman bin Abdulaziz Al Saud"
            if toks[h].dep == "conj" or any(t.head - base == h and t.dep in ("conj", "cc") for t in toks):
                continue  # "Mr. Podesta and Todd Stern, the envoy": whose role, unclear
            twins = [k for k, t in enumerate(toks) if t.head - base == h and t.dep == "appos" and k >= end]
            if toks[h].dep == "appos" and toks[h].head != toks[h].i:
                twins.append(toks[h].head - base)
            role = next((m for k in twins if (m := covering(toks[k])) is not None and _role_mention(m)), None)
            if role is not None:
                a, b = toks[run[0]].start, toks[run[-1]].end
                out.append(Mention(a, b, text[a:b], role.code, "person", f"appositive:{role.start}-{role.end}+{role.via}", text[a:b],
                                   resolution="composed", antecedent=(role.start, role.end)))
    return out


def _roles_countries(mentions: list[Mention]) -> list[Mention]:
    """A person named in apposition to a role ("a Zimbabwean court freed John Doe, a critic") takes the
    country inference gave the role (ZWEOPP)."""
    by_span = {(m.start, m.end): m for m in mentions}
    out = []
    for m in mentions:
        role = by_span.get(m.antecedent) if m.kind == "person" and m.antecedent and m.code.startswith("---") else None
        if role is not None and role.resolution == "inferred" and not role.code.startswith("---") and role.code[3:] == m.code[3:]:
            m = replace(m, code=role.code, via=f"{m.via}+{role.via}", resolution="inferred")
        out.append(m)
    return out


def _name_word(tok: Token) -> bool:
    """A word of a person's name: a capitalised proper noun ("Pagliano", "J.")."""
    return tok.pos == "PROPN" and tok.text[:1].isupper() and tok.text[:1].isalpha()


def _role_mention(m: Mention) -> bool:
    """Is m an actor's role naming no one ("a former State Department employee", "Russia's foreign
    minister"), not a country, a pronoun or a named actor?"""
    return m.kind not in ("country", "pronoun") and m.name is None and len(m.code) > 3 and m.resolution in ("dictionary", "composed", "metonym")


def _without_elided_possessives(doc: ParsedDoc, mentions: list[Mention]) -> list[Mention]:
    """Drop a name in the possessive whose possessed noun is left out ("an alternative to Mr. Trump's",
    "an army larger than Ukraine's"): it stands for his or its thing, not for the actor. The parser
    shows it as a possessor that is itself the argument; coordinated possessors ("Russia's and China's
    policies") share the noun that follows."""
    last = {t.end: (s.tokens, n) for s in doc.sentences for n, t in enumerate(s.tokens)}
    kept = []
    for m in mentions:
        toks, n = last.get(m.end, ((), -1))
        if n >= 0 and n + 1 < len(toks) and toks[n + 1].text in ("'s", "’s") \
                and toks[n].dep in ("pobj", "dobj", "obj", "nsubj", "attr", "appos") \
                and not (n + 3 < len(toks) and toks[n + 2].text.lower() in ("and", "or", ",", "&") and toks[n + 3].pos not in ("VERB", "AUX")):
            continue
        kept.append(m)
    return kept


def _sentence_date(sentence: Sentence, when: date | None) -> date | None:
    """The date a sentence's people are read on: the article's, unless the sentence's act is placed in an
    earlier year ("In 2007, Mexico accepted the Bush administration's request", "questioned Obama in
    2008"): "in" or "during" and one year before the article's, on the sentence's main verb. Mid-year
    of that year."""
    if when is None:
        return None
    toks = sentence.tokens
    base = toks[0].i if toks else 0
    years = set()
    for t in toks:
        if t.dep != "pobj" or len(t.text) != 4 or not t.text.isdigit() or not 1900 <= int(t.text) < when.year:
            continue
        prep = toks[t.head - base] if 0 <= t.head - base < len(toks) else None
        verb = toks[prep.head - base] if prep is not None and 0 <= prep.head - base < len(toks) else None
        if prep is not None and prep.text.lower() in ("in", "during") and verb is not None and verb.pos in ("VERB", "AUX") \
                and verb.dep == "ROOT":  # the sentence's own act, not "talks it abandoned in 2009"
            years.add(int(t.text))
    return date(years.pop(), 7, 1) if len(years) == 1 else when


def _two_parties(doc: ParsedDoc, mentions: list[Mention]) -> list[Mention]:
    """"the two countries", "both sides", "the two governments": a mention of the two countries the
    article has named most so far (ties to the most recent), coded ``A/B`` (events split it into
    one event per party). Nothing when fewer than two countries were named before."""
    out = list(mentions)
    for sentence in doc.sentences:
        toks = sentence.tokens
        for n, tok in enumerate(toks):
            noun = tok.lemma.lower()
            if noun not in PARTY_NOUNS or tok.pos != "NOUN" or not tok.text.lower().endswith("s") or n == 0:
                continue
            before = [t.text.lower() for t in toks[max(0, n - 3) : n]]
            if not ("both" in before or before[-2:] == ["the", "two"] or before[-1:] == ["two"]):
                continue
            start_tok = next(k for k in range(max(0, n - 3), n) if toks[k].text.lower() in ("the", "both", "two"))
            # the parties of the current passage: this sentence and the three before it, else the article
            floor = doc.sentences[max(0, sentence.index - 3)].start
            parties = [m for m in mentions if m.end <= toks[start_tok].start and len(m.code) >= 3 and not m.code.startswith(("---", "IGO", "NGO"))
                       and m.resolution != "inferred"]
            recent = [m for m in parties if m.start >= floor]
            earlier = recent if len({m.code[:3] for m in recent}) >= 2 else parties
            counts: dict[str, list[int]] = {}
            for order, m in enumerate(earlier):
                counts.setdefault(m.code[:3], []).append(order)
            ranked = sorted(counts, key=lambda c: (len(counts[c]), max(counts[c])), reverse=True)
            if len(ranked) < 2:
                continue
            agent = PARTY_NOUNS[noun]
            code = "/".join(sorted(c + agent for c in ranked[:2]))
            start, end = toks[start_tok].start, tok.end
            if any(m.start < end and start < m.end for m in out):
                continue
            out.append(Mention(start, end, doc.article.text[start:end], code, "group", f"article:two-parties:{'+'.join(ranked[:2])}", resolution="parties"))
    return sorted(out, key=lambda m: m.start)


def _sentence_mentions(sentence: Sentence, text: str, ctx: _Context) -> list[Mention]:
    dicts = ctx.dicts
    tokens = sentence.tokens
    texts = [t.text for t in tokens]
    folded = Folded(texts)
    lowered = Folded([t.lower() for t in texts], [_agent_lemma(t) for t in tokens])
    pieces: list[_Piece] = []
    may_discard = dicts.discards.starts(folded) if len(dicts.discards) else set()
    may_actor = dicts.actors.starts(folded)
    may_agent = dicts.agents.starts(lowered)
    candidates = sorted(may_discard | may_actor | may_agent)
    any_case: Folded | None = None
    i = 0
    for i0 in candidates:
        if i0 < i:
            continue
        i = i0
        discard = dicts.discards.scan(folded, i) if i in may_discard else None
        if discard:
            i = discard[0]
            continue
        if words.affiliation_at(texts, i):
            i += 1
            continue  # "Rep. Smith (D-N.C.)": a legislator's party and state, no actor (not the DNC)
        actor = dicts.actors.scan(folded, i) if i in may_actor else None
        if actor is None and i in may_actor and tokens[i].pos == "PROPN" and texts[i][:1].islower():
            any_case = any_case or _any_case(folded)
            actor = _lower_case_person(dicts.actors.scan(any_case, i), tokens, i)
        agent = dicts.agents.scan(lowered, i) if i in may_agent else None
        if agent and (tokens[agent[0] - 1].pos not in NOUNS or (i > 0 and fold(texts[i - 1]).lower() in words.HONORIFICS)):
            agent = None  # "fired", not a role; "Mr. King", a surname
        if actor and _other_given_name(actor, tokens, i, ctx):
            actor = None  # "Ivana Trump", "Chelsea Clinton": another person of the family
        if actor and (not agent or actor[0] >= agent[0]):
            pieces.append(_Piece(i, actor[0], actor=actor[1]))
            i = actor[0]
        elif agent:
            pieces.append(_Piece(i, agent[0], agent=agent[1][-1]))
            i = agent[0]
    pieces = _with_abbreviated_titles(pieces, tokens, dicts)
    pieces = _drop_places_and_modifiers(pieces, tokens, ctx.counted, ctx.quantities)
    pieces = _drop_title_words(pieces, tokens)
    groups = _group(pieces, tokens)
    _share_roles(groups, tokens)
    return [m for group in groups if (m := _compose(group, tokens, text, ctx))]


def _with_abbreviated_titles(pieces: list[_Piece], tokens: tuple[Token, ...], dicts: Dictionaries) -> list[_Piece]:
    """Add the role of an abbreviated title before a name ("Sen. Jeff Merkley", "Rep. Jason Chaffetz",
    "Gov. Mike Pence"): the title words.TITLE_ABBREVIATIONS stand for, read only with their full stop
    and a capitalised proper noun after them (folded, "Sen" would be the surname in "Hun Sen")."""
    found = []
    for i, tok in enumerate(tokens[:-1]):
        full = words.TITLE_ABBREVIATIONS.get(tok.text)
        nxt = tokens[i + 1]
        if full is None or nxt.pos != "PROPN" or not nxt.text[:1].isupper() or any(p.start <= i < p.end for p in pieces):
            continue
        hit = dicts.agents.longest([full], 0)
        if hit is not None:
            found.append(_Piece(i, i + 1, agent=hit[1][-1]))
    return sorted(pieces + found, key=lambda p: p.start) if found else pieces


def _agent_lemma(tok: Token) -> str:
    """The lower-case lemma agents are matched on. A capitalised plural the parser took for a proper
    noun keeps its plural as lemma ("State Prosecutors", "Border Guards"): its singular, read off."""
    lemma = tok.lemma.lower()
    if tok.pos != "PROPN" or lemma != tok.text.lower() or len(lemma) < 4 or not lemma.endswith("s") or lemma.endswith(("ss", "us", "is")):
        return lemma
    if lemma.endswith("ies"):
        return lemma[:-3] + "y"
    return lemma[:-1]


def _other_given_name(hit: tuple[int, list[ActorEntry]], tokens: tuple[Token, ...], i: int, ctx: _Context) -> bool:
    """Is the person's name matched at token i a bare surname after a given name that is not the
    person's own ("Ivana Trump", "Melania Trump" are not Donald Trump)?"""
    end, entries = hit
    if end - i != 1 or i == 0 or not all(e.kind == "person" for e in entries):
        return False
    given = tokens[i - 1].text
    if not given[:1].isupper() or tokens[i - 1].pos != "PROPN":
        return False
    key = given.lower()
    rules = ctx.dicts.rules
    if key not in rules.word("male_given_names") and key not in rules.word("female_given_names"):
        return False
    return not any(key in (e.name or "").lower().split() for e in entries)


def _drop_title_words(pieces: list[_Piece], tokens: tuple[Token, ...]) -> list[_Piece]:
    """Role words inside an office's capitalised title ("Minister of Commerce and Industry", "Secretary
    of Labor") name the office's portfolio, not another actor."""
    kept: list[_Piece] = []
    for p in pieces:
        if p.agent is not None and p.actor is None and kept and tokens[p.start].text[:1].isupper():
            k, through_of = p.start - 1, False
            while k >= 0 and (tokens[k].text.lower() in ("of", "and", "&", "for") or tokens[k].text[:1].isupper()) and k >= kept[-1].end:
                through_of = through_of or tokens[k].text.lower() == "of"
                k -= 1
            prev = kept[-1]
            if through_of and k == prev.end - 1 and prev.agent is not None and "GOV" in prev.agent.code:
                continue
        kept.append(p)
    return kept


def _capitalised_run_holds(tokens: tuple[Token, ...], end: int, nouns: frozenset[str], reach: int | None = None) -> bool:
    """Does the run of capitalised words from ``end`` (at most ``reach`` of them) hold one of ``nouns``?"""
    stop = len(tokens) if reach is None else min(len(tokens), end + reach)
    k = end
    while k < stop and tokens[k].text[:1].isupper() and tokens[k].pos in ("PROPN", "ADJ", "NOUN"):
        if tokens[k].text.lower() in nouns:
            return True
        k += 1
    return False


def _in_document_title(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """Is tokens[start:end] part of a capitalised title that a document noun heads ("the North American
    Free Trade Agreement", "the Paris Agreement") or that names it ("the Treaty of Versailles")?"""
    if _capitalised_run_holds(tokens, end, words.DOCUMENT_NOUNS):
        return True
    if start >= 2 and tokens[start - 1].text == "of" and tokens[start - 2].text[:1].isupper() \
            and tokens[start - 2].text.lower() in words.DOCUMENT_NOUNS:
        return True
    return False


def _names_a_facility(tokens: tuple[Token, ...], end: int) -> bool:
    """Does the capitalised name that goes on after a person's name end in a facility noun ("Hamid
    Karzai International Airport", "King Fahd Stadium", "the John F. Kennedy Center")?"""
    return _capitalised_run_holds(tokens, end, words.FACILITY_NOUNS, reach=3)


def _any_case(folded: Folded) -> Folded:
    """``folded`` with every token counted as capitalised (for names written in lower case)."""
    f = Folded.__new__(Folded)
    f.raw, f.low, f.alt_raw, f.alt_low = folded.raw, folded.low, folded.alt_raw, folded.alt_low
    f.upper = [True] * len(folded.raw)
    return f


def _lower_case_person(hit: tuple[int, list[ActorEntry]] | None, tokens: tuple[Token, ...], i: int) -> tuple[int, list[ActorEntry]] | None:
    """A person's name written in lower case ("barack obama", "obama"), starting on a word the parser
    tags a proper noun (people.toml lists bare surnames only when they are not ordinary words, and
    "tusk" or "gallant" are then tagged as the words they are). Countries and institutions are never
    matched in lower case ("china", "turkey", "chad")."""
    if hit is None or not all(e.kind == "person" for e in hit[1]) or tokens[i].pos != "PROPN":
        return None
    return hit


# what makes "business" countable: "the business", "US business", "big business"
MASS_MARKERS = frozenset({"det", "poss", "nmod:poss", "nummod", "amod", "compound", "nmod"})


def _mass_noun(tokens: tuple[Token, ...], k: int) -> bool:
    """Is the role noun at k used as a mass noun ("doing business with Iran"): singular, no modifier of
    a noun, with no determiner, owner, number or modifier of its own?"""
    return tokens[k].text.lower() in words.MASS_AGENT_NOUNS and tokens[k].tag == "NN" and tokens[k].dep != "compound" \
        and not has_child(tokens, k, MASS_MARKERS)


def _national(kept: list[_Piece], p: _Piece) -> bool:
    """Is piece p right after a country adjective ("the Palestinian people")?"""
    return bool(kept) and kept[-1].end == p.start and kept[-1].actor is not None and _is_country(kept[-1].actor) \
        and kept[-1].actor[-1].form == "adjective"


def _counted(tokens: tuple[Token, ...], k: int, quantities: frozenset[str]) -> bool:
    """Is the noun at k counted: a number on it ("at least 30 people", "one person") or a quantity noun
    it is "of" ("dozens of people")?"""
    base = tokens[0].i
    if has_child(tokens, k, frozenset({"nummod"})):
        return True
    if tokens[k].dep == "pobj":
        prep = tokens[k].head - base
        if 0 <= prep < len(tokens) and tokens[prep].text.lower() == "of":
            owner = tokens[prep].head - base
            return 0 <= owner < len(tokens) and tokens[owner].text.lower() in quantities
    return False


def _drop_places_and_modifiers(pieces: list[_Piece], tokens: tuple[Token, ...], counted: frozenset[str] = frozenset(),
                               quantities: frozenset[str] = frozenset()) -> list[_Piece]:
    """Names that are no actor where they stand: a backer or maker before a hyphen ("Iran-backed",
    "US-made"), and an institution or group named like a place before a place noun ("a village in the
    Rada district": no Ukrainian parliament). A stance ("anti-American") stays a mention where it is
    one, but composes with no role."""
    if not any(p.actor is not None or p.agent is not None for p in pieces):
        return pieces
    lower = [t.text.lower() for t in tokens]
    kept = []
    for p in pieces:
        if any("$" in tokens[k].text for k in range(p.start, p.end)):
            continue  # "US$ 10 million", "HK$": a currency
        if p.actor is None and p.agent is not None and is_modifier(lower, p.start, p.end):
            continue  # "migrant-friendly Texas", "police-backed": a modifier, not the agent
        if p.actor is None and p.agent is not None and p.end - p.start == 1 and _mass_noun(tokens, p.start):
            continue  # "doing business with Iran": the activity, not the businesses
        if p.actor is None and p.agent is not None and p.end - p.start == 1 and lower[p.start] in counted \
                and not _counted(tokens, p.start, quantities) and not _national(kept, p):
            continue  # "the people", "a person": no actor; "killed 12 people": victims; "the Syrian people": Syria's
        if p.actor is None and p.agent is not None and p.start > 0 and lower[p.start - 1] in ("for", "as") \
                and p.agent.code.strip("~")[:3] in ("GOV", "LEG") and tokens[p.end - 1].tag == "NN" and tokens[p.end - 1].dep == "pobj" \
                and not (p.end < len(tokens) and tokens[p.end].pos == "PROPN"):
            continue  # "campaigning for president", "as prime minister": an office, not its holder
        if p.actor is not None:
            entry = p.actor[-1]
            code = entry.code or (entry.codes[0].code if entry.codes else "")
            if is_modifier(lower, p.start, p.end) or _in_document_title(tokens, p.start, p.end):
                continue
            if entry.kind == "person" and _names_a_facility(tokens, p.end):
                continue  # "Hamid Karzai International Airport", "the Ronald Reagan Building": a place
            if (entry.kind not in ("country", "person", "actor") and len(code) > 3 and p.end < len(tokens)
                    and tokens[p.end].pos == "NOUN" and tokens[p.end].lemma.lower() in words.PLACE_NOUNS):
                continue
            p.stance = is_stance(lower, p.start)
        kept.append(p)
    return kept


def _share_roles(groups: list[list[_Piece]], tokens: tuple[Token, ...]) -> None:
    """"Indian and Pakistani troops", "US and British activists", "British and EU negotiators": a lone
    country adjective or name coordinated with a country (or, for an adjective, a body) + role takes the
    role too (two mentions, INDMIL and PAKMIL). A country
    name ("US") shares it only where the parse hangs it on the role noun: in "the US and British
    activists met" read as two subjects, the US stays the country."""
    for left, right in zip(groups, groups[1:]):
        if len(left) != 1 or not left[0].actor or left[0].actor[-1].kind != "country" or left[0].actor[-1].form not in ("adjective", "name"):
            continue
        gap = [t.text.lower() for t in tokens[left[0].end : right[0].start]]
        if gap not in (["and"], [","], ["or"], [",", "and"]):
            continue
        first = right[0].actor[-1] if right[0].actor else None
        if first is None or not any(p.agent for p in right[1:]):
            continue
        if not (first.kind == "country" and first.form in ("adjective", "name")) and left[0].actor[-1].form != "adjective":
            continue  # "British and EU negotiators": an adjective shares the role with a body's name too
        if left[0].actor[-1].form == "name" and not _attached_to(tokens, left[0].end - 1, right[0].start, right[-1].end):
            continue
        left.extend(_Piece(p.start, p.end, agent=p.agent, borrowed=True) for p in right[1:] if p.agent)


def _attached_to(tokens: tuple[Token, ...], k: int, start: int, end: int) -> bool:
    """Whether token k's head is one of the tokens ``start``..``end``-1 (sentence indices)."""
    base = tokens[0].i
    head = tokens[k].head - base
    return start <= head < end


def _group(pieces: list[_Piece], tokens: tuple[Token, ...]) -> list[list[_Piece]]:
    """Join pieces that belong to one noun phrase; add unknown name runs after a role."""
    groups: list[list[_Piece]] = []
    for piece in pieces:
        joined = _joins(groups[-1][-1], piece, tokens) if groups else False
        if joined:
            piece.place = joined == "place"
            groups[-1].append(piece)
        else:
            groups.append([piece])
    for group in groups:
        last = group[-1]
        if last.agent is not None:
            j = last.end
            while j < len(tokens) and tokens[j].pos == "PROPN" and tokens[j].text[:1].isupper():
                j += 1
                if j + 3 < len(tokens) and tokens[j].text in QUOTE_TOKENS and tokens[j + 2].text in QUOTE_TOKENS \
                        and tokens[j + 1].text[:1].isupper() and tokens[j + 3].pos == "PROPN" and tokens[j + 3].text[:1].isupper():
                    j += 3  # a nickname in quotes inside the name: "Rep. Robert C. "Bobby" Scott"
            if j > last.end:
                group.append(_Piece(last.end, j, name_run=True))
    return groups


def _joins(left: _Piece, right: _Piece, tokens: tuple[Token, ...]) -> bool | str:
    """Whether ``right`` belongs to ``left``'s noun phrase; ``"place"`` when it is only where the role
    is (one mention, but the place's country is not the role's: "refugees in Lebanon")."""
    if left.stance:
        return False
    gap = [t.text.lower() for t in tokens[left.end : right.start]]
    if not gap:
        # two countries side by side ("Russia China") are not one actor; a country then a role is
        if left.actor and right.actor and _is_country(left.actor) and _is_country(right.actor):
            return False
        if left.actor and right.actor and left.actor[0].kind == "person" and right.actor[0].kind == "person":
            return False
        return True
    if gap in (["'s"], ["’s"], ["'"], ["’"]):
        return right.agent is not None or (right.actor is not None and right.actor[0].kind == "person")
    if len(gap) == 1 and gap[0] in STAFF_LINKS and right.agent is not None and right.actor is None and left.actor is not None and left.actor[-1].kind == "person":
        return True  # "Trump campaign spokesman Jason Miller": the candidate's staff
    between = tokens[left.end : right.start]
    if 1 <= len(gap) <= 2 and right.agent is not None and right.actor is None and left.actor is not None and left.agent is None \
            and _is_country(left.actor) and left.actor[-1].form in ("adjective", "name") \
            and all(t.pos in ("ADJ", "NOUN") and t.text.islower() for t in between):
        return True  # "U.S. tech companies", "a U.S. federal judge": the country's, across its plain modifiers
    if 1 <= len(gap) <= 2 and right.agent is not None and right.actor is None and left.actor is not None and left.agent is None \
            and left.actor[0].kind != "person" and all(w in words.REGION_WORDS for w in gap) \
            and all(t.text[:1].isupper() for t in between):
        return True  # "the United Nations Mideast envoy", "the EU Balkans envoy": the body's, for a region
    if 3 <= len(gap) <= 6 and gap[0] == "(" and gap[-1] == ")" and right.agent is not None and right.actor is None \
            and left.actor is not None and left.agent is None and left.actor[0].kind not in ("person", "country") \
            and all(t.text[:1].isupper() or not t.text[:1].isalpha() for t in between[1:-1]):
        return True  # "New People's Army (NPA) rebels": the group's abbreviation in brackets, then its role
    if len(gap) in (2, 3) and gap[0] in LINKS and right.agent is not None and right.actor is None \
            and all(t.text[:1].isupper() and t.pos in ("PROPN", "ADJ") for t in between[1:]):
        return True  # "the UN's Mideast envoy", "the UN's Middle East envoy": the region says what the envoy is for
    if left.agent is not None and right.actor is not None and gap in (["of"], ["of", "the"], ["in"], ["from"]) \
            and right.end < len(tokens) and tokens[right.end].text in words.HYPHENS:
        return False  # "people in Russian-held parts of Ukraine": the name modifies a place after it; it is not the people's
    if left.agent is not None and right.actor is not None and gap == ["from"] and left.start > 0 and tokens[left.start - 1].tag == "PRP$":
        return False  # "withdrew its troops from Iraq", "recalled its ambassador from Moscow": the pronoun says whose; whence
    if left.agent is not None and right.actor is not None and gap in (["of"], ["of", "the"], ["in"], ["from"]):
        if right.actor[0].kind == "person":
            return False  # "supporters of Obama", "protesters in Obama" are not Obama
        if gap != ["of"] and left.start > 0 and tokens[left.start - 1].tag == "PRP$":
            return "place"  # "its troops from Iraq", "its forces in Crimea": whose, the pronoun says; the country is where
        if gap == ["in"] and not _placed_by_location(left, tokens):
            return "place"  # "refugees in Lebanon" are not Lebanese, "diplomats in Beijing" not Chinese
        return True  # "ambassadors of Arnor", "lawmakers in Fornost", "officials from Moscow"
    return False


def _placed_by_location(piece: _Piece, tokens: tuple[Token, ...]) -> bool:
    """Whether where a role is says what its country is (not for refugees, diplomats, peacekeepers)."""
    code = piece.agent.code.strip("~")[:3] if piece.agent else ""
    if code in words.NONLOCAL_CODES:
        return False
    return not any(t.lemma.lower() in words.NONLOCAL_LEMMAS for t in tokens[piece.start : piece.end])


def _body_office(person: ActorEntry, actors: list[ActorEntry]) -> tuple[str, ActorEntry] | None:
    """The person's dated code in the international body named beside the name (one code a prefix of
    the other: NATO's IGOWSTNAT, the UN's IGOUNO for "UN human rights chief"), with the body's entry;
    else None."""
    for actor in actors:
        body = actor.code_on(None)
        if body is None or not body.startswith("IGO"):
            continue
        held = [c.code for c in person.codes if c.code.startswith("IGO") and (c.code.startswith(body) or body.startswith(c.code))]
        if held:
            return held[-1], actor
    return None


def _is_country(entries: list[ActorEntry]) -> bool:
    return entries[0].kind == "country"


def _compose(group: list[_Piece], tokens: tuple[Token, ...], text: str, ctx: _Context) -> Mention | None:
    when = ctx.when
    start_tok, end_tok = group[0].start, max(p.end for p in group if not p.borrowed)
    # a leading determiner is not part of the mention text ("the Kremlin" -> "Kremlin")
    start, end = tokens[start_tok].start, tokens[end_tok - 1].end
    person = next((p.actor[-1] for p in group if p.actor and p.actor[-1].kind == "person"), None)
    actors = [p.actor[-1] for p in group if p.actor and p.actor[-1].kind != "person" and not p.place]
    agents = [p.agent for p in group if p.agent is not None]
    name_run = next((p for p in group if p.name_run), None)
    surface = text[start:end]
    name = None
    if name_run is not None:
        name = text[tokens[name_run.start].start : tokens[name_run.end - 1].end]
        run = range(name_run.start, name_run.end)
        if any(tokens[k].text in QUOTE_TOKENS for k in run):
            # "Robert C. "Bobby" Scott": the name without the nickname
            quoted = {k for k in run if tokens[k].text in QUOTE_TOKENS or (tokens[k - 1].text in QUOTE_TOKENS and k + 1 in run
                                                                          and tokens[k + 1].text in QUOTE_TOKENS)}
            name = " ".join(tokens[k].text for k in run if k not in quoted)
    rules = ctx.dicts.rules
    former = _former(tokens, start_tok, rules.word("out_of_office"))
    # the titles that name one office ("President", "Foreign Minister"), not a generic "leader"
    offices = [p.agent for p in group if p.agent is not None and not p.borrowed
               and " ".join(tokens[k].text.lower() for k in range(p.start, p.end)) not in rules.word("generic_titles")]
    if person is not None:
        code = person.code_on(when)
        via = person.id
        if former:
            # "former President X": not in office, whatever the date: the person's own code (ELI/OPP)
            code, via = _out_of_office(person.code or code), f"former:{person.id}"
        elif when is None and (held := _body_office(person, actors)) is not None:
            # an undated "NATO Secretary General Jens Stoltenberg", "UN rights chief Michelle Bachelet":
            # the body the title names is the office meant, not the person's national one
            code, via = held[0], f"title:{held[1].id}+{person.id}"
        elif when is None and offices and (office := ctx.people.office_code(person, offices)) is not None:
            # an undated text: "Ukrainian President Petro Poroshenko" is in the office the title names
            code, via = office, f"title:{'+'.join(a.id for a in offices)}+{person.id}"
        elif when is None and not offices and len(offices) != sum(p.agent is not None and not p.borrowed for p in group) and person.code:
            # an undated "veteran leader Silvio Berlusconi": a title naming no office says no office is
            # meant, so not the one an undated person is otherwise read in; the person's own code
            code = person.code
        if code is None:
            return None
        if name_run is not None and agents and group.index(name_run) > next(n for n, p in enumerate(group) if p.actor and p.actor[-1].kind == "person"):
            # "Trump campaign spokesman Jason Miller", "Putin's spokesman Ivan Petrov": the person's staff,
            # named after the role; the staff member, in the person's code (the candidate's, the leader's)
            return Mention(start, end, surface, code, "person", f"staff:{via}+" + "+".join(a.id for a in agents), name, resolution="composed")
        if agents and group[-1].agent is agents[-1] and agents[-1].code.strip("~") == "CVL" and not code.startswith("---"):
            # "Donald Trump's supporters", "Obama's family": civilians of the person's country, not him
            return Mention(start, end, surface, _with_agents(code[:3], agents[-1:]), "group", f"compose:{via}+{agents[-1].id}", resolution="composed")
        ctx.persons[(start, end)] = person
        return Mention(start, end, surface, code, "person", via, person.name)
    if name_run is not None and offices and when is None and not former and not actors:
        # an undated "President Bush": every Bush who ever held such an office held the same one
        run = [tokens[k].text for k in range(name_run.start, name_run.end)]
        office = ctx.people.undated_title(run, offices)
        if office is not None:
            via = f"title:{'+'.join(a.id for a in offices)}+surname"
            return Mention(start, end, surface, office, "person", via, name)
    if name_run is not None and agents and when is not None:
        # "President Bush" in 2008, "U.S. President Bush": the one Bush in such an office that day
        country = actors[0].code_on(when) if len(actors) == 1 and actors[0].kind == "country" else None
        if not actors or country:
            run = [tokens[k].text for k in range(name_run.start, name_run.end)]
            titled = ctx.people.by_title(run, agents, country, when)
            if titled is not None:
                entry, code = titled
                ctx.persons[(start, end)] = entry
                via = f"title:{'+'.join(a.id for a in agents)}+{entry.id}@{when.isoformat()}"
                return Mention(start, end, surface, code, "person", via, entry.name)
    if actors:
        base = actors[0]
        code = base.code_on(when)
        if code is None:
            return None
        via = base.id if base.form == "name" else f"{base.form}:{base.id}"
        kind = base.kind
        if agents:
            if code.endswith("PTY") and len(code) == 6 and any(a.code.strip("~") in PARTY_OFFICES for a in agents):
                code = _with_agents(code[:3], agents)  # "GOP senators", "Senate Republicans": the party's legislators
            elif len(code) == 3:
                code = _with_agents(code, agents)
                if former and _out_of_office(code) != code:
                    code, via = _out_of_office(code), f"former:{via}"  # "former Panamanian President X": PANELI
            via = f"compose:{via}+" + "+".join(a.id for a in agents)
            kind = "person" if name else AGENT_KIND.get(agents[-1].code.strip("~")[:3], kind)
            resolution = "composed"
        elif base.form == "adjective":
            return None  # "Russian oil": an adjective alone names no actor
        elif base.form == "capital":
            via = f"metonym:{base.id}"
            resolution = "metonym"
        else:
            resolution = "dictionary"
        if not agents and kind != "country":
            name = name or base.name
        return Mention(start, end, surface, code, kind, via, name, resolution=resolution)
    if agents:
        if not all(a.alone for a in agents) and name is None:
            return None  # "fired two missiles": a weapon names an actor only with its country
        code = _with_agents("---", agents)
        kind = "person" if name else AGENT_KIND.get(agents[-1].code.strip("~")[:3], "group")
        return Mention(start, end, surface, code, kind, "+".join(a.id for a in agents), name)
    return None




def _former(tokens: tuple[Token, ...], start_tok: int, words: frozenset[str]) -> bool:
    """Does a word of ``words`` ("former", "ex-", "deposed") open the phrase of a mention ("former
    Panamanian President X", "ex-prime minister X") or stand just before it?"""
    k = start_tok - 1
    while k >= 0 and (tokens[k].pos == "DET" or tokens[k].text == "-"):
        k -= 1
    first = tokens[start_tok].text.lower()
    return (k >= 0 and tokens[k].text.lower() in words) or first in words or first.split("-")[0] in words


def _out_of_office(code: str | None) -> str | None:
    """A code of someone no longer in office: the office role replaced by ELI (CAMEO's former officials)."""
    if code is None or len(code) < 6 or code[3:6] not in STATE_ROLES:
        return code
    return code[:3] + "ELI"


def _with_agents(country: str, agents: list[AgentEntry]) -> str:
    """Country code plus role codes, CAMEO order: a PETRARCH agent written ``NGO~`` goes before the
    country (NGOARN), one written ``~GOV`` (or plain ``GOV``) after it; repeated roles count once
    ("Russian foreign ministry spokesperson" -> RUSGOV)."""
    before = [a.code.rstrip("~") for a in agents if a.code.endswith("~")]
    after = [a.code.lstrip("~") for a in agents if not a.code.endswith("~")]
    code = "".join(dict.fromkeys(before)) + country
    for part in dict.fromkeys(after):
        if not code.endswith(part):
            code += part
    return code


PERSON_REACH = 3  # he/she refer to a person named in this or the three sentences before, no further back
BODY_REACH = 1  # it/they refer to an actor of this sentence or the one before (two before: wrong in every audited case)


def _nearer_subject(doc: ParsedDoc, index: int, pronoun: Token, ante: Mention, mentions: list[Mention], plural: bool) -> bool:
    """Is there a subject noun of the pronoun's number, no actor's, between ``ante`` and the pronoun, in
    its sentence or the one before ("The committee said it would…", "The companies say they…")?
    ``mentions`` are sorted by start."""
    tags = ("NNS", "NNPS") if plural else ("NN", "NNP")
    spans = [(m.start, m.end) for m in mentions if ante.end <= m.end and m.start < pronoun.start]
    for s in doc.sentences[max(0, index - 1): index + 1]:
        for t in s.tokens:
            if t.start >= pronoun.start or t.start < ante.end:
                continue
            if t.dep in ("nsubj", "nsubjpass", "nsubj:pass") and t.tag in tags and not any(a <= t.start < b for a, b in spans):
                return True
    return False


def _unfit_for_it(doc: ParsedDoc, place_preps: frozenset[str]) -> set[int]:
    """The end offsets of the nouns "it" cannot refer to: plural nouns, and the object of a place
    preposition ("in Yemen")."""
    out = set()
    for s in doc.sentences:
        toks, base = s.tokens, s.tokens[0].i if s.tokens else 0
        for t in toks:
            if t.tag in ("NNS", "NNPS"):
                out.add(t.end)
            elif t.dep == "pobj" and 0 <= t.head - base < len(toks) and toks[t.head - base].text.lower() in place_preps:
                out.add(t.end)
    return out


def _reporter(toks: tuple[Token, ...], pronoun: Token, cands: list[Mention]) -> Mention | None:
    """The candidate who is the subject of the verb whose clause the pronoun is the subject of ("China,
    Pyongyang's only ally, said it was opposed": China, not Pyongyang; "Obama told reporters he would
    veto it"): a speaker reporting on itself."""
    base = toks[0].i
    if pronoun.dep not in ("nsubj", "nsubjpass") or not 0 <= pronoun.head - base < len(toks):
        return None
    verb = toks[pronoun.head - base]
    if verb.dep != "ccomp" or not 0 <= verb.head - base < len(toks):
        return None
    subject = next((t for t in toks if t.head == verb.head and t.dep in ("nsubj", "nsubjpass") and t.i < pronoun.i), None)
    if subject is None:
        return None
    return next((m for m in reversed(cands) if m.start <= subject.start < m.end), None)


def _expletive(toks: tuple[Token, ...], it: Token) -> bool:
    """Is "it" the dummy subject of a copula whose real subject is a clause after it ("it was a mistake
    to use…", "it is clear that…", "it is time for…")?"""
    base = toks[0].i
    head = it.head - base
    if it.dep not in ("nsubj", "expl") or not 0 <= head < len(toks) or toks[head].lemma.lower() != "be":
        return False
    # the clauses after "it" hanging on the copula or on its predicate noun or adjective
    clauses = {t.i for t in toks[it.i - base + 1:] if t.dep in ("xcomp", "ccomp", "advcl", "csubj", "acl", "relcl") and 0 <= t.head - base < len(toks)
               and (t.head - base == head or (toks[t.head - base].head - base == head and toks[t.head - base].dep in ("attr", "acomp")))}
    # ... opened by "to" or "that"
    return any(c.head in clauses and ((c.dep == "aux" and c.text.lower() == "to") or (c.dep == "mark" and c.text.lower() == "that")) for c in toks)


def _surname(m: Mention) -> str:
    words = (m.name or m.text).split()
    return fold(words[-1]).lower() if words else ""


def _sexes(doc: ParsedDoc, mentions: list[Mention], rules: Rules) -> tuple[dict[str, str], list[tuple[int, int, str]]]:
    """What the article says of its people's sex, by surname: an honorific, a gendered word or a given
    name before or in the name ("Mr. Trump", "Mrs. Clinton", "Queen Rania", "the spokeswoman Maria
    Zakharova", "Vladimir Putin"). A surname said both ways (two Clintons) says nothing. Also the people
    so named who are no actor, as subjects ("Ms. Smith got a loud cheer"): (start, end, sex) of each."""
    male, female = rules.word("male_words"), rules.word("female_words")
    male_names, female_names = rules.word("male_given_names"), rules.word("female_given_names")
    found: dict[str, set[str]] = {}
    named: list[tuple[int, int, str]] = []
    for sentence in doc.sentences:
        toks = sentence.tokens
        for n, t in enumerate(toks):
            word = fold(t.text).lower().rstrip(".")
            given = t.pos == "PROPN" and t.text[:1].isupper()
            sex = "m" if word in male or (given and word in male_names) else "f" if word in female or (given and word in female_names) else None
            if sex is None and n + 1 < len(toks) and f"{word} {fold(toks[n + 1].text).lower()}" in female:
                sex, n = "f", n + 1  # "first lady"
            if sex is None:
                continue
            k = n + 1
            while k < len(toks) and toks[k].pos == "PROPN":
                k += 1
            if k > n + 1:
                found.setdefault(fold(toks[k - 1].text).lower(), set()).add(sex)
                if toks[k - 1].dep in ("nsubj", "nsubjpass", "nsubj:pass"):
                    named.append((t.start, toks[k - 1].end, sex))
    for m in mentions:
        if m.kind == "person":
            words = [fold(w).lower().rstrip(".") for w in m.text.split()]
            sex = {"m" for w in words if w in male} | {"f" for w in words if w in female}
            given = words[:-1] + [fold(w).lower() for w in (m.name or "").split()[:-1]]  # all but the surname
            sex |= {"m" for w in given if w in male_names} | {"f" for w in given if w in female_names}
            if sex:
                found.setdefault(_surname(m), set()).update(sex)
    spans = [(m.start, m.end) for m in mentions]
    others = [(a, b, sex) for a, b, sex in named if not any(s < b and a < e for s, e in spans)]
    return {name: next(iter(s)) for name, s in found.items() if len(s) == 1}, others


def resolve_pronouns(doc: ParsedDoc, mentions: list[Mention], rules: Rules) -> list[Mention]:
    """``mentions`` without their pronoun mentions, plus personal pronouns resolved anew: he/she ->
    the nearest earlier person in this or the three sentences before; it/they -> the nearest earlier
    non-person actor in this or the previous sentence, unless a subject noun of the pronoun's number that is no actor stands
    between them ("The campaign said it…": the campaign, not the country named before it). A mention of kind ``given`` (a span the caller names as an actor, see
    ``relate``) may be either. The pronoun lists are the word lists ``male_pronouns``,
    ``female_pronouns``, ``body_pronouns`` and ``first_person``."""
    PERSON_PRONOUNS = rules.word("male_pronouns") | rules.word("female_pronouns")
    BODY_PRONOUNS, FIRST_PERSON, GROUP_PRONOUNS = rules.word("body_pronouns"), rules.word("first_person"), rules.word("group_pronouns")
    mentions = [m for m in mentions if m.kind != "pronoun"]
    if not mentions:
        return mentions
    out = list(mentions)
    by_start = sorted(mentions, key=lambda m: m.start)
    starts = [s.start for s in doc.sentences]
    unfit: set[int] | None = None  # where the nouns "it" cannot refer to end, when an "it" needs them
    MALE = rules.word("male_pronouns")
    sexes: dict[str, str] | None = None  # surname -> "m" / "f", when the article says, read when a he/she needs it
    others: list[tuple[int, int, str]] = []  # people named with their sex who are no actor
    for sentence in doc.sentences:
        for tok in sentence.tokens:
            low = tok.text.lower()
            if tok.pos != "PRON" or (low not in PERSON_PRONOUNS and low not in BODY_PRONOUNS and low not in FIRST_PERSON):
                continue
            if tok.dep in ("poss",) or (low == "her" and tok.tag == "PRP$"):
                continue
            if low == "it" and _expletive(sentence.tokens, tok):
                continue  # "said it was a mistake to use…", "it is clear that…": "it" stands for the clause
            if low in FIRST_PERSON:
                # "we", "us": the speaker, resolved from the quotation around it (events/reported.py)
                out.append(Mention(tok.start, tok.end, tok.text, "---", "pronoun", "first-person", resolution="first-person"))
                continue
            earlier = [m for m in by_start if m.end <= tok.start]
            if low in PERSON_PRONOUNS:
                floor = starts[max(0, sentence.index - PERSON_REACH)]
                cands = [m for m in earlier if m.kind in ("person", "given") and m.start >= floor]
                if sexes is None:
                    sexes, others = _sexes(doc, mentions, rules)
                other = "f" if low in MALE else "m"
                cands = [m for m in cands if sexes.get(_surname(m)) != other]  # "she" is no "Mr. Lewis"
                if cands and any(cands[-1].end <= a and b <= tok.start and sex != other for a, b, sex in others):
                    continue  # "… with John Lewis. Ms. Smith got a loud cheer … she added": the nearer subject is no actor
            else:
                floor = starts[max(0, sentence.index - BODY_REACH)]
                cands = [m for m in earlier if m.kind != "person" and m.start >= floor]
                if low not in GROUP_PRONOUNS:
                    # "it" is no plural noun ("the coalition, which represents 20 million Americans, …
                    # it issued": not the Americans) and no place ("announced an initiative to halt the
                    # fighting in Yemen, but the rebels dismissed it": not Yemen)
                    if unfit is None:
                        unfit = _unfit_for_it(doc, rules.word("place_preps"))
                    cands = [m for m in cands if m.end not in unfit]
            if not cands:
                continue
            ante = _reporter(sentence.tokens, tok, cands) or cands[-1]
            if low not in PERSON_PRONOUNS and _nearer_subject(doc, sentence.index, tok, ante, by_start, low in GROUP_PRONOUNS):
                continue  # "The campaign said it…": the nearest subject is no actor, so neither is "it"
            out.append(Mention(tok.start, tok.end, tok.text, ante.code, "pronoun", f"coref:{ante.start}-{ante.end}", ante.name or ante.text,
                               resolution="coref", antecedent=(ante.start, ante.end), given=ante.given))
    return sorted(out, key=lambda m: m.start)
