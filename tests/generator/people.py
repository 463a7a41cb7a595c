"""Members and how their names are printed.

"Anne MARTIN", "MARTIN Anne", "Anne Martin", "MARTIN", "A. MARTIN", "MARTIN, Anne";
civilities "M.", "Mme", "Monsieur", grouped "MM. PORTEBOIS, LEROY, Mmes MARTEAU, PELLARIN";
a list header "MM et Mmes" (Illats). The truth keeps the name as printed, without civility.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from .vocab import Vocab


@dataclass(frozen=True)
class Member:
    first: str
    last: str
    gender: str  # "m" or "f"
    rank: int  # order in the tableau du conseil (maire, adjoints, conseillers)

    @property
    def e(self) -> str:
        """The feminine agreement: représenté{e}."""
        return "e" if self.gender == "f" else ""


def draw_members(rng: random.Random, vocab: Vocab, n: int) -> list[Member]:
    """n members with distinct surnames (so a surname-only list stays unambiguous)."""
    surnames = vocab.sample(rng, "names.surnames", n)
    while len(surnames) < n:  # more seats than surnames: fall back on dev names
        extra = rng.choice(Vocab("dev").variants("names.surnames"))
        if extra not in surnames:
            surnames.append(extra)
    members = []
    for rank, last in enumerate(surnames):
        gender = rng.choice("mf")
        first = vocab.pick(rng, f"names.first_{gender}")
        members.append(Member(first, last, gender, rank))
    return members


def initials(first: str) -> str:
    """'Jean-Pierre' -> 'J.-P.', 'Philippe' -> 'Ph.' sometimes, 'Anne' -> 'A.'."""
    parts = first.split("-")
    if len(parts) > 1:
        return "-".join(p[0] + "." for p in parts)
    if first.startswith(("Ph", "Ch", "Th")):
        return first[:2] + "."
    return first[0] + "."


def name(member: Member, style: str) -> str:
    """The name as printed (and as labelled): the style names the word order and case."""
    first, last = member.first, member.last
    return {
        "first_LAST": f"{first} {last}",
        "LAST_first": f"{last} {first}",
        "LAST": last,
        "F_LAST": f"{initials(first)} {last}",
        "First_Last": f"{first} {last.title()}",
        "Last_First": f"{last.title()} {first}",
        "LAST_comma_first": f"{last}, {first}",
    }[style]


def civility(member: Member, style: str, vocab: Vocab) -> str:
    """The civility before one name in a style ('' for none)."""
    table = vocab.node("attendance.civility")[style if style in ("each_nodot", "long") else "each"]
    return table[member.gender]


def with_civility(member: Member, name_style: str, civ_style: str, vocab: Vocab) -> str:
    civ = civility(member, civ_style, vocab)
    return f"{civ} {name(member, name_style)}"


@dataclass
class NameStyle:
    """How one document prints names: word order and civility, drawn once."""
    order: str
    civ: str
    header: str = ""  # "MM et Mmes" before a list (civility style mixed_header)

    def bare(self, member: Member) -> str:
        return name(member, self.order)

    def single(self, member: Member, vocab: Vocab) -> str:
        """A name outside a list (president, secretary): with a civility unless the style has none."""
        if self.civ == "none":
            return self.bare(member)
        style = "long" if self.civ in ("long", "grouped_long") else "each"
        return with_civility(member, self.order, style, vocab)


def draw_name_style(rng: random.Random, vocab: Vocab) -> NameStyle:
    order = vocab.pick(rng, "attendance.name_style")
    civ = vocab.pick(rng, "attendance.civility_style")
    if order == "LAST" and civ == "none":  # a bare surname list reads better with civilities
        civ = "grouped"
    header = vocab.pick(rng, "attendance.mixed_header") if civ == "mixed_header" else ""
    return NameStyle(order, civ, header)


def list_items(members: list[Member], style: NameStyle, vocab: Vocab) -> list[str]:
    """Each member as an item of a list: civility per name, grouped civility at each run
    of one gender ('MM. A, B, Mme C'), or none."""
    if style.civ in ("grouped", "grouped_long"):
        return _grouped(members, style, vocab)
    if style.civ in ("each", "each_nodot", "long"):
        return [with_civility(m, style.order, style.civ, vocab) for m in members]
    return [style.bare(m) for m in members]


def _grouped(members: list[Member], style: NameStyle, vocab: Vocab) -> list[str]:
    table = vocab.node("attendance.civility")[style.civ]
    out, previous = [], None
    for i, member in enumerate(members):
        if member.gender == previous:
            out.append(style.bare(member))
            continue
        run = 1
        while i + run < len(members) and members[i + run].gender == member.gender:
            run += 1
        civ = table[member.gender * 2] if run > 1 else table[member.gender]
        out.append(f"{civ} {style.bare(member)}")
        previous = member.gender
    return out


def join(items: list[str], sep: str, last: str) -> str:
    """Join list items: 'A, B et C' when `last` is ' et '."""
    if not items:
        return ""
    if last and len(items) > 1 and "\n" not in sep:
        return sep.join(items[:-1]) + last + items[-1]
    return sep.join(items)
