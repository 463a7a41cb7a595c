"""The arithmetic of a numeric table: which columns and rows are parts, totals, derived
values, shares or rates, proposed by the headers and kept only where the numbers agree.

    nature de la prestation | taux ou forfait | 2014        | 2015        | 2016        | total HT     |
    maîtrise d'œuvre        | 10,10%          | 45 088,86 € | 73 054,60 € | 66 787,54 € | 184 931,00 € | 221 917,20 €
    (label lost)            |                 | 47 188,86 € | 79 039,10 € | 78 243,04 € | 204 471,00 € |

(Fargues-Saint-Hilaire, AP/CP) gives: `total HT` = 2014 + 2015 + 2016 (a `total` column,
its years `part`s), the unheaded last column = total HT × 1.2 (`derived`, the TTC),
`taux ou forfait` a `rate`, the unlabelled row the sub-total of the rows above it.

The rule, the same for every relation:

- A printed figure is exact to half its last printed digit (« 1 007,33 » to 0.005,
  « 143,9 » to 0.05, « 28 790 » to 0.5). A sum agrees with its stated total when they
  differ by no more than the total's half-digit plus each part's; a derived value
  (TTC = HT × 1.2, a "+ 20 %" column) likewise.
- A relation the headers suggest (a column headed Total, a row labelled Total or
  Sous-total, a column headed "+ 20 %" or TVA) is kept when it agrees in at least two
  thirds (`Settings.majority`) of the places where it can be evaluated, and at least once
  with two non-zero parts and a slack under 5 % of the total (one part equal to its total,
  or « 1 + 0,8 = 1,8 » in a table of posts exact to ± 1, proves nothing). A row without
  a label, or a column without a cue, is taken as a total or a derived value on the
  numbers alone, which must then agree in two places at least (every place, for a
  derived column).
- Where a relation is kept, the places where it does not agree are what the checks report;
  a table none of whose totals is kept is not checked (`Arithmetic.row_reasons` and
  `column_reasons` say why).

Rows: a `total` sums the rows above it since the previous total (a budget section), or,
when the numbers say so, everything above not yet summed, sub-totals included (Total TTC =
Total HT + TVA: the Total HT row is then a `subtotal`); "dont …" rows are `sub_item`s,
never summed; "Pourcentage ETP" rows are `derived`; a row of headers inside the table
(the "recettes" half of an AP/CP table) starts a new segment with its own columns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractors.table_figures import Arithmetic, Settings, TableInput, Tally, agrees, scaled
from extractors.tablegrid import YEAR_CELL, fold, load_patterns


@lru_cache(maxsize=None)
def _cues() -> dict[str, re.Pattern]:
    pats = load_patterns("tables")["arithmetic"]
    return {k: re.compile(v) for k, v in pats.items() if isinstance(v, str) and not k.startswith("_")}


def _vat_rates() -> tuple[float, ...]:
    return tuple(r / 100 for r in load_patterns("tables")["arithmetic"]["vat_rates"])


# --- rows -------------------------------------------------------------------------

def row_kind(t: TableInput, r: int) -> str:
    """What the row's texts propose: header, section, sub_item, total, tax, percent,
    candidate (no label, numbers: a total if they say so) or part."""
    cells, texts = t.cells[r], [x for x in t.texts[r] if x]
    values = [c for c in cells if c.value is not None or c.doubtful]
    words = [fold(x) for x in t.words(r)]
    cue = _cues()
    if len(texts) >= 2 and not any(c.value is not None and not YEAR_CELL.match(x.strip())
                                   for c, x in zip(cells, t.texts[r])):
        return "header"  # "Financeurs | Montant (€ HT) | %", "2014 | 2015 | 2016 | total"
    if not values:
        return "section"
    for kind in ("sub_item", "total", "tax", "percent"):
        if any(cue[f"{kind}_row"].search(w) for w in words):
            return kind
    return "candidate" if not t.labels[r] else "part"


def segments(kinds: list[str]) -> list[tuple[int | None, list[int]]]:
    """Rows split at header rows: (the header row or None, the rows under it)."""
    out: list[tuple[int | None, list[int]]] = [(None, [])]
    for r, kind in enumerate(kinds):
        if kind == "header":
            out.append((r, []))
        else:
            out[-1][1].append(r)
    return [(h, rows) for h, rows in out if rows]


# --- columns ----------------------------------------------------------------------

@dataclass
class Column:
    index: int
    name: str  # the header as written, or col<i>
    numeric: bool
    percent: bool  # holds percentages (cells with %, or a header saying so)
    total: bool  # headed Total
    ttc: bool
    factors: tuple[float, ...]  # the rates its header states or implies ("+ 20 %" -> 0.2)
    cumulative: bool
    year: bool


def classify(t: TableInput, c: int, header: str, rows: list[int]) -> Column:
    folded, cue = fold(header), _cues()
    values = [(t.cells[r][c], t.texts[r][c]) for r in rows if t.cells[r][c].value is not None]
    increment = cue["increment_column"].search(folded)
    pct_cells = sum("%" in text for _, text in values)
    euros = any("€" in text for _, text in values)  # "Part communale": amounts, not shares
    percent = not increment and bool(values) and (
        pct_cells * 2 > len(values) or (not euros and bool(cue["percent_column"].search(folded))))
    return Column(c, header or f"col{c}", bool(values), percent,
                  bool(cue["total_column"].search(folded)), bool(cue["ttc_column"].search(folded)),
                  _factors(folded, increment), bool(cue["cumulative_column"].search(folded)),
                  bool(YEAR_CELL.match(header.strip())))


def _factors(folded: str, increment: re.Match | None) -> tuple[float, ...]:
    """"+ 20 %" -> (0.2,); "TVA 5,5 %" -> (0.055,); "TVA" -> the VAT rates; "TTC" -> 1 + each."""
    cue = _cues()
    if increment:
        return (float(increment.group(1).replace(",", ".")) / 100,)
    stated = cue["stated_rate"].search(folded)
    rates = (float(stated.group(1).replace(",", ".")) / 100,) if stated else _vat_rates()
    if cue["tax_column"].search(folded):
        return rates
    if cue["ttc_column"].search(folded):
        return tuple(1 + r for r in rates)
    return ()


def segment_columns(t: TableInput, header_row: int | None, rows: list[int]) -> list[Column]:
    """The segment's columns, headed by its own header row where it has one."""
    heads = [(t.texts[header_row][c] if header_row is not None else "") or t.header[c]
             for c in range(t.width)]
    return [classify(t, c, heads[c], rows) for c in range(t.width)]


# --- total rows: each column's cells add up to them -----------------------------------

@dataclass(frozen=True)
class Item:
    row: int
    kind: str  # part | tax (a TVA line: an amount derived from the total above, summed like a part) | total


@dataclass
class Verdict:
    """A total row read one way: `block` (the rows since the previous total) or `all`
    (everything above not yet summed: sub-totals, then rows under none)."""

    row: int
    hypothesis: str
    tally: Tally = field(default_factory=Tally)
    sums: dict[int, list[int]] = field(default_factory=dict)  # column -> rows it sums
    outcome: dict[int, tuple[bool, bool]] = field(default_factory=dict)  # column -> (agrees, telling)
    subtotals: set[int] = field(default_factory=set)  # total rows it sums (`all`)


def _summed(items: list[Item], hypothesis: str) -> list[Item]:
    if hypothesis == "all":
        return list(items)
    tail: list[Item] = []
    for item in reversed(items):
        if item.kind == "total":
            break
        tail.append(item)
    return tail[::-1]


def _verdict(t: TableInput, r: int, pending: dict[int, list[Item]], columns: list[Column],
             hypothesis: str, settings: Settings) -> Verdict:
    verdict = Verdict(r, hypothesis)
    for col in columns:
        stated, items = t.cells[r][col.index], _summed(pending[col.index], hypothesis)
        if stated.value is None or not items:
            continue
        if col.percent and abs(stated.value - settings.whole) > 1:
            continue  # an average rate on the total row, not a sum
        ok, telling = agrees(stated, [t.cells[i.row][col.index] for i in items])
        verdict.tally.add(ok, telling)
        verdict.sums[col.index], verdict.outcome[col.index] = [i.row for i in items], (ok, telling)
        verdict.subtotals |= {i.row for i in items if i.kind == "total"}
    return verdict


def _best_verdict(t, r, pending, columns, settings) -> Verdict:
    block = _verdict(t, r, pending, columns, "block", settings)
    whole = _verdict(t, r, pending, columns, "all", settings)
    return whole if whole.tally.agree > block.tally.agree else block


def _accepted(kind: str, verdict: Verdict, settings: Settings) -> bool:
    """A row labelled Total needs one agreement; a row without a label is a total on the
    numbers alone: two agreements, one of them telling, and the majority."""
    if kind == "total":
        return verdict.tally.agree >= 1
    return verdict.tally.kept(settings.majority, least=2)


def _absorb(pending: dict[int, list[Item]], t: TableInput, verdict: Verdict) -> None:
    for col, items in pending.items():
        summed = set(verdict.sums.get(col, ()))
        items[:] = [i for i in items if i.row not in summed]
        if t.cells[verdict.row][col].value is not None:
            items.append(Item(verdict.row, "total"))


def _scaled_row(t: TableInput, r: int, base: int, columns: list[Column]) -> float | None:
    """The VAT factor that makes row `r` = row `base` × factor in every column (two at
    least): a Total TTC row under its Total HT, labelled or not."""
    pairs = [(t.cells[r][c.index], t.cells[base][c.index]) for c in columns]
    pairs = [(d, b) for d, b in pairs if d.value is not None and b.value]
    for factor in (1 + v for v in _vat_rates()):
        tests = [scaled(d, b, factor) for d, b in pairs]
        if len(tests) >= 2 and all(tests):
            return factor
    return None


def walk_rows(t: TableInput, rows: list[int], kinds: list[str], columns: list[Column],
              settings: Settings, out: Arithmetic) -> list[Verdict]:
    """Down one segment, each column's rows not yet summed; a total row sums them the
    way its numbers agree with (`_best_verdict`), or is read as derived, or as a part."""
    summable = [c for c in columns if c.numeric and not c.cumulative]
    pending: dict[int, list[Item]] = {c.index: [] for c in summable}
    found: list[Verdict] = []
    for r in rows:
        kind = kinds[r]
        if kind in ("total", "candidate"):
            verdict = _best_verdict(t, r, pending, summable, settings)
            if _accepted(kind, verdict, settings):
                _absorb(pending, t, verdict)
                found.append(verdict)
                continue
            if _not_a_sum(t, r, kind, verdict, found, summable, out):
                continue
            out.row_roles[r] = "part"
        if kind in ("part", "candidate", "tax"):
            for c in summable:
                cell = t.cells[r][c.index]
                if cell.value is not None or cell.doubtful:
                    pending[c.index].append(Item(r, "tax" if kind == "tax" else "part"))
    return found


def _not_a_sum(t: TableInput, r: int, kind: str, verdict: Verdict, found: list[Verdict],
               columns: list[Column], out: Arithmetic) -> bool:
    """A total row that sums nothing above it: the TTC of the total above (`derived`), or,
    labelled Total, an `unconfirmed_total`; False for an unlabelled row (then a part)."""
    base = found[-1].row if found else None
    factor = _scaled_row(t, r, base, columns) if base is not None else None
    if factor:
        out.row_roles[r] = "derived"
        out.relations.append(f"« {t.name_of_row(r)} » = « {t.name_of_row(base)} » × {factor:g}")
    elif kind == "total":
        out.row_roles[r] = "unconfirmed_total"
        out.column_reasons.append(f"la ligne « {t.name_of_row(r)} » n'est la somme d'aucune colonne "
                                  f"au-dessus ({verdict.tally})")
    return bool(factor) or kind == "total"


def settle_total_rows(t: TableInput, found: list[Verdict], settings: Settings, out: Arithmetic) -> None:
    """Keep the total rows when, pooled, their sums agree in most places; a column whose
    sums never agree (twice or more) holds no sums (an average) and is left out."""
    _drop_columns_never_agreeing(found)
    pooled = Tally()
    for v in found:
        for ok, telling in v.outcome.values():
            pooled.add(ok, telling)
    if not found:
        out.column_totals = "unconfirmed" if "unconfirmed_total" in out.row_roles else "none"
        return
    if not pooled.kept(settings.majority):
        out.column_totals = "unconfirmed"
        out.column_reasons.append(
            f"les lignes de total ne s'accordent avec leurs colonnes qu'en {pooled} cas"
            if pooled.agree < settings.majority * pooled.places or not pooled.agree else
            "chaque total n'y reprend qu'un nombre : rien n'est additionné")
        for v in found:
            out.row_roles[v.row] = "unconfirmed_total"
        return
    out.column_totals = "confirmed"
    _record_total_rows(t, found, out, pooled)


def _drop_columns_never_agreeing(found: list[Verdict]) -> None:
    columns = {col for v in found for col in v.outcome}
    for col in columns:
        outcomes = [v.outcome[col][0] for v in found if col in v.outcome]
        if len(outcomes) >= 2 and not any(outcomes):
            for v in found:
                v.outcome.pop(col, None)
                v.sums.pop(col, None)


def _record_total_rows(t: TableInput, found: list[Verdict], out: Arithmetic, pooled: Tally) -> None:
    subtotals = {r for v in found for r in v.subtotals}
    cue = _cues()["subtotal_row"]
    for v in found:
        label = t.name_of_row(v.row)
        out.row_roles[v.row] = "subtotal" if v.row in subtotals or cue.search(fold(label)) else "total"
        for col, rows in v.sums.items():
            out.total_of_rows[(v.row, col)] = rows
        rows = sorted({r for rs in v.sums.values() for r in rs})
        if rows:
            named = [f"« {t.name_of_row(r)} »" for r in rows if r in v.subtotals]
            others = len(rows) - len(named)
            named += [f"{others} ligne{'s' * (others > 1)}"] if others else []
            agreeing = sum(ok for ok, _ in v.outcome.values())
            out.relations.append(f"« {label} » = {' + '.join(named)} ({agreeing}/{len(v.outcome)} colonnes)")
    out.relations.append(f"lignes de total : {pooled} accords")


# --- total columns: each row's cells add up to them -----------------------------------

SUMMED_ROWS = ("part", "subtotal", "total", "sub_item")


def _part_sets(columns: list[Column], total: Column) -> list[list[Column]]:
    """Which columns left of the total it may sum: every amount, the amounts without a
    derived cue, the years, the run of amounts just before it."""
    amounts = [c for c in columns[:total.index] if c.numeric and not (
        c.percent or c.total or c.ttc or c.cumulative)]
    run: list[Column] = []
    for c in reversed(columns[:total.index]):
        if c not in amounts:
            break
        run.insert(0, c)
    sets, seen = [], set()
    for cols in (amounts, [c for c in amounts if not c.factors], [c for c in amounts if c.year], run):
        key = tuple(c.index for c in cols)
        if cols and key not in seen:
            seen.add(key)
            sets.append(cols)
    return sets


def _row_sums(t: TableInput, rows: list[int], total: Column, parts: list[Column],
              out: Arithmetic) -> tuple[Tally, list[int]]:
    """Where the row's parts can be added: the total stated and a part given; on a total
    row every part given (an empty cell there is a total not printed, not a zero)."""
    tally, evaluable = Tally(), []
    for r in rows:
        stated, nums = t.cells[r][total.index], [t.cells[r][c.index] for c in parts]
        given = [n for n in nums if n.value is not None or n.doubtful]
        role = out.row_roles[r]
        if role not in SUMMED_ROWS or stated.value is None or not given:
            continue
        if role in ("subtotal", "total") and len(given) < len(nums):
            continue
        tally.add(*agrees(stated, nums))
        evaluable.append(r)
    return tally, evaluable


def find_total_column(t: TableInput, rows: list[int], columns: list[Column], settings: Settings,
                      out: Arithmetic) -> tuple[Column | None, list[Column]]:
    """The first column headed Total (then TTC) whose parts the numbers confirm."""
    candidates = sorted((c for c in columns if c.numeric and not c.percent and (c.total or c.ttc)),
                        key=lambda c: not c.total)
    for total in candidates:
        tried = [(parts, *_row_sums(t, rows, total, parts, out)) for parts in _part_sets(columns, total)]
        if not tried:
            continue
        parts, tally, evaluable = max(tried, key=lambda x: x[1].agree)
        if tally.kept(settings.majority):
            for r in evaluable:
                out.total_of_columns[(r, total.index)] = [c.index for c in parts]
            out.relations.append(f"« {total.name} » = {' + '.join(f'« {c.name} »' for c in parts)} "
                                 f"({tally} lignes)")
            out.row_totals = "confirmed"
            return total, parts
        if tally.agree:  # never agreeing, the column is no total ("Superficie totale")
            out.row_totals = "unconfirmed" if out.row_totals == "none" else out.row_totals
            out.row_reasons.append(f"la colonne « {total.name} » n'est la somme des colonnes à sa gauche "
                               f"que dans {tally} lignes")
    return None, []


# --- derived, percent and cumulative columns -------------------------------------------

def _scaled_tally(t: TableInput, rows: list[int], d: Column, b: Column, factor: float,
                  out: Arithmetic) -> Tally:
    tally = Tally()
    for r in rows:
        dv, bv = t.cells[r][d.index], t.cells[r][b.index]
        test = scaled(dv, bv, factor) if dv.value is not None and bv.value else None
        if out.row_roles[r] in SUMMED_ROWS and test is not None:
            tally.add(test, True)
    return tally


def find_derived(t: TableInput, rows: list[int], columns: list[Column], d: Column,
                 settings: Settings, out: Arithmetic) -> tuple[Column, float, Tally] | None:
    """The column and factor `d` is computed from: its header's rate ("+ 20 %": one place
    suffices), a VAT rate its header implies (TVA, TTC: two places), or with no cue a VAT
    factor that holds in every row (two at least)."""
    factors = d.factors or tuple(1 + v for v in _vat_rates()) + _vat_rates()
    least = 1 if len(d.factors) == 1 else 2
    best = None
    for b in (c for c in columns if c is not d and c.numeric and not c.percent):
        for factor in factors:
            tally = _scaled_tally(t, rows, d, b, factor, out)
            kept = (tally.agree >= least and tally.agree >= settings.majority * tally.places
                    if d.factors else tally.agree == tally.places >= 2)
            if kept and (best is None or tally.agree > best[2].agree):
                best = (b, factor, tally)
    return best


def _is_share(t: TableInput, rows: list[int], p: Column, columns: list[Column],
              settings: Settings, out: Arithmetic) -> bool:
    """Each cell of `p` is its row's share of an amount column's total (within
    `share_slack` points): « 36 % » beside 234 000 € of a 652 500 € total."""
    totals = [r for r in rows if out.row_roles[r] in ("total", "subtotal")]
    for a in (c for c in columns if c.numeric and not c.percent):
        whole = next((t.cells[r][a.index].value for r in totals if t.cells[r][a.index].value), None)
        if not whole:
            continue
        tally = Tally()
        for r in rows:
            pv, av = t.cells[r][p.index], t.cells[r][a.index]
            if out.row_roles[r] == "part" and pv.value is not None and av.value is not None:
                share = settings.whole * av.value / whole
                tally.add(abs(pv.value - share) <= max(settings.share_slack, pv.slack), True)
        if tally.agree >= 2 and tally.agree >= settings.majority * tally.places:
            return True
    return False


def _is_cumulative(t: TableInput, rows: list[int], k: Column, columns: list[Column],
                   settings: Settings, out: Arithmetic) -> bool:
    """`k` (headed Cumul) is the running sum of another column down the rows."""
    parts = [r for r in rows if out.row_roles[r] == "part"]
    for x in (c for c in columns if c is not k and c.numeric and not c.percent):
        tally = Tally()
        for n, r in enumerate(parts):
            if t.cells[r][k.index].value is not None:
                tally.add(*agrees(t.cells[r][k.index], [t.cells[p][x.index] for p in parts[:n + 1]]))
        if tally.kept(settings.majority, least=2):
            return True
    return False


def settle_columns(t: TableInput, rows: list[int], columns: list[Column], settings: Settings,
                   out: Arithmetic) -> list[str]:
    """Each column's role in this segment."""
    total, parts = find_total_column(t, rows, columns, settings, out)
    summed_down = {col for (r, col) in out.total_of_rows if r in rows}
    return [_column_role(t, rows, columns, c, total, parts, summed_down, settings, out) for c in columns]


def _column_role(t, rows, columns, c: Column, total, parts, summed_down, settings, out) -> str:
    if not c.numeric:
        return "text"
    if c is total:
        return "total"
    if c.percent:
        shares = c.index in summed_down or _is_share(t, rows, c, columns, settings, out)
        return "percent" if shares else "rate"
    if c.cumulative:
        return "cumulative" if _is_cumulative(t, rows, c, columns, settings, out) else "value"
    derived = find_derived(t, rows, columns, c, settings, out) if (
        c.factors or (c not in parts and not c.year)) else None
    if derived:
        base, factor, tally = derived
        out.unit_from.update({(r, c.index): base.index for r in rows})
        out.relations.append(f"« {c.name} » = « {base.name} » × {factor:g} ({tally} lignes)")
        return "derived"
    return "part" if c in parts else "value"


INITIAL_ROLE = {"header": "header", "section": "section", "sub_item": "sub_item",
                "total": "unconfirmed_total", "candidate": "part", "tax": "derived",
                "percent": "derived", "part": "part"}


def analyse(t: TableInput, settings: Settings | None = None) -> Arithmetic:
    """The table's arithmetic: row roles, column roles per segment, what each total sums."""
    settings = settings or Settings()
    kinds = [row_kind(t, r) for r in range(len(t.cells))]
    out = Arithmetic([INITIAL_ROLE[k] for k in kinds], [["text"] * t.width for _ in kinds])
    segs = [(h, rows, segment_columns(t, h, rows)) for h, rows in segments(kinds)]
    found = [v for _, rows, cols in segs for v in walk_rows(t, rows, kinds, cols, settings, out)]
    settle_total_rows(t, found, settings, out)
    for header, rows, cols in segs:
        roles = settle_columns(t, rows, cols, settings, out)
        for r in rows + ([header] if header is not None else []):
            out.column_roles[r] = list(roles)
    return out
