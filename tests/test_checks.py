"""Unit tests of the consistency checks on small DataFrames.

The baseline is the Hautes Terres deliberation of 11 April 2024 (samples/000_…):
29 présents, 12 pouvoirs, 41 votants, 57 membres, 28 absents; it passes every
check. Each test plants one inconsistency in a copy and expects its rule to fire.
"""
from __future__ import annotations

import copy
import datetime as dt

import pandas as pd
import pytest

import checks
from checks import legal, names
from checks.rules import CHECKS, ERROR, RULES, WARNING
from schemas.tables import columns

PRESENT = ("Didier ACHALME, Djuwan ARMANDET, Karine BATIFOULIER, André BOUARD, Georges CEYTRE, "
           "Gilles CHABRIER, Magali CRAUSER, Denis DELPIROU, Franck DE MAGALHAES, Christian DONIOL, "
           "Emmanuel FURNAL, Xavier FURNAL, Danielle GOMONT, Eric JOB, Pierre JUILLARD, Jérôme LUSSERT, "
           "Danièle MAJOREL, Daniel MEISSONNIER, Patrick MERAL, Jean-Pierre PENOT, "
           "Colette PONCHET-PASSEMARD, Gérard POUDEROUX, Pierrick ROCHE, Danielle ROLLAND, "
           "Philippe ROSSEEL, Philippe SARANT, Christophe SOULIER, Marie-Claire TUFFERY, Eric VIALA").split(", ")
ABSENT = ("Gilles AMAT, Claire ANDRIEUX-JANNETTA, Vivien BATIFOULIER, Bernadette BEAUFORT-MICHEL, "
          "Frédérique BUCHON, Marie Ange CHARBONNIER, Lucette CHAUVEL, David GENEIX, Robert JOUVE, "
          "Emmanuelle LAMBERT-DELHOMME, Jean-François LANDES, Philippe LEBERICHEL, Luc LESCURE, "
          "Michel MARSAL, Vincent MENINI, Bernard PAGENEL, Michel PORTENEUVE, Ghyslaine PRADEL, "
          "Jean-Paul REBOUL, Félix ROCHE, Jean RONGIER, Claire TEISSEDRE, Marie-Laure TIBLE, "
          "Josette TOUZET, André TRONCHE, Alain VAN SIMMERTIER, Jean Louis VERDIER, Roland VERNET").split(", ")
PROXIES = [("Gilles AMAT", "Denis DELPIROU"), ("Vivien BATIFOULIER", "Karine BATIFOULIER"),
           ("Lucette CHAUVEL", "Georges CEYTRE"), ("Robert JOUVE", "Didier ACHALME"),
           ("Emmanuelle LAMBERT-DELHOMME", "Gilles CHABRIER"), ("Philippe LEBERICHEL", "Eric JOB"),
           ("Bernard PAGENEL", "Pierrick ROCHE"), ("Ghyslaine PRADEL", "Colette PONCHET-PASSEMARD"),
           ("Claire TEISSEDRE", "Xavier FURNAL"), ("Josette TOUZET", "Danielle GOMONT"),
           ("Jean Louis VERDIER", "Philippe ROSSEEL"), ("Roland VERNET", "Marie-Claire TUFFERY")]
COUNT_LINE = "Présents : 29 – Pouvoirs : 12 – Votants : 41"


def hautes_terres() -> dict:
    """Plain-Python tables of the sample deliberation (turned into DataFrames by `run`)."""
    delib = dict(doc_id="d1", seq=1, session_date=dt.date(2024, 4, 11),
                 convocation_date=dt.date(2024, 4, 4), membres_en_exercice=57, presents=29,
                 absents=None, pouvoirs=12, votants=41, pour=41, contre=0, abstentions=0,
                 non_votants=0, unanimite=None, resultat=None, sans_quorum=False, page_start=1)
    attendance = ([dict(doc_id="d1", seq=1, name=n, status="present", page=1) for n in PRESENT]
                  + [dict(doc_id="d1", seq=1, name=n, status="absent", page=1) for n in ABSENT])
    proxies = [dict(doc_id="d1", seq=1, giver=g, holder=h, page=1) for g, h in PROXIES]
    provenance = [dict(doc_id="d1", table="deliberations", record_key="seq=1", field=f,
                       page=1, line=line, text=text) for f, line, text in [
        ("presents", 23, COUNT_LINE), ("pouvoirs", 23, COUNT_LINE), ("votants", 23, COUNT_LINE),
        ("membres_en_exercice", 22, "Membres en exercice : 57"), ("pour", 25, "Pour : 41"),
        ("convocation_date", 20, "Date de convocation : 04 avril 2024")]]
    return {"deliberations": [delib], "attendance": attendance, "proxies": proxies,
            "provenance": provenance}


def run(data: dict) -> pd.DataFrame:
    return checks.run_all({name: pd.DataFrame(rows) for name, rows in data.items()})


def fired(data: dict) -> list[str]:
    return sorted(run(data)["check_id"])


def delib(**changes):
    def mutate(data):
        data["deliberations"][0].update(changes)
    return mutate


def replace_name(old: str, new: str, status: str | None = None):
    def mutate(data):
        for row in data["attendance"]:
            if row["name"] == old:
                row["name"] = new
                row["status"] = status or row["status"]
    return mutate


def drop_names(*dropped: str):
    def mutate(data):
        data["attendance"] = [r for r in data["attendance"] if r["name"] not in dropped]
    return mutate


NOT_HOLDERS = ["Eric VIALA", "Djuwan ARMANDET", "André BOUARD", "Magali CRAUSER", "Franck DE MAGALHAES",
               "Christian DONIOL", "Emmanuel FURNAL", "Pierre JUILLARD", "Jérôme LUSSERT",
               "Danièle MAJOREL", "Daniel MEISSONNIER", "Patrick MERAL", "Jean-Pierre PENOT",
               "Gérard POUDEROUX"]


def set_proxy(index: int, giver: str | None = None, holder: str | None = None):
    def mutate(data):
        row = data["proxies"][index]
        row["giver"], row["holder"] = giver or row["giver"], holder or row["holder"]
    return mutate


def drop_proxy(data):
    data["proxies"] = data["proxies"][1:]


@pytest.fixture()
def data():
    return copy.deepcopy(hautes_terres())


# --- the contract -----------------------------------------------------------------

CONTRACT = {
    "attendance.votants": ERROR, "votes.breakdown": ERROR, "attendance.present_count": ERROR,
    "attendance.proxy_count": ERROR, "attendance.members_total": WARNING,
    "attendance.listed_twice": WARNING, "attendance.presents_le_exercice": ERROR,
    "proxy.giver_absent": ERROR, "proxy.holder_present": ERROR, "proxy.one_per_holder": ERROR,
    "quorum.reached": ERROR, "dates.convocation_before_session": ERROR,
    "votes.votants_le_exercice": ERROR, "votes.result_consistent": ERROR, "votes.unanimity_against": ERROR,
    "votes.named_count": ERROR, "votes.restated": ERROR, "votes.room": WARNING, "votes.unanimity_abstentions": WARNING,
    "votes.ballot_expressed": ERROR, "votes.ballot_sides": ERROR, "votes.ballot_majority": WARNING,
    "table.row_total": ERROR, "table.column_total": ERROR,
    "objectives.summary_percent": ERROR, "fiche.cost_matches_table": WARNING,
    "value.out_of_range": WARNING,
    "extraction.incomplete": WARNING, "extraction.stage_error": WARNING,
}


def test_rule_ids_and_severities_are_the_contract():
    assert {k: r.severity for k, r in RULES.items()} == CONTRACT
    assert set(CHECKS) == set(RULES)  # every rule has an evaluation


def test_findings_columns_exactly_and_empty_input():
    assert list(checks.run_all({}).columns) == columns("findings")
    assert checks.run_all({"deliberations": pd.DataFrame()}).empty


# --- deliberations: the consistent baseline and one mutation per rule ----------------

def test_hautes_terres_has_no_finding(data):
    assert fired(data) == []


TRIPS = {
    "votants": (delib(votants=40), ["attendance.votants", "votes.breakdown"]),
    "breakdown": (delib(pour=40), ["votes.breakdown"]),
    "present_count": (drop_names("Eric VIALA"), ["attendance.present_count"]),
    "proxy_count": (drop_proxy, ["attendance.proxy_count"]),
    "members_total": (delib(membres_en_exercice=56), ["attendance.members_total"]),
    "giver_absent": (set_proxy(0, giver="Eric Viala"), ["proxy.giver_absent"]),
    "holder_present": (set_proxy(0, holder="Gilles Amat"), ["proxy.holder_present"]),
    "one_per_holder": (set_proxy(0, holder="Eric JOB"), ["proxy.one_per_holder"]),
    "quorum": (delib(presents=28, votants=40, pour=40, membres_en_exercice=56, absents=28),
               ["attendance.present_count", "quorum.reached"]),
    "convocation": (delib(convocation_date=dt.date(2024, 4, 11)), ["dates.convocation_before_session"]),
    "votants_le_exercice": (delib(membres_en_exercice=40, absents=11), ["votes.votants_le_exercice"]),
    "presents_le_exercice": (delib(membres_en_exercice=28, absents=0),
                             ["attendance.members_total", "attendance.presents_le_exercice", "votes.votants_le_exercice"]),
    "result_adopted": (delib(pour=20, contre=21, resultat="adopte"), ["votes.result_consistent"]),
    "unanimity_against": (lambda data: (delib(pour=39, contre=2, unanimite=True)(data), data["provenance"].extend(
        dict(doc_id="d1", table="deliberations", record_key="seq=1", field=f, page=1, line=26,
             text="Adopté à l'unanimité – Contre : 2") for f in ("unanimite", "contre"))),
                          ["votes.unanimity_against"]),
    "result_rejected": (delib(resultat="rejete"), ["votes.result_consistent"]),
    "named_count": (lambda data: (delib(pour=38, contre=3, contre_nommes=2)(data), data["provenance"].extend(
        dict(doc_id="d1", table="deliberations", record_key="seq=1", field=f, page=1, line=30,
             text="Contre : 3 (M. Hervé MICHEL, Mme Gisèle LAURENT)") for f in ("contre", "contre_nommes"))),
                    ["votes.named_count"]),
}


@pytest.mark.parametrize("name", TRIPS)
def test_each_deliberation_rule_trips(data, name):
    mutate, expected = TRIPS[name]
    mutate(data)
    assert fired(data) == sorted(expected)


def sans_quorum(data):
    """Second convocation: 15 présents of 57, 12 pouvoirs, said to sit without quorum."""
    delib(presents=15, votants=27, pour=27, sans_quorum=True)(data)
    drop_names(*NOT_HOLDERS)(data)  # 29 - 14 = 15 names listed
    data["attendance"] += [dict(doc_id="d1", seq=1, name=n, status="absent", page=1)
                           for n in NOT_HOLDERS]


PASSES = {  # mutations that look suspicious but are consistent: no finding at all
    "non_votants_counted_apart": delib(pour=40, non_votants=1),
    "null_counts_are_skipped": delib(votants=None, pour=None, presents=None, membres_en_exercice=None),
    "name_spelling_tolerated": replace_name("Danièle MAJOREL", "daniele  Majorel"),
    "civility_tolerated": set_proxy(3, holder="M. Didier ACHALME"),
    "word_order_tolerated": set_proxy(3, holder="ACHALME Didier"),
    "sans_quorum_second_convocation": sans_quorum,
    "adopted_with_more_pour": delib(pour=30, contre=11, resultat="adopte"),
    "rejected_with_more_contre": delib(pour=11, contre=30, resultat="rejete"),
    "tie_not_judged": delib(pour=20, contre=20, abstentions=1, resultat="rejete"),
    "absents_stated": delib(absents=28),
    "convocation_unknown": delib(convocation_date=None),
}


@pytest.mark.parametrize("name", PASSES)
def test_each_deliberation_rule_passes(data, name):
    PASSES[name](data)
    assert fired(data) == []


def test_family_names_are_not_confused(data):
    # "Vivien BATIFOULIER" (absent) gave a proxy to "Karine BATIFOULIER" (present).
    assert names.match("Vivien BATIFOULIER", PRESENT) is None
    assert names.match("Félix ROCHE", PRESENT) is None
    assert names.match("ACHALME Didier", PRESENT) == "Didier ACHALME"
    assert names.match("Colette PONCHET PASSEMARD", PRESENT) == "Colette PONCHET-PASSEMARD"


def test_quorum_exactly_half_is_not_reached(data):
    delib(presents=28, votants=40, pour=40, membres_en_exercice=56)(data)
    drop_names("Eric VIALA")(data)
    found = run(data).set_index("check_id")
    assert found.loc["quorum.reached", "expected"] == "> 28"
    assert found.loc["quorum.reached", "actual"] == "28"


def test_quorum_during_health_emergency_is_a_third(data):
    # 20 présents of 57 in March 2021: above a third (19), below half.
    delib(session_date=dt.date(2021, 3, 11), convocation_date=dt.date(2021, 3, 4),
          presents=20, pouvoirs=12, votants=32, pour=32, absents=37)(data)
    drop_names(*NOT_HOLDERS[:9])(data)
    assert fired(data) == []  # absents = 37 as stated
    delib(session_date=dt.date(2021, 10, 14), convocation_date=dt.date(2021, 10, 7))(data)
    assert fired(data) == ["quorum.reached"]  # common law again from 1 October 2021  # common law again from 1 October 2021


def test_two_proxies_allowed_during_health_emergency(data):
    set_proxy(0, holder="Eric JOB")(data)
    delib(session_date=dt.date(2022, 2, 10), convocation_date=dt.date(2022, 2, 3))(data)
    assert fired(data) == []
    set_proxy(1, holder="Eric JOB")(data)
    found = run(data)
    assert list(found["check_id"]) == ["proxy.one_per_holder"]
    assert found.iloc[0]["actual"] == "3" and found.iloc[0]["expected"] == "2"


def test_legal_periods_are_data():
    assert legal.rule_on(dt.date(2024, 4, 11)).quorum_reached(29, 57)
    assert not legal.rule_on(dt.date(2024, 4, 11)).quorum_reached(28, 57)
    assert legal.rule_on(dt.date(2020, 5, 1)).counts == "present_or_represented"
    assert legal.rule_on(dt.date(2020, 10, 20)).max_proxies_per_holder == 1  # no derogation
    assert legal.rule_on(dt.date(2022, 7, 31)).max_proxies_per_holder == 2
    assert legal.rule_on(dt.date(2022, 8, 1)).max_proxies_per_holder == 1
    assert legal.rule_on(None).quorum_fraction == 0.5
    assert legal.rule_on(dt.date(2021, 1, 1)).quorum_reached(19, 57)  # a third of 57 is 19


def test_present_or_represented_counts_proxies(data):
    # May 2020 (ordonnance 2020-391): 15 présents + 12 pouvoirs = 27 ≥ 19.
    delib(session_date=dt.date(2020, 5, 14), convocation_date=dt.date(2020, 5, 7),
          presents=15, votants=27, pour=27, absents=42)(data)
    drop_names(*NOT_HOLDERS)(data)
    assert fired(data) == []
    delib(session_date=dt.date(2020, 10, 22), convocation_date=dt.date(2020, 10, 15))(data)
    assert fired(data) == ["quorum.reached"]  # no derogation between 31 Aug and 14 Nov 2020


def test_rows_frames_and_arrow_give_the_same_findings(data):
    """A worker checks a document's plain rows; `registre check` checks Arrow tables read
    back from Parquet; tests use DataFrames. The findings must not depend on which."""
    import pyarrow as pa

    delib(votants=40, pour=39, contre=2)(data)
    as_rows = checks.evaluate(copy.deepcopy(data))
    as_arrow = checks.evaluate({n: pa.Table.from_pylist(rows) for n, rows in data.items()})
    as_frames = run(data).astype(object).where(run(data).notna(), None).to_dict("records")
    assert [r["check_id"] for r in as_rows] == ["attendance.votants", "votes.breakdown"]
    assert as_rows == as_arrow
    assert [(r["check_id"], r["expected"], r["actual"], r["line"], r["quote"]) for r in as_rows] == \
        [(r["check_id"], r["expected"], r["actual"], r["line"], r["quote"]) for r in as_frames]


def test_line_text_quotes_any_provenance_row_of_that_line(data):
    tabs = checks.Tables(data)
    assert tabs.line_text("d1", 1, 23) == COUNT_LINE
    assert tabs.line_text("d1", 1.0, "22") == "Membres en exercice : 57"
    assert tabs.line_text("d1", 2, 23) is None and tabs.line_text("d2", 1, 23) is None


def test_finding_quotes_the_source_line(data):
    delib(votants=40, pour=40)(data)
    row = run(data).iloc[0]
    assert row["check_id"] == "attendance.votants"
    assert (row["subject"], row["seq"], row["page"], row["line"]) == ("deliberation 1", 1, 1, 23)
    assert row["quote"] == COUNT_LINE
    assert (row["expected"], row["actual"]) == ("41", "40")
    assert row["message"] == "Votants (40) ≠ présents (29) + pouvoirs (12) = 41"
    assert row["fields"] == ["votants", "presents", "pouvoirs"]


def test_proxy_subject_names_the_person(data):
    set_proxy(0, giver="Eric VIALA")(data)
    set_proxy(1, giver="Eric JOB")(data)
    found = run(data)
    assert sorted(found["subject"]) == ["deliberation 1 proxy Eric JOB", "deliberation 1 proxy Eric VIALA"]


def test_missing_tables_skip_their_checks(data):
    data.pop("attendance")
    data.pop("proxies")
    delib(pouvoirs=11)(data)
    assert fired(data) == ["attendance.votants"]  # count checks on lists are skipped


def test_a_failing_check_does_not_hide_the_others(data, monkeypatch):
    def broken(tables):
        raise ValueError("bug")
        yield
    original = CHECKS["quorum.reached"]
    monkeypatch.setitem(CHECKS, "quorum.reached", original.__class__(original.rule, broken, original.needs))
    delib(votants=40, pour=40)(data)
    with pytest.warns(RuntimeWarning, match="quorum.reached"):
        assert list(run(data)["check_id"]) == ["attendance.votants"]


# --- numeric tables ----------------------------------------------------------------

COST_TEXT = """Document de travail : Approche financière annuelle (extrait de samples/003_…)
Actions\t2020\t2021\t2022\t2023\t2024\tTotal TTC
E.1 La signature\t12000\t\t\t\t\t12000
E.2 Les éditions génériques\t25000\t25000\t25000\t25000\t25000\t125000
E.10 Les accueils (hors masse salariale…)\t100000\t50000\t2500\t2500\t2500\t157500
Total\t137000\t75000\t27500\t27500\t27500\t294500
"""
WORKLOAD_TEXT = """Temps de travail direction :
Actions\t2020\t2021\t2022\t2023\t2024
E.1 La signature\t40\t\t\t\t
E.2 Les éditions génériques\t30\t30\t30\t30\t30
E.3 Les éditions thématiques\t30\t30\t30\t30\t30
Total\t100\t60\t60\t60\t60
Pourcentage ETP\t6\t4\t4\t4\t4
"""


def table_cells(text: str, doc_id: str = "s", ocr: bool = False) -> list[dict]:
    """`table_cells` as the extractor writes them (roles and sums included) from a text table."""
    from extractors import numeric_tables
    from pipeline.loaders.text import load_text
    from schemas import Document

    doc = load_text(Document(doc_id, "t.txt", "", "text"), text.encode())
    doc.meta["ocr_pages"] = [1] if ocr else []
    doc = numeric_tables.extract(doc)
    return [{k: v for k, v in r.items() if k != "_prov"} | {"doc_id": doc_id} for r in doc.records["table_cells"]]


def test_tables_that_add_up_have_no_finding():
    assert fired({"table_cells": table_cells(COST_TEXT + "\n" + WORKLOAD_TEXT)}) == []


def test_one_wrong_cell_is_one_finding_naming_the_cell():
    # E.10's 2024 cell 0 instead of 2500: its row and the 2024 column miss by 2500, crossing there
    found = run({"table_cells": table_cells(COST_TEXT.replace("\t2500\t157500", "\t0\t157500"))})
    assert list(found["check_id"]) == ["table.row_total"]
    e10 = found.iloc[0]
    assert (e10["subject"], e10["expected"], e10["actual"], e10["severity"], e10["difference"]) == (
        "table t1 row E.10", "155000", "157500", "error", 2500.0)
    assert "la colonne 2024 s'écarte du même montant : la cellule « E.10 » × « 2024 » (0) est en cause" \
        in e10["message"]
    assert e10["quote"].startswith("E.10 Les accueils")


def test_column_total_trips_and_derived_rows_are_not_summed():
    found = run({"table_cells": table_cells(WORKLOAD_TEXT.replace("Total\t100", "Total\t110"))})
    assert list(found["check_id"]) == ["table.column_total"]
    row = found.iloc[0]
    assert (row["subject"], row["expected"], row["actual"]) == ("table t1 column 2020 row Total", "100", "110")
    assert row["message"] == "Colonne 2020, ligne Total : la somme des cellules (100) ≠ total indiqué (110)"


def test_a_mismatch_read_by_ocr_is_a_notice():
    found = run({"table_cells": table_cells(WORKLOAD_TEXT.replace("Total\t100", "Total\t110"), ocr=True)})
    assert list(found["severity"]) == ["notice"]
    assert found.iloc[0]["message"].endswith("— à vérifier : nombres lus par OCR")


def test_totals_the_numbers_do_not_confirm_are_not_checked():
    # two of the three totals wrong: the Total row is no longer confirmed, nothing is said
    text = WORKLOAD_TEXT.replace("Total\t100\t60", "Total\t110\t70")
    assert fired({"table_cells": table_cells(text)}) == []


def test_severity_can_be_lowered_per_finding():
    from checks.rules import NOTICE, finding

    kwargs = dict(doc_id="d", subject="table t1 row A", expected=1.0, actual=2.0, row="A", note="")
    assert finding("table.row_total", **kwargs)["severity"] == ERROR
    assert finding("table.row_total", severity=NOTICE, **kwargs)["severity"] == NOTICE
    with pytest.raises(ValueError, match="unknown severity"):
        finding("table.row_total", severity="fatal", **kwargs)


# --- objectives summaries -----------------------------------------------------------

def objectives_rows() -> list[dict]:
    """19 réalisées, 28 en cours, 53 non réalisées of which 24 planned in 2024 (sample 000)."""
    statuses = ["realisee"] * 19 + ["en_cours"] * 28 + ["non_realisee"] * 53
    years = [2023] * 19 + [2022] * 28 + [2024] * 24 + [2025] * 20 + [None] * 8 + [2026]
    return [dict(doc_id="d1", table_seq=1, number=i + 1, status=s, year_planned=y, page=3)
            for i, (s, y) in enumerate(zip(statuses, years))]


SUMMARIES = [
    dict(doc_id="d1", table_seq=1, percent=48.0, numerator_statuses=["realisee", "en_cours"],
         denominator_statuses=None, year_planned=None, page=6, line=196,
         statement="48 % des actions prévues ont été réalisées ou sont en cours de réalisation au 31-12-2023"),
    dict(doc_id="d1", table_seq=1, percent=52.0, numerator_statuses=["non_realisee"],
         denominator_statuses=None, year_planned=None, page=6, line=200,
         statement="52 % des actions prévues n'ont pas encore été réalisées au 31-12-2023"),
    dict(doc_id="d1", table_seq=1, percent=21.0, numerator_statuses=["non_realisee"],
         denominator_statuses=["non_realisee"], year_planned=2024, page=6, line=202,
         statement="21 % des actions non-réalisées au 31-12-2023 sont proposées au sein du plan d'action en 2024"),
]


def test_objective_summaries_are_recounted():
    found = run({"objectives": objectives_rows(), "summaries": SUMMARIES}).set_index("subject")
    assert list(found.index) == ['objectives table 1 statement "48 %"', 'objectives table 1 statement "52 %"',
                                 'objectives table 1 statement "21 %"']
    assert list(found["actual"]) == ["47", "53", "45"]  # 47/100, 53/100, 24/53
    assert list(found["expected"]) == ["48", "52", "21"]
    assert found.iloc[0]["line"] == 196 and found.iloc[0]["quote"].startswith("48 % des actions")


def test_objective_summary_that_matches_is_not_flagged():
    right = [dict(SUMMARIES[0], percent=47.0), dict(SUMMARIES[1], percent=53.0),
             dict(SUMMARIES[2], percent=45.0)]
    assert fired({"objectives": objectives_rows(), "summaries": right}) == []
    # 24/53 = 45.28 %: "45,3 %" stated with a decimal is compared to the tenth
    assert fired({"objectives": objectives_rows(), "summaries": [dict(SUMMARIES[2], percent=45.3)]}) == []


# --- fiches ----------------------------------------------------------------------

FICHES = [dict(doc_id="s", code="E.1", cout_total_ttc=12000.0, page_start=9,
               cout_estimatif_text="10 000 € H.T. / 12 000 € TTC"),
          dict(doc_id="s", code="E.2", cout_total_ttc=None, page_start=12, cout_estimatif_text=None),
          dict(doc_id="s", code="E.10", cout_total_ttc=150000.0, page_start=30,
               cout_estimatif_text="120 000 € H.T. (dont 30 000 € sur budget signalétique), 150000 € TTC")]


def test_fiche_cost_differs_from_table():
    found = run({"fiches": FICHES, "table_cells": table_cells(COST_TEXT)})
    assert list(found["check_id"]) == ["fiche.cost_matches_table"]
    row = found.iloc[0]
    assert (row["subject"], row["severity"], row["expected"], row["actual"], row["page"]) == \
        ("fiche E.10", "warning", "157500", "150000", 30)
    assert "150000 € TTC" in row["quote"]


def test_fiche_cost_matching_or_unknown_is_not_flagged():
    fiches = [f for f in FICHES if f["code"] != "E.10"] + [dict(FICHES[2], code="E.13")]
    assert fired({"fiches": fiches, "table_cells": table_cells(COST_TEXT)}) == []


def test_fiche_cost_needs_a_confirmed_total():
    # the Total TTC column no longer adds up its rows: the table gives no row total
    text = COST_TEXT.replace("\t12000\n", "\t1\n").replace("\t125000", "\t2")
    assert "fiche.cost_matches_table" not in fired({"fiches": FICHES, "table_cells": table_cells(text)})
