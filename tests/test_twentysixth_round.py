"""The twenty-sixth round: dev texts read as a new user would (tests/data/second_hand/dev
1681-1760), probes written for the round (tests/data/second_reading/r26_*.txt) and the generated
`dev5` phrasings of the secretary and the chair; each test asserts what a document says, and fails
on the round's start (069f160) unless it says it guards a reading that round already had."""
from __future__ import annotations

import datetime
from tests.rows import column, dev_text as dev, probe_text


def probe(stem: str) -> dict:
    return probe_text(f"r26_{stem}")


def checks(rows: dict) -> list[str]:
    return [f["check_id"] for f in rows["findings"]]


def errors(rows: dict) -> list[str]:
    return [f["check_id"] for f in rows["findings"] if f["severity"] == "error"]


# --- a register's extracts ---------------------------------------------------------------------

def test_each_extract_of_a_register_starts_at_its_own_number():
    """Dev 1685: "DÉLIBÉRATION N° DEL2016-046" / "Date de la convocation : …" / "Conseillers en exercice
    : 33 | Présents : 25 | …" / "(M. le Président ayant quitté la salle …)" / "L'an deux mille seize …":
    the head between the number and the opening belongs to the extract (two false errors before:
    the compte administratif's vote given to the next act)."""
    rows = dev(1685)
    assert column(rows, "numero") == ["DEL2016-045", "DEL2016-046", "DEL2016-047", "DEL2016-048"]
    assert column(rows, "presents") == [26, 25, 26, 25]
    assert [(d["pour"], d["abstentions"]) for d in rows["deliberations"]][1] == (27, 2)
    assert errors(rows) == []


def test_a_register_restating_its_counts_under_each_number():
    """Dev 1708: the second act's vote (39 pour, 6 contre, 2 abstentions for 46 votants) is its own,
    the planted error found there and not on the unanimous act after it."""
    rows = dev(1708)
    assert [(d["numero"], d["pour"], d["contre"], d["abstentions"]) for d in rows["deliberations"]] == [
        ("2012-151", 38, 8, 0), ("2012-152", 39, 6, 2), ("2012-153", 46, 0, 0)]
    assert errors(rows) == ["votes.breakdown"]


def test_the_chair_of_one_act_does_not_chair_the_next():
    """Dev 1757: "Sous la présidence de M. Alex ÉLISABETH, premier adjoint, désigné président de séance
    pour l'examen du compte administratif", then "M. le Maire ayant repris la présidence": the next
    extracts are the sitting's chair's."""
    assert column(dev(1757), "president") == ["Rémy LOUIS-JOSEPH", "Alex ÉLISABETH", "Rémy LOUIS-JOSEPH",
                                              "Rémy LOUIS-JOSEPH"]


def test_a_folio_is_not_the_act_number():
    """Dev 1724: "Commune de BALLERSDORF          Feuillet n° 2013/38" atop each extract, the act's own
    number below ("Point 1 - Délibération n° 2013/021")."""
    assert column(dev(1724), "numero") == ["2013/021", "2013/022", "2013/024"]


# --- relevés ---------------------------------------------------------------------------------

def test_a_relevé_flattened_onto_one_line():
    """Dev 1711: "… ADOPTE A L'UNANIMITE. 2008/513 - Garantie accordée … - ADOPTE. 2008/514 - …" on one
    line: each act number stays with its title (alone, it read as a page's folio)."""
    rows = dev(1711)
    assert column(rows, "numero") == ["2008/512", "2008/513", "2008/514", "2008/515", "2008/516", "2008/517",
                                      "2008/519", "2008/520"]
    assert set(column(rows, "session_date")) == {datetime.date(2008, 9, 29)}


def test_numbers_of_a_region_and_of_corsica():
    """Dev 1697: "N° 18-10-01   FINANCES - DÉCISION MODIFICATIVE …" (year, session, rank); dev 1754: "N°
    23/160 AC" alone above its title (the Assemblée de Corse's letters)."""
    assert column(dev(1697), "numero") == ["18-10-01", "18-10-02", "18-10-03", "18-10-04", "18-10-05"]
    rows = dev(1754)
    assert column(rows, "numero") == ["23/160 AC", "23/161 AC", "23/162 AC", "23/163 AC", "23/164 AC"]
    assert [(d["pour"], d["contre"], d["abstentions"]) for d in rows["deliberations"]][:3] == [
        (32, 17, 14), (46, 0, 17), (63, 0, 0)]  # "Adoptée à l'unanimité (63 voix)"


def test_act_numbers_after_an_items_rank():
    """Dev 1740: "2. Rapport n° 08-10-201 – Budget principal …"; dev 1686: "POINT N° 2 – DCM n° 21/018 –
    BUDGET PRIMITIF 2021 …"; dev 1756: "Point n° 6 - Budget principal - Décision modificative n° 1
    (2020-085)", and "Point n° 4 - Création des commissions thématiques (2020-083) - Unanimité." an
    item of its own."""
    assert column(dev(1740), "numero")[1:3] == ["08-10-201", "08-10-202"]
    assert column(dev(1686), "numero")[1:3] == ["DCM n° 21/018", "DCM n° 21/019"]
    rows = dev(1756)
    assert len(rows["deliberations"]) == 10 and column(rows, "numero")[5] == "2020-085"
    assert column(rows, "objet")[3] == "Création des commissions thématiques"


def test_a_recap_by_the_acts_running_number():
    """Dev 1743: "| 143 | Taxe GEMAPI | 52 | 9 | 2 |" in "RECAPITULATIF DES VOTES" restates "délibération
    n° 2017-09-143", voted 52 pour, 8 contre, 3 abstentions: the planted restatement found."""
    assert "votes.restated" in errors(dev(1743))


# --- the body and the letterhead ---------------------------------------------------------------

def test_letterheads_read_whole():
    """Dev 1714: "COMMUNAUTÉ DE COMMUNES DU PAYS DE FAYENCE PROCÈS-VERBAL DU CONSEIL COMMUNAUTAIRE Séance du
    …" on one line; dev 1747: "OFFICE DE TOURISME DE LA VALLEE D'AURE - E.P.I.C." (an acronym's full stop);
    dev 1717: "RÉGION OCCITANIE / PYRÉNÉES-MÉDITERRANÉE", not "… Présidente du Conseil" / "régional"."""
    assert set(column(dev(1714), "collectivite")) == {"COMMUNAUTÉ DE COMMUNES DU PAYS DE FAYENCE"}
    assert set(column(dev(1747), "collectivite")) == {"OFFICE DE TOURISME DE LA VALLEE D'AURE"}
    assert column(dev(1717), "collectivite") == ["RÉGION OCCITANIE / PYRÉNÉES-MÉDITERRANÉE"]


def test_an_s_read_as_five():
    """Dev 1684 (an OCR'd extract): "5ous la présidence de M. Frédéric SCHNEIDER, Maire"."""
    assert column(dev(1684), "president") == ["Frédéric SCHNEIDER"]


# --- counts and votes --------------------------------------------------------------------------

def test_counts_in_brackets_ending_a_lists_label():
    """Dev 1733: "PRÉSENTS (11)" / "Membres élus : Mme …", "POUVOIRS (2)" / "M. Alain GODARD à …"."""
    d = dev(1733)["deliberations"][0]
    assert (d["presents"], d["pouvoirs"], d["votants"]) == (11, 2, 13)


def test_another_bodys_vote_quoted_before_the_decision():
    """Dev 1703: "Le comité technique, consulté le 18 novembre 2014 sur …" / "… a rendu un avis partagé
    (représentants du personnel : 4 voix pour," / "2 voix contre)." above "par 17 voix pour et 2
    abstentions": the council's vote (a false error before)."""
    rows = dev(1703)
    assert [(d["pour"], d["abstentions"]) for d in rows["deliberations"]] == [(17, 2)]
    assert errors(rows) == []


def test_a_member_leaving_with_her_titles_between():
    """Dev 1727: "Mme Claire VIAL, présidente du comité des fêtes, bénéficiaire d'une des subventions,
    quitte la salle et ne prend pas part au vote ; le pouvoir que lui avait confié M. Denis ROSSET ne peut
    être exercé." / "Présents : 21 – Pouvoirs : 4 – Votants : 25.": the item's counts are the move's,
    the opening's lists are not compared with them (two false errors before)."""
    rows = dev(1727)
    assert [(d["presents"], d["votants"]) for d in rows["deliberations"]][3] == (21, 25)
    assert errors(rows) == []


# --- officers and lists (probes) -----------------------------------------------------------------

def test_secretaries_in_many_phrasings():
    """"Madame Anne MARTIN se propose et est désignée secrétaire de séance.", "M. Noël ROCHE a été
    désigné pour assurer le secrétariat de séance.", "Secrétaire désignée par l’assemblée : Sophie
    MOREAU" (the generated dev5's phrasings, written again by hand)."""
    assert column(probe("secretaire_phrasings"), "secretaire") == ["Anne MARTIN"]
    assert column(probe("secretariat_assure"), "secretaire") == ["Noël ROCHE", "Noël ROCHE"]
    assert column(probe("secretaire_par_assemblee"), "secretaire") == ["Sophie MOREAU"]


def test_chairs_in_many_phrasings():
    """"Présidence de séance assurée par M. Gérard LEBLANC, Président", "Présidence de la séance assurée
    par Monsieur Paul DURAND" (the list's label on the next line no part of the name), "sous la
    présidence effective de Mme Marie-Jeanne BELLET"."""
    assert column(probe("secretaire_par_assemblee"), "president") == ["Gérard LEBLANC"]
    assert column(probe("presidence_assuree"), "president") == ["Paul DURAND"]
    assert column(probe("label_cut"), "president") == ["Marie-Jeanne BELLET"]


def test_a_lists_label_cut_at_the_line_end():
    """"Présents en séance ou en" / "visioconférence :" / "BARBE Rolande" / …: the label's last word
    alone on the next line."""
    rows = probe("label_cut")
    assert [a["name"] for a in rows["attendance"] if a["status"] == "present"] == [
        "BARBE Rolande", "BELLET Marie-Jeanne", "BOILEAU Marthe", "CHABERT Clovis", "CORNU Tony", "REY Paule"]
    assert [c for c in checks(rows) if c.startswith("attendance.")] == []


# --- the second reader's probes (r26_sr_*.txt) ---------------------------------------------------

def test_a_relevé_run_on_a_line_shorter_than_a_page():
    """"2008/511 - Approbation … - ADOPTE A L'UNANIMITE. 2008/512 - Budget principal - … - ADOPTE PAR 36
    VOIX POUR ET 7 VOIX CONTRE. 2008/513 - …" on one line of 489 characters: five acts, not one with
    every vote (two false errors before)."""
    rows = probe("sr_flattened_releve")
    assert column(rows, "numero") == ["2008/511", "2008/512", "2008/513", "2008/514", "2008/515"]
    assert [(d["pour"], d["contre"]) for d in rows["deliberations"]][1] == (36, 7)
    assert errors(rows) == []


def test_the_sitting_after_a_flattened_letterhead():
    """"COMMUNAUTÉ DE COMMUNES DU VAL D'AMBOISE PROCÈS-VERBAL DU CONSEIL COMMUNAUTAIRE Séance du lundi 7
    février 2022 à 18 h 30 – …": the date read, so two proxies of one holder are lawful (a false error
    before)."""
    rows = probe("sr_flattened_letterhead")
    assert set(column(rows, "session_date")) == {datetime.date(2022, 2, 7)}
    assert errors(rows) == []


def test_names_under_a_counted_label():
    """"PRÉSENTS (11)" / "M. Alain ROUQUETTE, Président" / … ten names, "POUVOIRS (2)" / "M. Serge AZAÏS à
    M. ROUQUETTE": the names and the proxies read; the list one short of its count said (planted)."""
    rows = probe("sr_presents_counted")
    assert len([a for a in rows["attendance"] if a["seq"] == 1 and a["status"] == "present"]) == 10
    assert [(p["giver"], p["holder"]) for p in rows["proxies"] if p["seq"] == 1] == [
        ("Serge AZAÏS", "ROUQUETTE"), ("Odile CROS", "BOYER")]
    assert "attendance.present_count" in checks(rows)


def test_a_member_back_after_leaving_is_present_again():
    """"M. Patrick GIRAUD, adjoint délégué aux sports, …, quitte la salle" then "M. GIRAUD regagne la salle.":
    the list's "M. GIRAUD" is the one who left and came back, present for the next act (a false warning
    there before, a false error on the act itself in the round's start)."""
    rows = probe("sr_back_after_leaving")
    assert "GIRAUD" in [a["name"] for a in rows["attendance"] if a["seq"] == 2 and a["status"] == "present"]
    assert [c for c in checks(rows) if c != "attendance.present_count"] == [] and errors(rows) == []


def test_act_numbers_with_a_services_letters():
    """"N° 24/013 FIN", "N° 24/014 URB" alone above their titles (the service's letters, three of them)."""
    assert column(probe("sr_three_letter_suffix"), "numero") == ["24/012 DG", "24/013 FIN", "24/014 URB",
                                                                  "24/015 RH"]


def test_a_recap_by_running_number_restates_its_acts():
    """"| 30 | Compte administratif 2021 | 22 | 0 | 2 |" under "RÉCAPITULATIF DES VOTES" restates "(2022-030)":
    four acts, not eight (a false error before)."""
    rows = probe("sr_recap_running_number")
    assert column(rows, "numero") == ["2022-030", "2022-031", "2022-032", "2022-033"]
    assert errors(rows) == []


def test_an_act_number_before_the_outcome_of_a_one_line_item():
    """"Point n° 2 - Décision modificative n° 4 du budget principal (2020-081) - 18 pour, 4 contre."."""
    rows = probe("sr_bracket_act_outcome")
    assert column(rows, "numero") == ["2020-080", "2020-081", "2020-082", "2020-083", "2020-084", "2020-085"]
    assert column(rows, "objet")[1] == "Décision modificative n° 4 du budget principal"


# --- the code review's probes (r26_rv_*.txt): guards, each read wrong by the round's first version ---

def test_guards_of_act_numbers():
    """"Délibération n° 2019-071" printed under its decision, the next extract's count box below it (the
    act above's number); "(2021-25)", "(2019-22)", "(2021-09)" ending titles (periods and a month, no
    act); "N° 19-04-12   Contrat de maintenance …" in the mayor's decisions (no act); "EXTRAIT DU
    REGISTRE N° 2019-045" beside the letterhead (the act's number, not a folio)."""
    assert column(probe("rv_register_number_under_act"), "numero") == ["2019-071", "2019-072", "2019-073"]
    assert column(probe("rv_periods_in_brackets"), "numero") == ["1", "2", "3", "4"]
    assert column(probe("rv_mayors_decisions_numbered"), "numero") == ["2"]
    assert column(probe("rv_registre_act_number"), "numero") == ["2019-045"]


def test_guards_of_votes_and_moves():
    """"Tarifs municipaux 2020 (commission des finances, consultée le 14 janvier 2020) : adopté par 29 voix
    pour et 8 voix contre" (the council's vote); "Mme Martine BRET, rappelant que le club de judo, …,
    quitte la salle Jean-Moulin" (the club leaves, not she)."""
    assert [(d["pour"], d["contre"]) for d in probe("rv_commission_consulted_in_brackets")["deliberations"]][0] \
        == (29, 8)
    rows = probe("rv_leaving_in_a_story")
    assert "Martine BRET" not in [a["name"] for a in rows["attendance"] if a["status"] == "absent"]


def test_guards_of_lists_and_chairs():
    """"CONSEILLERS PRÉSENTS (1)" / "CONSEILLERS ABSENTS (2)" over a note "(1) liste d'émargement …" (the
    calls of notes, no counts); "Étaient présents lors de l'inauguration du" / "gymnase :" (guests, no
    list of members); the mayor "ayant quitté définitivement la séance", the adjoint chairs to the end."""
    assert checks(probe("rv_footnote_calls")) == []
    rows = probe("rv_label_cut_in_prose")
    assert len([a for a in rows["attendance"] if a["status"] == "present"]) == 13 and checks(rows) == []
    assert column(probe("rv_chair_for_good"), "president") == ["Marylène MILLET", "Fabrice DUPONT", "Fabrice DUPONT"]
