"""Deliberations: one reader for register extracts, registers and whole-session minutes.

    units (extractors/stream.py)
      -> blocks and items (extractors/segment.py: segmentation by evidence)
      -> the sitting of each block (extractors/sitting.py), the vote of each item
         (extractors/votes.py), its decisions (extractors/decisions.py)
      -> rows of `deliberations`, `attendance`, `proxies`, `decisions`

A value keeps the span it was read from, the recogniser that read it and whether it
was derived rather than read (`_how`, written to `provenance.method` and `.derived`):
unanimity gives pour = votants and contre = abstentions = 0, a list of proxies gives
pouvoirs when no count is printed (extractors/derived.py); nothing else is guessed.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from typing import Any

from extractors import (act_numbers, act_range, act_table, ballots, counts, derived, furniture, heading_line, item_title,
                        lexicon, outline, recount, restated, room, segment, sitting, stream, together, votes)
from extractors.decisions import read_decisions
from extractors.members import Member
from extractors.recount import COUNT_COLUMNS
from extractors.sitting import Fact, Reading
from extractors.stream import Unit, fold
from schemas import Block as DocBlock, Document, Span
from schemas.text import find_person

STAGE = "deliberation"
SITTING_COLUMNS = ("collectivite", "organe", "session_date", "session_time", "lieu", "president",
                   "convocation_date", "secretaire", "membres_en_exercice", "presents", "absents",
                   "pouvoirs", "votants", "sans_quorum", "pouvoirs_neant")
NAMED_COLUMNS = ("pour_nommes", "contre_nommes", "abstentions_nommes")
VOTE_COLUMNS = ("pour", "contre", "abstentions", "non_votants", "unanimite", "resultat", *NAMED_COLUMNS)
COLUMNS = ("collectivite", "organe", "numero", "acte_id", "siren", "session_date", "session_time", "lieu",
           "president", "convocation_date", "secretaire", "objet", "membres_en_exercice", "presents",
           "absents", "pouvoirs", "votants", "pour", "contre", "abstentions", "non_votants", "unanimite",
           "resultat", *NAMED_COLUMNS)


@dataclass
class Context:
    """What a block's items share: the document's units, its stamps, the sitting read."""

    doc: Document
    units: list[Unit]
    stamps: list[tuple[str, str, str, Span]]
    session: Reading
    moves: list  # moves met in earlier items of the block, in order
    single: bool = False  # the block holds one deliberation: an extract, read whole
    running: list = field(default_factory=list)  # running header and footer lines (units)
    unread_stamp: bool = False  # a stamp OCR could not read: the document's one stamp is not known
    recount: dict = field(default_factory=dict)  # counts printed under an earlier item's vote
    emitted: list = field(default_factory=list)  # the block's deliberations written (restated.Emitted)
    restated: list = field(default_factory=list)  # votes restated in a box under the decision
    before: dict = field(default_factory=dict)  # the document's last deliberation written: its facts
    out_for_vote: set = field(default_factory=set)  # out of the room for the last item's vote: their return is no arrival
    movers: list | None = None  # the names a line of the block moves (`_movers`), read when first asked
    weighted: bool = False  # the sitting's header says its votes are weighted ("Voix représentées : 675")
    noted: list = field(default_factory=list)  # (act number, move) said in a note naming the act (`moves.noted`)
    numbers: dict = field(default_factory=dict)  # the block's items' heading lines -> the digits of their numbers


def extract(doc: Document) -> Document:
    """Add one row per deliberation (and its attendance, proxies, decisions)."""
    units = [u for u in stream.units(doc) if not furniture.is_furniture(u)]
    running = [stream.Unit(stream.clean(f.text), f.span, -1) for f in doc.furniture]
    unread = any(lexicon.rx(lexicon.get("stamp_unread")).search(u.folded) for u in stream.units(doc) + running)
    around = (furniture.stamps(doc, stream.units(doc)), running, unread)
    seq, inherited, before = 0, Reading(), {}
    if not segment.states_sitting(units):
        return doc  # a strategy, a report: no sitting is recorded, so no deliberation
    for block in segment.plan(units):
        session = sitting.read(units[block.start:block.header_end], full=True)
        _inherit(session, inherited)
        _from_furniture(session, doc)
        if not any(item.evidence or item.heading for item in block.items) and not _titled(units, block):
            inherited = _shared_header(units, block, inherited)
            continue
        ctx = _context(doc, units, block, session, around, before)
        seq = _read_block(ctx, block, seq)
    return doc


def _shared_header(units: list[Unit], block: outline.Block, inherited: Reading) -> Reading:
    """A register's session header, shared by the blocks after it; read whole, since nothing in
    it heads an item ("Séance du 14 mai 2024" / "Conseillers en exercice : 11" / "EXTRAIT DU
    REGISTRE DES DÉLIBÉRATIONS")."""
    header = sitting.read(units[block.start:block.end], full=True)
    _inherit(header, inherited)
    return header if header.facts or header.members else inherited


def _context(doc: Document, units: list[Unit], block: outline.Block, session: Reading, around: tuple,
             before: dict) -> Context:
    """What the block's items share; `around` is the document's (stamps, running lines, a stamp unread)."""
    # a member who leaves or arrives before the first item ("À 20 h 15, Mme X rejoint la
    # séance" / "Présents : 19 – …" under the approval of the minutes) does so for every item; one
    # out for one vote ("Point 1 – … Mme le Maire quitte la salle pour le vote", a narrative above
    # a table of acts) for none of several
    held = [m for m in session.moves if not (m.for_vote and len(block.items) > 1)]
    noted = sitting.noted(units[block.start:block.end]) if len(block.items) > 1 else []
    # "(*) … a pris part au vote à partir de la délibération n° X": held from that act on (`_later`)
    held += [m for _, m in noted if m.kind == "arrive"]
    stamps, running, unread = around
    return Context(doc, units, stamps, session, held, len(block.items) == 1, running, unread,
                   before=before, weighted=votes.weighted(units[block.start:block.header_end]), noted=noted,
                   numbers=act_numbers.heading_numbers(units, block.items))


def _read_block(ctx: Context, block: outline.Block, seq: int) -> int:
    """The block's deliberations, then the votes its recap restates; the last row's number."""
    last = block.header_end
    for item in block.items:
        # "X. Informations diverses" / "Départ de Mme X (présents : 15 …)": an item with no
        # decision is no deliberation, but who leaves there leaves for the items after it
        ctx.moves += sitting.read(ctx.units[last:item.start], full=False).moves if item.start > last else []
        if restated.repeats(ctx.units, block.start, item, ctx.emitted):
            continue  # a recap's line numbered as an act already written: no second row
        seq = _emit(ctx, seq, block, item)
        last = max(last, item.end)
    found = restated.found(ctx.units, block.start, block.end, ctx.emitted)
    restated.complete(ctx.doc, found)
    restated.add_rows(ctx.doc, ctx.restated + found)
    return seq


def _value(facts: dict[str, Fact], column: str):
    return facts[column].value if column in facts else None


def _full(ctx: Context, item: outline.Item) -> bool:
    """An item read as a whole record (an extract whose number heads its sitting) rather
    than as an item of minutes under a session header."""
    return item.heading is None or ctx.single or not (ctx.session.facts or ctx.session.members)


def _titled(units: list[Unit], block: outline.Block) -> bool:
    """An extract with its "Objet : …" is a deliberation even when no vote is recorded."""
    return any(lexicon.label_at_start("fields", u.folded) and
               lexicon.label_at_start("fields", u.folded).name == "objet" for u in units[block.start:block.end])


def _from_furniture(session: Reading, doc: Document) -> None:
    """The body named only in a running header or footer ("Ville de BOURG-EN-BRESSE -
    Conseil Municipal du lundi 1er Février 2016", "Séance Publique du Conseil Municipal
    d'OUZOUS du 6 novembre 2014")."""
    if "collectivite" in session.facts and "organe" in session.facts:
        return
    lines = [stream.Unit(stream.clean(f.text), f.span, -1) for f in doc.furniture[:6]]
    found = sitting.read(lines) if lines else Reading()
    for column in ("collectivite", "organe"):
        if column in found.facts:
            session.facts.setdefault(column, found.facts[column])


# what a register's first extract says of the sitting and the next ones of the same day leave out
SITTING_WIDE = ("collectivite", "organe", "president")


def _same_sitting(facts: dict[str, Fact], before: dict[str, Fact]) -> None:
    """A register's extracts of one sitting ("Réunion du lundi 23 septembre 2024" atop each): the
    body and the president the first one names hold for the next ones that do not name them,
    of the same day and the same body (a CCAS's extract of the same day has its own president)."""
    day = _value(facts, "session_date")
    organe = _value(facts, "organe")
    # "Commune de X" / "Séance du 4 octobre 2018" atop a register, then extracts that name neither
    # the day nor the body: the register's sitting
    undated = day is None and _value(facts, "collectivite") is None and _value(facts, "president") is None \
        and "session_date" in before  # (an extract with its own chair is another sitting's)
    same = (undated or day is not None and day == _value(before, "session_date")) \
        and organe in (None, _value(before, "organe"))
    if same:
        for column in ("session_date", *SITTING_WIDE):
            if column in before:
                facts.setdefault(column, before[column])
    # one extract's own chair is not carried to the next ("Sous la présidence de M. X, premier adjoint,
    # désigné président de séance pour l'examen du compte administratif"): the chair before it is
    # (a chair who stays, "le Maire ayant quitté définitivement la séance", is carried)
    chair = before.get("president") if same and _chairs_one_item(facts.get("president"), facts.get("objet")) else None
    before.clear()
    before.update(facts)
    if chair is not None:
        before["president"] = chair


ACCOUNTS = r"\bcompte\s+(?:administratif|financier)"  # the one act the mayor may not chair (CGCT L2121-14)
ONE_ITEM_CHAIR = re.compile(rf"\bpour\s+(?:l'examen|le\s+vote|ce\s+(?:point|vote)|cette\s+(?:question|affaire))|"
                            rf"{ACCOUNTS}|\bl\.?\s*2121-14\b")


def _chairs_one_item(chair: Fact | None, title: Fact | None) -> bool:
    """The chair's sentence says it holds for this act only, or chairs the act on the accounts
    ("Présidence : M. Jean-Yves GUILLERM, Premier Adjoint" over "COMPTE ADMINISTRATIF 2011")."""
    if chair is None or chair.method not in ("president_prose", "field"):
        return False
    return bool(ONE_ITEM_CHAIR.search(fold(chair.span.text))
                or title is not None and re.search(ACCOUNTS, fold(str(title.value))))


def _inherit(session: Reading, shared: Reading) -> None:
    for column, fact in shared.facts.items():
        session.facts.setdefault(column, fact)
    if not session.members:
        session.members = list(shared.members)


def _emit(ctx: Context, seq: int, block: outline.Block, item: outline.Item) -> int:
    # an extract is read whole: its vote may stand above its "Objet :" (Hautes Terres)
    units = ctx.units[block.start if ctx.single else item.start:item.end]
    if not units:
        return seq
    own, vote = _read_item(ctx, item, units)
    decisions = read_decisions(stream.as_lines(units))
    moves = _moves(ctx, item, own, vote)
    if not (item.evidence or item.heading and item.heading.family == "act" or own.facts or decisions):
        return seq
    seq += 1
    facts = _facts(ctx, item, own, vote, units, moves, item is not block.items[-1])
    if ctx.weighted and "votants" in facts and not facts["votants"].derived:  # "Votants : 86" in voices, for 25 + 3
        facts["votants"] = replace(facts["votants"], method="weighted_votants")
    _same_sitting(facts, ctx.before)
    _non_voter_between(ctx, block, item, facts)
    people = _people(ctx, own, moves)
    derived.derive(facts, people)
    end = _block_end(ctx, units)
    acts = _acts(item, facts)
    start = block.start if ctx.single else item.start
    ballots.add_rows(ctx.doc, seq, ballots.read(units))  # (a range of acts voted once: its first act's)
    for k, number in enumerate(acts):  # "2023-615 à 2023-619 … Vote unique": each act a deliberation, one vote
        seq += k > 0
        if len(acts) > 1:
            facts["numero"] = Fact(number, facts["numero"].span, "act_range", True)
        _rows(ctx, seq, facts, people, decisions, units)
        ctx.emitted.append(restated.Emitted(seq, number, start, item.end, _value(facts, "session_date"),
                                            _value(facts, "objet")))
        if vote.restated and vote.restated.facts:
            ctx.restated.append(restated.Restated(seq, vote.restated_kind, vote.restated.facts))
        ctx.doc.blocks.append(DocBlock("deliberation", units[0].index, end, f"seq={seq}"))
    return seq


def _read_item(ctx: Context, item: outline.Item, units: list[Unit]) -> tuple[Reading, votes.Vote]:
    """The item's own sitting facts and its vote (a row of a table of acts: its cells under the table's header)."""
    own = sitting.read(act_table.object_closed(units, item.row) if item.row else units, full=_full(ctx, item))
    # a row of a table of acts: its vote is read under the table's header (labels over values)
    row = item.row and [act_table.header_unit(ctx.units, item.row), act_table.as_unit(ctx.units, item.row)]
    vote = votes.read(row or units if item.shared is None else [together.shared_unit(ctx.units, item)])
    if ctx.weighted:
        votes.weigh(vote)
    for c in counts.read(row, COUNT_COLUMNS) if row else []:  # "N° | Objet | Votants | Pour | …"
        own.set(c.column, c.value, row[1].span, c.method)
    return own, vote


def _block_end(ctx: Context, units: list[Unit]) -> int:
    """The item after the deliberation's last line, past the stamp printed under it ("Envoyé en
    préfecture … ID : …"), which is its own."""
    end = units[-1].index + 1
    while end < len(ctx.doc.items) and furniture.is_furniture_item(ctx.doc.items[end]):
        end += 1
    return end


def _acts(item: outline.Item, facts: dict[str, Fact]) -> list:
    """The acts an item records: its number, or each of a range ("2023-615 à 2023-619", "2022-103 à 2022-106")."""
    numero = _value(facts, "numero")
    through = item.heading.through if item.heading and numero == item.heading.number else None
    return act_range.expand(f"{numero} à {through}" if through else numero) if numero else [numero]


# --- values --------------------------------------------------------------------------------

def _facts(ctx: Context, item: outline.Item, own: Reading, vote: votes.Vote,
           units: list[Unit], moves: list[sitting.Move], more: bool = False) -> dict[str, Fact]:
    """The session's values, then the counts stated with a move, the item's own, those of
    its range, then its vote; then the act's number, title and stamp."""
    facts, kept = _sitting_facts(ctx, item, own, vote, more)
    _room_facts(ctx, item, own, facts, kept, moves, vote)
    _vote_facts(ctx, item, facts, kept, vote)
    _act_facts(ctx, item, own, units, facts)
    return facts


def _sitting_facts(ctx: Context, item: outline.Item, own: Reading, vote: votes.Vote,
                   more: bool) -> tuple[dict[str, Fact], dict[str, Fact]]:
    """The session's values, over them those the item prints before its vote (all of them for
    an extract, the counts only for an item of minutes, with what its own opening names that the
    session's heading did not); the item's own facts kept apart."""
    facts = {c: f for c, f in ctx.session.facts.items() if c in SITTING_COLUMNS} | ctx.recount
    mine = SITTING_COLUMNS if _full(ctx, item) else COUNT_COLUMNS  # an item of minutes: its counts only
    # (an extract's one item has none after its vote)
    later = recount.after_vote(own, vote) | (recount.under_vote(ctx.recount, own, vote) if more else set())
    kept = {c: f for c, f in own.facts.items() if f.span not in later}
    if more:
        recount.above_heading(ctx.units, ctx.recount, item, kept)
    facts.update({c: f for c, f in kept.items() if c in mine})
    # an extract of a register under the register's heading ("EXTRAIT N° 2013-018" / "L'an deux mille treize, … le
    # Conseil Municipal de la Ville de Lectoure … s'est réuni"): its opening names what the heading left unsaid
    facts.update({c: f for c, f in kept.items() if c in SITTING_COLUMNS and c not in facts and f.method == "opening"})
    return facts, kept


def _room_facts(ctx: Context, item: outline.Item, own: Reading, facts: dict[str, Fact], kept: dict[str, Fact],
                moves: list[sitting.Move], vote: votes.Vote) -> None:
    """The counts printed with a move, the register's chair, the counts of the item's range."""
    # the counts printed with a move, over those printed before it: the item's own too (an extract read
    # whole: "présents à l'ouverture : 37 …" / "… ont quitté la séance." / "Pour la présente délibération :
    # présents 33 – pouvoirs 7 – votants 40")
    away = room.move_counts(facts, moves)
    # a register's chair said under an act's number (`_own_chair`), for the acts after it too
    if "president" in kept and "president" not in facts and _own_chair(kept):
        facts["president"] = kept["president"]
    if "votants" in kept and not {"presents", "pouvoirs"} & kept.keys() and not _full(ctx, item):
        # "Votants : 16" under an item, présents and pouvoirs only at the opening: someone may
        # have left or not voted without the minutes saying so in words read here
        facts["votants"] = replace(facts["votants"], method="votants_item")
    number = _number(item)
    for rg in ctx.session.ranges + own.ranges:
        if number is not None and rg.first <= number <= rg.last:
            facts.update(rg.counts)
    room.stale(facts, away, recount.vote_at(vote))
    _timed(facts, ctx)


def _vote_facts(ctx: Context, item: outline.Item, facts: dict[str, Fact], kept: dict[str, Fact],
                vote: votes.Vote) -> None:
    """The vote's figures; its votants, where it prints some, as the item's own."""
    facts.update({c: f for c, f in vote.facts.items() if c in VOTE_COLUMNS})
    if "votants" in vote.facts and "votants" not in kept:  # "adoptée à l'unanimité (32 votants)"
        alone = not {"presents", "pouvoirs"} & kept.keys() and not _full(ctx, item)
        facts["votants"] = replace(vote.facts["votants"], method="votants_item") if alone else vote.facts["votants"]
    elif "votants" in vote.facts and vote.facts["votants"].value != kept["votants"].value:
        # an extract's box says 10 votants, its vote line "Votants : 9 — Pour : 8 …": the vote's
        # own, set beside présents and pouvoirs it need not add up to (someone left the room)
        facts["votants"] = replace(vote.facts["votants"], method="votants_item")
    opening = ctx.session.facts.get("votants")
    own_votants = "votants" in facts and (opening is None or facts["votants"].span != opening.span)
    if own_votants and not facts["votants"].derived:
        _room_of_the_vote(facts, facts["votants"])  # (the item's own votants, not the opening's)


def _act_facts(ctx: Context, item: outline.Item, own: Reading, units: list[Unit],
               facts: dict[str, Fact]) -> None:
    """The act's number (heading, title, closing; an extract's header or footer), its title, its stamp."""
    if item.heading and item.heading.number:
        facts["numero"] = Fact(item.heading.number, ctx.units[item.heading.unit].span, "heading")
        act_numbers.in_title(ctx.units, item, facts)
        act_numbers.closing(ctx.units, item, facts)
    if "numero" not in facts and ctx.single:
        act_numbers.in_header(units, facts)
    if "numero" not in facts and ctx.single:
        act_numbers.in_footer(units, facts)
    _from_running(ctx, facts, units)
    title = item_title.title(ctx.units, item, own)
    if title:
        facts["objet"] = title
    act_numbers.stamp(facts, units, ctx.stamps, ctx.numbers, ctx.unread_stamp)


def _room_of_the_vote(facts: dict[str, Fact], votants: Fact) -> None:
    """"Pour cette délibération : présents 14 – représentés 2 – votants 16." under an extract whose
    opening says 15 présents and 2 pouvoirs (a member left, interested): the présents and pouvoirs
    printed on the line of the item's own votants (called only when they are not the opening's), adding
    up to them, are the room that voted, set beside them ("move_counts")."""
    line = votants.span.text if votants.span else ""
    said = {c.column: c.value for c in counts.read([Unit(line, votants.span, 0)], ("presents", "pouvoirs", "votants"))}
    # (the line's own figures adding up to the votants taken: not "Le procès-verbal de la séance du 9 décembre
    # (11 présents, 3 pouvoirs, 14 votants) est approuvé à l'unanimité des 13 votants")
    if len(said) < 3 or said["votants"] != votants.value or said["presents"] + said["pouvoirs"] != votants.value:
        return
    if any(facts[c].value != said[c] for c in ("presents", "pouvoirs") if c in facts):
        for column in ("presents", "pouvoirs"):
            facts[column] = Fact(said[column], votants.span, "move_counts")


def _own_chair(kept: dict[str, Fact]) -> bool:
    """A register's extract restating its sitting (its date or counts, "Séance du 14 février 2013, sous la
    présidence de Mme X, Maire." / "Membres en exercice : 15. Présents : 13. …")
    or its chair's field; not another body's meeting told in an item ("La commission d'appel d'offres,
    réunie le 12 septembre sous la présidence de M. Y"), nor who convened a syndicat's comité."""
    method = kept["president"].method
    return method in ("field", "opening") or method == "president_prose" and bool(
        {"session_date", "membres_en_exercice", "presents"} & kept.keys())


def _non_voter_between(ctx: Context, block: outline.Block, item: outline.Item, facts: dict[str, Fact]) -> None:
    """"Mme X quitte la salle et ne participe pas au vote (1)." (or "N'a pas pris part au vote : X
    (1)") printed between this item's vote and the next heading goes with the next item
    (segment._pull_heads), but may as well be this vote's non-voter: this item's votants, against
    its pour, contre and abstentions, is in doubt."""
    later = block.items[block.items.index(item) + 1:]
    if not later or "votants" not in facts or "non_votants" in facts:
        return
    top = later[0].heading.unit if later[0].heading else later[0].start
    between = ctx.units[later[0].start:top]
    if any((m := sitting.read_move(u, 0)) and m.for_vote or votes.says_non_voters(u) for u in between):
        facts["votants"] = replace(facts["votants"], method="non_voter_beside")


def _timed(facts: dict[str, Fact], ctx: Context) -> None:
    """"Absents : SOULIÉ Kevin, GASC Martine (arrivée au point 2)": a member came or went when a
    list says, no line of the minutes moving them: the opening's counts may not describe this
    item's room, marked `before_move` like a count printed before a move. Not when a line moves
    them ("À 19 h 05, … M. Sébastien PERNOLLET rejoint la séance"): the moves read say when."""
    timed = {m.name for m, _ in ctx.session.members if m.timed}
    if not timed or all(find_person(name, _movers(ctx)) is not None for name in timed):
        return
    for column in ("presents", "absents", "pouvoirs", "votants"):
        fact = facts.get(column)
        if fact is not None and not fact.derived and fact is ctx.session.facts.get(column):
            facts[column] = Fact(fact.value, fact.span, "before_move")


def _movers(ctx: Context) -> list[str]:
    """The names of the members a line of the document moves (read once per block)."""
    if ctx.movers is None:
        moves = (sitting.read_move(u, k) for k, u in enumerate(ctx.units))
        ctx.movers = [m.name for m in moves if m is not None]
    return ctx.movers


def _from_running(ctx: Context, facts: dict[str, Fact], units: list[Unit]) -> None:
    """A register that prints each act's number and counts at the top of its page
    ("DÉLIBÉRATION N° 2024-041" / "Conseillers en exercice : 19 - Présents : 13 …"): the
    PDF loader sets them aside as running headers; the item on that page takes them."""
    page = units[0].span.page
    lines = [u for u in ctx.running if u.span.page == page]
    for u in lines:
        for family, h in heading_line.heading_at(lines, lines.index(u)):
            if family == "act" and h.number and "numero" not in facts:
                facts["numero"] = Fact(h.number, u.span, "running_header")
    if any(facts[c].span.page == page for c in COUNT_COLUMNS if c in facts):
        return
    for c in counts.read(lines, tuple(COUNT_COLUMNS)):
        facts[c.column] = Fact(c.value, lines[c.unit].span, "running_header")


def _number(item: outline.Item) -> int | None:
    """The item's number as the ranges count them ("Questions 11 à 17"): 11 for "11"."""
    return outline.number_key(item.heading.number) if item.heading else None


# --- people -----------------------------------------------------------------------------

def _moves(ctx: Context, item: outline.Item, own: Reading, vote: votes.Vote) -> list[sitting.Move]:
    """The moves that hold for this item, in order: its range's, those met in earlier items,
    and its own printed above its vote. One printed under its vote ("Adopté à l'unanimité."
    / "M. X quitte la séance (16 présents)") holds from the next item on."""
    number = _number(item)
    ranged = [m for rg in ctx.session.ranges if number is not None and rg.first <= number for m in rg.moves]
    # "X quitte la salle et ne prend pas part au vote" names a non-voter before the vote itself
    voted = recount.vote_at(vote)
    # "Le Président quitte la salle … et ne prend pas part au vote" / "Le Président ayant regagné la
    # séance, …": back in the room, not one more member
    # ("M. Jean-Claude PASQUET … quitte la salle pour le vote" / "M. PASQUET regagne la salle": one member)
    own_moves = [m for m in own.moves if not (m.kind == "arrive" and not m.counts
                                                and find_person(m.name, sorted(ctx.out_for_vote)) is not None)]
    # out for the item before this one or this one only: a later arrival is one
    ctx.out_for_vote = {m.name for m in own_moves if m.kind == "leave" and m.for_vote}
    # (one out for this vote, said on the vote's own line, is out for it: "Adopté. Le Président ayant
    # quitté la salle au moment du vote, … Pour : 59 - Contre : 0 - Abst. : 6", a table's cell)
    before = [m for m in own_moves
              if voted is None or m.span.order < voted or (m.for_vote and m.span.order == voted)]
    before += _noted(ctx, item)
    held = [m for m in ranged + ctx.moves + before if not _later(m, number)]
    # one out for this vote only ("quitte la salle et ne prend pas part au vote") is back after it;
    # not one printed under the vote with the room's new counts ("Adopté à l'unanimité des 23 votants." /
    # "X quitte la séance pendant l'examen de cette question (22 membres présents ; 22 votants)")
    ctx.moves += [m for m in own_moves if m not in ctx.moves
                  and (not m.for_vote or m.counts and voted is not None and m.span.order > voted)]
    return room.once(held)


def _noted(ctx: Context, item: outline.Item) -> list[sitting.Move]:
    """The moves a note under the table says were for this item's act (`moves.noted`)."""
    return [m for n, m in ctx.noted if item.heading and _same_number(n, item.heading.number)]


def _same_number(noted: str, number: str | None) -> bool:
    """"2021/07-02" in a note under the table, "2021/07-02" in its row (spaces and case aside; not
    `restated.key`, which drops a prefix: "B2021/07-03", the bureau's, is not "2021/07-03")."""
    return number is not None and re.sub(r"\s", "", noted).casefold() == re.sub(r"\s", "", number).casefold()


def _later(move: sitting.Move, number: int | None) -> bool:
    """A move above the items that holds from a later one ("… prend part au vote à partir de
    la délibération n° 2024-043", read at 2024-041): not yet."""
    start = outline.number_key(move.from_item)
    return start is not None and number is not None and number < start


def _people(ctx: Context, own: Reading, moves: list[sitting.Move]) -> list[tuple[Member, Span]]:
    """The item's lists if it prints its own, else the session's; then who left or came.
    Without a list of présents ("La liste d'émargement … est annexée"), one who arrives is
    left out rather than made the only member present: the rows are the lists printed."""
    listed = own.members or ctx.session.members
    people = copy.deepcopy(listed)
    listed_present = any(m.status == "present" for m, _ in people)
    for move in moves:
        room.apply(people, move, listed)
    if room.presiding_out(moves):  # "Mme le Maire … quitte la salle": she is out, and the lists still say present
        for member, _ in people:
            member.doubt = member.doubt or "list_president_out"
    if not (own.members or ctx.session.members):  # no list printed: who moved is all that is named
        for member, _ in people:
            member.doubt = member.doubt or "list_moves_only"
    return people if listed_present else [(m, s) for m, s in people if m.status != "present"]


# --- rows -------------------------------------------------------------------------------------

def _none_given(facts: dict[str, Fact], units: list[Unit]) -> bool:
    """"Pouvoirs : néant" holds for the count read beside it, not for one the item reads on
    its own after a member left and gave a proxy ("… à l'unanimité (présents : 4, pouvoirs : 1,
    votants : 5)" under an opening that said "néant")."""
    if "pouvoirs_neant" not in facts:
        return False
    lines = {(u.span.page, u.span.line) for u in units}
    inside = [(f.span.page, f.span.line) in lines for f in (facts["pouvoirs_neant"], facts.get("pouvoirs")) if f]
    return len(set(inside)) == 1


def _rows(ctx: Context, seq: int, facts: dict[str, Fact], people, decisions, units: list[Unit]) -> None:
    doc = ctx.doc
    pages = [u.span.page for u in units]
    row: dict[str, Any] = {"doc_id": doc.doc_id, "seq": seq}
    for column in COLUMNS:
        row[column] = facts[column].value if column in facts else None
    row["sans_quorum"] = bool(facts["sans_quorum"].value) if "sans_quorum" in facts else False
    row["pouvoirs_neant"] = True if _none_given(facts, units) else None
    row["page_start"], row["page_end"] = min(pages), max(pages)
    row["_prov"] = {c: f.span for c, f in facts.items() if c in COLUMNS}
    row["_how"] = {c: (f.method, f.derived) for c, f in facts.items() if c in COLUMNS}
    doc.add("deliberations", row)
    for member, span in people:
        absent = member.status == "absent"
        doc.add("attendance", {"doc_id": doc.doc_id, "seq": seq, "name": member.name, "status": member.status,
                               "excused": member.excused if absent else None,
                               "proxy_holder": member.holder if absent else None,
                               "substitute_for": member.substitute_for, "also_listed": member.also_listed,
                               "page": span.page, "_prov": {"name": span},
                               "_how": {"name": (member.doubt or "list", False)}})
        if member.holder or member.gave_proxy and absent:  # also from one listed present: the document
            method = member.doubt or "list"  # contradicts itself; a holder not named: null
            doc.add("proxies", {"doc_id": doc.doc_id, "seq": seq, "giver": member.name, "holder": member.holder,
                                "page": span.page, "_prov": {"giver": span} | ({"holder": span} if member.holder else {}),
                                "_how": {"giver": (method, False), "holder": (method, False)}})
    for n, d in enumerate(decisions, 1):
        doc.add("decisions", {"doc_id": doc.doc_id, "seq": seq, "item": n, "verb": d.verb, "text": d.text,
                              "amount_eur": d.amount_eur, "page": d.span.page,
                              "_prov": {"verb": d.span, "text": d.span}
                              | ({"amount_eur": d.span} if d.amount_eur is not None else {})})
