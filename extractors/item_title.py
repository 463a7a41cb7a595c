"""The title of an item of minutes or of an extract, where the heading gives it::

    5. INSTALLATION D'UN RELAIS DE RADIOTÉLÉPHONIE          the heading's title, wrapped lines joined
       SUR LE CHÂTEAU D'EAU
    2014.09.15 - 5 / INSTALLATION D'UN RELAIS …             a bare number, the title on the line below
    Point n°3 de l'ordre du jour / Objet | Convention …     "Objet" under a rank printing no title
    Monsieur le Maire, Philippe Saurel, rapporte :          the bold title above it (Montpellier)

An "Objet : …" field read by extractors/sitting.py comes first.
"""
from __future__ import annotations

import re

from extractors import lexicon, members, opening, outline, running, segment, stream
from extractors.normalise import words_to_digits
from extractors.sitting import Fact, Reading
from extractors.stream import Unit, fold, joined
from schemas.text import ends_on_function_word


def title(units: list[Unit], item: outline.Item, own: Reading) -> Fact | None:
    """The heading's title with its wrapped lines; else "Objet : …"; else the title lines
    right under a bare number ("2014.09.15 - 5" / "INSTALLATION D'UN RELAIS …")."""
    if "objet" in own.facts:
        return own.facts["objet"]
    h = item.heading
    if h is None:
        return _title_before_rapporteur(units[item.start:item.end])
    act = outline.act_at_start(h.title) if h.title and h.family == "numbered" else None
    title = act[1] if act else h.title  # "1. Délibération 2013-112 – Tarifs": the title after the number
    lines = [title] if title else []
    k = h.unit + 1
    while not lines and k < item.end and running.page_furniture(units[k]):
        k += 1  # "CP – Rapport n° 3" / "Pg 1" / "Département du … :: Commission permanente" / "Objet | …"
    under = _objet_line(units[k]) if not lines and k < item.end else None
    if under:  # "Point n°3 de l'ordre du jour" / "Objet | Convention de déneigement …"
        lines, k = [under], k + 1
    if not lines and k + 1 < item.end and _says_sitting(units[k:k + 2]):
        k = item.end  # "Séance publique du" / "samedi 5 avril 2014": the box, not the title
    while k < item.end and len(lines) < 4 and _title_goes_on(lines, units[k], h):
        lines.append(units[k].text.strip())
        k += 1
    text = _without_act(without_outcome(LEADERS.sub("", joined(lines))).strip(" :–-"))
    span = stream.span_of(units[h.unit:k]) if k > h.unit else units[h.unit].span
    if not text:
        return _title_before_rapporteur(units[item.start:item.end])
    return Fact(text, span, "heading")


# a relevé's dot leaders and what they lead to: "Budget communal : décision modificative n° 2
# ...................... 21 POUR - 3 ABST." (the vote, read apart)
LEADERS = re.compile(r"\s*(?:\.{4,}|…{2,}|(?:\. ){3,}).*$")


def without_outcome(text: str) -> str:
    """The title less a relevé's outcome closing its line ("Compte de gestion 2014 du receveur :
    unanimité." -> "Compte de gestion 2014 du receveur"; pattern `title_outcome`, matched on the
    folded copy: same offsets)."""
    m = outline.rx(outline.data()["title_outcome"]).search(fold(text))
    return text[:m.start()] if m else text


# what parts "Objet" from the title on the line under a bare rank: a colon, a dash, leaders,
# a bar or a tab ("Objet ........ : Tarifs", "Objet | Tarifs", "OBJET — Tarifs")
UNDER_SEP = re.compile(r"^\s*(?:\.{2,}|…)?\s*[:|\t–—-]?\s*")


def _objet_line(u: Unit) -> str | None:
    """``"Objet | Convention de déneigement avec un exploitant agricole"`` right under a
    rank that prints no title: the title (any separator, a bar included: a table's "Objet |"
    row is not read here, only the line under a heading)."""
    label = lexicon.label_at_start("fields", u.folded)
    if label is None or label.name not in ("objet", "subject"):  # "Portant sur : …" only here
        return None
    rest = u.text[label.end:]
    return rest[UNDER_SEP.match(rest).end():].strip() or None


def _without_act(title: str) -> str:
    """``"Débat d'orientation budgétaire 2026 Acte n° 2026-001"`` -> the title alone (the
    number, printed in the margin, is the act's: `act_numbers.in_title`)."""
    m = outline.act_at_end(title)
    return title[:m.start()].rstrip(" –-(") if m and m.start() > 3 else title


def _says_sitting(units: list[Unit]) -> bool:
    text = fold(words_to_digits(fold(joined([u.text for u in units])))).strip()
    return bool(lexicon.first("session_title", text))


def _title_goes_on(lines: list[str], u: Unit, h: outline.Heading) -> bool:
    """A wrapped title line: same case as the title, or the title ends mid-phrase."""
    text = u.text.strip()
    # "… au sein des commissions" / "municipales et des organismes extérieurs - adoptée": the
    # title's end and its outcome, the outcome cut (`without_outcome`); a line that is a decision stops it
    bare = without_outcome(text)
    said = segment.is_evidence(u) and not (lines and bare != text and not segment.is_evidence(Unit(bare, u.span, u.index)))
    if u.gap_before and lines or said or (lines and len(text.split()) > 16):
        return False
    if not lines:  # a bare number ("2014.09.15 - 5", "1."): its title is the line below,
        # unless that line says the sitting ("n° 2014 / 131" / "Séance publique du …": a box)
        return len(text.split()) <= 30 and not members.list_label(text) and \
            not lexicon.label_at_start("fields", u.folded) and not lexicon.first("session_title", u.folded.strip()) \
            and not opening.is_opening([u], 0)
    last = lines[-1]
    if re.search(r"[.:;]$", last):
        return False
    caps = last.isupper() and text.isupper()
    dangling = ends_on_function_word(last) or re.search(r"[,–-]$", last)
    return bool(caps or dangling or text[:1].islower() or (u.all_bold and last))


def _title_before_rapporteur(units: list[Unit]) -> Fact | None:
    """The bold title above "Monsieur le Maire, Philippe Saurel, rapporte :" (Montpellier)."""
    for k, u in enumerate(units):
        if re.search(r"\brapporte\s*:\s*$", u.folded):
            j = k
            while j > 0 and units[j - 1].all_bold and not units[j - 1].text.isupper() \
                    and not units[j - 1].text.rstrip().endswith(":"):  # "Absents :" is a label
                j -= 1
            if j < k:
                return Fact(joined([x.text for x in units[j:k]]), stream.span_of(units[j:k]), "bold_title")
    return None
