"""A line that holds several labelled fields, as a PDF extraction flattens a count box or
two lists onto one line::

    SECRETAIRE DE SEANCE : C. LEMAIRE Membres en exercice : onze
    Absent(s) excusé(s) : Néant Étaient absents :

is cut into one piece per label, each keeping the line's span, so that a list or a field
ends where the next one starts (extractors/sitting.py reads the pieces).
"""
from __future__ import annotations

import re

from extractors import counts, lexicon, members
from extractors.entries import ROSTER_LINE
from extractors.stream import Unit, fold

# "Délégations de pouvoirs : …", "Compte rendu des absents : …": a label governed by a
# preposition or an article is a word of a title, not a field of its own
# "… par le membre qu'il représente :": a verb after its subject, no label either
# "Étai(en)t excusé(s) et représenté(s) :": after "et", the label goes on
GOVERNED = re.compile(r"(?:^|\s|')(?:de|des|du|d'|la|le|les|l'|aux?|en|et|par|pour|sur|un|une"
                      r"|il|elle|ils|elles|qui|que|on|se|ne|nous|vous)\s*$")  # "… d'un secrétaire de séance :"
# "Excusés (pouvoir) : Mme MARCHETTI – pouvoir : M. CASTELLI ; …": after a name and a dash or a slash, a
# singular "pouvoir :" is the entry's remark, its holder after it, not a list of its own
ENTRY_REMARK = re.compile(r"[a-z)\]]\s*[–—/-]\s*$")  # "M. Revel Cyrille [excusé] / procuration : Mme Awa"
REMARK_LABEL = re.compile(r"(?:pouvoir|procuration|mandat)\s*:")


def split(u: Unit) -> list[Unit]:
    """A line holding several labelled fields ("SECRETAIRE DE SEANCE : C. LEMAIRE Membres en
    exercice : onze", "Absent(s) excusé(s) : Néant Étaient absents :") as one piece per label,
    each with the line's span: a list or a field then ends where the next one starts."""
    folded = u.folded
    if ROSTER_LINE.match(u.text):  # "ROMERO Fernando | excusé / procuration : X": one member, no two fields
        return [u]
    cuts = [lb.start for group in ("lists", "fields") for lb in lexicon.labels(group, folded)
            if lb.start > 0 and folded[lb.start - 1] in " ;.–-" and not GOVERNED.search(folded[:lb.start])
            and not _entry_remark(folded, lb.start)
            and _labelled(u.text[lb.start:], group)]
    if not cuts:
        return [u]
    bounds = [0] + sorted(set(cuts)) + [len(u.text)]
    return [Unit(u.text[a:b].strip(), u.span, u.index, u.bold, (), u.gap_before and a == 0)
            for a, b in zip(bounds, bounds[1:]) if u.text[a:b].strip()]


def _entry_remark(folded: str, at: int) -> bool:
    """"Mme MARCHETTI – pouvoir : M. CASTELLI ;": the entry's own holder, one name up to the next
    entry; not "Absent : M. FAURE – Pouvoir : Mme LEROY à M. PETIT", a list of proxies."""
    m = REMARK_LABEL.match(folded, at)
    if not m or not ENTRY_REMARK.search(folded[:at]):
        return False
    holder = re.split(r"[;,]|\s(?:et|ainsi\s+que)\s", folded[m.end():])[0]
    return not re.search(r"\s(?:a|au|par)\s|→|->|donne", holder)


def _labelled(text: str, group: str) -> bool:
    """`text` opens with a label of `group` followed by its colon (a few lower-case words
    may come between: "Absents excusés et représentés :", not "pouvoirs « Marchés » :")."""
    if group == "lists":
        label = members.list_label(text)
        if label is None:
            return False
        between = text[lexicon.label_at_start("lists", fold(text)).end:label.offset]
        counted = re.match(r"\s*\d", counts.digits(text[label.offset:]))  # "présents : dix": a count
        head, colon, _ = between.partition(":")  # "présents : MM. et Mmes les élus": the label's words up to its colon
        return bool(colon) and not re.search(r"[«\"A-Z]", head) and not counted
    label = lexicon.label_at_start("fields", fold(text))
    return bool(label) and bool(re.match(r"\s*(?:\(s\)\s*)?:", text[label.end:]))
