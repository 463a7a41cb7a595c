"""A document's body as one stream of units, the form every recogniser of a sitting reads.

A unit is one line of text, or one row of a table (its cells kept apart), with its
provenance; the stream knows where a blank line or a page break fell, and gives the
folded text (lower case, no accents, same length) that patterns are matched on::

    Unit(text="Présents : 29 – Pouvoirs : 12 – Votants : 41", span=Span(page=1, line=14), …)
    Unit(text="POUR | 21", cells=("POUR", "21"), …)                 # a row of a ruled table

Text arrives as loaders give it, so it is mended here, never in a recogniser:
private-use glyphs of symbol fonts (U+F020 is a space, "Procuration : 3\\uf020"),
no-break and zero-width spaces, a word cut by a hyphen at a line end ("Jean-" /
"Claude GROSS": `joined`), several spaces in a row ("L'an  deux  mille"), a month in Roman
figures ("3/IV/2024"), the sides of a box around one column ("│ Présents : 29   │").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property

from extractors import lexicon
from schemas import Document, Line, Span, Table
from schemas.text import fold, joined  # noqa: F401  (the stream's fold and joined, re-exported for its readers)

PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
ODD_SPACES = re.compile(r"[\u00a0\u202f\u2007\u2009\u200a\t]")
ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u00ad\ufeff]")
# "Monsieur PERETTI ◦ Monsieur BENSALEM": rarer bullets read as the common one between names;
# "Abgrall Cindy ‒ Ahamada Cindy": the figure dash and the horizontal bar read as the en dash
# "№ 2007-130" is "N° 2007-130"; "Mme AUBIN ‖ Mme BELLET" separates names as a bullet does
# ► and ▸ point from a proxy's giver to its holder ("Mme Lucie BLANC ► M. Jean DUPONT") as often
# as they mark a list: an arrow, which reads both ways
RARE_MARKS = str.maketrans({c: "•" for c in "◦‣⁃∙⦁‖■□▪◆◇✓✔❖"} | {c: "→" for c in "►▸"}
                           | {c: "–" for c in "\u2012\u2015"} | {"№": "N°"})
MIDDLE_DOTS = re.compile(r"·{3,}")
# capitals spaced out for show, words three spaces apart: "E X T R A I T   D U   R E G I S T R E"
LETTER_SPACED = re.compile(r"(?<![\w.'’])(?:[A-ZÀ-Ý] ){4,}[A-ZÀ-Ý](?![\w.'’])")  # five letters or more, not "J P L M"
RULE_ONLY = re.compile(r"^[^\w]+$")  # "_____________", "°°°°°", "-------", a stray bullet "Ø"
# a box of one column drawn around lines: "│ Présents : 29                │" is the line it frames
FRAMED = re.compile(r"^\s*[│┃║]\s*([^│┃║]*?)\s*[│┃║]\s*$")
# a month in Roman figures between a day and a year: "SEANCE DU 3/IV/2024", "Convocation : 28/III/2024"
ROMAN_MONTH = re.compile(r"\b(\d{1,2})([/.-])(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\2((?:19|20)\d\d)\b")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
NUMBERED = re.compile(r"(?i)(?:\bn\s*[°o]|\bnum[ée]ro|\bd[ée]lib[ée]ration)\.?\s*$")  # "Délibération n° 12/IV/2024"


def _roman_month(m: re.Match) -> str:
    """"3/IV/2024" -> "3/4/2024", a date; not an act numbered so ("Délibération n° 12/IV/2024")."""
    if NUMBERED.search(m.string[:m.start()]):
        return m.group()
    return f"{m[1]}{m[2]}{ROMAN.index(m[3]) + 1}{m[2]}{m[4]}"


@dataclass
class Unit:
    """One line (or table row) of the body, cleaned; `index` is its item in Document.items."""

    text: str
    span: Span
    index: int
    bold: tuple[str, ...] = ()
    cells: tuple[str, ...] = ()
    gap_before: bool = False  # a blank line, a page break or a rule before it
    gutters: tuple[int, ...] = ()  # where a wide gap before a capital was closed (see `gutters`)

    @cached_property
    def folded(self) -> str:  # read by every recogniser, many times a line: folded once
        return fold(self.text)

    @property
    def all_bold(self) -> bool:
        text = re.sub(r"\s+", "", self.text)
        return bool(text) and text == "".join(re.sub(r"\s+", "", b) for b in self.bold)


def clean(text: str) -> str:
    """One line as a recogniser should see it (see the module's docstring)."""
    return _cleaned(text)[0]


# "MMES et MM. BOULANGER  BOUZID  LE CORRE", "Huguette Couderc  Jean-Michel Debrabant": a
# table's cells laid on one line, its gutters left as wide spaces before a capital
GUTTER = re.compile(r"(?<=[^\W\d_]) {2,}(?=[A-ZÀ-Ý])")
MARK = "\x00"


def _cleaned(text: str) -> tuple[str, tuple[int, ...]]:
    """The clean line, and where in it a gutter before a capital was closed to one space."""
    text = ZERO_WIDTH.sub("", PRIVATE_USE.sub(" ", ODD_SPACES.sub(" ", text))).translate(RARE_MARKS)
    text = MIDDLE_DOTS.sub("…", text)  # "Votants ce jour ·········· 26": a leader of middle dots
    text = FRAMED.sub(r"\1", text)
    text = ROMAN_MONTH.sub(_roman_month, text)
    text = LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)  # "P R É S E N T S :"
    text = re.sub(r" {2,}", " ", GUTTER.sub(MARK, text.replace(MARK, " "))).strip()
    return text.replace(MARK, " "), tuple(k for k, c in enumerate(text) if c == MARK)


def gutters(unit: Unit, start: int = 0) -> str:
    """The unit's text from `start`, with a comma for each gutter closed before a capital,
    in a line without figures or separators whose pieces read as names: two gutters or more,
    each piece between them a whole name (a surname in capitals, or two words; the line's
    first and last pieces may be a name cut by the line's end), or one gutter between two
    names of two words ("Quentin Chéneau-Marty  Sabine Delattre"). A row of names, not
    "Approuvé  à l'unanimité" justified nor "Mme Anne-Marie  ARNAUD" spaced out. Offsets are kept."""
    cuts = [k for k in unit.gutters if k > start]
    # "Mme Anne-Marie  ARNAUD,  M. Christian  AUBERT": a list that parts its names itself
    if not cuts or re.search(r"[\d,;•/]", CIVILITIES_PARTED.sub("", unit.text[start:])):
        return unit.text[start:]
    pieces = [unit.text[a:b].split() for a, b in zip([start] + cuts, cuts + [len(unit.text)])]
    one = len(cuts) == 1 and (_surname_first(pieces)
                              or not all(len(_uncivil(p)) >= 2 and _whole_name(p) for p in pieces))
    if one or any(len(p) > 5 or not _whole_name(p) for p in pieces[1:-1]):
        return unit.text[start:]
    text = "".join("," if k in cuts else c for k, c in enumerate(unit.text))[start:]
    # "… Thibault Mallet  Maria" / "Mansouri  Karim Mattei": the line's end is a gutter too,
    # unless its last piece is a name cut there
    return text + "," if _whole_name(pieces[-1]) else text


CIVILITY_WORD = re.compile(r"(?i)(?:m|mm|mme|mmes|mlle|mr|monsieur|madame|messieurs|mesdames)\.?")


def _uncivil(words: list[str]) -> list[str]:
    return [w for w in words if not CIVILITY_WORD.fullmatch(w)]


def _surname_first(pieces: list[list[str]]) -> bool:
    """"DA SILVA         Marie Claire": a surname in capitals, its first names in the next column
    (one person, a "NOM   Prénom" table's row)."""
    first, second = (_uncivil(p) for p in pieces)
    return all(w.isupper() for w in first) and not any(w.isupper() for w in second)


TO = ("à", "a", "au", "→", "->")  # a proxy's giver to its holder
PARTICLE = re.compile(r"(?i)(?:de|du|des|le|la|les|van|von|d[’']|l[’'])$")
CIVILITIES_PARTED = re.compile(r"(?i)\b(?:mesdames|messieurs|mmes|mm)\.?\s*,")  # "Mesdames, Messieurs X  Y"


def _whole_name(words: list[str]) -> bool:
    """"Thibault Mallet", "BOUZID", "Christine MARCHAND à Marie DURAND" (a proxy, in its list): a
    whole name; not "Maria" / "Mansouri", "Madame DU" / "PLESSIS" (cut by the line's end), nor "TRAN
    ainsi" / "que VANDENBERGHE"."""
    if words and words[0] not in TO and words[-1] not in TO:
        words = [w for w in words if w not in TO]
    if any(CIVILITY_WORD.fullmatch(w) for w in words[1:]):
        return False  # "FAURE  M. Jean": a gap closed inside two names ("Mme Odile  FAURE  M. Jean  MARTIN")
    words = _uncivil(words)
    if not words or not all(w[:1].isupper() for w in words) or PARTICLE.match(words[-1]):
        return False
    return len(words) >= 2 or bool(re.search(r"[A-ZÀ-Ý]{2}", words[0]))


def units(doc: Document) -> list[Unit]:
    """Every body line and table row of the document, in reading order; a rule line
    ("_____", "°°°°") is not a unit but a gap before the next one."""
    out: list[Unit] = []
    last: Span | None = None
    rule = False
    for index, item in enumerate(doc.items):
        rows = [(tuple(clean(c.text) for c in r.cells), r.span) for r in item.rows] \
            if isinstance(item, Table) else [((), item.span)]
        for cells, span in rows:
            text, wide = (" | ".join(c for c in cells if c), ()) if cells else _cleaned(item.text)
            if not text or RULE_ONLY.match(text):
                # a lone "–" or "•" between two names is the list's separator, no rule nor gap
                # ("Alfred Ramos" / "–" / "Michaël Massé")
                rule = rule or len(text) > 2
                last = span if text and len(text) <= 2 else last
                continue
            bold = () if cells else item.bold
            unit = Unit(text, span, index, bold, cells, rule or _gap(last, span), wide)
            if out and _label_tail(out[-1], unit):
                whole = f"{out[-1].text} {text}"
                out[-1] = replace(out[-1], text=whole, span=replace(out[-1].span.merge(span), text=whole))
            else:
                out.append(unit)
            last, rule = span, False
    return out


# a list's label cut at a line's end, its last words of attendance and the colon alone below (a narrow
# column): "Présents en séance ou en" / "visioconférence :", "Membres absents ayant donné" / "pouvoir :"
# (not "Étaient présents lors de l'inauguration du" / "gymnase :", a sentence about other people)
LABEL_TAIL = re.compile(r"^(?:(?:de|du|des|en|a|au|par|ou|et|la|le|les|leur|ayant|donne|donnes|donnee|donnees|"
                        r"seance|visio-?conference|distance|ligne|pouvoirs?|procurations?|mandats?|voix|"
                        r"deliberatives?|excusee?s?|representee?s?|absente?s?|presente?s?|suppleante?s?|"
                        r"titulaires?)(?:\s+|(?=\s*:)))+\s*:$")


def _label_tail(above: Unit, unit: Unit) -> bool:
    """`unit` only ends the list label `above` opens: the two read as one line."""
    if unit.cells or above.cells or unit.gap_before or not LABEL_TAIL.match(unit.folded):
        return False
    return _whole_label(fold(f"{above.text} {unit.text}")) and not _whole_label(above.folded)


def _whole_label(folded: str) -> bool:
    """A list's label, and nothing after its colon."""
    found = lexicon.list_label_at_start(folded)
    return found is not None and found[0].end + found[1].end() == len(folded.rstrip())


def _gap(last: Span | None, span: Span) -> bool:
    """A blank line (text: line numbers apart), a wide vertical gap (PDF) or a new page."""
    if last is None or span.page != last.page:
        return True
    if span.bbox is None or last.bbox is None:
        return span.line - last.line > 1
    height = max(1.0, last.bbox.bottom - last.bbox.top)
    return span.bbox.top - last.bbox.bottom > 0.9 * height


def unbroken(texts: list[str]) -> str:
    """`joined`, a word cut by a hyphen before a lower-case letter made whole: the second
    reading of a sentence that `joined` leaves unread."""
    return joined(texts, whole_words=True)


def slice_of(text: str, m: re.Match, group: str) -> str:
    """The original text of a group matched on the folded copy (same offsets)."""
    return text[m.start(group):m.end(group)].strip(" ,;:.")


def span_of(units_: list[Unit]) -> Span:
    """The span covering several units (the first one's page and line)."""
    span = units_[0].span
    for u in units_[1:]:
        span = span.merge(u.span)
    return Span(span.page, span.line, span.bbox, joined([u.text for u in units_]))


def as_lines(units_: list[Unit]) -> list[Line]:
    """Units as document lines, for the readers that take lines (decisions)."""
    return [Line(u.text, u.span, u.bold) for u in units_]
