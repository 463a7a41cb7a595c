"""The heading of a sitting's record, read for the body, its organ and the sitting's date::

    COMMUNE D'ILLATS
    COMPTE-RENDU DU CONSEIL MUNICIPAL
    DU 13 DECEMBRE 2018

    SYNDICAT INTERCOMMUNAL                          EXTRAIT DU REGISTRE
    D'ALIMENTATION EN EAU POTABLE                   DES DÉLIBÉRATIONS
    DE LA VALLÉE DE L'OUCHE                         DU COMITÉ SYNDICAL

The names are patterns (patterns/sitting.json: `collectivite`, `organe`, `session_title`);
`extractors/sitting.py` calls `read_heading` on each short line and keeps the first value
read for each column.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from extractors import bodies, lexicon, opening
from extractors.normalise import parse_date, parse_time, words_to_digits
from extractors.stream import Unit, fold, joined, slice_of as _slice

if TYPE_CHECKING:  # the reading is sitting.py's; this module only fills it
    from extractors.sitting import Fact, Reading


def read_heading(r: Reading, units: list[Unit], k: int) -> None:
    """``"COMMUNE D'ILLATS"``; ``"COMPTE-RENDU DU CONSEIL MUNICIPAL"`` / ``"DU 13 DECEMBRE 2018"``."""
    u = units[k]
    if k < DATE_LINES and DATE_ALONE.match(u.folded.strip()):  # "Le Mardi 7 mars 2006" under the title
        r.set("session_date", parse_date(u.text), u.span, "session_title")
    if not title_like(u):
        lead, rest = _capitals_lead(u) if k < LETTERHEAD_LINES else (None, u)
        _read_clause(r, rest)  # "… COMMUNAUTAIRE Séance du lundi 7 février 2022 à 18 h 30 – Salle …"
        if lead is None:
            return
        units = [*units[:k], lead, *units[k + 1:k + 3]]  # the body's name may go on below
        u = lead
    body = _read_body(r, units, k)
    _read_organe(r, u, body)
    if re.match(r"^(?:a|à)\s", u.folded.strip()):
        opening.read_place(r, u.text, u.span)
    window = joined([x.text for x in units[k:k + 2]]) if k + 1 < len(units) else u.text
    # "… – SÉANCE DU DIX-NEUF JUIN DEUX MILLE" / "DOUZE": a year in words cut at the line's end
    cut = WORDS_CUT.search(u.folded)
    _days_of_session(r, u)
    for text in (window, u.text) if cut else (u.text, window):
        text = _sitting_title(text)
        if text is not None:
            day = parse_date(text)  # (dateparser: once a line)
            r.set("session_date", day, u.span, "session_title")
            if day:
                r.set("session_time", parse_time(text), u.span, "session_title")
            break


# a letterhead flattened onto one line with the sitting's title and place: "COMMUNAUTÉ DE COMMUNES DU
# PAYS DE FAYENCE PROCÈS-VERBAL DU CONSEIL COMMUNAUTAIRE Séance du mardi 10 juillet 2018 à 18h00 – …"
CAPITALS_LEAD = re.compile(r"^\s*(?:[A-ZÀ-ÝŒ][A-ZÀ-ÝŒ'’-]*\s+){2,}[A-ZÀ-ÝŒ][A-ZÀ-ÝŒ'’-]+(?=\s+[A-ZÀ-Ý][a-zà-ÿ])")
# a date alone on a line among the first of a sitting, its weekday with it ("Le Mardi 7 mars 2006"): the
# sitting's (not "Le 15 mars 2024" at the foot, nor a date without its weekday)
DATE_ALONE = lexicon.rx(r"^(?:le\s+)?{weekday}\s+\d{1,2}(?:er)?\s+{month}\s+\d{4}\s*[.:]?$")
DATE_LINES = 6
LETTERHEAD_LINES = 3  # the first lines of what is read as one sitting (a file, an extract, an item read whole)


def _capitals_lead(u: Unit) -> tuple[Unit | None, Unit]:
    """The words in capitals leading a line too long for a heading, as a heading of their own, and
    the rest of the line (the whole line, when no such words lead it)."""
    m = CAPITALS_LEAD.match(u.text)
    # (not "RÉPUBLIQUE FRANÇAISE DÉPARTEMENT DE L'AIN ARRONDISSEMENT DE BELLEY Extrait du registre …": the
    # State's divisions, the commune named further on)
    if not m or len(m.group().split()) < 3 or re.search(r"\b(?:ARRONDISSEMENT|CANTON)\b", m.group()):
        return None, u
    return replace(u, text=m.group().strip()), replace(u, text=u.text[m.end():].strip())


# "Séance ordinaire du 11 décembre 2017, convoquée le 4 décembre 2017, sous la présidence de …":
# a sentence led by the sitting's title; only a clause that starts with the sitting itself, not
# "Lors de la séance du 12 mars 2020, le conseil avait …" (an earlier sitting recalled)
SITTING_CLAUSE = re.compile(r"^(?:seance|reunion|session)\b[^,;:]{0,60}$")
SITTING_WORD = re.compile(r"(?:seance|reunion|session)\b")  # the clause's first word, tested first
# "Séance du 12 décembre 2023, ajournée faute de quorum.", "Réunion du 14 novembre reportée au 21
# novembre": a sitting that did not take place, not this one
NOT_HELD = re.compile(r"\b(?:ajourn|report|annul|remise?\b|differ|faute\s+de\s+quorum|n'a\s+pu)")


def _read_clause(r: Reading, u: Unit) -> None:
    """The sitting's date leading a sentence: "Séance ordinaire du 11 décembre 2017, convoquée le 4
    décembre 2017, sous la présidence de M. Guy BONIN, Maire." (the clause before the first comma)."""
    if not SITTING_WORD.match(u.folded.lstrip()) or NOT_HELD.search(u.folded):
        return  # read on every line that is no title: most lines are ruled out here, before any folding
    clause = re.split(r"[,;]", u.text.strip(), maxsplit=1)[0]
    folded = fold(words_to_digits(fold(clause))).strip()
    if SITTING_CLAUSE.match(folded) and lexicon.first("session_title", folded):
        day = parse_date(clause)
        r.set("session_date", day, u.span, "session_title")
        if day:
            r.set("session_time", parse_time(clause), u.span, "session_title")


# "Réunion des 25 et 26 juillet 2019 – séance du jeudi 25 juillet 2019 (matin)": a session of two
# days, the sitting's own day said last
# "ASSEMBLÉE PLÉNIÈRE DES 12 ET 13 OCTOBRE 2023" / "REGISTRE DES DÉLIBÉRATIONS – SÉANCE DU JEUDI 12 OCTOBRE
# 2023": the sitting's own day said after the dash; after the body's name and its organ on a running
# header ("Ville de Nogent-le-Rotrou – Conseil municipal – SÉANCE DU 14.03.2023      1/3")
SITTING_OF_SESSION = re.compile(r"(?i)\s[–—-]\s*(?=(?:s[ée]ance|r[ée]union|session)\b[^–—]{0,40}?\bdu\s)")


# "SÉANCE PLÉNIÈRE DES 16 ET 17 DÉCEMBRE 2021" over the minutes of both days: the session opened on the
# first, unless a line names the sitting's own day ("SÉANCE DU VENDREDI 17 DÉCEMBRE 2021", read first)
DAYS_OF_SESSION = lexicon.rx(r"^(?:seance|reunion|session|assemblee)\b[^\d,;]{0,30}?\bdes\s+(\d{1,2})(?:er)?\s+"
                             r"(?:et|au)\s+\d{1,2}(?:er)?\s+({month})\s+(\d{4})\b")


def _days_of_session(r: Reading, u: Unit) -> None:
    m = DAYS_OF_SESSION.match(u.folded.strip())
    if m:
        r.suppose("session_date", parse_date(" ".join(m.groups())), u.span, "session_title")


def _sitting_title(text: str) -> str | None:
    """The part of a heading line that titles the sitting, else None: the line ("SÉANCE DU 14 MARS 2023"), its
    part after a session's days ("RÉUNION DES 25 ET 26 JUILLET 2019 – séance du jeudi 25 juillet 2019"), the organ's
    part of a running header (`_organ_titled`), or the title right after the organ's name ("Ville de
    Nogent-le-Rotrou – Conseil municipal – SÉANCE DU 14.03.2023", "PETR PAYS DE GÂTINE ET SOLOGNE      Comité
    syndical – séance du 3 avril 2025"; not "Commune de Navarrenx – Commission des finances – Réunion du 2 mars
    2023", a committee's)."""
    parts = SITTING_OF_SESSION.split(text)
    if _titles_sitting(text):
        return parts[-1]
    organ_part = _organ_titled(text)
    if organ_part or len(parts) < 2:
        return organ_part
    before = fold(parts[0]).strip(" ,–—-")
    after_organ = any(m.end() == len(before) for m in lexicon.rx(lexicon.get("organe")).finditer(before))
    return parts[-1] if after_organ and _titles_sitting(parts[-1]) else None


# the parts of a running header: "CCAS de Mulhouse - Conseil d'administration du 11/06/2024      Page 1"
HEADER_PARTS = re.compile(r"\s[–—-]\s|\s{3,}")


def _organ_titled(text: str) -> str | None:
    """The part of a running header, after the body's, that names the organ and the sitting's date ("CCAS de
    Mulhouse - Conseil d'administration du 11/06/2024      Page 1"; not "Commune de Navarrenx – Commission des
    finances – Réunion du 2 mars 2023", a committee's, nor a first part: the heading's own reading)."""
    parts = HEADER_PARTS.split(text)
    return next((p for p in parts[1:] if _titles_sitting(p) and lexicon.rx(lexicon.get("organe")).match(fold(p))), None)


def _titles_sitting(text: str) -> bool:
    return bool(lexicon.first("session_title", fold(words_to_digits(fold(text))).strip()))


def _read_body(r: Reading, units: list[Unit], k: int) -> re.Match | None:
    """The body a heading names ("COMMUNE D'ILLATS", "Commune de" / "RUPT-DEVANT-SAINT-MIHIEL"),
    set as the collectivité; the match of its pattern, which the organ's reading uses."""
    u = units[k]
    own, body = _heading_body(units, k)
    name = bodies.collectivite(_slice(own, body, "name")) if body else None
    if body:
        name = _name_wrapped(units, k, name)
    if name and re.match(r"(?:departement|region|collectivite|conseil\s+(?:general|departemental|regional))\b", fold(name)):
        _read_departement(r, u, name)
    elif name:
        if _spelt_out(r.facts.get("collectivite"), name):  # "CC des Coteaux du Lizon – … – PV – 1/3" above
            del r.facts["collectivite"]
        r.set("collectivite", name, u.span, "heading")
    elif not body and k + 1 < len(units):
        r.set("collectivite", _name_over_kind(u, units[k + 1], units[k + 2] if k + 2 < len(units) else None), u.span,
              "heading")
    return body


def _name_wrapped(units: list[Unit], k: int, name: str | None) -> str | None:
    """The body's name with the heading's lines it goes on to, two at most: "SYNDICAT
    INTERCOMMUNAL" / "D'ALIMENTATION EN EAU POTABLE" / "DE LA VALLÉE DE L'OUCHE"."""
    texts = [units[k].text.strip()]
    for j in range(k + 1, min(k + 3, len(units))):
        if not _name_goes_on(units[j - 1], units[j], name):
            break
        texts.append(STAMP_BESIDE.split(units[j].text.strip())[0])
        both = joined(texts)
        longer = lexicon.first("collectivite", fold(both).strip())
        name = bodies.collectivite(_slice(both, longer, "name")) if longer else name
    return name


def _heading_body(units: list[Unit], k: int) -> tuple[str, re.Match | None]:
    """The heading's text less what surrounds the body's name, and the body pattern it matches."""
    own = bodies.before_organ(bodies.after_republique(units[k].text.strip()))
    own = STAMP_BESIDE.split(own)[0]  # "Ville de Rezé Mis en ligne le 05/07/2023": a stamp set beside the name
    body = lexicon.first("collectivite", fold(own).strip())
    lead = ACRONYM_LEAD.match(own) if not body else None
    spelt = own[lead.end():] if lead and _spells(lead.group(1), own[lead.end():]) else None
    named = lexicon.first("collectivite", fold(spelt).strip()) if spelt else None
    if named:  # "SMEA – Syndicat Mixte des Eaux de l'Allier": the acronym, then the name spelt out
        own, body = spelt, named
    if not body and k + 1 < len(units) and re.search(r"\b(?:de|du|des|d')\s*$", fold(own)) \
            and not lexicon.rx(NOT_A_NAME).search(units[k + 1].folded):
        # "Commune de" / "RUPT-DEVANT-SAINT-MIHIEL": a letterhead's side cut before the name (not
        # "Commune de" / "EXTRAIT DU REGISTRE …", the name printed in a logo the text lost)
        own = own.rstrip() + ("" if own.rstrip().endswith("'") else " ") + units[k + 1].text.strip()
        body = lexicon.first("collectivite", fold(own).strip())
    return own, body


ACRONYM_LEAD = re.compile(r"([A-Z][A-Z.&]{1,11})\s*[–—-]\s+(?=[A-ZÀ-Ý])")


def _spells(acronym: str, name: str) -> bool:
    """The acronym is the name's initials ("SMEA" and "Syndicat Mixte des Eaux de l'Allier"; not "CCAS" and
    "VILLE DE SAINT-PRIEST", the town whose CCAS it is)."""
    initials = "".join(w[0] for w in re.split(r"[\s'’-]+", fold(name)) if w and w not in MINOR_WORDS)
    letters = fold(acronym.replace(".", "").replace("&", ""))
    return initials.startswith(letters) or letters in initials


MINOR_WORDS = {"de", "des", "du", "la", "le", "les", "l", "d", "et", "en", "a", "au", "aux", "sur"}


def _read_departement(r: Reading, u: Unit, name: str) -> None:
    """"DÉPARTEMENT DE LA MANCHE" / "COMMUNE DE X": the commune's papers name its département
    first; under or over its own assembly's heading ("CONSEIL GÉNÉRAL"), it is the body."""
    current = r.fallback.get("collectivite")  # "CONSEIL GÉNÉRAL DU X" / "DÉPARTEMENT DU X": the body
    if current is None or (fold(current.value).startswith("conseil") and not fold(name).startswith("conseil")):
        r.fallback.pop("collectivite", None)
        r.suppose("collectivite", name, u.span, "heading")
    if "organe" in r.fallback and ASSEMBLY.match(fold(r.fallback["organe"].value)):
        r.set("collectivite", name, u.span, "heading")


def _spelt_out(current: Fact | None, name: str) -> bool:
    """``"COMMUNAUTÉ DE COMMUNES DES COTEAUX DU LIZON"`` under a running header's ``"CC des Coteaux
    du Lizon"``, ``"CENTRE COMMUNAL D'ACTION SOCIALE DE MONTBÉLIARD"`` under ``"CCAS de
    Montbéliard"``: the same body, its kind spelt out."""
    m = re.match(r"(?:cc|ca|cu|cdc|ccas|cias|sivu|sivom|smictom|sdis)\s+(?=(?:de|du|des|d')\b)", fold(current.value)) if current else None
    return bool(m) and fold(name).endswith(fold(current.value)[m.end():]) and len(name) > len(current.value)


# a publication stamp printed beside a heading, on one extracted line: "… Mis en ligne le 05/07/2023",
# "… Affiché le 16/12/2022"
# (or a register's folio: "… DU PAYS DE VILLERSEXEL      Folio n° 2017/118")
STAMP_BESIDE = re.compile(r"\s+(?=(?:mis\s+en\s+ligne|affich[ée]e?|publi[ée]e?|envoy[ée]e?|re[çc]ue?|transmise?)\s+"
                          r"(?:le|en|sur)\b)|\s+(?=folio\s+n)", re.IGNORECASE)
WORDS_CUT = re.compile(r"\b(?:mil|mille|cent|(?:vingt|trente|quarante|cinquante|soixante)(?:\s*[-–]?\s*et)?)\s*[-–]?\s*$")


def _name_goes_on(u: Unit, nxt: Unit, name: str | None) -> bool:
    """A body's name wrapped in a heading: ``"CENTRE INTERCOMMUNAL D'ACTION SOCIALE"`` /
    ``"DES PORTES DU MORVAN"``, ``"Communauté de communes"`` / ``"Causses et Gorges du Tarnon"``
    (the first line alone names no body), never the next heading ("BUREAU COMMUNAUTAIRE")."""
    text = STAMP_BESIDE.split(nxt.text.strip())[0]  # "VAL DE MORLÈNE Affiché le 16/12/2022"
    if nxt.gap_before or not text or not title_like(nxt) or re.search(r"\d", text) or text.endswith(":"):
        return False
    folded = fold(text)
    if lexicon.rx(lexicon.get("organe")).search(folded) or lexicon.rx(NOT_A_NAME).search(folded):
        return False
    return name is None or bool(re.match(r"(?:de|du|des|d')\b", folded)) or \
        bool(re.search(r"\b(?:de|du|des|d'|la|le|les|l')$", u.folded.strip()))


def _name_over_kind(u: Unit, nxt: Unit, after: Unit | None = None) -> str | None:
    """A body's name printed over its kind, as a logo sets them: "CÔTE D'ÉMERAUDE" / "Communauté
    de communes", "LE GRAND NARBONNE" / "COMMUNAUTÉ D'AGGLOMÉRATION" -> the kind, then the name;
    not a département over a kind whose name goes on below ("HAUTE-SAVOIE" / "Communauté de
    communes" / "des Sources du Lac d'Annecy")."""
    text = u.text.strip()
    if nxt.gap_before or not KIND_ALONE.fullmatch(nxt.folded.strip()) or not title_like(u) or re.search(r"\d", text):
        return None
    if after is not None and re.match(r"(?:de|du|des|d')\b", after.folded.strip()):
        return None
    folded = u.folded.strip()
    if lexicon.rx(lexicon.get("organe")).search(folded) or lexicon.rx(NOT_A_NAME).search(folded) or NOT_A_BODY.search(folded):
        return None
    return f"{nxt.text.strip()} {text}" if re.search(r"[^\W\d_]{3}", text) else None


# the kind of a body printed alone under its name
# ("PLAINE COMMUNE" / "Établissement public territorial")
KIND_ALONE = re.compile(r"(?:la\s+)?(?:communaute\s+(?:de\s+communes|d'agglomeration|urbaine|intercommunale)|metropole"
                        r"|syndicat\s+mixte|etablissement\s+public\s+territorial)")
# a line above the kind that is no name: the state's motto, the département, a stamp
NOT_A_BODY = re.compile(r"\b(?:liberte|egalite|fraternite|arrondissement|canton|prefecture|envoye|recu|publie|affiche|"
                        r"president|presidente|bureau|siege|tel|courriel)\b|@|:")


# the line under a body's heading that is a title of the page, not the rest of its name
NOT_A_NAME = (r"\b(?:seance|reunion|proces|compte|extrait|registre|deliberations?|releve|ordre\s+du\s+jour|"
              r"convocation|siege|hotel|mairie|place|rue|avenue|etablissement|republique|departement\s+d)\b")


# a département's or a région's own assembly: it names the body, the sitting may be its
# commission permanente's ("CONSEIL GÉNÉRAL" / "COMMISSION PERMANENTE DU 25 JUIN 2012")
# (or a collectivité's: "COLLECTIVITE TERRITORIALE DE MARTINIQUE" / "ASSEMBLEE DE MARTINIQUE")
ASSEMBLY = re.compile(r"conseil\s+(?:general|departemental|regional)$|assemblee\s+de\s+(?:martinique|guyane|corse)$")


def _read_organe(r: Reading, u: Unit, body: re.Match | None) -> None:
    """The organ a heading names; one that names the body ("CONSEIL DÉPARTEMENTAL DE LA
    BRENNE", "CONSEIL GÉNÉRAL") only if no other organ is said."""
    m = lexicon.rx(lexicon.get("organe")).search(u.folded)
    if not m:
        return
    organe = bodies.organ(_slice(u.text, m, "name"))
    inside = body and body.start("name") <= m.start("name") < body.end("name")
    assembly = bool(ASSEMBLY.match(fold(organe)))
    if inside or assembly:
        r.suppose("organe", organe, u.span, "heading")
        if assembly and "collectivite" in r.fallback and "collectivite" not in r.facts \
                and not fold(r.fallback["collectivite"].value).startswith("conseil"):
            body_fact = r.fallback["collectivite"]  # "DÉPARTEMENT DE LA CREUSE" above "CONSEIL GÉNÉRAL"
            r.set("collectivite", body_fact.value, body_fact.span, "heading")
    else:
        r.set("organe", organe, u.span, "heading")


def title_like(u: Unit) -> bool:
    """A heading or a line of a framed box: short, not a sentence."""
    text = u.text.strip()  # words of letters: "Jeudi 22 janvier 2026 – 18 h 00 – Salle du conseil, …"
    words = re.findall(r"[^\W\d_]{2,}(?:[-'’][^\W\d_]+)*", text)  # "SAINT-GERMAIN-EN-LAYE" is one
    # a sentence's full stop, not an acronym's ("OFFICE DE TOURISME DE LA VALLÉE D'AURE - E.P.I.C.")
    return len(words) <= 16 and not (text.endswith((".", ";")) and not re.search(r"(?:\b[A-Z]\.){2,}$", text))
