"""The act's own number, where minutes and extracts print it beside the item's rank, which it
replaces as the deliberation's `numero`::

    2. Rapport sur le prix de l'eau (délibération 2024-41)          at the end of the title
    Adopté : Pour : 38 – Contre : 5. (Délibération DCM-2024-119)    after the item's vote
    Séance du 14 février 2013          Délibération n° 2013/07      on an extract's header line
    Délibération n° 2021/09                                          alone under an extract's decision

and the prefecture stamp that names the act (`stamp`): "ID : 038-213801855-20210927-D2021156-DE".

Patterns: `act_in_title` and `act_at_title_start` (patterns/segments.json).
"""
from __future__ import annotations

import re

from extractors import segment, undecided
from extractors.outline import Item, act_at_start, header_end, names_another, number_at_end
from extractors.sitting import Fact
from extractors.stream import Unit, fold
from schemas import Span
from schemas.text import ends_on_function_word, ends_sentence


def in_title(units: list[Unit], item: Item, facts: dict[str, Fact]) -> None:
    """An item of minutes that ends its title with the act's own number ("2. Rapport sur le
    prix de l'eau (délibération 2024-41)", "… – avis – Délibération 2023-071", "(DCM
    2023-51)"): the act's number is the deliberation's, the item's rank is not."""
    h = item.heading
    if h.family != "numbered" or not h.title:
        return
    at_start = act_at_start(h.title)
    if at_start:
        facts["numero"] = Fact(at_start[0], units[h.unit].span, "act_in_title")
        return
    if _opening_body(units, item, facts):
        return
    # the title and the lines it may wrap onto; a decision is no title ("DÉCIDE d'abroger la
    # délibération du 3 mars 2019 (DCM 2019-045).": an act it cites)
    lines = [h.title]
    for u in units[h.unit + 1:min(h.unit + 3, item.end)]:
        if segment.is_evidence(u):
            lead = LEADING_BRACKET.match(u.text)  # "(2023-DE-021) – unanimité.": the title's number, then the vote
            lines += [lead.group(1)] if lead else []
            break
        lines.append(u.text)
    # the title ends at its first full stop: a number further down is another act's
    title = lines[:next((k for k, text in enumerate(lines) if ends_sentence(text)), len(lines) - 1) + 1]
    # "DEL2025-065 – Rapporteur : Thierry MOURIÈS", "Délibération n° 2021-06-29-07" under the title:
    # the act's number said as such, before a code the title ends on ("… de Noisy-le-Sec (AP 2021-03)")
    under = next(((k, act[0]) for k, text in enumerate(title) if k and (act := act_at_start(text))), None)
    k, number = under or next(((k, n) for k, text in enumerate(title) if (n := number_at_end(text))), (None, None))
    if number:
        facts["numero"] = Fact(number, units[h.unit + k].span, "act_in_title")


def _opening_body(units: list[Unit], item: Item, facts: dict[str, Fact]) -> bool:
    """"1 - APPROBATION DU PROCES-VERBAL …" / "Délibération n° 2019-38. Le procès-verbal est adopté à
    l'unanimité.": the act's number opening the body's first sentence."""
    below = units[item.heading.unit + 1] if item.heading.unit + 1 < item.end else None
    act = LEADING_ACT.match(below.text) if below else None
    if act:
        facts["numero"] = Fact(act.group(1), below.span, "act_in_title")
    return bool(act)


# a bracket opening the line under a wrapped title, the vote after it: "7. Adhésion au service de
# médecine préventive du Centre de gestion du Cantal" / "(2023-DE-021) – unanimité."
LEADING_BRACKET = re.compile(r"^\s*(\([^()]{3,40}\))\s*[–—-]\s")
# the act's number opening the body's first sentence (`_opening_body`)
LEADING_ACT = re.compile(r"^\s*(?i:d[ée]lib[ée]ration|d[ée]lib\.|acte)\s+n\s*[°o]\.?\s*"
                         r"([A-Za-z]{0,6}[-_ ]?\d{2,4}(?:[-_./][A-Za-z0-9]{1,5}){1,3})\s*[.:–—-]\s")


def closing(units: list[Unit], item: Item, facts: dict[str, Fact]) -> None:
    """Minutes that print the act's number in brackets after the vote ("POINT N° 2 – …" / … /
    "Adopté : Pour : 38 – Contre : 5 – Abstentions : 3. (Délibération DCM-2024-119)"): the act's
    number is the deliberation's, the item's rank is not."""
    if facts["numero"].method != "heading" or item.heading.family != "numbered":
        return
    body = units[item.heading.unit + 1:item.end]
    said = [k for k, u in enumerate(body) if segment.is_evidence(u)]
    # on the last vote's line or after it: not "DÉCIDE d'abroger la délibération du 3 mars 2019 (DCM
    # 2019-045)", an act the decision cites
    for u in body[said[-1]:] if said else []:
        number = number_at_end(u.text) if u.text.rstrip(" .").endswith(")") else None
        before = u.text[:u.text.rfind("(")].rstrip()  # "… 4 abstentions. (Délibération DCM-2024-118)"
        if number and (not before or before.endswith(".") and undecided.vote_said(fold(before))):
            facts["numero"] = Fact(number, u.span, "act_closing")
            return


def in_header(units: list[Unit], facts: dict[str, Fact]) -> None:
    """An extract that prints its act's number at the end of a header line, beside the date
    ("Séance du 14 février 2013          Délibération n° 2013/07", "Séance du 14 décembre 2023
    – Délibération n° CC-2023-187"), not in a recital ("Vu la délibération n° 2012-45")."""
    for k, u in enumerate(units[:HEADER_LINES]):
        if segment.is_evidence(u):
            return  # the decision: what follows is no header
        number = number_at_end(u.text) or header_end(u.text) or _coded(u)
        if number and not u.folded.startswith("vu") and not _cited(units, k):
            facts["numero"] = Fact(number, u.span, "act_in_header")
            return


HEADER_LINES = 24  # an extract's letterhead, title, count box and lists of members, up to its decision

# a council's own code after "N°" ending a header line, its year inside: "N° 20221210-OJ03", "N° 2023.1745.CP",
# "Réunion du 8 mars 2024          N° 2024-CP-03-027" (not "… du marché n° 2019-14", another act's)
CODED = re.compile(r"(?:^|\s)n\s*[°o]\.?\s*(?P<num>(?=[a-z0-9._/-]*(?:19|20)\d\d)"
                   r"[a-z0-9]{1,10}(?:[-_/.][a-z0-9]{1,8}){1,4})\s*$")


def _coded(u: Unit) -> str | None:
    m = CODED.search(u.folded.rstrip(" ."))
    if m is None or names_another(u.folded[:m.start()]) or not re.search(r"[a-z]|\d{6}", m.group("num")):
        return None  # (figures alone, "N° 2021-14", are number_at_end's)
    return u.text[m.start("num"):m.end("num")]


# an act number alone on its line: "Délibération n° 2021/09", "N° 2021/09", "Acte n° DL-2019-10-04/23"
ALONE = re.compile(r"^(?:(?:deliberation|delib\.?|acte)\s*)?n\s*[°o]\.?\s*(?P<num>[a-z]{0,6}[-_ ]?\d{1,4}"
                   r"(?:\s*[-_/.]\s*[a-z0-9]{1,6}){1,3})\s*$")


def _cited(units: list[Unit], k: int) -> bool:
    """The act a sentence above names, on a line of its own: "- DÉCIDE de retirer la délibération
    ci-dessous référencée :" / "Délibération n° 2021/09", "… abroge et remplace la délibération" /
    "n° 2014/32"."""
    above = units[k - 1].text.rstrip() if k > 0 else ""
    return above.endswith(":") and not units[k - 1].folded.startswith(("extrait", "registre")) \
        or ends_on_function_word(above) or bool(re.search(r"(?i)d[ée]lib[ée]ration$", above))


def in_footer(units: list[Unit], facts: dict[str, Fact]) -> None:
    """An extract that prints its act's number only under its decision, alone on its line
    ("- AUTORISE le Maire à signer …" / "Délibération n° 2021/09" / "Pour extrait conforme")."""
    alone = [(k, m) for k, u in enumerate(units) if (m := ALONE.match(u.folded.strip())) and not _cited(units, k)]
    if not alone:
        return  # most extracts: no line read for its evidence
    last = max((k for k, u in enumerate(units) if segment.is_evidence(u)), default=None)
    k, m = next(((k, m) for k, m in alone if last is not None and k > last), (None, None))
    if m:
        text = units[k].text.strip()
        facts["numero"] = Fact(re.sub(r"\s*([-_/.])\s*", r"\1", text[m.start("num"):m.end("num")]), units[k].span, "act_footer")


# --- the prefecture stamp ---------------------------------------------------------------

Stamp = tuple[str, str, str, Span]  # (the act's id, the SIREN, the act's number inside the id, where)


def stamp(facts: dict[str, Fact], units: list[Unit], stamps: list[Stamp], numbers: dict[int, set[str]],
          unread: bool) -> None:
    """The prefecture stamp of this act ("ID : 038-213801855-20210927-D2021156-DE"): its id, its
    SIREN, and the act's number inside it where the act prints none."""
    choice = _choose_stamp(facts, units, stamps, numbers, unread)
    if choice:
        act, siren, own, span = choice
        facts["acte_id"] = Fact(act, span, "stamp")
        facts["siren"] = Fact(siren, span, "stamp")
        facts.setdefault("numero", Fact(own, span, "stamp", True))  # the act's number inside the stamp id


def _choose_stamp(facts: dict[str, Fact], units: list[Unit], stamps: list[Stamp], numbers: dict[int, set[str]],
                  unread: bool) -> Stamp | None:
    """The stamp naming the act's number, else one inside it, else one on its pages, else the
    document's only stamp (unless OCR left one unread: "ID : [?]")."""
    number = re.sub(r"\D", "", str(facts["numero"].value)) if "numero" in facts else ""
    named = next((s for s in stamps if number and re.sub(r"\D", "", s[2]) == number), None)
    if named:
        return named
    # (not a stamp naming another item's act: "038-…-20210927-D2021156-DE" on the page of a numberless
    # item, "(D-2021-156)" heading another item of the block)
    others = {d for k, ds in numbers.items() if units[0].index > k or k > units[-1].index for d in ds}
    near = [s for s in stamps if re.sub(r"\D", "", s[2]) not in others]
    pages, inside = {u.span.page for u in units}, {u.span.line for u in units}
    choice = next((s for s in near if s[3].page in pages and s[3].line in inside), None)
    choice = choice or next((s for s in near if s[3].page in pages), None)
    if choice is None and len({s[0] for s in stamps}) == 1 and not unread and near:
        return near[0]
    return choice


def heading_numbers(units: list[Unit], items: list) -> dict[int, set[str]]:
    """Each item's heading line (its unit's index) -> the digits of the numbers printed on it ("1 - (D-2021-154)
    FINANCES …" -> {"1", "2021154"})."""
    lines = [units[i.heading.unit] for i in items if i.heading and i.heading.unit < len(units)]
    return {u.index: {re.sub(r"\D", "", t) for t in re.findall(r"[^\W_]*\d[\w/.-]*", u.text)} for u in lines}
