"""A ballot's figures against each other (extractors/ballots.py)::

    Nombre de votants ............ 25
    Bulletins blancs ou nuls ..... 2        votants − blancs et nuls = exprimés
    Suffrages exprimés ........... 24       pour + contre, or the lists' voices, = exprimés
    Majorité absolue ............. 13       exprimés ÷ 2, plus one, rounded down
    Mme Manon PAYOT : 21 voix
    M. Sébastien CHARLET : 3 voix

Abstentions are not suffrages exprimés (CGCT L2121-20); a clerk who counts them in anyway
("Exprimés : 43", "Pour 33 – Contre 8 – Abstentions 2") is not judged wrong. A figure read by OCR
under the doubt threshold makes a mismatch a `notice` (checks/trust.py).
"""
from __future__ import annotations

from typing import Any, Iterator

from checks.context import Source, Tables, as_float, as_int
from checks.rules import Finding, check
from checks.trust import Value, doubtful


def _ballots(tables: Tables) -> Iterator[dict]:
    yield from tables.get("ballots") or []


@check("votes.ballot_expressed", needs=("ballots",))
def expressed(tables: Tables) -> Iterator[Finding]:
    """Votants − blancs et nuls = suffrages exprimés."""
    for b in _ballots(tables):
        votants, blancs, exprimes = (as_int(b.get(c)) for c in ("votants", "blancs_nuls", "exprimes"))
        if None in (votants, blancs, exprimes) or votants - blancs == exprimes:
            continue
        yield _finding(tables, "votes.ballot_expressed", b, ("exprimes", "votants", "blancs_nuls"),
                       expected=votants - blancs, actual=exprimes, votants=votants, blancs_nuls=blancs)


@check("votes.ballot_sides", needs=("ballots",))
def sides(tables: Tables) -> Iterator[Finding]:
    """Pour + contre, and the lists' voices, add up to the suffrages exprimés (not the candidates' voices: where
    several seats are filled at once, a ballot names several)."""
    for b in _ballots(tables):
        exprimes, pour, contre, abst, voix = (as_int(b.get(c)) for c in
                                              ("exprimes", "pour", "contre", "abstentions", "voix"))
        if exprimes is None:
            continue
        if pour is not None and contre is not None and exprimes not in (pour + contre, pour + contre + (abst or 0)):
            yield _finding(tables, "votes.ballot_sides", b, ("pour", "contre", "exprimes"), expected=exprimes,
                           actual=pour + contre, what=f"pour ({pour}) + contre ({contre})")
        elif voix is not None and pour is None and b.get("scrutin_de_liste") is True and voix != exprimes:
            yield _finding(tables, "votes.ballot_sides", b, ("voix", "exprimes"), expected=exprimes, actual=voix,
                           what=f"les voix des {as_int(b.get('candidats'))} listes")


@check("votes.ballot_majority", needs=("ballots",))
def majority(tables: Tables) -> Iterator[Finding]:
    """The absolute majority printed is half the suffrages exprimés, plus one, rounded down (or, as some
    clerks count it, of the votants)."""
    for b in _ballots(tables):
        exprimes, votants, printed = (as_int(b.get(c)) for c in ("exprimes", "votants", "majorite_absolue"))
        if exprimes is None or printed is None or printed in (exprimes // 2 + 1, (votants or 0) // 2 + 1):
            continue
        yield _finding(tables, "votes.ballot_majority", b, ("majorite_absolue", "exprimes"),
                       expected=exprimes // 2 + 1, actual=printed)


def _finding(tables: Tables, rule_id: str, b: dict, fields: tuple[str, ...], **values: Any) -> Finding:
    """The finding at the ballot's line, a notice when OCR read one of its figures in doubt."""
    seq, item = as_int(b.get("seq")), as_int(b.get("item"))
    key = f"seq={seq}|item={item}"
    src = tables.locate(b["doc_id"], "ballots", key, fields, Source(as_int(b.get("page"))))
    hows = {c: tables.how(b["doc_id"], "ballots", key, c) or {} for c in fields}
    doubts = [Value(b.get(c), h.get("method"), False, as_float(h.get("confidence"))).doubt(c) for c, h in hows.items()]
    return doubtful(rule_id, doubts, doc_id=b["doc_id"], seq=seq, subject=f"deliberation {seq} ballot {item}",
                    **src.as_dict(), **values)
