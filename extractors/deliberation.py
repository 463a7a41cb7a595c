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

Also read: counts on one line, in a ruled table or in a sentence; dates in words or
digits ("Séance du 1er mars 2024 à 20h30"); names as "NOM Prénom", "M. NOM", "MM. A, B
et C"; proxies in brackets, in sentences ("X a donné pouvoir à Y."), "représenté(e)
par"; several deliberations in one file, a register's session header shared by the
deliberations after it, members leaving ("M. X quitte la séance et donne pouvoir à
Mme Y"), a register extract whose opening begins "Convoqué le lundi 31 mars 2014, le
Conseil Municipal … s'est réuni" and whose object is the bold title above "Philippe
SAUREL rapporte :" (Montpellier). Items already claimed by a "deliberation" Block (extractors/minutes.py) are
skipped.

Writes rows of `deliberations`, `attendance`, `proxies` and `decisions`
(schemas/tables.py). Patterns, as data: extractors/patterns/labels.json (list and
field labels), civilities.json and proxy_phrases.json (spaCy token patterns, see
extractors/nlp.py), deliberation.json (counts, votes, openings, stamp: regexes on
folded text). Labels and passages (classify, gather, start_kind) are read by
extractors/passages.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from extractors import nlp, votes
from extractors.decisions import read_decisions
from extractors.names import Member, clean_name, find_person, fold, parse_list, patterns, rx
from extractors.normalise import parse_date, parse_time
from extractors.passages import (Passage, _matches, classify, gather, is_furniture, is_title,
                                 sentence_kind, start_kind, start_kind_at)
from schemas import Block, Document, Line, Span, Table

STAGE = "deliberation"


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
    texts = [it.text if isinstance(it, Line) else "" for it in doc.items]
    for i, item in enumerate(doc.items):
        if not isinstance(item, Line):
            continue
        kind = start_kind_at(texts, i)
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
    conv = rx(patterns()["opening"]["convocation"]).search(folded)
    sitting = day_digits(text[:conv.start()] + text[conv.end():] if conv else text)  # "convoqué le 5 décembre"
    p.set("session_date", parse_date(sitting), span)
    p.set("session_time", parse_time(sitting), span)
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


def day_digits(text: str) -> str:
    """``"le deux avril"`` -> ``"le 2 avril"`` (text2num leaves un and deux as words)."""
    day = patterns()["day_words"]
    folded = fold(text)
    out, last = [], 0
    for m in rx(day["pattern"]).finditer(folded):
        out += [text[last:m.start()], str(day["values"][m.group(1)])]
        last = m.end()
    return "".join(out) + text[last:]


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
    p, i, opened = Parsed(), 0, False
    while i < len(lines):
        line = lines[i]
        label = classify(line.text)
        if label and label[0] == "count":
            for column, value in votes.read_counts(line.text).items():
                p.set(column, value, line.span)
            i += 1
        elif label:
            kind, column, offset = label
            if kind == "fields" and column != "objet":  # one line: "Secrétaire de séance : X"
                passage, i = Passage.of([line], offset), i + 1
            else:
                passage, i = gather(lines, i, offset, sentence=column == "objet", names=kind == "lists")
            if kind == "lists":
                p.lists.append((column, passage, parse_list(passage.text)))
            else:
                read_field(p, column, passage)
        elif opened and "objet" not in p.values and is_title(line) and _title_end(lines, i):
            j = _title_end(lines, i)
            p.set("objet", Passage.of(lines[i:j]).text, Passage.of(lines[i:j]).span)
            i = j
        elif not opened and start_kind_at([ln.text for ln in lines], i) == "opening":
            passage, i = gather(lines, i, sentence=True)
            read_opening(p, passage)
            opened = True
        else:
            _read_loose(p, line)
            i += 1
    return p


def _title_end(lines: list[Line], i: int) -> int | None:
    """Index of the "Monsieur le Maire, Philippe Saurel, rapporte :" line that follows the
    bold title lines from lines[i] (the object, printed without "Objet :"), else None."""
    j = i
    while j < len(lines) and is_title(lines[j]):
        j += 1
    return j if j < len(lines) and _matches(lines[j].text, "rapporteur_line") else None


def _read_loose(p: Parsed, line: Line) -> None:
    """An unlabelled line: the act number of a header, "Séance du 1er mars 2024 à 20h30",
    a secretary, a proxy or a movement in prose, counts inside a sentence."""
    folded = fold(line.text)
    if start_kind(line.text) == "header":
        m = rx(patterns()["numero"]).search(folded)
        if m:
            p.set("numero", line.text[m.start(1):m.end(1)].upper(), line.span)
    m = rx(patterns()["numero_line"]).search(folded.strip())
    if m:
        p.set("numero", re.sub(r"\s+", "", m.group(1)), line.span)
    if rx(patterns()["seance_line"]).search(folded.strip()):
        p.set("session_date", parse_date(line.text), line.span)
        p.set("session_time", parse_time(line.text), line.span)
    kind = sentence_kind(line.text)
    if kind == "secretaire":
        m = rx(patterns()["secretaire_prose"]).search(folded.strip())
        p.set("secretaire", clean_name(line.text.strip()[m.start(1):m.end(1)]), line.span)
    elif kind == "proxy":
        passage = Passage.of([line])
        p.lists.append(("proxies", passage, parse_list(passage.text.rstrip(". "))))
    elif kind in ("left", "arrived"):
        _read_movement(p, line, kind)
    elif rx(patterns()["count_prose_line"]).search(folded):
        for column, value in votes.read_count_prose(line.text).items():
            p.set(column, value, line.span)
    else:
        _read_prose_role(p, line)


def _read_prose_role(p: Parsed, line: Line) -> None:
    """"Madame X est désignée pour remplir les fonctions de secrétaire de séance", "La
    présidence de la séance est assurée par Mme Y": the person fr_core_news_sm finds."""
    folded = fold(line.text)
    for column, pattern in patterns()["prose_roles"].items():
        if column.startswith("_") or column in p.values or not rx(pattern).search(folded):
            continue
        people = nlp.person_names(line.text)
        if people:
            p.set(column, clean_name(people[0][0]) or None, line.span)


def _read_movement(p: Parsed, line: Line, kind: str) -> None:
    """``"M. X quitte la séance et donne pouvoir à Mme Y."``: X absent from here on, Y holds."""
    text = line.text.strip()
    m = rx(patterns()["movement"][kind]).search(fold(text))
    name = clean_name(text[m.start(1):m.end(1)])
    holder = clean_name(text[m.start(2):m.end(2)]) if kind == "left" and m.group(2) else None
    p.lists.append((kind, Passage.of([line]), [Member(name, 0, len(text), holder, None)]))


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


def read_stamp(p: Parsed, doc: Document, lines: list[Line], pages: tuple[int, int],
               outside: list[Line]) -> None:
    """``ID : 015-200066637-20240411-2024CC052-DE``: acte_id, siren and, failing a printed one, numero.

    Looked for in the deliberation's own lines, then in the running headers of its
    pages, then in stamp lines of its pages that belong to no deliberation (a text
    extraction prints the page header above "EXTRAIT…"), then in a document with one
    stamp only. A stamp OCR could not read (``ID : [?]``) may be another id: with one,
    the document is not known to have one stamp only, and the id stays empty.
    """
    on_pages = [ln for ln in doc.furniture + outside if pages[0] <= ln.span.page <= pages[1]]
    pattern, unread = rx(patterns()["stamp_id"]), rx(patterns()["stamp_unread"])
    stamps = doc.furniture + outside
    ids = {m.group(1) for ln in stamps for m in [pattern.search(ln.text)] if m}
    one_stamp = len(ids) == 1 and not any(unread.search(ln.text) for ln in [*stamps, *doc.lines()])
    for line in lines + on_pages + (stamps if one_stamp else []):
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
            if kind in ("left", "arrived"):
                _move(people, proxies, m, span, kind)
                continue
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
           "excused": EXCUSED.get(kind), "proxy_holder": None,
           "substitute_for": m.substitute_for if m else None, "page": span.page,
           "_prov": {"name": span}}
    people.append(row)
    return row


EXCUSED = {"absent_excused": True, "absent_unexcused": False}


def _move(people: list[dict], proxies: list[dict], m: Member, span: Span, kind: str) -> None:
    """A member leaving (absent from now on, maybe with a proxy) or arriving (present)."""
    person = _person(people, m.name, span, "present" if kind == "arrived" else "absent")
    if kind == "arrived":
        person.update(status="present", excused=None, proxy_holder=None)
        proxies[:] = [r for r in proxies if find_person(m.name, [r["giver"]]) is None]
        return
    person.update(status="absent", excused=None)
    if m.holder:
        _proxy(proxies, people, m, span)


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
    absent = [r for r in people if r["status"] == "absent"]
    if absent:
        p.set("absents", len(absent), absent[0]["_prov"]["name"])
    givers = [(r["giver"], r["_prov"]["giver"]) for r in proxies]
    for kind, passage, members in p.lists:  # "Absents ayant voté par procuration : X, Y"
        givers += [(m.name, passage.span_at(m.start)) for m in members
                   if kind == "proxies" and not m.holder]
    if givers:
        p.set("pouvoirs", len({g for g, _ in givers}), givers[0][1])


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


def body_lines(doc: Document, start: int, end: int) -> tuple[list[Line], list[Line]]:
    """(lines to read, furniture lines) of items[start:end].

    A running header or page number left in the body ("Page 1 sur 2" in the middle of
    a list, the stamp of a text extraction) is set aside; a ruled table of counts
    ("En exercice | Présents | Votants" over "19 | 14 | 16") becomes the count line
    it stands for.
    """
    lines, furniture = [], []
    for item in doc.items[start:end]:
        if isinstance(item, Table):
            lines += votes.count_table_lines(item)
        elif is_furniture(item.text):
            furniture.append(item)
        else:
            lines.append(item)
    return lines, furniture


def _claimed(doc: Document) -> list[tuple[int, int]]:
    """Item ranges another extractor (extractors/minutes.py) already read as deliberations."""
    return [(b.start, b.end) for b in doc.blocks if b.kind == "deliberation"]


def extract(doc: Document) -> Document:
    """Add one Block and rows in deliberations/attendance/proxies/decisions per deliberation.

    A segment with the sitting and its lists but no object nor vote is a register's
    session header: the deliberations after it inherit its sitting and attendance.
    """
    nlp.blank()  # the tokeniser is built once per process, here in the workers' warm-up
    claimed = _claimed(doc)
    seq = max((r.get("seq") or 0 for r in doc.records.get("deliberations", [])), default=0)
    found = [(a, b) for a, b in segments(doc) if not any(a < e and s < b for s, e in claimed)]
    parts = [(start, end, *body_lines(doc, start, end)) for start, end in found]
    outside = _outside_lines(doc, found)
    for _, _, lines, furniture in parts:  # a page header printed just before the next one
        outside += [f for f in furniture if lines and f.span.page > lines[-1].span.page]
    session: Parsed | None = None
    for start, end, lines, furniture in parts:
        if not lines:
            continue
        try:
            p = read_header(lines)
            decisions = read_decisions(lines)
        except Exception as exc:  # a bug on odd content must not lose the document
            doc.error(STAGE, f"deliberation at item {start}: {exc!r}", lines[0].span)
            continue
        if not _has_content(p, decisions):
            continue
        if _is_session_header(p, decisions, lines):
            session = p
            continue
        if session is not None:
            inherit(p, session)
        seq += 1
        _emit(doc, seq, p, decisions, lines, _pages(doc, start, end), furniture + outside)
        doc.blocks.append(Block("deliberation", start, end, f"seq={seq}"))
    return doc


def _outside_lines(doc: Document, found: list[tuple[int, int]]) -> list[Line]:
    """Stamp and page lines of the body that lie in no deliberation."""
    inside = {i for a, b in found for i in range(a, b)}
    return [it for i, it in enumerate(doc.items)
            if i not in inside and isinstance(it, Line) and is_furniture(it.text)]


def _is_session_header(p: Parsed, decisions: list, lines: list[Line]) -> bool:
    """The sitting and who sat, but no object, decision or vote of its own."""
    votes_read = any(c in p.values for c in ("pour", "contre", "abstentions", "votants"))
    return not decisions and "objet" not in p.values and not votes_read and bool(p.lists)


SESSION_COLUMNS = ("collectivite", "organe", "session_date", "session_time", "lieu", "president",
                   "convocation_date", "secretaire", "sans_quorum", "membres_en_exercice")


def inherit(p: Parsed, session: Parsed) -> None:
    """A register's deliberation takes the sitting and lists of the session header; its own
    movements ("M. X quitte la séance…") are kept for the deliberations after it too."""
    for column in SESSION_COLUMNS:
        if column in session.values:
            p.set(column, session.values[column], session.prov[column])
    own = [entry for entry in p.lists if entry[0] in ("left", "arrived")]
    if len(own) == len(p.lists):
        p.lists = list(session.lists) + own
        session.lists = session.lists + own


def _emit(doc: Document, seq: int, p: Parsed, decisions: list, lines: list[Line],
          pages: tuple[int, int], outside: list[Line]) -> None:
    read_votes(p, lines)
    read_stamp(p, doc, lines, pages, outside)
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
