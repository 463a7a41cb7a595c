"""Who is in the room for one item: the moves that hold for it, the lists they change and the
counts they make stale.

    M. Serge PRADEILLES, beau-frère des demandeurs, quitte la salle …      a leave: absent for the vote
    Présents : 21 – Pouvoirs : 4 – Votants : 25.                          counts given with the move
    M. PRADEILLES regagne la salle à l'issue du vote.                     back for the next item

A count printed before a move and not with it, or under the vote after the member came back,
describes another room: it is marked `before_move`, so that a check comparing it says "à
vérifier" rather than an error (extractors/deliberation.py reads the moves, this module applies them).
"""
from __future__ import annotations

import re

from extractors import sitting
from extractors.members import Member
from extractors.sitting import Fact
from schemas import Span
from schemas.text import SURNAME_PARTICLES, find_person, name_key


def move_counts(facts: dict[str, Fact], moves: list[sitting.Move]) -> list[sitting.Move]:
    """The counts printed with the moves held ("quitte la salle et ne prend pas part au vote
    (17 votants)"), until the member comes back ("M. LE DU rejoint la séance"); the moves
    of those who are not where the opening put them."""
    away: list[sitting.Move] = []
    undo: dict[str, dict[str, Fact | None]] = {}  # a leave's counts, until its member comes back
    chair = facts.get("president")
    for move in moves:
        name = _role(move.name, chair)
        opposite = [m for m in away if m.kind != move.kind]
        back = find_person(name, [_role(m.name, chair) for m in opposite])
        if back is None:
            away.append(move)
        else:  # back where the opening put them: "quitte la séance", then "rejoint la séance"
            away.remove(opposite[back])
        k = find_person(name, list(undo))
        if move.kind == "arrive" and k is not None and not move.counts:
            for column, fact in undo.pop(list(undo)[k]).items():
                _put(facts, column, fact)
        elif move.kind == "leave" and move.counts:
            undo[name] = {c: facts.get(c) for c in move.counts}
        # not over a count printed after it ("Présents : 88" under a later departure, recount.above_heading)
        facts.update({c: f for c, f in move.counts.items() if c not in facts or facts[c].span.order <= f.span.order})
    return away


def _role(name: str, chair: Fact | None) -> str:
    """The one presiding by name or by role: "Le Président … quitte la salle" (`@president`), then "M. LABEYRIE
    regagne la salle et reprend la présidence" under a sitting presided by Jean-Luc LABEYRIE."""
    if chair is not None and name != sitting.PRESIDING and find_person(name, [str(chair.value)]) is not None:
        return sitting.PRESIDING
    return name


def stale(facts: dict[str, Fact], away: list[sitting.Move], voted: int | None = None) -> None:
    """While someone is out (or in) since the opening, a count printed before that move and
    not with it no longer describes the room: marked `before_move`, so that a check
    comparing it says "à vérifier" rather than an error. So is an extract's box printed under
    the vote ("M. X … quitte la salle" / vote / "M. X regagne la salle" / "Présents : huit"):
    the room before the move or after the return, not the one that voted. (An extract's box at its
    foot that does describe the voting room is muted too: a notice, never a false error.)"""
    if not away:
        return
    last = max(m.span.order for m in away)
    for column in ("presents", "absents", "pouvoirs", "votants"):
        fact = facts.get(column)
        # counts printed with an earlier move are stale too ("arrivée de Mme X" / "Présents : 22",
        # then "M. Y quitte la séance" with no count): only a move after them is compared
        below = voted is not None and fact is not None and fact.span.order > voted and fact.method != "move_counts"
        if fact is not None and not fact.derived and (fact.span.order < last or below):
            facts[column] = Fact(fact.value, fact.span, "before_move")


def _put(facts: dict[str, Fact], column: str, fact: Fact | None) -> None:
    if fact is None:
        facts.pop(column, None)
    else:
        facts[column] = fact


def once(moves: list[sitting.Move]) -> list[sitting.Move]:
    """Each move once: one read in the header and again in an extract read whole is one move."""
    seen, out = set(), []
    for m in moves:
        key = (m.kind, m.name, m.span.page, m.span.line)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def presiding_out(moves: list[sitting.Move]) -> bool:
    """The one who presides, named by the role, has left and not come back."""
    out = False
    for move in moves:
        out = move.kind == "leave" if move.name == sitting.PRESIDING else out
    return out


def apply(people: list[tuple[Member, Span]], move: sitting.Move, listed: list[tuple[Member, Span]]) -> None:
    """A member's move on the lists: out is absent (with the proxy given on leaving), in is
    present; one not listed is added. The proxies a member held lapse while they are out and
    hold again when they are back ("M. LE GALL regagne la salle")."""
    if move.name == sitting.PRESIDING:  # "Mme le Maire … quitte la salle": the counts go stale (`stale`),
        return  # the lists stay as printed (her return is often unsaid: "Mme le Maire reprend la présidence")
    found = _mover(move.name, [m.name for m, _ in people])
    if found is None and move.for_vote and people:
        return  # out of one vote and on no list ("hors la présence de M. X, agent intéressé"): no member to move
    if found is None:
        people.append((Member(move.name, "absent", 0), move.span))
        found = len(people) - 1
    member, _ = people[found]
    member.also_listed = None  # present and absent at different times, as the move says
    member.status = "absent" if move.kind == "leave" else "present"
    member.excused = None
    member.holder = move.holder if move.kind == "leave" else None
    if move.kind == "leave":  # "… quitte la séance ; la procuration de M. X, qu'il détenait, devient sans objet"
        for other, _ in people:
            if other.holder and _held_by(move.name, other.holder, people):
                other.holder, other.gave_proxy = None, False
        return
    for (other, _), (printed, _) in zip(people, listed):  # `people` is a copy of `listed`, only ever appended to
        if printed.holder and other.holder is None and other.status == "absent" \
                and find_person(move.name, [printed.holder]) is not None:
            other.holder, other.gave_proxy = printed.holder, printed.gave_proxy


def _held_by(name: str, holder: str, people: list[tuple[Member, Span]]) -> bool:
    """The leaver is the proxy's holder: by name, or by the surname the list gives alone ("… à M. SCHALL"
    for "M. Guy SCHALL quitte la séance") when no other member bears it ("Mme Marie DUPONT quitte la
    séance" is not the "M. DUPONT" holding a proxy beside her)."""
    if find_person(name, [holder]) is not None:
        return True
    namesakes = [m for m, _ in people if _mover(m.name, [holder]) is not None]  # (`_mover` tries `find_person` first)
    return _mover(name, [holder]) is not None and len(namesakes) <= 1


def _mover(name: str, names: list[str]) -> int | None:
    """The listed member a move names: as anywhere (`find_person`), or the list's surname alone for
    the move's full name ("M. GIRAUD" listed, "M. Patrick GIRAUD, adjoint …, quitte la salle"), one
    such entry only and no particle ("LE" cut from "LE" / "BIHAN"). Moves only: a check comparing a
    giver with the present list must not take "Marie DUPONT" for the "M. DUPONT" beside her."""
    found = find_person(name, names)
    if found is not None or re.search(r",|\s(?:et|and)\s", name):  # "Olivier PETIT et Mme Karine PROUST": two
        return found
    words = name_key(name).split()
    fits = [i for i, other in enumerate(names) if 0 < len(key := name_key(other).split()) < len(words)
            and words[-len(key):] == key and not (len(key) == 1 and key[0] in SURNAME_PARTICLES)]
    return fits[0] if len(fits) == 1 else None
