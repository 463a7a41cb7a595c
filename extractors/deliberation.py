"""Deliberations: where each one is, its sitting, attendance, votes and decisions.

A deliberation starts at "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS", "DÉLIBÉRATION
N°…" or its opening sentence, and ends at the next one, at "Annexe…" or after
the recourse sentence::

    EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS
    Le onze avril deux mille vingt quatre à 20 heures 00, le Conseil communautaire, dûment
    convoqué, s'est réuni en session ordinaire à MURAT, sous la présidence de Monsieur
    Didier ACHALME, Président de Hautes Terres Communauté.
    Étaient présents :
    Didier ACHALME, Djuwan ARMANDET, …
    Présents : 29 – Pouvoirs : 12 – Votants : 41
    Objet : Validation de l'annexe opérationnelle …
    Après en avoir délibéré, DÉCIDE :
    - D'APPROUVER le versement … de 310 000 € ;
    La présente délibération peut faire l'objet d'un recours …

Writes rows of `deliberations`, `attendance`, `proxies` and `decisions`
(schemas/tables.py). Labels and phrasings: extractors/patterns/deliberation.json.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from extractors import votes
from extractors.decisions import read_decisions
from extractors.names import Member, clean_name, find_person, fold, parse_list, patterns, rx
from extractors.normalise import parse_date, parse_time
from schemas import Block, Document, Line, Span, Table

STAGE = "deliberation"
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

@lru_cache(maxsize=None)
def _label_rx(kind: str) -> re.Pattern:
    """``"Étaient présents :"`` / ``"Objet : …"``: a label at line start, then a colon."""
    labels = "|".join(sorted(patterns()[kind], key=len, reverse=True))
    colon = r"\s*(?:\(s\))?\s*:\s*" if kind == "lists" else r"\s*(?:\(s\))?\s*[:–-]\s*"
    return re.compile(rf"{BULLET}({labels}){colon}")


def classify(text: str) -> tuple[str, str, int] | None:
    """(kind, field, offset of the value) of a label line; kind is count, list or field."""
    if votes.is_count_line(text):
        return "count", "", 0
    folded = fold(text)
    for kind in ("lists", "fields"):
        m = _label_rx(kind).match(folded)
        if m:
            label = m.group(1)
            key = next(k for k in patterns()[kind] if re.fullmatch(k, label))
            return kind, patterns()[kind][key], m.end()
    return None


def _matches(text: str, key: str) -> bool:
    folded = fold(text).strip()
    return any(rx(p).search(folded) for p in patterns()[key])


def start_kind(text: str) -> str | None:
    """`header` ("EXTRAIT DU REGISTRE…", "DÉLIBÉRATION N°…"), `opening` ("L'an deux mille…")."""
    if _matches(text, "header_start"):
        return "header"
    return "opening" if _matches(text, "opening_start") else None


def _stops(text: str) -> bool:
    """A line that does not continue the passage above it."""
    return bool(classify(text) or start_kind(text) or _matches(text, "paragraph_openers")
                or _matches(text, "end_before") or _matches(text, "end_after"))


def _prose(text: str) -> bool:
    """A sentence, not more names: "M. Paul DURAND a été désigné secrétaire de séance"."""
    return bool(rx(patterns()["prose"]).search(text)
                or rx(patterns()["secretaire_prose"]).search(fold(text)))


def gather(lines: list[Line], i: int, offset: int = 0, sentence: bool = False,
           names: bool = False) -> tuple[Passage, int]:
    """The passage starting at lines[i] (from `offset`) and the index after it.

    A sentence ends at a full stop; a name list at the first line of prose.
    """
    j = i + 1
    while j < len(lines) and not _stops(lines[j].text):
        if sentence and lines[j - 1].text.rstrip().endswith("."):
            break
        if names and _prose(lines[j].text):
            break
        j += 1
    return Passage.of(lines[i:j], offset), j


# --- segmentation -------------------------------------------------------------

@dataclass
class _Open:
    start: int
    opening: bool
    labels: bool = False


def segments(doc: Document) -> list[tuple[int, int]]:
    """(start, end) item indices of each deliberation, in document order."""
    out: list[tuple[int, int]] = []
    cur: _Open | None = None
    for i, item in enumerate(doc.items):
        if not isinstance(item, Line):
            continue
        kind = start_kind(item.text)
        if kind and cur and not cur.opening and not cur.labels:
            cur.opening = kind == "opening"  # "EXTRAIT…" then "Le onze avril…": one deliberation
        elif kind:
            if cur:
                out.append((cur.start, i))
            cur = _Open(i, kind == "opening")
        elif cur and _matches(item.text, "end_before"):
            out.append((cur.start, i))
            cur = None
        elif cur and _matches(item.text, "end_after"):
            out.append((cur.start, i + 1))
            cur = None
        elif cur and classify(item.text):
            cur.labels = True
    if cur:
        out.append((cur.start, len(doc.items)))
    return out


# --- one deliberation -----------------------------------------------------------

@dataclass
class Parsed:
    """What one deliberation says; `prov` maps a column to the span it was read from."""

    values: dict[str, Any] = field(default_factory=dict)
    prov: dict[str, Span] = field(default_factory=dict)
    lists: list[tuple[str, Passage, list[Member]]] = field(default_factory=list)

    def set(self, column: str, value: Any, span: Span) -> None:
        if value is not None and self.values.get(column) is None:
            self.values[column] = value
            self.prov[column] = span


def read_opening(p: Parsed, passage: Passage) -> None:
    """The sitting's date, time, place, assembly, president and body from the opening sentence."""
    text, folded, span = passage.text, fold(passage.text), passage.span
    cut = rx(patterns()["opening"]["cut_for_date"]).search(folded)
    p.set("session_date", parse_date(text[:cut.start()] if cut else text), span)
    p.set("session_time", parse_time(text[:cut.start()] if cut else text), span)
    for column in ("organe", "president", "collectivite", "lieu", "convocation"):
        m = rx(patterns()["opening"][column]).search(folded)
        if not m:
            continue
        value = text[m.start(1):m.end(1)].strip()
        if column == "organe":
            value = value[:1].upper() + value[1:].lower()
        elif column == "president":
            value = clean_name(value)
        elif column == "convocation":
            column, value = "convocation_date", parse_date(value)
        p.set(column, value or None, span)


def read_field(p: Parsed, column: str, passage: Passage) -> None:
    """``"Date de convocation : 04 avril 2024"``, ``"Secrétaire de séance : Djuwan ARMANDET"``."""
    value = passage.text.strip()
    if column == "convocation_date":
        p.set(column, parse_date(value), passage.span)
    elif column == "secretaire":
        p.set(column, clean_name(value) or None, passage.span)
    else:
        p.set(column, value.rstrip(" ;") or None, passage.span)


def read_header(lines: list[Line]) -> Parsed:
    """Walk the lines: opening sentence, labelled fields, name lists and counts."""
    p, i = Parsed(), 0
    while i < len(lines):
        line = lines[i]
        label = classify(line.text)
        if label and label[0] == "count":
            for column, value in votes.read_counts(line.text).items():
                p.set(column, value, line.span)
            i += 1
        elif label:
            kind, column, offset = label
            passage, i = gather(lines, i, offset, sentence=column == "objet", names=kind == "lists")
            if kind == "lists":
                p.lists.append((column, passage, parse_list(passage.text)))
            else:
                read_field(p, column, passage)
        elif start_kind(line.text) == "opening" and "session_date" not in p.values:
            passage, i = gather(lines, i, sentence=True)
            read_opening(p, passage)
        else:
            _read_loose(p, line)
            i += 1
    return p


def _read_loose(p: Parsed, line: Line) -> None:
    """An unlabelled line: the act number of a header, a secretary in prose."""
    folded = fold(line.text)
    if start_kind(line.text) == "header":
        m = rx(patterns()["numero"]).search(folded)
        if m:
            p.set("numero", line.text[m.start(1):m.end(1)].upper(), line.span)
    m = rx(patterns()["secretaire_prose"]).search(folded)
    if m:
        p.set("secretaire", clean_name(line.text[m.start(1):m.end(1)]), line.span)


def read_votes(p: Parsed, lines: list[Line]) -> None:
    """Vote prose, unanimity, the stated result and quorum, anywhere in the deliberation."""
    unanimous: Span | None = None
    for line in lines:
        if votes.skip_for_votes(line.text):
            continue
        for column, value in votes.read_vote_prose(line.text).items():
            p.set(column, value, line.span)
        if unanimous is None and votes.says_unanimous(line.text):
            unanimous = line.span
        p.set("resultat", votes.read_result(line.text), line.span)
        if votes.says_sans_quorum(line.text):
            p.set("sans_quorum", True, line.span)
    if unanimous:
        p.set("unanimite", True, unanimous)
        counts = {k: p.values[k] for k in ("votants", "pour", "contre", "abstentions") if k in p.values}
        for column, value in votes.complete_unanimous(counts).items():
            p.set(column, value, unanimous)


def read_stamp(p: Parsed, doc: Document, lines: list[Line], pages: tuple[int, int]) -> None:
    """``ID : 015-200066637-20240411-2024CC052-DE``: acte_id, siren and, failing a printed one, numero."""
    furniture = [ln for ln in doc.furniture if pages[0] <= ln.span.page <= pages[1]]
    pattern = rx(patterns()["stamp_id"])
    for line in furniture + lines + doc.furniture:
        m = pattern.search(line.text)
        if m:
            p.set("acte_id", m.group(1), line.span)
            p.set("siren", m.group(2), line.span)
            p.set("numero", m.group(4), line.span)
            return


# --- rows -------------------------------------------------------------------------

def _pages(doc: Document, start: int, end: int) -> tuple[int, int]:
    pages = []
    for item in doc.items[start:end]:
        if isinstance(item, Table):
            pages += [r.span.page for r in item.rows]
        else:
            pages.append(item.span.page)
    return min(pages), max(pages)


def attendance(p: Parsed) -> tuple[list[dict], list[dict]]:
    """Attendance and proxy rows (without seq) from the name lists."""
    people: list[dict] = []
    proxies: list[dict] = []
    for kind, passage, members in p.lists:
        for m in members:
            span = passage.span_at(m.start)
            if kind != "proxies" or not m.holder:
                _person(people, m.name, span, kind, m)
            if m.holder:
                _proxy(proxies, people, m, span)
    return people, proxies


def _person(people: list[dict], name: str, span: Span, kind: str, m: Member | None = None) -> dict:
    """Add (or find) one attendance row; names are compared tolerantly."""
    found = find_person(name, [r["name"] for r in people])
    if found is not None:
        return people[found]
    row = {"name": name, "status": "present" if kind == "present" else "absent",
           "excused": True if kind == "absent_excused" else None, "proxy_holder": None,
           "substitute_for": m.substitute_for if m else None, "page": span.page,
           "_prov": {"name": span}}
    people.append(row)
    return row


def _proxy(proxies: list[dict], people: list[dict], m: Member, span: Span) -> None:
    """A proxy row, and its giver marked absent with the holder (added if not listed)."""
    if find_person(m.name, [r["giver"] for r in proxies]) is None:
        proxies.append({"giver": m.name, "holder": m.holder, "page": span.page,
                        "_prov": {"giver": span, "holder": span}})
    person = _person(people, m.name, span, "absent")
    if person["status"] == "absent" and not person["proxy_holder"]:
        person["proxy_holder"] = m.holder
        person["_prov"]["proxy_holder"] = span


def _derived_counts(p: Parsed, people: list[dict], proxies: list[dict]) -> None:
    """absents and pouvoirs "as listed" when the document does not state them."""
    kinds = {kind for kind, _, _ in p.lists}
    if kinds & {"absent", "absent_excused"}:
        absent = [r for r in people if r["status"] == "absent"]
        p.set("absents", len(absent), next(ps.span for k, ps, _ in p.lists if k.startswith("absent")))
    if proxies:
        p.set("pouvoirs", len(proxies), proxies[0]["_prov"]["giver"])


COUNT_COLUMNS = ("membres_en_exercice", "presents", "absents", "pouvoirs", "votants",
                 "pour", "contre", "abstentions", "non_votants")


def deliberation_row(seq: int, p: Parsed, pages: tuple[int, int]) -> dict:
    v = p.values
    row = {"doc_id": None, "seq": seq}
    for column in ("collectivite", "organe", "numero", "acte_id", "siren", "session_date",
                   "session_time", "lieu", "president", "convocation_date", "secretaire", "objet",
                   *COUNT_COLUMNS, "unanimite", "resultat"):
        row[column] = v.get(column)
    row["sans_quorum"] = bool(v.get("sans_quorum"))
    row["page_start"], row["page_end"] = pages
    row["_prov"] = {k: s for k, s in p.prov.items() if k in row}
    return row


def _has_content(p: Parsed, decisions: list) -> bool:
    """A start marker alone (a title quoting "Délibération n°…") is not a deliberation."""
    return bool(p.lists or decisions or "session_date" in p.values
                or any(c in p.values for c in COUNT_COLUMNS))


def extract(doc: Document) -> Document:
    """Add one Block and rows in deliberations/attendance/proxies/decisions per deliberation."""
    seq = 0
    for start, end in segments(doc):
        lines = list(doc.lines(start, end))
        try:
            p = read_header(lines)
            decisions = read_decisions(lines)
        except Exception as exc:  # a bug on odd content must not lose the document
            doc.error(STAGE, f"deliberation at item {start}: {exc!r}", lines[0].span)
            continue
        if not _has_content(p, decisions):
            continue
        seq += 1
        _emit(doc, seq, p, decisions, lines, _pages(doc, start, end))
        doc.blocks.append(Block("deliberation", start, end, f"seq={seq}"))
    return doc


def _emit(doc: Document, seq: int, p: Parsed, decisions: list, lines: list[Line],
          pages: tuple[int, int]) -> None:
    read_votes(p, lines)
    read_stamp(p, doc, lines, pages)
    people, proxies = attendance(p)
    _derived_counts(p, people, proxies)
    doc.add("deliberations", deliberation_row(seq, p, pages) | {"doc_id": doc.doc_id})
    for row in people:
        doc.add("attendance", {"doc_id": doc.doc_id, "seq": seq, **row})
    for row in proxies:
        doc.add("proxies", {"doc_id": doc.doc_id, "seq": seq, **row})
    for item, d in enumerate(decisions, 1):
        span = d.spans[0] if len(d.spans) == 1 else Passage("", [(0, s) for s in d.spans]).span
        doc.add("decisions", {"doc_id": doc.doc_id, "seq": seq, "item": item, "verb": d.verb,
                              "text": d.text, "amount_eur": d.amount_eur, "page": d.span.page,
                              "_prov": {"verb": span, "text": span}
                              | ({"amount_eur": span} if d.amount_eur is not None else {})})
    if p.values.get("session_date") is None:
        doc.error(STAGE, f"deliberation {seq}: no sitting date found", lines[0].span)
