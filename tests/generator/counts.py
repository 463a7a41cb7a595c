"""The count box, in the layouts councils print it.

"Membres en exercice : 57 – Présents : 29 – Pouvoirs : 12 – Votants : 41" (one line);
"Nombre de Conseillers en exercice : 18" per line (Clairoix); a row of labels over a row of
values; every label then every value ("… Pouvoirs : 29 27 2", Avranches);
"(15 présents ; 6 pouvoirs)" inside a sentence (Fargues); a tab-separated table.
"""
from __future__ import annotations

from .context import Ctx, Line
from .numbers import fmt_count
from .vocab import cap, fill

TRUTH_KEY = {"exercice": "membres_en_exercice", "presents": "presents", "pouvoirs": "pouvoirs",
             "votants": "votants", "absents": "absents"}


def label(ctx: Ctx, field: str) -> str:
    return cap(fill(ctx.pick("counts", f"counts.label_{field}"), ctx.values))


def value(ctx: Ctx, field: str) -> str:
    return fmt_count(ctx.plan.stated_counts[field], ctx.plan.count_format)


def state(ctx: Ctx, fields: list[str]) -> None:
    for field in fields:
        ctx.truth.sitting[TRUTH_KEY[field]] = ctx.plan.stated_counts[field]


def count_lines(ctx: Ctx) -> list[Line]:
    """The box as lines, in the plan's layout (empty when the plan prints no count)."""
    fields = ctx.plan.counts_shown
    if not fields:
        return []
    state(ctx, fields)
    lines = LAYOUTS[ctx.plan.count_layout](ctx, fields)
    if ctx.plan.afferents and ctx.plan.count_layout not in ("brackets", "value_first"):
        text = f"{label(ctx, 'afferents')}{ctx.pick('counts', 'counts.colon')}{ctx.sitting.seats}"
        lines.insert(0, Line(text, "field"))
    return lines


def _pairs(ctx: Ctx, fields: list[str]) -> list[str]:
    colon = ctx.pick("counts", "counts.colon")
    return [f"{label(ctx, f)}{colon}{value(ctx, f)}" for f in fields]


def _one_line(ctx: Ctx, fields: list[str]) -> list[Line]:
    return [Line(ctx.pick("counts", "counts.one_line_sep").join(_pairs(ctx, fields)), "field")]


def _per_line(ctx: Ctx, fields: list[str]) -> list[Line]:
    return [Line(text, "field") for text in _pairs(ctx, fields)]


def _interleaved(ctx: Ctx, fields: list[str]) -> list[Line]:
    """Per line, indented as a side box read into the text (Eybens: ' Elus présents : 17')."""
    return [Line(" " + text, "keep") for text in _pairs(ctx, fields)]


def _value_first(ctx: Ctx, fields: list[str]) -> list[Line]:
    return [Line(_value_first_text(ctx, f), "field") for f in fields]


def _value_first_text(ctx: Ctx, field: str) -> str:
    return fill(ctx.pick("counts", f"counts.value_first_{field}"), {**ctx.values, "v": value(ctx, field)})


def _brackets(ctx: Ctx, fields: list[str]) -> list[Line]:
    """'Après avoir constaté que le quorum était atteint (15 présents ; 6 pouvoirs), …'."""
    inside = ctx.pick("counts", "counts.bracket_sep").join(_value_first_text(ctx, f) for f in fields)
    sentence = ctx.pick("counts", "counts.bracket_sentence")
    return [Line(fill(sentence, {**ctx.values, "inside": inside}), "para")]


def _rows(ctx: Ctx, fields: list[str]) -> list[Line]:
    """A row of labels over a row of values, aligned with spaces."""
    labels = [label(ctx, f) for f in fields]
    values = [value(ctx, f) for f in fields]
    widths = [max(len(a), len(b)) + 4 for a, b in zip(labels, values)]
    top = "".join(a.ljust(w) for a, w in zip(labels, widths)).rstrip()
    bottom = "".join(b.center(w - 4).ljust(w) for b, w in zip(values, widths)).rstrip()
    return [Line(top, "keep"), Line(bottom, "keep")]


def _labels_then_values(ctx: Ctx, fields: list[str]) -> list[Line]:
    """Every label, then every value: a side box read column by column (Avranches)."""
    rule = "_____________" if ctx.rng("counts").random() < 0.5 else None
    lines = []
    for f in fields:
        text = label(ctx, f) + " :"
        words = text.split()
        if len(words) > 3 and ctx.rng("counts").random() < 0.5:  # the box is narrow: the label wraps
            cut = len(words) // 2
            lines += [Line(" ".join(words[:cut]), "keep"), Line(" ".join(words[cut:]), "keep")]
        else:
            lines.append(Line(text, "keep"))
        if rule:
            lines.append(Line(rule, "keep"))
    return lines + [Line(value(ctx, f), "keep") for f in fields]


def _tabs(ctx: Ctx, fields: list[str]) -> list[Line]:
    """A table: 'label<TAB>value' rows, or a header row over a value row."""
    if ctx.rng("counts").random() < 0.5:
        return [Line(f"{label(ctx, f)}\t{value(ctx, f)}", "keep") for f in fields]
    return [Line("\t".join(label(ctx, f) for f in fields), "keep"),
            Line("\t".join(value(ctx, f) for f in fields), "keep")]


LAYOUTS = {"one_line": _one_line, "per_line": _per_line, "rows": _rows, "value_first": _value_first,
           "brackets": _brackets, "labels_then_values": _labels_then_values, "tabs": _tabs,
           "interleaved": _interleaved}
