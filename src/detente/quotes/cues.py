"""The words that introduce speech (cues of attribution), for finding quotations.

The lists follow the attribution cues of PARC 3.0 / PolNeAR (Pareti 2016; Newell et al. 2018): verbs of
saying, of writing and posting, of propositional attitude when they take a clause (``believe that``),
speech acts whose content is a noun phrase (``criticised the deal``, ``called for talks``, ``urged X to``),
nouns of saying with a clause (``his claim that …``) and source prepositions (``according to``). Each
list is data only; the rules that read them are in ``direct.py`` and ``indirect.py``.

What a cue makes of a quotation as an event (criticised -> 111, urged -> 020…) is not here: it is
dictionary data, the ``[[statement]]`` rules of ``data/dictionaries/rules.toml``, read by the
attribution stage.
"""

from __future__ import annotations

# verbs of saying: introduce direct quotations and take clausal complements
REPORTING_VERBS = frozenset(
    """
    say tell state add note stress emphasize emphasise insist assert declare announce explain write
    claim argue maintain contend suggest reply respond answer counter retort confirm acknowledge admit
    concede deny reject dismiss warn caution urge appeal demand ask request plead question wonder
    complain criticize criticise condemn denounce accuse blame charge allege lament regret praise hail
    welcome thank applaud commend predict forecast estimate promise pledge vow vouch threaten tweet post
    recall recount report reveal disclose inform brief testify remark comment observe point mention
    joke quip muse boast concur agree disagree object protest reiterate repeat underline underscore
    highlight indicate signal assure reassure advise recommend propose conclude continue
    describe characterize characterise declare proclaim yell shout scream whisper mutter exclaim cry
    sigh laugh sneer snap fume rail blast slam lash chide scold rebuke stipulate specify clarify
    elaborate concur guarantee swear confess hint imply text email telegraph chant read
    rule find show demonstrate prove project calculate acknowledge
    """.split()
)

# verbs that cue the quoted words beside them ("“…,” she sings") but take no clause of what was said
QUOTE_ONLY_VERBS = frozenset("sing".split())

# verbs of propositional attitude: cues only when they take a clause ("believe that …")
BELIEF_VERBS = frozenset(
    """
    believe think fear worry expect hope doubt know feel suspect understand assume reckon realize
    realise recognize recognise imagine figure guess bet anticipate sense learn discover hear
    """.split()
)

# speech acts whose content may be their object noun phrase ("criticised the deal as …")
OBJECT_VERBS = frozenset(
    """
    criticize criticise condemn denounce decry deplore blast slam assail lambaste berate chastise
    rebuke scold castigate mock ridicule praise laud hail welcome commend applaud salute congratulate
    thank endorse reject deny dismiss refute dispute question propose recommend announce
    unveil cite mention reference describe call label brand dub term characterize characterise
    portray accuse blame urge demand request promise pledge vow threaten discuss acknowledge
    admit confirm report disclose reveal predict estimate forecast tout defend address echo reiterate repeat
    stress emphasize emphasise highlight underscore outline detail compare liken note offer declare
    shout yell chant explain show say support oppose back favor favour proclaim
    """.split()
)

# stances, whose object is what is held, an actor included ("backed the mayor", "opposes the deal"); the
# object of any other speech act, when it is an actor, is whom the act is aimed at (indirect.py)
STANCE_VERBS = frozenset("support oppose back favor favour endorse defend".split())
# evidence, whose actor object is part of what it shows ("a poll shows her ahead", "the footage shows the convoy …")
EVIDENCE_VERBS = frozenset("show reveal depict picture".split())

# speech acts with an infinitive complement ("urged Congress to act", "vowed to retaliate")
XCOMP_VERBS = frozenset(
    """
    urge ask call encourage exhort implore press beg invite advise tell order instruct direct
    warn caution remind promise pledge vow threaten refuse decline agree offer demand request claim
    want plan hope seek decide intend vote
    """.split()
)


# prepositional speech acts: the preposition's object is the content ("called for talks")
PREP_VERBS: dict[str, frozenset[str]] = {
    k: frozenset(v.split())
    for k, v in {
        "call": "for", "point": "to", "speak": "of about on", "talk": "about of", "complain": "about of",
        "warn": "of about against", "comment": "on", "insist": "on", "argue": "for against",
        "refer": "to", "testify": "about on", "boast": "about of", "brag": "about", "joke": "about",
        "ask": "about for", "push": "for", "press": "for", "lobby": "for against", "appeal": "for",
        "rail": "against", "hint": "at", "allude": "to", "object": "to", "apologize": "for",
        "apologise": "for", "plead": "for", "advocate": "for",
        "caution": "against", "fume": "about over", "rant": "about", "lash": "at", "hit": "at",
        "weigh": "on", "speak out": "against", "vouch": "for",
    }.items()
}

# nouns of saying: cues when they take a clause ("his claim that …", "a call to act")
REPORTING_NOUNS = frozenset(
    """
    statement remarks remark comment comments claim claims assertion allegation allegations accusation
    accusations argument suggestion warning promise pledge vow threat call demand request appeal
    insistence belief view opinion fear fears concern concerns hope expectation assurance assurances
    announcement report reports finding findings estimate prediction denial admission acknowledgment
    acknowledgement testimony message note memo letter tweet post speech interview words proposal
    idea notion news word rumor rumors rumour conclusion recognition charge complaint contention
    position impression perception insinuation suggestion argument promise vow
    """.split()
)

# nouns of saying that are sources themselves when nobody is said to have produced them ("reports that")
DOCUMENT_NOUNS = frozenset(
    """
    report reports statement study poll survey letter memo tweet post message communique document
    filing ruling analysis finding findings research data
    """.split()
)

# verbs whose object is a noun of saying that the subject produced ("issued a statement calling …")
SAYING_LIGHT_VERBS = frozenset(
    "issue make release give deliver publish put send post read tweet write express voice raise offer share air lodge file register convey repeat reiterate renew".split()
)

# honorifics and titles that are not part of a person's name ("Mr. Obama" -> Obama)
TITLES = frozenset(
    """
    mr mrs ms miss dr prof sen sens rep reps gov gen lt col maj capt sgt adm rev fr sir dame
    president vice prime minister secretary chief justice judge speaker leader senator representative
    governor ambassador mayor king queen prince princess sheikh pope chancellor premier commissioner
    general spokesman spokeswoman spokesperson director chairman chairwoman chair former acting
    deputy foreign defence defense interior state attorney lieutenant colonel major captain sergeant
    admiral pastor bishop cardinal father professor doctor
    """.split()
)

