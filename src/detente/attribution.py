"""Attribution stage: quotations become statement events, and events inside quotations speak for the
speaker. Runs after the event and quote stages and reads both only through the model.

1. **Statements**: an attributed quotation whose speaker is an actor is a CAMEO event from the speaker
   to the actor it is about (``origin="statement"``). The cue decides the code — the ``[[statement]]``
   rules of the dictionaries (CAMEO manual 1.1b3 ch. 2: criticised -> 111, accused -> 112, warned ->
   130, urged -> 020, praised -> 051, denied -> 010 with the ``denied`` modality…); a neutral cue
   (``said``, ``told``, no cue) gives a plain statement (010) unless what was said is a negative
   evaluation ("a dead end", "hostile", a positive quality denied), which makes it a criticism (111).
   The target is whom a speech act is aimed at, the cue's object ("accused Russia of breaking off
   contacts": what was said is "breaking off contacts", said about Russia); else the first actor in
   the content that is not the speaker's own country; for a plain statement only one in the subject
   of what was said. No target, no event: "X said" relates nobody.
2. **One event per statement**: a statement whose trigger span is a pattern event's trigger, or whose
   sentence, dyad and code a pattern event already has, is that event: the pattern event is kept and
   linked to the quotation (``quote_id``); with no source of its own it takes the statement's speaker.
3. **Reported speech**: an event whose trigger lies inside a quotation is linked to it; a first-person
   actor ("we", "us") is the speaker — "We will never allow anyone to threaten us", said by the
   Kremlin's spokesman, has the Russian government as source; an event with no source takes the
   speaker. An event whose actor is a "we" no quotation resolves is dropped: it names nobody.

What it does not do: find quotations or speakers (the quote stage), or change the code or modality of
a pattern event.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from itertools import accumulate

from detente import cameo
from detente.dictionaries import Rules
from detente.doc import DocView
from detente.events.figurative import characterisation, evaluates_negatively, praise
from detente.events.modality import modality_flags
from detente.model import CodedArticle, Event, Mention, Quote
from detente.stages import StageContext, Tracer, register_stage

NEUTRAL_RULE = "rules:statement:neutral"
NEGATIVE_RULE = "rules:statement:negative-evaluation"
CHARACTERISATION_RULE = "rules:statement:characterisation"


class AttributionStage:
    """Adds statement events and attributes events inside quotations to their speakers."""

    name = "attribution"
    reads = ("doc", "mentions", "events", "quotes")
    adds = ("events",)

    def __init__(self, rules: Rules) -> None:
        self.rules = rules

    def __call__(self, coded: CodedArticle, trace: Tracer | None = None) -> CodedArticle:
        trace = trace if trace is not None else Tracer(self.name)
        if coded.doc is None:
            return coded
        view = DocView(coded)
        statements = statement_events(view, coded.quotes, self.rules, trace)
        named = _named_doers(view, coded.events)
        return replace(coded, events=tuple(attribute(coded.events, statements, coded.quotes, trace, self.rules, named)))


@register_stage("attribution")
def make_attribution_stage(context: StageContext) -> AttributionStage:
    return AttributionStage(context.dictionaries.rules)


# -- 1. statements --------------------------------------------------------------------------------


def statement_events(view: DocView, quotes: tuple[Quote, ...] | list[Quote], rules: Rules, trace: Tracer | None = None) -> list[Event]:
    """The statement event of each attributed quotation that has a target (see the module docstring)."""
    trace = trace if trace is not None else Tracer("attribution")
    events: list[Event] = []
    article = view.coded.article
    not_speech = rules.word("not_speech_cues")
    news = rules.reporter_roles()
    for q in quotes:
        sp = q.speaker
        if not political(sp, news):
            continue  # nobody, or a source of the news ("officials said", "media reported"): no event
        lemma = (q.cue_lemma or "").lower()
        rule = rules.statements.get(lemma)
        if rule is None and lemma in not_speech:
            continue
        code, rule_id, modality = (rule.code, rule.id, rule.modality) if rule is not None else ("010", NEUTRAL_RULE, "asserted")
        if code == "010" and _negative(view, q, rules):
            code, rule_id = "111", NEGATIVE_RULE
        if code == "010" and modality == "asserted" and _anonymous(sp, rules):
            trace(rule_id, "anonymous", f"{q.id}: an unnamed speaker ({sp.text!r}) sources the news; no statement")
            continue
        if code == "010" and modality == "asserted" and not _party(sp, q, view.coded.events):
            trace(rule_id, "no-party", f"{q.id}: the speaker is no party to what it reports (the news source)")
            continue
        if _passive_cue(view, q):
            trace(rule_id, "passive-cue", f"{q.id}: the speaker was {q.cue_lemma}ed, it did not {q.cue_lemma}; no statement")
            continue
        named = _characterised(view, q, rules)
        if named is not None:
            # "called climate change a hoax", "called Burma a good news story": the cue names its object
            # with a predicate; that is no call and no report. Criticism of the object when the predicate
            # is a negative evaluation and the object an actor, else no event (as for pattern events)
            obj, negative, praised = named
            if not (negative or praised) or obj is None or (negative and obj.code[:3] == sp.code[:3] and not _rival(obj, sp)):
                trace(CHARACTERISATION_RULE, "no-event", f"{q.id}: {lemma!r} X Y characterises X: no event")
                continue
            # "called X a disgrace": criticism; "called X a champion": praise
            code, rule_id, modality, target = "111" if negative else "051", CHARACTERISATION_RULE, "asserted", obj
        else:
            # a plain statement, and one read as criticism from its words alone ("said US policy is a dead
            # end"), is about the subject of what was said, not any actor named in passing
            plain = code == "010" or rule_id == NEGATIVE_RULE
            target = (not plain and _aimed_at(view, q, sp)) or _target(view, q, sp, neutral=plain)
            if target is None and rule_id == NEGATIVE_RULE:
                # "Trump says Clinton is lying", "Pence said Democrats are to blame": a politician's
                # criticism of a domestic rival, when the rival's own clause holds the negative words
                target = _rival_target(view, q, sp, rules)
        if target is None:
            trace(rule_id, "no-target", f"{q.id}: nobody the statement is about")
            continue
        cue = view.token_covering(q.cue[0]) if q.cue else None
        if modality == "asserted" and cue is not None and _negated(view, cue, rules):
            modality = "negated"
        start = min(a for a, _ in q.content)
        end = max(b for _, b in q.content)
        if q.cue:
            start, end = min(start, q.cue[0]), max(end, q.cue[1])
        trigger = q.cue or (start, start)
        at = view.token_covering(trigger[0])
        if at is None:
            at = view.token_at(trigger[0])
        sentence = view.sentence_of[at or 0] if view.tokens else 0
        events.append(
            Event(
                id=f"{article.id}:qe{len(events) + 1}",
                article_id=article.id,
                sentence=sentence,
                date=article.published,
                source=sp,
                target=target,
                cameo=code,
                **cameo.scores(code),
                modality=modality,
                quote_id=q.id,
                evidence=(start, end),
                trigger=trigger,
                rule=rule_id,
                origin="statement",
            )
        )
        trace(rule_id, "statement", f"{q.id}: {sp.code} -> {target.code} [{code}] {modality}")
    return events


def political(m: Mention | None, news: frozenset[str]) -> bool:
    """A speaker who can be the actor of a statement: a known country, not the news media nor a
    commentator (``news``: their lower-case role codes, ``Rules.reporter_roles``)."""
    if m is None or not m.code or m.code.startswith("---") or m.kind in ("media", "source"):
        return False
    return m.code[3:6].lower() not in news


def _anonymous(speaker: Mention, rules: Rules) -> bool:
    """Is the speaker unnamed ("German officials said", "a Turkish official says", "diplomats said"):
    a role noun with no name (``rules.toml`` anonymous_speakers), which sources the news?"""
    words = speaker.text.lower().split()
    return speaker.kind not in ("person", "pronoun") and bool(words) and words[-1] in rules.word("anonymous_speakers")


def _party(speaker: Mention, q: Quote, events: tuple[Event, ...]) -> bool:
    """"X said Y did Z" is a statement only when X is a party to the matter: an event reported in
    what X said has X's country as its target ("Russia said the US attacked its embassy")."""
    own = speaker.code[:3]
    for e in events:
        if e.target is not None and e.target.code[:3] == own and any(a <= e.trigger[0] < b for a, b in q.content):
            return True
    return False


def _content_tokens(view: DocView, q: Quote) -> list[int]:
    out = []
    for a, b in q.content:
        i = view.token_at(a)
        while i is not None and i < len(view.tokens) and view.tokens[i].start < b:
            out.append(i)
            i += 1
    return out


def _negative(view: DocView, q: Quote, rules: Rules) -> bool:
    """Does what was said evaluate something negatively: a negative word or phrase ("hostile", "a dead
    end"), or a positive quality denied ("neither … nor … are reliable partners")?"""
    toks = _content_tokens(view, q)
    if _negative_words(view, toks, rules, " ".join(view.text[a:b] for a, b in q.content)):
        return True
    positive, negators = rules.word("positive_qualities"), rules.word("negators")
    for n, i in enumerate(toks):
        if view.tokens[i].lemma.lower() in positive:
            before = {view.tokens[j].text.lower() for j in toks[max(0, n - 8) : n]}
            if before & negators:
                return True
    return False


def _negative_words(view: DocView, toks: list[int], rules: Rules, text: str) -> bool:
    """Do tokens ``toks`` (whose text is ``text``) hold a negative evaluation (``evaluates_negatively``)?"""
    words = {view.tokens[i].lemma.lower() for i in toks} | {view.tokens[i].text.lower() for i in toks}
    return evaluates_negatively(words, text, rules)


def _target(view: DocView, q: Quote, speaker: Mention, neutral: bool) -> Mention | None:
    """The actor a statement is about: the first actor mention in the content that is not the
    speaker's own country; for a plain statement (010) only one in the subject of what was said
    ("Lavrov said Washington's policy …"), since any actor merely named in passing is no target."""
    own = speaker.code[:3]
    spans = _subject_spans(view, q) if neutral else list(q.content)
    for m in view.mentions:
        if m.kind == "pronoun" or not m.code or m.code.startswith("---") or m.code[:3] == own:
            continue
        if any(a <= m.start and m.end <= b for a, b in spans):
            return m
    return None


RIVAL_SPEAKER_ROLES = frozenset({"GOV", "LEG", "ELI", "PTY", "OPP", "JUD"})


def _rival_target(view: DocView, q: Quote, speaker: Mention, rules: Rules) -> Mention | None:
    """The domestic rival a political speaker's negative statement is about (``_rival``): in the
    innermost clause of what was said that holds a negative evaluation, an actor in its subject
    ("Clinton is lying", "Democrats are to blame", "it shows that Trump is unfit to lead")."""
    if not cameo.actor_roles(speaker.code) & RIVAL_SPEAKER_ROLES or speaker.code.startswith("---"):
        return None
    toks = set(_content_tokens(view, q))
    clauses = []
    for i in toks:
        sv = view.view_of(i)
        subjects = sv.kids(i - sv.base, {"nsubj", "nsubjpass", "nsubj:pass"})
        if not subjects:
            continue
        clause = [t + sv.base for t in sv.subtree(i - sv.base)]
        clauses.append((len(clause), i, clause, subjects, sv))
    for _, i, clause, subjects, sv in sorted(clauses):
        if not _negative_words(view, clause, rules, " ".join(view.tokens[t].text for t in clause)):
            continue
        for c in subjects:
            for t in sv.subtree(c):
                m = sv.mention_of(t)
                if m is not None and _rival(m, speaker):
                    return m
        return None  # the innermost negative clause is about someone else
    return None


def _rival(m: Mention, speaker: Mention) -> bool:
    """Can a statement by ``speaker`` be about ``m``, an actor of the speaker's own country: another named
    person ("Trump said Clinton is lying"), a pronoun resolved to a named actor ("she is a disgrace"), or
    a body the dictionaries name with a political role ("Republicans said the Justice Department
    mishandled…")?"""
    if m.code[:3] != speaker.code[:3] or m.same_actor(speaker):
        return False
    if m.kind == "pronoun":
        return m.resolution == "coref" and bool(m.name)  # a surname mention is kind "person"
    if m.kind == "person":
        return bool(m.name)
    return bool(cameo.actor_roles(m.code) & RIVAL_SPEAKER_ROLES) and m.resolution == "dictionary" and bool(m.name)


def _characterised(view: DocView, q: Quote, rules: Rules) -> tuple[Mention | None, bool, bool] | None:
    """For a naming cue with an object and a predicate ("called X a dead end"): (the actor the object
    names or None, whether the predicate is a negative evaluation: ``events.figurative.characterisation``,
    whether it is a compliment: ``events.figurative.praise``). None for any other cue."""
    cue = view.token_covering(q.cue[0]) if q.cue else None
    if cue is None:
        return None
    sv = view.view_of(cue)
    k = cue - sv.base
    objects = sv.kids(k, {"dobj", "obj"})
    negative = characterisation(sv, k, rules) if objects else None
    if negative is None:
        return None
    actor = next((m for t in sorted(sv.subtree(objects[0])) if (m := sv.mention_of(t)) is not None
                  and m.kind != "pronoun" and m.code and not m.code.startswith("---")), None)
    return actor, negative, praise(sv, k, rules)


def _aimed_at(view: DocView, q: Quote, speaker: Mention) -> Mention | None:
    """The actor a speech act is aimed at, when it is not in what was said: the cue's object
    ("accused Russia of breaking off contacts" says "breaking off contacts" about Russia)."""
    cue = view.token_covering(q.cue[0]) if q.cue else None
    if cue is None:
        return None
    sv = view.view_of(cue)
    for o in sv.kids(cue - sv.base, {"dobj", "obj", "nsubjpass", "nsubj:pass"}):
        for c in sv.conjuncts(o):
            m = sv.mention_of(c)
            if m is not None and m.kind != "pronoun" and m.code and not m.code.startswith("---") \
                    and not m.same_actor(speaker):
                return m
    return None


def _subject_spans(view: DocView, q: Quote) -> list[tuple[int, int]]:
    """Character spans of the subjects of the clauses that make up a quotation's content."""
    toks = set(_content_tokens(view, q))
    spans = []
    for i in toks:
        tok = view.tokens[i]
        if tok.head in toks and tok.head != i:
            continue
        sv = view.view_of(i)
        for c in sv.kids(i - sv.base, {"nsubj", "nsubjpass", "nsubj:pass"}):
            sub = sv.subtree(c)
            spans.append((sv.tokens[sub[0]].start, sv.tokens[sub[-1]].end))
    return spans


def _negated(view: DocView, cue: int, rules: Rules) -> bool:
    """Does the text say the speech act did not happen ("did not criticise", "refused to endorse Trump":
    the event stage codes the refusal)? The event stage's reading of negation (``events.modality``)."""
    sv = view.view_of(cue)
    return modality_flags(sv, cue - sv.base, "verb", rules).negated


# -- 2 and 3. one event per statement; reported speech ----------------------------------------------


def _passive_cue(view: DocView, q: Quote) -> bool:
    """Is the quotation's cue a passive ("Asked about Iran, Russia said…", "Russia was asked about
    Iran"): the speaker is the one asked, so the cue is not the speaker's act."""
    cue = view.token_covering(q.cue[0]) if q.cue else None
    if cue is None:
        return False
    sv = view.view_of(cue)
    k = cue - sv.base
    return sv.tokens[k].pos in ("VERB", "AUX") and (sv.is_passive(k) or sv.is_reduced_passive(k))


def _named_doers(view: DocView, events: tuple[Event, ...]) -> frozenset[tuple[int, int]]:
    """The triggers of sourceless events whose verb names its doer with words that are no actor
    ("People who travel to Kyiv know…", "an illness forces him out"), or leaves its doer unsaid
    in the passive ("when he was asked about it"): the speaker of the quotation is not that doer."""
    out = set()
    for e in events:
        if e.source is not None or (i := view.token_at(e.trigger[0])) is None:
            continue
        sv = view.view_of(i)
        k = i - sv.base
        if sv.tokens[k].pos not in ("VERB", "AUX"):
            continue
        subj = sv.subject(k)
        if subj is not None and sv.mention_at[subj] is None and sv.tokens[subj].pos in ("NOUN", "PROPN"):
            out.add(e.trigger)
        elif sv.is_passive(k):
            out.add(e.trigger)
    return frozenset(out)


def attribute(events: tuple[Event, ...] | list[Event], statements: list[Event], quotes: tuple[Quote, ...] | list[Quote], trace: Tracer | None = None,
              rules: Rules | None = None, named: frozenset[tuple[int, int]] = frozenset()) -> list[Event]:
    """Pattern events and statements merged (a statement the event stage coded from the same words is
    one event, linked to its quotation), then events inside quotations attributed to the speaker
    (``named``: triggers whose doer the text names with words that are no actor, so not the speaker)."""
    trace = trace if trace is not None else Tracer("attribution")
    stage = [e for e in events if e.origin != "statement"]
    by_trigger = {e.trigger: n for n, e in enumerate(stage)}
    keys = {(e.sentence, _actor(e.source), _actor(e.target), e.cameo) for e in stage}
    demands = [e for e in stage if e.origin == "demand"]
    kept: list[Event] = []
    for e in list(statements) + [e for e in events if e.origin == "statement"]:
        demand = next((d for d in demands if d.evidence[0] <= e.trigger[0] < d.evidence[1] and _actor(d.source) == _actor(e.source)), None)
        if demand is not None:
            # "Russia insisted that Pyongyang stop": the reporting verb's statement is the demand
            trace(e.rule, "merged", f"{e.quote_id}: the statement is the demand the event stage read ({demand.rule})")
        elif e.trigger in by_trigger:
            n = by_trigger[e.trigger]
            mine = stage[n]
            changes: dict[str, object] = {"quote_id": mine.quote_id or e.quote_id}
            # "after the Security Council condemned X" (the subject of an adverbial clause the event stage
            # did not reach): the speaker the quote stage resolved is the one who spoke. Not so the
            # statement's target: what was said names actors in passing ("accused Rafael Cruz, who was
            # born in Cuba, of…")
            if mine.source is None and e.source is not None and not (mine.target is not None and e.source.same_actor(mine.target)):
                changes["source"] = e.source
            stage[n] = replace(mine, **changes)
            trace(e.rule, "merged", f"{e.quote_id}: the event stage coded the same trigger ({mine.rule})"
                  + ("; its missing source is the statement's speaker" if len(changes) > 1 else ""))
        elif (e.sentence, _actor(e.source), _actor(e.target), e.cameo) not in keys:
            kept.append(e)
        else:
            trace(e.rule, "merged", f"{e.quote_id}: the event stage coded the same dyad and code in this sentence")
    with_content = [q for q in quotes if q.content]
    news = rules.reporter_roles() if rules is not None else frozenset()
    out: list[Event] = []
    quote_around = _quote_finder(with_content)
    for event in stage + kept:
        quote = quote_around(event.trigger[0])
        if quote is not None:
            event = _speak_for(event, quote, political(quote.speaker, news) and event.trigger not in named)
        if _first_person(event.source) or _first_person(event.target):
            trace(event.rule, "dropped", "an actor is a 'we' no quotation resolves")
            continue
        if event.source is not None and event.target is not None and event.source.same_actor(event.target):
            continue
        out.append(event)
    return out


def _actor(m: Mention | None) -> object:
    return m.actor if m is not None else None


def _quote_finder(quotes: list[Quote]):
    """A function giving the first of ``quotes`` whose content holds an offset (or None). Spans are
    sorted by start with the running maximum of their ends, so a look-up walks back only over the
    spans that can reach the offset: a scan of every quotation per event is quadratic on a long
    article."""
    spans = sorted((a, b, n) for n, q in enumerate(quotes) for a, b in q.content)
    starts = [a for a, _, _ in spans]
    reach = list(accumulate((b for _, b, _ in spans), max))

    def around(offset: int) -> Quote | None:
        best = None
        i = bisect_right(starts, offset) - 1
        while i >= 0 and reach[i] > offset:
            a, b, n = spans[i]
            if a <= offset < b and (best is None or n < best):
                best = n
            i -= 1
        return quotes[best] if best is not None else None

    return around


def _first_person(m: Mention | None) -> bool:
    return m is not None and m.resolution == "first-person"


def _speak_for(event: Event, quote: Quote, political: bool) -> Event:
    """Link ``event`` to the quotation around it; its "we" is the speaker; with no source of its own,
    an event in a direct quotation of a political speaker is the speaker's ("We will respond", said
    the minister). Events in indirect speech keep the source the text gives them: the teller of the
    news is not the actor of what it tells."""
    speaker = quote.speaker
    changes: dict = {"quote_id": event.quote_id or quote.id}
    if speaker is not None and speaker.code:
        for role in ("source", "target"):
            m = getattr(event, role)
            if _first_person(m):
                changes[role] = Mention(m.start, m.end, m.text, speaker.code, "pronoun", f"speaker:{quote.id}", quote.speaker_name,
                                        resolution="speaker", antecedent=(speaker.start, speaker.end))
        if event.source is None and "source" not in changes and political and quote.kind == "direct":
            changes["source"] = replace(speaker, via=f"speaker:{quote.id};{speaker.via}", resolution="speaker")
    return replace(event, **changes)
