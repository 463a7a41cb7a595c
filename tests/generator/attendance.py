"""Who was there: the list of those present, then the absent, the excused and the proxies,
in one of several layouts councils use.

"Présents : MM. PORTEBOIS, Mme MALARD, …" — "Absents excusés : Mme X (pouvoir à M. Y), M. Z"
— "Pouvoirs : A à B, C à D" — "Etait absent, excusé et a donné pouvoir : A à B, …"
(L'Arbresle) — "Absents représentés : M. A par M. B ;" (Clairoix) — a count box printed
line by line between the proxies (Eybens).
"""
from __future__ import annotations

import unicodedata

from .context import Ctx, Line
from .model import Absence, Member
from .people import join, list_items
from .vocab import fill


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def ordered(ctx: Ctx, members: list[Member]) -> list[Member]:
    """Members in the document's order: alphabetical, the tableau's, or as they came."""
    order = ctx.plan.list_order
    if order == "alpha":
        return sorted(members, key=lambda m: fold(m.last))
    if order == "table":
        return sorted(members, key=lambda m: m.rank)
    shuffled = list(members)
    ctx.rng("lists").shuffle(shuffled)
    return shuffled


class AbsentTruth:
    """The truth's `absent` entries, in the order members are first printed."""

    def __init__(self, ctx: Ctx):
        self.ctx, self.entries = ctx, {}

    def note(self, member: Member, excused: bool | None, holder: Member | None = None) -> None:
        bare = self.ctx.plan.names.bare
        entry = self.entries.setdefault(member, {"name": bare(member), "excused": None, "proxy_holder": None})
        if excused is not None:
            entry["excused"] = excused
        if holder is not None:
            entry["proxy_holder"] = bare(holder)


def render_attendance(ctx: Ctx, count_lines: list[Line] | None = None) -> None:
    """The lists the plan prints; `count_lines` are woven between the proxy lines."""
    if ctx.plan.present_list:
        _present(ctx)
    if ctx.plan.absences_list:
        truth = AbsentTruth(ctx)
        givers = [a for a in ctx.plan.absences_printed if a.holder]
        excused = [a.member for a in ctx.plan.absences_printed if not a.holder and a.excused]
        absent = [a.member for a in ctx.plan.absences_printed if not a.holder and not a.excused]
        STYLES[ctx.plan.absence_style](ctx, truth, givers, excused, absent, count_lines or [])
        ctx.truth.sitting["absent"] = list(truth.entries.values())
    elif count_lines:
        ctx.lines.extend(count_lines)


def _present(ctx: Ctx) -> None:
    plan, rng = ctx.plan, ctx.rng("lists")
    members = ordered(ctx, plan.present_printed)
    items = list_items(members, plan.names, ctx.vocab)
    if ctx.sitting.president in members and rng.random() < 0.2:  # 'M. NICOLAS, Maire'
        i = members.index(ctx.sitting.president)
        items[i] += fill(ctx.pick("lists", "attendance.role_suffix"), ctx.values)
    heading = ctx.pick("lists", "attendance.present_heading")
    if plan.names.header:
        heading = f"{heading} {plan.names.header}"
    tail = ctx.pick("lists", "attendance.present_tail") if plan.quorum_claims and rng.random() < 0.4 else ""
    _section(ctx, heading, items, tail)
    ctx.truth.sitting["present"] = [plan.names.bare(m) for m in members]


def _section(ctx: Ctx, heading: str, items: list[str], tail: str = "") -> None:
    """A heading and its list: on one paragraph, or one name per line."""
    sep, last = ctx.plan.list_sep, ctx.plan.list_last
    if not items:
        if ctx.rng("lists").random() < 0.4:
            ctx.add(f"{heading} {ctx.pick('lists', 'attendance.none_word')}", "field")
        return
    if "\n" in sep:
        ctx.add(heading, "field")
        for i, item in enumerate(items):
            end = sep.rstrip("\n") if i < len(items) - 1 else tail
            ctx.add(item + end, "keep")
        return
    ctx.add(f"{heading} {join(items, sep, last)}{tail}", "para")


def _who(ctx: Ctx, member: Member) -> str:
    """A name inside a proxy phrase: with the civility the document gives single names."""
    return ctx.plan.names.single(member, ctx.vocab) if ctx.plan.proxy_civ else ctx.plan.names.bare(member)


def proxy_text(ctx: Ctx, template: str, absence: Absence) -> str:
    return fill(template, {"g": _who(ctx, absence.member), "h": _who(ctx, absence.holder), "e": absence.member.e})


def _plain_sections(ctx: Ctx, truth: AbsentTruth, excused: list[Member] | None,
                    absent: list[Member] | None) -> None:
    """'Absents excusés : …' then 'Absents : …' (a section given None is not printed)."""
    for path, members in (("attendance.excused_heading", excused), ("attendance.absent_heading", absent)):
        if members is None:
            continue
        heading, members = ctx.pick("lists", path), ordered(ctx, members)
        _section(ctx, heading["t"], _names(ctx, members))
        for member in members:
            truth.note(member, heading["excused"])


def _names(ctx: Ctx, members: list[Member]) -> list[str]:
    return list_items(members, ctx.plan.names, ctx.vocab)


def _inline(ctx, truth, givers, excused, absent, count_lines) -> None:
    """'Absents excusés : A (pouvoir à X), B' — the proxy inside the excused list."""
    heading = ctx.pick("lists", "attendance.excused_heading")
    phrase = ctx.pick("lists", "attendance.proxy_inline")
    by_member = {a.member: a for a in givers}
    members = ordered(ctx, [a.member for a in givers] + excused)
    items = [proxy_text(ctx, phrase, by_member[m]) if m in by_member else _names(ctx, [m])[0] for m in members]
    _section(ctx, heading["t"], items)
    for member in members:
        truth.note(member, heading["excused"], by_member[member].holder if member in by_member else None)
    _plain_sections(ctx, truth, None, absent)
    ctx.lines.extend(count_lines)


def _separate(ctx, truth, givers, excused, absent, count_lines) -> None:
    """'Excusés : A, B, C' then 'Pouvoirs : A à X, C à Y'."""
    with_givers = ctx.rng("lists").random() < 0.6
    listed = excused + ([a.member for a in givers] if with_givers else [])
    _plain_sections(ctx, truth, listed, None)
    _proxy_section(ctx, truth, givers, "attendance.proxy_heading", "attendance.proxy_short")
    _plain_sections(ctx, truth, None, absent)
    ctx.lines.extend(count_lines)


def _given(ctx, truth, givers, excused, absent, count_lines) -> None:
    """'Excusés ayant donné pouvoir : A à X' then the excused and the absent."""
    _proxy_section(ctx, truth, givers, "attendance.proxy_heading", "attendance.proxy_short")
    _plain_sections(ctx, truth, excused, absent)
    ctx.lines.extend(count_lines)


def _represented(ctx, truth, givers, excused, absent, count_lines) -> None:
    """'Absents représentés : M. A par M. X ; Mme B par M. Y' (Clairoix)."""
    heading = {"t": ctx.pick("lists", "attendance.represented_heading"), "excused": None}
    _proxy_section(ctx, truth, givers, heading, "attendance.proxy_represented")
    _plain_sections(ctx, truth, excused, absent)
    ctx.lines.extend(count_lines)


def _proxy_section(ctx: Ctx, truth: AbsentTruth, givers: list[Absence], heading, phrase_path: str) -> None:
    heading = ctx.pick("lists", heading) if isinstance(heading, str) else heading
    phrase = ctx.pick("lists", phrase_path)
    by_member = {a.member: a for a in givers}
    givers = [by_member[m] for m in ordered(ctx, list(by_member))]
    _section(ctx, heading["t"], [proxy_text(ctx, phrase, a) for a in givers])
    for a in givers:
        truth.note(a.member, heading["excused"], a.holder)


def _lines(ctx, truth, givers, excused, absent, count_lines) -> None:
    """One proxy sentence per line ('Mme A a donné pouvoir à M. X'), under a heading or not;
    the count box's lines may be woven between them (Eybens)."""
    rng = ctx.rng("lists")
    heading = ctx.pick("lists", "attendance.proxy_heading") if count_lines or rng.random() < 0.5 else None
    if heading:
        ctx.add(heading["t"], "field")
    phrase = ctx.pick("lists", "attendance.proxy_short" if heading else "attendance.proxy_inline")
    by_member = {a.member: a for a in givers}
    proxies = [by_member[m] for m in ordered(ctx, list(by_member))]
    for i in range(max(len(proxies), len(count_lines))):
        if i < len(proxies):
            ctx.add(proxy_text(ctx, phrase, proxies[i]), "keep")
            truth.note(proxies[i].member, heading["excused"] if heading else None, proxies[i].holder)
        if i < len(count_lines):
            ctx.lines.append(count_lines[i])
    _plain_sections(ctx, truth, excused, absent)


def _arbresle(ctx, truth, givers, excused, absent, count_lines) -> None:
    """'Etait absent, excusé et a donné pouvoir : A à X, B à Y' / 'Etait absent excusé : C'."""
    headings = ctx.pick("lists", "attendance.arbresle_heading")
    _proxy_section(ctx, truth, givers, {"t": headings["proxy"], "excused": True}, "attendance.proxy_short")
    for key, flag, members in (("excused", True, excused), ("absent", False, absent)):
        members = ordered(ctx, members)
        _section(ctx, headings[key], _names(ctx, members))
        for member in members:
            truth.note(member, flag)
    ctx.lines.extend(count_lines)


def _excused_lines(ctx, truth, givers, excused, absent, count_lines) -> None:
    """One absent member per line with a status: 'Mme A, excusée – pouvoir à M. X'."""
    by_member = {a.member: a for a in givers}
    status = ctx.pick("lists", "attendance.status_line")
    away = ctx.pick("lists", "attendance.absent_line")
    proxy = ctx.pick("lists", "attendance.status_proxy")
    for member in ordered(ctx, list(by_member) + excused + absent):
        template = away if member in absent else status
        text = fill(template, {"g": _who(ctx, member), "e": member.e})
        holder = by_member[member].holder if member in by_member else None
        if holder:
            text += fill(proxy, {"h": _who(ctx, holder)})
        ctx.add(text, "keep")
        truth.note(member, member not in absent, holder)
    ctx.lines.extend(count_lines)


STYLES = {"inline": _inline, "separate": _separate, "given": _given, "lines": _lines,
          "arbresle": _arbresle, "represented": _represented, "excused_lines": _excused_lines}
