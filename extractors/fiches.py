"""Project fiches (table `fiches`): ``Outil E.1``, a title, then labelled sections::

    Outil E.1
    La signature
    Objectifs
    La force d'une communication territoriale, …
    Date prévue de démarrage : 2020
    Coût estimatif : 10 000 € H.T. / 12 000 € TTC
    Autres fiches liées : E2 à E10

Labels are data (`patterns/fiches.json`), compared after `fold` (case, accents,
apostrophes) with rapidfuzz, so ``Cientèles cibles`` or ``Cout annuel du
fonctionnement`` still match. A label's value is the rest of its line, then the
following lines up to the next label (tables inside a section are skipped). A fiche
ends at the next ``Outil E.x`` or at ``Document de travail``.

Total cost (`parse_cost`), read from the ``Coût estimatif`` text only:

- amounts in parentheses are asides and ignored (``(dont 30 000 € sur budget
  signalétique)``, ``(10 000 € de référencement …)``);
- an amount marked as a total (``… sur la durée de la stratégie`` after it, ``Donc
  sur 5 ans, …`` before it) is the total; one-off amounts stated after it and not
  per year are added: ``15 000 € TTC par an … soit 60 000 € TTC sur la durée de la
  stratégie et refonte en 2024 : 50 000 € TTC`` -> 110 000 TTC (the plan's table
  gives the same figure);
- without a total, a single amount marked TTC (resp. HT) is the TTC (HT) total:
  ``10 000 € H.T. / 12 000 € TTC`` -> HT 10 000, TTC 12 000;
- anything else is null: per-year amounts without a total (``15000 € par an.``),
  amounts without a tax mark (``2000 € (flyer)``), several candidates.

Linked fiches: ``E2 à E10`` -> E.2 … E.10; ``B10 bis, E9`` -> ``B.10 bis``, ``E.9``;
an empty ``Autres fiches liées :`` gives an empty list, a missing label null.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from extractors.normalise import EURO, parse_number, years
from extractors.tablegrid import fold, load_patterns
from schemas import Block, Document, Line, Span, Table

STAGE = "fiches"
OUTPUT_FIELDS = ("objectifs", "description", "maitre_ouvrage", "cibles", "partenariat",
                 "cout_estimatif_text", "type_depenses", "moyens_humains_text",
                 "cout_fonctionnement_text", "criteres_evaluation")


def _patterns() -> dict:
    return load_patterns("fiches")


def _label_choices() -> dict[str, str]:
    """Every folded label variant -> its field."""
    return {variant: field for field, variants in _patterns()["labels"].items()
            for variant in variants}


def match_label(text: str) -> tuple[str, str] | None:
    """``"Date prévue de démarrage du projet: 2020"`` -> ``("date_debut", "2020")``."""
    head, sep, rest = text.partition(":")
    head = fold(head)
    if not head or len(head.split()) > _patterns()["label_max_words"]:
        return None
    choices = _label_choices()
    best = process.extractOne(head, list(choices), scorer=fuzz.ratio,
                              score_cutoff=_patterns()["label_min_score"])
    return (choices[best[0]], rest.strip()) if best else None


def code_of(letter: str, number: str, bis: str | None) -> str:
    """``("E", "10", None)`` -> ``"E.10"``; ``("B", "10", "bis")`` -> ``"B.10 bis"``."""
    return f"{letter.upper()}.{int(number)}" + (f" {bis.lower()}" if bis else "")


def linked_codes(text: str) -> list[str]:
    """``"E2 à E10"`` -> E.2 … E.10; ``"E1, E3"`` -> E.1, E.3; ``"C7"`` -> C.7."""
    pats = _patterns()
    out: list[str] = []
    prev = None
    for m in re.finditer(pats["linked_code"], text):
        letter, number, bis = m.group("letter"), int(m.group("number")), m.group("bis")
        gap = text[prev.end():m.start()] if prev else ""
        if prev and not bis and letter == prev.group("letter") and re.match(
                pats["linked_range"], gap, re.IGNORECASE):
            first = int(prev.group("number")) + 1
            out += [code_of(letter, str(n), None) for n in range(first, number)]
        out.append(code_of(letter, str(number), bis))
        prev = m
    return out


@dataclass
class Amount:
    value: float
    tax: str | None  # "ttc" | "ht" | None
    per_year: bool
    total: bool


def amounts(text: str) -> list[Amount]:
    """Amounts in euros with the words that qualify them (see the module docstring)."""
    cost = _patterns()["cost"]
    s = fold(re.sub(r"\([^()]*\)", " ", text))
    out, consumed = [], 0
    for m in EURO.finditer(s):
        pos = m.end()
        tax = next((t for t in ("ttc", "ht") if re.match(cost[t], s[pos:])), None)
        pos += re.match(cost[tax], s[pos:]).end() if tax else 0
        per_year = re.match(cost["per_year"], s[pos:])
        pos += per_year.end() if per_year else 0
        after = re.match(cost["total_after"], s[pos:])
        pos += after.end() if after else 0
        before = re.search(cost["total_before"], s[consumed:m.start()])
        out.append(Amount(parse_number(m.group(0)), tax, bool(per_year),
                          bool(after or before)))
        consumed = pos
    return out


def parse_cost(text: str | None) -> tuple[float | None, float | None]:
    """(total TTC, total HT) from a cost text, null when not stated unambiguously."""
    found = amounts(text or "")
    first = next((i for i, a in enumerate(found) if a.total), None)
    if first is not None:
        group = [found[first]] + [a for a in found[first + 1:] if not a.per_year and not a.total]
        taxes = {a.tax for a in group}
        total = sum(a.value for a in group)
        return (total if taxes == {"ttc"} else None, total if taxes == {"ht"} else None)
    if any(a.per_year for a in found):
        return None, None
    ttc = [a.value for a in found if a.tax == "ttc"]
    ht = [a.value for a in found if a.tax == "ht"]
    return (ttc[0] if len(ttc) == 1 else None, ht[0] if len(ht) == 1 else None)


def extract(doc: Document) -> Document:
    starts = [(i, m) for i, item in enumerate(doc.items) if isinstance(item, Line)
              and (m := re.match(_patterns()["start"], item.text, re.IGNORECASE))]
    for k, (index, m) in enumerate(starts):
        limit = starts[k + 1][0] if k + 1 < len(starts) else len(doc.items)
        end = _fiche_end(doc, index + 1, limit)
        code = code_of(m.group("letter"), m.group("number"), m.group("bis"))
        doc.add("fiches", _read_fiche(doc, index, end, code, m.group("rest").strip()))
        doc.blocks.append(Block("fiche", index, end, code))
    return doc


def _fiche_end(doc: Document, start: int, limit: int) -> int:
    """Index of the first ``Document de travail …`` line before `limit`, else `limit`."""
    for i in range(start, limit):
        item = doc.items[i]
        if isinstance(item, Line) and any(re.match(p, fold(item.text)) for p in _patterns()["end"]):
            return i
    return limit


def _sections(doc: Document, start: int, end: int, title: str):
    """(title, {field: [(text, span), …]}) for the items of one fiche."""
    sections: dict[str, list[tuple[str, Span]]] = {}
    current = None
    for item in doc.items[start:end]:
        if isinstance(item, Table):
            continue
        found = match_label(item.text)
        if found:
            current = sections.setdefault(found[0], [])
            current.append((found[1], item.span))
        elif current is None and not title:
            title = item.text
        elif current is not None:
            current.append((item.text, item.span))
    return title, sections


def _value(parts: list[tuple[str, Span]] | None) -> tuple[str | None, Span | None]:
    """Joined text of a section (paragraphs kept on their own lines) and its first span."""
    if not parts:
        return None, None
    filled = [(t, s) for t, s in parts if t]
    text = "\n".join(t for t, _ in filled)
    return (text or None), (filled[0][1] if filled else parts[0][1])


def _read_fiche(doc: Document, start: int, end: int, code: str, title: str) -> dict:
    title, sections = _sections(doc, start + 1, end, title)
    record: dict = {"code": code, "title": title or None, "_prov": {"code": doc.items[start].span}}
    if not title:
        doc.error(STAGE, f"fiche {code}: no title", doc.items[start].span)
    for field in OUTPUT_FIELDS:
        record[field], span = _value(sections.get(field))
        if span:
            record["_prov"][field] = span
    for field, column in (("date_debut", "start_year"), ("date_fin", "end_year")):
        text, span = _value(sections.get(field))
        found = years(text or "")
        record[column] = found[0] if found else None
        if span and found:
            record["_prov"][column] = span
    record["cout_total_ttc"], record["cout_total_ht"] = parse_cost(record["cout_estimatif_text"])
    for column in ("cout_total_ttc", "cout_total_ht"):
        if record[column] is not None:
            record["_prov"][column] = record["_prov"]["cout_estimatif_text"]
    linked, span = _value(sections.get("fiches_liees"))
    record["fiches_liees"] = linked_codes(linked or "") if "fiches_liees" in sections else None
    record["page_start"] = doc.items[start].span.page
    record["page_end"] = _last_page(doc, start, end)
    return record


def _last_page(doc: Document, start: int, end: int) -> int:
    last = doc.items[max(start, end - 1)]
    return last.rows[-1].span.page if isinstance(last, Table) else last.span.page
