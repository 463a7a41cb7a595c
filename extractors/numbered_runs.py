"""Numbered headings of a sitting's minutes, the run of consecutive numbers that heads its items::

    1. Approbation du procès-verbal           2.1 Compte administratif 2021 (DEL_2022_031)
    2. FINANCES                               RAPPORT N° 101 – BUDGET PRIMITIF
    3. Tarifs de la cantine                   RAPPORT N° 301 – SOLIDARITÉS

one number may be missing (a heading the loader lost); parts and the items under them numbered
alike; reports numbered by hundreds; and not the numbered points of one decision ("1. CONSTATE …
2. FIXE …", one vote). extractors/segment.py takes the run as the "numbered" family's headings.
"""
from __future__ import annotations

import re

from extractors import undecided
from extractors.heading_line import clause, letter
from extractors.outline import Heading, act_at_end, act_at_start, data, outline_key, outline_step, rx
from extractors.stream import Unit, fold


def numbered(units: list[Unit], hs: list[Heading], said: list[bool], end: int) -> list[Heading]:
    """The numbered headings that head items, of the candidates `hs` found in units[:end]
    (`said`: the units where a decision is said)."""
    return _points_of_one_decision(units, _best_run(units, hs, said, end), end)


def _best_run(units: list[Unit], hs: list[Heading], said: list[bool], end: int) -> list[Heading]:
    """Numbered headings: runs of consecutive numbers (1, 2, 3 / I, II, III / 3, 4.1, 4.2, 5;
    one number may be missing, a heading the loader lost); the run spread over the most text."""
    runs: list[list[Heading]] = []
    keys = _keys(hs)
    # the next heading after "Rapport n° 4 à 7" is 8: a range steps from its last number
    ends = {id(h): outline_key(h.through) if h.through else keys[id(h)] for h in hs}
    for h in hs:
        key = keys[id(h)]
        step = {id(r): outline_step(ends[id(r[-1])], key) for r in runs
                if key is not None and ends[id(r[-1])] is not None}
        # the same numbering style, one number possibly skipped; another style, the next number
        fits = [r for r in runs if r[-1].style == h.style and 1 <= (step.get(id(r)) or 0) <= 2] or \
               [r for r in runs if step.get(id(r)) == 1 and letter(r[-1]) == letter(h)]
        jumps = [r for r in runs if r[-1].style == h.style and _next_chapter(keys[id(r[-1])], key)]
        if fits:
            max(fits, key=len).append(h)
        elif jumps:  # a run of its own, the one jumped from kept: "4.1 - Voirie : 120 000 €" may be a
            runs.append(max(jumps, key=len) + [h])  # line of 2.1's body, 3.1 the next item
        else:
            runs.append([h])
    runs = [r for r in runs if len(r) > 1]
    best = max(runs, key=lambda r: (r[-1].unit - r[0].unit, len(r)), default=[])
    return _finer(units, runs, best, said, end)


def _points_of_one_decision(units: list[Unit], run: list[Heading], end: int) -> list[Heading]:
    """"Après en avoir délibéré, le Conseil Municipal :" / "1. CONSTATE que …" / "2. FIXE à un lot
    unique …" / "4. AUTORISE le Maire …" / "Adopté par 13 voix pour et 1 abstention": ranks whose
    titles are the decision's verbs, one vote for them all, are no items (not "1. APPROUVE le
    procès-verbal …" / "Unanimité." / "3. AUTORISE … (délibération n° 2014-003)" / "Pour : 20 - Contre
    : 5", a relevé voted point by point)."""
    if not run or not all(clause(h.title) for h in run):
        return run
    bounds = [h.unit for h in run[1:]] + [end]
    voted = sum(any(undecided.vote_said(u.folded) for u in units[h.unit:b]) for h, b in zip(run, bounds))
    return run if voted > 1 else []


def _keys(hs: list[Heading]) -> dict[int, tuple[int, ...] | None]:
    """Each heading's place in its outline; reports numbered by hundreds, a chapter each ("RAPPORT
    N° 101 – BUDGET PRIMITIF", "N° 102", "N° 301 – SOLIDARITÉS", "N° 501"), as 1.1, 1.2, 3.1, 5.1
    when every number of their style is so (three digits, none a round hundred)."""
    styles = {h.style for h in hs}
    hundreds = {s for s in styles if all(re.fullmatch(r"[1-9](?!00)\d\d", h.number or "") for h in hs if h.style == s)}
    return {id(h): (int(h.number) // 100, int(h.number) % 100) if h.style in hundreds else outline_key(h.number)
            for h in hs}


def _finer(units: list[Unit], runs: list[list[Heading]], best: list[Heading], said: list[bool],
           end: int) -> list[Heading]:
    """Parts and the items under them, numbered alike ("1. FINANCES" / "1.1 Compte administratif
    2021 (DEL_2022_031)" / "Adopté." / "1.2 Compte de gestion 2021 (DEL_2022_032)" / … / "2. TOURISME"):
    the items are the run whose headings print their acts' numbers and each head a decision, when it
    explains more decisions than the parts (or when the parts are chapters' titles, `_chapters`); a part
    with no item under it ("4. Motion …") stays one, as one taken note of does (not "6. INFORMATIONS ET
    QUESTIONS DIVERSES"); not "2. Projet de territoire" / "2.1 Le diagnostic", an item's sections; nor "1.1
    Section de fonctionnement : adoptée" / "1.2 Section d'investissement", a budget voted section by section."""
    parts = {k[0] for h in best if (k := outline_key(h.number)) and len(k) == 1}
    if len(parts) < len(best):
        return best
    finer = [r for r in runs if all((k := outline_key(h.number)) and len(k) == 2 and k[0] in parts for h in r)
             and (2 * sum(bool(h.title and (act_at_end(h.title) or act_at_start(h.title))) for h in r) > len(r)
                  or _chapters(best, r))]
    better = max(finer, key=lambda r: _explained(r, said, end), default=None)
    if not better or _explained(better, said, end) <= _explained(best, said, end):
        return best
    chapters = {outline_key(h.number)[0] for h in better}
    bounds = [h.unit for h in best[1:]] + [end]
    alone = [h for h, b in zip(best, bounds) if outline_key(h.number)[0] not in chapters
             and (any(undecided.vote_said(u.folded) for u in units[h.unit:b])
                  or any(said[h.unit + 1:b]) and not rx(data()["information_title"]).search(fold(h.title or "")))]
    return sorted(better + alone, key=lambda h: h.unit)


def _chapters(best: list[Heading], run: list[Heading]) -> bool:
    """Parts that are only chapters' titles, in capitals, each followed at once by its first item ("4.
    FINANCES" / "4.1 Budget primitif 2024 – Budget principal" / … / "5. RESSOURCES HUMAINES" / "5.1
    Modification du tableau des effectifs"); not "1. Budget supplémentaire 2023 – budget principal" / "1.1
    Section de fonctionnement", a budget and its sections."""
    first = {}
    for h in run:
        first.setdefault(outline_key(h.number)[0], h.unit)
    parts = [h for h in best if (k := outline_key(h.number)) and k[0] in first]
    return bool(parts) and all(h.title and h.title.isupper() and first[outline_key(h.number)[0]] == h.unit + 1
                               for h in parts)


def _explained(run: list[Heading], said: list[bool], end: int) -> int:
    """Headings of `run` followed by a decision before the next one."""
    bounds = [h.unit for h in run[1:]] + [end]
    return sum(any(said[h.unit + 1:b]) for h, b in zip(run, bounds))


def _next_chapter(a: tuple[int, ...] | None, b: tuple[int, ...] | None) -> bool:
    """A report's code in a later chapter: "1.1 - Budget principal" … "5.2 - Tramway" … "9.1 - Plan
    local d'urbanisme" (a métropole numbers its reports by chapter, most chapters absent)."""
    return bool(a and b) and len(a) == len(b) == 2 and b[0] > a[0]
