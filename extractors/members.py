"""Lists of members: who was present, absent, excused, and who gave a proxy to whom.

A list opens with a label of patterns/sitting.json ("lists") at the start of a line,
its names on the same line or below, and ends at the next label or at a line that
is no longer names::

    Étaient présents : M. NICOLAS, Maire / MME. COCHAT, M. DROULLOURS, MM LAINE,
    PENNEC, adjoints, MMES FAUVEL, SERGENT, … DE
    ROSTOLAN, MM FERREIRA, conseillers municipaux,
    Excusés ont donné pouvoir :
    Marta Chron à Marc Baïetto
     Elus en exercice : 29              <- a count of the side box: skipped, not the end
    Etait absent, excusé et a donné pouvoir : Nadine MALHOMME à Georges CARRET, Jean-
    Claude GROSS à Pierre-Jean ZANNETTACCI
    Excusés : BARBE Dominique (donne procuration à ROCA Nathalie ) ; BOUYER Cécile (…)
    Absents représentés : M. LEDRAPPIER par M. PORTEBOIS ;
    PRESENTS : MM et Mmes Ph. DUBOURG, G. BELIN, C.BUZOS, S.
    VALLOIR

Names are kept as printed, civility and role removed; a list that names no one
("Absents : néant") gives no member.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors import lexicon, member_entry
from extractors.count_text import is_count_line
from extractors.running import page_furniture
from extractors.entries import (CAPS_WORD, CIVILITY, CIVILITY_START, HOLDER_AT_END, MARK_BETWEEN, ROSTER_LINE,
                                TITLE_WORD, blank_roles, entries_and_doubt, said_empty, strip_civilities)
from extractors.list_labels import ListLabel, count_label, counted_list, labelled, list_label, names_line, unmarked
from extractors.member_entry import ABSENCE_WORD, PARTICLES, PROXY_WORDS, Member
from extractors.names import parse_entry
from extractors.stream import Unit, fold, gutters, joined

looks_like_member = member_entry.looks_like_member  # (members.looks_like_member: read by sitting, moves, votes)

# "M. Vivien BATIFOULIER a donné pouvoir à M. Louis GARCIA." : a sentence of its own, not a
# line of the list above it (whereas "X, Adjoint, pouvoir donné à Y" goes on a list)
# "qui a donné procuration à M. Y." opening a line goes on with the entry above ("M. X,⏎qui …")
PROXY_SENTENCE = re.compile(r"^(?!(?:qui|lequel|laquelle|lesquel(?:le)?s)\s).{2,80}?\s(?:a|ont)\s+donne\s+(?:pouvoir|procuration|mandat|delegation)\s+(?:a|au)\s.*\.\s*$"
                            # "D. MOREAU donne pouvoir à V. MOREL", "Aimé BOUCHARD a donné mandat à Emmanuelle AUBIN"
                            # (not "le Conseil donne pouvoir au Maire")
                            r"|^(?!(?:le|la|les|il|elle|qui|lequel|laquelle|a|ont|ayant|avait)\s)(?:(?!maire|president|conseil)[^\s•;▪·]+\s+){1,7}"
                            r"(?:(?:a|ont)\s+donne|donnen?t?)\s+(?:pouvoir|procuration|mandat)(?:\s+de\s+vote)?\s+a\s+(?!signer)\S.*$")
# "S. ARNAUD pouvoir à C. LECLERCQ" on its own line: a proxy, not more names of the list above
PROXY_LINE = re.compile(r"^(?!.*\s[–-]\s)[^,;()]{2,40}?\s(?:(?:a\s+)?donne\s+)?(?:pouvoir|procuration|mandat)(?:\s+de\s+vote)?\s+"
                        r"(?:a|au)\s+[^,;()]{2,40}$")
# "POINT 1 - DESIGNATION DU SECRETAIRE DE SEANCE" under the last absent: an item, in capitals as names are
ITEM_START = re.compile(r"(?:n\s*[°o]\.?\s*\d|(?:deliberation|delib\.?|acte)\s+n\s*[°o]"
                        r"|(?:19|20)\d\d\s*[-/_.]\s*\d{1,4}\b"
                        r"|(?:point|question|affaire|dossier|rapport)\s+(?:n\s*[°o]\.?\s*)?\d{1,3}\s*[-–:.)])")
TABLE_HEAD = frozenset({"n°", "no", "objet", "pour", "contre", "abst", "abstention", "abstentions", "resultat",
                        "decision", "vote", "votes"})
BRACKET_PROXY_LINE = re.compile(r"^\s*[^\s,;/(][^,;/(]{1,60}\((?:(?:a|ayant)\s+donn[ée]\s+)?(?:pouvoir|procuration|mandat|repr[ée]sent)[^)]*\)\s*[.;,]?\s*$",
                                re.IGNORECASE)
# an item's rank opening a line; a lone Roman letter and a full stop is an initial ("X. DE LA ROCHE")
RANK_LINE = re.compile(r"\s*(?:\d{1,3}\s*[.)°–-]|[IVXL]{2,5}\s*[.)–-]|[IVXL]\s*[)–-])\s+\S")
DOT_LEADER = re.compile(r"[^\W\d_]\s*(?:\.{4,}|…{2,})\s*[^\W\d_]")
# an entry of a list of proxies with no proxy word: "de Laurine Vallet vers Lucette Ramos", "de X à Y"
GIVER_TO_HOLDER = re.compile(r"^de\s+[^,;]{3,60}?\s(?:vers|a)\s+\S|^[^,;]{3,60}?\svers\s+\S")


def continues(unit: Unit, kind: str = "present") -> bool:
    """A line that goes on listing names: mostly capitalised words once roles are set
    aside, not a label, a heading ("ORDRE DU JOUR") nor a sentence."""
    folded = fold(unit.text).strip()
    if BRACKET_PROXY_LINE.match(unit.text):  # "VASSEUR (a donné pouvoir à GUILLOU)": an entry, its proxy in brackets
        return not _heads_something(unit, folded)
    if _heads_something(unit, folded) or _other_line(unit, folded, kind):
        return False
    if folded.startswith("("):  # "Pierre-Yves COSTE" / "(en remplacement de François SIMON)"
        return True
    return _mostly_names(unit.text)


def _heads_something(unit: Unit, folded: str) -> bool:
    """A label, a field, a list's end, a body's heading, an item, a table's header, a ranked title."""
    if labelled(unmarked(folded)) or lexicon.label_at_start("fields", folded) or lexicon.first("list_stop", folded) \
            or lexicon.first("range", folded) or count_label(folded):
        return True
    body = lexicon.first("collectivite", folded)
    if body and body.start() == 0:  # "COMMUNAUTÉ DE COMMUNES PLATEAU DES MILLE SOURCES": a heading
        return True
    if ITEM_START.match(folded):  # "N° 146-2013", "Acte n° 2011.033": the first item ("Intitulé :" is a field above)
        return True
    if len(unit.cells) > 2 and {fold(c).strip(" .:") for c in unit.cells} & TABLE_HEAD:
        return True  # "N° | OBJET | POUR | CONTRE | ABST. | RESULTAT": a table of acts under the last proxy
    rank = RANK_LINE.match(unit.text)
    return bool(rank and _titled(unit.text[rank.end() - 1:]))  # "1. Tarifs de la cantine", not "1. DUPONT Jean"


def _other_line(unit: Unit, folded: str, kind: str) -> bool:
    """A roll call's dotted line, or a proxy's sentence or line under a list of another kind."""
    if DOT_LEADER.search(unit.text):  # "M. Max GALLO ........ excusé": a roll call (roll_call.py) under the list
        return True
    return bool(kind != "proxies" and PROXY_SENTENCE.match(folded) or kind == "present" and PROXY_LINE.match(folded))


def _mostly_names(line: str) -> bool:
    """Mostly capitalised words once roles, brackets and a last "et"/"ainsi que" are set aside."""
    text = blank_roles(re.sub(r"\([^)]*\)?", " ", line))
    text = re.sub(r"^\s*(?:et|ainsi\s+que)\s+|\bainsi\s+que\b", " ", text)  # "ainsi que Mme VASSEUR Marion": the last one
    text = _prose_cut(text)
    words = [w for w in re.split(r"[\s,;]+", text) if re.search(r"[^\W\d_]", w)]
    if not words:  # "M VAN HOUTTE Ivan,⇥Maire –": a role alone, its cell cut from the name above
        return bool(re.search(r"[^\W\d_]{3}", re.sub(r"\([^)]*\)?", " ", line)))
    # "d'Estelle" is a name's; "en faveur de" says to whom, as "à" does
    lower = [w for w in words if w[:1].islower() and fold(w).strip(".") not in PARTICLES
             and not re.match(r"(?:a|à|au|par|pouvoir|procuration|donne|donné|a donné|en|faveur)$|[dl]['’][A-ZÀ-Ý]", w)]
    if len(lower) == len(words):  # "trente-huit": the value of a count label above, no name
        return False
    return len(lower) <= max(1, len(words) // 4)


def says_none(text: str) -> bool:
    """The rest of a list's label line says the list is empty: "Néant (0)", "N/A", "Sans", "NEANT -"; or
    says so before the next label of a flattened line: "néant - Délégués présents: 56 - Procurations: 1"."""
    cut = re.match(r"(?P<none>[^-–—;]+?)\s+[-–—;]\s+(?P<next>.+)", fold(text).strip(" :"))
    return said_empty(text) or bool(cut) and said_empty(cut["none"]) and any(
        lexicon.label_at_start(group, cut["next"]) for group in ("counts", "fields", "lists"))


def _titled(text: str) -> bool:
    """Words of a title after a rank, not a name ("1. Tarifs de la cantine", "2. BUDGET
    PRIMITIF", "3. Tarifs"): a name is a civility, or a surname in capitals with a first name
    ("1. DUPONT Jean", "2. Anne MARTIN")."""
    if CIVILITY_START.match(fold(text).strip()):
        return False
    words = [w.strip(".,;") for w in text.split()[:4] if fold(w).strip(".,") not in PARTICLES]
    caps = any(CAPS_WORD.match(w) for w in words)
    titled = any(TITLE_WORD.match(w) for w in words)
    return any(w[:1].islower() for w in words) or not (caps and titled)


def _ranked_after_stop(above: str, line: str) -> bool:
    """"… M. Rodolphe NÉRÉE." then "1. Installation des conseillers municipaux": an entry that
    ends a sentence, then an item's rank, is the list's end (the roles blanked, the title
    would pass for names)."""
    return above.rstrip().endswith(".") and bool(RANK_LINE.match(line))


def _roster_run(units: list[Unit], j: int) -> bool:
    """Two lines of a roster from units[j] on, each a member and a word of attendance."""
    return j + 1 < len(units) and all(ROSTER_LINE.match(u.text) for u in units[j:j + 2])


def _roster_entry(text: str) -> str | None:
    """"Madame LEMESLE, Iris | absente" under the présents, a roster's one line: the entry as a list
    writes it ("Madame LEMESLE, Iris (absente)"), its proxy after it."""
    roster = ROSTER_LINE.match(text)
    if not roster or roster["mark"].lower().startswith("pr"):
        return None
    given = f" pouvoir à {roster['holder']}" if roster["holder"] else ""
    return f"{roster['name'].strip(' ,')} ({roster['mark']}){given}"


def read_list(units: list[Unit], k: int, label: ListLabel) -> tuple[list[Member], int]:
    """The members of the list opening at units[k], and the index of the unit after it."""
    pieces = [(gutters(units[k], label.offset), k)]
    j = k + 1
    while j < len(units):
        nxt = _passed(units, j, label)
        if nxt is None and label.kind == "present":
            nxt = _present_line(units, j, pieces)
        if nxt is None:
            if _ends_list(units, j, label, pieces):
                break
            pieces.append((gutters(units[j]), j))
            nxt = j + 1
        if nxt == STOP:
            break
        j = nxt
    found = _members(pieces, label)
    for member in found:
        member.list_at = k
    return found, j


STOP = -1  # (`_passed`, `_present_line`: the list ends above this line)


def _passed(units: list[Unit], j: int, label: ListLabel) -> int | None:
    """The line after those a list passes over (a side count box, page furniture, a college's
    heading), STOP where they end it, None where units[j] is none of them."""
    if is_count_line(units[j].text):
        # "Effectif de l'assemblée : 19 …": a box of its own; "Délégués excusés (2) :": the next list;
        # "Elus en exercice : 29" (a side box) between two lines of the list
        return STOP if units[j].gap_before or counted_list(units[j].text) else j + 1
    after = j
    while after < len(units) and page_furniture(units[after]):
        after += 1  # "Page 1 sur 7" / "Ozillac Agglomération - Conseil … du 18 décembre 2025"
    if after > j:  # furniture is never a name: the list goes on below it, or ends above it
        # "Procurations (pouvoirs) :" / "p. 1 sur 5" / "…" / "Désiré GOUJON (mandataire : …)": a label
        # at a page's foot has its names on the next page
        return after if after < len(units) and continues(units[after], label.kind) else STOP
    if lexicon.first("list_section", units[j].folded.strip()):
        return j + 1  # "MEMBRES NOMMES PAR LE MAIRE": a college's heading, its names under it
    return None


def _present_line(units: list[Unit], j: int, pieces: list[tuple[str, int]]) -> int | None:
    """A line of a list of those present that a roll call shapes: the line after it, STOP, or None."""
    if _roster_run(units, j):
        return STOP  # "Maes Yolande⇥excusée [pvr Bouvard Norbert]" / "Gaudry Doris⇥excusée …": roll_call.py's
    if entry := _roster_entry(units[j].text):
        pieces.append((entry, j))
        return j + 1
    # (not "EXCUSÉS", the header of the column beside the list, read after it)
    if re.fullmatch(rf"{ABSENCE_WORD}\.?", units[j].text.strip()) and not units[j].text.strip().isupper():
        # "Madame LEMESLE, Iris⇥absente": the mark, cut into a line of its own, is the name's above
        pieces[-1] = (pieces[-1][0] + f" ({units[j].text.strip()})", pieces[-1][1])
        return j + 1
    return None


def _ends_list(units: list[Unit], j: int, label: ListLabel, pieces: list[tuple[str, int]]) -> bool:
    """units[j] is no line of the list: it neither goes on the list nor the entry above, nor
    stands under the label; or it follows a gap and is no names' line."""
    u, last = units[j], pieces[-1][0]
    if not (continues(u, label.kind) or _entry_open(last, u.text) or _first_under(pieces, units, j, label)):
        return True
    proxy = label.kind == "proxies" and (PROXY_WORDS.search(u.folded) or GIVER_TO_HOLDER.match(u.folded))
    if u.gap_before and not names_line(u.text) and not _lone_name(last, u.text) and not proxy:
        return True
    return bool(_ranked_after_stop(last, u.text))


def _first_under(pieces: list[tuple[str, int]], units: list[Unit], j: int, label: ListLabel) -> bool:
    """``"Tous les conseillers … étaient présents à l'exception de :"`` / ``"Mme Karima BELHADJ,
    excusée, qui a donné pouvoir à M. Olivier DEVOS - M. Julien"``: the first line under a label
    of absents alone on its line is the list's, though it reads as a proxy's sentence. Not the
    line's own second label: ``"Absent(e)s représenté(e)s : M. HADDAD … donne procuration à …"``
    is cut into two units, one line."""
    above = units[pieces[0][1]].span
    return (len(pieces) == 1 and not pieces[0][0].strip(" :") and label.kind != "present"
            and (above.page, above.line) != (units[j].span.page, units[j].span.line)
            and bool(PROXY_SENTENCE.match(units[j].folded.strip())))


OPEN_END = re.compile(rf"(?:(?<![\w.])(?i:{CIVILITY})(?:\s+[A-ZÀ-Ý][a-zà-ÿ'’-]+)?"
                      r"|\s(?i:à|au|par|qui|et|ainsi\s+que|de|en|a|ayant|donné|pouvoir|procuration|mandat)"
                      r"|\s(?:et|ainsi\s+que)\s+[A-ZÀ-Ý][a-z]?\.(?:-[A-ZÀ-Ý]\.)?)\s*$")  # "… X en" / "faveur de Y", "… ainsi que K." / "MAUREL"
# "… ROCHE, formant la majorité des membres.", "… PEREIRA Annick – le quorum est atteint.",
# "S. VILLARD, tous formant la majorité des membres en exercice", "Mme Florine Toussaint, qui
# forment la majorité des membres en exercice, le quorum étant ainsi atteint.": prose closing a list
PROSE_TAIL = re.compile(r",\s+[a-zà-ÿ][^,;]*\.?\s*$|\s[–—-]\s+[a-zà-ÿ][a-zà-ÿ' ]*\.?\s*$")
# several clauses, or a sentence after a dash: only when they speak of the quorum ("Adrienne
# VOISIN – La majorité des membres en exercice est présente.")
CLAUSES_TAIL = re.compile(r"(?:[,;]\s+[a-zà-ÿ][^,;]*)+\.?\s*$"  # (not "— LE GOFF Yann", "— La Rochefoucauld")
                          r"|\s[–—]\s+(?:[Ll](?:a|e|es)\s+|[Ll]'\s*|(?:[Ii]ls?|[Ee]lles?|[Cc]e|[Cc]ette|[Qq]ui)\s+)[a-zà-ÿ][^,;–—]*\.?\s*$")
SEPARATOR_END = re.compile(r"[,;•▪·]\s*$")


def _entry_open(line: str, nxt: str) -> bool:
    """A line cut inside an entry ("… à Monsieur Gaëtan" / "Tran • …", "… Monsieur Marcel" /
    "D’Almeida qui a donné pouvoir …"): the next line goes on with it, whatever it looks like;
    after a separator ("… Robert Bouzid •" / "Madame …") only with a name (not "… ROCHE," /
    "formant la majorité des membres en exercice.")."""
    if labelled(unmarked(fold(nxt).strip())):
        return False
    if line.count("(") > line.count(")") and ")" in nxt.split("(")[0]:  # "Monsieur VIBERT (Maire," /
        return True  # "présidence de séance) ◦ …": the bracket closes below, before any other opens
    if re.search(r"[a-zà-ÿ]-$", line.rstrip()) and re.match(r"\s*[a-zà-ÿ]", nxt):
        return True  # "… M. CHARLES donne pou-" / "voir à M. JEANNIN | …": a word cut at the line's end
    if lexicon.rx(lexicon.get("proxy_verb_first")).match(fold(nxt)) and not SEPARATOR_END.search(line):
        return True  # "… | M. GUYON" / "donne pouvoir à M. RENAUD | …": the giver above, the verb below
    return bool(OPEN_END.search(line.rstrip())) or bool(SEPARATOR_END.search(line) and names_line(nxt)
                                                        and CIVILITY_START.match(fold(nxt).strip()))


def stacked_lists(units: list[Unit], k: int, label: ListLabel) -> tuple[list, int] | None:
    """Two columns read line by line, their labels one above the other ("Étaient présents :" /
    "Absents excusés représentés :" / "Mme Édith RENOU, Maire" / "Mme Danielle CHEVALLIER (pouvoir
    à Mme Muriel HEBERT)" / …): the entries naming a holder are the proxies', the others the
    présents'. Only for présents over proxies, each label with no name after it."""
    second = list_label(units[k + 1].text) if k + 1 < len(units) else None
    if label.kind != "present" or second is None or second.kind != "proxies" \
            or _names_after(units[k], label) or _names_after(units[k + 1], second):
        return None
    found, j = read_list(units, k + 1, second)
    if not any(m.holder for m in found) or all(m.holder for m in found):
        return None
    if any(not m.holder and re.search(rf"\b{ABSENCE_WORD}", fold(units[m.unit].text)) for m in found):
        return None  # "M. Marc NOEL (absent excusé)": not two columns of présents and proxies
    # entries without a holder were the présents' column, not proxies whose holder went unread
    doubt = [None if m.doubt == "list_holder_unread" else m.doubt for m in found]
    return [replace(m, doubt=d) if m.holder else replace(m, status="present", excused=None, gave_proxy=False,
                                                         doubt=d, list_at=k) for m, d in zip(found, doubt)], j


def column_heads(u: Unit) -> bool:
    """Two lists' labels on one line, no name after either: "Présents      Absents excusés – pouvoirs",
    two columns the extraction runs together line by line below (a présent, then an absent and half
    a proxy on the same line), which no entry says apart."""
    first = lexicon.label_at_start("lists", u.folded)  # (asked of every line a sitting's reader reads)
    rest = u.text[first.end:].strip(" :|\t") if first else ""
    second = lexicon.list_label_at_start(fold(rest)) if rest else None
    after = rest[second[0].end + second[1].end():] if second else ""
    return second is not None and not re.search(r"[A-ZÀ-Ý]{2,}|[A-ZÀ-Ý][a-zà-ÿ]+\s+[A-ZÀ-Ý]", after)


def under_column_heads(units: list[Unit]) -> set[int]:
    """The lines of names under column heads (`column_heads`), down to the first line naming no one."""
    out = set()
    for k in (k for k, u in enumerate(units) if column_heads(u)):
        j = k + 1
        while j < len(units) and re.search(r"[A-ZÀ-Ý]{2,}", units[j].text) and not list_label(units[j].text):
            out.add(j)
            j += 1
    return out


def _names_after(unit: Unit, label: ListLabel) -> str:
    return unit.text[label.offset:].strip(" :")


def _one_per_line(pieces: list[tuple[str, int]]) -> bool:
    """A list printed one name a line: its lines (after the label's) hold no separator and
    two to six words each ("Eric" / "DUCLOS" is one name cut in two, not two names)."""
    # "(procuration à …)" aside, and the mark of "CLERC, excusé, représenté par GAY"
    lines = [_prose_cut(re.sub(r"\s*\([^)]*\)?", "", MARK_BETWEEN.sub(r" (\1)", p))).strip() for p, _ in pieces[1:]]
    lines = [t for t in lines if t.strip("-–•·▪ ")]  # "R. BARBE" / "-" / "P. BLIN": a bullet cut from its name
    if len(lines) < 2:  # "ABS. EXC. :" / "VAILLANT, Yvonne": the list's one name, surname first
        return len(lines) == 1 and not pieces[0][0].strip(" :") and bool(SURNAME_FIRST_LINE.fullmatch(lines[0]))
    alone = [t for i, t in enumerate(lines) if SURNAME_FIRST_LINE.fullmatch(t) or
             not re.search(r"[,;•·▪]|\s[–-]\s|-$|\s(?:à|a|au)\s", t) and
             (2 <= len(t.split()) <= 6 or _surname_line(t, lines[i - 1] if i else ""))]
    return len(alone) >= 0.8 * len(lines)


def _surname_line(line: str, above: str) -> bool:
    """"MM. BLANC" / "CHEVALIER" / "Mmes DE LA ROCHE" / "GARNIER": a surname in capitals on
    its own line, under a line that is not a lone first name ("Eric" / "DUCLOS")."""
    return line.isupper() and not re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ'-]+", above.strip())


def proxy_sentence(text: str, unit: int) -> Member | None:
    """``"M. Vivien BATIFOULIER a donné pouvoir à M. Louis GARCIA."``: an absent member and
    the holder of the proxy (whether excused is not said)."""
    sentence = PROXY_SENTENCE.match(fold(text).strip())
    text = re.sub(r"\[([^\]]*)\]", r"(\1)", text.strip().rstrip("."))  # "[excusé]": a remark in brackets
    # "Mme BIGOT Yveline, absente, a donné pouvoir à …": the remark between commas, as in brackets
    # (one sentence: "X, absent, a donné pouvoir à Y ; Z, absente, …" is a list, read as one)
    if ";" not in text and len(re.findall(r"\b(?:pouvoir|procuration|mandat)\b", fold(text))) == 1:
        text = re.sub(rf",\s*({ABSENCE_WORD}(?:\s+{ABSENCE_WORD})?)\s*,", r" (\1)", text)
    if not sentence and not _proxy_entry_line(text):
        return None
    return member_entry.read(text, ListLabel("proxies", None, 0), unit)


def proxy_sentences(text: str, unit: int) -> list[Member]:
    """``"LOUIS Jacques et FABRE Laurence a donné pouvoir à LEGRAND Véronique"``: the verb in the
    singular, one proxy, the last name's; the first name an entry of the list around it whose
    status the sentence does not say (absent, its list in doubt). Otherwise `proxy_sentence`."""
    two = re.match(r"(?P<first>[^,;()]{3,40}?)\s+et\s+(?P<rest>[^,;()]{3,40}?\s+a\s+donn[ée]\s.*)", text.strip())
    if not two or not looks_like_member(strip_civilities(two["first"])):
        found = proxy_sentence(text, unit)
        return [found] if found else []
    found = proxy_sentence(two["rest"], unit)
    if found is None:
        return []
    first = Member(strip_civilities(two["first"]), "absent", unit, doubt="list_partial")
    found.doubt = found.doubt or "list_partial"
    return [first, found]


def _proxy_entry_line(text: str) -> bool:
    """An entry of a list of proxies on a line of its own, no list label above it:
    ``"M. Revel Cyrille [excusé] / procuration : Mme Célestine Awa"``."""
    folded = fold(text).strip()
    if not CIVILITY_START.match(folded) or len(folded.split()) > 14 or not PROXY_WORDS.search(folded):
        return False
    parsed = parse_entry(text.rstrip(";"))
    holder = strip_civilities(parsed.holder) if parsed and parsed.holder else ""
    # "M. Jean PETIT – délégation au Personnel Communal": a holder is named after a civility
    if not holder or not re.search(rf"(?i:{CIVILITY})\s*{re.escape(holder.split()[0])}", text):
        return False
    # the holder a person ("Mme Célestine Awa", "M. LE GALL"), not "au Maire pour signer"
    return bool(re.fullmatch(r"(?:[A-ZÀ-Ý][\w'’-]+\s*){2,4}|(?:\w+\s+)*[A-ZÀ-Ý]{2,}[\w'’ -]*", holder)) \
        and not re.search(r"\b(?:maire|president|signer)\b", fold(holder))


def _lone_name(above: str, line: str) -> bool:
    """A name alone in title case after a blank line, under a line of one name: "Mmes Marie-Jeanne
    Le Neindre" / "" / "Aline Lemoigne", a list printed a name a line, spaced out."""
    name = re.compile(r"[A-ZÀ-Ý][\w'’-]+(?:\s+(?:[A-ZÀ-Ý][\w'’-]+|d[eu]|la|le)){1,3}")
    plural = re.match(r"(?:Mmes|MM\.?|Mesdames|Messieurs)\s", above.strip())  # "Mmes X" / "Y": Y is a Mme
    bare = name.fullmatch(above.strip(" ,;")) and not CIVILITY_START.match(fold(above).strip())  # "Gaël Maillet" / "Virgile Maury"
    return bool(name.fullmatch(line.strip(" ,;")) and (plural or bare) and len(above.split()) <= 6)


def _members(pieces: list[tuple[str, int]], label: ListLabel) -> list[Member]:
    """Entries of the joined list text, each attributed to the line it starts on; all of
    them in doubt when one did not read as a name, when one speaks of a proxy not read as one,
    or when names were cut by their case."""
    text, starts = _joined_list(pieces, label)
    proxies = label.kind == "proxies"
    found, cased = entries_and_doubt(text, proxies)
    out, unread, proxied = [], [], []
    read = [member_entry.read(entry, label, max((k for s, k in starts if s <= offset), default=pieces[0][1]))
            for entry, offset in found]
    if proxies:
        _shared_holders(text, found, read)
    for (entry, offset), member in zip(found, read):
        if member and not member.holder and not member.gave_proxy and PROXY_WORDS.search(fold(entry)):
            proxied.append(member)  # "Mme SANTONI (pouvoir : M. FERREIRA)": a proxy not understood
        if member:
            out.append(member)
            unread += [entry.strip()] if member.doubt else []  # its holder did not read as a name
        elif names_line(strip_civilities(entry)) and not _apposition(entry) \
                or PROXY_WORDS.search(folded := fold(entry)) and not NONE_GIVEN.search(folded):
            unread.append(entry.strip())  # "RENARD Cédric ct BLANCHARD Gilles", "X et Y a donné pouvoir à Z"
    odd = _odd_ones(out)
    out, unread = [m for m in out if m not in odd], unread + [m.name for m in odd]
    # "Pouvoirs : GOMEZ Gaston, CHASSAGNE Margaux" read as givers with no holder: the entries
    # may be cut otherwise (giver and holder parted as two names), so the count is in doubt
    holderless = proxies and any(m.holder is None for m in out)
    for member in out if unread or cased or proxied or holderless else []:
        member.doubt = "list_partial" if unread else "list_proxy_unread" if proxied else \
            "list_cased" if cased else "list_holder_unread"
    return out


def _apposition(entry: str) -> bool:
    """What the member above is, cut from the name by a comma: "M. Gérard MOLLIEX, représentant de l'UDAF de la
    Savoie" (a word in lower case first, not a name's particle: not "de LA ROCHEFOUCAULD Jean")."""
    first = entry.strip(" –—-•").split(" ")[0]
    return len(first) >= 3 and first[:1].islower() and fold(first) not in PARTICLES


NONE_GIVEN = re.compile(r"\b(?:aucune?|neant|nul(?:le)?|sans)\b")  # "aucun pouvoir n'ayant été donné": no one


def _shared_holders(text: str, found: list[tuple[str, int]], read: list[Member | None]) -> None:
    """"Alain PAGES et Odile CAUSSE à Catherine BERTRAND - …" in a list of proxies: a giver
    joined by "et" to the next one shares its holder (two proxies each, 2020-2022)."""
    for i in range(len(found) - 1, 0, -1):
        a, b = read[i - 1], read[i]
        between = text[found[i - 1][1] + len(found[i - 1][0]):found[i][1]]
        if a and b and a.holder is None and b.holder and re.fullmatch(r"[\s,]*et\s+", between) \
                and "(" not in found[i][0]:  # not "M. ROY et Mme ROUSSEL (pouvoir à M. SIMON)": hers alone
            a.holder = b.holder


# two names printed surname first on one line of a list of proxies, their column gap lost
CAPS_SURNAME = r"[A-ZÀ-Ý][A-ZÀ-Ý'’-]+(?:\s+[A-ZÀ-Ý][A-ZÀ-Ý'’-]+){0,3}"
FIRST_NAME = r"[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)?"
SURNAME_FIRST = rf"{CAPS_SURNAME},\s*{FIRST_NAME}"
# "AHAMADA, Berthe" / "AÏT-ALI, Kadiatou": a list printed surname first, a name a line
# "Mesdames DAUPHIN, Farida" / "DEBRUYNE, Violaine": a civility may open a run of them
SURNAME_FIRST_LINE = re.compile(rf"\s*(?:(?i:{CIVILITY})\s*)?{SURNAME_FIRST}\s*[.;]?\s*")
SURNAME_FIRST_ENTRY = re.compile(rf"^(\s*(?:(?i:{CIVILITY})\s*)?)({CAPS_SURNAME}),\s*"
                                 r"(?!(?:Maire|Adjointe?|Secrétaire|Suppléante?|Trésorière?|Trésorier|Doyenne?|Présidente?|"
                                 r"Vice-présidente?|Conseillère?|Conseiller|Déléguée?|Membre|Titulaire|Rapporteure?)\b)"
                                 rf"({FIRST_NAME})(?=\s*(?:\(|[.;]?\s*$))")  # not "PETIT, Secrétaire"
def _each_holds(m: re.Match) -> str:
    word = m.group("w")[:-1]
    return f"{m.group('a')} ({word} à {m.group('h')}), {m.group('b')} ({word} à {m.group('h')})"


# a proxy as two labelled fields: "Mandant : ADAM Muriel – Mandataire : MALET Mohamed"
MANDATE_ENTRY = re.compile(r"^\s*(?i:mandant|donneur|d[ée]l[ée]gant)\s*:\s*(.+?)\s*[–—/|-]?\s*"
                           r"(?i:mandataire|porteur|porteuse|d[ée]l[ée]gataire|b[ée]n[ée]ficiaire)\s*:\s*(.+?)\s*[.;]?\s*$")
ARROW_ENTRY = re.compile(r"^[^→;,]{2,40}(?:,[^→;,]{2,30})?→[^→;]{2,60}$")
MARKED_ENTRY = re.compile(rf"^[^;,()]{{2,40}}\(\s*{ABSENCE_WORD}[^;]{{0,60}}$")  # "Irène HUSSER (excusée) …"
# "Y. DELCROIX – pouvoir : É. MANGIN" a line under "Excusés ayant délégué leur vote :": giver, dash, holder
DASHED_PROXY = re.compile(r"^[^;,:()]{2,40}\s[–—-]\s*(?i:pouvoir|procuration|mandat)\s*(?::|(?i:à|a|donn[ée]e?\s+à))\s*[^;:]{2,60}$")
LINE_MARK = re.compile(rf"\s+[/–—|-]\s*({ABSENCE_WORD})\s*$")  # "X / absent", "X | absente" (a cell)
TWO_NAMES = re.compile(rf"^\s*({SURNAME_FIRST})\s+(?:\|\s+)?({SURNAME_FIRST})\s*$")  # or two cells of a row
# "Mme HAEGELIN	M. ROMERO" (a tab row) under "Abs. représentés :": giver and holder, each after a civility
CIVIL_NAME = rf"(?i:{CIVILITY})\s*(?!(?i:{CIVILITY}))[A-ZÀ-Ý][\w'’-]*(?:\s+(?!(?i:{CIVILITY}))(?:d[eu]|des|l[ae]|d'|l'|[A-ZÀ-Ý][\w'’-]*)){{0,3}}"
TWO_CIVIL = re.compile(rf"^\s*({CIVIL_NAME})\s+\|\s+({CIVIL_NAME})\s*[.;,]?\s*$")  # two cells: not "Mme X M. Y", two givers


def _joined_list(pieces: list[tuple[str, int]], label: ListLabel) -> tuple[str, list[tuple[int, int]]]:
    """The list's lines as one text, and (offset, line) where each line starts in it."""
    pieces = pieces[:-1] + [(_without_prose(pieces[-1][0]), pieces[-1][1])]
    if label.kind != "proxies":  # a line opening on its group opens an entry: "Couleuvre : A. BERNARD"
        bare = [_ungrouped(p) for p, _ in pieces]
        pieces = [(b if i == 0 or b == p else "; " + b, k) for i, (b, (p, k)) in enumerate(zip(bare, pieces))]
    # "Hakim Du Bois [pouvoir à Tanguy De La Tour]": square brackets are brackets ("[?]" is OCR's)
    pieces = [(re.sub(r"\[(?!\?\])", "(", re.sub(r"(?<!\[\?)\]", ")", p)), k) for p, k in pieces]
    if label.kind == "proxies":
        pieces = _proxy_lines(pieces)
    # "Joachim CHASSAING / absent": the mark, in brackets as "[excusé]" is
    pieces = [(LINE_MARK.sub(r" (\1)", p), k) for p, k in pieces]
    # "MATHEVET Roger et CHAPOT Yvonne (pouvoirs à FAURE Bernard)": each gave the holder a proxy
    pieces = [(lexicon.rx(lexicon.get("shared_holder")).sub(_each_holds, p), k) for p, k in pieces]
    # "FERNANDES, Claudette [excusée] → RUIZ, Anatole", "Irène HUSSER [excusée]" under the last
    # line of présents: an entry a line
    pieces = [pieces[0]] + [("; " + p + ";" if ARROW_ENTRY.match(p) or MARKED_ENTRY.match(p) or DASHED_PROXY.match(p)
                             else p, k) for p, k in pieces[1:]]
    if label.kind != "proxies" and _one_per_line(pieces):  # "Aurélie André" / "Olivier Bernard" / …: a line, a name
        pieces = [(SURNAME_FIRST_ENTRY.sub(r"\1\3 \2", p) + ";", k) for p, k in pieces]
    # "… / Mesdames WEBER / ZIEGLER" / "CHÉNEAU-MARTY (pouvoir : SANTONI)": an entry a line (not
    # "Mme Corinne" / "DUBREUIL (pouvoir à M. Olivier NAUDIN)", a name cut after its first name)
    pieces = [pieces[0]] + [("; " + p if BRACKET_PROXY_LINE.match(p) and _entry_ended(above) else p, k)
                            for (above, _), (p, k) in zip(pieces, pieces[1:])]
    # "Mme Pascale LEMAIRE, pou-" / "voir à M. Frédéric CAUDRON": a word cut at a line's end; a
    # name's second part starts with a capital ("Jean-" / "Claude"), so its hyphen stays
    text = joined([p for p, _ in pieces], whole_words=True)
    return text, _line_starts(text, pieces)


def _proxy_lines(pieces: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A list of proxies' lines, each entry closed where a line holds one."""
    if not any(";" in p for p, _ in pieces):
        # "Marta Chron à Marc Baïetto" / "Nelly Maroni à …": a line, an entry (unless the
        # list separates its entries itself: "… à Mme JACQUET" / "Stéphanie ; M. RIVIÈRE …")
        pieces = [(p + ";" if HOLDER_AT_END.search(p) else p, k) for p, k in pieces]
    # "Mandant : ADAM Muriel – Mandataire : MALET Mohamed": an entry a line
    pieces = [(MANDATE_ENTRY.sub(r"\1 → \2;", p), k) for p, k in pieces]
    # "MBAYE, Eugénie	VAUTRIN, Kenza": giver and holder in two columns
    return [(TWO_CIVIL.sub(r"\1 → \2;", TWO_NAMES.sub(r"\1 → \2;", p)), k) for p, k in pieces]


def _line_starts(text: str, pieces: list[tuple[str, int]]) -> list[tuple[int, int]]:
    """(offset, line) where each line of the list starts in the joined text."""
    starts, pos = [], 0
    for piece, k in pieces:
        at = text.find(piece[:12].strip(), pos) if piece.strip() else pos
        pos = max(at, pos)
        starts.append((pos, k))
    return starts


# a list grouped by member commune or group, the group before its members: "Vallon-la-Gée : M.
# Jean-Pierre LEGEAY, Mme Maryse BOUTTIER", "[CC Arnon-Boischaut] Jean-Michel POTIER, …", "Louroux-Hodement :
# J.-Claude PERONNET, …" (initials first)
GROUP = re.compile(rf"^\s*(?:\[[^\]\n]{{2,60}}\]\s*|(?!(?i:{CIVILITY})\b)(?P<group>[A-ZÀ-Ý][^:;,()\[\]\n]{{1,58}}?)\s*:\s*)"
                   rf"(?=(?i:{CIVILITY})\s*[A-ZÀ-Ý]|[A-ZÀ-Ý][\w'’-]+\s+[A-ZÀ-Ý]"
                   rf"|[A-ZÀ-Ý]\.(?:-[A-ZÀ-Ý][\w'’]*\.?)?\s+[A-ZÀ-Ý])")


# "Arrivée au point 2 : Mme X", "Jusqu'à 21 h : M. Y": a time or a move, not a group of members (not
# "Représentants du Département de la Somme : Mme Françoise MOREL"); nor "Assiste également : J. LEROUX, …",
# "Mairie : Myriam LE PAGE, directrice générale des services" (the staff)
NOT_A_GROUP = re.compile(r"\d|\b(?:arriv|depart(?!ement)|parti|quitt|point|jusqu|partir|retard|pouvoir|procuration|"
                         r"assist|invit|mairie|services?\b|direction\b)")


def _ungrouped(line: str) -> str:
    """A line of a list without the group it opens with (not a label: "Absents : …")."""
    m = GROUP.match(line)
    if not m or m.group("group") and (labelled(unmarked(fold(m.group(0)))) or is_count_line(m.group(0))
                                      or NOT_A_GROUP.search(fold(m.group("group")))):
        return line
    return line[m.end():]


def _prose_cut(text: str) -> str:
    """A line without the prose closing it: its last clause ("… ROCHE, formant la majorité des
    membres."), or several when they say the quorum ("…, qui forment la majorité des membres en
    exercice, le quorum étant ainsi atteint."; not "M. Jean ARNAUD, directeur général des
    services, assiste à la séance.", a sentence of its own)."""
    tail = _quorum_tail(text)
    return text[:tail.start()] if tail else PROSE_TAIL.sub("", text)


def _without_prose(line: str) -> str:
    """The list's last line without the sentence closing it ("Mme BRIDOUX, en nombre suffisant
    pour délibérer (art. L. 2121-17 du CGCT)."), kept when it speaks of a proxy."""
    tail = _quorum_tail(line)
    return line if not tail or PROXY_WORDS.search(fold(tail.group(0))) else line[:tail.start()]


def _quorum_tail(text: str) -> re.Match | None:
    """The clauses closing a line when they speak of the quorum (`QUORUM_SAID`)."""
    tail = CLAUSES_TAIL.search(text)
    return tail if tail and QUORUM_SAID.search(fold(tail.group(0))) else None


# what the sentence closing a list of présents says: "formant la majorité des membres en exercice",
# "en nombre suffisant pour délibérer", "le quorum étant atteint"
QUORUM_SAID = re.compile(r"\b(?:formant|forment|formaient|constituant|constituent|quorum|majorite|nombre\s+suffisant|"
                         r"lesquel(?:le)?s)\b")


def _entry_ended(line: str) -> bool:
    """A line ending on a surname in capitals or a bracket: its last entry is whole."""
    last = line.rstrip(" .").split()[-1:] or [""]
    return bool(CAPS_WORD.match(last[0]) or last[0].endswith(")"))


def _odd_ones(found: list[Member]) -> list[Member]:
    """In a list whose names carry their surname in capitals, a lone word without one
    ("Mrne" before "M. GAUTHIER": a civility OCR misread) is no member."""
    caps = [m for m in found if re.search(r"[A-ZÀ-Ý]{2,}", m.name)]
    if len(found) < 3 or len(caps) < 0.8 * len(found):
        return []
    return [m for m in found if m not in caps and len(m.name.split()) == 1]


