"""Helpers for the article source files."""


def P(block):
    """Split a body block into items: '## ' crosshead, '!! ' non-body line, else paragraph."""
    out = []
    for line in block.strip("\n").split("\n"):
        line = line.strip()
        if not line:
            continue
        if line.startswith("## "):
            out.append(("h", line[3:]))
        elif line.startswith("!! "):
            out.append(("cap", line[3:]))
        else:
            out.append(line)
    return out


def Q(speaker, text, kind, verb):
    """A quote: canonical speaker (or None), first words of the quote, kind, verb as written."""
    return (speaker, text, kind, verb)
