"""The operative part of a deliberation: what the assembly decides, item by item.

Read here (after "Après en avoir délibéré, DÉCIDE :")::

    - D'APPROUVER le versement d'une dotation … pour un montant maximum de 310 000 € ;
    - DE PRÉCISER QUE le versement de la dotation se fera trimestriellement ;

The verb is the infinitive in capitals with its particle ("D'", "DE") and a
trailing "QUE" left out: APPROUVER, PRÉCISER. The amount is the first sum
followed by € or euros ("2024" and "article 65737" are not amounts).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.lexicon import rx as _rx
from extractors.tablegrid import load_patterns
from schemas.text import fold
from extractors.normalise import first_amount_eur
from schemas import Line, Span

# "D'APPROUVER", "DE PRÉCISER QUE", "d’approuver": particle, then the verb.
PARTICLE = re.compile(r"^(?:d['’]\s*|de\s+|d\s+)", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
INFINITIVE = re.compile(r"(?:er|ir|re|oir)$")


@dataclass
class Decision:
    text: str
    span: Span
    spans: list[Span] = field(default_factory=list)

    @property
    def verb(self) -> str | None:
        return verb_of(self.text)

    @property
    def amount_eur(self) -> float | None:
        return first_amount_eur(self.text)


def verb_of(text: str) -> str | None:
    """``"DE PRÉCISER QUE lors du versement…"`` -> ``"PRÉCISER"``; None when no verb leads."""
    rest = PARTICLE.sub("", text.strip(), count=1)
    m = WORD.match(rest)
    if not m:
        return None
    word = m.group(0)
    had_particle = rest != text.strip()
    if INFINITIVE.search(fold(word)) and (had_particle or word.isupper()):
        return word.upper()
    if word.isupper() and len(word) > 2:  # "APPROUVE le budget …" (present tense, as printed)
        return word
    return None


def patterns() -> dict:
    return load_patterns("decisions")


def rx(pattern: str):
    return _rx(pattern)


def _bullet(text: str) -> re.Match | None:
    return rx(patterns()["bullet"]).match(fold(text))


def _ends(text: str) -> bool:
    folded = fold(text).lstrip()
    return any(rx(p).search(folded) for p in patterns()["decision_end"])


def decide_at(lines: list[Line]) -> tuple[int, str] | None:
    """Index of the "DÉCIDE :" line and what follows it on the same line."""
    # "En conséquence, il est proposé au Conseil municipal :" (Montpellier) opens them too
    found = [(i, m) for key in ("decide", "decide_proposed") for i, line in enumerate(lines)
             for m in [rx(patterns()[key]).search(fold(line.text))]
             if m and not fold(line.text).lstrip().startswith(("vu ", "considerant"))]
    if not found:
        return None
    i, m = min(found, key=lambda f: f[0])
    return i, lines[i].text[m.end():].strip()


# "… locaux ; D'ADRESSER une ampliation …": two decisions a PDF joined once their bullets were lost.
JOINED = re.compile(r"(?<=;)\s+(?=(?:D['’]\s*|DE\s+)[A-ZÀ-Ý]{3,})")


def _split_joined(decisions: list[Decision]) -> list[Decision]:
    out = []
    for d in decisions:
        parts = JOINED.split(d.text)
        out += [Decision(part.strip(), d.span, d.spans) for part in parts if part.strip()]
    return out


def read_decisions(lines: list[Line]) -> list[Decision]:
    """The decisions after the "DÉCIDE" line: bullets, continuation lines joined."""
    found = decide_at(lines)
    if found is None:
        return []
    start, tail = found
    out: list[Decision] = []
    if tail:
        out.append(Decision(tail, lines[start].span, [lines[start].span]))
    for line in lines[start + 1:]:
        if _ends(line.text):
            break
        if not _add(out, line):
            break
    return _split_joined(out)


def _add(out: list[Decision], line: Line) -> bool:
    """Add a bullet as a new decision, or a continuation to the last one; False to stop."""
    bullet = _bullet(line.text)
    text = line.text[bullet.end():].strip() if bullet else line.text.strip()
    if bullet and not text:  # a bullet the PDF loader read apart from its text
        return True
    if bullet:
        out.append(Decision(text, line.span, [line.span]))
        return True
    if out and text[:1].islower():  # a wrapped line the loader did not join
        out[-1].text += " " + text
        out[-1].spans.append(line.span)
        return True
    if verb_of(text):  # "APPROUVE le budget …" without a bullet
        out.append(Decision(text, line.span, [line.span]))
        return True
    return not out  # before the first decision, skip; after it, stop
