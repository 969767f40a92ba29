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
                f"{s['text']}→{s['attrs'].get('value') or s['attrs'].get('canonical') or s['label']}"
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
