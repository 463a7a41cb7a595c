"""Members leaving or arriving during a sitting, one sentence at a time::

    Départ de Monsieur Eric ROBERT (procuration à Bernadette CORVISIER)     leave, with a proxy
    À 21 h 40, Mme Annaïg LE BRIS quitte la séance                          leave
    Arrivée de Monsieur Jean-Yves CALLAC                                    arrive
    Mme le Maire présente le compte administratif puis quitte la salle      the one presiding
    M. Lucien HERRMANN … déclare avoir un intérêt personnel à l'affaire. … il quitte la salle

The phrasings are data (patterns/sitting.json, "moves"); extractors/sitting.py reads the
counts printed with a move and keeps the moves of a run in its `Reading`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from extractors import entries, lexicon, members
from extractors.stream import Unit, fold, slice_of as _slice
from schemas import Span
from schemas.text import CALL_MARK, ends_sentence, joined

if TYPE_CHECKING:
    from extractors.sitting import Fact


@dataclass
class Move:
    kind: str  # leave | arrive
    name: str
    holder: str | None
    span: Span
    unit: int  # index in the run read
    counts: dict[str, Fact] = field(default_factory=dict)  # "(16 présents, 17 votants)": from then on
    through: int = -1  # the last unit of its sentence, when it goes on below ("… donne pouvoir" / "à M. X (…)")
    for_vote: bool = False  # out for this item's vote only: "quitte la salle et ne prend pas part au vote"
    from_item: str | None = None  # "… et prend part au vote à partir de la délibération n° 2024-043"



# the kind of move each list of patterns/sitting.json "moves" reads: "for_vote", a member out for
# this item's vote only, said as a circumstance of the decision ("hors la présence du Maire")
MOVE_KEYS = (("leave", "leave"), ("arrive", "arrive"), ("leave", "for_vote"))
RECITAL = re.compile(r"\W{0,3}(?:vu|considerant|attendu|rappelant)\b")


# a frame or a bullet ("→ Le Président s'étant retiré …"); fold keeps each character in its place,
# so one cut serves both texts
FRAME = " \t–—-*•→►▪("


def read_move(u: Unit, k: int, nxt: Unit | None = None, whole: bool = True) -> Move | None:
    """``"Départ de Monsieur Eric ROBERT (procuration à Bernadette CORVISIER)"``,
    ``"Arrivée de Monsieur Jean-Yves CALLAC"``, ``"M. X quitte la séance et donne pouvoir à Y"``;
    a sentence cut at the line's end is read on into `nxt` ("M. Alain LE DU, conseiller
    municipal," / "quitte la salle et ne prend pas part au vote (17 votants)."); `whole`: the
    line as printed, whose later sentences may hold the move (`_in_sentences`)."""
    if nxt is not None and not ends_sentence(u.text, ".;:!?)") and not nxt.gap_before:
        move = read_move(_run_on(u, nxt), k, whole=False)
        if move:
            move.through = k + 1
            return move
    if len(u.cells) > 1:
        return _in_cells(u, k)
    # "— 19 h 20 : départ de M. Brieuc SOW (32 votants dont 31 présents) —": a move framed by dashes
    lead = len(u.text) - len(u.text.lstrip(FRAME))
    text = u.text[lead:].rstrip(FRAME)
    folded = u.folded[lead:lead + len(text)]
    for kind, key in MOVE_KEYS:
        if key == "for_vote" and RECITAL.match(folded):
            continue  # "Vu la délibération … approuvant le compte administratif hors la présence du Maire"
        for pattern in lexicon.get("moves", key):
            m = lexicon.rx(pattern).search(folded)
            pronoun = m.groupdict().get("pronoun") if m else None
            name = (_last_named(text[:m.start()], pronoun) if pronoun else _mover(_slice(text, m, "name"))) \
                if m else None
            if name:
                holder = entries.strip_civilities(_slice(text, m, "holder")) if m.groupdict().get("holder") else None
                after = folded[m.end():]
                for_vote = key == "for_vote" or bool(m.groupdict().get("out_of_vote")) or kind == "leave" and (
                    _for_vote(after) or name == PRESIDING and _stand_in(folded) and not FOR_GOOD.search(after))
                return Move(kind, name, holder or (_holder_after(text, folded, m.end()) if kind == "leave" else None),
                            u.span, k, for_vote=for_vote, from_item=_from_item(after))
    return _in_sentences(u, k) if whole else None


def _run_on(u: Unit, nxt: Unit) -> Unit:
    """The line and the next as one, a word cut at the line's end read whole ("Mme TANGUY … quitte éga-" / "lement la
    salle.")."""
    return Unit(joined([u.text.rstrip(), nxt.text.strip()], whole_words=True), u.span, u.index)


def each_mover(move: Move) -> list[Move]:
    """One move a member: "M. QUÉRÉ et Mme TANGUY réintègrent la séance", "MM. LE GALL, MORVAN et
    PRIGENT quittent la salle" move two and three members (a proxy given then is nobody's alone)."""
    parts = [name for name, _ in entries.entries(move.name) if members.looks_like_member(name)]  # (roles left out)
    if len(parts) < 2:
        return [move]
    return [replace(move, name=entries.strip_civilities(p), holder=None) for p in parts]


# a note under a table of acts naming the act a move was for: "Nota : pour la délibération
# 2021/07-02, le Maire a quitté la salle et n'a pas pris part au vote ;", "Pour la délibération
# 2023-31, le Maire s'est retiré ; présidence assurée par M. Henri LACROIX."
NOTED = re.compile(rf"^\W{{0,3}}(?P<mark>(?:{CALL_MARK})\s*"  # "(1) Délibération n° 2024-18 : …"
                   r"|(?:nota(?:\s+bene)?|n\.\s?b\.?|observations?|remarques?)\s*:?\s*)?"
                   r"(?P<intro>(?:pour|(?:lors|au\s+moment)\s+du\s+vote\s+(?:de\s+la|du|de\s+l')"
                   r"|s'agissant\s+(?:de\s+la|du|de\s+l'))\s*)?(?:la\s+|le\s+|l')?"
                   r"(?:deliberation|point|acte|question|dossier|rapport|affaire)\s*(?:n\s*[°o]\.?\s*)?"
                   r"(?P<n>[a-z]{0,6}[\s_-]?\d[\w./-]*?)\s*[,:]\s+(?=\S)")


# a note called from the table, the act named inside its sentence: "(*) M. Kévin ROBERT, président du
# club, n'a pas pris part au vote de la délibération n° 2024-19 et a quitté la salle."
CALL = re.compile(rf"^[^\w(*]{{0,3}}(?:{CALL_MARK})\s*")
# (the vote of that act, not "à l'issue de la délibération n° 2024-18", "à partir de …": after it)
ACT_INSIDE = re.compile(r"(?:(?<=\bvote)\s+(?:de|sur|pour)|\s*,?\s*\bpour)\s+(?:la\s+|le\s+|l')?"
                        r"(?:deliberation|point|acte|question|dossier)"
                        r"\s*(?:n\s*[°o]\.?\s*)?(?P<n>[a-z]{0,6}[\s_-]?\d[\w./-]*?)(?=\s*(?:[,;.)]|\s(?:et|puis)\s|$))")


AFTER_VOTE = re.compile(r"\b(?:une\s+fois\s+le\s+vote|apres\s+le\s+vote"
                        r"|a\s+l'issue\s+(?:du\s+vote|de\s+la\s+deliberation))\b"
                        r"|\bn'est\s+pas\s+revenue?\b")


def noted(units: list[Unit]) -> list[tuple[str, Move]]:
    """The moves a note says were for one act, with that act's number: ``"Pour la délibération
    2023-31, le Maire s'est retiré ; présidence assurée par M. Henri LACROIX."`` gives ("2023-31",
    the one presiding out for that vote)."""
    found = []
    for k, u in enumerate(units):
        inside = _act_inside(units, k) or _arrived_from(u, k)
        if inside:
            found.append(inside)
            continue
        m = NOTED.match(u.folded)
        m = m if m and (m.group("mark") or m.group("intro")) else None  # not an act's heading "Délibération n° X : …"
        # "… le Maire s'étant retiré pour le vote du CA," / "la séance a été présidée par …"
        nxt = units[k + 1] if k + 1 < len(units) else None
        move = m and read_move(Unit(u.text[m.end():], u.span, u.index), k, nxt, whole=False)
        # (not "… a quitté la séance définitivement", "… une fois le vote acquis": for more than that vote)
        if move and move.kind == "leave" and not FOR_GOOD.search(u.folded) and not AFTER_VOTE.search(u.folded):
            move.for_vote = True
            found.append((u.text[m.start("n"):m.end("n")], move))
    return found


def _act_inside(units: list[Unit], k: int) -> tuple[str, Move] | None:
    """A called note naming its act inside the sentence, read on into the next line when cut:
    "(*) M. Kévin ROBERT, président du club, n'a pas pris part au vote de la délibération" /
    "n° 2024-19 et a quitté la salle." gives ("2024-19", M. Kévin ROBERT out for that vote); or naming
    none, its act the row that bears its call ("2024-101  Garantie d'emprunt Habitat 35 (1)  24  0  0" /
    "(1) M. Lefèvre, administrateur d'Habitat 35, n'a pas pris part au vote.")."""
    u, nxt = units[k], units[k + 1] if k + 1 < len(units) else None
    call = CALL.match(u.folded)
    if not call or NOTED.match(u.folded[call.end():]):
        return None  # "(1) Délibération n° 2024-18 : …": the act first, read by `noted`
    text = u.text[call.end():]
    if nxt is not None and not ends_sentence(text, ".;:!?") and not nxt.gap_before:
        text = text.rstrip() + " " + nxt.text.strip()
    m = ACT_INSIDE.search(fold(text))
    number = text[m.start("n"):m.end("n")] if m else _called_row(units, k, u.text[:call.end()].strip(" *"))
    cut = text[:m.start()] + text[m.end():] if m else text
    move = number and (read_move(Unit(cut, u.span, u.index), k, whole=False) or _not_voting(cut, u, k))
    if not move or move.kind != "leave" or FOR_GOOD.search(fold(cut)) or AFTER_VOTE.search(fold(cut)):
        return None
    move.for_vote = True
    return number, move


# "(*) Mme Sophie Lebrun, arrivée en cours de séance, a pris part au vote à partir de la délibération n°
# 2024-21.": a note under a relevé, an arrival holding from that act on
ARRIVED_FROM = lexicon.rx(r"^\W{0,3}(?:" + CALL_MARK + r")\s*(?P<name>(?:{civ}\s*)?[^,;()]{2,60}?)\s*,"
                          r"[^.;]{0,80}?\b(?:a\s+pris|prend|prenant)\s+part\s+aux?\s+votes?\s+(?:a\s+partir\s+de|des)\s+"
                          r"(?:la\s+|le\s+)?(?:deliberation|point)\s*(?:n\s*[°o]\.?\s*)?"
                          r"(?P<n>[a-z]{0,6}[\s_-]?\d[\w./-]*?)"
                          r"(?=\s*(?:[,;.)]|$))")


def _arrived_from(u: Unit, k: int) -> tuple[str, Move] | None:
    """(the act, an arrival from it on) of a note saying so (ARRIVED_FROM)."""
    m = ARRIVED_FROM.match(u.folded)
    name = m and _mover(u.text[m.start("name"):m.end("name")])
    number = m and u.text[m.start("n"):m.end("n")]
    return (number, Move("arrive", name, None, u.span, k, from_item=number)) if name else None


def _called_row(units: list[Unit], k: int, call: str) -> str | None:
    """The act number of the row above whose object or result closes on the note's call "(1)"."""
    if not call.startswith("(") or not re.fullmatch(CALL_MARK, call):
        return None  # ("*" alone marks every row it could be)
    ends = re.compile(re.escape(call) + r"\s*$")
    for row in reversed(units[max(0, k - 60):k]):
        cells = row.cells or tuple(re.split(r"\s{2,}", row.text.strip()))
        if len(cells) > 2 and any(ends.search(c) for c in cells[1:]) and re.search(r"\d", cells[0]):
            return cells[0].strip()
    return None


# "(*) Mme Claire NOËL, gérante de la société, n'a pas pris part au vote de la délibération n° 12.":
# in a note, one member out of that vote though the room is not said
NOT_VOTING = lexicon.rx(r"^(?P<name>(?:{civ}\s*)?[^,;()]{2,60}?)(?:\s*,[^,;.]{2,80},)?\s+{not_voting}")


def _not_voting(cut: str, u: Unit, k: int) -> Move | None:
    m = NOT_VOTING.match(fold(cut).strip())
    m = m if m and m["one"] else None  # one member: "MM. Roux et Petit ne prennent pas part" names two
    lead = len(cut) - len(cut.lstrip())
    name = m and _mover(cut[lead + m.start("name"):lead + m.end("name")])
    return Move("leave", name, None, u.span, k) if name else None


def _in_sentences(u: Unit, k: int) -> Move | None:
    """An item flattened into one line, a departure in one of its sentences and the item's vote
    after it: "3) Délibération n° 2023/033 - Compte administratif 2022 … est élue présidente de
    séance pour ce point. Le Maire quitte la salle. Présents : 25 - … Vote : 24 pour, …" (each
    sentence after the first read alone; out for that vote, unless for good). Not an arrival nor a
    departure in a paragraph with no vote ("M. GARNIER a quitté la salle des fêtes avant la fin")."""
    sentences = SENTENCE_START.split(u.text)
    for i, sentence in enumerate(sentences[1:] if len(sentences) > 1 else (), start=1):
        move = read_move(Unit(sentence, u.span, u.index), k, whole=False)
        if move and move.kind == "leave" and VOTED.search(fold(" ".join(sentences[i:]))):
            move.for_vote = move.for_vote or not FOR_GOOD.search(fold(sentence))
            return move
    return None


SENTENCE_START = re.compile(r"(?<=[\w)][.;])\s+(?=(?:Le|La|Les|M\.|Mme|MM\.|Monsieur|Madame)\s)")
VOTED = re.compile(r"\b(?:pour\s*:?\s*\d|\d+\s+(?:voix\s+)?pour|adoptee?s?|unanimite|rejetee?s?)\b")


def _in_cells(u: Unit, k: int) -> Move | None:
    """A row of a table of acts, its decision cell saying who left: "C 2017-03-041 | FINANCES -
    Compte administratif 2016 | Adopté. Le Président ayant quitté la salle au moment du vote, …":
    each cell's sentences read alone."""
    for cell in u.cells:
        # "Compte administratif 2020 (le Maire s'est retiré lors du vote)": a bracket is a sentence too
        for sentence in re.split(r"(?<=[\w)][.;])\s+(?=[A-ZÀ-Ý])", cell) + re.findall(r"\(([^()]{6,})\)", cell):
            move = read_move(Unit(sentence, u.span, u.index), k)
            if move:
                return move
    return None


# the item a move holds from, when a block of moves above the items says so: "rejoint la séance
# à 20 h 40 et prend part au vote à partir de la délibération n° 2024-043", "quitte la séance
# avant le vote du point 5", "présent dès la question 3"
FROM_ITEM = re.compile(r"\b(?:a\s+partir\s+(?:de\s+la|du|de\s+l')|des\s+(?:la|le|l')|avant\s+(?:le\s+vote|l'examen)"
                       r"\s+(?:du|de\s+la|de\s+l'))\s*(?:deliberation|point|question|dossier|rapport|affaire)"
                       r"\s*(?:n\s*[°o]\.?\s*)?(?P<n>[a-z]{0,4}[\d][\w./-]*\d|\d+|[ivxl]+\b)")


def _from_item(after: str) -> str | None:
    m = FROM_ITEM.search(after)
    return m.group("n") if m else None


# a member leaving the room for one vote (an interest in the matter), back for the next item
# unless the minutes say otherwise: "M. Denis MATHIEU, président de l'association, quitte la
# salle et ne prend pas part au vote.", "… se retire pendant le vote", "… pour ce point"
FOR_VOTE = re.compile(r"^[^.;]{0,40}?\b(?:ne\s+(?:prend|participe)\s+pas\s+(?:part\s+)?(?:au|a\s+ce)\s+vote"
                      r"|pour\s+(?:ce|le)\s+(?:vote|point|dossier)|pendant\s+(?:le\s+vote|l'examen|la\s+deliberation|le\s+debat)"
                      r"|lors\s+du\s+vote|le\s+temps\s+du\s+vote|durant\s+le\s+vote|au\s+moment\s+du\s+vote)\b")


# … but not one who gives a proxy, does not come back, or leaves for what follows too
FOR_GOOD = re.compile(r"\b(?:donne|donnant|a\s+donne)\s+(?:pouvoir|procuration)|ne\s+revient\s+pas|definitivement"
                      r"|(?:points?|questions?|dossiers?)\s+suivants?"
                      r"|jusqu'a\s+(?:la\s+fin|son\s+terme|la\s+(?:cloture|levee))"
                      r"|fin\s+de\s+(?:la\s+)?seance")


# the chair handed over in the same sentence: the one presiding is out for this item's accounts
# and back after them, often unsaid (CGCT L2121-14): "Sous la présidence de Mme Annick BOUILLER,
# 1re adjointe, M. le Maire ayant quitté la salle, le conseil municipal examine le compte administratif"
STAND_IN = re.compile(r"\b(?:sous\s+la\s+presidence\s+de|presidee?\s+par|(?:prend|assure)\s+la\s+presidence"
                      # "Le Président, directement intéressé, quitte la salle … et confie la présidence de la séance à …"
                      r"|(?:confie|cede|laisse|transmet)\s+la\s+presidence"
                      # "M. le Maire quitte la salle. Mme X, première adjointe, préside la séance pour le vote."
                      # "… ayant quitté la salle, Mme X, Première Adjointe, préside pour ce point."
                      r"|preside\s+(?:la\s+seance|le\s+vote|les\s+debats|pour\s+(?:ce|cette)\s+(?:point|vote|question|"
                      r"dossier|affaire|deliberation))"
                      r"|presidence\s+(?:est\s+|etant\s+)?(?:assuree|confiee)|doyen(?:ne)?\s+(?:d'age|de\s+l'assemblee)"
                      r"|(?:fait|font)\s+proceder\s+au\s+vote"  # "Mme X, 1ère adjointe, fait procéder au vote"
                      # "Le Maire s'étant retiré, le Conseil approuve le compte administratif" (or "…, le Conseil
                      # municipal, après en avoir délibéré, …"): the clause of a
                      # decision (not "… ayant quitté la séance à 22 h 10, le Conseil municipal poursuit …")
                      r"|(?:ayant\s+quitte|s'etant\s+retiree?)(?:\s+la\s+(?:salle|seance))?\s*,\s*(?:le|la|l')\s*"
                      r"(?:conseil|comite|assemblee|bureau)(?:\s+[a-z]+)?\s*,?\s+"
                      r"(?:approuve|adopte|arrete|vote|valide|apres\s+en\s+avoir\s+delibere))\b")


def _stand_in(folded: str) -> bool:
    """"Sous la présidence de Mme X, 1re adjointe, M. le Maire ayant quitté la salle": for this item."""
    return bool(STAND_IN.search(folded))


def _for_vote(after: str) -> bool:
    """"… quitte la salle et ne prend pas part au vote.": out for this item's vote only."""
    sentence = re.split(r"(?<=[a-z)]{2})\.\s", after)[0]
    return bool(FOR_VOTE.match(sentence)) and not FOR_GOOD.search(sentence)


# "Départ de M. Thierry LAMOTTE à 20 h 05, qui donne pouvoir à Mme Ginette VALLAT.": the holder
# named later in the sentence
HOLDER_AFTER = lexicon.rx(r"^[^.;]*?\b(?:donne|donnant|a\s+donne|qui\s+donne)\s+(?:pouvoir|procuration|mandat)\s+(?:a|au)\s+"
                         r"(?P<holder>(?:{civ}\s*)?[^,.;()]+)")  # "… à 21 h 10 et donne pouvoir à M. Paul DURAND."


# "départ de M. Luc FLEURY (pouvoir à Mme Anne-Marie LEGRAND) et de Mme Béatrice DUMONT": in brackets
# after the name, another departure after it
BRACKET_HOLDER = lexicon.rx(r"^\s*\(\s*(?:pouvoir|procuration|mandat)\s+(?:donne\s+)?(?:a|au)\s+"
                           r"(?P<holder>(?:{civ}\s*)?[^,.;()]+)\)")


def _holder_after(text: str, folded: str, end: int) -> str | None:
    m = HOLDER_AFTER.match(folded[end:]) or BRACKET_HOLDER.match(folded[end:])
    if not m:
        return None
    holder = entries.strip_civilities(text[end + m.start("holder"):end + m.end("holder")].strip())
    return holder if members.looks_like_member(holder) else None


# "Mme le Maire présente le compte administratif puis quitte la salle": the one who presides,
# named by the role (CGCT L2121-14: the mayor leaves while the accounts are voted), its article
# maybe on the line above ("… des collectivités territoriales, le" / "Président quitte la salle")
PRESIDING = "@president"
# (not "Le Maire adjoint", "le maire délégué de X", "le président de la commission des finances",
# "le Maire et son épouse")
ROLE_MOVER = re.compile(r"^(?:(?:m|mme|mr|monsieur|madame)\.?\s+)?(?:(?:le|la)\s+)?(?:maire|presidente?)\b"
                        r"(?!\s*-?\s*(?:adjoint|delegu|honoraire|d'|de\b|du\b|des\b|et\b))(?P<rest>.*)$")


CIVIL_NAME = re.compile(r"\b(?:(?P<he>M\.|Monsieur)|Mme|Mlle|Madame)\s+(?P<name>[A-ZÀ-Ý][\w'’-]*\.?(?:\s+[A-ZÀ-Ý][\w'’-]+){0,3})")


def _last_named(before: str, pronoun: str) -> str | None:
    """Who "il" or "elle" stands for: the last member of that gender named before it ("M.
    Lucien HERRMANN, Adjoint, … déclare avoir un intérêt personnel à l'affaire. …, il quitte
    la salle"; not "M. Bernard COLIN" for "elle" after "Mme Anne PETIT … présidé par M. COLIN")."""
    he = fold(pronoun) == "il"
    found = [entries.strip_civilities(m.group("name")) for m in CIVIL_NAME.finditer(before) if bool(m.group("he")) == he]
    found = [n for n in found if members.looks_like_member(n)]
    return found[-1] if found else None


TIME_FIRST = re.compile(r"^\s*(?:[àa]\s+)?\d{1,2}\s*h\s*(?:\d{2})?\s*[–—:,-]\s*", re.IGNORECASE)


def _presiding(said: str) -> bool:
    """"Le Maire", "Mme la Présidente": the one who presides, named by the role (not "M. le Maire
    remercie M. DURAND qui quitte la salle")."""
    role = ROLE_MOVER.match(fold(said).strip())
    return bool(role) and not re.search(r"\b(?:m|mme|mr|monsieur|madame)\b|qui\s*$", role.group("rest")) \
        and not re.search(r"[A-ZÀ-Ý]{2,}", said[role.start("rest"):])


def _presiding_after_comma(said: str) -> bool:
    """"Conformément à l'article L. 4132-13 du CGCT, le Président quitte la salle": the role,
    with its article, after a comma when nobody is named before it (not "Mme Annaïg LE BRIS,
    présidente, quitte la salle": the president of the association concerned)."""
    *before, last = said.split(",")
    if not before or not re.match(r"\s*(?:(?:m|mme|mr|monsieur|madame)\.?\s+)?(?:le|la)\s", fold(last)):
        return False
    named = any(re.search(r"\b(?:M|Mme|Mr|Monsieur|Madame)\b", p) or members.looks_like_member(entries.strip_civilities(p))
                for p in before)
    return not named and _presiding(last)


SENTENCE_END = re.compile(r"(?:(?<=[a-zà-ÿ][a-zà-ÿ])|(?<=[\d€)]))\.\s+(?=[A-ZÀ-Ý])")


def _mover(said: str) -> str | None:
    """Who moves, from what stands before the verb: the whole, else the part before a comma
    ("M. Alain LE DU, conseiller municipal, directement intéressé, quitte la salle"), else
    the part after one ("À 21 h 40, Mme Annaïg LE BRIS quitte la séance"); the one who
    presides when named by the role with nobody else named before the verb."""
    if re.search(r"[^\W\d_]\s*:\s", said):
        return None  # "Madame DOYEN : Il réintègre quand, la commune ?": a speaker, not a move
    name = _named_mover(said)
    # "… recettes 12 960,00 €. Le Président quitte la salle": a name across a sentence's end is the
    # last sentence's subject (not "M. Jean DURAND, trésorier de l'assoc. Les Amis de l'Orgue")
    return _named_mover(SENTENCE_END.split(said)[-1]) if name and SENTENCE_END.search(name) else name


def _named_mover(said: str) -> str | None:
    if _presiding(said) or _presiding_after_comma(said):
        return PRESIDING
    said = TIME_FIRST.sub("", said)  # "20 h 30 — M. Antoine MARQUET quitte la séance"
    # "Monsieur Benoît LAURENT (Rassemblement national)", "Mme SARTHOU Aurélie (Pujols)": a group, a commune
    said = re.sub(r"\s*\([^()]{1,60}\)", "", said)
    parts = [p.strip() for p in said.split(",")]
    for candidate in dict.fromkeys([said, parts[0], parts[-1]]):
        name = entries.strip_civilities(candidate)
        if members.looks_like_member(name):
            return name
    return None
