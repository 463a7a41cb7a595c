"""The matters of a sitting: drawing them (titles, votes, a member who leaves) and printing
an item's number, title and body.

"Délibération D2018-66 / Objet : approbation du procès-verbal …" (Fargues); "DL-056-07-13 -
Signature du marché …" (L'Arbresle); "1) Vote des subventions 2015"; "IV – …"; bullets of
a motion ("- la mise en place d'un groupement de commandes") and budget lines, never items.
"""
from __future__ import annotations

import datetime as dt
import random

from . import numbers
from .context import Ctx
from .model import Absence, Attendance, Item, Sitting, draw_vote
from .vocab import Vocab, fill


def _amount(rng: random.Random) -> str:
    value = rng.choice([rng.randint(3, 99) * 100, rng.randint(10, 900) * 500, rng.randint(1, 60) * 10_000])
    return f"{value:,}".replace(",", " ")


def item_values(rng: random.Random, vocab: Vocab, sitting: Sitting) -> dict:
    """Placeholders of one title, its decision or its exposé."""
    date, members = sitting.date, sitting.attendance.present
    member = rng.choice(members)
    title = vocab.node(f"collectivites.kinds.{sitting.body.kind}")["president"][sitting.president.gender]
    the_title = ("Madame la " if sitting.president.gender == "f" else "Monsieur le ") + title.split()[0]
    values = {"year": date.year, "year0": date.year - 1, "year1": date.year + 1, "year3": date.year + 3,
              "n": rng.randint(1, 4), "amount": _amount(rng), "place": sitting.body.place,
              "section": rng.choice("ABCDEZ") + rng.choice(["", "B", "K"]), "parcel": rng.randint(12, 980),
              "price": rng.choice([12, 35, 48, 60, 75, 120]), "rate": rng.choice([3, 4, 5]),
              "member": f"{'Madame' if member.gender == 'f' else 'Monsieur'} {member.first} {member.last}",
              "e_member": member.e, "month_next": numbers.MONTHS[date.month % 12],
              "the_title": the_title, "the_title_cap": the_title, "title_short": title.split()[0].lower()}
    values["assoc"] = fill(vocab.pick(rng, "items.assoc"), values)
    values["street"] = vocab.pick(rng, "items.street")
    return values


def draw_items(rng: random.Random, vocab: Vocab, sitting: Sitting, kind: str, may_leave: bool) -> None:
    """Items of the sitting: one for an extract, 2-4 for a register, 3-12 for minutes (some of
    them information only, maybe the approval of the previous minutes first)."""
    count = {"extract": 1, "register": rng.randint(2, 4), "minutes": rng.randint(3, 12)}[kind]
    objets = vocab.sample(rng, "items.objet", count)
    while len(objets) < count:
        objets.append(rng.choice(vocab.variants("items.objet")))
    for i, objet in enumerate(objets):
        if kind == "minutes" and i > 0 and rng.random() < 0.18:
            info = vocab.pick(rng, "items.info_item")
            sitting.items.append(Item(info["t"], info["body"], info=True))
        values = {**sitting.body.values, **item_values(rng, vocab, sitting)}
        sitting.items.append(Item(fill(objet["t"], values), fill(objet["d"], values)))
    if kind == "minutes" and rng.random() < 0.5:
        prev = sitting.date - dt.timedelta(days=rng.randint(20, 70))
        title = fill(vocab.pick(rng, "header.previous_minutes"), {"prev": numbers.fmt_date(prev, "d_month_y")})
        sitting.items.insert(0, Item(title, "APPROUVE le procès-verbal de la séance précédente"))
    _draw_votes(rng, sitting, may_leave and kind == "minutes")


def _draw_votes(rng: random.Random, sitting: Sitting, may_leave: bool) -> None:
    """A vote for each deliberation; maybe a member leaves before one of them."""
    deliberations = [item for item in sitting.items if not item.info]
    leave_at = None
    if may_leave and len(deliberations) > 2 and rng.random() < 0.25:
        leave_at = rng.randrange(1, len(deliberations))
    attendance = sitting.attendance
    for i, item in enumerate(deliberations):
        if i == leave_at:
            attendance = _departure(rng, sitting, item) or attendance
        if attendance is not sitting.attendance:
            item.attendance = attendance
        nv = 1 if attendance.votants >= 6 and rng.random() < 0.05 else 0
        item.vote = draw_vote(rng, attendance.votants, nv)
        if nv:
            item.non_voter = rng.choice(attendance.present[1:])


def _departure(rng: random.Random, sitting: Sitting, item: Item) -> Attendance | None:
    """A present member, neither officer nor proxy holder, leaves before `item` (the quorum holds)."""
    attendance = sitting.attendance
    holders = {a.holder for a in attendance.absences if a.holder}
    free = [m for m in attendance.present if m not in holders and m not in (sitting.president, sitting.secretary)]
    if not free or attendance.presents - 1 <= sitting.exercice / 2:
        return None
    item.leaver = rng.choice(free)
    after = attendance.copy()
    after.present.remove(item.leaver)
    after.absences.append(Absence(item.leaver, False))
    return after


def numbering(ctx: Ctx, path: str) -> dict:
    return ctx.pick("items", path)


def number_values(ctx: Ctx, n: int, seq: int) -> dict:
    d = ctx.sitting.date
    code = {"commune": "CM", "cc": "CC", "ca": "CC", "syndicat": "CS", "departement": "CP"}[ctx.sitting.body.kind]
    return {"n": n, "roman": numbers.roman(n), "seq": seq, "seq2": f"{seq:02d}", "seq3": f"{seq:03d}",
            "year": d.year, "mm": f"{d.month:02d}", "yy": f"{d.year % 100:02d}", "code": code,
            "a": 1 + (n - 1) // 4}  # the report's chapter: four reports a chapter


def cased(ctx: Ctx, title: str) -> tuple[str, bool]:
    """The title as printed and whether it is bold."""
    case = ctx.plan.title_case
    text = title.upper() if "upper" in case else title
    return text, "bold" in case


def render_title(ctx: Ctx, item: Item, delib: dict | None, style: dict, n: int, seq: int) -> None:
    """Number and title: on one line ('3. Tarifs …') or the number then 'Objet : …'."""
    text, bold = cased(ctx, item.title)
    marks = ("**", "**") if bold and ctx.plan.bold_marks else ("", "")
    printed_id = fill(style["t"], number_values(ctx, n, seq)) if style["t"] else ""
    if delib is not None:
        delib["numero"] = fill(style["id"], number_values(ctx, n, seq)) if style["id"] else None
        delib["objet"] = text
    if printed_id and style["title"] == "same":
        line = ctx.add(f"{printed_id} {marks[0]}{text}{marks[1]}", "para", bold=bold)
    else:
        line = ctx.add(printed_id, "head", bold=bold) if printed_id else None
        label = ctx.pick("items", "items.objet_label")
        objet = ctx.add(f"{label}{marks[0]}{text}{marks[1]}", "para", bold=bold)
        line = line or objet
    if delib is not None:
        line.anchor = f"delib:{len(ctx.truth.deliberations) - 1}"


def render_body(ctx: Ctx, item: Item) -> None:
    """Exposé, visas, considérants, bullets of the motion, sometimes budget lines."""
    rng, v = ctx.rng("body"), {**ctx.values, **item_values(ctx.rng("body"), ctx.vocab, ctx.sitting)}
    v["past"] = numbers.fmt_date(ctx.sitting.date - dt.timedelta(days=rng.randint(10, 400)), "d_month_y")
    v["ref"] = f"{ctx.sitting.date.year - 1}-{rng.randint(10, 120)}"
    v["member_civ"] = ctx.plan.names.single(rng.choice(ctx.sitting.attendance.present), ctx.vocab)
    for text in ctx.vocab.sample(rng, "items.expose", rng.randint(1, 3 + ctx.plan.verbosity)):
        ctx.add(fill(text, v), "para")
    if rng.random() < 0.3:
        for text in ctx.vocab.sample(rng, "items.bullet", rng.randint(2, 4)):
            ctx.add(fill(text, v), "keep")
    if rng.random() < 0.12:
        for text in ctx.vocab.sample(rng, "items.budget_line", rng.randint(2, 4)):
            ctx.add(fill(text, v), "keep")
    for path in ("items.vu", "items.considerant"):
        for text in ctx.vocab.sample(rng, path, rng.randint(0, 3)):
            ctx.add(fill(text, v), "para")


def render_info(ctx: Ctx, item: Item, style: dict, n: int) -> None:
    """An information item: numbered like the others when the numbering is by item."""
    v = {**ctx.values, **item_values(ctx.rng("body"), ctx.vocab, ctx.sitting)}
    v["n1"] = v["n"] + 1
    v["member_civ"] = ctx.plan.names.single(ctx.rng("body").choice(ctx.sitting.attendance.present), ctx.vocab)
    title, bold = cased(ctx, fill(item.title, v))
    by_item = "{n}" in style["t"] or "{roman}" in style["t"]
    prefix = fill(style["t"], number_values(ctx, n, 0)) + " " if by_item else ""
    ctx.add(prefix + title, "para", bold=bold)
    for text in fill(item.decision, v).split("\n"):
        ctx.add(text, "para")


def departure_text(ctx: Ctx, item: Item) -> str:
    """'M. X quitte la séance à 21 h 40 (présents : 14 – votants : 20).'"""
    after, rng = item.attendance, ctx.rng("items")
    absents = ""
    if "absents" in ctx.plan.counts_shown:  # the sitting counted its absents: so does the note
        absents = fill(ctx.pick("items", "attendance.departure_absents"), {"a": ctx.sitting.exercice - after.presents})
    counts = fill(ctx.pick("items", "attendance.departure_counts"),
                  {"p": after.presents, "v": after.votants, "absents": absents})
    hour = numbers.fmt_time(dt.time(min(23, ctx.sitting.time.hour + rng.randint(1, 2)), rng.choice([5, 20, 40])), "h_spaced")
    values = {"who": ctx.plan.names.single(item.leaver, ctx.vocab), "hour": hour, "counts": counts}
    return fill(ctx.pick("items", "attendance.departure"), values)


def member_truth(ctx: Ctx, item: Item) -> tuple[list[str], list[dict]]:
    """Full lists for an item after a member left: the sitting's, the leavers moved to absent."""
    bare = ctx.plan.names.bare
    here = {bare(m) for m in item.attendance.present}
    present = [name for name in ctx.truth.sitting["present"] or [] if name in here]
    absent = list(ctx.truth.sitting["absent"] or [])
    listed = {entry["name"] for entry in absent}
    absent += [{"name": bare(a.member), "excused": None, "proxy_holder": None}
               for a in item.attendance.absences if bare(a.member) not in listed]
    return present, absent
