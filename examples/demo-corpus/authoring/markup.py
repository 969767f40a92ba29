"""Inline markup used in the article sources (parsed into plain text plus annotations).

[[surface|L]] or [[surface|L|canon]]   entity, L in P O L M
{{surface|value}} or {{surface|value|type}}   timex
((surface|value|unit)) ((surface|value|unit|approx)) ((surface|value|unit|range|high))  quantity
"""
import re

LABELS = {"P": "PER", "O": "ORG", "L": "LOC", "M": "MISC"}
TOKEN = re.compile(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}|\(\((.+?)\)\)")


def num(s):
    f = float(s)
    return int(f) if f.is_integer() else f


def parse(line, canon_fn):
    """Return plain text and lists of entities, timexes, quantities for one markup line."""
    out, ents, txs, qts = [], [], [], []
    pos = 0
    for m in TOKEN.finditer(line):
        out.append(line[pos:m.start()])
        if m.group(1) is not None:
            parts = m.group(1).split("|")
            surface, lab = parts[0], parts[1]
            key = parts[2] if len(parts) > 2 else None
            ents.append({"text": surface, "label": LABELS[lab],
                         "canonical": canon_fn(surface, key)})
            out.append(surface)
        elif m.group(2) is not None:
            parts = m.group(2).split("|")
            surface, value = parts[0], parts[1]
            typ = parts[2] if len(parts) > 2 else ("duration" if value.startswith("P") else "date")
            txs.append({"text": surface, "value": value, "type": typ})
            out.append(surface)
        else:
            parts = m.group(3).split("|")
            surface, value, unit = parts[0], num(parts[1]), parts[2]
            approx = parts[3] if len(parts) > 3 and parts[3] else None
            high = num(parts[4]) if len(parts) > 4 else None
            qts.append({"text": surface, "value": value, "unit": unit, "approx": approx,
                        "high": high})
            out.append(surface)
        pos = m.end()
    out.append(line[pos:])
    text = "".join(out)
    if any(c in text for c in "[]{}|"):
        raise ValueError(f"stray markup in: {text}")
    if "((" in text or "))" in text:
        raise ValueError(f"stray markup in: {text}")
    return text, ents, txs, qts
