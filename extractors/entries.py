"""A list's text cut into entries, one per person, and the civilities and roles around names.

What `members.read_list` hands over once a list's lines are joined, and what comes back::

    "M. NICOLAS, Maire / MME. COCHAT, M. DROULLOURS, MM LAINE, PENNEC, adjoints,"
        -> "M. NICOLAS", "MME. COCHAT", "M. DROULLOURS", "MM LAINE", "PENNEC"
    "BARBE Dominique (donne procuration à ROCA Nathalie ) ; BOUYER Cécile"
        -> "BARBE Dominique (donne procuration à ROCA Nathalie )", "BOUYER Cécile"
    "de QUÉRÉ Solange à LEBRETON José  de PEREIRA Maryvonne à COUSIN Fatima"  (proxies)
        -> "QUÉRÉ Solange à LEBRETON José", "PEREIRA Maryvonne à COUSIN Fatima"

Each entry keeps its offset in the text, so that a member points at where it was printed.
"""
from __future__ import annotations

import re

from extractors import lexicon
from extractors.names import clean_name
from extractors.stream import fold

# Roles printed inside lists: "M. NICOLAS, Maire", "…, PENNEC, adjoints,", "conseillers municipaux".
ROLES = re.compile(r"(?<![\w'])(?:(?:premier|premiere|1er|1ere|\d+e|\d+eme)\s+)?(?:maire(?:[- ]adjointe?)?|"
                   r"adjointe?s?(?:\s+au\s+maire)?|conseill(?:er|ere)s?(?:\s+(?:municipa(?:l|le|ux|les)|"
                   r"communautaires?|delegue(?:e)?s?|departementa(?:l|ux)))*|presidente?|vice[- ]presidente?s?|"
                   r"doyen(?:ne)?\s+d'age|delegue(?:e)?s?(?:\s+titulaires?|\s+suppleante?s?)?)(?![\w'])\s*\.?",
                   re.IGNORECASE)
# longest first; a civility ends at a full stop or before a non-letter ("Mmes MARTIN", "M.DUPONT")
# "M.-C. DENIS", "J.-M. MARTIN": M. joined by a hyphen is an initial, not a civility
CIVILITY = r"(?<!-)(?:monsieur|madame|mademoiselle|messieurs|mesdames|mmes|mlle|mme|mm|mr|m)(?:\.(?!-)|(?![a-zà-ÿ.'’-]))"
# an initial's full stop is the name's ("M. Z. CAMBON", "Mme M.-D. DIJOUX", "Ch. GUERRIER", "Th. ROY":
# Charles, Thierry, Philippe are cut to two letters), a leader's dots are not
INITIAL_DOT = r"(?:(?<=\b[A-ZÀ-Ý])|(?<=\b(?:Ch|Th|Ph|Cl|Fr|St)))\.(?!\.)"
# a roster's line, one member and a whole word of attendance after a tab, a slash, a bar or a dash
# ("PAOLI Max – abs. non exc.", "M. AILLAUD, Tugdual / absent"), then the proxy if any ("/ procuration :
# X", "– mandataire : X", "[pvr X]", "…… pouvoir à X"): roll_call.py reads a roster of them, members.py
# ends a list of présents where one starts, flattened.py cuts no field out of one
STATUS = r"(?:pr[ée]sente?|pr[ée]s\.|absente?(?:\s+(?:non\s+)?excus[ée]e?)?|excus[ée]e?|abs\.?\s*(?:non\s+)?exc\.?)"
GIVEN = r"(?:pouvoir\s+(?:à|a|au)|procuration\s*(?::|à|a|au)?|pvr|mandataire\s*:|mandat\s+(?:à|a|au))"
ROSTER_LINE = re.compile(rf"^\s*(?P<name>(?:(?:{CIVILITY})\s*)?(?:[^\t/…:;\[\]().|]|{INITIAL_DOT}){{2,60}}?)"
                         rf"(?:\t+|\s+[/|]\s+|\s+[–—-]\s+)(?P<mark>{STATUS})"
                         rf"(?:\s*(?:/|\||[–—-]|\.{{2,}}|…+|\[|\()\s*{GIVEN}"
                         rf"\s*(?P<holder>[^\]\)\t]{{2,60}}?)\s*[\]\)]?)?\s*$",
                         re.IGNORECASE)
# A civility opens an entry unless it follows "à", "par", "de" or an arrow (the holder of a proxy:
# "M. Marc ABADIE → M. Émile DUCASSE", "-> M. X" in a list of proxies, "M. MBAYE au profit de Mme
# GRAND-CLÉMENT", "… en faveur de M. X"; "M. X, suppléant de M. Y" is one entry too).
CIVILITY_START = re.compile(rf"(?<![\w.])(?<!\ba\s)(?<!\bpar\s)(?<!\bau\s)(?<!\bde\s)(?<!\bvote\s)(?<!>\s)(?<![→⇒➔➜:]\s){CIVILITY}")
AFTER_CIVILITY = re.compile(rf"(?<![\w.]){CIVILITY}\s*(?:et\s+|,\s*)?$")  # "Mesdames et Messieurs X"
# "•", "▪", "|" (cells of a row read as a line), " · " (not "conseiller·ère"), "&" between names
# "J.-J. LUCIANI (à H. KLEIN) G. ESTÈVE (à G. GUILLOU)": a bracket closed, then a capital, is a new entry
SEPARATORS = re.compile(r"\s*[,;•▪●|]\s*|(?<=\))\s+(?=[A-ZÀ-Ý])|\s+[–—·-]\s+|\s+-(?=\s)|\s+(?:et|ainsi\s+que|&)\s+(?=[A-ZÀ-Ý]|(?:m\.|mme|mr)\b)|\s*(?<![a-zà-ÿ] [A-ZÀ-Ý])/\s*")  # not "Joëlle K/BIDI" (a Réunion surname), but "ARNAUD C/BERTHIER R/…"
# the holder's whole name: two words at least, and not a civility and a first name alone ("à M.
# Francis" / "LASSERRE" goes on below; "à M. DUPONT" ends its entry)
HOLDER_AT_END = re.compile(r"\s(?:à|a|au|par|vers|[→⇒➔➜>]|-+>|=>)\s+"
                           r"(?!(?:M|MM|Mme|Mr|Mlle|Monsieur|Madame)\.?\s+[A-ZÀ-Ý][a-zà-ÿ'’-]+\s*[.)]?\s*$)"
                           r"(?:[^\s,;]+\s+){1,3}[A-ZÀ-Ý][\w'’-]*[\w'’](?<!\bLE)(?<!\bLA)(?<!\bDE)(?<!\bDU)(?<!\bDES)"
                           r"(?<!\bVAN)(?<!\bVON)\s*[.)]?\s*$"  # not "à M. LE" / "BORGNE"
                           # "ESTÈVE (à HUMBERT)": a surname in capitals, in brackets, is whole
                           r"|\s\((?:à|a|au)\s+[A-ZÀ-Ý][A-ZÀ-Ý'’ -]*[A-ZÀ-Ý]\s*\)\s*[.;,]?\s*$")
# a remark on when a member came or went, in brackets or after a comma or dash: "(arrivé à
# 20h30)", "(à partir du point 3)", ", arrivé en cours de séance", "(pour la délibération n° 1)",
# "(excusé pour la fin de séance)": listed present and absent, the member is both, at different times
TIMED_WORDS = (r"arrivee?s?|partie?s?|sortie?s?|quitte|jusqu|a\s+partir|a\s+compter|retard|des\s+le|au\s+point|"
               r"point|deliberation|question|dossier|fin\s+de\s+(?:la\s+)?seance|debut\s+de\s+(?:la\s+)?seance|\d+\s*h")


def entries(text: str, proxies: bool = False) -> list[tuple[str, int]]:
    """(entry, offset) of each person in a list text: roles removed, split before each
    civility that opens a name, then on separators outside brackets; an entry that
    names a proxy holder ("X, Adjoint, pouvoir donné à Y") is not split on its comma."""
    return entries_and_doubt(text, proxies)[0]


# "Mme CHAPPAZ, Zélie représentée – Mme GÉRARDIN, Eva": the dash says by whom, as a colon would
# (same length, offsets kept; the civility after it opens no entry)
REPRESENTED_DASH = re.compile(r"(?i)(représentée?s?)\s[–—-]\s")


# "CLERC, excusé, représenté par GAY": the entry's mark between commas, bracketed (same length)
# so that the commas cut neither it nor the proxy after it from the name
# "M. Julien VANDAMME, excusé, pouvoir à Mme Sandrine HOUZET": the mark in brackets, the giver's name alone
MARK_BETWEEN = re.compile(r"(?i),\s(excusée?s?|absente?s?)\s?,(?=\s*(?:représentée?s?\s+par|ayant\s+donné|a\s+donné"
                          r"|qui\s+a\s+donné|(?:pouvoir|procuration|mandat)\s+(?:donnée?\s+)?(?:à|au)\s))")


def said_empty(text: str) -> bool:
    """A list printed empty: "néant", "N/A", "Néant (0)"; "NEANT -", the dash left where a flattened line was
    cut at the next label ("Absents ayant donné procuration : NEANT - Absents : Néant - SECRETAIRE …")."""
    folded = re.sub(r"(?<=\w)\s+[-–—;,]\s*$", "", fold(text).strip(" :"))
    return bool(lexicon.rx(lexicon.get("empty_list")).match(folded))


def entries_and_doubt(text: str, proxies: bool) -> tuple[list[tuple[str, int]], bool]:
    """`entries`, and whether an entry was cut where the case of its words alternates
    ("VIDALENC Jean-Marc ARNAUD Christiane": a guess, the list's doubt)."""
    text = REPRESENTED_DASH.sub(r"\1 : ", blank_roles(SUBSTITUTE.sub(_bracket_substitute, text)))
    text = MARK_BETWEEN.sub(r" (\1)", text)
    text = _dash_pairs(_from_to(text)) if proxies else text
    if said_empty(text):
        return [], False
    out = []
    for chunk, start in _chunks(text, fold(text), CIVILITY_START):
        out += [(e, start + s) for e, s in _split(chunk, proxies)]
    out = [(re.sub(r"\s+(?:et|ainsi\s+que)$", "", e.strip(" .,;:–—")).strip(), s) for e, s in out]
    out = [(e, s) for e, s in out if re.search(r"[^\W\d_]{2}", e) and strip_civilities(e)]
    paired = [(name, s + at) for e, s in out for name, at in _name_pairs(e)]
    return paired, len(paired) > len(out)


CAPS_WORD = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý'’-]*[A-ZÀ-Ý]$")
TITLE_WORD = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)*$")


def _name_pairs(entry: str) -> list[tuple[str, int]]:
    """"VIDALENC Jean-Marc ARNAUD Christiane BLACHE Olivier": names of a table's columns,
    their gutters lost, split where surname and first names alternate (surname first or
    first names first, as the entry begins); anything else (a particle, an initial, a
    lower-case word) keeps the entry whole."""
    lead = re.match(rf"(?:\s*{CIVILITY}\s*(?:et\s+)?)+", entry, flags=re.IGNORECASE)  # "Messieurs PHAM Antoine …"
    skip = lead.end() if lead else 0
    words = [(m.group(0), m.start()) for m in re.finditer(r"\S+", entry) if m.start() >= skip]
    if not words:
        return [(entry, 0)]
    kinds = ["C" if CAPS_WORD.match(w) else "T" if TITLE_WORD.match(w) else "?" for w, _ in words]
    if "?" in kinds:
        return [(entry, 0)]
    runs = [k for k in range(len(kinds)) if k == 0 or kinds[k] != kinds[k - 1]]  # where each run starts
    if len(runs) < 4 or len(runs) % 2:
        return [(entry, 0)]
    starts = [words[k][1] for k in runs[::2]] + [len(entry)]
    starts[0] = 0  # the civility stays with the first name
    return [(entry[a:b].strip(), a) for a, b in zip(starts, starts[1:])]


# "M. Denis CHOPARD, délégué suppléant de M. Roland VERMOT": one entry, the substitute and
# whom he stands for, bracketed as "(suppléant de M. Roland VERMOT)" so that neither its comma
# nor its civility cuts it (names.parse_entry reads the bracket)
SUBSTITUTE = re.compile(r",?\s*(?:d[ée]l[ée]gu[ée]e?\s+|conseill[eè]re?\s+)?"
                        r"(?P<role>suppl[ée]ante?|rempla[çc]ante?)\s+"
                        r"(?P<of>de|du|d'|d’)\s*(?P<who>[^,;()]*[^,;()\s])", re.IGNORECASE)


def _bracket_substitute(m: re.Match) -> str:
    """" (suppléant de M. Roland VERMOT)" for ", délégué suppléant de M. Roland VERMOT", up to
    the list's next separator or civility; a commune ("suppléant de Murat") or a note already
    in brackets is left as it is."""
    who = m.group("who")
    cut = re.search(r"\s+[–—-]\s+|\s+et\s+|\s*/\s*|\s(?=(?:M\.|MM\.?|Mmes?|Mr|Monsieur|Madame)\s)", who)
    name, rest = (who[:cut.start()], who[cut.start():]) if cut else (who, "")
    if re.search(r"[^\W\d_]{2}\.$", name):  # "… suppléant de M. Frédéric JEANNIN.": the list's full stop
        name, rest = name[:-1], "." + rest
    bracketed = m.string[:m.start()].rstrip().endswith("(")
    if bracketed or not PERSON.match(name) or not re.search(r"[A-ZÀ-Ý]{3}|^(?:M|Mme|Monsieur|Madame)\b", name):
        return m.group(0)
    return f" ({m.group('role')} {m.group('of')} {name}){rest}"


PERSON = re.compile(r"(?:(?:M|Mme|MM|Mr|Monsieur|Madame)\.?\s+)?[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)+$")


# a list grouped by member commune or political group, each group's name before its members:
# "- Commune d'Anzy : M. BERTHIER (titulaire), Mme CLERC" / "Groupe Agir ensemble : Mme X, M. Y"
GROUP_HEAD = re.compile(r"(?<![\w'])(?:pour\s+la\s+|de\s+la\s+)?(?:commune|ville|groupe|liste|college|canton|secteur)"
                        r"\b[^:;,()]{1,50}?\s*:\s*(?=(?:m|mm|mme|mmes|mr|monsieur|madame)\b)")


def blank_roles(text: str) -> str:
    """Roles in a list, and the groups' names heading its members, replaced by spaces (matched on
    the folded text: "délégué")."""
    folded = fold(text)
    for m in [*ROLES.finditer(folded), *GROUP_HEAD.finditer(folded)]:
        text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return text


ENTRY_PARTS = re.compile(r"\s*[;▪•●&]\s*|\s+·\s+")
DASH = re.compile(r"\s[–—-]\s(?!(?i:pouvoir|procuration|mandat|pvr)\b)")  # "X – pouvoir : Y" says it in words


def _dash_pairs(text: str) -> str:
    """``"Mme J. BOUVET – M. G. LE GUEN ▪ Mme I. DEMIR – M. H. LEBON"``, ``"CASANOVA – BRETON &
    MILLET – CADIOU"``: in a list of proxies whose entries another mark parts, one dash in
    each entry links the giver to the holder (as "→"). Offsets are kept."""
    parts = [p for p in ENTRY_PARTS.split(text) if p.strip()]
    if len(parts) < 2 or not all(len(DASH.findall(p)) == 1 and not HOLDER_AT_END.search(p) for p in parts):
        return text
    return DASH.sub(lambda m: m.group(0)[0] + "→" + m.group(0)[2:], text)


# "de X à Y", "pouvoir de Madame X à Monsieur Y", "procuration de BELLET à LEVASSEUR", "de X vers Y",
# "procuration d'Adrienne Vallet à Jean-Éric Lebeau"
FROM = re.compile(r"(?<![^\s;,])(?:(?i:pouvoir|procuration|mandat|d[ée]l[ée]gation)\s+(?:de\s+vote\s+)?)?(?:de|De)(?=\s+[A-ZÀ-Ý])"
                  r"|(?<![^\s;,])(?i:pouvoir|procuration|mandat|d[ée]l[ée]gation)\s+(?:de\s+vote\s+)?d['’](?=[A-ZÀ-Ý])")
TO = re.compile(r"\s(?:à|a|au)\s")


def _from_to(text: str) -> str:
    """``"de QUÉRÉ Solange à LEBRETON José  de PEREIRA Maryvonne à COUSIN Fatima"``, ``"pouvoir de
    Madame X à Monsieur Y"`` a line: a list of proxies whose entries each open with "de" (after
    "pouvoir", "procuration" …), cut before each "de" that follows a holder
    (a "de" before the "à" is a particle: "de Jean de LA ROCHE à …"). Offsets are kept."""
    if not FROM.match(text.lstrip()):
        return text
    # "de Cassandre Millot vers Adrienne Jacob": "vers" says "à" (as wide, so offsets hold; the
    # "à" right before the holder, so that "vers Mme Y" opens no entry of its own)
    text = re.sub(r"(?<=\s)vers(?=\s)", "   à", text)
    out, last = list(text), 0
    for m in FROM.finditer(text):
        if m.start() == len(text) - len(text.lstrip()) or TO.search(text, last, m.start()):
            out[m.start():m.end()] = ";" + " " * (m.end() - m.start() - 1)
            last = m.end()
    return "".join(out)


def _chunks(text: str, folded: str, pattern: re.Pattern) -> list[tuple[str, int]]:
    """Pieces of `text` cut where `pattern` matches its folded copy (same offsets)."""
    cuts = [0]
    for m in pattern.finditer(folded):  # "Monsieur M. SIRI": one civility, then an initial
        before = folded[:m.start()]
        inside = before.count("(") > before.count(")")  # "M. X (suppléant de M. Y)": one entry
        if m.start() > 0 and not AFTER_CIVILITY.search(before) and not inside:
            cuts.append(m.start())
    cuts.append(len(text))
    return [(text[a:b], a) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip(" ,.;")]


def _split(chunk: str, proxies: bool) -> list[tuple[str, int]]:
    """Split on , ; – / and "et" outside brackets; keep "X (pouvoir à Y)" whole."""
    out, start, depth, i = [], 0, 0, 0
    while i < len(chunk):
        depth += {"(": 1, ")": -1}.get(chunk[i], 0)
        m = SEPARATORS.match(chunk, i) if depth <= 0 else None
        if m and m.end() > i and not _holder_follows(chunk, m.end(), proxies) \
                and not _forename_follows(chunk[start:i], chunk[m.end():], m.group()):
            out.append((chunk[start:i], start))
            start = i = m.end()
            continue
        i += 1
    out.append((chunk[start:], start))
    return [(e, s) for e, s in out if e.strip(" ,.;")]


SURNAME_ONLY = re.compile(rf"^\s*(?:(?i:{CIVILITY})\s+)?(?:[A-ZÀ-Ý][A-ZÀ-Ý'’-]*\s+){{0,3}}[A-ZÀ-Ý][A-ZÀ-Ý'’-]+$")
# the first names end their entry, or a word of its status follows: "CHAPPAZ, Zélie représentée – …"
FORENAME = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ'’]+(?:[- ][A-ZÀ-Ý][a-zà-ÿ'’]+)?(?=\s*(?:[,;(•▪●|→]|\s[–—·-]\s|\s+et\s|$)"
                      r"|\s+(?:représentée?|excusée?|absente?)\b)")


def _forename_follows(before: str, after: str, separator: str) -> bool:
    """``"Monsieur SANGARÉ, Émeric"``, ``"DE BRIANÇON, Teva ; WEISS, Tugdual"``: a surname in
    capitals, a comma, then first names and the entry's end: one name printed surname first."""
    before = re.split(r"→|\s(?:à|a|au|par|:)\s", before)[-1]  # "MBAYE, Eugénie → VAUTRIN, Kenza": the holder's too
    return separator.strip() == "," and bool(SURNAME_ONLY.match(before)) and bool(FORENAME.match(after))


def _holder_follows(chunk: str, pos: int, proxies: bool) -> bool:
    """A separator inside "M. X, Adjoint, pouvoir donné à M. Y": the entry goes on."""
    if proxies and re.match(r"[\s,]*à\s+(?=[A-ZÀ-Ý])", chunk[pos:pos + 60]):
        return True  # "M. Alain POTTIER, Maire, Président, à Mme Nadine DUQUESNOY": the holder after the roles
    # "M. X, qui a donné procuration à M. Y", "Mme X, laquelle a donné pouvoir à …"
    # "M. Louis MOREL – arrivé à 20h40": the entry goes on with its time
    # "Mme X (Mazières-le-Bas), excusée, a donné pouvoir à M. Y": excused, then the proxy
    return bool(re.match(r"[\s,]*(?:excusee?s?\s*,?\s*(?:et\s+)?(?=(?:qui\s+)?(?:a|ont)\s+donne|donne|pouvoir|procuration))?"
                         r"(?:(?:qui|lequel|laquelle)\s+(?:a\s+)?donne|pouvoir|procuration|mandat|donne|a donne|"
                         r"dont\s+le\s+(?:pouvoir|mandat)|pour\s+qui\s+vote|"  # "X, dont le pouvoir est détenu par Y"
                         rf"represente|(?:{TIMED_WORDS})\b)", fold(chunk[pos:pos + 60])))


def strip_civilities(name: str) -> str:
    """``"MM et Mmes Ph. DUBOURG"`` -> ``"Ph. DUBOURG"``; ``"Monsieur le Maire"`` -> ``""``."""
    text = re.sub(rf"^(?:\s*{CIVILITY}\s*(?:et\s+|,\s*)?)+", "", name.strip(), flags=re.IGNORECASE)
    text = re.sub(r"^(?:le|la)\s+(?:maire|president|presidente)\b.*$", "", text, flags=re.IGNORECASE)
    return clean_name(text)
