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
    kept = [i for i in items if not _unvoted(units[i.start:i.end]) and (i.evidence or not (
        reported is not None and i.start > reported or _withdrawn(units[i.start:i.end])))]
    return kept or items


def _withdrawn(lines: list[Unit]) -> bool:
    return any(rx(data()["withdrawn"]).search(u.folded) for u in lines)


def _unvoted(lines: list[Unit]) -> bool:
    """"(sans vote)", "(il n'y a pas lieu à vote)", and no vote or decision said."""
    return any(rx(data()["unvoted"]).search(u.folded) for u in lines) and \
        not any(vote_said(u.folded) or rx(data()["decides"]).search(u.folded) for u in lines)


def vote_said(folded: str) -> bool:
    """A vote said ("à l'unanimité", "Pour : 12", "par 3 voix"): what keeps an item that also says
    "sans vote" somewhere ("Informations (sans vote) : …")."""
    return bool(rx(data()["vote_said"]).search(folded))


def reports_decisions(folded: str) -> bool:
    """The mayor's decisions reported, not taken: "Décisions prises par le Maire en vertu de l'article
    L.2122-22 du CGCT" (a line, its bullet taken off), "8. Compte rendu des décisions du Président" (a title)."""
    return any(rx(p).search(folded) for p in data()["reported_title"])
