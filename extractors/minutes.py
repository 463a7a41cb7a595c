"""Whole-session minutes (procès-verbaux): one attendance header, then numbered items.

Read here (extractors/patterns/minutes.json holds the phrasings)::

    Nombre de Conseillers en exercice : 19 / Présents : 16 / Votants : 19 / Procuration : 3
    Convocation : 05 mai 2014
    L'an deux mil quatorze, le treize mai, à dix neuf heures trente, … sous la présidence
    de Monsieur Georges LECLEVE, Maire.
    Présents: M. Georges LECLEVE, Maire / M. MMES Virginie PORCHER, …, Adjoints
    Absents excusés : M. Michel GRAVOUIL, Adjoint, pouvoir donné à M. Georges LECLEVE
    A été élu secrétaire de séance : M. Romain RUNGOAT
    - DE-2014/47 – Délégations de pouvoirs « Marchés publics » : Information
    Accusé de réception en préfecture 044-214400400-20140513-D2014-47-DE
    - DE-2014/48 – Constitution de la nouvelle commission communale des impôts directs
    … décide à l'unanimité des membres présents …
    Questions 1 et 2 : 29 présents / 3 procurations 32 votants
    Question 3 à la fin : Arrivée de Monsieur Jean-Yves CALLAC

Each item becomes its own `deliberations` row (seq = its order) with the session's
header values, its own number, object, stamp, vote, and its own attendance: members who
leave or arrive during the session change the counts from one item to the next.

This runs before extractors/deliberation.py and records a `Block("deliberation", …)`
for every range it claims (the header included), so that one skips them. A document
with fewer than two numbered items is left to extractors/deliberation.py.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from extractors import votes
from extractors.names import clean_name, find_person, fold, parse_entry, patterns, rx
from extractors.normalise import parse_date, parse_time
from schemas import Block, Document, Line, Span, Table

STAGE = "minutes"
MIN_ITEMS = 2


def pat(key: str):
    return patterns("minutes")[key]


def _search(key: str, text: str) -> re.Match | None:
    """The first pattern of `key` (a string or a list) found in the folded text."""
    folded = fold(text).strip()
    for p in ([pat(key)] if isinstance(pat(key), str) else pat(key)):
        m = rx(p).search(folded)
        if m:
            return m
    return None


def _orig(text: str, m: re.Match, group: int | str = 1) -> str:
    """The original (accented) text of a group matched on the folded, stripped text."""
    offset = len(text) - len(text.lstrip())
    return text[offset + m.start(group):offset + m.end(group)].strip()


# --- text units: lines, and tables seen as lines --------------------------------

@dataclass
class Unit:
    """One line of text with the index of the document item it belongs to."""

    index: int
    text: str
    span: Span
    line: Line | None = None


def units(doc: Document) -> list[Unit]:
    """Every body line; a table contributes one unit per non-empty cell (item titles
    and prefecture stamps are often drawn in table cells)."""
    out = []
    for i, item in enumerate(doc.items):
        if isinstance(item, Line):
            out.append(Unit(i, _clean(item.text), item.span, item))
        elif isinstance(item, Table):
            out += [Unit(i, _clean(c.text), c.span) for r in item.rows for c in r.cells if _clean(c.text)]
    return out


def _clean(text: str) -> str:
    """Symbol-font glyphs (private use, U+F020 is a space) are not text: "Procuration : 3\uf020"."""
    return re.sub(r"[\uf000-\uf8ff]", " ", text).strip()


# --- items ------------------------------------------------------------------------

@dataclass
class Item:
    unit: int  # index in the units list
    number: str
    title: str
    span: Span

    @property
    def key(self) -> int | None:
        """The number that orders items: 2014/47 -> 47, IV -> 4, 12 -> 12."""
        last = re.split(r"[/\s]", self.number)[-1]
        if last.isdigit():
            return int(last)
        values = {"i": 1, "v": 5, "x": 10}
        total = 0
        for a, b in zip(last.lower(), last.lower()[1:] + " "):
            total += -values[a] if values.get(b, 0) > values[a] else values[a]
        return total


def _item_at(u: Unit) -> Item | None:
    folded = fold(u.text).strip()
    for p in pat("item_start"):
        m = rx(p).match(folded)
        if m:
            number = re.sub(r"\s+", "", _orig(u.text, m, "num")).upper()
            offset = len(u.text) - len(u.text.lstrip())
            return Item(-1, number, _title(u, offset + m.start("title")), u.span)
    return None


def _title(u: Unit, start: int) -> str:
    """The title alone: a PDF paragraph joins it with the text below, but the title is
    bold ("DE-2014/47 – Délégations … : Information" then "Conformément à …"). Bold runs
    may lack the spaces the PDF does not draw, so characters are counted without spaces."""
    text = u.text
    bold = "".join("".join(u.line.bold).split()) if u.line is not None else ""
    first = text.find(bold[:6]) if bold else -1
    if len(bold) > 8 and first >= 0:
        count, cut = 0, len(text)
        for i in range(first, len(text)):
            count += not text[i].isspace()
            if count >= len(bold):
                cut = i + 1
                break
        text = text[:cut]
    title = text[start:]
    m = rx(pat("title_cut")).search(fold(title))
    return (title[:m.start()] if m else title).strip(" :–-\uf020")


def find_items(us: list[Unit]) -> list[Item]:
    """Numbered items; of the runs of consecutive numbers, the one spread over the most
    text (an agenda lists the same numbers on adjacent lines)."""
    runs: list[list[Item]] = []
    for k, u in enumerate(us):
        item = _item_at(u)
        if item is None:
            continue
        item.unit = k
        for run in runs:
            if run[-1].key is not None and item.key == run[-1].key + 1:
                run.append(item)
                break
        else:
            runs.append([item])
    # a lone item counts only when numbered like an act ("DE-2011/67 – …")
    runs = [r for r in runs if len(r) >= MIN_ITEMS or "/" in r[0].number]
    return max(runs, key=lambda r: (r[-1].unit - r[0].unit, len(r)), default=[])


# --- session header -------------------------------------------------------------

@dataclass
class Session:
    values: dict[str, Any] = field(default_factory=dict)
    prov: dict[str, Span] = field(default_factory=dict)
    people: list[dict] = field(default_factory=list)
    ranges: list[dict] = field(default_factory=list)  # {first, last, counts, moves}

    def set(self, column: str, value: Any, span: Span) -> None:
        if value is not None and self.values.get(column) is None:
            self.values[column] = value
            self.prov[column] = span


def read_session(us: list[Unit]) -> Session:
    s, k = Session(), 0
    while k < len(us):
        k = _read_unit(s, us, k)
    return s


def _read_unit(s: Session, us: list[Unit], k: int) -> int:
    """Read us[k] (and the lines it needs after it); the index of the next unit."""
    u = us[k]
    text, span = u.text, u.span
    label = _list_label(text)
    if label and not re.match(r"^\s*\d+\s*$", text[label[1]:]):  # "Présents : 16" is a count
        return _read_list(s, us, k, *label)
    m = _search("range", text)
    if m:
        return _read_range(s, us, k, m)
    if _search("opening", text):
        folded = fold(text)
        cut = rx(pat("opening_cut")).search(folded)
        head = text[:cut.start()] if cut else text
        s.set("session_date", parse_date(head), span)
        s.set("session_time", parse_time(head), span)
    elif _search("title_date", text) and "session_date" not in s.values:
        s.set("session_date", parse_date(text), span)
        s.set("session_time", parse_time(text), span)
    m = _search("president", text)
    if m:
        s.set("president", clean_name(_orig(text, m)) or None, span)
    m = _search("convocation", text)
    if m:
        value = _orig(text, m) or (us[k + 1].text if k + 1 < len(us) else "")
        s.set("convocation_date", parse_date(value), span)
    m = _search("secretaire", text)
    if m:
        s.set("secretaire", clean_name(_orig(text, m).strip("\uf020 ")) or None, span)
    m = _search("count_label", text)  # "Procuration : 3" (singular)
    if m:
        s.set("pouvoirs", int(m.group(1)), span)
    for column, value in {**votes.read_counts(text), **_counts_after(text)}.items():
        s.set(column, value, span)
    if "session_time" not in s.values and re.search(r"\d\s*h", fold(text)) and len(text) < 30:
        s.set("session_time", parse_time(text), span)  # "à 18 H 00" on its own line
    return k + 1


def _counts_after(text: str) -> dict[str, int]:
    """``"Soit 31 présents"``, ``"2 procurations 33 votants"``: the number before the label."""
    out = {}
    for label, column in pat("counts_after").items():
        m = re.search(rf"(\d+)\s+(?:{label})\b", fold(text))
        if m:
            out[column] = int(m.group(1))
    return out


# --- attendance lists -------------------------------------------------------------

def _list_label(text: str) -> tuple[str, int] | None:
    """(kind, offset of the value) when `text` starts a name list ("Présents :")."""
    folded = fold(text)
    for label, kind in sorted(pat("lists").items(), key=lambda kv: -len(kv[0])):
        m = re.match(rf"^\s*(?:[-+]\s*)?(?:{label})\s*:\s*", folded)
        if m:
            return kind, m.end()
    return None


def _names_line(text: str) -> bool:
    """A line that goes on listing names (capitalised words), not a sentence."""
    folded = fold(text).strip()
    if not folded or _list_label(text) or any(rx(p).search(folded) for p in pat("list_stop")):
        return False
    words = re.sub(r"\(.*?\)", " ", text).split()  # "(procuration à Paul LE BIHAN)"
    upper = [w for w in words if w[:1].isupper()]
    return bool(words) and len(upper) >= 0.4 * len(words)


def _read_list(s: Session, us: list[Unit], k: int, kind: str, offset: int) -> int:
    """A list label, its value on the same line and the name lines below it."""
    pieces = [(us[k].text[offset:], us[k].span)]
    j = k + 1
    while j < len(us) and _names_line(us[j].text):
        pieces.append((us[j].text, us[j].span))
        j += 1
    for text, span in pieces:
        rest = _split_label(text)
        for entry in entries(rest[0]):
            _add_member(s.people, entry, kind, span)
        if rest[1]:  # "… Conseillers municipaux Absents excusés : …" on one line
            kind = rest[1]
            for entry in entries(rest[2]):
                _add_member(s.people, entry, kind, span)
    return j


def _split_label(text: str) -> tuple[str, str | None, str]:
    """A second list label inside the line: (before, its kind, after)."""
    folded = fold(text)
    m = re.search(r"\b(absents? excuses?|excuses?|absents?|procurations?)\s*:", folded)
    if not m or m.start() == 0:
        return text, None, ""
    kind = _list_label(text[m.start():])
    return text[:m.start()], (kind[0] if kind else None), text[m.end():]


def entries(text: str) -> list[str]:
    """The people of a list text: split before each civility ("MME Valérie …") not
    preceded by "à" (a proxy holder), then on commas and dashes unless the piece
    names a proxy holder ("M. X, Adjoint, pouvoir donné à M. Y")."""
    text = _strip_roles(text)
    out = []
    for chunk in _civility_chunks(text):
        if re.search(r"\b(?:pouvoir|procuration|mandat)\b", fold(chunk)) and "(" not in chunk:
            out.append(re.sub(r",\s*(?=(?:pouvoir|procuration))", " ", chunk))
            continue
        out += [p for p in re.split(pat("entry_separators"), chunk) if p.strip(" .")]
    return out


def _strip_roles(text: str) -> str:
    """Remove "Maire", "Adjoints", "Conseillère municipale" and the like (offsets kept
    in the folded copy, so the original text is sliced the same way)."""
    folded, out, last = fold(text), [], 0
    for m in rx(pat("roles")).finditer(folded):
        out.append(text[last:m.start()])
        last = m.end()
    out.append(text[last:])
    return " ".join("".join(out).split())


def _civility_chunks(text: str) -> list[str]:
    folded = fold(text)
    starts = [m.start() for m in re.finditer(pat("civility_start"), folded)
              if not re.search(r"\ba\s*$", folded[:m.start()])]
    cuts = [0] + [s for s in starts if s > 0] + [len(text)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:]) if text[a:b].strip(" ,.")]


def _add_member(people: list[dict], entry: str, kind: str, span: Span) -> None:
    member = parse_entry(entry)
    if member is None or len(member.name) < 3 or not re.search(r"[A-Z]", member.name):
        return
    if find_person(member.name, [p["name"] for p in people]) is not None:
        return
    absent = kind != "present"
    people.append({"name": member.name, "status": "absent" if absent else "present",
                   "excused": True if kind == "absent_excused" else (False if kind == "absent" and
                                                                      member.holder is None else None),
                   "proxy_holder": member.holder if absent else None,
                   "substitute_for": member.substitute_for, "page": span.page,
                   "_prov": {"name": span}})


# --- ranges of items: "Questions 1 à 10 : 32 présents …" ----------------------------

def _read_range(s: Session, us: list[Unit], k: int, m: re.Match) -> int:
    first = int(m.group(1))
    last = m.group(2)
    last = 10 ** 6 if last is None and "fin" in fold(us[k].text) else (
        int(last) if last and last.isdigit() else (10 ** 6 if last else first))
    block = {"first": first, "last": last, "counts": {}, "moves": [], "span": us[k].span}
    j = k + 1
    while j < len(us) and not _search("range", us[j].text) and _range_line(us[j].text):
        text = us[j].text
        block["counts"].update(_counts_after(text))
        move = read_move(text)
        if move:
            block["moves"].append((*move, us[j].span))
        j += 1
    s.ranges.append(block)
    return j


def _range_line(text: str) -> bool:
    return bool(_counts_after(text) or read_move(text))


def read_move(text: str) -> tuple[str, str, str | None] | None:
    """("leave", name, proxy holder) or ("arrive", name, None) from
    "Départ de Monsieur Eric ROBERT (procuration à Bernadette CORVISIER)"."""
    m = _search("departure", text)
    if m:
        name = m.group(1) or m.group(3)
        holder = m.group(2) or m.group(4)
        stripped = text.strip()
        return ("leave", clean_name(stripped[m.start(1 if m.group(1) else 3):m.end(1 if m.group(1) else 3)]),
                clean_name(stripped[m.start(2 if m.group(2) else 4):m.end(2 if m.group(2) else 4)])
                if holder else None)
    m = _search("arrival", text)
    if m:
        g = 1 if m.group(1) else 2
        return "arrive", clean_name(text.strip()[m.start(g):m.end(g)]), None
    return None


# --- one item -----------------------------------------------------------------------

def read_votes(lines: list[str], spans: list[Span]) -> tuple[dict, dict]:
    """Vote prose, unanimity and result of one item."""
    values: dict[str, Any] = {}
    prov: dict[str, Span] = {}

    def put(column, value, span):
        if value is not None and column not in values:
            values[column], prov[column] = value, span

    for text, span in zip(lines, spans):
        folded = fold(text)
        if votes.skip_for_votes(text):
            continue
        for column, p in pat("vote_prose").items():
            m = re.search(p, votes._digits(text))
            if m and column != "blancs":
                put(column, int(m.group(1)), span)
        if re.search(pat("unanimity"), folded) and "compte-rendu" not in folded:
            put("unanimite", True, span)
        if any(re.search(p, folded.strip()) for p in pat("adopted")) or votes.read_result(text):
            put("resultat", votes.read_result(text) or "adopte", span)
    if values.get("pour") is not None and "resultat" not in values:
        put("resultat", "adopte" if values["pour"] > values.get("contre", 0) else None,
            prov["pour"])
    return values, prov


def _moves_until(ranges: list[dict], number: int | None) -> dict:
    """The counts that apply to item `number` and the moves made before it."""
    counts, moves = {}, []
    for block in ranges:
        if number is not None and block["first"] <= number:
            moves += block["moves"]
            if number <= block["last"]:
                counts = dict(block["counts"])
    return {"counts": counts, "moves": moves}


def item_people(s: Session, moves: list) -> list[dict]:
    people = copy.deepcopy(s.people)
    for kind, name, holder, span in moves:
        found = find_person(name, [p["name"] for p in people])
        if found is None:
            people.append({"name": name, "status": "absent", "excused": None, "proxy_holder": None,
                           "substitute_for": None, "page": span.page, "_prov": {"name": span}})
            found = len(people) - 1
        person = people[found]
        if kind == "leave":
            person.update(status="absent", excused=None, proxy_holder=holder)
        else:
            person.update(status="present", excused=None, proxy_holder=None)
        person["_prov"]["status"] = span
    return people


# --- extract --------------------------------------------------------------------------

COLUMNS = ("collectivite", "organe", "numero", "acte_id", "siren", "session_date", "session_time",
           "lieu", "president", "convocation_date", "secretaire", "objet", "membres_en_exercice",
           "presents", "absents", "pouvoirs", "votants", "pour", "contre", "abstentions",
           "non_votants", "unanimite", "resultat")


def extract(doc: Document) -> Document:
    us = units(doc)
    items = find_items(us)
    if not items:
        return doc
    session = read_session(us[:items[0].unit])
    if session.values.get("session_date") is None or (len(items) < MIN_ITEMS and not session.people):
        return doc  # not minutes of a sitting: leave the document to the other extractors
    start = us[items[0].unit].index
    if start > 0:
        doc.blocks.append(Block("deliberation", 0, start, "session"))
    end_unit = _session_end(us, items[-1].unit)
    for seq, item in enumerate(items, 1):
        last = items[seq].unit if seq < len(items) else end_unit
        _emit(doc, seq, item, us[item.unit:last], session)
        end = us[last].index if last < len(us) else len(doc.items)
        doc.blocks.append(Block("deliberation", us[item.unit].index, max(end, us[item.unit].index + 1),
                                f"seq={seq}"))
    return doc


def _session_end(us: list[Unit], k: int) -> int:
    for j in range(k + 1, len(us)):
        if _search("session_end", us[j].text):
            return j
    return len(us)


def _emit(doc: Document, seq: int, item: Item, body: list[Unit], s: Session) -> None:
    values, prov = dict(s.values), dict(s.prov)
    values.update(numero=item.number, objet=item.title)
    prov.update(numero=item.span, objet=item.span)
    for u in body:
        m = rx(pat("stamp_id")).search(u.text)
        if m and "acte_id" not in values:
            values.update(acte_id=m.group(1), siren=m.group(2))
            prov.update(acte_id=u.span, siren=u.span)
    info = any(rx(p).search(fold(item.title)) for p in pat("information_only"))
    if not info:
        found, where = read_votes([u.text for u in body], [u.span for u in body])
        values.update(found)
        prov.update(where)
    applied = _moves_until(s.ranges, item.key)
    for column, value in applied["counts"].items():
        values[column] = value
        prov[column] = next(b["span"] for b in s.ranges if b["counts"].get(column) == value)
    if values.get("unanimite"):
        counts = {c: values[c] for c in ("votants", "pour", "contre", "abstentions") if c in values}
        for column, value in votes.complete_unanimous(counts).items():
            values.setdefault(column, value)
            prov.setdefault(column, prov["unanimite"])
    people = item_people(s, applied["moves"])
    pages = [u.span.page for u in body]
    row = {"doc_id": doc.doc_id, "seq": seq, **{c: values.get(c) for c in COLUMNS},
           "sans_quorum": False, "page_start": min(pages), "page_end": max(pages),
           "_prov": {k: v for k, v in prov.items() if k in COLUMNS}}
    doc.add("deliberations", row)
    for person in people:
        doc.add("attendance", {"doc_id": doc.doc_id, "seq": seq, **person})
        if person["status"] == "absent" and person["proxy_holder"]:
            doc.add("proxies", {"doc_id": doc.doc_id, "seq": seq, "giver": person["name"],
                                "holder": person["proxy_holder"], "page": person["page"],
                                "_prov": {"giver": person["_prov"]["name"],
                                          "holder": person["_prov"]["name"]}})
