"""Whole documents: a single extract, a register of extracts sharing one session header,
or the minutes of a sitting with numbered items."""
from __future__ import annotations

import datetime as dt
import random

from . import numbers
from .attendance import render_attendance
from .context import OMIT, Ctx, Plan
from .counts import count_lines
from .header import (render_convocation, render_opening, render_president, render_secretary,
                     render_top, set_values)
from .items import (departure_text, member_truth, number_values, numbering, render_body, render_info,
                    render_title)
from .model import Item, Sitting
from .people import draw_name_style
from .vocab import Vocab, fill
from .votes import render_outcome

COUNT_FIELDS = ("exercice", "presents", "pouvoirs", "votants", "absents")
SHOW_CHANCE = {"exercice": 0.8, "presents": 0.85, "pouvoirs": 0.6, "votants": 0.65, "absents": 0.2}


def draw_plan(rng: random.Random, vocab: Vocab, sitting: Sitting, kind: str) -> Plan:
    """The layout choices of one document, each drawn on its own."""
    names = draw_name_style(rng, vocab)
    shown = [f for f in COUNT_FIELDS if rng.random() < SHOW_CHANCE[f]] if rng.random() < 0.85 else []
    layout = vocab.pick(rng, "counts.layout")
    sep = vocab.pick(rng, "attendance.separator")
    if names.order == "LAST_comma_first":  # "MARTIN, Anne" needs another separator
        sep = rng.choice([" ; ", "\n"])
    absence_style = "lines" if layout == "interleaved" else vocab.pick(rng, "attendance.absence_style")
    return Plan(
        kind=kind, counts_shown=shown, count_layout=layout, count_position=vocab.pick(rng, "counts.position"),
        count_format=vocab.pick(rng, "counts.count_format"), present_list=rng.random() < 0.88,
        absences_list=rng.random() < 0.85, absence_style=absence_style, names=names,
        officer_order=rng.choice([names.order, names.order, "first_LAST"]).replace("LAST_comma_first", "LAST_first"),
        date_style=vocab.pick(rng, "header.date_style"), time_style=vocab.pick(rng, "header.time_style"),
        convocation_line=rng.random() < 0.75, afferents=rng.random() < 0.12, stamp=rng.random() < 0.5,
        list_order=vocab.pick(rng, "attendance.order"), list_sep=sep, list_last=vocab.pick(rng, "attendance.last_separator"),
        proxy_civ=names.civ != "none" and rng.random() < 0.7, title_case=vocab.pick(rng, "items.title_case"),
        bold_marks=rng.random() < 0.2, verbosity=rng.choice([0, 1, 3, 6]),
        stated_counts=_true_counts(sitting), present_printed=list(sitting.attendance.present),
        absences_printed=sitting.attendance.copy().absences)


def _true_counts(sitting: Sitting) -> dict[str, int]:
    att = sitting.attendance
    return {"exercice": sitting.exercice, "presents": att.presents, "pouvoirs": att.pouvoirs,
            "votants": att.votants, "absents": sitting.exercice - att.presents}


def render_header(ctx: Ctx, heading_path: str, before_opening=None) -> None:
    """The session header; `before_opening` prints what a document puts above the opening
    sentence (an extract's number and title)."""
    plan = ctx.plan
    render_top(ctx, heading_path)
    box, position = count_lines(ctx), _box_position(plan)
    if position == "top":
        ctx.lines.extend(box)
    if before_opening:
        before_opening()
    opened = render_opening(ctx)
    if position == "after_opening":
        ctx.lines.extend(box)
    render_convocation(ctx, opened)
    render_president(ctx, opened)
    render_attendance(ctx, box if plan.count_layout == "interleaved" else None)
    if position == "after_lists":
        ctx.lines.extend(box)
    render_secretary(ctx)
    if position == "after_secretary":
        ctx.lines.extend(box)
    ctx.blank()


def _box_position(plan: Plan) -> str:
    if plan.count_layout == "brackets":  # a sentence that opens the sitting, after the lists
        return "after_secretary"
    if plan.count_layout == "interleaved":  # woven into the lists by render_attendance
        return "with_lists"
    return plan.count_position


def _stamp(ctx: Ctx, delib: dict, numero: str | None, seq: int) -> None:
    """The prefecture's acknowledgement, carrying the act's identifier (acte_id)."""
    if not ctx.plan.stamp:
        return
    rng, s = ctx.rng("stamp"), ctx.sitting
    siren = {"commune": "21", "cc": "24", "ca": "20", "syndicat": "25", "departement": "22"}[s.body.kind]
    siren += "".join(str(rng.randint(0, 9)) for _ in range(7))
    internal = "".join(ch for ch in (numero or f"{s.date.year}{seq:03d}") if ch.isalnum()).upper()
    acte_id = f"{rng.randint(1, 95):03d}-{siren}-{s.date:%Y%m%d}-{internal}-DE"
    sent = s.date + dt.timedelta(days=rng.randint(1, 9))
    values = {"id": acte_id, "sent": sent.strftime("%d/%m/%Y"), "pub": sent.strftime("%d/%m/%Y")}
    for text in ctx.pick("stamp", "layout.stamp"):
        ctx.add(fill(text, values), "stamp")
    delib["acte_id"] = acte_id


def _votants_for(ctx: Ctx, item: Item) -> int:
    if item.attendance is not None:
        return item.attendance.votants
    return ctx.plan.stated_counts["votants"]


def _deliberation(ctx: Ctx, item: Item, style: dict, n: int, seq: int, stamp: bool = False) -> None:
    """One deliberation: (stamp,) number and title, body, vote and decision."""
    index = len(ctx.truth.deliberations)
    delib = ctx.truth.new_deliberation()
    numero = fill(style["id"], number_values(ctx, n, seq)) if style["id"] else None
    if stamp:
        _stamp(ctx, delib, numero, seq)
    render_title(ctx, item, delib, style, n, seq)
    render_body(ctx, item)
    render_outcome(ctx, item, delib, _votants_for(ctx, item), ctx.plan.forced_votes.get(index))


def render_extract(ctx: Ctx) -> None:
    item, rng = ctx.sitting.items[0], ctx.rng("structure")
    style = numbering(ctx, "items.numbering_extract")
    seq = rng.randint(1, 180)
    top = rng.random() < 0.35
    delib = ctx.truth.new_deliberation()
    numero = fill(style["id"], number_values(ctx, 1, seq)) if style["id"] else None
    _stamp(ctx, delib, numero, seq)
    render_header(ctx, "header.heading_extract",
                  (lambda: render_title(ctx, item, delib, style, 1, seq)) if top else None)
    if not top:
        render_title(ctx, item, delib, style, 1, seq)
    render_body(ctx, item)
    render_outcome(ctx, item, delib, _votants_for(ctx, item), ctx.plan.forced_votes.get(0))
    _signature(ctx, "header.closing_extract")


def _signature(ctx: Ctx, closing_path: str) -> None:
    rng = ctx.rng("structure")
    if rng.random() < 0.7:
        ctx.add(ctx.say(ctx.pick("structure", closing_path)), "para")
    if rng.random() < 0.6:
        ctx.add(ctx.say(ctx.pick("structure", "header.signature")), "field")
        ctx.add(ctx.plan.names.single(ctx.sitting.president, ctx.vocab), "field")
        if ctx.truth.sitting["president"] is None:  # named as signer only: who presided is not said
            ctx.truth.sitting["president"] = OMIT


def render_register(ctx: Ctx) -> None:
    """A shared session header, then one extract per page (or separated by a rule)."""
    rng = ctx.rng("structure")
    numbered = [v for v in ctx.vocab.variants("items.numbering_extract") if v["id"]]
    style, seq = rng.choice(numbered), rng.randint(1, 180)  # extracts of a register are numbered
    render_header(ctx, "header.heading_register")
    new_pages = rng.random() < 0.7
    for i, item in enumerate(ctx.sitting.items):
        if i or rng.random() < 0.3:
            ctx.add("", "break") if new_pages else ctx.add("_" * rng.randint(20, 60), "keep")
        _deliberation(ctx, item, style, i + 1, seq + i, stamp=new_pages or i == 0)
        if rng.random() < 0.5:
            _signature(ctx, "header.closing_extract")


def render_minutes(ctx: Ctx) -> None:
    """Header, maybe the order of the day, then the numbered items and the closing."""
    rng = ctx.rng("structure")
    path = "items.numbering_departement" if ctx.sitting.body.kind == "departement" else "items.numbering_minutes"
    style = numbering(ctx, path)
    render_header(ctx, "header.heading_minutes")
    if rng.random() < 0.4:
        _agenda(ctx, style)
    n, seq = 0, rng.randint(1, 120)
    for item in ctx.sitting.items:
        n += 1
        if rng.random() < 0.6:
            ctx.blank()
        if item.info:
            render_info(ctx, item, style, n)
            continue
        if item.leaver is not None:
            ctx.add(departure_text(ctx, item), "para")
        _deliberation(ctx, item, style, n, seq)
        _item_attendance(ctx, item)
        seq += 1
    end = numbers.fmt_time(dt.time(min(23, ctx.sitting.time.hour + 2), rng.choice([5, 15, 40])), ctx.plan.time_style)
    ctx.add(fill(ctx.pick("structure", "header.closing_minutes"), {"end": end}), "para")


def _agenda(ctx: Ctx, style: dict) -> None:
    """The order of the day: the titles once more, numbered, before the items themselves."""
    ctx.add(ctx.pick("structure", "header.agenda_heading"), "head")
    for n, item in enumerate(ctx.sitting.items, 1):
        ctx.add(f"{n}) {fill(item.title, ctx.values) if item.info else item.title}", "para")
    ctx.blank()


def _item_attendance(ctx: Ctx, item: Item) -> None:
    """An item after a departure carries its own counts and, if the lists were printed, lists."""
    if item.attendance is None:
        return
    delib = ctx.truth.deliberations[-1]
    delib["presents"], delib["votants"] = item.attendance.presents, item.attendance.votants
    if "absents" in ctx.plan.counts_shown:
        delib["absents"] = ctx.sitting.exercice - item.attendance.presents
    present, absent = member_truth(ctx, item)
    if ctx.truth.sitting["present"] is not None:
        delib["present"] = present
    if ctx.truth.sitting["absent"] is not None:
        delib["absent"] = absent


RENDER = {"extract": render_extract, "register": render_register, "minutes": render_minutes}


def build(ctx: Ctx) -> None:
    set_values(ctx)
    RENDER[ctx.plan.kind](ctx)
