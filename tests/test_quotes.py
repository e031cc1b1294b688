"""Quote rules on hand-built parses (no spaCy model) and quote-mark pairing on small written texts.

Every sentence here was written for these tests (STYLE.md 7, 8): the parses are built by hand from
words, heads and labels, so each rule is tested on its own and survives a model upgrade.
"""

from __future__ import annotations

from datetime import date

import pytest

from dataclasses import replace

from detente.attribution import AttributionStage
from detente.dictionaries import Dictionaries, default_dictionary_dir
from detente.dictionaries.native import load_native
from detente.model import Article, CodedArticle, Mention, ParsedDoc, Sentence, Token
from detente.quotes import QuoteStage
from detente.stages import Tracer
from detente.quotes.layout import dateline_end, paragraph_spans
from detente.quotes.marks import find_quoted_spans


def w(word: str, pos: str, dep: str, head: int, lemma: str | None = None, tag: str | None = None) -> tuple:
    return (word, lemma if lemma is not None else word.lower(), pos, dep, head, tag or pos)


def build(text: str, sentences: list[list[tuple]], published: date | None = date(2021, 4, 15)) -> ParsedDoc:
    """A ParsedDoc over ``text``: each word is found in the text after the previous one; ``head`` is
    the head's index within its sentence (the root points to itself)."""
    cursor, base, built = 0, 0, []
    for s_index, words in enumerate(sentences):
        tokens = []
        for k, (word, lemma, pos, dep, head, tag) in enumerate(words):
            start = text.index(word, cursor)
            cursor = start + len(word)
            tokens.append(Token(base + k, start, cursor, word, lemma, pos, tag, "ROOT" if head == k else dep, base + head))
        built.append(Sentence(s_index, tokens[0].start, tokens[-1].end, tuple(tokens)))
        base += len(words)
    return ParsedDoc(Article("t", text, published=published), tuple(built))


def mention(doc: ParsedDoc, surface: str, code: str, kind: str = "person", name: str | None = None, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = doc.article.text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, code, kind, "test", name)


def _rules():
    d = Dictionaries()
    load_native(default_dictionary_dir() / "rules.toml", d)  # statement cues and shared word lists
    return d.rules


RULES = _rules()


def run(doc: ParsedDoc, mentions: list[Mention] = (), trace: bool = False) -> CodedArticle:
    """The quote stage, then the attribution stage (statement events), as the pipeline runs them."""
    coded = CodedArticle(doc.article, doc, mentions=tuple(sorted(mentions, key=lambda m: m.start)))
    tracer = Tracer("quotes", trace)
    coded = QuoteStage(RULES)(coded, tracer)
    coded = AttributionStage(RULES)(coded, tracer)
    return replace(coded, trace=tuple(tracer.steps))


def texts(coded: CodedArticle) -> list[str]:
    return [" | ".join(coded.article.text[a:b] for a, b in q.content) for q in coded.quotes]


# -- quote marks -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param('He said "we will go" today.', ["we will go"], id="straight-double"),
        pytest.param("“We will go,” he said.", ["We will go,"], id="curly-double"),
        pytest.param("«Nous irons», a-t-il dit.", ["Nous irons"], id="guillemets"),
        pytest.param("„Wir gehen“, sagte er.", ["Wir gehen"], id="low-9"),
        pytest.param("''We will go,'' he said.", ["We will go,"], id="nyt-two-apostrophes"),
        pytest.param("‘We will go,’ he said.", ["We will go,"], id="curly-single"),
        pytest.param("The ministers' talks and Russia's view don't matter in the '90s.", [], id="apostrophes-not-quotes"),
        pytest.param("-We will go to the end- he said.", ["We will go to the end"], id="paragraph-dash"),
        pytest.param("”Everything here is broken.” ― Jane Roe", ["Everything here is broken."], id="closing-mark-opens-paragraph"),
        pytest.param('He said "the talk was "frank" and long.\n\nShe said "no deal" today.', ["no deal"], id="unbalanced-paragraph-only-costs-itself"),
    ],
)
def test_quoted_spans(text, expected):
    spans, _ = find_quoted_spans(text)
    found = [text[a:b] for s in spans for a, b in s.parts]
    for want in expected:
        assert want in found
    if not expected:
        assert found == []


def test_multi_paragraph_quotation_is_one_span_reopened_at_each_paragraph():
    text = "“The first part ends here.\n\n“The second part ends here,” he said."
    spans, _ = find_quoted_spans(text)
    assert [[text[a:b] for a, b in s.parts] for s in spans] == [["The first part ends here.", "The second part ends here,"]]


@pytest.mark.parametrize(
    "text, paragraphs",
    [
        pytest.param("One.\n\nTwo.", ["One.", "Two."], id="blank-line"),
        pytest.param("“A quote.” ― Jane Roe\n“Another one.”", ["“A quote.” ― Jane Roe", "“Another one.”"], id="line-break-before-a-quote"),
        pytest.param("A sentence that is\nwrapped by hand.", ["A sentence that is\nwrapped by hand."], id="soft-wrap"),
    ],
)
def test_paragraph_spans(text, paragraphs):
    assert [text[a:b] for a, b in paragraph_spans(text)] == paragraphs


@pytest.mark.parametrize(
    "text, body",
    [
        pytest.param("KYIV, Jan 3 (Detente Wire) - Talks resumed.", "Talks resumed.", id="place-date-agency"),
        pytest.param("WASHINGTON (Reuters) — Talks resumed.", "Talks resumed.", id="place-agency"),
        pytest.param("Putin - a former spy - spoke.", "Putin - a former spy - spoke.", id="not-a-dateline"),
    ],
)
def test_dateline(text, body):
    assert text[dateline_end(text, 0) :] == body


# -- direct quotations -----------------------------------------------------------------------------

# "We will never accept this," Lavrov said.
CUE_AFTER = (
    '"We will never accept this," Lavrov said.',
    [[w('"', "PUNCT", "punct", 9), w("We", "PRON", "nsubj", 4, "we"), w("will", "AUX", "aux", 4), w("never", "ADV", "neg", 4),
      w("accept", "VERB", "ccomp", 9), w("this", "PRON", "dobj", 4), w(",", "PUNCT", "punct", 9), w('"', "PUNCT", "punct", 9),
      w("Lavrov", "PROPN", "nsubj", 9, "Lavrov"), w("said", "VERB", "ROOT", 9, "say"), w(".", "PUNCT", "punct", 9)]],
)


def test_direct_quote_with_cue_after():
    doc = build(*CUE_AFTER)
    coded = run(doc, [mention(doc, "Lavrov", "RUSGOV", name="Sergey Lavrov")])
    [q] = coded.quotes
    assert (q.kind, texts(coded), q.cue_lemma, q.speaker_text, q.speaker_name, q.speaker.code) == (
        "direct", ["We will never accept this,"], "say", "Lavrov", "Sergey Lavrov", "RUSGOV")
    assert q.id == "t:q1" and not q.floating and q.via.startswith("cue-after")


def test_split_quote_is_one_quote_with_two_parts():
    text = '"We will go," Lavrov said, "and we will stay."'
    doc = build(text, [[
        w('"', "PUNCT", "punct", 7), w("We", "PRON", "nsubj", 3), w("will", "AUX", "aux", 3), w("go", "VERB", "ccomp", 7),
        w(",", "PUNCT", "punct", 7), w('"', "PUNCT", "punct", 7), w("Lavrov", "PROPN", "nsubj", 7, "Lavrov"), w("said", "VERB", "ROOT", 7, "say"),
        w(",", "PUNCT", "punct", 7), w('"', "PUNCT", "punct", 7), w("and", "CCONJ", "cc", 13), w("we", "PRON", "nsubj", 13),
        w("will", "AUX", "aux", 13), w("stay", "VERB", "ccomp", 7), w(".", "PUNCT", "punct", 7), w('"', "PUNCT", "punct", 7)]])
    coded = run(doc)
    [q] = coded.quotes
    assert texts(coded) == ["We will go, | and we will stay."] and q.via.startswith("split") and q.speaker_text == "Lavrov"


def test_colon_cue_before():
    text = 'Lavrov said: "We will go there soon."'
    doc = build(text, [[
        w("Lavrov", "PROPN", "nsubj", 1, "Lavrov"), w("said", "VERB", "ROOT", 1, "say"), w(":", "PUNCT", "punct", 1), w('"', "PUNCT", "punct", 1),
        w("We", "PRON", "nsubj", 6), w("will", "AUX", "aux", 6), w("go", "VERB", "ccomp", 1), w("there", "ADV", "advmod", 6),
        w("soon", "ADV", "advmod", 6), w(".", "PUNCT", "punct", 6), w('"', "PUNCT", "punct", 1)]])
    [q] = run(doc).quotes
    assert (q.kind, q.via, q.speaker_text, q.cue_lemma) == ("direct", "cue-before", "Lavrov", "say")


def test_speaker_after_the_quote_with_role_and_name():
    text = '"Our door stays open to everyone," said Kremlin spokesperson Dmitry Peskov.'
    doc = build(text, [[
        w('"', "PUNCT", "punct", 9), w("Our", "PRON", "poss", 2), w("door", "NOUN", "nsubj", 3), w("stays", "VERB", "ccomp", 9, "stay"),
        w("open", "ADJ", "acomp", 3), w("to", "ADP", "prep", 4), w("everyone", "PRON", "pobj", 5), w(",", "PUNCT", "punct", 9),
        w('"', "PUNCT", "punct", 9), w("said", "VERB", "ROOT", 9, "say"), w("Kremlin", "PROPN", "compound", 11, "Kremlin"),
        w("spokesperson", "NOUN", "compound", 13), w("Dmitry", "PROPN", "compound", 13, "Dmitry"), w("Peskov", "PROPN", "nsubj", 9, "Peskov"),
        w(".", "PUNCT", "punct", 9)]])
    coded = run(doc, [mention(doc, "Kremlin spokesperson Dmitry Peskov", "RUSGOV", name="Dmitry Peskov")])
    [q] = coded.quotes
    assert (q.speaker_text, q.speaker_name, q.speaker.code) == ("Kremlin spokesperson Dmitry Peskov", "Dmitry Peskov", "RUSGOV")


def test_attribution_dash_and_name():
    text = "“We deserve better than this from our leaders.” ― Jane Roe"
    doc = build(text, [[
        w("“", "PUNCT", "punct", 2), w("We", "PRON", "nsubj", 2), w("deserve", "VERB", "ROOT", 2), w("better", "ADV", "advmod", 2),
        w("than", "ADP", "prep", 3), w("this", "PRON", "pobj", 4), w("from", "ADP", "prep", 2), w("our", "PRON", "poss", 8),
        w("leaders", "NOUN", "pobj", 6), w(".", "PUNCT", "punct", 2), w("”", "PUNCT", "punct", 2), w("―", "PUNCT", "punct", 2),
        w("Jane", "PROPN", "compound", 13), w("Roe", "PROPN", "appos", 2)]])
    [q] = run(doc).quotes
    assert (q.kind, q.speaker_text, q.speaker_name, q.cue_lemma, q.via) == ("direct", "Jane Roe", "Jane Roe", "―", "dash-name")


def test_scare_quote_is_not_a_quotation():
    text = 'The so-called "reset" failed.'
    doc = build(text, [[
        w("The", "DET", "det", 3), w("so-called", "ADJ", "amod", 3), w('"', "PUNCT", "punct", 3), w("reset", "NOUN", "nsubj", 5),
        w('"', "PUNCT", "punct", 3), w("failed", "VERB", "ROOT", 5, "fail"), w(".", "PUNCT", "punct", 5)]])
    coded = run(doc, trace=True)
    assert coded.quotes == () and any("quoted fragment" in step.detail and step.outcome == "rejected" for step in coded.trace)


# -- pronouns, floating quotations, surnames -------------------------------------------------------

# Peskov said Putin wants peace.
# -We are ready for talks- he said.
# -We will wait for an answer.-
DASHES = (
    "Peskov said Putin wants peace.\n\n-We are ready for talks- he said.\n\n-We will wait for an answer.-",
    [
        [w("Peskov", "PROPN", "nsubj", 1, "Peskov"), w("said", "VERB", "ROOT", 1, "say"), w("Putin", "PROPN", "nsubj", 3, "Putin"),
         w("wants", "VERB", "ccomp", 1, "want"), w("peace", "NOUN", "dobj", 3), w(".", "PUNCT", "punct", 1)],
        [w("-", "PUNCT", "punct", 8), w("We", "PRON", "nsubj", 2), w("are", "AUX", "ccomp", 8, "be"), w("ready", "ADJ", "acomp", 2),
         w("for", "ADP", "prep", 3), w("talks", "NOUN", "pobj", 4, "talk"), w("-", "PUNCT", "punct", 8), w("he", "PRON", "nsubj", 8),
         w("said", "VERB", "ROOT", 8, "say"), w(".", "PUNCT", "punct", 8)],
        [w("-", "PUNCT", "punct", 3), w("We", "PRON", "nsubj", 3), w("will", "AUX", "aux", 3), w("wait", "VERB", "ROOT", 3),
         w("for", "ADP", "prep", 3), w("an", "DET", "det", 6), w("answer", "NOUN", "pobj", 4), w(".", "PUNCT", "punct", 3), w("-", "PUNCT", "punct", 3)],
    ],
)


def test_pronoun_speaker_skips_a_person_inside_reported_content_and_floating_quote_inherits():
    doc = build(*DASHES)
    coded = run(doc, [
        mention(doc, "Peskov", "RUSGOV", name="Dmitry Peskov"), mention(doc, "Putin", "RUSGOV", name="Vladimir Putin"),
        Mention(doc.article.text.index("he said"), doc.article.text.index("he said") + 2, "he", "RUSGOV", "pronoun", "coref:x", "Vladimir Putin"),
    ])
    got = [(q.kind, q.speaker_text, q.speaker_name, q.speaker.code, q.floating) for q in coded.quotes]
    assert got == [
        ("indirect", "Peskov", "Dmitry Peskov", "RUSGOV", False),
        ("direct", "he", "Dmitry Peskov", "RUSGOV", False),
        ("direct", "he", "Dmitry Peskov", "RUSGOV", True),
    ]
    assert texts(coded)[1:] == ["We are ready for talks", "We will wait for an answer."]


def test_surname_links_to_the_full_name_and_its_code():
    text = 'Sergey Lavrov arrived. "We will always talk to them," Lavrov said.'
    doc = build(text, [
        [w("Sergey", "PROPN", "compound", 1, "Sergey"), w("Lavrov", "PROPN", "nsubj", 2, "Lavrov"), w("arrived", "VERB", "ROOT", 2, "arrive"), w(".", "PUNCT", "punct", 2)],
        [w('"', "PUNCT", "punct", 10), w("We", "PRON", "nsubj", 4), w("will", "AUX", "aux", 4), w("always", "ADV", "advmod", 4),
         w("talk", "VERB", "ccomp", 10), w("to", "ADP", "prep", 4), w("them", "PRON", "pobj", 5), w(",", "PUNCT", "punct", 10),
         w('"', "PUNCT", "punct", 10), w("Lavrov", "PROPN", "nsubj", 10, "Lavrov"), w("said", "VERB", "ROOT", 10, "say"), w(".", "PUNCT", "punct", 10)],
    ])
    coded = run(doc, [mention(doc, "Sergey Lavrov", "RUSGOV", name="Sergey Lavrov")])
    [q] = coded.quotes
    assert (q.speaker_text, q.speaker_name, q.speaker.code) == ("Lavrov", "Sergey Lavrov", "RUSGOV")


def test_relative_pronoun_is_the_speaker_mention_resolved_to_its_antecedent():
    text = "Peskov, who said the talks were useful, left."
    doc = build(text, [[
        w("Peskov", "PROPN", "nsubj", 9, "Peskov"), w(",", "PUNCT", "punct", 0), w("who", "PRON", "nsubj", 3), w("said", "VERB", "relcl", 0, "say"),
        w("the", "DET", "det", 5), w("talks", "NOUN", "nsubj", 6, "talk"), w("were", "AUX", "ccomp", 3, "be"), w("useful", "ADJ", "acomp", 6),
        w(",", "PUNCT", "punct", 0), w("left", "VERB", "ROOT", 9, "leave"), w(".", "PUNCT", "punct", 9)]])
    coded = run(doc, [mention(doc, "Peskov", "RUSGOV", name="Dmitry Peskov")])
    [q] = coded.quotes
    assert (texts(coded), q.speaker_text, q.speaker_name, q.speaker.code) == (["the talks were useful"], "who", "Dmitry Peskov", "RUSGOV")


# -- indirect and mixed ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, words, content",
    [
        pytest.param(
            "China said it seeks dialogue but stays prepared for conflict.",
            [w("China", "PROPN", "nsubj", 1, "China"), w("said", "VERB", "ROOT", 1, "say"), w("it", "PRON", "nsubj", 3),
             w("seeks", "VERB", "ccomp", 1, "seek"), w("dialogue", "NOUN", "dobj", 3), w("but", "CCONJ", "cc", 3),
             w("stays", "VERB", "conj", 3, "stay"), w("prepared", "ADJ", "acomp", 6), w("for", "ADP", "prep", 7),
             w("conflict", "NOUN", "pobj", 8), w(".", "PUNCT", "punct", 1)],
            "it seeks dialogue",
            id="contrastive-predicate-of-the-reporting-subject-left-out",
        ),
        pytest.param(
            "The ministry said it had acted and would publish results.",
            [w("The", "DET", "det", 1), w("ministry", "NOUN", "nsubj", 2), w("said", "VERB", "ROOT", 2, "say"), w("it", "PRON", "nsubj", 5),
             w("had", "AUX", "aux", 5, "have"), w("acted", "VERB", "ccomp", 2, "act"), w("and", "CCONJ", "cc", 5),
             w("would", "AUX", "aux", 8), w("publish", "VERB", "conj", 5), w("results", "NOUN", "dobj", 8, "result"), w(".", "PUNCT", "punct", 2)],
            "it had acted and would publish results",
            id="additive-predicate-stays",
        ),
        pytest.param(
            "MOSCOW, May 2 (Detente Wire) - Prices rose, officials said.",
            [w("MOSCOW", "PROPN", "npadvmod", 10, "Moscow"), w(",", "PUNCT", "punct", 0), w("May", "PROPN", "nmod", 6), w("2", "NUM", "nummod", 2),
             w("(", "PUNCT", "punct", 6), w("Detente", "PROPN", "compound", 6), w("Wire", "PROPN", "appos", 0), w(")", "PUNCT", "punct", 0),
             w("-", "PUNCT", "punct", 0), w("Prices", "NOUN", "nsubj", 10, "price"), w("rose", "VERB", "ccomp", 13, "rise"),
             w(",", "PUNCT", "punct", 13), w("officials", "NOUN", "nsubj", 13, "official"), w("said", "VERB", "ROOT", 13, "say"), w(".", "PUNCT", "punct", 13)],
            "Prices rose",
            id="dateline-is-not-content",
        ),
        pytest.param(
            "The plan, Lavrov said, would fail.",
            [w("The", "DET", "det", 1), w("plan", "NOUN", "nsubj", 7), w(",", "PUNCT", "punct", 4), w("Lavrov", "PROPN", "nsubj", 4, "Lavrov"),
             w("said", "VERB", "parataxis", 7, "say"), w(",", "PUNCT", "punct", 4), w("would", "AUX", "aux", 7), w("fail", "VERB", "ROOT", 7),
             w(".", "PUNCT", "punct", 7)],
            "The plan | would fail",
            id="parenthetical-cue-splits-the-content",
        ),
        pytest.param(
            "The talks collapsed, according to diplomats.",
            [w("The", "DET", "det", 1), w("talks", "NOUN", "nsubj", 2, "talk"), w("collapsed", "VERB", "ROOT", 2, "collapse"), w(",", "PUNCT", "punct", 2),
             w("according", "VERB", "prep", 2, "accord"), w("to", "ADP", "prep", 4), w("diplomats", "NOUN", "pobj", 5, "diplomat", "NNS"),
             w(".", "PUNCT", "punct", 2)],
            "The talks collapsed",
            id="according-to-content-is-the-clause",
        ),
        pytest.param(
            "Rome urged Paris to reopen the border.",
            [w("Rome", "PROPN", "nsubj", 1, "Rome"), w("urged", "VERB", "ROOT", 1, "urge"), w("Paris", "PROPN", "dobj", 1, "Paris"),
             w("to", "PART", "aux", 4), w("reopen", "VERB", "xcomp", 1), w("the", "DET", "det", 6), w("border", "NOUN", "dobj", 4),
             w(".", "PUNCT", "punct", 1)],
            "Paris to reopen the border",
            id="infinitive-speech-act-keeps-its-object",
        ),
        pytest.param(
            "The minister called for new talks.",
            [w("The", "DET", "det", 1), w("minister", "NOUN", "nsubj", 2), w("called", "VERB", "ROOT", 2, "call"), w("for", "ADP", "prep", 2),
             w("new", "ADJ", "amod", 5), w("talks", "NOUN", "pobj", 3, "talk"), w(".", "PUNCT", "punct", 2)],
            "new talks",
            id="prepositional-speech-act",
        ),
    ],
)
def test_indirect_content(text, words, content):
    coded = run(build(text, [words]))
    assert texts(coded) == [content]
    assert coded.quotes[0].kind == "indirect"


def test_quoted_fragment_makes_a_noun_phrase_report_mixed():
    text = 'Lavrov called the plan a "dead end" on Monday.'
    doc = build(text, [[
        w("Lavrov", "PROPN", "nsubj", 1, "Lavrov"), w("called", "VERB", "ROOT", 1, "call"), w("the", "DET", "det", 3), w("plan", "NOUN", "dobj", 1),
        w("a", "DET", "det", 7), w('"', "PUNCT", "punct", 7), w("dead", "ADJ", "amod", 7), w("end", "NOUN", "oprd", 1), w('"', "PUNCT", "punct", 7),
        w("on", "ADP", "prep", 1), w("Monday", "PROPN", "pobj", 9), w(".", "PUNCT", "punct", 1)]])
    coded = run(doc)
    [q] = coded.quotes
    assert (q.kind, texts(coded), q.speaker_text) == ("mixed", ['the plan a "dead end"'], "Lavrov")


def test_a_speech_act_not_yet_made_is_not_a_quotation():
    text = "Washington will announce sanctions."
    doc = build(text, [[w("Washington", "PROPN", "nsubj", 2), w("will", "AUX", "aux", 2), w("announce", "VERB", "ROOT", 2),
                        w("sanctions", "NOUN", "dobj", 2, "sanction"), w(".", "PUNCT", "punct", 2)]])
    assert run(doc).quotes == ()


def test_speaker_label_opens_a_paragraph_but_editorial_furniture_does_not():
    text = "SMITH: We never agreed to that.\n\nEditor's note: This story was updated."
    doc = build(text, [
        [w("SMITH", "PROPN", "ROOT", 0), w(":", "PUNCT", "punct", 0), w("We", "PRON", "nsubj", 4), w("never", "ADV", "neg", 4),
         w("agreed", "VERB", "appos", 0, "agree"), w("to", "ADP", "prep", 4), w("that", "PRON", "pobj", 5), w(".", "PUNCT", "punct", 4)],
        [w("Editor", "NOUN", "poss", 2), w("'s", "PART", "case", 0), w("note", "NOUN", "ROOT", 2), w(":", "PUNCT", "punct", 2),
         w("This", "DET", "det", 5), w("story", "NOUN", "nsubjpass", 7), w("was", "AUX", "auxpass", 7, "be"), w("updated", "VERB", "appos", 2, "update"),
         w(".", "PUNCT", "punct", 7)],
    ])
    coded = run(doc)
    assert [(q.speaker_text, q.cue_lemma) for q in coded.quotes] == [("SMITH", ":")]
    assert texts(coded) == ["We never agreed to that."]


# -- statements as events --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, words, expected",
    [
        pytest.param(
            "Lavrov criticized the United States for imposing sanctions.",
            [w("Lavrov", "PROPN", "nsubj", 1), w("criticized", "VERB", "ROOT", 1, "criticize"), w("the", "DET", "det", 4),
             w("United", "PROPN", "compound", 4), w("States", "PROPN", "dobj", 1), w("for", "ADP", "prep", 1),
             w("imposing", "VERB", "pcomp", 5, "impose", "VBG"), w("sanctions", "NOUN", "dobj", 6, "sanction", "NNS"), w(".", "PUNCT", "punct", 1)],
            [("RUSGOV", "111", "USA", "asserted")],
            id="criticised-111-target-is-whom-it-is-aimed-at",
        ),
        pytest.param(
            "Lavrov said the United States is hostile.",
            [w("Lavrov", "PROPN", "nsubj", 1), w("said", "VERB", "ROOT", 1, "say"), w("the", "DET", "det", 4), w("United", "PROPN", "compound", 4),
             w("States", "PROPN", "nsubj", 5), w("is", "AUX", "ccomp", 1, "be"), w("hostile", "ADJ", "acomp", 5), w(".", "PUNCT", "punct", 1)],
            [("RUSGOV", "111", "USA", "asserted")],
            id="negative-evaluation-makes-a-neutral-cue-111",
        ),
        pytest.param(
            "Lavrov denied that the United States was invited.",
            [w("Lavrov", "PROPN", "nsubj", 1), w("denied", "VERB", "ROOT", 1, "deny"), w("that", "SCONJ", "mark", 7), w("the", "DET", "det", 5),
             w("United", "PROPN", "compound", 5), w("States", "PROPN", "nsubjpass", 7), w("was", "AUX", "auxpass", 7, "be"),
             w("invited", "VERB", "ccomp", 1, "invite"), w(".", "PUNCT", "punct", 1)],
            [("RUSGOV", "010", "USA", "denied")],
            id="denied-is-a-statement-with-denied-modality",
        ),
        pytest.param(
            "Lavrov said the weather was fine.",
            [w("Lavrov", "PROPN", "nsubj", 1), w("said", "VERB", "ROOT", 1, "say"), w("the", "DET", "det", 3), w("weather", "NOUN", "nsubj", 4),
             w("was", "AUX", "ccomp", 1, "be"), w("fine", "ADJ", "acomp", 4), w(".", "PUNCT", "punct", 1)],
            [],
            id="no-target-no-event",
        ),
        pytest.param(
            "Lavrov said the talks failed in the United States.",
            [w("Lavrov", "PROPN", "nsubj", 1), w("said", "VERB", "ROOT", 1, "say"), w("the", "DET", "det", 3), w("talks", "NOUN", "nsubj", 4, "talk"),
             w("failed", "VERB", "ccomp", 1, "fail"), w("in", "ADP", "prep", 4), w("the", "DET", "det", 8), w("United", "PROPN", "compound", 8),
             w("States", "PROPN", "pobj", 5), w(".", "PUNCT", "punct", 1)],
            [],
            id="plain-statement-needs-its-target-in-the-subject",
        ),
    ],
)
def test_statement_events(text, words, expected):
    doc = build(text, [words])
    mentions = [mention(doc, "Lavrov", "RUSGOV", name="Sergey Lavrov")]
    if "United States" in text:
        mentions.append(mention(doc, "United States", "USA", kind="country"))
    coded = run(doc, mentions)
    got = [(e.source.code, e.cameo, e.target.code, e.modality) for e in coded.events]
    assert got == expected
    for e in coded.events:
        assert e.origin == "statement" and e.rule.startswith("rules:statement:") and e.quote_id in {q.id for q in coded.quotes}
        assert e.plover == {"111": "ACCUSE", "010": None}[e.cameo] and e.quad_class == (3 if e.cameo == "111" else 1)


def test_stages_declare_what_they_read_and_add():
    # the quote stage makes quotations only; statements are the attribution stage's events
    assert (QuoteStage.reads, QuoteStage.adds) == (("doc", "mentions"), ("quotes", "problems"))
    assert (AttributionStage.reads, AttributionStage.adds) == (("doc", "mentions", "events", "quotes"), ("events",))


def test_trace_explains_each_quote():
    doc = build(*CUE_AFTER)
    coded = run(doc, trace=True)
    assert any(step.outcome == "quote" and step.rule == "cue-after" and step.detail.startswith("t:q1 direct") for step in coded.trace)


# -- more cues and speakers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, words, content, speaker",
    [
        pytest.param(
            "Talks stalled over grain, says Kremlin spokesperson",
            [w("Talks", "NOUN", "nsubj", 5, "talk", "NNS"), w("stalled", "VERB", "acl", 0, "stall"), w("over", "ADP", "prep", 1),
             w("grain", "NOUN", "pobj", 2), w(",", "PUNCT", "punct", 5), w("says", "VERB", "ROOT", 5, "say"),
             w("Kremlin", "PROPN", "compound", 7, "Kremlin"), w("spokesperson", "NOUN", "nsubj", 5)],
            "Talks stalled over grain", "Kremlin spokesperson",
            id="inverted-cue-after-a-headline",
        ),
        pytest.param(
            'The levy, which Cook called "political crap", stays.',
            [w("The", "DET", "det", 1), w("levy", "NOUN", "nsubj", 10), w(",", "PUNCT", "punct", 1), w("which", "PRON", "dobj", 5),
             w("Cook", "PROPN", "nsubj", 5, "Cook"), w("called", "VERB", "relcl", 1, "call"), w('"', "PUNCT", "punct", 8),
             w("political", "ADJ", "amod", 8), w("crap", "NOUN", "oprd", 5), w('"', "PUNCT", "punct", 8), w("stays", "VERB", "ROOT", 10, "stay"),
             w(".", "PUNCT", "punct", 10)],
            'which | "political crap"', "Cook",
            id="relative-object-of-a-naming-verb",
        ),
        pytest.param(
            "The plan was criticized as reckless.",
            [w("The", "DET", "det", 1), w("plan", "NOUN", "nsubjpass", 3), w("was", "AUX", "auxpass", 3, "be"),
             w("criticized", "VERB", "ROOT", 3, "criticize"), w("as", "ADP", "prep", 3), w("reckless", "ADJ", "pobj", 4), w(".", "PUNCT", "punct", 3)],
            "The plan | as reckless", None,
            id="passive-without-agent-has-no-speaker",
        ),
        pytest.param(
            "According to aides, the envoy resigned.",
            [w("According", "VERB", "ROOT", 0, "accord"), w("to", "ADP", "prep", 0), w("aides", "NOUN", "pobj", 1, "aide", "NNS"),
             w(",", "PUNCT", "punct", 0), w("the", "DET", "det", 5), w("envoy", "NOUN", "nsubj", 6), w("resigned", "VERB", "appos", 2, "resign"),
             w(".", "PUNCT", "punct", 0)],
            "the envoy resigned", "aides",
            id="according-to-made-the-root-by-the-parser",
        ),
        pytest.param(
            "Kyiv said the talks were hard and blamed Moscow.",
            [w("Kyiv", "PROPN", "nsubj", 1, "Kyiv"), w("said", "VERB", "ROOT", 1, "say"), w("the", "DET", "det", 3), w("talks", "NOUN", "nsubj", 4, "talk", "NNS"),
             w("were", "AUX", "ccomp", 1, "be"), w("hard", "ADJ", "acomp", 4), w("and", "CCONJ", "cc", 4), w("blamed", "VERB", "conj", 4, "blame"),
             w("Moscow", "PROPN", "dobj", 7, "Moscow"), w(".", "PUNCT", "punct", 1)],
            "the talks were hard | Moscow", "Kyiv",
            id="speech-act-hung-on-an-inanimate-complement-is-the-reporters-subject",
        ),
    ],
)
def test_more_cues(text, words, content, speaker):
    coded = run(build(text, [words]))
    assert " | ".join(texts(coded)) == content
    assert [q.speaker_text for q in coded.quotes] == [speaker] * len(coded.quotes)


# -- speech acts aimed at someone, and what they say --------------------------------------------------


@pytest.mark.parametrize(
    "text, words, actors, content",
    [
        pytest.param(
            "Kyiv accused Moscow of breaking off contacts.",
            [w("Kyiv", "PROPN", "nsubj", 1), w("accused", "VERB", "ROOT", 1, "accuse"), w("Moscow", "PROPN", "dobj", 1),
             w("of", "ADP", "prep", 1), w("breaking", "VERB", "pcomp", 3, "break", "VBG"), w("off", "ADP", "prt", 4),
             w("contacts", "NOUN", "dobj", 4, "contact", "NNS"), w(".", "PUNCT", "punct", 1)],
            ["Kyiv", "Moscow"], ["breaking off contacts"],
            id="actor-object-with-a-clause-as-reason-says-the-reason",
        ),
        pytest.param(
            "The ministry thanked Oman for its help.",
            [w("The", "DET", "det", 1), w("ministry", "NOUN", "nsubj", 2), w("thanked", "VERB", "ROOT", 2, "thank"),
             w("Oman", "PROPN", "dobj", 2), w("for", "ADP", "prep", 2), w("its", "PRON", "poss", 6), w("help", "NOUN", "pobj", 4),
             w(".", "PUNCT", "punct", 2)],
            ["Oman"], [],
            id="actor-object-with-a-noun-as-reason-says-nothing",
        ),
        pytest.param(
            "Delhi congratulated Karachi.",
            [w("Delhi", "PROPN", "nsubj", 1), w("congratulated", "VERB", "ROOT", 1, "congratulate"), w("Karachi", "PROPN", "dobj", 1),
             w(".", "PUNCT", "punct", 1)],
            ["Delhi", "Karachi"], [],
            id="actor-object-alone-says-nothing",
        ),
        pytest.param(
            'The ministry thanked Oman for what it called its "quiet mediation".',
            [w("The", "DET", "det", 1), w("ministry", "NOUN", "nsubj", 2), w("thanked", "VERB", "ROOT", 2, "thank"),
             w("Oman", "PROPN", "dobj", 2), w("for", "ADP", "prep", 2), w("what", "PRON", "dobj", 7), w("it", "PRON", "nsubj", 7),
             w("called", "VERB", "pcomp", 4, "call"), w("its", "PRON", "poss", 11), w('"', "PUNCT", "punct", 11),
             w("quiet", "ADJ", "amod", 11), w("mediation", "NOUN", "oprd", 7), w('"', "PUNCT", "punct", 2), w(".", "PUNCT", "punct", 2)],
            ["Oman"], ['its "quiet mediation"'],
            id="a-quotation-in-the-reason-belongs-to-its-own-cue",
        ),
        pytest.param(
            "Beijing criticised the tariff decision.",
            [w("Beijing", "PROPN", "nsubj", 1), w("criticised", "VERB", "ROOT", 1, "criticise"), w("the", "DET", "det", 4),
             w("tariff", "NOUN", "compound", 4), w("decision", "NOUN", "dobj", 1), w(".", "PUNCT", "punct", 1)],
            ["Beijing"], ["the tariff decision"],
            id="a-thing-object-is-what-the-act-is-about",
        ),
        pytest.param(
            "The union backed Smith.",
            [w("The", "DET", "det", 1), w("union", "NOUN", "nsubj", 2), w("backed", "VERB", "ROOT", 2, "back"), w("Smith", "PROPN", "dobj", 2),
             w(".", "PUNCT", "punct", 2)],
            ["Smith"], ["Smith"],
            id="a-stance-keeps-its-actor",
        ),
        pytest.param(
            'Lima branded Quito a "bad neighbour".',
            [w("Lima", "PROPN", "nsubj", 1), w("branded", "VERB", "ROOT", 1, "brand"), w("Quito", "PROPN", "dobj", 1),
             w("a", "DET", "det", 6), w('"', "PUNCT", "punct", 6), w("bad", "ADJ", "amod", 6), w("neighbour", "NOUN", "dobj", 1),
             w('"', "PUNCT", "punct", 1), w(".", "PUNCT", "punct", 1)],
            ["Lima", "Quito"], ['Quito a "bad neighbour"'],
            id="a-naming-verbs-second-object-is-its-predicate",
        ),
        pytest.param(
            "Moscow was accused of stalling.",
            [w("Moscow", "PROPN", "nsubjpass", 2), w("was", "AUX", "auxpass", 2, "be"), w("accused", "VERB", "ROOT", 2, "accuse", "VBN"),
             w("of", "ADP", "prep", 2), w("stalling", "VERB", "pcomp", 3, "stall", "VBG"), w(".", "PUNCT", "punct", 2)],
            ["Moscow"], ["stalling"],
            id="passive-actor-subject-is-the-target-too",
        ),
        pytest.param(
            "They were supported by the council.",
            [w("They", "PRON", "nsubjpass", 2), w("were", "AUX", "auxpass", 2, "be"), w("supported", "VERB", "ROOT", 2, "support", "VBN"),
             w("by", "ADP", "agent", 2), w("the", "DET", "det", 5), w("council", "NOUN", "pobj", 3), w(".", "PUNCT", "punct", 2)],
            [], [],
            id="a-bare-pronoun-is-no-content",
        ),
        pytest.param(
            "He said something about the talks.",
            [w("He", "PRON", "nsubj", 1), w("said", "VERB", "ROOT", 1, "say"), w("something", "PRON", "dobj", 1, tag="NN"),
             w("about", "ADP", "prep", 2), w("the", "DET", "det", 5), w("talks", "NOUN", "pobj", 3, "talk", "NNS"), w(".", "PUNCT", "punct", 1)],
            [], [],
            id="say-with-a-pronoun-object-gives-no-words",
        ),
        pytest.param(
            "Voters showed signs of fatigue.",
            [w("Voters", "NOUN", "nsubj", 1, "voter", "NNS"), w("showed", "VERB", "ROOT", 1, "show"), w("signs", "NOUN", "dobj", 1, "sign", "NNS"),
             w("of", "ADP", "prep", 2), w("fatigue", "NOUN", "pobj", 3), w(".", "PUNCT", "punct", 1)],
            ["Voters"], [],
            id="evidence-shown-by-people-is-a-display",
        ),
        pytest.param(
            "The poll showed signs of fatigue.",
            [w("The", "DET", "det", 1), w("poll", "NOUN", "nsubj", 2), w("showed", "VERB", "ROOT", 2, "show"), w("signs", "NOUN", "dobj", 2, "sign", "NNS"),
             w("of", "ADP", "prep", 3), w("fatigue", "NOUN", "pobj", 4), w(".", "PUNCT", "punct", 2)],
            [], ["signs of fatigue"],
            id="evidence-shown-by-a-poll-is-a-report",
        ),
        pytest.param(
            "The senator railed against Smith.",
            [w("The", "DET", "det", 1), w("senator", "NOUN", "nsubj", 2), w("railed", "VERB", "ROOT", 2, "rail"), w("against", "ADP", "prep", 2),
             w("Smith", "PROPN", "pobj", 3), w(".", "PUNCT", "punct", 2)],
            ["Smith"], [],
            id="railing-against-someone-aims-at-them",
        ),
        pytest.param(
            "She addressed the convention.",
            [w("She", "PRON", "nsubj", 1), w("addressed", "VERB", "ROOT", 1, "address"), w("the", "DET", "det", 3),
             w("convention", "NOUN", "dobj", 1), w(".", "PUNCT", "punct", 1)],
            [], [],
            id="an-audience-is-addressed-not-said",
        ),
    ],
)
def test_object_of_a_speech_act(text, words, actors, content):
    doc = build(text, [words])
    coded = run(doc, [mention(doc, a, a.upper()[:3], kind="country") for a in actors])
    assert texts(coded) == content


@pytest.mark.parametrize(
    "text, words",
    [
        pytest.param(
            "If the envoy rejected the plan, talks would end.",
            [w("If", "SCONJ", "mark", 3), w("the", "DET", "det", 2), w("envoy", "NOUN", "nsubj", 3), w("rejected", "VERB", "advcl", 9, "reject"),
             w("the", "DET", "det", 5), w("plan", "NOUN", "dobj", 3), w(",", "PUNCT", "punct", 9), w("talks", "NOUN", "nsubj", 9, "talk", "NNS"),
             w("would", "AUX", "aux", 9), w("end", "VERB", "ROOT", 9), w(".", "PUNCT", "punct", 9)],
            id="supposed-in-an-if-clause",
        ),
        pytest.param(
            "He left without saying that the talks had failed.",
            [w("He", "PRON", "nsubj", 1), w("left", "VERB", "ROOT", 1, "leave"), w("without", "ADP", "prep", 1),
             w("saying", "VERB", "pcomp", 2, "say", "VBG"), w("that", "SCONJ", "mark", 8), w("the", "DET", "det", 6),
             w("talks", "NOUN", "nsubj", 8, "talk", "NNS"), w("had", "AUX", "aux", 8, "have"), w("failed", "VERB", "ccomp", 3, "fail", "VBN"),
             w(".", "PUNCT", "punct", 1)],
            id="without-saying",
        ),
        pytest.param(
            "Moscow could reject the deal, citing the costs.",
            [w("Moscow", "PROPN", "nsubj", 2), w("could", "AUX", "aux", 2), w("reject", "VERB", "ROOT", 2), w("the", "DET", "det", 4),
             w("deal", "NOUN", "dobj", 2), w(",", "PUNCT", "punct", 2), w("citing", "VERB", "advcl", 2, "cite", "VBG"), w("the", "DET", "det", 8),
             w("costs", "NOUN", "dobj", 6, "cost", "NNS"), w(".", "PUNCT", "punct", 2)],
            id="a-participle-under-a-modal-clause",
        ),
        pytest.param(
            "The mayor needs a council vote to confirm the budget.",
            [w("The", "DET", "det", 1), w("mayor", "NOUN", "nsubj", 2), w("needs", "VERB", "ROOT", 2, "need"), w("a", "DET", "det", 5),
             w("council", "NOUN", "compound", 5), w("vote", "NOUN", "dobj", 2), w("to", "PART", "aux", 7), w("confirm", "VERB", "advcl", 2, tag="VB"),
             w("the", "DET", "det", 9), w("budget", "NOUN", "dobj", 7), w(".", "PUNCT", "punct", 2)],
            id="an-infinitive-of-need",
        ),
        pytest.param(
            "Go further and ask whether the plan works.",
            [w("Go", "VERB", "ROOT", 0, "go", "VB"), w("further", "ADV", "advmod", 0), w("and", "CCONJ", "cc", 0), w("ask", "VERB", "conj", 0, tag="VB"),
             w("whether", "SCONJ", "mark", 7), w("the", "DET", "det", 6), w("plan", "NOUN", "nsubj", 7), w("works", "VERB", "ccomp", 3, "work", "VBZ"),
             w(".", "PUNCT", "punct", 0)],
            id="an-order-to-the-reader",
        ),
        pytest.param(
            "He is learning how to praise rivals.",
            [w("He", "PRON", "nsubj", 2), w("is", "AUX", "aux", 2, "be"), w("learning", "VERB", "ROOT", 2, "learn", "VBG"),
             w("how", "SCONJ", "advmod", 5, tag="WRB"), w("to", "PART", "aux", 5), w("praise", "VERB", "xcomp", 2, tag="VB"),
             w("rivals", "NOUN", "dobj", 5, "rival", "NNS"), w(".", "PUNCT", "punct", 2)],
            id="how-to-is-a-question-not-an-act",
        ),
        pytest.param(
            "Anyone wanting to apply should wait.",
            [w("Anyone", "PRON", "nsubj", 5), w("wanting", "VERB", "acl", 0, "want", "VBG"), w("to", "PART", "aux", 3),
             w("apply", "VERB", "xcomp", 1, tag="VB"), w("should", "AUX", "aux", 5), w("wait", "VERB", "ROOT", 5), w(".", "PUNCT", "punct", 5)],
            id="anyone-is-nobody-in-particular",
        ),
        pytest.param(
            "Do you know what it costs?",
            [w("Do", "AUX", "aux", 2, "do"), w("you", "PRON", "nsubj", 2), w("know", "VERB", "ROOT", 2), w("what", "PRON", "dobj", 5, tag="WP"),
             w("it", "PRON", "nsubj", 5), w("costs", "VERB", "ccomp", 2, "cost", "VBZ"), w("?", "PUNCT", "punct", 2)],
            id="a-question-to-the-reader",
        ),
        pytest.param(
            "Until then, and assuming that the truce holds, prices fall.",
            [w("Until", "ADP", "prep", 11), w("then", "ADV", "pcomp", 0), w(",", "PUNCT", "punct", 0), w("and", "CCONJ", "cc", 0),
             w("assuming", "VERB", "conj", 0, "assume", "VBG"), w("that", "SCONJ", "mark", 8), w("the", "DET", "det", 7), w("truce", "NOUN", "nsubj", 8),
             w("holds", "VERB", "ccomp", 4, "hold", "VBZ"), w(",", "PUNCT", "punct", 11), w("prices", "NOUN", "nsubj", 11, "price", "NNS"),
             w("fall", "VERB", "ROOT", 11), w(".", "PUNCT", "punct", 11)],
            id="the-writers-own-supposition",
        ),
    ],
)
def test_speech_act_not_made_is_no_quotation(text, words):
    assert run(build(text, [words])).quotes == ()


@pytest.mark.parametrize(
    "text, words, content",
    [
        pytest.param(
            "We have seen this before: Smith declared war on the plan.",
            [w("We", "PRON", "nsubj", 2), w("have", "AUX", "aux", 2), w("seen", "VERB", "ccomp", 7, "see", "VBN"), w("this", "PRON", "dobj", 2),
             w("before", "ADV", "advmod", 2), w(":", "PUNCT", "punct", 2), w("Smith", "PROPN", "nsubj", 7), w("declared", "VERB", "ROOT", 7, "declare"),
             w("war", "NOUN", "dobj", 7), w("on", "ADP", "prep", 8), w("the", "DET", "det", 11), w("plan", "NOUN", "pobj", 9), w(".", "PUNCT", "punct", 7)],
            [],
            id="words-before-a-colon-are-the-writers",
        ),
        pytest.param(
            "The crowd cheered loudly, she added the words.",
            [w("The", "DET", "det", 1), w("crowd", "NOUN", "nsubj", 2), w("cheered", "VERB", "ccomp", 6, "cheer"), w("loudly", "ADV", "advmod", 2),
             w(",", "PUNCT", "punct", 6), w("she", "PRON", "nsubj", 6), w("added", "VERB", "ROOT", 6, "add"), w("the", "DET", "det", 8),
             w("words", "NOUN", "dobj", 6, "word", "NNS"), w(".", "PUNCT", "punct", 6)],
            [],
            id="a-cue-whose-object-is-its-words-takes-no-clause-before",
        ),
        pytest.param(
            "Jones said it was over before he left.",
            [w("Jones", "PROPN", "nsubj", 1), w("said", "VERB", "ROOT", 1, "say"), w("it", "PRON", "nsubj", 3), w("was", "AUX", "ccomp", 1, "be"),
             w("over", "ADV", "advmod", 3), w("before", "SCONJ", "mark", 7), w("he", "PRON", "nsubj", 7), w("left", "VERB", "ccomp", 1, "leave"),
             w(".", "PUNCT", "punct", 1)],
            ["it was over"],
            id="an-adverbial-clause-after-the-cue-is-not-what-was-said",
        ),
    ],
)
def test_what_a_clause_cue_takes(text, words, content):
    assert texts(run(build(text, [words]))) == content


@pytest.mark.parametrize(
    "text, sentences",
    [
        pytest.param(
            "In his book, “Keep Your Savings Safe,” Smith suggested saving early.",
            [[w("In", "ADP", "prep", 13), w("his", "PRON", "poss", 2), w("book", "NOUN", "pobj", 0), w(",", "PUNCT", "punct", 13),
              w("“", "PUNCT", "punct", 13), w("Keep", "VERB", "ccomp", 13, "keep", "VB"), w("Your", "PRON", "poss", 7), w("Savings", "NOUN", "nsubj", 8, "saving"),
              w("Safe", "ADJ", "ccomp", 5, "safe"), w(",", "PUNCT", "punct", 13), w("”", "PUNCT", "punct", 13),
              w("Smith", "PROPN", "nsubj", 13), w("suggested", "VERB", "ROOT", 13, "suggest"), w("saving", "VERB", "xcomp", 13, "save", "VBG"),
              w("early", "ADV", "advmod", 14), w(".", "PUNCT", "punct", 13)]],
            id="the-title-of-a-book-is-nobodys-words",
        ),
        pytest.param(
            "Jane Roe's column, “Smith, tell us your own story,” is very thoughtful.",
            [[w("Jane", "PROPN", "compound", 1), w("Roe", "PROPN", "poss", 3), w("'s", "PART", "case", 1), w("column", "NOUN", "nsubj", 15),
              w(",", "PUNCT", "punct", 3), w("“", "PUNCT", "punct", 8), w("Smith", "PROPN", "npadvmod", 8), w(",", "PUNCT", "punct", 8),
              w("tell", "VERB", "appos", 3, "tell", "VB"), w("us", "PRON", "dative", 8), w("your", "PRON", "poss", 12), w("own", "ADJ", "amod", 12),
              w("story", "NOUN", "dobj", 8), w(",", "PUNCT", "punct", 8), w("”", "PUNCT", "punct", 8), w("is", "AUX", "ROOT", 15, "be"),
              w("very", "ADV", "advmod", 17), w("thoughtful", "ADJ", "acomp", 15), w(".", "PUNCT", "punct", 15)]],
            id="the-title-of-a-column-and-its-words-are-no-cue",
        ),
        pytest.param(
            "The mill closed.\n\n“Return of the River Towns.”\n\nIt reopened.",
            [[w("The", "DET", "det", 1), w("mill", "NOUN", "nsubj", 2), w("closed", "VERB", "ROOT", 2, "close"), w(".", "PUNCT", "punct", 2)],
             [w("“", "PUNCT", "punct", 1), w("Return", "NOUN", "ROOT", 1, "return"), w("of", "ADP", "prep", 1), w("the", "DET", "det", 5),
              w("River", "PROPN", "compound", 5), w("Towns", "PROPN", "pobj", 2), w(".", "PUNCT", "punct", 1), w("”", "PUNCT", "punct", 1)],
             [w("It", "PRON", "nsubj", 1), w("reopened", "VERB", "ROOT", 1, "reopen"), w(".", "PUNCT", "punct", 1)]],
            id="a-title-case-heading-with-small-words",
        ),
        pytest.param(
            "“(LAUGHTER.)”",
            [[w("“", "PUNCT", "punct", 2), w("(", "PUNCT", "punct", 2), w("LAUGHTER", "PROPN", "ROOT", 2), w(".", "PUNCT", "punct", 2),
              w(")", "PUNCT", "punct", 2), w("”", "PUNCT", "punct", 2)]],
            id="a-stage-direction",
        ),
    ],
)
def test_titles_in_quote_marks_are_no_quotations(text, sentences):
    assert run(build(text, sentences)).quotes == ()


def test_a_song_line_is_cued_by_sings():
    text = "“We walk on through the storm and the rain,” she sings."
    doc = build(text, [[
        w("“", "PUNCT", "punct", 13), w("We", "PRON", "nsubj", 2), w("walk", "VERB", "ccomp", 13), w("on", "ADP", "prt", 2),
        w("through", "ADP", "prep", 2), w("the", "DET", "det", 6), w("storm", "NOUN", "pobj", 4), w("and", "CCONJ", "cc", 6),
        w("the", "DET", "det", 9), w("rain", "NOUN", "conj", 6), w(",", "PUNCT", "punct", 13), w("”", "PUNCT", "punct", 13),
        w("she", "PRON", "nsubj", 13), w("sings", "VERB", "ROOT", 13, "sing"), w(".", "PUNCT", "punct", 13)]])
    [q] = run(doc).quotes
    assert (q.kind, q.cue_lemma, q.speaker_text) == ("direct", "sing", "she")


def test_negated_cue_is_not_a_quotation():
    text = "The Kremlin did not comment on the talks."
    doc = build(text, [[w("The", "DET", "det", 1), w("Kremlin", "PROPN", "nsubj", 4), w("did", "AUX", "aux", 4, "do"), w("not", "PART", "neg", 4),
                        w("comment", "VERB", "ROOT", 4), w("on", "ADP", "prep", 4), w("the", "DET", "det", 7), w("talks", "NOUN", "pobj", 5, "talk"),
                        w(".", "PUNCT", "punct", 4)]])
    assert run(doc).quotes == ()


def test_transcript_labels_split_a_quotation_that_never_closes():
    text = '"SMITH: We are ready to talk today.\n\n"JONES: We are not ready at all.'
    doc = build(text, [
        [w('"', "PUNCT", "punct", 0), w("SMITH", "PROPN", "ROOT", 1), w(":", "PUNCT", "punct", 1), w("We", "PRON", "nsubj", 4), w("are", "AUX", "appos", 1, "be"),
         w("ready", "ADJ", "acomp", 4), w("to", "PART", "aux", 7), w("talk", "VERB", "xcomp", 5), w("today", "NOUN", "npadvmod", 7), w(".", "PUNCT", "punct", 4)],
        [w('"', "PUNCT", "punct", 1), w("JONES", "PROPN", "ROOT", 1), w(":", "PUNCT", "punct", 1), w("We", "PRON", "nsubj", 4), w("are", "AUX", "appos", 1, "be"),
         w("not", "PART", "neg", 4), w("ready", "ADJ", "acomp", 4), w("at", "ADP", "advmod", 8), w("all", "ADV", "pobj", 7), w(".", "PUNCT", "punct", 4)],
    ])
    coded = run(doc)
    assert [(q.speaker_text, q.cue_lemma, q.kind) for q in coded.quotes] == [("SMITH", ":", "direct"), ("JONES", ":", "direct")]
    assert texts(coded) == ["We are ready to talk today.", "We are not ready at all."]


def test_dateline_is_not_the_speaker():
    text = "ROME, May 2 (Detente Wire) - The ministry said prices rose."
    doc = build(text, [[
        w("ROME", "PROPN", "nsubj", 11, "Rome"), w(",", "PUNCT", "punct", 0), w("May", "PROPN", "npadvmod", 0), w("2", "NUM", "nummod", 2),
        w("(", "PUNCT", "punct", 5), w("Detente", "PROPN", "compound", 6), w("Wire", "PROPN", "appos", 0), w(")", "PUNCT", "punct", 6),
        w("-", "PUNCT", "punct", 0), w("The", "DET", "det", 10), w("ministry", "NOUN", "appos", 0), w("said", "VERB", "ROOT", 11, "say"),
        w("prices", "NOUN", "nsubj", 13, "price", "NNS"), w("rose", "VERB", "ccomp", 11, "rise"), w(".", "PUNCT", "punct", 11)]])
    [q] = run(doc).quotes
    assert (q.speaker_text, texts(run(doc))) == ("The ministry", ["prices rose"])


def test_a_title_in_a_phrase_is_not_a_quotation_and_a_cueless_quote_in_a_sentence_is_its_subjects():
    text = 'Smith said on "Morning News" that taxes rose. Smith set a goal of "peace through strength for all of us."'
    doc = build(text, [
        [w("Smith", "PROPN", "nsubj", 1), w("said", "VERB", "ROOT", 1, "say"), w("on", "ADP", "prep", 1), w('"', "PUNCT", "punct", 5),
         w("Morning", "PROPN", "compound", 5), w("News", "PROPN", "pobj", 2), w('"', "PUNCT", "punct", 5), w("that", "SCONJ", "mark", 9),
         w("taxes", "NOUN", "nsubj", 9, "tax", "NNS"), w("rose", "VERB", "ccomp", 1, "rise"), w(".", "PUNCT", "punct", 1)],
        [w("Smith", "PROPN", "nsubj", 1), w("set", "VERB", "ROOT", 1, "set"), w("a", "DET", "det", 3), w("goal", "NOUN", "dobj", 1),
         w("of", "ADP", "prep", 3), w('"', "PUNCT", "punct", 6), w("peace", "NOUN", "pobj", 4), w("through", "ADP", "prep", 6),
         w("strength", "NOUN", "pobj", 7), w("for", "ADP", "prep", 6), w("all", "PRON", "pobj", 9), w("of", "ADP", "prep", 10),
         w("us", "PRON", "pobj", 11), w(".", "PUNCT", "punct", 6), w('"', "PUNCT", "punct", 6)],
    ])
    coded = run(doc)
    assert [(t, q.speaker_text, q.via) for t, q in zip(texts(coded), coded.quotes)] == [
        ("taxes rose", "Smith", "reporting-verb:clause"), ("peace through strength for all of us.", "Smith", "in-sentence")]


def test_a_colon_closing_the_paragraph_before_cues_the_quotation():
    text = "The mayor wrote:\n\n“We will rebuild every house that was lost.”"
    doc = build(text, [
        [w("The", "DET", "det", 1), w("mayor", "NOUN", "nsubj", 2), w("wrote", "VERB", "ROOT", 2, "write"), w(":", "PUNCT", "punct", 2)],
        [w("“", "PUNCT", "punct", 3), w("We", "PRON", "nsubj", 3), w("will", "AUX", "aux", 3), w("rebuild", "VERB", "ROOT", 3),
         w("every", "DET", "det", 5), w("house", "NOUN", "dobj", 3), w("that", "PRON", "nsubjpass", 8), w("was", "AUX", "auxpass", 8, "be"),
         w("lost", "VERB", "relcl", 5, "lose"), w(".", "PUNCT", "punct", 3), w("”", "PUNCT", "punct", 3)],
    ])
    [q] = run(doc).quotes
    assert (q.kind, q.speaker_text, q.cue_lemma, q.floating) == ("direct", "The mayor", "write", False)


def test_quote_marks_inside_markup_are_not_quotations():
    text = '<tweet author="someone" date="today">Text</tweet> He said "we are fine" then.'
    spans, _ = find_quoted_spans(text)
    assert [text[a:b] for s in spans for a, b in s.parts] == ["we are fine"]


def test_a_quotation_going_on_after_its_cue_sentence_is_one_split_quotation():
    text = '"We are done," said Jones. "Nothing more will happen here today."'
    doc = build(text, [
        [w('"', "PUNCT", "punct", 6), w("We", "PRON", "nsubj", 2), w("are", "AUX", "ccomp", 6, "be"), w("done", "ADJ", "acomp", 2),
         w(",", "PUNCT", "punct", 6), w('"', "PUNCT", "punct", 6), w("said", "VERB", "ROOT", 6, "say"), w("Jones", "PROPN", "nsubj", 6),
         w(".", "PUNCT", "punct", 6)],
        [w('"', "PUNCT", "punct", 4), w("Nothing", "PRON", "nsubj", 4), w("more", "ADJ", "amod", 1), w("will", "AUX", "aux", 4),
         w("happen", "VERB", "ROOT", 4), w("here", "ADV", "advmod", 4), w("today", "NOUN", "npadvmod", 4), w(".", "PUNCT", "punct", 4),
         w('"', "PUNCT", "punct", 4)],
    ])
    [q] = run(doc).quotes
    assert (q.via, q.speaker_text, len(q.content)) == ("split", "Jones", 2)


def test_attribution_dash_glued_to_the_closing_mark():
    text = "“We deserve a better choice than this.”― Jane Roe"
    doc = build(text, [[
        w("“", "PUNCT", "punct", 2), w("We", "PRON", "nsubj", 2), w("deserve", "VERB", "ROOT", 2), w("a", "DET", "det", 5),
        w("better", "ADJ", "amod", 5), w("choice", "NOUN", "dobj", 2), w("than", "ADP", "prep", 5), w("this", "PRON", "pobj", 6),
        w(".", "PUNCT", "punct", 2), w("”―", "PROPN", "compound", 11), w("Jane", "PROPN", "compound", 11), w("Roe", "PROPN", "appos", 2)]])
    [q] = run(doc).quotes
    assert (q.speaker_text, q.cue_lemma, q.via) == ("Jane Roe", "―", "dash-name")


def test_an_actor_mention_speaks_when_the_parser_left_the_cue_without_subject():
    # the small model often takes "Trump" for an adjective: no nsubj, but the actor stage knows him
    text = "Trump openly criticized the deal."
    doc = build(text, [[w("Trump", "ADJ", "advmod", 2, "trump"), w("openly", "ADV", "advmod", 2), w("criticized", "VERB", "ROOT", 2, "criticize", "VBD"),
                        w("the", "DET", "det", 4), w("deal", "NOUN", "dobj", 2), w(".", "PUNCT", "punct", 2)]])
    [q] = run(doc, [mention(doc, "Trump", "USAGOV", name="Donald Trump")]).quotes
    assert (q.speaker_text, q.speaker_name, q.speaker.code) == ("Trump", "Donald Trump", "USAGOV")


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Kremlin spokesperson Dmitry Peskov", "Dmitry Peskov", "Kremlin spokesperson"),
        ("Foreign Minister Sergey Lavrov", "Sergey Lavrov", "Foreign Minister"),
        ("Dmitry Peskov", "Dmitry Peskov", None),
        ("he", "Dmitry Peskov", None),
    ],
)
def test_speaker_role_is_the_phrase_without_the_name(text, name, role):
    from detente.quotes import speaker_role

    assert speaker_role(text, name) == role
