"""An article's text cut into segments for highlighting, as spaCy's displaCy marks entities: each
segment says which actor mentions, event triggers and quotations cover it, and carries the labels to
show where a mention or a trigger ends (the actor code, the CAMEO code).

Segments are plain data; the template escapes their text (``templates/article.html``), so an article
holding markup shows it as text. Offsets are the store's character offsets into ``Article.text``;
spans outside the text are clipped, empty ones ignored.

What it does not do: produce HTML, or decide anything about coding.
"""

from __future__ import annotations

from typing import Any


def _span(start: Any, end: Any, size: int) -> tuple[int, int] | None:
    if start is None or end is None:
        return None
    s, e = max(0, int(start)), min(size, int(end))
    return (s, e) if s < e else None


def segments(text: str, mentions: list[dict[str, Any]], events: list[dict[str, Any]],
             quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``[{"text", "mention", "trigger", "quote", "event", "labels"}]`` covering ``text`` in order.
    ``mention``/``trigger``/``quote`` are booleans; ``event`` is the index (in ``events``) of the
    event whose trigger covers the segment, for linking to its explanation; ``labels`` are
    ``{"kind": "actor"|"event", "text"}`` shown after the segment."""
    size = len(text)
    spans: list[tuple[int, int, str, dict[str, Any]]] = []
    for m in mentions:
        if (s := _span(m.get("start"), m.get("end"), size)):
            spans.append((*s, "mention", {"label": m.get("code")}))
    for i, e in enumerate(events):
        if (s := _span(e.get("trigger_start"), e.get("trigger_end"), size)):
            spans.append((*s, "trigger", {"label": e.get("cameo") or e.get("plover"), "event": i}))
    for q in quotes:
        for part in q.get("content") or []:
            if (s := _span(part[0], part[1], size)):
                spans.append((*s, "quote", {"label": None}))
    cuts = sorted({0, size, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [sp for sp in spans if sp[0] <= start and end <= sp[1]]
        kinds = {sp[2] for sp in covering}
        labels = []
        for s, e, kind, info in covering:  # two events of one trigger (a compound) show its code once
            label = {"kind": "actor" if kind == "mention" else "event", "text": info["label"]}
            if e == end and info["label"] and kind != "quote" and label not in labels:
                labels.append(label)
        event = next((info["event"] for s, e, kind, info in covering if kind == "trigger"), None)
        out.append({"text": text[start:end], "mention": "mention" in kinds, "trigger": "trigger" in kinds,
                    "quote": "quote" in kinds, "event": event, "labels": labels})
    return out
