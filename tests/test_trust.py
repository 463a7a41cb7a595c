"""Findings a controller can trust (checks/trust.py, checks/coverage.py, issue 13).

- a derived value is never compared with what it was derived from;
- doubt about a reading (OCR confidence, a weak recogniser, a name matched by surname
  only) makes a mismatch a notice, the doubt named;
- one finding per root cause: a header count inherited by every item is one finding;
- what was not read or not checked is said: `coverage` rows and `extraction.incomplete`.

The baseline tables are the Hautes Terres deliberation of tests/test_checks.py (29
présents, 12 pouvoirs, 41 votants, 57 membres); documents are real or under
tests/data/checks.
"""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

import checks
from checks import names
from checks.rules import ERROR, NOTICE, WARNING
from pipeline.stages import process
from tests.test_checks import COUNT_LINE, delib, drop_proxy, hautes_terres

DATA = Path(__file__).parent / "data" / "checks"
REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"


def how(data: dict, field: str, method: str, derived: bool = False, confidence: float | None = None):
    """Say in provenance how `field` of deliberation 1 was read."""
    rows = [r for r in data["provenance"] if r["field"] == field and r["table"] == "deliberations"]
    if not rows:
        rows = [dict(doc_id="d1", table="deliberations", record_key="seq=1", field=field, page=1, line=30,
                     text="à l'unanimité")]
        data["provenance"] += rows
    rows[0].update(method=method, derived=derived, confidence=confidence)


@pytest.fixture()
def data():
    return copy.deepcopy(hautes_terres())


def findings(data: dict) -> list[dict]:
    return checks.evaluate(data)


def coverage(data: dict) -> list[dict]:
    data.setdefault("documents", [dict(doc_id="d1", status="ok")])
    return checks.review(data)[1]


# --- a derived value is never compared with its source -------------------------------------

def test_pour_derived_from_unanimity_is_not_compared_with_votants(data):
    """"Adopté à l'unanimité" with no figures: pour = votants (41). Votants then read as 40:
    présents + pouvoirs says so (an error), pour + contre + abstentions must not."""
    delib(votants=40, pour=40)(data)
    how(data, "pour", "unanimity", derived=True)
    assert [(f["check_id"], f["severity"]) for f in findings(data)] == [("attendance.votants", ERROR)]
    (row,) = [c for c in coverage(data) if c["scope"] == "deliberation"]
    assert "votes.breakdown: pour déduit de « à l'unanimité » : la comparaison ne peut pas échouer" \
        in row["checks_skipped"]
    assert "votes.breakdown" not in row["checks_run"] and "attendance.votants" in row["checks_run"]


def test_pouvoirs_counted_from_the_list_is_not_compared_with_the_list(data):
    drop_proxy(data)  # 11 proxies listed, pouvoirs = 12
    assert [f["check_id"] for f in findings(data)] == ["attendance.proxy_count"]
    how(data, "pouvoirs", "proxies_listed", derived=True)
    assert findings(data) == []
    (row,) = [c for c in coverage(data) if c["scope"] == "deliberation"]
    assert any(s.startswith("attendance.proxy_count: pouvoirs compté sur la liste des procurations")
               for s in row["checks_skipped"])


def test_result_derived_from_the_counts_is_not_judged(data):
    delib(pour=20, contre=21, resultat="rejete")(data)
    how(data, "resultat", "counts", derived=True)
    assert "votes.result_consistent" not in [f["check_id"] for f in findings(data)]


# --- doubt makes a notice ------------------------------------------------------------------

def test_low_confidence_ocr_count_gives_a_notice(data):
    delib(votants=40, pour=40)(data)
    how(data, "votants", "label_value", confidence=62.0)
    (row,) = [f for f in findings(data) if f["check_id"] == "attendance.votants"]
    assert row["severity"] == NOTICE
    assert row["message"] == ("Votants (40) ≠ présents (29) + pouvoirs (12) = 41 — à vérifier : "
                              "votants lu par OCR (confiance 62)")
    assert (row["expected"], row["actual"], row["quote"]) == ("41", "40", COUNT_LINE)
    how(data, "votants", "label_value", confidence=96.0)  # read with confidence: the rule's severity
    assert [f["severity"] for f in findings(data) if f["check_id"] == "attendance.votants"] == [ERROR]


def test_weak_recogniser_gives_a_warning(data):
    """"15 présents" (a number before its label) may be a number of something else, though
    mostly it is the count: a mismatch resting on it alone is a warning, not an error."""
    delib(presents=15)(data)
    how(data, "presents", "number_before")
    found = {f["check_id"]: f for f in findings(data)}
    assert found["attendance.votants"]["severity"] == WARNING
    assert found["attendance.votants"]["message"].endswith(
        "à vérifier : presents : nombre lu devant son libellé (« 15 présents »)")
    assert found["quorum.reached"]["severity"] == WARNING


def test_weak_and_other_doubts_give_a_notice(data):
    """A number before its label and a value read by OCR with low confidence: a notice."""
    delib(presents=15)(data)
    how(data, "presents", "number_before")
    how(data, "pouvoirs", "label_value", confidence=41.0)
    found = {f["check_id"]: f for f in findings(data)}
    assert found["attendance.votants"]["severity"] == NOTICE


def test_absents_counted_on_the_list_give_a_warning_or_a_notice(data):
    """Some registers list only the excused: présents + absents listed ≠ membres is to be
    checked; a warning when the présents listed make their count (the lists were read whole),
    a notice when they do not."""
    delib(membres_en_exercice=56)(data)
    (row,) = findings(data)
    assert (row["check_id"], row["severity"]) == ("attendance.members_total", WARNING)
    delib(absents=28)(data)  # stated: the rule's own severity
    assert [(f["check_id"], f["severity"]) for f in findings(data)] == [("attendance.members_total", WARNING)]


def test_absents_counted_beside_a_short_list_of_presents_give_a_notice(data):
    delib(membres_en_exercice=56, presents=30, votants=41)(data)
    row = next(f for f in findings(data) if f["check_id"] == "attendance.members_total")
    assert row["severity"] == NOTICE


def test_a_list_with_an_entry_not_read_gives_a_notice(data):
    """One present name fewer than "Présents : 29", listed absent instead: an error when the
    lists read cleanly (and add up to the members in office), a notice when an entry of them
    did not read as a name (provenance method `list_partial`)."""
    holders = {p["holder"] for p in data["proxies"]}
    gone = next(a for a in data["attendance"] if a["status"] == "present" and a["name"] not in holders)
    gone["status"] = "absent"
    assert ("attendance.present_count", ERROR) in [(f["check_id"], f["severity"]) for f in findings(data)]
    data["provenance"].append(dict(doc_id="d1", table="attendance", record_key="seq=1|name=x", field="name",
                                   page=1, line=12, text="RENARD Cédric ct BLANCHARD Gilles",
                                   method="list_partial", key_seq=1))
    row = next(f for f in findings(data) if f["check_id"] == "attendance.present_count")
    assert row["severity"] == NOTICE
    assert "une entrée n'a pas été lue comme un nom" in row["message"]


def test_lists_short_of_the_members_give_a_warning(data):
    """One present name fewer, and nowhere else: the lists no longer make the 57 members in
    office, so they are in doubt themselves ("Présents : 29" may be right): a warning."""
    holders = {p["holder"] for p in data["proxies"]}
    gone = next(a for a in data["attendance"] if a["status"] == "present" and a["name"] not in holders)
    data["attendance"].remove(gone)
    (row,) = [f for f in findings(data) if f["check_id"] == "attendance.present_count"]
    assert row["severity"] == WARNING and "ne font pas les 57 membres en exercice" in row["message"]


def test_names_read_by_ocr_still_match():
    """"Nico1e", "Jérôrne": OCR's l and m; "Hiigo GAUTIER" fits "Hugo GAUTIER" (partial: a notice)."""
    assert names.match_how("Nicole GAILLARD", ["Nico1e GAILLARD"])[1] == names.EXACT
    assert names.match_how("Jérôme ROCHE", ["Jérôrne ROCHE"])[1] == names.EXACT
    assert names.match_how("Hugo GAUTIER", ["Hiigo GAUTIER", "Anne ROUX"]) == ("Hiigo GAUTIER", names.PARTIAL)
    assert names.match_how("Hugo GAUTIER", ["Marc GAUTIER"]) == (None, None)


def test_names_matched_by_surname_and_initials():
    present = ["SIRI", "HUET", "Dominique MEUNIER", "Karine BATIFOULIER", "Jean DUPONT", "Marie DUPONT"]
    assert names.match_how("G. HUET", present) == ("HUET", names.PARTIAL)
    assert names.match_how("M. MEUNIER", present) == ("Dominique MEUNIER", names.PARTIAL)
    assert names.match_how("Monsieur M. SIRI", present) == ("SIRI", names.EXACT)  # civilities dropped
    assert names.match_how("Vivien BATIFOULIER", present) == (None, None)  # another first name
    assert names.match_how("DUPONT", present) == (None, names.AMBIGUOUS)
    assert names.match_how("Karine Batifoulier", present) == ("Karine BATIFOULIER", names.EXACT)


def test_giver_found_present_by_surname_only_is_a_notice(data):
    data["attendance"].append(dict(doc_id="d1", seq=1, name="AMAT", status="present", page=1))
    (row,) = [f for f in findings(data) if f["check_id"] == "proxy.giver_absent"]
    assert row["severity"] == NOTICE and row["message"].endswith("nom rapproché par le seul nom de famille")


def test_avranches_holder_listed_by_surname_is_present():
    """Avranches, 15 Sept. 2014: "Madame R. LEROY a donné pouvoir à Monsieur G. HUET", and the
    présents list "MM FERREIRA, SIRI, HUET": 14 false errors (one per item) before."""
    result = process(REAL / "benjaminpochat__demos" / "avranches_2014-09-15_pv.txt")
    proxies = {(p["giver"], p["holder"]) for p in result.rows["proxies"]}
    assert ("R. LEROY", "G. HUET") in proxies
    assert not [f for f in result.rows["findings"] if f["check_id"].startswith("proxy.")]


# --- one finding per root cause -------------------------------------------------------------

def test_repeated_header_error_is_one_finding():
    """Minutes whose header says 8 présents + 3 pouvoirs = 12 votants, inherited by its 3 items."""
    result = process(DATA / "votants_header_repeated.txt")
    assert len(result.rows["deliberations"]) == 3
    (row,) = [f for f in result.rows["findings"] if f["severity"] == ERROR]
    assert (row["check_id"], row["subject"], row["seq"], row["seqs"]) == \
        ("attendance.votants", "deliberations 1-3", 1, [1, 2, 3])
    assert (row["expected"], row["actual"], row["line"]) == ("11", "12", 8)
    assert row["quote"] == "Présents : 8 – Pouvoirs : 3 – Votants : 12"


def test_repeated_proxy_problem_is_one_finding(data):
    second = copy.deepcopy(data)
    for table in ("deliberations", "attendance", "proxies"):
        data[table] += [{**r, "seq": 2} for r in second[table]]
    data["provenance"] += [{**r, "record_key": "seq=2"} for r in second["provenance"]]
    data["proxies"][0]["giver"] = data["proxies"][len(second["proxies"])]["giver"] = "Eric VIALA"
    (row,) = findings(data)
    assert (row["check_id"], row["subject"], row["seqs"]) == \
        ("proxy.giver_absent", "deliberations 1-2 proxy Eric VIALA", [1, 2])


# --- coverage and extraction.incomplete -----------------------------------------------------

def test_deliberation_without_date_is_incomplete():
    result = process(DATA / "deliberation_without_date.txt")
    (row,) = result.rows["findings"]
    assert (row["check_id"], row["severity"], row["seqs"]) == ("extraction.incomplete", WARNING, [1])
    assert row["message"] == ("Délibération 1 : non lu — date de séance (absent du document ou non reconnu) ; "
                              "les contrôles qui en dépendent n'ont pas été faits")
    assert row["quote"] == "Objet : Tarifs de la cantine scolaire"


def test_coverage_rows_of_a_document_exactly():
    """tests/data/checks/deliberation_without_date.txt: counts and a unanimous vote, no date,
    no lists of names."""
    result = process(DATA / "deliberation_without_date.txt")
    doc_id = result.rows["documents"][0]["doc_id"]
    document, deliberation = result.rows["coverage"]
    assert deliberation == {
        "doc_id": doc_id, "scope": "deliberation", "seq": 1, "table_id": None,
        "fields_read": ["organe", "numero", "objet", "membres_en_exercice", "presents", "pouvoirs", "votants",
                        "pour", "contre", "abstentions", "unanimite", "resultat"],
        "fields_missing": ["session_date", "convocation_date"],
        "checks_run": ["attendance.votants", "attendance.presents_le_exercice", "quorum.reached",
                       "votes.votants_le_exercice", "votes.named_count", "votes.restated"],
        "checks_skipped": [
            "attendance.present_count: liste des présents non lue",
            "attendance.proxy_count: procurations non listées",
            "attendance.members_total: absents non lu",
            "attendance.listed_twice: liste des présents non lue",
            "proxy.giver_absent: aucune procuration listée",
            "proxy.holder_present: aucune procuration listée",
            "proxy.one_per_holder: aucune procuration listée",
            "votes.room: liste des présents non lue",
            "dates.convocation_before_session: convocation_date non lu",
            "votes.breakdown: pour déduit de « à l'unanimité » : la comparaison ne peut pas échouer",
            "votes.unanimity_against: contre déduit de « à l'unanimité » : la comparaison ne peut pas échouer",
            "votes.unanimity_abstentions: abstentions déduit de « à l'unanimité » : "
            "la comparaison ne peut pas échouer",
            "votes.result_consistent: pour déduit de « à l'unanimité » : la comparaison ne peut pas échouer"],
        "status": "partial"}
    assert document["scope"] == "document" and document["status"] == "partial"
    assert document["fields_read"] == ["deliberations", "decisions"]
    assert document["checks_run"] == deliberation["checks_run"]
    assert document["checks_skipped"][0] == "attendance.present_count: 1/1 délibérations (liste des présents non lue)"


def test_sitting_without_deliberation_is_unread_not_clean():
    result = process(DATA / "sitting_without_deliberation.txt")
    assert "deliberations" not in result.rows
    (row,) = result.rows["findings"]
    assert (row["check_id"], row["severity"], row["page"], row["line"]) == ("extraction.incomplete", WARNING, 1, 3)
    assert row["quote"] == "COMPTE RENDU DE LA SÉANCE DU CONSEIL MUNICIPAL DU 12 MARS 2019"
    (cov,) = result.rows["coverage"]
    assert (cov["scope"], cov["status"], cov["fields_missing"], cov["checks_run"]) == \
        ("document", "unread", ["deliberations"], [])


def test_every_checked_rule_is_run_or_skipped_with_a_reason(data):
    delib(resultat="adopte")(data)
    (row,) = [c for c in coverage(data) if c["scope"] == "deliberation"]
    assert row["status"] == "checked" and row["checks_skipped"] == []
    assert len(row["checks_run"]) == 19
    data["deliberations"][0]["contre"] = None
    (row,) = [c for c in coverage(data) if c["scope"] == "deliberation"]
    assert row["status"] == "partial"
    assert row["checks_skipped"] == ["votes.breakdown: contre non lu", "votes.result_consistent: contre non lu"]


def test_a_failed_document_is_unread(tmp_path):
    from pipeline.stages import failed

    result = failed(tmp_path / "gone.pdf", "missing", "fichier introuvable")
    assert [c["status"] for c in result.rows["coverage"]] == ["unread"]
    assert result.rows["coverage"][0]["doc_id"] == result.rows["documents"][0]["doc_id"]


def test_ingest_prints_and_check_recomputes_the_coverage(tmp_path, capsys):
    from pipeline import api, store
    from pipeline.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("deliberation_without_date.txt", "sitting_without_deliberation.txt", "votants_header_repeated.txt"):
        (folder / name).write_text((DATA / name).read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["ingest", str(folder), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "coverage: documents 3: 2 read, 2 with deliberations, 2 checked; deliberations 4: " \
           "0 fully checked, 4 partly, 0 not checked" in printed
    before = store.read_arrow(out, "coverage").to_pylist()
    assert len(before) == 3 + 4
    assert api.check(out).coverage == api.coverage_counts(out)
    assert sorted(map(str, store.read_arrow(out, "coverage").to_pylist())) == sorted(map(str, before))


def test_ocr_confidence_of_a_span_is_its_lowest_line():
    """A list of proxies joined from two OCR lines read at 93 and 64 is read at 64; a text
    layer has no confidence."""
    from pipeline.loaders.ocr import confidence_at, mark_confidence
    from schemas import BBox, Document, Line, Span

    doc = Document(doc_id="d", source_path="scan.pdf", source_sha256="", source_kind="pdf")
    doc.meta["ocr_lines"] = {1: [(BBox(50, 100, 300, 110), 93.0), (BBox(50, 112, 300, 122), 64.0)]}
    doc.items = [Line("Gilles AMAT pouvoir à Denis DELPIROU, Philippe", Span(1, 7, BBox(50, 100, 300, 110))),
                 Line("ROSSEEL, Roland VERNET", Span(2, 1, BBox(50, 112, 300, 122)))]
    assert confidence_at(doc, Span(1, 7, BBox(40, 98, 310, 124))) == 64.0
    mark_confidence(doc)
    assert [item.span.confidence for item in doc.items] == [93.0, None]  # page 2 was not OCR'd
    assert Span(1, 1, None, "", 93.0).merge(Span(1, 2, None, "", 64.0)).confidence == 64.0


MEMBERS_APART = """COMMUNE DES ESSARTS-SUR-VAISE
Procès-verbal de la séance du conseil municipal du 15 février 2024
Conseillers municipaux en exercice : {membres}
Présents : 3 — Représentés : 2 — Absent : 1 — Votants : 5
Présents : Hervé LAMARRE, Delphine COSTE, René PAPIN.
Représentés : Christophe AUDOUIN (procuration à Hervé LAMARRE), Julie PELTIER (procuration à René PAPIN).
Absent : Jérémy FOUCAULT.
1. Subventions aux associations
Laurence BRETON, présidente du club, ne prend pas part au vote.
Le Conseil DÉCIDE d'attribuer les subventions. Adopté à l'unanimité.
"""


@pytest.mark.parametrize("membres, expected", [(6, []), (7, ["attendance.members_total"])])
def test_absents_stated_apart_from_those_represented(tmp_path, membres, expected):
    """"Présents : 3 — Représentés : 2 — Absent : 1" of 6 members: the lists show the absent
    count leaves out the two represented, so 3 + 1 + 2 = 6 agrees; of 7 members it does not."""
    path = tmp_path / "essarts.txt"
    path.write_text(MEMBERS_APART.format(membres=membres), encoding="utf-8")
    got = [f["check_id"] for f in process(path).rows["findings"] if f["check_id"].startswith("attendance")]
    assert got == expected
