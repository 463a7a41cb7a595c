"""Evidence that a line records a decision or a vote, read by extractors/segment.py::

    LE CONSEIL MUNICIPAL, A L'UNANIMITE, ACCEPTE CETTE PROPOSITION      a decision
    Pour : 16 – Contre : 2 – Abstention : 1                              a vote's counts
    DCC n° 2024-093 – Vote : unanimité des présents et représentés      a vote beside its act
    … Le conseil municipal, à / l'unanimité, adopte la motion …          a sentence cut at a line's end
    Votants / Pour / Contre / Abstention / 41 / 40 / 0 / 1               a vote table flattened a cell a line

not a recital ("Vu la délibération … adoptée …"). Phrasings: patterns/segments.json
("evidence", "not_evidence").
"""
from __future__ import annotations

import re
from collections import Counter

from extractors import counts, lexicon, pairing
from extractors.outline import data, rx
from extractors.stream import Unit, fold
from schemas.text import ends_sentence


def said(units: list[Unit]) -> list[bool]:
    """Each line's evidence, a decision cut at the line's end read on the line where it ends."""
    leads = Counter(_lead(u) for u in units)
    out = [_said(u) or (result_column(u) or _outcome_closing_act(u)) and (leads[_lead(u)] == 1 or not _lead(u))
           for u in units]
    return [s or k > 0 and _decided_across(units[k - 1], units[k]) for k, s in enumerate(out)]


def result_column(u: Unit) -> bool:
    """"2020-44  Désignation des délégués de la commune au SIDEN-SIAN             ADOPTEE": a relevé's
    column of outcomes, on the raw line (its gap of spaces). Not a line whose act number opens another
    line too: a summary of the acts above their minutes ("2024-08  Cession du terrain …   Rejetée" /
    … / "2024-08 – CESSION DU TERRAIN …"), whose detail says each decision."""
    return bool(u.span and u.span.text and rx(data()["result_column"]).search(fold(u.span.text)))


def _lead(u: Unit) -> str:
    """The act number opening the line ("2024-08"); not a count in brackets ("[25]  Unanimité  → ADOPTÉ",
    each row's votants), which many rows share."""
    lead = (u.folded.split() or [""])[0]
    return "" if re.fullmatch(r"\[\d{1,4}\]|\(\d{1,4}\)", lead) else lead


def with_vote_tables(units: list[Unit], said: list[bool]) -> list[bool]:
    """The lines' evidence, and the header of each vote table (no single line of it says a vote)."""
    out = list(said)
    for k in _vote_tables(units):
        out[k] = True
    return out


def is_evidence(u: Unit) -> bool:
    """A line that records a decision or a vote ("Le Conseil … DÉCIDE", "Pour : 16",
    "adopté à l'unanimité", a relevé's "…   ADOPTEE"), not a recital ("Vu la délibération … adoptée …")."""
    return _said(u) or result_column(u) or _outcome_closing_act(u)


def _said(u: Unit) -> bool:
    return any(_decides(fold(sentence).strip()) for sentence in SENTENCE.split(u.text)) or \
        bool(counts.read([u], tuple(lexicon.get("vote_counts")))) or _vote_after_act(u.folded.strip())


# a relevé flattened one space a cell, the outcome's column last: "CP-2021-07-007 Agriculture - Aide aux
# filières en circuits courts Unanimité" (capitalised: a title does not end on the word), "… 2022 ……
# Il est pris acte" (a report taken note of, an act of its own)
OUTCOME_CELL = re.compile(r"\s(?:Unanimité|UNANIMIT[ÉE]|Adopt[ée]e?s?|ADOPT[ÉE]E?S?|Rejet[ée]e?s?|REJET[ÉE]E?S?|"
                          r"(?:Il est )?(?:[Pp]ris|[Pp]rend|[Dd]onne) acte|"
                          r"(?:IL EST )?(?:PRIS|PREND|DONNE) ACTE)\s*\.?$")


def _outcome_closing_act(u: Unit) -> bool:
    folded = u.folded.strip()
    return bool(OUTCOME_CELL.search(u.text)) and any(rx(p).match(folded) for p in data()["headings"]["act"])


def _decided_across(above: Unit, u: Unit) -> bool:
    """A decision whose sentence is cut at a line's end: "… hebdomadaires. Le conseil municipal, à" /
    "l'unanimité, adopte la motion annexée …" (the line where it ends records it)."""
    if ends_sentence(above.text, ".;:!?") or not u.text[:1].islower():
        return False
    tail = SENTENCE.split(above.text)[-1]
    head = SENTENCE.split(u.text)[0]
    return _decides(fold(f"{tail} {head}").strip())


def _vote_after_act(folded: str) -> bool:
    """A vote printed beside the act number opening the line: "DCC n° 2024-093 – Vote : unanimité
    des présents et représentés"; not a title ("2017.03.06-14 VOTE D'UNE MOTION …")."""
    for pattern in data()["headings"]["act"]:
        m = rx(pattern).match(folded)
        if m:
            printed = m.groupdict().get("title")
            title = (printed or "").strip()
            # "N° 2021-044  Taxe de séjour - Tarifs … 2022 . Adopté": the outcome after the title
            tail = folded[m.end("title"):].strip(" .…") if printed else ""
            return (bool(pairing.RESULT_START.match(title)) and _decides(title)) or (bool(tail) and _decides(tail))
    return False


# sentences of a line: a paragraph run on one line ("1. Vote des taux … M. le Maire propose de
# maintenir les taux … Après en avoir délibéré, le Conseil Municipal adopte …") is judged
# sentence by sentence, so that a proposal in one does not hide the decision in the next; an amount's
# euro sign typed or read as "E" ends one too ("… à 94 750 E. Voté : 7 pour.")
SENTENCE = re.compile(r"(?:(?<=[^\W\d_]{3}[.;!?])|(?<=[\d%€)][.;!?])|(?<=\d\s[Ee][.;!?]))"
                      r"\s+(?=[A-ZÀ-Ý])")  # "… de 2 %. Adoptés"


def _decides(folded: str) -> bool:
    if any(rx(p).search(folded) for p in data()["not_evidence"]):
        return False
    return any(rx(p).search(folded) for p in data()["evidence"])


def _vote_tables(units: list[Unit]) -> list[int]:
    """The header row of a vote table ("Collège | Pour | Contre | Abstention" over "Élus | 9 |
    0 | 0" … "Total | 14 | 0 | 1"), or the first label of one flattened a cell a line ("Votants" /
    "Pour" / "Contre" / "Abstention" / "41" / "40" / "0" / "1"): a vote recorded, though no single
    line says so."""
    flat = FLAT_VOTE_LABEL.fullmatch
    return [k for k, u in enumerate(units) if (u.cells and k + 1 < len(units) and units[k + 1].cells
                                               or flat(u.folded.strip()) and not _label_above(units, k)
                                               or _labels_only(u))
            and not re.search(r"\d", u.text) and re.search(r"\b(?:pour|contre|abst|votants)", u.folded)
            and counts.read(units[k:k + 10], tuple(lexicon.get("vote_counts")))]


def _labels_only(u: Unit) -> bool:
    """"Votants Pour Contre Abstention NPPV" over "42 30 12 0 0": three count labels or more, two of them a
    vote's sides, nothing but separators between them and no figure on the line (its values below)."""
    if re.search(r"\d", u.text) or not re.search(r"\b(?:pour|contre|abst)", u.folded):
        return False
    found = lexicon.labels("counts", u.folded)
    sides = sum(lb.name in lexicon.get("vote_counts") for lb in found)
    return sides >= 2 and len(found) >= 3 and not re.sub(r"[\s|.:/]", "", "".join(
        u.folded[a.end:b.start] for a, b in zip(found, found[1:])))


FLAT_VOTE_LABEL = re.compile(r"(?:nombre\s+de\s+)?votants|pour")  # a flattened table's first label


def _label_above(units: list[Unit], k: int) -> bool:
    """"Délégués présents" / "Pouvoirs" / "Votants" / "Pour" / … / "8" / "6": the labels go on from
    a sitting's count box above (an extract's head), not a vote's own table."""
    above = units[k - 1].folded.strip() if k else ""
    return bool(above) and not re.search(r"\d", above) and bool(lexicon.label_at_start("counts", above))
