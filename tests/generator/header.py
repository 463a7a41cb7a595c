"""The session header: the body's name, the heading, the sitting's date line, the opening
sentence, convocation, president and secretary.

"L'an deux mille vingt-quatre, le onze avril à 20 h 30, le Conseil municipal de la commune
de Montcaillou, dûment convoqué, s'est réuni à la mairie, sous la présidence de Monsieur
Jean MARTIN, Maire." — "Le 17 septembre 2025 à 14h30, le Comité syndical, convoqué le 12
septembre 2025, s'est réuni …" — "Séance du lundi 1 février 2016".
"""
from __future__ import annotations

import datetime as dt

from . import numbers
from .context import Ctx
from .people import name
from .vocab import cap, de, fill

KIND_OF_THIS = {"commune": "de cette commune", "cc": "de la communauté", "ca": "de la communauté",
                "syndicat": "du syndicat", "departement": "du Département"}


def organe_cased(organe: str, case: str) -> str:
    if case == "title":
        return " ".join(w.capitalize() for w in organe.split())
    return {"upper": organe.upper(), "lower": organe.lower()}.get(case, organe)


def set_values(ctx: Ctx) -> None:
    """Every placeholder the templates use, and what each one states in the truth."""
    s, v = ctx.sitting, ctx.values
    _body_values(ctx)
    _date_values(ctx, s.date, s.time)
    _officer_values(ctx)
    v["conv"] = numbers.fmt_date(s.convocation, ctx.pick("header", "header.date_style").replace("words", "d_month_y"))
    aff = _affichage(ctx)
    v["aff"] = numbers.fmt_date(aff, "slash" if "/" in v["conv"] else "d_month_y")
    ctx.affichage_after = aff > s.date  # the minutes' posting: no phrase of the convocation says it
    lieu = ctx.pick("header", "collectivites.lieu")
    v["lieu_phrase"] = fill(lieu["t"], v)
    lieu_truth = fill(lieu["lieu"], v) if lieu["lieu"] else None
    ctx.stated.update({
        "conv": ("convocation_date", s.convocation.isoformat()),
        "lieu_phrase": ("lieu", lieu_truth),
    })


def _body_values(ctx: Ctx) -> None:
    v, body = ctx.values, ctx.sitting.body
    case = ctx.pick("header", "header.organe_case")
    organe = organe_cased(body.organe, case)
    le, du, au = ("la ", "de la ", "à la ") if body.feminine else ("le ", "du ", "au ")
    v.update(body.values)
    v.update(body=body.name, BODY=body.name.upper(), body_de=body.body_de, organe=organe,
             ORGANE=body.organe.upper(), le_organe=le + organe, Le_organe=cap(le) + organe,
             LE_ORGANE=(le + organe).upper(), du_organe=du + organe, DU_ORGANE=(du + organe).upper(),
             du_ORGANE=du + body.organe.upper(), au_organe=au + organe,
             e="e" if body.feminine else "", of_this=KIND_OF_THIS[body.kind],
             place=body.place, de_place=de(body.place), dept_line=body.values["dept"])
    noun = ctx.pick("header", f"collectivites.kinds.{body.kind}.nouns")
    v.update(noun=noun, Noun=cap(noun))
    v["of_body"] = fill(ctx.pick("header", f"collectivites.kinds.{body.kind}.of_body"), v)
    v["convoque"] = fill(ctx.pick("header", "header.convoque"), v)
    v["session"] = ctx.pick("header", "header.session")
    for key in ("organe", "ORGANE", "le_organe", "Le_organe", "LE_ORGANE", "du_organe", "DU_ORGANE",
                "du_ORGANE", "au_organe"):
        ctx.stated[key] = ("organe", body.organe)
    for key in ("body", "BODY"):
        ctx.stated[key] = ("collectivite", body.name)


def _date_values(ctx: Ctx, date: dt.date, time: dt.time) -> None:
    v, plan = ctx.values, ctx.plan
    join = "-" if ctx.rng("header").random() < 0.6 else " "
    mil = date.year < 2010 and ctx.rng("header").random() < 0.4
    weekday = numbers.WEEKDAYS[date.weekday()]
    v.update(date=numbers.fmt_date(date, plan.date_style),
             date_nowd=numbers.fmt_date(date, "d1er_month_y" if plan.date_style == "Weekday" else "d_month_y"),
             weekday=weekday.capitalize() if plan.date_style == "Weekday" else weekday,
             year_words=numbers.words(date.year, join, mil), day_words=numbers.day_words(date.day, join),
             month=numbers.MONTHS[date.month - 1], date_dots=date.strftime("%d.%m.%Y"),
             time=numbers.fmt_time(time, plan.time_style), time_words=numbers.time_words(time, join),
             year=date.year, year0=date.year - 1, year1=date.year + 1, year3=date.year + 3)
    v.update(DATE=v["date"].upper(), TIME=v["time"].upper())
    for key in ("date", "DATE", "date_nowd", "year_words"):
        ctx.stated[key] = ("session_date", date.isoformat())
    for key in ("time", "TIME", "time_words"):
        ctx.stated[key] = ("session_time", time.strftime("%H:%M"))


def _officer_values(ctx: Ctx) -> None:
    s, v, body = ctx.sitting, ctx.values, ctx.sitting.body
    spec = ctx.vocab.node(f"collectivites.kinds.{body.kind}")
    pres, sec, order = s.president, s.secretary, ctx.plan.officer_order
    title = spec["president"][pres.gender]
    v.update(Title=title, Title_short=title.split()[0], title_short=title.split()[0].lower())
    v["title"] = fill(ctx.pick("header", f"collectivites.kinds.{body.kind}.president_title"), v)
    article = "Madame la" if pres.gender == "f" else "Monsieur le"
    v.update(the_title=f"{article} {v['Title_short']}", the_title_cap=f"{article} {v['Title_short']}",
             pres_short=f"{article} {v['Title_short']}")
    civ = ctx.vocab.node("attendance.civility")["long" if ctx.rng("header").random() < 0.6 else "each"]
    v["pres"] = f"{civ[pres.gender]} {name(pres, order)}"
    v["sec"] = name(sec, order)
    v["sec_civ"] = f"{civ[sec.gender]} {name(sec, order)}"
    v["se"] = sec.e
    ctx.stated.update(pres=("president", name(pres, order)), sec=("secretaire", name(sec, order)),
                      sec_civ=("secretaire", name(sec, order)))


def _affichage(ctx: Ctx) -> dt.date:
    """A date near the convocation (its posting) or after the sitting (the minutes' posting)."""
    s, rng = ctx.sitting, ctx.rng("header")
    if rng.random() < 0.5 and s.convocation < s.date:
        return min(s.convocation + dt.timedelta(days=rng.randint(0, 1)), s.date)
    return s.date + dt.timedelta(days=rng.randint(2, 9))


def render_top(ctx: Ctx, heading_path: str) -> None:
    """Body line, heading and the sitting's date line."""
    rng = ctx.rng("header")
    first = ctx.add(ctx.say(ctx.pick("header", "header.body_line")), "head", center=rng.random() < 0.5)
    first.anchor = "sitting"
    heading = ctx.say(ctx.pick("header", heading_path))
    ctx.add(heading, "head", bold=rng.random() < 0.5, center=rng.random() < 0.7)
    if ctx.values["date"] not in heading or rng.random() < 0.3:
        path = "header.session_line_time" if rng.random() < 0.25 else "header.session_line"
        ctx.add(ctx.say(ctx.pick("header", path)), "head", center=rng.random() < 0.6)
    if rng.random() < 0.7:
        ctx.blank()


def render_opening(ctx: Ctx) -> set[str]:
    """The opening sentence (most documents have one); returns what it stated."""
    if ctx.rng("header").random() < 0.12:
        return set()
    opening = ctx.pick("header", "header.opening")
    ctx.add(ctx.say(opening["t"]), "para")
    return set(opening["has"])


def render_convocation(ctx: Ctx, opened: set[str]) -> None:
    rng = ctx.rng("header")
    if ctx.plan.convocation_line and ("conv" not in opened or rng.random() < 0.3):
        ctx.add(ctx.say(ctx.pick("header", "header.convocation")), "field")
    if rng.random() < 0.25:
        said = ctx.pick("header", "header.affichage")
        if ctx.affichage_after and "convocation" in said.lower():
            # "Convocation affichée le 13 février 2012" after a sitting of the 8th says a convocation
            # posted late (an inconsistency a reader is right to report), not the act's posting
            said = next((t for t in ctx.vocab.variants("header.affichage") if "convocation" not in t.lower()), said)
        ctx.add(ctx.say(said), "field")


def render_president(ctx: Ctx, opened: set[str]) -> None:
    if "pres" not in opened and ctx.rng("header").random() < 0.6:
        ctx.add(ctx.say(ctx.pick("header", "header.president")), "field")


def render_secretary(ctx: Ctx) -> None:
    if ctx.rng("header").random() < 0.9:
        ctx.add(ctx.say(ctx.pick("header", "header.secretary")), "field")
