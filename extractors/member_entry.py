"""One entry of a list of members read as a member: a name, a status, a proxy's holder.

    M. GIRAUD (donne procuration à M. LE GALL)     under "Présents :": absent, holder M. LE GALL
    Irène HUSSER (excusée)                         absent, excused
    ESTÈVE (à HUMBERT)                             in a list of proxies: giver, then holder
    formant la majorité des membres en exercice    no member (a sentence, not a name)

members.py cuts a list into entries; this module says what each entry is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors import lexicon
from extractors.entries import TIMED_WORDS, strip_civilities
from extractors.list_labels import ListLabel
from extractors.names import parse_entry
from extractors.stream import fold


PARTICLES = {"de", "du", "des", "la", "le", "van", "von", "der", "den", "da", "di", "dos", "del", "el", "ben",
             "d'", "l'", "y", "e", "et", "mc", "mac", "st", "ste"}


# an entry that says when its member came or went: "X (arrivé à 20h30)" (entries.TIMED_WORDS)
TIMED = re.compile(rf"(?:\(|,|\s[–—-])[^)]*?\b(?:{TIMED_WORDS})")


PROXY_WORDS = re.compile(r"\b(?:pouvoir|procuration|mandat|represente(?:e|s|es)?|delegation|donne|confiee?)\b")


@dataclass
class Member:
    """One member of a list; `unit` is the index of the line (in the region read) naming them."""

    name: str
    status: str  # present | absent
    unit: int
    excused: bool | None = None
    holder: str | None = None
    substitute_for: str | None = None
    gave_proxy: bool = False  # listed as having given a proxy, whether its holder is named or not
    doubt: str | None = None  # why its list is in doubt, a provenance method (checks/trust.py WEAK_METHODS)
    list_at: int = -1  # the line its list starts on: two entries of one list are two people
    also_listed: str | None = None  # the other status a second list gives this same name
    timed: bool = False  # its entry says when it arrived or left: "X (arrivé à 20h30)"


# one mark says a member listed among the présents was not there: "(excusée)", "[absent]", "/ absent"
ABSENCE_WORD = r"(?i:(?:absent|excus)[a-zé]*|abs\.(?:\s*exc\.)?)"  # "– abs. exc."


ABSENCE_MARK = re.compile(rf"\(\s*({ABSENCE_WORD})\s*\)")


def read(entry: str, label: ListLabel, unit: int) -> Member | None:
    entry = re.sub(r"^\s*et\s+", "", entry)  # "… à Colette CARRÉ" / "et Jean MULLER à Hugo GAUTIER"
    parsed = parse_entry(entry)
    name, holder, substitute = (parsed.name, parsed.holder, parsed.substitute_for) if parsed else (entry, None, None)
    if label.kind == "proxies" and holder is None:
        # "ESTÈVE (à HUMBERT)", "M. Robert LAMY (Augy-sur-Aubois) à M. Claude BONNET": the whole entry
        name, holder = _bare_holder(entry if re.search(r"\(\s*(?:à|a|au)\s|\)\s*(?:à|a|au)\s", entry) else name)
        name = re.sub(r"\s*\([^()]*\)\s*$", "", name)  # the giver's commune in brackets
    name = strip_civilities(name)
    if not looks_like_member(name):
        return None
    holder = strip_civilities(holder) if holder else None
    # "M. GIRAUD (donne procuration à M. LE GALL)" under "Présents :": who gives a proxy is absent,
    # and so is "Irène HUSSER [excusée]" under the last présent, with no label of its own
    mark = ABSENCE_MARK.search(entry)  # "M. X (excusé) / procuration : Y" says excused in any list
    status = "present" if label.kind == "present" and not holder and not mark else "absent"
    holder, doubt = _holder_name(holder) if holder and not looks_like_member(holder) else (holder, None)
    excused = label.excused if status == "absent" else None
    if mark and fold(mark.group(1)).startswith(("excus", "abs. exc", "abs.exc")):
        excused = True
    return Member(name, status, unit, excused, holder if status == "absent" else None, substitute,
                  label.kind == "proxies" or bool(holder) or bool(doubt), doubt, timed=bool(TIMED.search(fold(entry))))


def _holder_name(holder: str) -> tuple[str | None, str | None]:
    """A holder read with more after the name: "Yann KERHERVÉ en exercice : 23" (a side box on
    the same line) is "Yann KERHERVÉ"; "Gaëlle Bouzid Marcel Klein a donné pouvoir à …" (entries
    run together) is no one, and its list in doubt."""
    m = re.match(r"(?:[A-ZÀ-Ý][\w'’.-]*\s+|(?:de|du|des|le|la|d'|l')\s+){0,5}[A-ZÀ-Ý][\w'’.-]*", holder)
    rest = holder[m.end():] if m else holder
    if m and looks_like_member(m.group(0)) and (not PROXY_WORDS.search(fold(rest)) or PROXY_FORM.match(fold(rest))):
        return m.group(0), None
    return None, "list_partial"


# how the proxy was given, after its holder: "(représentée par Mme CHAMPION, pouvoir écrit)"
PROXY_FORM = re.compile(r"\s*[,;–-]?\s*(?:pouvoir|procuration|mandat)\s+(?:ecrite?|jointe?|remise?|deposee?|signee?|"
                        r"transmise?|reguliere?|en\s+bonne\s+forme)\s*[.)]?\s*$")


def _bare_holder(entry: str) -> tuple[str, str | None]:
    """In a list of proxies, "Marta Chron à Marc Baïetto" or "ESTÈVE (à HUMBERT)": the giver,
    then the holder."""
    # "X À MME Y" in capitals; "Monsieur Félix Texier : Monsieur Fernand Barral"
    # the first "à" outside a bracket that is not the holder's: "Mme Léa HARDY (arrivée à 21 h) à Mme Annie CAILLAUD"
    found = (m for m in re.finditer(r"\s+\(?(?:à|a|au)\s+(?=\S)|\s*:\s+(?=(?:M\.|MM\.|Mme|Monsieur|Madame|[A-ZÀ-Ý]))",
                                    entry, flags=re.IGNORECASE)
             if m.group(0).lstrip().startswith("(") or entry[:m.start()].count("(") <= entry[:m.start()].count(")"))
    m = next(found, None)
    if not m:
        return entry, None
    # "M. Pierre-Henri BERTRAND-FAURE (Saint-Julien-lès-Metz)": the holder's commune is no part of the name
    return entry[:m.start()], re.sub(r"\s*\([^()]*\)?\s*$", "", entry[m.end():].strip(" .,;)")) or None


BODY_WORDS = frozenset({"communaute", "commune", "syndicat", "departement", "region", "metropole", "agglomeration"})


ELIDED_SURNAME = re.compile(r"[dl]['’][A-ZÀ-Ý]{2,}(?:[-'’][A-ZÀ-Ý]+)*$")


def looks_like_member(name: str) -> bool:
    """A person's name: a capitalised word, at most six words, no sentence in it
    ("formant la majorité des membres en exercice" is not one)."""
    words = name.split()
    # "(Ontex-le-Haut)" after "M. André CURTET, Président": the member's commune, cut from him by the role
    if not words or len(words) > 6 or not re.search(r"[A-ZÀ-Ý]", name) or re.fullmatch(r"\([^()]*\)", name.strip()):
        return False
    # ("d'IRIGOYEN Jeannine", "l'HERMITE Paul": a particle elided before a surname in capitals, a first name
    # beside it; not "l'ONF", "d'EDF", "Présidente d'Honneur")
    lower = [w for w in words if w[:1].islower() and fold(w) not in PARTICLES
             and not (ELIDED_SURNAME.match(w) and len(words) > 1)]
    if lower or PROXY_WORDS.search(fold(name)):
        return False
    if lexicon.rx("{members}").fullmatch(fold(name).strip()):
        return False  # "Élus", "Conseillers municipaux": the word for members, not a member
    if fold(words[0]) in BODY_WORDS:
        return False  # "CCB : Communauté de communes du Briançonnais": a legend under the list, no proxy
    return len(re.sub(r"[^\w]", "", name)) >= 2 and not re.fullmatch(r"[\d\W]+", name)
