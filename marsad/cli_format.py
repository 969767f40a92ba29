"""Plain-text rendering of API results for the terminal (the CLI's non-JSON output)."""

from __future__ import annotations

import textwrap
from typing import Any


def format_article(data: dict[str, Any]) -> str:
    """A readable view of :func:`marsad.api.show` output."""
    if data.get("status") == "rejected":
        return (f"{data['id']}  REJECTED at stage {data['stage']} ({data.get('code')})\n"
                f"  reason: {data['reason']}\n  source: {data['source']}")
    lines = [
        f"{data['id']}",
        f"  title:     {data.get('title') or '-'}",
        f"  outlet:    {data.get('outlet') or '-'}",
        f"  published: {data.get('published') or '-'} ({data.get('published_how') or '-'})",
        f"  language:  {data.get('language') or '-'}    kind: {data.get('kind')}",
        f"  source:    {data['source']}",
    ]
    if data.get("credits"):
        lines.append(f"  credits:   {', '.join(data['credits'])}")
    if data.get("event"):
        ev = data["event"]
        lines.append(f"  event:     {ev.get('id')} {ev.get('title', '')}")
    lines.append("")
    lines.append(data.get("text", ""))
    for key, label in (("entities", "entities"), ("timexes", "dates"),
                       ("quantities", "quantities")):
        spans = data.get(key) or []
        if spans:
            shown = ", ".join(
                f"{s['text']}→"
                f"{s['attrs'].get('value') or s['attrs'].get('canonical') or s['label']}"
                for s in spans[:30])
            lines += ["", f"{label} ({len(spans)}): " + shown]
    quotes = data.get("quotes") or []
    if quotes:
        lines += ["", f"quotes ({len(quotes)}):"]
        for q in quotes:
            lines.append(f"  - {q.get('speaker') or '?'} ({q.get('verb') or '-'}, "
                         f"{q.get('kind')}): {q['text'][:120]}")
    removed = data.get("removed") or []
    if removed:
        lines += ["", f"removed ({len(removed)} blocks):"]
        for block in removed:
            where = (f"lines {block['first_line']}-{block['last_line']}"
                     if block.get("first_line") else "markup")
            snippet = textwrap.shorten(block["text"], 90, placeholder=" …")
            lines.append(f"  - {where}: {block['reason']}: {snippet}")
    return "\n".join(lines)


def format_status(data: dict[str, Any]) -> str:
    """A readable view of :func:`marsad.api.status` output."""
    lines = [f"pages: {data['total']}  " + "  ".join(f"{k}: {v}"
                                                      for k, v in data["by_status"].items())]
    if data["rejected"]:
        lines.append("rejected by stage and reason:")
        for r in data["rejected"]:
            lines.append(f"  {r['count']:>5}  {r['stage']:<8} {r['code']:<14} e.g. {r['example']}")
    if data.get("by_outlet"):
        lines.append("articles by outlet:")
        for outlet, n in data["by_outlet"].items():
            lines.append(f"  {n:>5}  {outlet or '(unknown)'}")
    for key, label in (("events", "events"), ("storylines", "storylines")):
        if key in data:
            lines.append(f"{label}: {data[key]}")
    if data.get("runs"):
        last = data["runs"][0]
        lines.append(f"last run: #{last['id']} {last['status']} {last['started']} "
                     f"{last.get('counts')}")
    return "\n".join(lines)


def format_figures(figures: dict[str, Any], indent: str = "") -> str:
    """Nested evaluation figures as indented ``name: value`` lines."""
    lines = []
    for key, value in figures.items():
        if isinstance(value, dict):
            lines.append(f"{indent}{key}:")
            lines.append(format_figures(value, indent + "  "))
        elif isinstance(value, list):
            lines.append(f"{indent}{key}: [{len(value)} items]")
        elif isinstance(value, float):
            lines.append(f"{indent}{key}: {value:.4f}")
        else:
            lines.append(f"{indent}{key}: {value}")
    return "\n".join(lines)


def format_explanation(data: dict[str, Any]) -> str:
    """A readable view of :func:`marsad.api.explain` output."""
    lines = [f"{data['article']} is in event {data['event']} ({data.get('event_size')} articles)",
             f"  event: {data.get('event_title', '')}"]
    if data.get("score") is not None:
        lines.append(f"  score: {data['score']:.3f}" + (f" (how: {data['how']})"
                                                         if data.get("how") else ""))
    for key in ("components", "shared", "runner_up"):
        value = data.get(key)
        if not value:
            continue
        lines.append(f"  {key.replace('_', '-')}:")
        if isinstance(value, dict):
            for k, v in value.items():
                shown = ", ".join(map(str, v)) if isinstance(v, list) else (
                    f"{v:.3f}" if isinstance(v, float) else str(v))
                lines.append(f"    {k}: {shown}")
        else:
            lines.append(f"    {value}")
    return "\n".join(lines)


def format_story(data: dict[str, Any]) -> str:
    """A readable view of :func:`marsad.api.story` output."""
    ev = data["event"]
    summary = data.get("summary") or {}
    lines = [f"{ev['id']}  {summary.get('headline') or ev.get('title', '')}",
             f"  date: {ev.get('event_date') or '-'}   place: {ev.get('place') or '-'}", ""]
    for i, sent in enumerate(summary.get("sentences", []), 1):
        cites = ", ".join(sorted({c.get("outlet") or c["article"]
                                  for c in sent.get("citations", [])}))
        lines.append(f"{i}. {sent['text']}  [{cites}]")
    facts = data.get("facts") or []
    if facts:
        lines += ["", "facts:"]
        for fact in facts:
            values = "; ".join(
                f"{v.get('display', v.get('value'))} — "
                + ", ".join(sorted({s.get('outlet') or s['article'] for s in v.get('sources', [])}))
                for v in fact.get("values", []))
            flag = "  CONFLICT" if fact.get("conflict") else ""
            lines.append(f"  {fact.get('name')}: {values}{flag}")
    quotes = data.get("quotes") or []
    if quotes:
        lines += ["", "quotes:"]
        for q in quotes[:15]:
            lines.append(f"  {q.get('speaker') or '?'}: {textwrap.shorten(q['text'], 100)}")
    framing = data.get("framing") or {}
    if framing:
        lines += ["", "framing:"]
        for outlet, view in (framing.items() if isinstance(framing, dict) else []):
            terms = view.get("terms") if isinstance(view, dict) else None
            shown = ", ".join(t.get("term", str(t)) if isinstance(t, dict) else str(t)
                              for t in (terms or []))
            lines.append(f"  {outlet}: {shown or '—'}")
    return "\n".join(lines)
