"""How far a check can stand behind the values it compares.

Every value read carries, in `provenance`, how it was read: the recogniser (`method`),
whether it was derived rather than read (`derived`) and, on a scan, the OCR confidence
of its line (`confidence`). A check asks `compare(...)` for the values of one
deliberation; for each of them:

- not stated: the rule is not evaluated there ("votes.breakdown: contre non lu", in
  the `coverage` table), never guessed;
- derived from another value of the same comparison (pour = votants from "à
  l'unanimité", compared with votants; pouvoirs counted from the list of proxies,
  compared with that list): not evaluated either, since the comparison cannot fail;
- in doubt (derived from a list that may be incomplete, read by a weak recogniser such
  as a number before its label, read by OCR below `OCR_DOUBT_BELOW`): compared, and a
  mismatch is a `notice` ("à vérifier : …", the doubt named), not the rule's error.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from checks.context import Tables, as_bool, as_float, as_int
from checks.rules import NOTICE, RULES, WARNING, Finding, finding

# Tesseract word confidence (0-100) under which a value read is in doubt: the threshold the OCR
# loader already applies to counts in a count box (OcrSettings.count_confidence), applied to
# every value a check compares (a count in prose, a name in a list of proxies).
OCR_DOUBT_BELOW = 80.0

# Recognisers whose reading a mismatch may be the fault of (provenance.method -> why, in French).
WEAK_METHODS = {
    "number_before": "nombre lu devant son libellé (« 15 présents »)",
    "decision": "résultat déduit d'un verbe de décision (« décide … »), qui peut être négatif",
    "president_prose": "nom lu dans une phrase",
    "secretary_prose": "nom lu dans une phrase",
    # a list in which an entry did not read as a name ("RENARD Cédric ct BLANCHARD Gilles"):
    # the names counted may be fewer than the names printed
    "list_partial": "une entrée n'a pas été lue comme un nom, la liste peut être incomplète",
    # "Mme SANTONI (pouvoir : M. FERREIRA)": an entry speaking of a proxy the reader did not
    # understand, so its status (present, or absent and represented) is a guess
    "list_proxy_unread": "une entrée parle d'un pouvoir qui n'a pas été lu, son statut est incertain",
    # "Pouvoirs : GOMEZ Gaston, CHASSAGNE Margaux": givers with no holder read, the list's entries
    # may be cut otherwise (a giver and a holder read as two givers)
    "list_holder_unread": "une procuration listée sans son titulaire, les entrées ont pu être coupées autrement",
    # "VIDALENC Jean-Marc ARNAUD Christiane": names of a table's columns, cut by their case
    "list_cased": "noms séparés par l'alternance NOM Prénom, sans séparateur imprimé",
    # "Présents      Absents excusés – pouvoirs" over two columns run together line by line
    "list_columns": "deux colonnes de noms lues ligne à ligne, la liste peut mêler présents, absents et pouvoirs",
    # a register's second extract prints its counts but no list, only "M. X quitte la séance et
    # donne procuration à M. Y": the one proxy read is not the extract's list of proxies
    "list_moves_only": "aucune liste imprimée pour cet acte, seuls les départs et arrivées sont lus",
    # "Mme le Maire … quitte la salle", the lists printed at the opening still saying her present
    "list_president_out": "le président a quitté la salle, les listes de l'ouverture le disent présent",
    # a count printed before a member left or arrived ("M. X quitte la salle"), the document
    # not restating it: the count may describe the room before the move
    "before_move": "compte imprimé avant un départ ou une arrivée",
    # "Présents : 17 (18 à partir de DEL_2012_042)": the count printed changes during the sitting
    "count_varies": "le document donne un autre compte pour une partie de la séance",
    # "Votants : 16" printed under an item, présents and pouvoirs only at the opening: a member
    # may have left, or not voted, in words not read ("il quitte la salle")
    "votants_item": "votants donnés pour ce point seul, présents et pouvoirs à l'ouverture",
    # "18 h 20 — Arrivée de Mme X, qui reprend le pouvoir confié à M. Y. Présents : 59 |
    # Pouvoirs : 8": counts after a move, the lists of names still the opening's
    "move_counts": "compte donné avec un départ ou une arrivée, les listes sont celles de l'ouverture",
    # "Deuxième séance – mardi 17 décembre / Présents : 31 – Pouvoirs : 6" printed under an item's
    # vote: the later items' counts, the lists of names still the opening's
    "recount": "compte donné pour la suite de la séance, les listes sont celles de l'ouverture",
    # "Mme X quitte la salle et ne participe pas au vote (1)." between this vote and the next
    # heading: read as the next item's non-voter, it may be this one's
    "non_voter_beside": "un membre qui ne prend pas part au vote est nommé entre ce vote et le point suivant",
    # "Vote (en voix pondérées) : POUR 36 | CONTRE 5", "Votants : 14 (41 voix)": each delegate
    # holds several votes in a syndicat, the vote counts votes and the votants count members
    "weighted": "vote en voix pondérées, les votants sont comptés en membres",
    # "Votants : 86" beside "(voix pondérées conformément à l'article 7 des statuts)": voices, or members
    "weighted_votants": "votants d'un organe à voix pondérées, comptés en voix ou en membres",
}

# Methods in doubt only against some columns: the item's own votants is the right figure for
# its vote (pour + contre + abstentions), a later one than the opening's présents and pouvoirs.
# (a side's voices against the members it names, "4 contre (Mme ROUVEYROL, M. PUECH, Mme CAUSSE)": weighted too)
WEAK_AGAINST = {"votants_item": ("presents", "pouvoirs"),
                "weighted": ("votants", "presents", "pouvoirs", "membres_en_exercice", "pour_nommes", "contre_nommes",
                             "abstentions_nommes"),
                "weighted_votants": ("presents", "pouvoirs", "membres_en_exercice", "pour", "contre", "abstentions"),
                "move_counts": ("proxies", "attendance"),
                "recount": ("proxies", "attendance"), "non_voter_beside": ("pour", "contre", "abstentions", "presents", "pouvoirs")}

# What a derived value rests on: (method, column) or method -> the values or lists it was
# computed from. Two values of one comparison resting on the same thing make it circular.
DERIVED_FROM: dict[Any, tuple[str, ...]] = {
    ("unanimity", "pour"): ("unanimite", "votants"),  # pour = votants
    "unanimity": ("unanimite",),  # contre = abstentions = 0, resultat adopted
    "proxies_listed": ("proxies",),  # pouvoirs = the proxies listed
    "proxies_none": ("proxies",),  # pouvoirs = 0 from "Pouvoirs : néant", the list printed empty
    "absents_listed": ("attendance",),  # absents = the absent members listed
    "absents_listed_whole": ("attendance",),  # the same, the présents listed as many as counted
    "counts": ("pour", "contre"),  # resultat from pour > contre
    "split_vote": ("contre", "abstentions"),  # unanimite False
}

DERIVED_TEXT = {
    "unanimity": "déduit de « à l'unanimité »",
    "proxies_listed": "compté sur la liste des procurations",
    "proxies_none": "déduit de « Pouvoirs : néant »",
    "absents_listed": "compté sur la liste des absents",
    "absents_listed_whole": "compté sur la liste des absents (les présents listés font leur nombre)",
    "counts": "déduit des voix pour et contre",
    "split_vote": "déduit d'un vote partagé",
    "non_voters_named": "compté sur les noms de ceux qui ne prennent pas part au vote",
    "side_named": "compté sur les noms de ceux qui votent contre ou s'abstiennent (« M. X et Mme Y votent contre »)",
}

LISTS = {"attendance": "liste des présents et absents", "proxies": "liste des procurations"}
LIST_DOUBTS = ("list_partial", "list_cased", "list_columns", "list_president_out", "list_proxy_unread",
               "list_holder_unread", "list_moves_only")  # how a list in doubt was read


@dataclass
class Value:
    """One value of a comparison and how it was read."""

    value: Any
    method: str | None = None
    derived: bool = False
    confidence: float | None = None
    basis: frozenset[str] = frozenset()

    def doubt(self, column: str, compared: Iterable[str] = ()) -> str | None:
        """Why a mismatch involving this value, compared with the `compared` columns, may
        come from its reading, else None."""
        if self.derived:
            return f"{column} {DERIVED_TEXT.get(self.method or '', 'déduit')}"
        against = WEAK_AGAINST.get(self.method or "")
        if self.method in WEAK_METHODS and (against is None or set(against) & set(compared)):
            return f"{column} : {WEAK_METHODS[self.method]}"
        if self.confidence is not None and self.confidence < OCR_DOUBT_BELOW:
            return f"{column} lu par OCR (confiance {self.confidence:.0f})"
        return None


@dataclass
class Compared:
    """The values a rule compares in one deliberation, and the doubts about them."""

    values: dict[str, Any]
    doubts: list[str] = field(default_factory=list)

    def __getitem__(self, column: str) -> Any:
        return self.values.get(column)

    def finding(self, rule_id: str, **kwargs: Any) -> Finding:
        """The rule's finding: a `notice` naming the doubts when there are any."""
        return doubtful(rule_id, self.doubts, **kwargs)


# Doubts that leave a mismatch probable: a number printed before its label ("17 membres
# présents - 4 pouvoirs donnés") is mostly read right, and absents counted on a list whose
# présents add up to their count mostly are all the absents. A mismatch resting only on such
# readings is a warning (looked at, not asserted), not a notice.
MILD_DOUBTS = (WEAK_METHODS["number_before"], DERIVED_TEXT["absents_listed_whole"])


def doubtful(rule_id: str, doubts: Iterable[str], **kwargs: Any) -> Finding:
    """The rule's finding, lowered to a notice ("… — à vérifier : pouvoirs compté sur la
    liste des procurations") when some reading is in doubt, to a warning when every doubt is
    mild (MILD_DOUBTS); the rule's severity otherwise."""
    doubts = list(dict.fromkeys(d for d in doubts if d))
    mild = doubts and all(d.endswith(MILD_DOUBTS) for d in doubts) and RULES[rule_id].severity != NOTICE
    row = finding(rule_id, severity=(WARNING if mild else NOTICE) if doubts else None, **kwargs)
    if doubts:
        row["message"] += " — à vérifier : " + " ; ".join(doubts)
    return row


def basis(column: str, method: str | None, derived: bool) -> frozenset[str]:
    if not derived:
        return frozenset({column})
    return frozenset(DERIVED_FROM.get((method, column)) or DERIVED_FROM.get(method) or {f"?{method}"})


def value(tables: Tables, delib: dict, column: str, convert: Callable[[Any], Any]) -> Value | None:
    """The deliberation's `column`, converted, with how it was read; None when not stated."""
    got = convert(delib.get(column))
    if got is None:
        return None
    how = tables.how(delib["doc_id"], "deliberations", f"seq={as_int(delib.get('seq'))}", column) or {}
    method, derived = how.get("method"), as_bool(how.get("derived"))
    return Value(got, method, derived, as_float(how.get("confidence")), basis(column, method, derived))


def counted(column: str, value: Any, method: str) -> Value:
    """A value a check counted itself, as the reader would have derived it (`absents_listed`)."""
    return Value(value, method, True, None, basis(column, method, True))


def list_value(tables: Tables, delib: dict, table: str) -> Value:
    """A list of names (the attendance, the proxies) as one value of a comparison: read,
    with the lowest OCR confidence of its lines."""
    rows = tables.provenance_of(delib["doc_id"], table, as_int(delib.get("seq")))
    confs = [c for r in rows if (c := as_float(r.get("confidence"))) is not None]
    method = next((r.get("method") for r in rows if r.get("method") in LIST_DOUBTS), "list")
    return Value(table, method, False, min(confs) if confs else None, frozenset({table}))


def list_doubt(tables: Tables, delib: dict, *tables_read: str) -> str | None:
    """Why the lists `tables_read` of this deliberation may be incomplete, else None."""
    for table in tables_read:
        method = list_value(tables, delib, table).method
        if method in LIST_DOUBTS:
            return f"{LISTS.get(table, table)} : {WEAK_METHODS[method]}"
    return None


def compare(tables: Tables, rule_id: str, delib: dict, required: dict[str, Callable],
            optional: dict[str, Callable] | None = None, lists: Iterable[str] = (),
            extra: dict[str, Value] | None = None) -> Compared | None:
    """The values `rule_id` compares in `delib`, or None (recorded in the coverage) when
    one is not stated or when a derived value rests on another of them.

    `required` and `optional`: column -> converter (`as_int`, `as_date`); `lists`: the
    lists of names compared (`attendance`, `proxies`); `extra`: values the check computed
    itself (absents counted on the list), which stand in for a required column."""
    doc_id, seq = delib["doc_id"], as_int(delib.get("seq"))
    found: dict[str, Value] = dict(extra or {})
    for column, convert in required.items():
        got = found.get(column) or value(tables, delib, column, convert)
        if got is None:
            tables.skip(rule_id, doc_id, seq, f"{column} non lu")
            return None
        found[column] = got
    for column, convert in (optional or {}).items():
        if (got := value(tables, delib, column, convert)) is not None:
            found[column] = got
    found.update({name: list_value(tables, delib, name) for name in lists})
    circular = _circular(found)
    if circular:
        tables.skip(rule_id, doc_id, seq, circular)
        return None
    tables.ran(rule_id, doc_id, seq)
    doubts = [v.doubt(LISTS.get(c, c), found.keys() - {c}) for c, v in found.items()]
    return Compared({c: v.value for c, v in found.items()}, [d for d in doubts if d])


def _circular(found: dict[str, Value]) -> str | None:
    """Why the comparison cannot fail: a derived value resting on another value compared."""
    for column, v in found.items():
        if not v.derived:
            continue
        others = frozenset().union(*(o.basis for c, o in found.items() if c != column))
        if v.basis & others:
            return f"{column} {DERIVED_TEXT.get(v.method or '', 'déduit')} : la comparaison ne peut pas échouer"
    return None
