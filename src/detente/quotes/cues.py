"""Reporting verbs and nouns that introduce speech (the cues of attribution).

A broad list in the spirit of the PARC/PolNeAR attribution cues and textacy's reporting verbs, plus the
statement codes a cue implies when an attributed quote becomes an event (CAMEO manual ch. 2: criticise
and denounce -> 111, warn -> 130 family, urge/appeal -> 02x, praise -> 051, deny -> 010 negated...).
"""

from __future__ import annotations

REPORTING_VERBS = frozenset(
    """
    say tell state add note stress emphasize emphasise insist assert declare announce explain write
    claim argue maintain contend suggest reply respond answer counter retort confirm acknowledge admit
    concede deny reject dismiss warn caution urge call appeal demand ask request plead question wonder
    complain criticize criticise condemn denounce accuse blame charge allege lament regret praise hail
    welcome thank applaud commend predict forecast estimate promise pledge vow vouch threaten tweet post
    recall recount report reveal disclose inform brief testify remark comment observe point mention
    joke quip muse boast concur agree disagree object protest reiterate repeat underline underscore
    highlight indicate signal acknowledge assure reassure advise recommend propose conclude continue
    describe characterize characterise label brand term call declare proclaim announce yell shout
    scream whisper mutter exclaim cry sigh laugh sneer snap fume rail blast slam lash chide scold
    rebuke warn stipulate specify clarify elaborate
    """.split()
)

REPORTING_NOUNS = frozenset(
    """
    statement remarks remark comment comments words speech interview address testimony briefing
    announcement declaration communique communiqué report reports tweet post letter message
    """.split()
)

# "according to X", "in the words of X"
SOURCE_PREPOSITIONS = ("according to",)

# CAMEO code a cue verb implies for the statement it reports (quote -> event)
CUE_CODES = {
    "say": "010", "tell": "010", "state": "010", "add": "010", "note": "010", "explain": "010",
    "announce": "010", "declare": "010", "stress": "010", "emphasize": "010", "emphasise": "010",
    "insist": "010", "assert": "010", "reiterate": "010", "confirm": "010", "comment": "010",
    "remark": "010", "write": "010", "tweet": "010", "post": "010", "claim": "010", "argue": "010",
    "deny": "010", "reject": "120", "dismiss": "120",
    "criticize": "111", "criticise": "111", "condemn": "111", "denounce": "111", "blast": "111",
    "slam": "111", "lash": "111", "rail": "111", "chide": "111", "scold": "111", "rebuke": "111",
    "accuse": "112", "blame": "112", "charge": "112", "allege": "112",
    "complain": "111", "lament": "012", "regret": "012",
    "warn": "130", "threaten": "130", "caution": "130",
    "urge": "020", "appeal": "020", "call": "020", "plead": "020", "request": "020", "ask": "020",
    "demand": "100",
    "praise": "051", "hail": "051", "welcome": "051", "applaud": "051", "commend": "051", "thank": "051",
    "promise": "030", "pledge": "030", "vow": "030", "assure": "030",
    "predict": "010", "agree": "019", "concur": "019",
}
