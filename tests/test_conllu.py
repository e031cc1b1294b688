"""The CoNLL-U reader gives the same ParsedDoc shape as the spaCy adapter."""

from __future__ import annotations

from detente.ingest import read_inputs
from detente.ingest.conllu import parse_conllu
from detente.model import Ingested, ParsedDoc, Problem

SAMPLE = """# newdoc id = d1
# text = Arnor criticized Gondor.
1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tcriticized\tcriticize\tVERB\tVBD\t_\t0\troot\t_\t_
3\tGondor\tGondor\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2-3\twon't\t_\t_\t_\t_\t_\t_\t_\t_
2\two\twill\tAUX\tMD\t_\t4\taux\t_\tSpaceAfter=No
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tstop\tstop\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
"""


def test_conllu_tokens_heads_and_offsets():
    doc, problems = parse_conllu(SAMPLE, "d1")
    assert problems == []
    first, second = doc.sentences
    assert [t.text for t in first.tokens] == ["Arnor", "criticized", "Gondor", "."]
    assert [t.head for t in first.tokens] == [1, 1, 1, 1]
    assert first.tokens[1].dep == "ROOT" and first.tokens[2].dep == "obj"
    for t in doc.tokens:
        assert doc.article.text[t.start : t.end] == t.text
    # the second sentence has no '# text': rebuilt from forms and SpaceAfter=No; the range line is skipped
    assert doc.article.text.endswith("It won't stop.")
    assert [t.i for t in second.tokens] == [4, 5, 6, 7, 8]
    assert second.tokens[1].head == 7 and second.tokens[3].dep == "ROOT"


def test_conllu_file_with_two_docs_streams_parsed_docs(tmp_path):
    f = tmp_path / "two.conllu"
    f.write_text(SAMPLE + "\n# newdoc id = d2\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n", encoding="utf-8")
    items = list(read_inputs([str(f)]))
    assert [i.article.id for i in items if isinstance(i, Ingested) and isinstance(i.item, ParsedDoc)] == ["d1", "d2"]


def test_malformed_conllu_is_rejected_with_line(tmp_path):
    f = tmp_path / "bad.conllu"
    f.write_text("1\tonly\tthree\n", encoding="utf-8")
    [r] = list(read_inputs([str(f)]))
    assert isinstance(r, Problem) and "line 1" in r.message and "10 tab-separated" in r.message
