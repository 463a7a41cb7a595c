"""A seeded, combinatorial generator of French council deliberation documents and their
ground truth, in the label format of tests/data/labels/README.md.

    from tests.generator import generate
    doc = generate(42, "test")          # Generated: name, text, labels, pdf()
    doc.labels["deliberations"][0]["pour"]

Every element (document kind, body, heading, opening, count box and its layout, lists,
proxies, dates, votes, numbering, line breaks, pages, noise) is drawn on its own from a
stream seeded by (split, seed). `split="test"` draws the phrasings tagged test in
data/*.json, never seen by a reader tuned on dev; `split="dev2"`, `"dev3"`, `"dev4"` and `"dev5"`
the phrasings of a second, a third, a fourth and a fifth hand (see vocab.py). Seed ranges of the benchmark: SEEDS.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from . import plant
from .context import Ctx
from .document import build, draw_plan
from .items import draw_items
from .layout import Page, anchors, draw_style, lay_out, text_of
from .model import Sitting, draw_sitting
from .vocab import Vocab

VERSION = 1
KINDS = ("extract", "register", "minutes")
# Seeds the accuracy benchmark uses for each split (any int works; these are the fixed sets).
SEEDS = {"dev": range(0, 1000), "test": range(1_000_000, 1_001_000), "dev2": range(2_000_000, 2_001_000),
         "dev3": range(3_000_000, 3_001_000), "dev4": range(4_000_000, 4_001_000),
         "dev5": range(5_000_000, 5_001_000)}
PLANTED_SHARE = 0.4
_VOCABS = {split: Vocab(split) for split in SEEDS}


@dataclass
class Generated:
    name: str
    text: str
    labels: dict
    pages: list[Page] = field(repr=False)

    def pdf(self) -> bytes:
        """The PDF form (same pages and lines as the text, so the same labels)."""
        from .pdf import render_pdf
        return render_pdf(self.pages)[0]

    @property
    def pdf_exact(self) -> bool:
        """Whether the PDF keeps every character (a Unicode font was found)."""
        from .pdf import find_fonts
        return find_fonts() is not None

    def write(self, out: Path, pdf: bool = False) -> list[Path]:
        """<name>.txt, <name>.labels.json and, if asked, <name>.pdf in `out`."""
        import json
        out.mkdir(parents=True, exist_ok=True)
        labels = dict(self.labels)
        paths = [out / f"{self.name}.txt", out / f"{self.name}.labels.json"]
        paths[0].write_text(self.text, "utf-8")
        if pdf:
            paths.append(out / f"{self.name}.pdf")
            paths[-1].write_bytes(self.pdf())
            labels["pdf"] = paths[-1].name
        paths[1].write_text(json.dumps(labels, ensure_ascii=False, indent=1) + "\n", "utf-8")
        return paths


def generate(seed: int, split: str = "dev", kind: str | None = None, *, ocr_noise: bool = False,
             rule: str | None = None, planted: bool | None = None) -> Generated:
    """One document. `kind` (extract, register, minutes) and `rule` (a check id to plant) are
    drawn when not given; `planted=False` gives a consistent document."""
    vocab = _VOCABS[split] if split in _VOCABS else Vocab(split)  # Vocab refuses an unknown split
    key = f"registre-generator:v{VERSION}:{split}:{seed}"
    kind, rule = _kind_and_rule(random.Random(f"{key}:choices"), kind, rule, planted)
    sitting = draw_sitting(random.Random(f"{key}:world"), vocab, plant.needs(rule))
    draw_items(random.Random(f"{key}:items"), vocab, sitting, kind, may_leave=rule is None)
    plan = draw_plan(random.Random(f"{key}:plan"), vocab, sitting, kind)
    planted_entries = _plant(rule, plan, sitting, random.Random(f"{key}:plant"))
    ctx = Ctx(key, vocab, sitting, plan)
    build(ctx)
    curly = random.Random(f"{key}:apostrophe").random() < 0.5  # a word processor's ’
    for line in ctx.lines if curly else ():
        line.text = line.text.replace("'", "’")
    style = draw_style(random.Random(f"{key}:layout"), vocab, ocr_noise, kind)
    pages = lay_out(ctx.lines, style, vocab, random.Random(f"{key}:noise"), ctx.values)
    name, text = f"gen-{split}-{seed}", text_of(pages)
    labels = _labels(ctx, name, (split, seed, ocr_noise), pages, text, planted_entries)
    return Generated(name, text, _curly(labels) if curly else labels, pages)


def _kind_and_rule(rng: random.Random, kind: str | None, rule: str | None,
                   planted: bool | None) -> tuple[str, str | None]:
    kind = kind or rng.choices(KINDS, [4, 2, 4])[0]
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    if rule is None and (planted if planted is not None else rng.random() < PLANTED_SHARE):
        rule = rng.choice(plant.RULES)
    if rule is not None and rule not in plant.RULES:
        raise ValueError(f"rule must be one of {plant.RULES}, not {rule!r}")
    return kind, rule


def _plant(rule: str | None, plan, sitting: Sitting, rng: random.Random) -> list[dict]:
    if rule is None:
        return []
    count = sum(1 for item in sitting.items if not item.info)
    target = rng.randrange(count) if rule in plant.ITEM_RULES else 0
    plant.force(rule, plan, target)
    return [plant.apply(rule, plan, sitting, rng, target)]


def _labels(ctx: Ctx, name: str, origin: tuple, pages: list[Page], text: str, planted: list[dict]) -> dict:
    """The truth in the label format, with where it came from (split, seed, ocr_noise)."""
    split, seed, ocr_noise = origin
    _stated_by_text(ctx, text)
    sitting, deliberations = ctx.truth.export()
    found = anchors(pages)
    sitting["page"] = found.get("sitting", 1)
    for i, delib in enumerate(deliberations):
        delib["page"] = found.get(f"delib:{i}", sitting["page"])
    plan = ctx.plan
    return {
        "source": "generated", "path": f"{name}.txt", "split": split,
        "council": ctx.sitting.body.name, "kind": plan.kind, "labelled_from": "generator",
        "generator": {"version": VERSION, "seed": seed, "ocr_noise": ocr_noise},
        "notes": [f"count box: {plan.count_layout if plan.counts_shown else 'none'}, {plan.count_format}",
                  f"absences: {plan.absence_style if plan.absences_list else 'not listed'}",
                  f"names: {plan.names.order}, civility {plan.names.civ}, separator {plan.list_sep!r}",
                  f"dates: {plan.date_style}, times: {plan.time_style}"],
        "sittings": [sitting], "deliberations": deliberations, "planted": planted,
    }


def _curly(value, key: str = ""):
    """The labels' values with the apostrophe the text prints (not the generator's notes)."""
    if key in ("notes", "generator", "planted", "path", "source"):
        return value
    if isinstance(value, str):
        return value.replace("'", "’")
    if isinstance(value, list):
        return [_curly(v) for v in value]
    if isinstance(value, dict):
        return {k: _curly(v, k) for k, v in value.items()}
    return value


def _stated_by_text(ctx: Ctx, text: str) -> None:
    """Names any template may print (the organe in a vote sentence, the body in a running
    header) are stated when they appear."""
    folded = " ".join(text.split()).casefold()
    truth, body = ctx.truth.sitting, ctx.sitting.body
    if truth["organe"] is None and body.organe.casefold() in folded:
        truth["organe"] = body.organe
    if truth["collectivite"] is None and body.name.casefold() in folded:
        truth["collectivite"] = body.name
