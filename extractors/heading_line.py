"""One line read as an item's heading, by family: an act number ("2024-031 – Tarifs", "N° CIAS-2012-018
COMPTE ADMINISTRATIF …", "Élection du maire (délibération n° 2026-001)"), a rank ("3.", "III –",
"Point n° 3"), "Objet :", "Décision n° …", a title in capitals or standing alone between blank lines.
Patterns: patterns/segments.json (`headings`, `toc_title`, `caps_stop`); the outline of a whole
document is extractors/segment.py's.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors import act_range, lexicon, members, sitting
from extractors.count_text import is_count_line
from extractors.evidence import is_evidence, result_column
from extractors.normalise import ordinal
from extractors.outline import Heading, act_at_end, data, number_at_end, rx
from extractors.stream import Unit, fold
from schemas.text import ends_on_function_word


def heading_at(units: list[Unit], k: int) -> list[tuple[str, Heading]]:
    """The headings units[k] may be, by family (one at most, or none)."""
    u, bullet = _heading_text(_fields_apart(units, k))
    ranged = act_range.at_start(u.folded)  # "2023-615 à 2023-619  Aides à la pierre …": read on its first act
    span = act_range.printed(u, ranged) if ranged else None
    u = act_range.blank_last(u, ranged) if ranged else u
    folded = u.folded.strip()
    if members.list_label(u.text) or lexicon.label_at_start("counts", folded) and is_count_line(u.text) \
            or lexicon.first("range", folded):
        return []  # "Présents : 16", "Questions 11 à 17 :" are no headings
    out = [(f, h) for f, h in _patterned(u, k, folded, bullet) if not _cited(units, k, h)
           and not _called_note(units, k, h) and not _decision_point(u, f, h)]
    out = [(f, _ranged(h, span)) for f, h in out] if span else out
    if bullet and not out or _listed_acts(units, k):
        return []
    if _is_title(u) and not out:
        out.append(("caps", Heading(k, "caps", None, u.text.strip().rstrip(" :"))))
    elif not out and _act_titled(u):
        out.append(("act", Heading(k, "act", number_at_end(u.text), u.text[:act_at_end(u.text).start()].strip(" –-"))))
    elif not out and _voted_bullet(units, k):
        out.append(("plain", Heading(k, "plain", None, _bullet_title(u.text))))
    elif not out and _is_plain_title(units, k):
        out.append(("plain", Heading(k, "plain", None, u.text.strip())))
    return [(f, h) for f, h in out if not (h.title and any(rx(p).search(fold(h.title)) for p in data()["toc_title"]))
]


def _decision_point(u: Unit, family: str, h: Heading) -> bool:
    """"• 1. Approuve le plan de financement …" under "DÉCIDE :": a bulleted point of the decision, its verb
    in any case (a bulleted rank opens an item's title, "• 1. Compte rendu de la séance du 7 mars")."""
    return family == "numbered" and u.text.lstrip().startswith("•") and bool(h.title) and \
        bool(rx(data()["clause"]).match(fold(h.title)))


def clause(title: str | None) -> bool:
    """A decision's numbered point: its verb in capitals before words in small letters ("2. FIXE à un
    lot unique de 734 ha …", "4. AUTORISE le Maire …"), or a verb no title opens with in any case
    ("1. Décide de …"); not "2. Demande de subvention …", "3. FIXATION DES TARIFS"."""
    if not title:
        return False
    first, _, rest = title.strip().partition(" ")
    capitals = len(first) > 2 and first.isupper() and rest[:1].islower()
    folded = fold(title)
    return bool(rx(data()["clause"]).match(folded) and (capitals or rx(data()["clause_any_case"]).match(folded)))


def _cited(units: list[Unit], k: int, h: Heading) -> bool:
    """An act's number alone on a line inside a sentence, a citation the page wrapped: "… rappelle
    les termes de l'" / "EXTRAIT N° 2      Délibération n° 2024-072" / "du 24 juin 2024, …": the
    line above goes on into it and the line below goes on from it (an act's heading is followed
    by its title, not by "du 24 juin"); with its title, a line a sentence above goes on into
    (`_goes_on_into`)."""
    # (a rank too, opening on a small letter: "… il prend part aux votes a partir du" / "point 5. Presents :
    # 24 - Votants : 28."; not "Dossier 6 : MODIFICATION …", nor after "Résultat du vote : 27 voix pour")
    ranked = h.family == "numbered" and units[k].text.lstrip()[:1].islower() and not VOTE_END.search(units[k - 1].folded)
    # (a rank with no title too: "… prend part aux votes à compter du" / "point 3.")
    # (an act's word on a small letter with no title: "… qui ont pris part à la" / "délibération : 13")
    low = units[k].text.lstrip()[:1].islower()
    if (h.family == "act" and (h.title or low) or ranked) and k > 0 and not units[k].gap_before \
            and _goes_on_into(units[k - 1]):
        return True
    if h.family != "act" or h.title or k + 1 >= len(units) or k == 0:
        return False
    above, below = units[k - 1].text.rstrip(), units[k + 1].text.lstrip()
    # (the line above ends on a word, the one below opens on one: not "Abstentions : 3" / … / "p. 2")
    return bool(re.search(r"[^\W\d_]['’]?$", above)) and bool(re.match(r"[a-zà-ÿ]{2,}\b(?!\.)", below)) \
        and not units[k].gap_before


def _called_note(units: list[Unit], k: int, h: Heading) -> bool:
    """A note under a table, its call "(2)" printed in a line above ("DEL-2023-0043 | Marché de
    restauration scolaire | Adoptée - Pour : 42 ; Contre : 13 (2)" / "(2) M. Éric BONNAZ a quitté la
    séance à 22 h 40, …"): no rank of an item."""
    call = NOTE_CALL.match(units[k].text)
    if h.family != "numbered" or call is None:
        return False
    # the call closes a line or a cell above (not "Ordre du jour : (1) Approbation … ; (2) Budget …")
    called = re.compile(re.escape(call.group(1)) + r"\s*(?:$|\|)")
    return any(called.search(units[j].text.lstrip()[1:]) for j in range(max(0, k - NOTE_REACH), k))


NOTE_CALL = re.compile(r"\s*(\(\d{1,2}\))\s")
NOTE_REACH = 80  # lines above where its call may stand (a table of a page or two)


VOTE_END = re.compile(r"\b(?:pour|contre)\s*$")  # a line ending on a side of a vote, no preposition


def _goes_on_into(above: Unit) -> bool:
    """"Le Conseil Municipal apporte son soutien à la" / "motion n° 2024-03 adoptée par le congrès …",
    "Vu la délibération du conseil municipal du 12 décembre 2023" / "n° 2023-087 modification du
    tableau …": a sentence ending on a function word, or a recital left open, goes on below."""
    text = above.text.rstrip()
    return ends_on_function_word(text) or bool(RECITAL.match(above.folded)) and not re.search(r"[.;:!?)]$", text)


RECITAL = re.compile(r"\s*(?:[-•*]\s*)?(?:vu|considerant|attendu)\b")


# "• 2. DCM 19/078 — Budget principal", an item's heading after a bulleted rank; not when the line next to it is
# one too: "• 1. Délibération n° 2021-B-031 – …" / "• 2. Délibération n° 2021-B-032 – …", the Bureau's acts listed
BULLETED_ACT = re.compile(r"^\s*[•*]\s*(?:[ivx]{1,5}|\d{1,2})\s*[.)]\s*(?:[–—:-]\s*)?"
                          r"(?:deliberation|delib\.?|dcm|dcc|dcs)\s")


def _listed_acts(units: list[Unit], k: int) -> bool:
    return bool(BULLETED_ACT.match(units[k].folded)) and \
        any(0 <= j < len(units) and BULLETED_ACT.match(units[j].folded) for j in (k - 1, k + 1))


def _heading_text(u: Unit) -> tuple[Unit, bool]:
    """The line as a heading is matched: what a template sets before the act's number taken off
    (and whether a bullet was)."""
    if len(u.cells) > 1 and is_count_line(" | ".join(u.cells[1:])):
        # "N° 2024-041⇥En exercice : 15⇥Présents : 11⇥Votants : 13": the number heads a row of counts
        u = Unit(u.cells[0], u.span, u.index)
    stray = STRAY.match(u.text) or SECTION_SIGN.match(u.text)
    if stray:
        u = Unit(u.text[stray.end():], u.span, u.index, u.bold, u.cells, u.gap_before)
    ruled = RULE_INSIDE.sub(" – ", RULE_ENDS.sub("", u.text))
    # "—— Délibération n° 2021-012 – Débat d'orientation budgétaire ——"
    if ruled != u.text and re.search(r"[^\W\d_]", ruled):
        u = Unit(ruled, u.span, u.index, u.bold, u.cells, u.gap_before)
    bullet = BULLET.match(u.text)
    if bullet:  # "► Délibération n° 2013-028 – Approbation …": a glyph a template sets before each act
        u = Unit(u.text[bullet.end():], u.span, u.index, u.bold, u.cells, u.gap_before)
    ranked = rx(data()["extract_rank"]).match(u.folded)
    if ranked:  # "EXTRAIT N° 2 – DCM n° 2022/068": the extract's rank in the register, then the act's number
        u = Unit(u.text[ranked.end():], u.span, u.index, u.bold, u.cells, u.gap_before)
    return u, bool(bullet)


def _patterned(u: Unit, k: int, folded: str, bullet: bool) -> list[tuple[str, Heading]]:
    """The first heading pattern of each family (segments.json `headings`, and `act_in_capitals` on a
    line in capitals) the line matches."""
    out = []
    for family in ("act",) if bullet else ("act", "numbered", "objet", "decision"):  # "► 1. Section de …": a list's point
        capitals = data()["act_in_capitals"] if family == "act" and _capitals(u.text) else []
        patterns = data()["headings"][family] + capitals
        for style, pattern in enumerate(patterns):
            m = rx(pattern).match(folded)
            if m:
                h = _heading(u, k, family, m, style)
                if _lower_letter(h) or _initial(u, h):
                    continue  # "a) la création d'un poste …": a list's point; items are ranked "A - …"
                if not (u.text.lstrip()[:1] in "–—" and h.title and h.title[:1].islower()):
                    out.append((family, h))  # "— Délibération 2020-18 : création d'un poste …": a recital's bullet
                break
    return out


def _ranged(h: Heading, span: str) -> Heading:
    """The heading read on a range's first act, its last act with it ("4", through "7")."""
    first, last = span.split()[0], span.split()[-1]
    return replace(h, through=last) if h.number and h.number.replace(" ", "") == first.replace(" ", "") else h


def _capitals(text: str) -> bool:
    letters = re.sub(r"[^\w]|[\d_]", "", text)
    return bool(letters) and letters.isupper()


def letter(h: Heading) -> bool:
    """"B - COMPTE DE GESTION 2014": a rank in letters, never the next of "12. Questions diverses"."""
    return bool(h.number) and len(h.number) == 1 and h.number.isalpha()


def _initial(u: Unit, h: Heading) -> bool:
    """"A. BONNIN", "R. BARBE": a member's initial in a list, not "A. GARDERIE PÉRISCOLAIRE — TARIFS
    2012/2013" (a rank in letters before a title of three words or more)."""
    return letter(h) and u.text.lstrip()[1:].lstrip().startswith(".") and \
        len(re.findall(r"[^\W\d_]{3,}", h.title or "")) < 3


def _lower_letter(h: Heading) -> bool:
    return letter(h) and h.number.islower()


def _heading(u: Unit, k: int, family: str, m: re.Match, style: int) -> Heading:
    text = u.text.strip()  # m was matched on the folded text stripped the same way: same offsets
    groups = m.groupdict()
    number = text[m.start("num"):m.end("num")] if groups.get("num") else None
    if number:  # "2014 / 131" -> "2014/131", "2014.09.15 - 1" -> "2014.09.15-1"
        number = re.sub(r"\s*([/._-])\s*", r"\1", re.sub(r"\s+", " ", number))
        rank = ordinal(number) if family == "numbered" else None
        number = str(rank) if rank else number  # "PREMIÈRE DÉLIBÉRATION" -> "1"
    title = text[m.start("title"):m.end("title")].strip(" :–-") if groups.get("title") else None
    if title and RAPPORTEUR.match(fold(title)):
        title = None  # "DEL2025-062 – Rapporteure : Catherine BONNEAU": who reports, the title is elsewhere
    if title and result_column(u):
        # "… au SIDEN-SIAN             ADOPTEE": the outcome's column, not the title's last word
        title = re.sub(r"\s+(?i:adopt|approuv|rejet)\w*\s*\.?\s*$", "", title)
    return Heading(k, family, number, title or None, style)


# a relevé's decisions on a dashed line each, with its own vote: "– Taxe d'aménagement : le taux communal
# est maintenu à 3 % … Adopté à l'unanimité." (segments.json `voted_line`); not a decision's own points
# ("- d'approuver …": no vote), nor one act's sub-votes under its heading ("Délibération n° 2024-012 –
# Subventions" / "– Comité des fêtes : 1 500 €, adopté à l'unanimité.")
DASHED = re.compile(r"^\s*[–—-]\s+(?=\S)")
ABOVE = 40  # lines looked back for the act's heading the dashed lines would belong to


def _voted_bullet(units: list[Unit], k: int) -> bool:
    """A dashed line stating its vote, beside another one, under no act's heading."""
    def voted(j: int) -> bool:
        return 0 <= j < len(units) and bool(DASHED.match(units[j].text)) and \
            bool(rx(data()["voted_line"]).search(units[j].folded))
    return voted(k) and (voted(k - 1) or voted(k + 1)) and \
        not any(f in ("act", "objet") for j in range(max(0, k - ABOVE), k) if not voted(j)
                for f, _ in _patterned(*_folded_at(units, j)))


def _folded_at(units: list[Unit], j: int) -> tuple[Unit, int, str, bool]:
    u, bullet = _heading_text(units[j])
    return u, j, u.folded.strip(), bullet


def _bullet_title(text: str) -> str:
    """The decision's subject: the dashed line's words before its colon or its first full stop."""
    text = DASHED.sub("", text).strip()
    return re.split(r"\s*:\s|(?<=\D)\.(?:\s|$)", text, maxsplit=1)[0].strip()


BULLET = re.compile(r"^\s*[►▶▸▹▪▫●■□◆◇◊➢➣➤➔➜→✓✔❖○◦·]\s*")
# a title set between rules, "—— Délibération n° 2021-012 – … ——", "─── Rapport n° 1-03 ───" (each end taken
# off on its own: the title's second line keeps only the closing rule)
RULE_ENDS = re.compile(r"^\s*(?:[–—=*~_─━═-]\s*){2,}(?=\S)|(?<=\S)(?:\s*[–—=*~_─━═-]){2,}\s*$")
# a drawn rule between the number and the title: "─── Rapport n° 1-03 ─── Fonds départemental …"
RULE_INSIDE = re.compile(r"\s*[─━═]{2,}\s*")


def _fields_apart(units: list[Unit], k: int) -> Unit:
    """A list of acts typed as fields between semicolons, read as "2023-179 – …": "• 2023-179 ; Budget primitif 2024
    – Budget principal ; adoptée : 32 pour, 7 contre" (the code, one figure at least, then " ; "), its outcome a field
    of the line or of the next one; not the mayor's decisions listed so ("2024-015 ; Contrat de maintenance ; Otis ;
    3 480 € HT"), which record no outcome."""
    u = units[k]
    wrapped = k + 1 < len(units) and units[k + 1].text.lstrip()[:1].islower()  # the row's fields wrapped below
    both = u.folded + " " + units[k + 1].folded if wrapped else u.folded
    if not FIELD_SEMICOLON.match(u.text) or not FIELD_OUTCOME.search(both):
        return u
    return replace(u, text=FIELD_SEMICOLON.sub(r"\1 – ", u.text, count=1))


FIELD_SEMICOLON = re.compile(r"^(\s*(?:[-•*>]\s*)?(?=[\w./-]*\d)[\w./-]{2,20})\s+;\s+(?=\S)")
FIELD_OUTCOME = re.compile(r";[^;]*\b(?:adopte|approuve|rejete|unanimite|retire|ajourne|prend\s+acte|pris\s+acte)")


STRAY = re.compile(r"^\s*[¦~]\s+")  # "¦ III - RESTAURANT SCOLAIRE": a scan's speck, not a bullet
# "§ DEL-2019-112 — Modification des statuts …": a sign a template sets before a council's code (not "§ 3 –", a rank)
SECTION_SIGN = re.compile(r"^\s*§\s*(?=[A-Za-z]{1,6}[-_ ]?\d)")
RAPPORTEUR = re.compile(r"(?:rapporte(?:ur|use)e?s?|rapp\.)\s*:")


def _is_title(u: Unit) -> bool:
    """A title printed in capitals ("COMPTE ADMINISTRATIF 2005 :") or all in bold, that
    is no label, no vote, no known section word ("ORDRE DU JOUR", "DECISION")."""
    text = u.text.strip()
    letters = re.sub(r"[^A-Za-zÀ-ÿ]", "", text)
    words = text.split()
    if len(letters) < 5 or len(words) > 14 or re.search(r"[.;,]\s*$", text) or text.count(",") > 1:
        return False  # "MARTEAU, PELLARIN, MM. LEROY, …": a list of names in capitals
    caps = letters.isupper() or (u.all_bold and text[:1].isupper())
    folded = fold(text).strip(" -–•*ø")
    return caps and not rx(data()["caps_stop"]).match(folded) and not is_evidence(u) \
        and not lexicon.label_at_start("fields", folded)


def _act_titled(u: Unit) -> bool:
    """A title after a blank line ending on its act number in brackets, in ordinary case ("Élection
    du maire (délibération n° 2026-001)"); not a citation ("Vu la délibération du 10 juillet 2020
    (délibération n° 2020-045)", "Le conseil municipal, par délibération du … (…)")."""
    text = u.text.strip()
    m = act_at_end(text) if u.gap_before and text[:1].isupper() and len(text.split()) <= 20 \
        and not NOT_PLAIN.match(fold(text)) and not re.match(r"(?:(?:le|la|l')\s*(?:conseil|commission|comite|bureau|assemblee)|par|en)\b", fold(text)) else None
    # (its bracket closed on the line: "… par délégation du conseil communautaire (délibération n°
    # 2017-045" / "du 26 janvier 2017 modifiée)." is a sentence going on)
    return bool(m) and m.group(0).lstrip().startswith("(") and m.start() > 0 and not is_evidence(u) \
        and text.rstrip(" .;,").endswith(")") \
        and not re.search(r"[.;:!?]\s*\(", text[:m.start() + 1])


# the words a sentence of the report starts with, never a title's
NOT_PLAIN = re.compile(r"(?:sur\s+(?:la\s+)?(?:proposition|rapport|avis)|oui\b|vu\b|considerant|apres\b|(?:le|la|l')\s*(?:maire|president)"
                       r"|m\.|mme\b|mm\.|monsieur|madame|messieurs|mesdames)")


def _is_plain_title(units: list[Unit], k: int) -> bool:
    """A title in ordinary case standing alone between blank lines, as a small commune's
    minutes print their items ("" / "Travaux de l'église – choix de l'entreprise" / "" /
    "Trois devis ont été reçus …"): a few words, no sentence's end, no label, no vote."""
    u = units[k]
    text = u.text.strip()
    words = text.split()
    if not (u.gap_before and k + 1 < len(units) and units[k + 1].gap_before) or not 2 <= len(words) <= 14:
        return False
    folded = fold(text)
    if re.search(r"[:€]|\beuros?\b", text) or NOT_PLAIN.match(folded) or sitting.read_move(u, k):
        return False  # "Loyer proposé : 450 euros", "Ouï l'exposé du Maire", "M. X revient en séance"
    return text[:1].isupper() and not re.search(r"[.,;!?]$", text) and not is_evidence(u) \
        and not members.list_label(u.text) and not is_count_line(u.text) \
        and not lexicon.label_at_start("fields", folded) and not rx(data()["caps_stop"]).match(folded)
