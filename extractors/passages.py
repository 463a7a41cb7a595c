"""Lines of a deliberation read as labels and passages (extractors/deliberation.py).

A label opens a line ("Étaient présents :", "Secrétaire de séance :", "Présents : 29");
a passage is the run of lines a label, an opening sentence or a list of names takes::

    Étaient présents :                       <- classify: ("lists", "present", 18)
    Mme Émilie MOREAU, M. Philippe ROSSEEL,  <- gather(..., names=True): one Passage,
    M. Luc LESCURE                              offsets kept for provenance
    Date de convocation : 16 novembre 2023   <- a label: the list stops here

Also here: what starts a deliberation (start_kind: "EXTRAIT DU REGISTRE…", "L'an deux
mille…") and the sentences about members (sentence_kind). Patterns: patterns/labels.json
(spaCy token patterns) and patterns/deliberation.json (regexes on folded text).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors import nlp, votes
from extractors.names import fold, patterns, rx
from schemas import Line, Span

BULLET = r"^\s*(?:[-–•*]\s*)?"


# --- passages: lines joined, offsets kept for provenance ----------------------

@dataclass
class Passage:
    """Consecutive lines read as one text (a list the loader did not join)."""

    text: str
    starts: list[tuple[int, Span]]

    @classmethod
    def of(cls, lines: list[Line], first_offset: int = 0) -> "Passage":
        text, starts = "", []
        for n, line in enumerate(lines):
            piece = (line.text[first_offset:] if n == 0 else line.text).strip()
            text += " " if text and piece else ""
            starts.append((len(text), line.span))
            text += piece
        return cls(text, starts)

    def span_at(self, pos: int) -> Span:
        found = self.starts[0][1]
        for start, span in self.starts:
            if start <= pos:
                found = span
        return found

    @property
    def span(self) -> Span:
        span = self.starts[0][1]
        for _, other in self.starts[1:]:
            span = span.merge(other)
        return span


# --- labels -----------------------------------------------------------------

# After a label: "(s)" of "Présent(s)", then the colon (fields also take a dash: "Objet – …").
LABEL_END = {"lists": re.compile(r"^\s*(?:\(s\)|\(e\)s|\))?\s*:\s*"),
             "fields": re.compile(r"^\s*(?:\(s\)|\))?\s*[:–-]\s*")}


def classify(text: str) -> tuple[str, str, int] | None:
    """(kind, field, offset of the value) of a label line; kind is count, lists or fields.

    ``"Étaient absents excusés : …"`` -> ("lists", "absent_excused", 27); list and field
    labels are the token patterns of patterns/labels.json, matched with spaCy.
    """
    if votes.is_count_line(text):
        return "count", "", 0
    first = len(text) - len(re.sub(BULLET, "", text, count=1))
    hit = next((h for h in nlp.find("labels", text) if h[1] == first), None)
    if hit is None:
        return None
    kind, column = hit[0].split(":")
    end = LABEL_END[kind].match(text[hit[2]:])
    return (kind, column, hit[2] + end.end()) if end else None


def _matches(text: str, key: str) -> bool:
    folded = fold(text).strip()
    return any(rx(p).search(folded) for p in patterns()[key])


def start_kind_at(texts: list[str], i: int) -> str | None:
    """start_kind of texts[i], the opening sentence allowed to run onto the next line
    (a PDF line ending "…, dûment convoqué, s'est" before "réuni en session…")."""
    kind = start_kind(texts[i])
    if kind or i + 1 >= len(texts) or not _matches(texts[i], "opening_first_line"):
        return kind
    return "opening" if _matches(texts[i] + " " + texts[i + 1][:80], "opening_start") else None


def start_kind(text: str) -> str | None:
    """`header` ("EXTRAIT DU REGISTRE…", "DÉLIBÉRATION N°…"), `opening` ("L'an deux mille…")."""
    if _matches(text, "header_start"):
        return "header"
    return "opening" if _matches(text, "opening_start") else None


def _stops(text: str) -> bool:
    """A line that does not continue the passage above it."""
    return bool(classify(text) or start_kind(text) or _matches(text, "paragraph_openers")
                or _matches(text, "end_before") or _matches(text, "end_after")
                or sentence_kind(text))


def sentence_kind(text: str) -> str | None:
    """A line that is a sentence about members: `proxy` ("X a donné pouvoir à Y."),
    `secretaire` ("X a été élu secrétaire de séance."), `left` / `arrived` (movements)."""
    folded = fold(text).strip()
    if rx(patterns()["proxy_sentence"]).search(folded):
        return "proxy"
    if rx(patterns()["secretaire_prose"]).search(folded):
        return "secretaire"
    for kind, pattern in patterns()["movement"].items():
        if not kind.startswith("_") and rx(pattern).search(folded):
            return kind
    return None


def is_furniture(text: str) -> bool:
    """A running header or footer left in the body: the prefecture stamp, "Page 2 sur 3"."""
    return _matches(text, "furniture")


def _bulleted_name(text: str) -> bool:
    """``"- M. Paul DURAND"``: one name per bullet, or a wrapped list line starting at a dash."""
    rest = re.sub(BULLET, "", text, count=1)
    return text.lstrip().startswith(("-", "–", "•")) and bool(rest) and not (
        classify(rest) or start_kind(rest) or _matches(rest, "paragraph_openers") or sentence_kind(rest))


def _prose(text: str) -> bool:
    """A sentence, not more names: "M. Paul DURAND a été désigné secrétaire de séance"."""
    return bool(rx(patterns()["prose"]).search(text)
                or rx(patterns()["secretaire_prose"]).search(fold(text)))


def is_title(line: Line) -> bool:
    """A line printed all in bold, in upper and lower case, that is no label: the title of
    the matter after the lists ("Détermination du nombre d'Adjoints au Maire …",
    Montpellier), not one more line of names."""
    text = re.sub(r"\s+", "", line.text)
    return (bool(text) and text == "".join(re.sub(r"\s+", "", b) for b in line.bold)
            and text != text.upper() and not classify(line.text))


def gather(lines: list[Line], i: int, offset: int = 0, sentence: bool = False,
           names: bool = False) -> tuple[Passage, int]:
    """The passage starting at lines[i] (from `offset`) and the index after it.

    A sentence ends at a full stop; a name list at the first line of prose.
    """
    j = i + 1
    while j < len(lines) and not (_stops(lines[j].text) and not (names and _bulleted_name(lines[j].text))):
        if sentence and lines[j - 1].text.rstrip().endswith("."):
            break
        if names and (_prose(lines[j].text) or is_title(lines[j])):
            break
        j += 1
    return Passage.of(lines[i:j], offset), j
