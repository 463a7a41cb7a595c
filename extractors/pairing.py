"""An act number paired with the ranked item it numbers, in minutes that print both::

    2. Budget primitif 2025 – budget principal          the rank, the item's heading
    … Pour : 36 – Contre : 4 – Abstentions : 0
    DCC n° 2024-088 – Pour : 36 – Contre : 4            its act number, closing it with the vote
    Rapport n° 1 - Compte administratif 2016 / … / Délibération n° CA-2017-21 - ADOPTEE
    DOSSIER N° 1 : … / Adopté à la majorité / Délibération n° 2024/051

The act number becomes the item's `number` (its rank kept as `rank`) and is no item of its own.
Called by extractors/segment.py on the candidate headings of a block.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.outline import Heading
from extractors.stream import Unit, fold


RESULT = re.compile(r"(?:adoptee?s?|rejetee?s?|approuvee?s?|ajournee?s?|retiree?s?|resultats?\s+du\s+(?:vote|scrutin))\b")


def paired(units: list[Unit], found: dict[str, list[Heading]], evidence: list[bool]) -> dict[str, list[Heading]]:
    """``"Point n° 2 – Débat sur la révision du PLU"`` / ``"– secteur de la Gaudinière"`` /
    ``"Délibération n° 2024-012"``, ``"Rapport n° 1 - Compte administratif"`` / … /
    ``"Délibération n° CA-2017-21 - ADOPTEE"``: the one act number standing alone (or with
    its result) inside an item is that item's number, not an item of its own (items without
    one keep their rank)."""
    ranks = found["numbered"]
    # "… n° CA-2017-21 - ADOPTEE", "DCC n° 2024-089 – Adoptés à la majorité (4 abstentions)": the result
    # "Décision B2024-061 : adoptée à l'unanimité (18 votants)": a bureau's decision closing its item
    acts = [a for a in found["act"] if not a.title or RESULT.match(fold(a.title)) or _result_title(a.title)] + \
        [d for d in found["decision"] if d.title and _result_title(d.title)]
    acts.sort(key=lambda a: a.unit)
    used: dict[int, Heading] = {}  # the act's unit -> the item's heading, numbered by it
    numbered = []
    closes = _acts_close_items(ranks, acts, evidence)
    for h, nxt in _reaches(ranks, len(evidence)):
        inside = [a for a in acts if h.unit < a.unit < nxt and (_under(h, a, nxt, evidence) or _closing(units, h, a, evidence, closes))]
        if len(inside) == 1:
            h = used[inside[0].unit] = replace(h, number=inside[0].number, rank=h.number)
        numbered.append(h)
    if not used:
        return found
    ranks = {h.unit for h in numbered}
    rest = [h for h in found["act"] if h.unit not in used]
    if all(h.unit in ranks for h in rest):
        acts_ = []  # every other act number sits on an item's rank line: the ranks are the items
    else:  # "2." / "Délibération n° 2022-042" among "3. Délibération n° 2022-043 – …": all are acts
        acts_ = sorted(rest + [replace(h, family="act") for h in used.values()], key=lambda h: h.unit)
    return {**found, "numbered": numbered, "act": acts_}


def _reaches(ranks: list[Heading], end: int) -> list[tuple[Heading, int]]:
    """Each ranked heading with the unit where the next one starts (`end` after the last)."""
    return list(zip(ranks, [r.unit for r in ranks[1:]] + [end]))


def _result_title(title: str) -> bool:
    """An act number's "title" that is its vote ("Pour : 36 – Contre : 4", "Le procès-verbal est
    adopté à l'unanimité"), not the act's subject ("Élection du maire à la majorité absolue")."""
    return bool(RESULT_START.match(fold(title).strip()))


# what a vote printed after its act's number opens with: "Pour : 36", "Vote : unanimité …", "Adoptés à
# la majorité", "Le procès-verbal est adopté …", "Le Conseil communautaire fixe le produit par 37 voix pour"
RESULT_START = re.compile(r"(?:vote\s*:|pour\s*:|resultat|(?:a\s+l')?unanimite|(?:adoptee?s?|approuvee?s?|rejetee?s?)\b"
                          r"|(?:le|la|les|l')\s*[^.;:]{1,60}?\s(?:est|sont)\s+(?:adoptee?s?|approuvee?s?|rejetee?s?)\b"
                          r"|[^.;:]{0,80}?\bpar\s+\d+\s+voix\b)")


def _acts_close_items(ranks: list[Heading], acts: list[Heading], evidence: list[bool]) -> bool:
    """"DOSSIER N° 1 : …" / "Adopté à la majorité" / "Délibération n° 2024/051" / "DOSSIER N° 2 : …":
    each act number printed under its item's vote closes that item, when none stands right above
    the first item and most items voted, the last one included, have one under their vote; not
    "Délibération n° 2024-052" / "3. Budget annexe", numbers printed above their items, nor an
    act's own sections ("I. Bénéficiaires" … "VIII. Voies et délais de recours") under its number."""
    if not acts or not ranks or any(ranks[0].unit - 3 <= a.unit < ranks[0].unit for a in acts):
        return False
    closed = []
    for h, nxt in _reaches(ranks, len(evidence)):
        first_vote = next((k for k in range(h.unit, nxt) if evidence[k]), None)
        if first_vote is not None:
            closed.append(any(first_vote < a.unit < nxt for a in acts))
    return sum(closed) >= 2 and closed[-1] and 3 * sum(closed) >= 2 * len(closed)


def _closing(units: list[Unit], h: Heading, act: Heading, evidence: list[bool], closes: bool) -> bool:
    """"Adopté à l'unanimité." / "(Délibération DCM N° 2024-062)": the act's number under the
    item's vote closes the item, though the next item's heading follows, when it is in brackets
    or when the document prints every act number so (`closes`)."""
    return (closes or units[act.unit].text.lstrip().startswith("(")) and any(evidence[h.unit:act.unit])


def _under(h: Heading, act: Heading, nxt: int, evidence: list[bool]) -> bool:
    """An act number that is the item's own: right under its heading (a wrapped title between,
    no decision), or closing it with its result; not one printed right above the next item's
    heading ("Délibération n° 2024-023" / "3. Tarifs …": that item's)."""
    if act.title:
        return True  # "Délibération n° CA-2017-21 - ADOPTEE"
    return act.unit - h.unit <= 2 and not any(evidence[h.unit:act.unit]) and act.unit + 1 != nxt
