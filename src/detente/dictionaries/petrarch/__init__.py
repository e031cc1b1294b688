"""Readers for the PETRARCH/TABARI text dictionaries (verbs, actors, agents, discards), read unmodified.

The formats are the ones documented in PETRARCH's ``PETRreader.py``; this is an independent reader that
fills detente's model (``model.py``). Actor and agent ids are ``"<file name>:<line>"``; a pattern's id is
its rule id ``"<file stem>:<verb>:<pattern text>"`` (``CAMEO.2.0:rush:* TO``) and its ``where`` the
``"<file name>:<line>"`` it was read from. A file that cannot be
read as intended raises ``DictionaryError`` naming the file and line; constructs that are odd but that
the real dictionaries use are handled as described below and reported as warnings in ``into.problems``
(``Problem(stage="dictionaries", severity="warning")``): one per occurrence, with its line, for content
that is skipped or read in an odd way; one per file and kind, with a count, for harmless normalisations.

Common to all four formats: ``<!-- … -->`` comments (also over several lines), lines starting with
``<!``, and everything after ``#`` are ignored, as are blank lines. Names and phrases are written in
capitals with ``_`` (or a space) between words; a trailing ``_`` (TABARI's "whole word, not a stem")
is dropped, since detente always matches whole tokens.

Verbs (``CAMEO.2.0.txt``, ``PETR.Validate.verbs.txt``)
    ``&NAME`` followed by ``+member`` lines defines a synset (a trailing ``_`` on the label, which only
    stops PETRARCH's plural generation, is dropped: ``&PREPOSIT1_`` is used as ``&PREPOSIT1``). Members
    may use other synsets (``+&TIETYPES``), expanded recursively; synsets may be defined after their first
    use. Plurals of members are not generated: detente's matcher compares literals with lemmas too.
    ``--- NAME [code] ---`` opens a verb block; the following lines name its verbs (``SAY {SAID
    SAYING} [code]``: the ``{…}`` irregular forms are not needed since triggers are lemmas; the optional
    code overrides the block's for the bare verb) and multi-word verbs with ``+`` on the verb word
    (``+CORDON_OFF``, ``WIRE_+TAP``). Lines ``- pattern [code]`` are patterns of every verb of the block
    (PETRARCH stores them under the block). Pattern syntax: words, ``*`` verb, ``+`` target, ``$``
    source, ``_`` adjacency, ``&SYN``, PETRARCH-2 noun phrases ``{A B}`` (read as the adjacent words
    ``A_B``) and prepositional phrases ``(TO BORDER)`` (parentheses dropped), ``A/B`` alternatives;
    ``^`` and ``%`` are dropped. Codes: ``[032:033]`` -> code ``032``, code2 ``033``; ``[:173]`` -> code
    ``---`` (no source->target event), code2 ``173``; ``[---]`` (null) patterns are skipped unless
    ``keep_null=True`` (in PETRARCH they block a more general pattern: keep them if the coder honours
    ``---``). ``~`` verb transformations are skipped. A pattern repeated with the same code is skipped
    (one warning per line); the same verb and pattern text with another code is kept (on a tie the later
    wins, as in PETRARCH) with ``#2`` (``#3``…) appended to its rule id, and a warning.

Actors (``*.actors.txt``)
    A primary line ``NAME [CODE]`` (code optional), ``+SYNONYM`` lines and code lines ``[CODE]``,
    ``[CODE >YYYYMMDD]``, ``[CODE <YYMMDD]``, ``[CODE D1-D2]`` (usually tab-indented; several may share
    one line). Six-digit dates are YYMMDD with 00-30 -> 20YY, else 19YY. ``>D`` starts on D, ``<D``
    ends on D, both inclusive. A bare date (``[CODE D]``) is read as a start date; a code whose date
    cannot be read, or whose range ends before it starts, is skipped with a warning (PETRARCH skips the
    line with a warning too; the Phoenix files have a few). One ``ActorEntry`` (kind ``actor``, canonical
    name = first name) per actor; every name is added to ``into.actors``. ``code`` is the first undated code,
    ``codes`` the dated ones in file order (the first that covers a date wins); a null code ``---`` is
    kept as written. A primary line with no code at all shares the codes of the next one (PETRARCH's
    reading: ``LEONID_BREZHNEV_`` / ``SECRETARY_BREZHNEV`` / ``[RUSGOV …]``): its names join that actor.

Agents (``*.agents.txt``)
    ``NAME {PLURAL} [~CODE]``: without ``{…}`` a regular plural is generated, ``{}`` means none.
    ``!MARK! = A, B, C`` defines a substitution set; a name containing ``!MARK!`` stands for one name per
    item (no plurals generated). Codes are kept as written: ``~GOV`` (added after the actor code) or
    ``NGO~`` (before it). Lines without a code are skipped (PETRARCH does the same).

Discards (``*.discards.txt``)
    One phrase a line; ``+PHRASE`` discards the whole story, a plain phrase the sentence. The index value
    is ``Discard(phrase, "story")`` or ``Discard(phrase, "sentence")`` (phrase in lower case).

Casing: PETRARCH files are in capitals, which ``PhraseIndex`` would match only in capitals. Agents and
discards are added in lower case (match any case). Actor names are added title-cased ("Barack Obama"),
so they match a capitalised first token only ("turkey" the bird is not Türkiye); a name whose first word
is a particle ("THE_", "AL-", "EL-") is added with that particle in lower case so "the Obama
administration" and "al-Qaeda" still match mid-sentence; a one-word name that is also a common English
word ("US", "U.S.") stays in capitals so the pronoun "us" is never the United States.
"""

from detente.dictionaries.petrarch.actors import load_actors, load_agents, load_discards
from detente.dictionaries.petrarch.verbs import load_verbs

__all__ = ["load_actors", "load_agents", "load_discards", "load_verbs"]
