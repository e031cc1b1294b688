"""Coding rules that are not event patterns, read from the ``[[statement]]``, ``[rewrites.*]`` and
``[words]`` tables of native dictionary files (the shipped ones are in ``data/dictionaries/rules.toml``).

- **statements**: the CAMEO code an attributed quotation's cue gives the statement it reports
  (criticised -> 111, urged -> 020, denied -> 010 with the ``denied`` modality; CAMEO manual 1.1b3 ch. 2);
- **rewrites**: an action's code read with its modality, by code prefix — ``planned`` (intent 03 or
  threat 13), ``refused`` (reject 12), ``demanded`` (demand 10), ``negated`` (denied praise is criticism);
- **words**: the named word lists the stages share (pronouns, modality words, prepositions…);
- **confidence**: the weight each kind of evidence gives an event's confidence (the selection stage).

A later file adds to or replaces what an earlier one said: a statement cue or a rewrite prefix is
replaced entry by entry, a word list as a whole. Every code must be in ``cameo.tsv``; every key known.

What it does not do: apply the rules (the event and attribution stages do), or read patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from detente import cameo
from detente.errors import DictionaryError

REWRITE_KINDS = ("planned", "refused", "demanded", "appealed", "negated", "territory", "nonstate", "figurative", "considered")
STATEMENT_KEYS = frozenset({"id", "code", "cues", "modality"})
STATEMENT_MODALITIES = ("asserted", "denied")
_PREFIX = re.compile(r"^\d{2,4}$")


@dataclass(frozen=True)
class StatementRule:
    """What a cue makes of the quotation it introduces; ``id`` is stable (``rules:statement:<id>``)."""

    id: str
    code: str
    modality: str = "asserted"
    where: str = ""


@dataclass
class Rules:
    statements: dict[str, StatementRule] = field(default_factory=dict)  # cue lemma -> rule
    rewrites: dict[str, dict[str, str]] = field(default_factory=lambda: {k: {} for k in REWRITE_KINDS})
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)  # evidence -> weight (the selection stage)

    def reporter_roles(self) -> frozenset[str]:
        """The (lower-case) role codes of those who report or comment on the news — the media and
        commentators — and are never the actor of a statement event."""
        return self.word("news_source_roles") | self.word("commentator_roles")

    def word(self, name: str) -> frozenset[str]:
        """The word list ``name``; a clear error when no dictionary defines it."""
        try:
            return self.words[name]
        except KeyError:
            raise DictionaryError(f"no dictionary defines the word list {name!r} (a [words] entry); the shipped rules.toml does") from None

    def rewrite(self, kind: str, code: str | None) -> tuple[str, str] | None:
        """(new code, rule id) for ``code`` under rewrite ``kind``: the longest prefix listed wins,
        else the ``*`` entry; ``None`` when nothing applies."""
        table = self.rewrites.get(kind, {})
        if code:
            for cut in (4, 3, 2):
                if len(code) >= cut and code[:cut] in table:
                    return table[code[:cut]], f"rules:{kind}:{code[:cut]}"
        if "*" in table:
            return table["*"], f"rules:{kind}:*"
        return None


RULE_TABLES = ("statement", "rewrites", "words", "confidence")
CONFIDENCE_KEYS = frozenset({
    "base", "dictionary", "composed", "metonym", "given", "surname", "coref", "speaker", "first-person", "parties", "inferred", "implied",
    "missing_actor", "unknown_country", "specific_pattern", "word_order", "figurative", "unarmed_force", "statement", "audience",
    "embedded",
})
_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z_][\w.]*)\s*\]\]?")


def load_rule_tables(data: dict, text: str, path: str, rules: Rules) -> None:
    """Read the rule tables of one TOML file (``data`` parsed from ``text``) into ``rules``."""
    lines: dict[str, list[int]] = {}
    for lineno, row in enumerate(text.splitlines(), 1):
        m = _HEADER.match(row)
        if m:
            lines.setdefault(m.group(1), []).append(lineno)
    for n, entry in enumerate(data.get("statement", [])):
        found = lines.get("statement", [])
        line = found[n] if n < len(found) else None
        unknown = sorted(set(entry) - STATEMENT_KEYS)
        if unknown:
            raise DictionaryError(f"unknown key {unknown[0]!r} in [[statement]]; valid keys: {', '.join(sorted(STATEMENT_KEYS))}", path=path, line=line)
        rid, code, cues = entry.get("id"), str(entry.get("code", "")), entry.get("cues")
        if not isinstance(rid, str) or not rid:
            raise DictionaryError("[[statement]] needs an 'id' (a short name, stable across edits)", path=path, line=line)
        if not cameo.is_valid(code):
            raise DictionaryError(f"unknown CAMEO code {code!r} in [[statement]] {rid!r}; codes are those of cameo.tsv", path=path, line=line)
        if not isinstance(cues, list) or not cues or not all(isinstance(c, str) and c.strip() for c in cues):
            raise DictionaryError(f"[[statement]] {rid!r} needs a non-empty 'cues' list of lemmas", path=path, line=line)
        modality = entry.get("modality", "asserted")
        if modality not in STATEMENT_MODALITIES:
            raise DictionaryError(f"bad modality {modality!r} in [[statement]] {rid!r}; valid: {', '.join(STATEMENT_MODALITIES)}", path=path, line=line)
        rule = StatementRule(f"rules:statement:{rid}", code, modality, f"{path}:{line}" if line else path)
        for cue in cues:
            rules.statements[cue.strip().lower()] = rule
    for kind, table in (data.get("rewrites") or {}).items():
        if kind not in REWRITE_KINDS:
            raise DictionaryError(f"unknown rewrite table [rewrites.{kind}]; valid: {', '.join(REWRITE_KINDS)}", path=path, line=_line_of(lines, f"rewrites.{kind}"))
        if not isinstance(table, dict):
            raise DictionaryError(f"[rewrites.{kind}] must be a table of code prefix = code", path=path)
        for prefix, code in table.items():
            where = _line_of(lines, f"rewrites.{kind}")
            if prefix != "*" and not _PREFIX.match(prefix):
                raise DictionaryError(f"bad code prefix {prefix!r} in [rewrites.{kind}]; prefixes are 2-4 digits or '*'", path=path, line=where)
            if not isinstance(code, str) or not cameo.is_valid(code):
                raise DictionaryError(f"unknown CAMEO code {code!r} for {prefix!r} in [rewrites.{kind}]; codes are those of cameo.tsv", path=path, line=where)
            rules.rewrites.setdefault(kind, {})[prefix] = code
    words = data.get("words") or {}
    if not isinstance(words, dict):
        raise DictionaryError("[words] must be a table of name = [word, …]", path=path)
    for name, items in words.items():
        if not isinstance(items, list) or not all(isinstance(w, str) for w in items):
            raise DictionaryError(f"word list {name!r} in [words] must be a list of strings", path=path, line=_line_of(lines, "words"))
        rules.words[name] = frozenset(w.strip().lower() for w in items if w.strip())
    weights = data.get("confidence") or {}
    for name, weight in weights.items():
        if name not in CONFIDENCE_KEYS:
            raise DictionaryError(f"unknown confidence weight {name!r}; valid: {', '.join(sorted(CONFIDENCE_KEYS))}", path=path, line=_line_of(lines, "confidence"))
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not -1.0 <= weight <= 1.0:
            raise DictionaryError(f"confidence weight {name!r} must be a number from -1 to 1, got {weight!r}", path=path, line=_line_of(lines, "confidence"))
        rules.confidence[name] = float(weight)


def _line_of(lines: dict[str, list[int]], table: str) -> int | None:
    found = lines.get(table)
    return found[0] if found else None
