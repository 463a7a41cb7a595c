"""The vote of a deliberation against its attendance.

    Présents : 29 – Pouvoirs : 12 – Votants : 41
    Pour : 41
    Contre : 0
    Abstention : 0
    Non votants : 0

"À l'unanimité" with no figures gives pour = votants, contre = abstentions = 0 (derived,
provenance.derived): such a pour is never compared with the votants it was taken from.
"""
from __future__ import annotations

from typing import Any, Iterator

from checks.attendance import over_members
from checks.context import Source, Tables, as_bool, as_int, deliberations, is_null, where
from checks.rules import ERROR, WARNING, Finding, check
from checks.trust import Value, compare, doubtful, value


@check("votes.breakdown", needs=("deliberations",))
def breakdown(tables: Tables) -> Iterator[Finding]:
    for d in deliberations(tables):
        c = compare(tables, "votes.breakdown", d, dict(pour=as_int, contre=as_int, abstentions=as_int,
                                                       votants=as_int), optional=dict(non_votants=as_int))
        if c is None:
            yield from _sides_over(tables, d)  # a side not stated: only a sum already too large is judged
            continue
        pour, contre, abst, votants = c["pour"], c["contre"], c["abstentions"], c["votants"]
        non_votants = c["non_votants"] or 0
        total = pour + contre + abst
        # Registers differ: some count the non-votants among the votants, some not.
        if total in (votants, votants - non_votants):
            continue
        expected = str(votants) if not non_votants else f"{votants} ou {votants - non_votants}"
        yield c.finding("votes.breakdown", **where(tables, d, "pour", "votants"),
                        expected=expected, actual=total, pour=pour, contre=contre,
                        abstentions=abst, votants=votants,
                        non_votants_text=f", ou {votants - non_votants} sans les {non_votants} non-votants"
                        if non_votants else "")


def _sides_over(tables: Tables, d: dict) -> Iterator[Finding]:
    """"Pour : 18 - Contre : 8" for 25 votants, abstentions not printed: the two sides stated
    already exceed the votants (an unstated side is no negative number); a warning, not an error,
    since the votants read for the item may be another count than its vote's."""
    missing = next((x for x in ("abstentions", "contre") if value(tables, d, x, as_int) is None), None)
    sides = [x for x in ("pour", "contre", "abstentions") if x != missing]
    read = [value(tables, d, x, as_int) for x in (*sides, "votants")] if missing else [None]
    if None in read or read[0].value + read[1].value <= read[2].value:
        return  # nothing to judge: the rule stays skipped for this deliberation (coverage)
    c = compare(tables, "votes.breakdown", d, {**dict.fromkeys(sides, as_int), "votants": as_int})
    total = c and c[sides[0]] + c[sides[1]]
    if c is None or total <= c["votants"]:
        return
    row = c.finding("votes.breakdown", **where(tables, d, "pour", "votants"), expected=str(c["votants"]),
                    actual=total, pour=c["pour"], contre=c.values.get("contre", "—"),
                    abstentions=c.values.get("abstentions", "—"), votants=c["votants"], non_votants_text="")
    if row["severity"] == ERROR:  # a side unprinted: the item's votants may be another count
        row["severity"] = WARNING
        row["message"] += f" — à vérifier : {missing} non indiqué(e)s"
    yield row


@check("votes.votants_le_exercice", needs=("deliberations",))
def votants_le_exercice(tables: Tables) -> Iterator[Finding]:
    yield from over_members(tables, "votes.votants_le_exercice", "votants")


@check("votes.unanimity_against", needs=("deliberations",))
def unanimity_against(tables: Tables) -> Iterator[Finding]:
    """"ADOPTEE A L'UNANIMITE - Pour : 35 - Contre : 2": said unanimous, yet votes against."""
    for d in deliberations(tables):
        if as_bool(d.get("unanimite")) is not True:  # not said unanimous (null: said neither): nothing to compare
            tables.ran("votes.unanimity_against", d["doc_id"], as_int(d.get("seq")))
            continue
        c = compare(tables, "votes.unanimity_against", d, dict(unanimite=as_bool, contre=as_int))
        if c is None or not c["unanimite"] or not c["contre"] or not _said_together(tables, d):
            continue  # (not "CC Bastides de Lomagne : unanimité" quoted under a vote "contre : 1")
        yield c.finding("votes.unanimity_against", **where(tables, d, "unanimite", "contre"), expected=0,
                        actual=c["contre"])


@check("votes.unanimity_abstentions", needs=("deliberations",))
def unanimity_abstentions(tables: Tables) -> Iterator[Finding]:
    """"ADOPTE A L'UNANIMITE" over "Pour : 16 - Contre : 0 - Abstentions : 2": said unanimous, yet
    members abstained (not "à l'unanimité des suffrages exprimés", nor "unanimité moins 2 abstentions",
    which say so themselves; the two printed on one page, a few lines apart)."""
    for d in deliberations(tables):
        if as_bool(d.get("unanimite")) is not True:
            tables.ran("votes.unanimity_abstentions", d["doc_id"], as_int(d.get("seq")))
            continue
        said, boxed = value(tables, d, "unanimite", as_bool), value(tables, d, "abstentions", as_int)
        c = compare(tables, "votes.unanimity_abstentions", d, dict(unanimite=as_bool, abstentions=as_int))
        if c is None or not c["abstentions"] or said is None or said.method != "unanimity" \
                or boxed is None or boxed.method not in BOXED or not _near(tables, d, "unanimite", "abstentions"):
            continue  # (not a vote's sentence "… par 13 voix pour et 4 abstentions" beside another statement)
        yield c.finding("votes.unanimity_abstentions", **where(tables, d, "unanimite", "abstentions"), expected=0,
                        actual=c["abstentions"])


# the item's labelled counts ("Pour : 16   Contre : 0   Abstention(s) : 2", "Vote : Pour 7 - Contre 0 -
# Abstention 1"): the vote itself, not a sentence that may quote another's
BOXED = ("label_value", "count_line")


def _near(tables: Tables, d: dict, said: str, box: str, after: int = 15, before: int = 2) -> bool:
    """`box` read on the page of `said`, at most `after` lines under it or `before` above (the
    decision's sentence and the vote's box at the foot of the extract)."""
    key = f"seq={as_int(d.get('seq'))}"
    a, b = (tables.locate(d["doc_id"], "deliberations", key, (c,)) for c in (said, box))
    if None in (a.page, a.line, b.page, b.line) or a.page != b.page:
        return False
    return -before <= b.line - a.line <= after


SIDE_LABELS = {"pour": "Pour", "contre": "Contre", "abstentions": "Abstentions"}


@check("votes.named_count", needs=("deliberations",))
def named_count(tables: Tables) -> Iterator[Finding]:
    """"Contre : 7 (SOLER Yasmina, LANGLOIS Sophie, … PRIGENT Monique)": six names for seven."""
    for d in deliberations(tables):
        sides = {side: label for side, label in SIDE_LABELS.items() if not is_null(d.get(f"{side}_nommes"))}
        if not sides:  # names no voter: nothing to count, the rule holds
            tables.ran("votes.named_count", d["doc_id"], as_int(d.get("seq")))
        for side, label in sides.items():
            c = compare(tables, "votes.named_count", d, {side: as_int, f"{side}_nommes": as_int})
            if c is None or c[side] == c[f"{side}_nommes"] or not _one_line(tables, d, side, f"{side}_nommes"):
                continue  # (a count read on another line may be another statement's)
            yield c.finding("votes.named_count", **where(tables, d, side, f"{side}_nommes"), side_label=label,
                            expected=c[side], actual=c[f"{side}_nommes"])


def _said_together(tables: Tables, d: dict) -> bool:
    """Unanimity and the votes against read on one line, or the outcome's line right over the vote's box
    ("ADOPTÉ À L'UNANIMITÉ" / "Pour : 38   Contre : 2   Abstention : 0")."""
    said, boxed = value(tables, d, "unanimite", as_bool), value(tables, d, "contre", as_int)
    over = said is not None and said.method == "unanimity" and boxed is not None and boxed.method in BOXED
    return _one_line(tables, d, "unanimite", "contre") or over and _near(tables, d, "unanimite", "contre", 2, 0)


def _one_line(tables: Tables, d: dict, said: str, other: str) -> bool:
    """The two columns were read on one line (page and line of their provenance)."""
    return _near(tables, d, said, other, after=0, before=0)


RESULT_TEXT = {"adopte": "adoptée", "rejete": "rejetée"}


def _result(value) -> str | None:
    return value if value in RESULT_TEXT else None


@check("votes.result_consistent", needs=("deliberations",))
def result_consistent(tables: Tables) -> Iterator[Finding]:
    for d in deliberations(tables):
        c = compare(tables, "votes.result_consistent", d, dict(resultat=_result, pour=as_int, contre=as_int))
        if c is None:
            continue
        result, pour, contre = c["resultat"], c["pour"], c["contre"]
        if pour == contre:  # a tie is settled by the president's casting vote: not judged
            tables.skip("votes.result_consistent", d["doc_id"], as_int(d.get("seq")),
                        "égalité des voix (voix prépondérante) : non jugée", replace=True)
            continue
        adopted = pour > contre  # absolute majority of suffrages exprimés (abstentions excluded)
        if adopted == (result == "adopte"):
            continue
        yield c.finding("votes.result_consistent", **where(tables, d, "resultat", "pour", "contre"),
                        expected="rejete" if adopted else "adopte", actual=result,
                        resultat_text=RESULT_TEXT[result], pour=pour, contre=contre)


KIND_TEXT = {"recap": "le récapitulatif de la séance", "result_box": "l'encadré « Résultat du vote »",
             "result_line": "la ligne de résultat sous la décision", "closing": "la phrase de clôture",
             "vote_box": "le décompte sous libellés à côté de la décision"}
COUNTED = ("pour", "contre", "abstentions")


@check("votes.restated", needs=("deliberations",))
def restated(tables: Tables) -> Iterator[Finding]:
    """A vote printed again (extractors/restated.py) against the item's own; a deliberation
    whose vote is printed once is evaluated too (nothing can disagree)."""
    again: dict[tuple, list[dict]] = {}
    for r in tables.get("restated_votes") or []:
        again.setdefault((r["doc_id"], as_int(r.get("seq"))), []).append(r)
    for d in deliberations(tables):
        seq = as_int(d.get("seq"))
        tables.ran("votes.restated", d["doc_id"], seq)
        for r in again.get((d["doc_id"], seq), []):
            differ = _differences(tables, d, r)
            if differ:
                yield _restated_finding(tables, d, r, differ)


def _differences(tables: Tables, d: dict, r: dict) -> dict[str, tuple[Value, Any]]:
    """column -> (the item's value, the restated one) where both are printed and differ;
    unanimity restated against the item's votes against."""
    out = {}
    printed = {c: value(tables, d, c, as_int) for c in COUNTED}
    mine, again = dict(printed), {c: as_int(r.get(c)) for c in COUNTED}
    _complete(mine, again)
    for column in COUNTED:
        if mine[column] is not None and again[column] is not None and mine[column].value != again[column]:
            out[column] = (mine[column], again[column])
    contre = printed["contre"]
    if as_bool(r.get("unanimite")) and contre is not None and contre.value > 0 and "contre" not in out:
        out["contre"] = (contre, "unanimité")
    said = value(tables, d, "unanimite", _bool_or_none)  # "…, à l'exception de la n° 2021-33"
    if _bool_or_none(r.get("unanimite")) is False and said is not None and said.value and not said.derived \
            and not any(v is not None and v.value for v in (contre, printed["abstentions"])):
        out["unanimite"] = (said, "non unanime")
    mine = value(tables, d, "resultat", str)
    if r.get("resultat") in RESULT_TEXT and mine is not None and mine.value in RESULT_TEXT and mine.value != r["resultat"]:
        out["resultat"] = (mine, r["resultat"])
    return out


def _bool_or_none(v: Any) -> bool | None:
    return None if is_null(v) else bool(v)


def _complete(mine: dict[str, Value | None], again: dict[str, int | None]) -> None:
    """Two votes whose printed figures make the same total, each leaving out a side ("par 12
    voix pour et 2 voix contre" / "Adoptée (12 pour, 2 abst.)", 14 either way): the side a
    vote does not print is 0 there."""
    total = [sum(v.value for v in mine.values() if v is not None), sum(v for v in again.values() if v is not None)]
    if mine["pour"] is None or again["pour"] is None or total[0] != total[1]:
        return
    for column in COUNTED:
        if mine[column] is None:
            mine[column] = Value(0, "complete")
        if again[column] is None:
            again[column] = 0


def _restated_finding(tables: Tables, d: dict, r: dict, differ: dict[str, tuple[Value, Any]]) -> Finding:
    item = as_int(r.get("item"))
    src = tables.locate(d["doc_id"], "restated_votes", f"seq={as_int(d.get('seq'))}|item={item}",
                        (*differ, "unanimite", *COUNTED), Source(as_int(r.get("page"))))
    # "à l'unanimité" printed says no vote against: contre 0 so derived is what the item says
    doubts = [v.doubt(c, ["restated_votes"]) for c, (v, _) in differ.items()
              if not (c == "contre" and v.method == "unanimity")]
    expected = ", ".join("unanimité" if c == "unanimite" else f"{c} {v.value}" for c, (v, _) in differ.items())
    actual = ", ".join(again if again in ("unanimité", "non unanime") else f"{c} {again}" for c, (_, again) in differ.items())
    return doubtful("votes.restated", doubts, doc_id=d["doc_id"], seq=as_int(d.get("seq")),
                    subject=f"deliberation {as_int(d.get('seq'))} restated {item}", **src.as_dict(),
                    expected=expected, actual=actual, kind_text=KIND_TEXT.get(r.get("kind"), r.get("kind")))
