"""Where the deliberations of a document are: segmentation by evidence.

A document is one or more blocks (an extract of the register, the minutes of a
sitting); a block is a header (the sitting) and items. Items are found by their
headings, and a heading counts when the text under it records a decision::

    EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS           <- a block starts
    Délibération n° 2024-07                         <- heading, family "act"
    …
    2014.09.15 - 2  AMENAGEMENT ET RESTAURATION …   <- "act" (a number with its year)
    DL-056-07-13 - Création de 5 postes …           <- "act"
    3) Urbanisme                                    <- "numbered" (a run 1, 2, 3 …)
    IV. PERSONNEL                                   <- "numbered" (roman)
    Objet : Convention …                            <- "objet"
    COMPTE ADMINISTRATIF 2005 :                     <- "caps" (a title in capitals or bold)
    … LE CONSEIL MUNICIPAL, A L'UNANIMITE, ACCEPTE CETTE PROPOSITION   <- evidence

The heading family that explains the most decisions is the one used; an item with no
decision under it is information and no deliberation, unless it carries an act number
(an act sent to the prefecture). Headings printed one after the other (an agenda, a
table of contents, a closing recap) are not items; bullets never are.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from extractors import (act_shapes, act_table, acts_inside, acts_tabled, counts, evidence, lexicon, listings, members,
                        not_this_vote, numbered_runs, opening, outline, pages, pairing, recount, restated, running,
                        sitting, undecided, together, votes)
from extractors.count_text import is_count_line
from extractors.outline import Block, Heading, Item, act_at_end, act_at_start, data, header_end, number_key, rx
from extractors.heading_line import heading_at as _heading_at
from extractors.stream import Unit, fold
from extractors.evidence import is_evidence  # noqa: F401  (segment.is_evidence: read by many)

UNDECIDED_HEAD = 8  # units before an extract's header that stay with it when nothing is decided there


# --- blocks ---------------------------------------------------------------------

def plan(units: list[Unit]) -> list[Block]:
    """The blocks of the document with their items."""
    said = evidence.said(units)  # line by line; a vote table's header below
    recorded = evidence.with_vote_tables(units, said)
    return [_items(units, recorded, said, a, b) for a, b in _blocks(units, recorded)]


def _blocks(units: list[Unit], evidence: list[bool]) -> list[tuple[int, int]]:
    """Block starts: an extract header ("EXTRAIT DU REGISTRE…"), or an opening sentence
    met after a decision of the previous block (a file holding several sittings)."""
    starts, decided, boxed, sat = [0], False, 0, False
    seen = Counter(u.folded.strip() for u in units)
    for k, u in enumerate(units):
        folded = u.folded.strip()
        header = any(rx(p).search(folded) for p in data()["extract_start"]) and not pages.running_header(units, k, seen)
        is_opening = (decided or not sat) and opening.is_opening(units, k)  # read only when it may matter
        if (header or (decided and is_opening)) and k - starts[-1] > 3:
            # an undecided stretch this short is the act's own title printed above the
            # letterhead ("Objet : …" / "Délibération n° 2022-048" / "COMMUNE DE …"), not an act
            if decided or header and k - starts[-1] > UNDECIDED_HEAD:
                starts.append(_lead_in(units, evidence, k, starts[-1]))
                decided, boxed, sat = False, 0, header
        # "Nombre de membres présents : 5" / "VOTES : Pour : 6  Contre : 0" / "L'an deux mille dix-sept …":
        # the one vote of a count box above the sitting's opening (or list, or header) is the act's own,
        # not a decision before it (its lines one vote: "│ VOTE : Pour 28 – Contre 5 │" / "│ Abstention 0 │")
        sat = sat or is_opening or bool(members.list_label(u.text))
        box_vote = evidence[k] and is_count_line(u.text)
        boxed += box_vote and not (k and evidence[k - 1] and is_count_line(units[k - 1].text))
        decided = decided or evidence[k] and (sat or boxed != 1 or not box_vote)
    return [(a, b) for a, b in zip(starts, starts[1:] + [len(units)]) if b > a]


def _lead_in(units: list[Unit], evidence: list[bool], k: int, floor: int) -> int:
    """A block opening at an opening sentence takes the headings printed right above it
    ("DÉLIBÉRATION N° 2023-46" / "L'an deux mille vingt-trois…"), or a header line ending with
    the act's number ("Conseil d'administration – Séance du 29 avril 2014          CA 2014/15" /
    "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS"), or the letterhead the file opened with, printed
    again atop each extract ("S.I.V.O.M. DU CANTON DE BOURBOURG" / "Comité syndical du 18 juin
    2009" / "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS N° 2009/13"), across the extract's own head
    between them (`_sitting_head`: "Date de la convocation : …" / "Présents : 25 | …")."""
    letterhead = {u.folded.strip() for u in units[:LETTERHEAD] if len(re.findall(r"[^\W\d_]", u.folded)) >= 8}
    j = i = k
    while i - 1 > floor and not evidence[i - 1]:
        u = units[i - 1]
        if i < k and i - 2 > floor and evidence[i - 2] and not u.gap_before:
            # "… DÉCIDE d'attribuer …" / "Délibération n° 2019-071" / "Membres en exercice : 19 – …" /
            # "L'an …": the number under the act above, the count box the next act's own
            break
        if any(f == "act" for f, _ in _heading_at(units, i - 1)) or header_end(u.text) \
                or u.folded.strip() in letterhead:
            j = i = i - 1
        elif _sitting_head(u):
            i -= 1  # taken only with a title above it
        else:
            break
    return j


# the head of an extract between its title and its opening sentence, each extract of a register
# printing its own: "DÉLIBÉRATION N° DEL2016-046" / "Date de la convocation : 12 mai 2016" /
# "Conseillers en exercice : 33 | Présents : 25 | …" / "(M. le Président ayant quitté la salle …)"
HEAD_FIELDS = ("convocation_date", "session_date", "president", "secretaire")


def _sitting_head(u: Unit) -> bool:
    """A line of an extract's head: its counts (a count box's title alone, "Nombre de conseillers", too), its
    convocation's date or chair, a remark in brackets."""
    label = lexicon.label_at_start("fields", u.folded)
    return is_count_line(u.text) or bool(label and label.name in HEAD_FIELDS) or \
        bool(re.fullmatch(r"\s*\([^()]{3,200}\)\s*", u.text)) or bool(BOX_TITLE.fullmatch(u.folded))


# a count box's title on its own line: "Nombre de conseillers" / "  en exercice : 7" / "  présents : 6"
BOX_TITLE = re.compile(r"\s*(?:nombre|nbre|nb)\.?\s+(?:de|des|d')\s*[a-z]+(?:\s+[a-z]+)?\s*:?\s*")


LETTERHEAD = 4  # the first lines of a file: the body, the sitting, the title


# --- headings -------------------------------------------------------------------------

def headings(units: list[Unit], start: int, end: int, said: list[bool], shared: list[int],
             rows: list[act_table.Row] = ()) -> dict[str, list[Heading]]:
    """Candidate headings of each family in units[start:end], lists of titles left out (`rows`:
    the block's tables of acts, act_table.rows)."""
    found: dict[str, list[Heading]] = {f: [] for f in data()["priority"]}
    skip = pages.page_numbers(units, start, end, said) | {k for k in range(start, end) if running.page_marked(units[k])}
    for k in range(start, end):
        if k in skip:
            continue
        for family, h in _heading_at(units, k):
            found[family].append(h)
    found["numbered"] = numbered_runs.numbered(units, found["numbered"], said, end)
    found["act"] = sorted(found["act"] + act_shapes.shaped(units, start, end, skip, found, said), key=lambda h: h.unit)
    found["act"] = _month_shaped(found["act"], said)
    if found["plain"]:  # "Mairie de X" / "Réunion du conseil municipal du …" head the sitting
        opened = _opened(units, start, end)
        found["plain"] = [h for h in found["plain"] if opened is not None and h.unit > opened]
    toc = _toc_units(units, start, end)
    decided = [k for k in range(start, end) if said[k]]
    tabled = acts_tabled.tabled(rows, found["act"])
    return {f: listings.untight(listings.listed_under([h for h in hs if h.unit not in toc], decided), decided, shared,
                                tabled) for f, hs in found.items()}


MONTH_SHAPED = re.compile(r"(0?[1-9]|1[0-2])\s*/\s*((?:19|20)\d\d)")


def _month_shaped(hs: list[Heading], said: list[bool]) -> list[Heading]:
    """An act number shaped like a month ("01/2018 – Désignation d'un référent") numbers items
    only as one of a pair: the next month's heading follows it with a decision between the two
    ("02/2018 – Adhésion …"), and both titles start with a capital. A month on its own, or two
    months with nothing decided between, are a calendar ("06/2024 – consultation des
    entreprises" / "07/2024 – attribution des marchés")."""
    style = _month_style()
    months = [(h, _month_rank(h)) for h in hs if h.style == style and MONTH_SHAPED.fullmatch(h.number or "")]
    paired: set[int] = set()
    for (a, ra), (b, rb) in zip(months, months[1:]):
        if rb == ra + 1 and any(said[a.unit:b.unit]) and all(_capital(h.title) for h in (a, b)):
            paired |= {id(a), id(b)}
    shaped = {id(h) for h, _ in months}
    return [h for h in hs if id(h) not in shaped or id(h) in paired]


def _month_rank(h: Heading) -> int:
    m = MONTH_SHAPED.fullmatch(h.number)
    return int(m.group(2)) * 12 + int(m.group(1))


def _capital(title: str | None) -> bool:
    return bool(title) and title.lstrip("«\"' ")[:1].isupper()


@lru_cache(maxsize=None)
def _month_style() -> int:
    """The act pattern that reads a month as a number (segments.json): found by what it reads,
    not by its place in the list."""
    acts = data()["headings"]["act"]
    return next(i for i, p in enumerate(acts) if (m := rx(p).match("01/2018 - designation")) and m.group("num") == "01/2018")


def _opened(units: list[Unit], start: int, end: int) -> int | None:
    """The first line that records the sitting itself: its opening sentence, a list of members
    or a count of them."""
    return next((k for k in range(start, end) if opening.is_opening(units, k) or members.list_label(units[k].text)
                 or is_count_line(units[k].text)), None)


def _toc_units(units: list[Unit], start: int, end: int) -> set[int]:
    """Units of an agenda or table of contents: after "ORDRE DU JOUR" / "SOMMAIRE",
    up to the first line that is prose (a sentence of more than 12 words)."""
    out: set[int] = set()
    k = start
    while k < end:
        if rx(data()["toc_heading"]).match(units[k].folded.strip()):
            listed = _toc_lines(units, k + 1, end)
            j = max(listed, default=k) + 1
            if j < end and is_evidence(units[j]) and j - 1 in listed and _heading_at(units, j - 1):
                listed.remove(j - 1)  # "LISTE DES DÉLIBÉRATIONS" / "2016-11-145 Approbation du PV …" /
            out |= set(listed)      # "→ adoptée à l'unanimité": the line above a decision heads it
            k = j
        k += 1
    return out


def _toc_lines(units: list[Unit], j: int, end: int) -> list[int]:
    """The lines of one agenda from units[j]: short lines, no decision, count or list of members (a count or
    a list is the sitting's header: "LISTE DES DÉLIBÉRATIONS DU COMITÉ SYNDICAL" / "Présents : 27")."""
    out, last, family, seen = [], -1, None, set()
    while j < end and len(units[j].text.split()) <= 12 and not is_evidence(units[j]) \
            and not is_count_line(units[j].text) and not members.list_label(units[j].text):
        number = _listed_number(units[j])
        kind = next((f for f, _ in _heading_at(units, j) if f in ("act", "numbered")), None)
        if (number is not None and number <= last) or (kind and family and kind != family):
            break  # the numbering starts again, an "Objet :", another kind of heading: the minutes
        if kind and units[j].folded.strip() in seen:
            break  # "1. Délibération n° 2024-01 – Tarifs de l'eau" again: the agenda's first item, developed
        seen.add(units[j].folded.strip())
        last, family = number if number is not None else last, family or kind
        out.append(j)
        j += 1
    return out


def _listed_number(u: Unit) -> int | None:
    """The number of an agenda line or item heading ("3) …", "RAPPORT N° 3"); -1 for an
    "Objet :" line (an item's body has begun); None otherwise."""
    field = lexicon.label_at_start("fields", u.folded)
    if field and field.name == "objet":
        return -1
    for family, h in _heading_at([u], 0):
        if family in ("numbered", "act") and number_key(h.number) is not None:
            return number_key(h.number) if family == "numbered" else None
    return None


# --- items ------------------------------------------------------------------------------

def _heads_next(u: Unit) -> bool:
    """A line that introduces what follows: a count box, a member leaving or arriving,
    the opening of a list ("a count box belongs to the deliberation it heads")."""
    return is_count_line(u.text) or bool(members.list_label(u.text)) or \
        bool(sitting.read_move(u, 0))


def _closed(text: str) -> bool:
    """The line above ends what it says: not "La délibération est adoptée (16 pour, 4" over
    "contre, 2 abstentions).", whose second line is the vote's, not a box heading the next item."""
    return text.count("(") <= text.count(")") and not re.search(r"[,:]\s*$", text) and not RUNS_ON.search(fold(text))


def _above(units: list[Unit], k: int, top: int) -> Unit:
    """The line above units[k] past a running footer the page break left there ("… ne prend pas part
    aux votes suivants (présents : 36 ;" / "Ville du Mans – … – page 2/4" / "pouvoirs : 14 ; votants : 50).")."""
    j = k - 1
    while j > top and running.page_furniture(units[j]):
        j -= 1
    return units[j]


# "… approuve la modification des statuts par 22 voix pour et" / "2 abstentions.": a sentence
# cut after a word that cannot end it
RUNS_ON = re.compile(r"\b(?:et|ou|par|de|des|du|d'|a|au|aux|avec|soit|dont|le|la|les|l')\s*$")


def _pull_heads(units: list[Unit], evidence: list[bool], items: list[Item]) -> list[Item]:
    """Each item after the first starts at the count lines and moves printed right above
    its heading, once the previous item's decision is recorded."""
    for prev, item in zip(items, items[1:]):
        k = item.start
        while k - 1 > prev.start and not evidence[k - 1] and _heads_next(units[k - 1]) \
                and _closed(_above(units, k - 1, prev.start).text) and not _row_goes_on(units, k - 1) \
                and not _tallies_vote(units, evidence, k - 1):
            k -= 1
        if k < item.start:
            prev.end, item.start = k, k
    return items


def _tallies_vote(units: list[Unit], evidence: list[bool], k: int) -> bool:
    """"Le Conseil municipal adopte les tarifs par 24 voix pour." / "Présents : 21 – Pouvoirs : 3 – Votants : 24",
    then a blank line: counts in the vote's paragraph, the vote's figures adding up to their votants, tally that
    vote; they head no next item (not under "… à l'unanimité", whose figures are unsaid: the next item's may)."""
    if not (0 < k < len(units) - 1 and evidence[k - 1] and is_count_line(units[k].text)
            and not units[k].gap_before and units[k + 1].gap_before):
        return False
    said = {c.column: c.value for c in counts.read([units[k]], ("votants",))}
    return "votants" in said and recount.fits(votes.read([units[k - 1]]), said["votants"])


def _row_goes_on(units: list[Unit], k: int) -> bool:
    """A line of a table's row under the row's vote, its first cells empty: "⇥Mme X⇥Pour 56 / Contre 24" /
    "⇥⇥Votants : 88 (*)" ends the act above, it heads no next one."""
    return bool(k and units[k].cells and not units[k].cells[0].strip() and units[k - 1].cells)


def _drop_recap(units: list[Unit], by_family: dict[str, list[Item]], start: int) -> None:
    """A family all of whose items stand under a recap's heading ("Récapitulatif des votes" /
    "2021-31 Taux de fiscalité 2021 …… unanimité") is the recap, when another family records
    decisions above it ("1 – Délibération 2021-31 : Vote des taux …" / "… à l'unanimité, fixe les taux")."""
    heads = [k for k in range(start, max((i.start + 1 for items in by_family.values() for i in items), default=start))
             if restated.is_recap_heading(units, k)]
    for family, items in by_family.items():
        head = max((k for k in heads if items and k < items[0].start), default=None)
        above = max((sum(i.evidence and i.end <= head for i in its) for other, its in by_family.items()
                     if other != family), default=0) if head is not None else 0
        if above >= max(2, sum(i.evidence for i in items) / 2):  # as many items recorded above it
            by_family[family] = []
        # a recap's own heading is no item ("RÉCAPITULATIF" / "- Rapports adoptés à la majorité : …")
        by_family[family] = [i for i in by_family[family] if i.heading is None or i.start not in heads]


def _items(units: list[Unit], evidence: list[bool], said: list[bool], start: int, end: int) -> Block:
    """The items of a block under the heading family that explains the most decisions."""
    shared = together.lines(units, start, end)
    rows = act_table.rows(units, start, end, data()["act_table"])
    found = pairing.paired(units, headings(units, start, end, said, shared, rows), evidence)
    lines = together.ranges(units, shared, found)
    decided = together.decided(evidence, found, lines)
    by_family = {f: _segments(found[f], decided, end, f) for f in data()["priority"]}
    if sum(i.evidence for i in by_family["plain"]) < 2:
        by_family["plain"] = []  # a lone line between blank lines above a decision is no item heading
    _drop_recap(units, by_family, start)
    most = max(sum(i.evidence for i in items) for items in by_family.values())
    # the most specific family that explains at least half as many decisions as any
    best = next((items for items in by_family.values()
                 if most and sum(i.evidence for i in items) >= max(1, most / 2) and not _outnumbered(items, by_family)), [])
    best = _decided_above(evidence, _ranks_holding_acts(by_family, best), found)
    best = _approval_above(units, evidence, best, start)
    if not best:
        best = [Item(start, end, None, any(evidence[start:end]))]
    best = acts_tabled.with_table(rows, [together.share(units, item, lines, evidence) for item in best], evidence, units)
    _number_from_neighbours(best, found)
    best = undecided.without(units, acts_inside.split(units, evidence, _acts_only(units, evidence, best)))
    _cut_last(units, evidence, best[-1])
    headed = best[0].heading or APPROVAL_HEAD.match(units[best[0].start].folded)  # the approval's heading too
    return Block(start, end, best[0].start if headed else start, _pull_heads(units, evidence, best))


def _decided_above(evidence: list[bool], best: list[Item], found: dict[str, list[Heading]]) -> list[Item]:
    """Minutes whose acts stand under ranked chapters, the first chapter a decision of its own
    without an act number: "I - APPROBATION DU PROCES-VERBAL …" / "Adopté à l'unanimité." above "II -
    FINANCES" / "DEL-2024-045 Budget principal …". A rank above the first act, a decision recorded
    under it before the next rank, is an item; not the last rank above the first act (its chapter),
    nor ranks that do not go on among the acts (an agenda: "3. Mobilités" / "… approuve l'ordre du
    jour à l'unanimité")."""
    if not best or not best[0].heading or best[0].heading.family != "act" or not best[0].heading.title:
        return best  # "Délibération DCM-2024-018." alone closes the item above it: the decision is its own
    ranks = [h for h in found["numbered"] if h.unit < best[0].start]
    if not any(h.unit > best[0].start for h in found["numbered"]):
        return best
    bounds = [r.unit for r in ranks[1:]]  # each rank up to the next: the last rank, the acts' chapter, has none
    # "1) Approbation du procès-verbal" / … / "2) Délibération n° 2010/021 - …": the ranks number the
    # acts too, the last rank above them no chapter
    if any(h.unit == best[0].start for h in found["numbered"]):
        bounds.append(best[0].start)
    above = [Item(r.unit, nxt, r, True) for r, nxt in zip(ranks, bounds) if any(evidence[r.unit + 1:nxt])]
    return above + best


# the previous sitting's minutes approved under a heading of their own, unnumbered, above the
# numbered items: "APPROBATION DU PROCES-VERBAL DE LA REUNION DU 24 SEPTEMBRE 2015" / "Le proces-verbal
# est adopte a l'unanimite." / "I-1  Protection de l'enfance …"
SECRETARY = re.compile(r"\bsecretaire\b")
APPROVAL_HEAD = re.compile(r"\W{0,3}(?:(?:(?:point|question|rapport|affaire)\s+(?:n\s*[°o]\.?\s*)?(?:\d{1,2}|l)"
                           r"(?:\s+de\s+l'ordre\s+du\s+jour)?|\d{1,2})\s*[-–:.)]\s*)?"
                           r"(?:approbation\s+d[ue]s?\s+(?:proces-verba(?:l|ux)|comptes?[- ]rendus?|p\.?v\.?)\b"
                           # "■ 1. Procès-verbal de la séance du 1er juillet 2019": ranked, the approval unsaid
                           # (unranked, the minutes' own title: "PROCÈS-VERBAL DE LA SÉANCE DU 3 SEPTEMBRE 2009")
                           r"|(?<=[\d.)]\s)(?:proces-verbal|compte[- ]rendu)\s+de\s+la\s+(?:seance|reunion)\b)"
                           r"[^.;]{0,100}\.?$")

APPROVAL_RANK = re.compile(r"\W{0,3}(?:(?:point|question|rapport|affaire)\s+(?:n\s*[°o]\.?\s*)?)?(\d{1,2})\s*[-–:.)]")


def _approval_at(units: list[Unit], evidence: list[bool], k: int) -> bool:
    """An approval's heading at k; one that does not say "approbation" ("■ 1. Procès-verbal de la séance du …")
    only with its vote on the next line that says anything (not "1. Procès-verbal de la séance du 8 février" in a
    list of the documents sent)."""
    if not APPROVAL_HEAD.match(units[k].folded):
        return False
    below = next((j for j in range(k + 1, min(k + 4, len(units))) if units[j].text.strip()), None)
    return "approbation" in units[k].folded or below is not None and evidence[below]


def _approval_above(units: list[Unit], evidence: list[bool], best: list[Item], start: int) -> list[Item]:
    """An approval of minutes headed above the first item, its vote under it, is an item of its own (not above
    an act's number alone that closes it: "1) Approbation du procès-verbal …" / "Approuvé à l'unanimité." /
    "Délibération DCM-2024-018.")."""
    if not best or not best[0].heading or best[0].heading.family == "act" and not best[0].heading.title:
        return best
    toc = _toc_units(units, start, best[0].start)
    heads = [k for k in range(start, best[0].start) if k not in toc and _approval_at(units, evidence, k)]
    # (its vote, not the secretary's designation under it: "Mme X est désignée secrétaire à l'unanimité")
    # (or on its own line: "Approbation du procès-verbal de la séance du 15 décembre 2025 : adopté à l'unanimité.")
    voted = [k for k in range(heads[-1], best[0].start) if evidence[k]] if heads else []
    if not any(not SECRETARY.search(units[k].folded) for k in voted):
        return best
    # (not above the sitting's counts or lists: those are the header's, for every item)
    if any(is_count_line(u.text) or members.list_label(u.text) for u in units[heads[-1]:best[0].start]):
        return best
    rank = APPROVAL_RANK.match(units[heads[-1]].folded)  # "Point 1 - Approbation …": its printed rank
    heading = Heading(heads[-1], "numbered", rank.group(1), None) if rank else None
    return [Item(heads[-1], best[0].start, heading, True)] + best


def _acts_only(units: list[Unit], evidence: list[bool], items: list[Item]) -> list[Item]:
    """Minutes whose items print their act's number ("3. Tarifs 2025 (DCS n° 2024-41)"): an
    item with none that only takes note ("1. Approbation du procès-verbal" / "Le procès-verbal
    est approuvé sans remarque", "2. Débat d'orientation budgétaire" / "Le Comité prend acte")
    is a record of the sitting, not one of its acts."""
    numbered = [i for i in items if _act_numbered(i, units)]
    if len(numbered) < 2 or 2 * len(numbered) < len(items):
        return items
    # an item voted with others ("Les rapports n° 3 à 5 sont adoptés …") has its vote elsewhere: kept
    kept = [i for i in items if i in numbered or not _noted_only(units[i.start:i.end], evidence[i.start:i.end])]
    return kept or items


def _act_numbered(item: Item, units: list[Unit] = ()) -> bool:
    """The item's act number is printed: as its heading, beside its rank, or ending or opening its
    title ("2. BS-2019-08 – Ressources humaines – …"), a bracket left open going on below ("5.
    Service d'aide … – tarifs 2012 (délibération" / "CIAS-2012-08)")."""
    h = item.heading
    title = h.title if h else None
    if title and title.count("(") > title.count(")") and h.unit + 1 < len(units):
        title = f"{title} {units[h.unit + 1].text}"
    return bool(h and (h.number and (h.family == "act" or h.rank)
                       or title and (act_at_end(title) or act_at_start(title))))


def _noted_only(units: list[Unit], evidence: list[bool]) -> bool:
    """What the item records is only taken note of ("Le Comité prend acte …", "Le procès-verbal est
    approuvé sans remarque"), no vote and no other decision ("DÉSIGNE M. Luc PETIT délégué")."""
    # "Cette information ne donne pas lieu à délibération." (what it reports may quote another
    # body's vote: "vote du comité de programmation : 11 pour, 1 abstention"); patterns/segments.json
    if any(rx(data()["not_deliberated"]).search(u.folded) for u in units):
        return True
    said = [u for u, e in zip(units, evidence) if e]
    # "1. Programme LEADER – information" / "Le comité de programmation du GAL, réuni le 28 mars
    # 2019, a émis un avis favorable … par 14 voix pour et 1 abstention. Le Bureau en prend connaissance."
    own = [u for u in said if not not_this_vote.another_bodys(u.folded)]
    if said and not own:
        return True
    return bool(own) and all(rx(data()["noted"]).search(u.folded) and not undecided.vote_said(u.folded) for u in own)


def _outnumbered(items: list[Item], by_family: dict[str, list[Item]]) -> bool:
    """A family whose headings are mostly another's, which explains more decisions: "Délibération
    n° 10" reads as an act number and as a rank, "Délibération n° 3" as a rank only."""
    mine = {i.heading.unit for i in items if i.heading}
    explained = sum(i.evidence for i in items)
    return any(sum(i.evidence for i in other) > explained and 2 * len(mine & {i.heading.unit for i in other if i.heading}) > len(mine)
               for other in by_family.values() if other is not items)


def _ranks_holding_acts(by_family: dict[str, list[Item]], best: list[Item]) -> list[Item]:
    """"1. Approbation du procès-verbal" / "2. Délibération n° 2015-031 - Tarifs …": every act
    heading is a ranked one, and the ranks explain more decisions (an item without an act
    number): the ranks are the items, each act its item's number. The same for titles
    printed under their rank ("Point n°2 de l'ordre du jour" / "Objet ........ : Tarifs"):
    the ranks are the items when every "Objet" sits on or right under one and some items'
    "Objet" is printed in a way not read as a heading ("Objet | …")."""
    ranks = by_family["numbered"]
    if not ranks or best not in (by_family["act"], by_family["objet"]) \
            or sum(i.evidence for i in ranks) <= sum(i.evidence for i in best):
        return best
    # "AFFAIRE N° 5 – Tarifs … de la" / "rentrée 2025" / "DEL2025-065 – Rapporteur : X": an act
    # number on its rank's line or on one of the two under it
    reach = 2
    ranked = [i.heading.unit for i in ranks if i.heading]
    # (not "Délibération n° 2024-051" right above "2. Tarifs de la cantine": the next rank's number)
    held = all(i.heading and i.heading.unit + 1 not in ranked and any(0 <= i.heading.unit - r <= reach for r in ranked)
               for i in best)
    return ranks if held else best


def _number_from_neighbours(items: list[Item], found: dict[str, list[Heading]]) -> None:
    """``"RAPPORT N° 3"`` / ``"Objet : Modification des statuts"``: an item found by its
    "Objet" takes the number printed on the line or two above it (and starts there), the
    act's own when the rank's title is one."""
    numbered = [h for f in ("act", "numbered", "decision") for h in found[f] if h.number]
    for item in items:
        h = item.heading
        if h is None or h.number or h.family not in ("objet", "caps"):
            continue
        above = [n for n in numbered if 0 < h.unit - n.unit <= 2]
        if above:
            n = max(above, key=lambda x: x.unit)
            act = outline.act_at_start(n.title) if n.family == "numbered" and n.title else None
            # "RAPPORT N° 1 - CP-2024-03-07" / "Objet : …": the act's number, not the rank
            item.heading = Heading(n.unit, h.family, act[0] if act else n.number, h.title, h.style)
            item.start = min(item.start, n.unit)


def _cut_last(units: list[Unit], evidence: list[bool], item: Item) -> None:
    """The last deliberation ends after "La présente délibération peut faire l'objet d'un
    recours…" or before "Annexe …" or "RÉCAPITULATIF DES DÉLIBÉRATIONS", once its decision is
    recorded: the annex, the report after it, a recap of the sitting, are not the deliberation."""
    decided = False
    for k in range(item.start, item.end):
        folded = units[k].folded.strip()
        # (a heading opens on a capital: not "… conformément au tableau" / "annexé, pour un total de …")
        heading = not units[k].text.lstrip()[:1].islower() and any(rx(p).search(folded) for p in data()["end_before"])
        # a recap of the sitting's acts, a sentence closing the sitting ("L'ensemble des
        # délibérations ayant été adoptées à l'unanimité") end the last one too (restated.py)
        if decided and (heading or any(rx(p).search(folded) for p in data()["closing_all"])
                        or restated.is_recap_heading(units, k)):
            item.end = k
            return
        if any(rx(p).search(folded) for p in data()["end_after"]):
            item.end = k + 1
            return
        decided = decided or evidence[k]


def states_sitting(units: list[Unit]) -> bool:
    """The units record a sitting: an extract header, an opening sentence, a title dated
    like a sitting, a list of members or a count of members ("Présents : 29")."""
    for k, u in enumerate(units):
        folded = u.folded.strip()
        if any(rx(p).search(folded) for p in data()["extract_start"]) or opening.is_opening(units, k) \
                or members.list_label(u.text) or lexicon.first("session_title", folded):
            return True
    return bool(counts.read(units, tuple(lexicon.get("sitting_counts"))))


def _segments(hs: list[Heading], evidence: list[bool], end: int, family: str) -> list[Item]:
    """One item per heading up to the next; an item without a decision is dropped (an
    act number keeps it), except a title in capitals, which opens the item after it."""
    out: list[Item] = []
    pending: Heading | None = None
    for h, nxt in zip(hs, [x.unit for x in hs[1:]] + [end]):
        has = any(evidence[h.unit:nxt]) and not (family != "act" and _reports_decisions(h))
        head = pending or h
        if family == "act" and not has and nxt == h.unit + 1 and nxt < end:
            pending = pending or h  # "Délibération n° CP-2024-02-031" / "Rapport n° 3.12 – …": one item
        elif has or family == "act":
            out.append(Item(head.unit, nxt, head if pending is None else _group(pending, h), has))
            pending = None
        elif family == "caps":
            pending = pending or h
    return out


def _reports_decisions(h: Heading) -> bool:
    """"8. Compte rendu des décisions du Président": decisions taken under delegation, of which
    the council takes note; no deliberation of its own (patterns `reported_title`)."""
    return bool(h.title) and undecided.reports_decisions(fold(h.title))


def _group(first: Heading, second: Heading) -> Heading:
    """ "TRAVAUX :" right above "ELECTRICITE ET ECLAIRAGE DU PARC": the second is the title;
    two act headings, the deliberation's number ("Délibération n° CP-2024-02-031" / "Rapport n°
    3.12", either way round)."""
    if second.unit - first.unit != 1:
        return first
    if first.family != "act":
        return second
    reports = [h for h in (first, second) if h.style == _report_style()]  # "Rapport n° 12.04.07"
    act = next((h for h in (first, second) if h not in reports and h.number), first)
    return replace(second, number=act.number or second.number)


@lru_cache(maxsize=1)
def _report_style() -> int:
    """The act pattern of a report's number ("Rapport n° 3.12"), second to a deliberation's."""
    return next(i for i, p in enumerate(data()["headings"]["act"]) if "rapport" in p)  # the one act pattern of reports
