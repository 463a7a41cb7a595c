"""How many members a vote names on a side, where it names them with that side's count::

    Contre : 7 (SOLER Yasmina, LANGLOIS Sophie, MASSON Josiane, ARNAUD Peio, HENRY Charlotte, PRIGENT
    Monique)
    Le Conseil municipal adopte … par 27 voix pour et 5 voix contre
    (Mme BARRÈRE, M. JOURDAN, Mme VIDAL, M. DUBOSC, Mme LABORDE et M. LACAZE).
    Ont voté contre (5) : M. VEYSSIÈRE, Mme LAFON, M. DEBORD, Mme TARDIEU (pouvoir à M. VEYSSIÈRE), M. MAZEAU.
    Ont voté contre : DUMOLLARD, TROUILLOUD (pouvoir), RIONDET, MAGNIN, soit 4 voix.

The number of names is `contre_nommes` (`pour_nommes`, `abstentions_nommes`), set on the line of
the count; `votes.named_count` compares it with the side's count read on that line. A list that
names a group ("groupe « Agir »", "RN"), voices that are not one per name ("GIUDICELLI (+ pouvoir
TOMASI)", "pouvoir de …"), or a list not closed within a few lines gives nothing: its names would
not count the voices. Phrasings: patterns/sitting.json ("votes", `named_*`).

A side said only by the members who take it, no count printed, is counted on their names (`subject`;
derived, method `side_named`)::

    … adopte le budget primitif 2023 à la majorité des suffrages exprimés, M. Thierry LANGLOIS et Mme
    Sandrine DUBOC votant contre.            Adopté moins deux voix (Mme Josiane PICARD et M. Rachid
    BELKACEM votant contre).                 MM. MARTINEZ et ROUX votent contre, la clé de répartition …
    Adopté à l'unanimité, sauf M. Hugues TESSIER qui vote contre.
"""
from __future__ import annotations

import re

from extractors import entries, lexicon
from extractors.stream import Unit, fold
from schemas.text import ABBREVIATION_END

REACH = 4  # lines a list of names may wrap onto
PLURAL_CIVILITIES = {"mm", "mmes", "messieurs", "mesdames"}  # "Mmes DEFERT et NOLOT": both women
INITIALS = r"(?:[A-ZÀ-Ý]\.(?:-?[A-ZÀ-Ý]\.)?\s*)"
# a name without civility: a forename or initials and a surname in capitals, either order ("Yann
# KIEFFER", "SOLER Yasmina", "P.-M. FERRANDI"); never words in title case alone ("Villeneuve Demain": a group)
FORENAME_WORD = r"[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)*"
CAPS_WORD = r"[A-ZÀ-Ý][A-ZÀ-Ý'’-]+"
NAMED = re.compile(rf"^(?:(?:{FORENAME_WORD}\s+|{INITIALS})+{CAPS_WORD}(?:\s+{CAPS_WORD})*"
                   rf"|{CAPS_WORD}(?:\s+{CAPS_WORD})*\s+{FORENAME_WORD}(?:\s+{FORENAME_WORD})?)$")
SURNAME = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý'’ -]*[A-ZÀ-Ý]$")  # "DUMOLLARD", "LE FUR"
# a surname alone, four letters or more: "LR", "RN", "UDC" alone are groups
BARE_SURNAME = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý'’ -]{2,}[A-ZÀ-Ý]$")
ASIDE = re.compile(r"\([^()]*\)")  # "(pouvoir à M. VEYSSIÈRE)", "(pouvoir)": the named member's own voice
CAPITALISED = re.compile(r"^(?:[A-ZÀ-Ý][\w'’.-]*\s*)+$")  # after "Mme": "Ouali", "BERGÉ Camille"
BY_PROXY = re.compile(r"\s+(?:par|avec)\s+(?:procuration|pouvoir|mandat)$")  # "Mme LEPETIT par pouvoir"


def read(units: list[Unit]) -> list[tuple[str, int, int | None, int]]:
    """(column, names, count stated, unit index) of each side listed by name, first statement kept."""
    found: dict[str, tuple[str, int, int | None, int]] = {}
    for k in range(len(units)):
        for side, names, stated in _statements(units, k):
            column = side if side in ("pour", "contre") else "abstentions"  # "abstention(s)", "se sont abstenus"
            found.setdefault(column, (column, names, stated, k))
    return list(found.values())


def _statements(units: list[Unit], k: int):
    text = _wrapped(units, k)
    folded, first = fold(text), len(units[k].text)
    for pattern in lexicon.get("votes", "named_bracket"):
        for m in lexicon.rx(pattern).finditer(folded):
            names = _bracketed(text, m.end()) if m.start() < first else None
            named = _count(names, bare=False) if names else None
            if _judged(named, int(m.group("n"))):
                yield m.group("side"), named, int(m.group("n"))
    for pattern in lexicon.get("votes", "named_colon"):
        for m in lexicon.rx(pattern).finditer(folded):  # "Ont voté pour (24) : … . Ont voté contre (3) : …"
            names, stated = _counted_after(_to_sentence_end(text[m.end():]), m.group("n")) if m.start() < first \
                else ("", None)
            named = _count(names, bare=True) if names else None
            if stated is not None and _judged(named, stated):
                yield m.group("side"), named, stated


def _judged(named: int | None, stated: int) -> bool:
    """A list worth comparing: "Pour : 20 (dont M. X par procuration)" or "Abstentions : 0 (M. X
    ne prend pas part au vote)" name someone beside the count, not the side's voters."""
    return bool(named) and stated > 0 and (named > 1 or stated == 1)


def _wrapped(units: list[Unit], k: int) -> str:
    """The line and those its statement wraps onto (until a line opens another statement)."""
    lines = [units[k].text]
    for u in units[k + 1:k + 1 + REACH]:
        if lexicon.rx(lexicon.get("votes", "next_statement")).search(u.folded) or _closed(lines[-1]):
            break
        lines.append(u.text)
    return " ".join(lines)


def _closed(line: str) -> bool:
    line = line.rstrip()
    return line.endswith((".", ")", ";")) and not ABBREVIATION_END.search(line)


def _bracketed(text: str, at: int) -> str | None:
    """The text inside the bracket opened at `at`, brackets inside it kept; None if unclosed."""
    depth = 0
    for i in range(at, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return text[at + 1:i]
    return None


def _to_sentence_end(text: str) -> str:
    for m in re.finditer(r"[.;](?=\s|$)", text):
        if not ABBREVIATION_END.search(text[:m.end()]):
            return text[:m.start()]
    return text


def _counted_after(names: str, before: str | None) -> tuple[str, int | None]:
    """The names and the count, said before them "(5) :" or after "(2)", ", soit 4 voix"."""
    m = lexicon.rx(lexicon.get("votes", "named_count_after")).search(fold(names))
    if not m:
        return names, int(before) if before else None
    after = int(m.group("n") or m.group("n2"))
    return names[:m.start()], int(before) if before else after


def not_persons(names: str) -> bool:
    """Words that name no one member: "groupe", "les élus", "pouvoir de", "(5" (sitting.json votes `named_not_persons`)."""
    return bool(lexicon.rx(lexicon.get("votes", "named_not_persons")).search(fold(names)))


def _count(names: str, bare: bool) -> int | None:
    """Members a list names, one voice each; None when it names anything else. `bare`: the
    statement says members voted ("Ont voté contre : DUMOLLARD, …"), so a surname alone is one."""
    if not_persons(names):
        return None
    parts = [e.strip(" .") for e, _ in entries.entries(ASIDE.sub("", names))]
    parts = [p for p in parts if p and not p[0].islower()]  # "non inscrite", "par procuration": appositions
    plural, short = False, 0
    for p in parts:
        p = BY_PROXY.sub("", p)
        civility = entries.CIVILITY_START.match(fold(p))
        if civility:  # the name after it, never "M. le Président" or "Mme X ne prenant pas part au vote"
            plural = civility.group(0).rstrip(". ") in PLURAL_CIVILITIES
            if not CAPITALISED.match(p[civility.end():].strip()):
                return None
        elif bare and SURNAME.match(p) and not BARE_SURNAME.match(p):
            short += 1  # "REY" among sixteen surnames; "LR, RN" alone are groups
        elif not (NAMED.match(p) or plural and SURNAME.match(p) or bare and BARE_SURNAME.match(p)):
            return None  # "UDC", "Écologistes": not a member's name
    return len(parts) if parts and (not short or len(parts) >= 3 and 5 * short <= len(parts)) else None


def subjects(units: list[Unit]) -> list[tuple[str, int, int]]:
    """(column, names, unit index) of each side whose members a sentence names as its subject, each
    with a civility ("M. X et Mme Y votent contre", "Mme A, M. B s'abstiennent"), first statement kept."""
    found: dict[str, tuple[str, int, int]] = {}
    for k, u in enumerate(units):
        for m in lexicon.rx(lexicon.get("votes", "side_named")).finditer(u.folded):
            column = "contre" if m.group("contre") else "abstentions"
            named = _subject(u.text[:m.start()])
            if named and column not in found:
                found[column] = (column, named, k)
    return list(found.values())


# where the subject's clause opens: a bracket, a colon, a semicolon or a full stop (not a civility's
# or an initial's: "M. Thierry LANGLOIS", "J. DURAND")
CLAUSE_BREAK = re.compile(r"[(;:]|(?<!\bM)(?<!\bMM)(?<!\bMme)(?<!\bMmes)(?<!\b[A-ZÀ-Ý])\.\s")


def _subject(before: str) -> int | None:
    """The names ending `before` counted, from the first civility after the clause's last break
    ("…, M. Thierry LANGLOIS et Mme Sandrine DUBOC"); None unless each is a member named."""
    clause = CLAUSE_BREAK.split(ASIDE.sub("", before))[-1]  # "Mme Lise ROUX (par pouvoir) s'abstiennent"
    clause = WHO.sub("", clause)  # "à l'unanimité, sauf M. Hugues TESSIER qui vote contre"
    for c in CIVILITY_AT.finditer(fold(clause)):  # (after "de" too: "à l'exception de Mme A et M. B, qui s'abstiennent")
        if c.start() == 0 or clause[c.start() - 1] in " ,":
            # (not "Les élus du groupe « Agir », M. X et Mme Y, votent contre": the group's voices)
            return None if GROUP.search(fold(clause[:c.start()])) else _count(clause[c.start():], bare=False)
    return None


# a civility anywhere in the clause, after "de" too (`entries.CIVILITY_START` leaves "de M." to an address)
CIVILITY_AT = re.compile(rf"(?<![\w.]){entries.CIVILITY}")
WHO = re.compile(r",?\s+qui\s*$")  # the relative clause's pronoun before its verb


# what the names stand for, or another sitting's vote: "Les élus du groupe « Agir », M. X et Mme Y, votent contre",
# "Lors de la commission des finances du 2 mars 2024, M. X et Mme Y ont voté contre ce projet"
GROUP = re.compile(r"\b(?:groupes?|listes?|elus|membres|opposition|conseillers|commissions?|comite|bureau|lors\s+d"
                   r"|seance\s+du|reunion\s+du)\b")
