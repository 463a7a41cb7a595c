"""Where a count's label sits on its line, over a run of units read as one text.

counts.py reads a label's value; these predicates say what surrounds the label, e.g.::

    Présents : 29 – Pouvoirs : 12                  starts_line (the label opens its line)
    Vote : Pour 27, Contre 0                        counts_to_end (labels and numbers to the end)
    (15 membres en exercice – 13 / présents – 13    value_first (a number before the first label)
    Conseillers représentés: / 3                    label_ends_line (its value may be below)
"""
from __future__ import annotations

import re
from bisect import bisect_right

from extractors import lexicon
from extractors.count_text import COUNTS_TITLE, digits, only_counts
from extractors.rejoin import rejoined
from extractors.stream import Unit


class Run:
    """Units read as one text, with the unit each character comes from."""

    def __init__(self, units: list[Unit]):
        self.units = units
        pieces, self.starts = [], []
        pos = 0
        for text in rejoined([u.text for u in units]):
            self.starts.append(pos)
            text = digits(text)
            pieces.append(text)
            pos += len(text) + 1
        self.text = "\n".join(pieces)

    def unit_at(self, pos: int) -> int:
        """The index of the unit holding offset `pos` (asked for every label: a bisection)."""
        return max(bisect_right(self.starts, pos) - 1, 0)

    def line_of(self, pos: int) -> tuple[int, int]:
        """(start, end) offsets of the unit holding `pos`."""
        k = self.unit_at(pos)
        end = self.starts[k + 1] - 1 if k + 1 < len(self.starts) else len(self.text)
        return self.starts[k], end


def in_bracket(run: Run, label: lexicon.Label) -> bool:
    """"(présents 10 / votants" / "11).": the label inside a bracket left open on its line, its
    number at the start of the next (not "Pour : 10, Contre : 2, Abstentions" / "1", which may
    be the page's number)."""
    start, _ = run.line_of(label.start)
    before = run.text[start:label.start]
    return before.rfind("(") > before.rfind(")") and not re.search(r"\d\s*$", before)


def label_ends_line(run: Run, label: lexicon.Label) -> bool:
    """The label ends its line ("Pouvoirs :", "… Conseillers représentés:" / "3"), and what
    comes before it on the line is no sentence: its value may be on the next line."""
    start, end = run.line_of(label.start)
    before = run.text[start:label.start]
    if before.rfind("(") > before.rfind(")"):  # "X quitte la séance (présents : 66 – votants :" / "67)."
        before = before[before.rfind("(") + 1:]
    return not re.sub(r"[\s:=|._…]+", "", run.text[label.end:end]) and (
        not re.sub(r"[\s:=|._…]+", "", before) or only_counts(before))


def counts_to_end(run: Run, pos: int) -> bool:
    """From `pos` to the end of its line, count labels and numbers only ("Vote : Pour 27,
    Contre 0"), after a break, not mid-phrase ("… de la traverse du bourg pour un")."""
    start, end = run.line_of(pos)
    # "Vote : POUR 23 – CONTRE 4 (M. BLONDEL, Mme MARTEL, …)": who voted so, in a bracket after the counts
    # (not a gloss between a label and its number: "Vote : pour (avis défavorable) 8 - contre 3")
    bracket = run.text.find("(", pos, end)
    end = bracket if bracket > pos and re.search(r"\d", run.text[pos:bracket]) else end
    cell = run.text.find("|", pos, end)  # "… | Pour 72 · Contre 10 · Abst 4 | Adoptée": the cell's end
    end = cell if cell > pos else end
    # "Vote : pour 21, contre 3, abstentions 2. Les statuts …" (not "Contre 1 | Abst. 0")
    sentence = re.search(r"(?<!\babst)(?<!\bnbre)(?<!\bnb)\.\s", run.text[pos:end])
    end = pos + sentence.start() if sentence else end
    before = run.text[start:pos].rstrip()
    if before.endswith(","):  # "Vote : Pour 27, Contre 0", not "… la société Restaurel Ouest, pour un" / "montant"
        # "Le tarif passe à 0,043 €. Pour 15, contre 0": the clause begins after the sentence before
        clause = re.split(r"[:;(]|(?<!\babst)(?<!\bnbre)(?<!\bnb)\.\s", before)[-1].strip(" ,")
        return only_counts(run.text[pos:end]) and (not re.sub(r"[\d\s,.]+", "", clause) or only_counts(clause))
    return only_counts(run.text[pos:end]) and (not before or before[-1] in ":;.–-(/|·•" or only_counts(before))


def label_first(run: Run, label: lexicon.Label) -> bool:
    """A line of counts that opens on a label and closes on a number: each number follows its
    label ("Nombre de conseillers : en exercice 11 présents 4 représentés 2 votants 6")."""
    start, end = run.line_of(label.start)
    line = run.text[start:end]
    title = COUNTS_TITLE.match(line)
    rest = line[title.end():] if title else line
    return bool(re.match(r"[\s\-–•*·>|]*[a-z]", rest)) and bool(re.search(r"\d\s*[.)]?\s*$", rest)) and only_counts(line)


def number_before_label(run: Run, pos: int) -> bool:
    """A label of the number-before families right after `pos` ("… 32 votants")."""
    rest = run.text[pos:pos + 60]
    found = lexicon.labels("counts", rest)
    if found and "\n" in rest[:found[0].start] and re.match(r"\s*:", rest[found[0].end:]):
        return False  # "… | votants 17" / "Présents : ROCHETTE Gilles, …": the next line's label opens its list
    # "… 32 votants", "| 0 membres absents" (one word between)
    return bool(found) and re.fullmatch(r"\s*(?:[a-z]+\s+)?", rest[:found[0].start]) is not None and \
        found[0].name in lexicon.get("number_before")


def number_ends(run: Run, pos: int) -> bool:
    """A number right before `pos` on its line ("| 19 élus présents", "| 19 membres élus
    présents"), not a time nor a date."""
    start, _ = run.line_of(pos)
    if not run.text[start:pos].strip() and cut_above(run, start):
        start = run.line_of(start - 1)[0]  # "… – 13" / "présents – 13 votants": the line above's
    return bool(re.search(r"(?<![\w.,/:])\d{1,4}(?:\s+[a-z]+)?\s*$", run.text[start:pos]))


# a line of counts cut after a number: "(15 membres en exercice – 13" (not "… DU 12 DÉCEMBRE 2019")
# or after its number and the members' noun: "… s'établissent ainsi : 11 membres" / "présents ; 17 …"
CUT_AFTER_NUMBER = re.compile(r"(?:[–—|(-]|[:=])\s*\d{1,3}(?:\s+(?:membres|conseill\w+|delegue\w*|elu\w*))?\s*\n$")


def cut_above(run: Run, start: int) -> bool:
    """The line ending at `start` is cut after a count ("(15 membres en exercice – 13" / "présents
    …"); searched in the few characters before `start`, not the whole text up to it."""
    return CUT_AFTER_NUMBER.search(run.text, max(0, start - 80), start) is not None


def value_first(run: Run, label: lexicon.Label) -> bool:
    """The counts give a number before their first label ("Vote : 19 pour — 2 abstentions",
    "(15 membres en exercice – 13" / "présents – 13 votants"), not a label first ("Présents – 12
    Mandats – 3 Total votants – 15", "Total présents – 17" / "Nb de votants – 20")."""
    start, end = run.line_of(label.start)
    if LEAD_IN.match(run.text, start, end):
        return True  # "Membres du Bureau : 20 en exercice — 15 présents — 2 procurations — 17 votants"
    start, first = first_label(run, start, end, label.start)
    if LABEL_TAIL.fullmatch(run.text[start:first]) and LABEL_CUT_ABOVE.search(run.text, max(0, start - 80), start):
        return True  # "(44 délégués" / "communautaires en fonction - 36 présent(e)s - 38 membres votants)"
    while not run.text[start:first].strip() and cut_above(run, start):
        start, end = run.line_of(start - 1)  # the counts began on the line above
        start, first = first_label(run, start, end, end)
    return bool(re.search(r"\d", run.text[start:first]))


# a label leading the counts in, the members first, each number then before its own: "Membres du Bureau : 20 en
# exercice — 15 présents — …" (not "… en exercice : 29   Présents - 24", "… : 33 dont présents – 27")
LEAD_IN = re.compile(r"[^\W\d][^\d:\n]{2,40}:[ \t]*\d{1,4}[ \t](?:en\s+exercice|en\s+fonctions?|membres|elus|"
                     r"delegues|conseillers)\b")


# a first label cut across lines after its number: "(44 délégués" / "communautaires en fonction - 36 …"
LABEL_CUT_ABOVE = re.compile(r"\(\s*\d{1,3}(?:\s+[^\W\d_]+){1,3}[ \t]*\n$")


LABEL_TAIL = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s*")


OPENING_BRACKET = re.compile(r"\((?!(?:e|s|es|nt)\))")  # not "présent(e)s", "votant(s)"


def first_label(run: Run, start: int, end: int, before: int) -> tuple[int, int]:
    """Where the counts of the line begin (after a bracket opening them: "… pour délibérer (19
    sièges | 18 …"), and where their first label starts (not "quorum"), up to `before`."""
    # a bracket still open ("(19 sièges | 18"), not a gloss closed ("en exercice (effectif) | 41")
    opened = [m.end() for m in OPENING_BRACKET.finditer(run.text, start, before) if ")" not in run.text[m.end():before]]
    start = opened[-1] if opened else start
    found = [lb for lb in lexicon.labels("counts", run.text[start:end])
             if start + lb.start <= before and not lb.name.startswith("_")]
    return start, start + found[0].start if found else before


def starts_line(run: Run, label: lexicon.Label) -> bool:
    """The label opens its line, after a bullet or a lead naming the vote ("Vote : Pour 56 –
    unanimité des votants.", "Résultat du vote : Pour 12 Contre 3")."""
    start, _ = run.line_of(label.start)
    return not VOTE_LEAD.sub("", re.sub(r"^[\s\-–•*·>|]+", "", run.text[start:label.start]))


VOTE_LEAD = re.compile(r"(?i)^(?:vote|votes|r[ée]sultats?\s+du\s+vote|scrutin)\s*:\s*")
