"""The votes of an item against who was in the room after a member left or arrived.

    Présents : 27 – Pouvoirs : 5 – Votants : 32          the opening, its lists add up to it
    M. Gérard PONCET quitte la séance.                     no proxy given: 26 + 5 can vote
    DEL-2015-063 … Pour : 29 – Contre : 3 – Abstention : 0  32 votes for 31 in the room

The reader applies the moves to the item's lists (extractors/room.py): a member out is absent,
the proxies he held lapse, a giver back takes his voice back. The room is then the members
listed present plus the proxies held by one of them. It is judged only after an earlier item
whose lists add up to its own printed présents and pouvoirs (the lists were read whole), and
only on an item whose lists changed since: the counts it prints, if any, are the opening's
again, which is what a clerk forgets to lower.
"""
from __future__ import annotations

from typing import Iterator

from checks import names
from checks.context import Tables, as_int, by_deliberation, deliberations, where
from checks.rules import Finding, check
from checks.trust import doubtful, list_doubt, value

SIDES = ("pour", "contre", "abstentions")
# counts printed for this item after the move ("Arrivée de M. GREFF – Votants : 27"), not the opening's
ITEM_COUNTS = ("move_counts", "votants_item")
MOVED = ("move_counts",)  # printed with the move itself: the clerk counted the room then
# counts that do not describe the item's own lists: printed before a move, or for the rest of the sitting
NOT_ITEMS_OWN = ("before_move", "recount", "move_counts", "count_varies", "votants_item")


@check("votes.room", needs=("deliberations",))
def room(tables: Tables) -> Iterator[Finding]:
    attendance = by_deliberation(tables, "attendance")
    balanced: dict[str, tuple[frozenset, frozenset]] = {}  # doc -> the last room whose lists add up
    last: dict[str, tuple[frozenset, frozenset]] = {}  # doc -> the room of the item before
    for d in deliberations(tables):
        key = (d["doc_id"], as_int(d.get("seq")))
        here = _room(attendance.get(key, []))
        before, previous = balanced.get(d["doc_id"]), last.get(d["doc_id"])
        last[d["doc_id"]] = here
        # only the first item after a move: a return the reader missed ("M. X regagne la salle"
        # said otherwise) would make every later room one short
        moved = previous is not None and here != previous
        if _adds_up(tables, d, here):
            balanced[d["doc_id"]] = here
        if not here[0]:
            tables.skip("votes.room", *key, "liste des présents non lue")
        elif not moved or here == before:  # nobody left or came since: nothing to judge, the rule holds
            tables.ran("votes.room", *key)
        elif before is None:
            tables.skip("votes.room", *key, "listes de l'ouverture qui ne font pas les présents et "
                                            "pouvoirs imprimés")
        else:
            yield from _over(tables, d, here, len(before[0]) + len(before[1]))


def _room(rows: list[dict]) -> tuple[frozenset, frozenset]:
    """(names present, proxies held by one of them as giver → holder)."""
    present = [r["name"] for r in rows if r.get("status") == "present" and isinstance(r.get("name"), str)]
    held = {(r["name"], holder) for r in rows if r.get("status") == "absent"
            and isinstance(holder := r.get("proxy_holder"), str) and names.match(holder, present) is not None}
    return frozenset(present), frozenset(held)


def _adds_up(tables: Tables, d: dict, here: tuple[frozenset, frozenset]) -> bool:
    """The item prints its own présents and pouvoirs (not a count printed before a move) and its
    lists make them."""
    counts = [value(tables, d, c, as_int) for c in ("presents", "pouvoirs")]
    if any(v is None or v.derived or v.method in NOT_ITEMS_OWN for v in counts):
        return False
    return (counts[0].value, counts[1].value) == (len(here[0]), len(here[1]))


def _over(tables: Tables, d: dict, here: tuple[frozenset, frozenset], opening: int) -> Iterator[Finding]:
    """More votes (the sides printed, an unprinted side no negative number) or votants printed
    for the item than members present and proxies held; no more than the room before the move,
    or two over (a vote larger still is another count's, another body's quoted: `votes.breakdown`)."""
    sides = {c: v for c in SIDES if (v := value(tables, d, c, as_int)) is not None and not v.derived}
    votants, presents = (value(tables, d, c, as_int) for c in ("votants", "presents"))
    room_size = len(here[0]) + len(here[1])
    if sides:
        actual, column = sum(v.value for v in sides.values()), next(iter(sides))
    elif votants is not None and votants.method in ITEM_COUNTS:
        actual, column = votants.value, "votants"
    else:
        tables.skip("votes.room", d["doc_id"], as_int(d.get("seq")), "ni vote ni votants imprimés pour ce point")
        return
    tables.ran("votes.room", d["doc_id"], as_int(d.get("seq")))
    # présents printed with the move and not what the lists say: an arrival the lists missed
    unsure = presents is not None and presents.method in MOVED and presents.value != len(here[0])
    weighted = any(v.method == "weighted" for v in sides.values())
    if not room_size < actual <= max(opening, room_size + 2) or unsure or weighted:
        return
    doubts = [list_doubt(tables, d, "attendance", "proxies")]
    yield doubtful("votes.room", doubts, **where(tables, d, column), expected=room_size, actual=actual,
                   what="voix exprimées" if sides else "votants", presents=len(here[0]), pouvoirs=len(here[1]))
