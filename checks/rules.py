"""The declared consistency rules and the registry of their evaluation functions.

Each rule is data (frictionless/Validata style): a stable id, a severity, the
fields it compares, a message template and a description. Ids and severities are
a contract with analysts (they filter the `findings` table on them): never rename.

An evaluation function is registered with `@check(rule_id, needs=(...))`; it reads
the `Tables` it is given and YIELDS findings built with `finding(...)`. It never
raises for bad content: what it cannot evaluate (a count not stated) it skips.

Conventions for `expected` / `actual`: `expected` is what the rule derives from the
other fields (présents + pouvoirs, the sum of a row's cells, the table's total for
a fiche, the percentage stated by a summary sentence), `actual` is the value the
document states or the value recomputed from the detailed rows (47 objectives out
of 100 for a sentence saying "48 %").
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Callable, Iterator

ERROR, WARNING, NOTICE = "error", "warning", "notice"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    fields: tuple[str, ...]
    message: str  # str.format template over the finding's values
    description: str


RULES: dict[str, Rule] = {r.id: r for r in [
    Rule("attendance.votants", ERROR, ("votants", "presents", "pouvoirs"),
         "Votants ({votants}) ≠ présents ({presents}) + pouvoirs ({pouvoirs}) = {expected}",
         "Le nombre de votants est égal au nombre de présents plus le nombre de pouvoirs (moins les "
         "non-votants, quand le document les compte à part)."),
    Rule("votes.breakdown", ERROR, ("pour", "contre", "abstentions", "votants", "non_votants"),
         "Pour ({pour}) + contre ({contre}) + abstentions ({abstentions}) = {actual} ≠ votants ({votants}{non_votants_text})",
         "Pour + contre + abstentions = votants, ou votants − non-votants quand le document "
         "compte les non-votants parmi les votants. Si l'un des décomptes n'est pas indiqué, seuls les "
         "deux autres qui dépassent déjà les votants sont signalés."),
    Rule("attendance.present_count", ERROR, ("presents", "attendance.status"),
         "{actual} noms listés comme présents, mais présents = {expected}",
         "Le nombre de noms listés parmi les présents est égal au nombre de présents indiqué "
         "(avertissement quand les listes des présents et des absents ne font pas les membres en "
         "exercice, ou qu'aucun nombre de membres en exercice n'est lu : la liste peut être la fautive)."),
    Rule("attendance.proxy_count", ERROR, ("pouvoirs", "proxies", "pouvoirs_neant"),
         "{actual} pouvoirs listés, mais pouvoirs = {expected}",
         "Le nombre de pouvoirs listés est égal au nombre de pouvoirs indiqué ; une liste des pouvoirs "
         "imprimée vide (« Pouvoirs : néant ») en liste zéro ; quand les listes "
         "nomment tous les membres en exercice (présents et absents) sans aucun pouvoir, zéro pouvoir "
         "est listé, un avertissement (un pouvoir peut être écrit d'une façon non lue) ; la moitié des "
         "pouvoirs indiqués ou moins lue, un avertissement (la liste n'a sans doute pas été lue entière) ; "
         "sinon, aucune liste lue, la règle est ignorée."),
    Rule("attendance.members_total", WARNING, ("presents", "absents", "membres_en_exercice"),
         "Présents ({presents}) + absents ({absents}) = {actual} ≠ membres en exercice ({expected})",
         "Présents + absents = membres en exercice, quand le document liste des absents "
         "(avertissement : certains registres ne listent que les absents excusés)."),
    Rule("attendance.presents_le_exercice", ERROR, ("presents", "membres_en_exercice"),
         "Présents ({actual}) > membres en exercice ({expected})",
         "Le nombre de présents ne dépasse pas le nombre de membres en exercice (un suppléant "
         "siège à la place d'un titulaire absent)."),
    Rule("attendance.listed_twice", WARNING, ("attendance.name", "attendance.status", "attendance.also_listed"),
         "{name} figure à la fois parmi les présents et parmi les absents",
         "Un membre n'est listé qu'une fois, présent ou absent (sauf arrivée ou départ en cours de "
         "séance, dit dans la liste : « arrivé à 20h30 ») ; avertissement : la liste fautive n'est pas "
         "connue."),
    Rule("proxy.giver_absent", ERROR, ("proxies.giver", "attendance.status"),
         "{giver} donne pouvoir à {holder} mais figure parmi les présents",
         "Celui qui donne un pouvoir n'est pas parmi les présents."),
    Rule("proxy.holder_present", ERROR, ("proxies.holder", "attendance.status"),
         "{holder} reçoit le pouvoir de {giver} mais ne figure pas parmi les présents",
         "Celui qui reçoit un pouvoir est parmi les présents."),
    Rule("proxy.one_per_holder", ERROR, ("proxies.holder",),
         "{holder} détient {actual} pouvoirs (maximum {expected} : {source})",
         "Nul ne détient plus d'un pouvoir (CGCT L2121-20), deux pendant les périodes "
         "d'urgence sanitaire (checks/legal_periods.json)."),
    Rule("quorum.reached", ERROR, ("presents", "pouvoirs", "membres_en_exercice", "session_date", "sans_quorum"),
         "Quorum non atteint : {counted} {counted_label} pour {membres} membres en exercice (requis : {expected} ; {source})",
         "Présents > membres en exercice / 2 (CGCT L2121-17), ou la règle d'urgence sanitaire "
         "en vigueur à la date de séance ; ignoré quand le document siège sans quorum après "
         "une seconde convocation."),
    Rule("dates.convocation_before_session", ERROR, ("convocation_date", "session_date"),
         "Convocation du {actual}, qui n'est pas antérieure à la séance du {expected}",
         "La convocation est datée d'avant la séance."),
    Rule("votes.votants_le_exercice", ERROR, ("votants", "membres_en_exercice"),
         "Votants ({actual}) > membres en exercice ({expected})",
         "Le nombre de votants ne dépasse pas le nombre de membres en exercice."),
    Rule("votes.unanimity_against", ERROR, ("unanimite", "contre"),
         "Délibération adoptée à l'unanimité avec contre = {actual}",
         "Une délibération dite adoptée à l'unanimité n'a pas de voix contre (des abstentions, "
         "oui : « unanimité des suffrages exprimés »)."),
    Rule("votes.unanimity_abstentions", WARNING, ("unanimite", "abstentions"),
         "Délibération dite adoptée à l'unanimité avec abstentions = {actual}",
         "Une délibération dite adoptée à l'unanimité sans réserve n'a pas d'abstention (« à l'unanimité des "
         "suffrages exprimés », « unanimité moins 2 abstentions » le disent eux-mêmes) ; l'unanimité et les "
         "abstentions lues à quelques lignes l'une de l'autre ; ajoutée au vingt-huitième tour."),
    Rule("votes.named_count", ERROR, ("pour", "contre", "abstentions", "pour_nommes", "contre_nommes",
                                      "abstentions_nommes"),
         "{side_label} : {expected}, mais {actual} membres nommés",
         "Quand le document nomme ceux qui ont voté pour, contre ou se sont abstenus avec le décompte "
         "de ce côté (« Contre : 7 (SOLER Yasmina, …) », « Ont voté contre (5) : M. X, … »), il en "
         "nomme autant que le décompte ; une liste qui nomme un groupe n'est pas comptée ; ajoutée au "
         "dix-neuvième tour."),
    Rule("votes.result_consistent", ERROR, ("resultat", "pour", "contre"),
         "Délibération {resultat_text} avec pour = {pour} et contre = {contre}",
         "Une délibération adoptée a plus de voix pour que contre (majorité absolue des "
         "suffrages exprimés, CGCT L2121-20), une délibération rejetée non ; l'égalité "
         "(voix prépondérante du président) n'est pas jugée."),
    Rule("votes.restated", ERROR, ("pour", "contre", "abstentions", "unanimite", "resultat", "restated_votes"),
         "Vote repris dans {kind_text} ({actual}) ≠ vote du point ({expected})",
         "Un vote imprimé une seconde fois (ligne d'un récapitulatif des délibérations de la séance, "
         "encadré « Résultat du vote », phrase de clôture « l'ensemble des délibérations ont été "
         "adoptées à l'unanimité ») donne les voix du point lui-même : mêmes pour, contre, abstentions "
         "et résultat là où les deux les impriment ; l'unanimité n'admet aucune voix contre (des "
         "abstentions, si : « unanimité des suffrages exprimés »). « notice » quand une valeur du point "
         "est déduite (« à l'unanimité » → pour = votants) ou lue par un moyen faible. Évaluée sur "
         "toute délibération : sans vote repris, rien ne peut différer."),
    Rule("votes.ballot_expressed", ERROR, ("exprimes", "votants", "blancs_nuls"),
         "Suffrages exprimés ({actual}) ≠ votants ({votants}) − blancs et nuls ({blancs_nuls}) = {expected}",
         "Dans un scrutin dont le document imprime les suffrages exprimés (élection, scrutin secret ou public : "
         "table `ballots`), les votants moins les bulletins blancs et nuls font les suffrages exprimés ; "
         "ajoutée au trente-septième tour."),
    Rule("votes.ballot_sides", ERROR, ("exprimes", "pour", "contre", "voix"),
         "{what} = {actual} ≠ suffrages exprimés ({expected})",
         "Les voix pour et contre d'un scrutin public, ou les voix des listes imprimées sous le scrutin "
         "(pas celles des candidats : un bulletin en nomme plusieurs quand plusieurs sièges sont pourvus), font "
         "les suffrages exprimés (les abstentions n'en sont pas, CGCT L2121-20 ; un "
         "document qui les y compte n'est pas jugé) ; ajoutée au trente-septième tour."),
    Rule("votes.ballot_majority", WARNING, ("majorite_absolue", "exprimes"),
         "Majorité absolue imprimée ({actual}) ≠ suffrages exprimés ÷ 2 + 1 = {expected}",
         "La majorité absolue imprimée avec un scrutin est la moitié des suffrages exprimés plus un, "
         "arrondie à l'entier inférieur (ou celle des votants, comme certains la comptent) ; ajoutée au "
         "trente-septième tour."),
    Rule("table.row_total", ERROR, ("table_cells.value", "table_cells.total_of_columns"),
         "Ligne {row} : la somme des cellules ({expected}) ≠ total indiqué ({actual}){note}",
         "Les cellules d'une ligne s'additionnent à sa colonne Total, là où le modèle du tableau "
         "(extractors/table_model.py) a confirmé par les nombres quelles colonnes elle somme (HT, "
         "« + 20 % » compris ; ni TTC dérivé, ni taux, ni pourcentage). À l'arrondi près de chaque "
         "nombre imprimé ; « notice » quand une cellule est illisible ou lue par OCR."),
    Rule("table.column_total", ERROR, ("table_cells.value", "table_cells.total_of_rows"),
         "Colonne {column}, ligne {row} : la somme des cellules ({expected}) ≠ total indiqué ({actual}){note}",
         "Les cellules d'une colonne s'additionnent à sa ligne Total : un sous-total son bloc, un "
         "total général ses sous-totaux, là où le modèle du tableau l'a confirmé par les nombres "
         "(lignes « dont », « Pourcentage ETP », TVA dérivée non sommées comme parts). À l'arrondi "
         "près ; « notice » quand une cellule est illisible ou lue par OCR."),
    Rule("objectives.summary_percent", ERROR, ("summaries.percent", "objectives.status"),
         "« {statement} » : {numerator}/{denominator} objectifs = {actual} %, pas {expected} %",
         "Un pourcentage de synthèse correspond aux décomptes de la colonne d'état qu'il résume "
         "(arrondi à l'entier le plus proche)."),
    Rule("value.out_of_range", WARNING, ("column",),
         "{column} : {actual} ne tient pas dans la colonne ({expected}) ; valeur laissée vide",
         "Une valeur lue est trop grande pour le type de sa colonne (un décompte de onze chiffres, "
         "souvent une erreur de saisie ou de lecture) : elle est laissée vide plutôt que d'arrêter "
         "la lecture du document. Émise à l'écriture des lignes (pipeline/store.py `conform`)."),
    Rule("extraction.incomplete", WARNING, ("deliberations", "session_date", "presents", "votants"),
         "{scope} : non lu — {expected} (absent du document ou non reconnu) ; les contrôles qui en "
         "dépendent n'ont pas été faits",
         "Un document qui indique une séance mais dont aucune délibération n'a été lue, ou une délibération "
         "sans date de séance ou sans décompte des présents ni des votants : ce qui manque est nommé, "
         "une seule fois pour toutes les délibérations à qui il manque la même chose (`seqs`). Voir la "
         "table `coverage`."),
    Rule("extraction.stage_error", WARNING, ("documents.error",),
         "Étape « {stage} » interrompue ({actual}) : ce qu'elle lit manque à ce document ; les "
         "contrôles qui en dépendent n'ont pas été faits",
         "Une étape de lecture (délibérations, objectifs, fiches, tableaux chiffrés) a levé une erreur sur "
         "ce document : les autres étapes l'ont lu (succès partiel, `documents.status` = ok) et l'erreur "
         "est dans `documents.error`. Le rapport le dit ici : sans cela, le seul signe en serait des "
         "lignes manquantes."),
    Rule("votes.room", WARNING, ("pour", "contre", "abstentions", "votants", "attendance.status", "proxies.holder"),
         "{actual} {what} pour {expected} membres pouvant voter après un départ ou une arrivée ({presents} "
         "présent(s) + {pouvoirs} pouvoir(s))",
         "Après le départ ou l'arrivée d'un membre (« M. X quitte la séance »), le vote d'un point (ou ses "
         "votants) ne dépasse pas les présents restés plus les pouvoirs qu'ils détiennent. Jugé sur le premier "
         "point après le mouvement, seulement après un point dont les listes font les présents et pouvoirs "
         "imprimés, et pour un excès d'au plus deux voix au-delà de la salle (ou jusqu'à la salle d'avant) : "
         "un avertissement, car un retour non lu suffirait à l'expliquer."),
    Rule("fiche.cost_matches_table", WARNING, ("fiches.cout_total_ttc", "table_cells.value"),
         "Fiche {code} : coût total {actual} € TTC, mais {expected} € dans le tableau {table_id}",
         "Le coût total TTC d'une fiche est égal au total de sa ligne dans le tableau des coûts annuels."),
]}


Finding = dict[str, Any]
Evaluator = Callable[[Any], Iterator[Finding]]


@dataclass(frozen=True)
class Check:
    rule: Rule
    evaluate: Evaluator
    needs: tuple[str, ...]  # tables that must be present and non-empty


CHECKS: dict[str, Check] = {}


def check(rule_id: str, needs: tuple[str, ...]) -> Callable[[Evaluator], Evaluator]:
    """Register `func` as the evaluation of `rule_id` (which must be declared above)."""
    def register(func: Evaluator) -> Evaluator:
        CHECKS[rule_id] = Check(RULES[rule_id], func, needs)
        return func
    return register


SEVERITIES = (ERROR, WARNING, NOTICE)


def finding(rule_id: str, *, doc_id: str, subject: str, expected: Any, actual: Any,
            seq: int | None = None, page: int | None = None, line: int | None = None,
            quote: str | None = None, severity: str | None = None, **values: Any) -> Finding:
    """One row of `findings`; the message is the rule's template over all the values.

    `severity` lowers (or raises) one finding's severity, e.g. to NOTICE when doubt about a
    reading could explain the mismatch; the rule's declared severity is the default."""
    rule = RULES[rule_id]
    if severity is not None and severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r} for {rule_id}")
    difference = _difference(expected, actual)
    expected, actual = fmt(expected), fmt(actual)
    values = {k: fmt(v) for k, v in values.items()}
    message = rule.message.format(expected=expected, actual=actual, **values)
    return {"doc_id": doc_id, "check_id": rule.id, "severity": severity or rule.severity, "seq": seq,
            "subject": subject, "fields": list(rule.fields), "expected": expected,
            "actual": actual, "message": message, "page": page, "line": line, "quote": quote,
            "finding_id": finding_id(doc_id, rule.id, subject),
            "seqs": [seq] if seq is not None else [], "difference": difference}


def finding_id(doc_id: str, check_id: str, subject: str) -> str:
    """16 hex digits naming one problem: stable across runs, so a report can say what changed."""
    return hashlib.sha256(f"{doc_id}\x1f{check_id}\x1f{subject}".encode()).hexdigest()[:16]


def _difference(expected: Any, actual: Any) -> float | None:
    """actual − expected when both are numbers (booleans and dates are not)."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return None
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return float(actual) - float(expected)
    return None


def fmt(value: Any) -> str:
    """Numbers as analysts write them in a CSV: 41, 157500, 2.5 (no trailing .0)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return "" if value is None else str(value)
