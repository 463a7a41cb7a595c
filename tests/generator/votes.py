"""The vote and the decision that close a deliberation.

"Adopté à l'unanimité." — "Délibération adoptée par 14 voix POUR" (Illats) — "Pour 9 /
Abstention 0 / Contre 0" on three lines (Saint-Apollinaire) — a POUR / CONTRE / ABSTENTION
table (Fargues) — "A L'UNANIMITE des votants (31 voix), 8 abstentions" (Bourg-en-Bresse) —
"Résultat du vote : ADOPTÉ À L'UNANIMITÉ" — then "APPROUVE …", "AUTORISE …".
"""
from __future__ import annotations

from .context import OMIT, Ctx, Line
from .model import Item, Vote
from .vocab import fill

FIGURES = {"pour", "contre", "abstentions"}


def applies(when: str, vote: Vote) -> bool:
    kind = vote.kind
    if when == "any":
        return kind != "rejected"
    if when == "split":
        return kind in ("split", "split_no_abst")
    return when == kind


def candidates(ctx: Ctx, vote: Vote, force: str | None) -> list[dict]:
    """The vote sentences that can state this vote (all figures when a plant needs them)."""
    found = [t for t in ctx.vocab.variants("votes.vote") if applies(t["when"], vote)]
    if force == "full":
        found = [t for t in found if FIGURES <= set(t["states"])]
    elif force == "pour_contre":
        found = [t for t in found if {"pour", "contre"} <= set(t["states"])]
    if not found:  # this split has no such sentence: the dev sentences always have one
        found = [t for t in ctx.vocab.node("votes.vote")["dev"]
                 if applies(t["when"], vote) and FIGURES <= set(t["states"])]
    return found


def render_vote(ctx: Ctx, item: Item, delib: dict, votants: int, force: str | None) -> dict:
    """Print the vote sentence; record in `delib` what it states; return its template."""
    vote = item.vote
    template = ctx.rng("votes").choice(candidates(ctx, vote, force))
    values = {**ctx.values, "pour": vote.pour, "contre": vote.contre, "abst": vote.abst,
              "votants": votants, "s_abst": "s" if vote.abst > 1 else "", "S_abst": "S" if vote.abst > 1 else ""}
    lines = fill(template["t"], values).split("\n")
    for line in lines:
        ctx.add(line, "keep" if len(lines) > 1 else "para")
    stated = {"pour": vote.pour, "contre": vote.contre, "abstentions": vote.abst, "votants": votants}
    for key in template["states"]:
        delib[key] = stated[key]
    delib["unanimite"] = _unanimite(template["unanimite"], vote)
    delib["resultat"] = vote.result
    return template


def _unanimite(rule, vote: Vote):
    if rule == "auto":
        return False if (vote.contre or vote.abst) else OMIT
    return OMIT if rule == "omit" else rule


def render_non_votants(ctx: Ctx, item: Item, delib: dict, template: dict) -> None:
    """'Non votants : 1' when a member stays out of the vote; 'Non votants : 0' now and then."""
    vote = item.vote
    if vote.nv:
        who = item.non_voter
        text = fill(ctx.pick("votes", "votes.non_votants"),
                    {"nv": vote.nv, "who": ctx.plan.names.single(who, ctx.vocab), "e": who.e})
        ctx.add(text, "keep")
        delib["non_votants"] = vote.nv
    elif template["states"] and ctx.rng("votes").random() < 0.15:
        ctx.add(ctx.pick("votes", "votes.non_votants_zero"), "keep")
        delib["non_votants"] = 0


def render_decision(ctx: Ctx, item: Item) -> None:
    """'APPROUVE …' and a few more articles, each on its line."""
    rng = ctx.rng("votes")
    prefix = ctx.pick("votes", "items.decision_prefix")  # may number its articles: 'Article {k} : '
    articles = [f"{item.decision}."] + [fill(extra, ctx.values) for extra in
                                         ctx.vocab.sample(rng, "items.decision_extra", rng.randint(0, 2))]
    for k, article in enumerate(articles, 1):
        ctx.add(fill(prefix, {"k": k}) + article, "para")


def render_outcome(ctx: Ctx, item: Item, delib: dict, votants: int, force: str | None) -> None:
    """Deliberates, vote and decision, in one of the orders councils use."""
    rng = ctx.rng("votes")
    vote = item.vote
    deliberates = fill(ctx.pick("votes", "votes.deliberates"), ctx.values)
    if vote.result == "rejete":
        ctx.add(deliberates, "para")
        render_non_votants(ctx, item, delib, render_vote(ctx, item, delib, votants, force))
        return
    order = rng.choice(["vote_first", "decision_first", "decision_first"])
    if order == "vote_first":
        template = render_vote(ctx, item, delib, votants, force)
        if "délibéré" not in template["t"]:  # 'Après en avoir délibéré,' goes above the vote
            ctx.lines.insert(len(ctx.lines) - template["t"].count("\n") - 1, Line(deliberates, "para"))
        render_decision(ctx, item)
    else:
        ctx.add(deliberates, "para")
        render_decision(ctx, item)
        template = render_vote(ctx, item, delib, votants, force)
    render_non_votants(ctx, item, delib, template)
