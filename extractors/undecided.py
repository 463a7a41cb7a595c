"""Numbered items that decide nothing, left out of a block's items::

    N° 53/2008  Demande d'aide au titre du contrat de développement … - RETIREE DE L'ORDRE DU JOUR
    DC-2026-005 - RAPPORT D'ORIENTATION BUDGETAIRE 2026
    Le Conseil prend acte de la tenue du débat d'orientation budgétaire (sans vote).
    Décisions prises par le Maire en vertu de l'article L.2122-22 du CGCT (communiquées pour information) :
       - D 2008/11 : signature d'un contrat d'entretien des chaudières (Atelier MARTIN) ;

An act number keeps an item that records no vote ("2016-11-146 Budget principal …"): these say
themselves that no vote was held, or are the mayor's own decisions. Phrasings: patterns/segments.json
(`withdrawn`, `unvoted`, `vote_said`, `decides`, `reported_title`).
"""
from __future__ import annotations

import re

from extractors.outline import Item, data, rx
from extractors.stream import Unit


def without(units: list[Unit], items: list[Item]) -> list[Item]:
    """`items` less those taken off the agenda (unless voted), said not voted, or listed under a
    line reporting the mayor's decisions; all of them if none would be left."""
    reported = next((k for k in range(items[0].start, items[-1].end)
                     if reports_decisions(re.sub(r"^\W+", "", units[k].folded))), None) if items else None
    said_unvoted = [_unvoted(units[i.start:i.end]) or _unvoted_ranked(units, i) for i in items]
    kept = [i for i, unvoted in zip(items, said_unvoted) if not unvoted and (i.evidence or not (
        reported is not None and i.start > reported or _withdrawn(units[i.start:i.end])))]
    return kept or items


def _withdrawn(lines: list[Unit]) -> bool:
    return any(rx(data()["withdrawn"]).search(u.folded) for u in lines)


def _unvoted(lines: list[Unit], pattern: str = "unvoted") -> bool:
    """"(sans vote)", "(il n'y a pas lieu à vote)", and no vote or decision said."""
    return any(rx(data()[pattern]).search(u.folded) for u in lines) and \
        not any(vote_said(u.folded) or rx(data()["decides"]).search(u.folded) for u in lines)


def _unvoted_ranked(units: list[Unit], item: Item) -> bool:
    """"Point 5 - Rapport d'activite 2021 …" / "Le Conseil prend acte … (pas de vote).": an item ranked, no act
    number on its first lines, said not voted; not an act ("DEL-2023-0042 … Prend acte (pas de vote)",
    "5. Rapport annuel … (pas de vote)" / "Délibération n° 2023-118"), nor the budget's orientation debate,
    which the council notes by a deliberation."""
    head = units[item.start:min(item.start + 3, item.end)]
    if item.heading is not None and item.heading.family == "act" or \
            any(rx(data()["act_in_head"]).search(u.folded) for u in head):
        return False
    return _unvoted(units[item.start:item.end], "unvoted_ranked")


def vote_said(folded: str) -> bool:
    """A vote said ("à l'unanimité", "Pour : 12", "par 3 voix"): what keeps an item that also says
    "sans vote" somewhere ("Informations (sans vote) : …")."""
    return bool(rx(data()["vote_said"]).search(folded))


def reports_decisions(folded: str) -> bool:
    """The mayor's decisions reported, not taken: "Décisions prises par le Maire en vertu de l'article
    L.2122-22 du CGCT" (a line, its bullet taken off), "8. Compte rendu des décisions du Président" (a title)."""
    return any(rx(p).search(folded) for p in data()["reported_title"])
