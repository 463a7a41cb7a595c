"""The thirty-fourth round: the round's dev texts (tests/data/second_hand/dev 2321-2400, the first forty
written to study families of phrasings — counts said in prose, proxies changing during the sitting,
installation sittings, weighted votes, second convocations, bodies whose name is hard to read, items that
are amendments or taken note of, figures hard to read — the next forty to the ordinary brief). Each test
asserts what a document says and fails on the round's start (7cbaaba), unless its docstring says it
guards a reading the start had."""
from __future__ import annotations

import datetime as dt

import pytest

from benchmarks import real_accuracy as ra
from pipeline.stages import process
from tests.rows import column, dev_text as dev, errors, numbers, probe_text as reading, votes


def counts(rows: dict, seq: int = 1) -> tuple:
    """The opening's four counts of one deliberation."""
    d = rows["deliberations"][seq - 1]
    return d["membres_en_exercice"], d["presents"], d["pouvoirs"], d["votants"]


# --- counts said in prose ---------------------------------------------------------------------------------

def test_the_attendance_said_by_its_verbs():
    """"Sur les cinquante-neuf membres que compte le Conseil municipal, quarante-six assistent à la séance et
    neuf se sont fait représenter, en sorte que cinquante-cinq conseillers prennent part aux votes." (the
    start read none of the four)."""
    assert counts(dev(2321)) == (59, 46, 9, 55)


def test_the_attendance_said_by_its_verbs_in_each_extract_of_a_register():
    """"Même séance. Sur les 43 membres que compte le conseil, 34 assistent à la séance et 6 se sont fait
    représenter, soit 40 votants." under each act's heading: the extract's own header, read inside the item."""
    rows = dev(2323)
    assert [counts(rows, seq) for seq in (1, 2)] == [(43, 34, 6, 40), (43, 34, 6, 40)]


def test_the_presents_said_as_a_share_of_the_members():
    """"Treize des dix-sept membres ayant voix délibérative sont présents ; deux se sont fait représenter, soit
    quinze votants." (the start read the votants only)."""
    assert counts(dev(2322)) == (17, 13, 2, 15)


def test_a_share_larger_than_the_whole_is_read_as_printed_and_reported():
    """"vingt-quatre de ses vingt-deux membres en exercice étant présents et deux s'étant fait représenter":
    a slip the label plants, read as printed, so that the check sees it (the start read no count)."""
    rows = dev(2355)
    assert counts(rows)[:3] == (22, 24, 2)
    assert any(f["severity"] in ("error", "warning") for f in rows["findings"])


def test_a_number_in_words_cut_by_a_hyphen_at_a_line_end():
    """"le quorum étant atteint avec vingt-" / "quatre présents sur trente et un membres en exercice" (the start
    read 4 présents)."""
    assert counts(dev(2324))[:2] == (31, 24)


def test_neant_as_a_count_is_none():
    """"Membres en exercice : 19 - Presents : 19 - Procurations : neant - Votants : 19" (a count in a line of
    counts), "Pouvoirs : néant" alone (the list printed empty: 0, derived) (the start read no pouvoirs)."""
    assert counts(dev(2331), 2) == (19, 19, 0, 19)
    rows = dev(618)
    assert counts(rows)[2] == 0
    assert [(p["method"], p["derived"]) for p in rows["provenance"]
            if p["field"] == "pouvoirs" and p["record_key"] == "seq=1"] == [("proxies_none", True)]


def test_a_vote_side_said_neant_is_none():
    """"Pour : Majorité régionale (50), UDC (24) – soit 74" / "Contre : néant" / "Abstention : RN (22)" (the start
    read 74 against), "ONT VOTÉ CONTRE : néant"."""
    assert votes(dev(1184))[2][2:4] == (0, 22)
    assert votes(dev(1768))[0][2] == 0


def test_counts_led_in_by_their_body_each_before_its_word():
    """"Membres du Bureau : 20 en exercice — 15 présents — 2 procurations — 17 votants." (the start read 15 as
    the members in office, 2 présents and 17 pouvoirs, and reported a quorum not reached)."""
    rows = dev(2397)
    assert counts(rows) == (20, 15, 2, 17)
    assert errors(rows) == []


def test_members_with_a_deliberative_voice():
    """"Membres avec voix délibérative : 12" (the start read "ayant voix délibérative" only)."""
    assert counts(dev(2386))[0] == 12


# --- who does not vote ------------------------------------------------------------------------------------

def test_non_voters_glossed_before_their_colon():
    """"Ne prennent pas part au vote (élus administrateurs de la SEM) : M. Jean-Paul VIALE, Mme Chris-" /
    "tine BIANCO, … (6)." with "POUR : 65 / CONTRE : 0 / ABSTENTIONS : 6" of 77 votants (the start gave it
    a false error)."""
    rows = dev(2387)
    assert rows["deliberations"][0]["non_votants"] == 6
    assert errors(rows) == []


def test_the_voices_out_said_after_a_non_voter_who_holds_a_proxy():
    """"Ne prennent pas part au vote : M. Marc ROCHE (…), qui porte le" / "pouvoir de Mme AMOURDEDIEU, soit 2
    voix." (the start counted one and gave a false error)."""
    rows = dev(2395)
    assert rows["deliberations"][0]["non_votants"] == 2
    assert errors(rows) == []


# --- weighted votes ---------------------------------------------------------------------------------------

def test_weighted_seats_are_no_vote():
    """"Délégués en exercice : 22 (représentant 41 voix)", "Délégués votants : 17, représentant 33 voix" and a
    statute's "1 voix jusqu'à 500 habitants" above the act: the box heads the act, no deliberation of its own
    (the start read two, the first without number nor vote)."""
    rows = dev(2332)
    assert votes(rows) == [("2017-09", 30, 3, None, False)]
    assert counts(rows) == (22, 16, 1, 17)


# --- headings and tables ----------------------------------------------------------------------------------

def test_a_piped_table_underlined_below_its_header():
    """"N° | OBJET | VOTANTS | POUR | CONTRE | ABST. | RESULTAT" / "---+-----…" and rows wrapped over two
    lines (the start read no deliberation at all)."""
    rows = dev(2379)
    assert numbers(rows) == [f"2016-05-0{k}" for k in range(1, 8)]
    assert votes(rows)[1:4] == [("2016-05-02", 26, 4, 0, False), ("2016-05-03", 27, 4, 0, False),
                                ("2016-05-04", 29, 2, 2, False)]
    assert ("votes.breakdown", 4) in errors(rows)  # 29 + 2 + 2 = 33 of 31 votants: the label's planted slip


def test_a_commission_code_then_the_acts_own_number():
    """"CP-2022-11 / 01-01-6871" alone on its line over the title, a Région's relevé (the start read one
    deliberation without number)."""
    rows = dev(2342)
    assert numbers(rows) == ["CP-2022-11/01-01-6871", "CP-2022-11/04-12-6902", "CP-2022-11/07-03-6925",
                             "CP-2022-11/08-05-6940", "CP-2022-11/10-02-6951", "CP-2022-11/12-01-6963"]


# --- the sitting ------------------------------------------------------------------------------------------

def test_the_sitting_title_with_a_gloss_in_brackets():
    """"SÉANCE PUBLIQUE (ASSEMBLÉE PLÉNIÈRE) DU 16 DÉCEMBRE 2016" (the start read no date)."""
    assert column(dev(2399), "session_date")[0] == dt.date(2016, 12, 16)


def test_an_opening_with_its_legal_basis_before_the_verb():
    """"Le mardi vingt-six mai deux mille vingt, à dix-huit heures, en application des articles L.2121-7 et
    L.2122-8 du …, s'est réuni … le conseil municipal" (the start read no date)."""
    assert set(column(dev(2329), "session_date")) == {dt.date(2020, 5, 26)}


def test_the_eldest_said_to_open_an_installation_sitting():
    """"La séance a été ouverte par M. Émile VEYSSIÈRE, le plus âgé des membres du conseil", "M. Jean-Baptiste
    ROUSSILHE, doyen d'age, ouvre la seance": the president until the mayor (the president) is elected, when
    no sentence names another (the start named no president)."""
    assert set(column(dev(2329), "president")) == {"Émile VEYSSIÈRE"}
    assert column(dev(2330), "president")[0] == "Jean-Baptiste ROUSSILHE"


def test_an_acronym_before_the_bodys_name_spelt_out():
    """"SMEA – Syndicat Mixte des Eaux de l'Allier" (the start named no body)."""
    assert column(dev(2334), "collectivite")[0] == "Syndicat Mixte des Eaux de l'Allier"


# --- guards -----------------------------------------------------------------------------------------------

def test_another_sittings_figures_in_a_bracket_stay_out():
    """Guards a reading the start had: "Le procès-verbal de la séance du 9 décembre 2025 (11 présents, 3
    pouvoirs, 14 votants) est approuvé" inside the first item: the previous sitting's, not this one's."""
    assert counts(dev(400)) == (15, 11, 2, 13)


def test_a_moves_figures_after_a_colon_stay_the_items():
    """Guards a reading the start had: "M. DUNAND ne prend pas part au vote … : 22 présents, 2 procurations, 24
    votants." inside an item leaves the opening's counts to it (the labels' convention)."""
    assert counts(dev(341), 2) == (27, 23, 3, 26)


# --- bodies and lists -------------------------------------------------------------------------------------

def test_the_departements_assembly_names_the_departement():
    """"CONSEIL DÉPARTEMENTAL DU GARD" at the head: the collectivité is the Département du Gard, its assembly
    the organe (the start gave the assembly as the collectivité)."""
    rows = dev(2382)
    assert column(rows, "collectivite")[0] == "Département DU GARD"
    assert column(rows, "organe")[0] == "Commission permanente"


def test_an_ampersand_and_guillemets_in_a_bodys_name():
    """"OFFICE DE TOURISME PROVENCE VERTE & VERDON", "EHPAD PUBLIC AUTONOME « LES OLIVIERS »" over their legal
    status ("Établissement public industriel et commercial", which the start took for the body's name)."""
    assert column(dev(2383), "collectivite")[0] == "OFFICE DE TOURISME PROVENCE VERTE & VERDON"
    assert column(dev(2386), "collectivite")[0] == "EHPAD PUBLIC AUTONOME « LES OLIVIERS »"


def test_a_list_counted_in_brackets_then_a_dash():
    """"Presents (22) -" over the names grouped by commune (the start read no name under it)."""
    rows = dev(2357)
    present = [a["name"] for a in rows["attendance"] if a["seq"] == 1 and a["status"] == "present"]
    assert present[:3] == ["J.-Claude PERONNET", "Daniel AUCOUTURIER", "Sylvie BARICHARD"]
    assert "Roland GAVARD" in present


# --- the code review's probes (tests/data/second_reading/r34_rv_*.txt) --------------------------------------

def test_a_body_named_conseil_departemental_of_something_else():
    """Guards a reading the start had: "CONSEIL DÉPARTEMENTAL DE L'ACCÈS AU DROIT DE LA GIRONDE" is a body of its
    own, no département (the round's first version rewrote it "Département DE L'ACCÈS AU DROIT …")."""
    rows = reading("r34_rv_departmental_body_of_its_own")
    assert column(rows, "collectivite") == ["CONSEIL DÉPARTEMENTAL DE L'ACCÈS AU DROIT DE LA GIRONDE"]


def test_counts_label_first_after_the_members_value():
    """Guards a reading the start had: "Nombre de conseillers en exercice : 29   Présents - 24   Pouvoirs - 3
    Votants - 27", each label before its number (the first version read them value first)."""
    assert counts(reading("r34_rv_counts_label_first_after_a_lead")) == (29, 24, 3, 27)


def test_a_commissions_share_present_inside_an_item():
    """Guards a reading the start had: "Vu la réunion de la commission d'appel d'offres du 9 avril 2024, quatre des
    cinq membres titulaires étant présents ;" in an item: the commission's, not the council's présents (the first
    version read 4 and reported a quorum not reached)."""
    rows = reading("r34_rv_a_commissions_share_present")
    assert counts(rows)[1] is None and errors(rows) == []


def test_weighted_votes_are_votes():
    """Guards a reading the start had: "2023-41 : Tarifs …" / "87 voix pondérées pour, 12 voix pondérées contre":
    three acts (the first version, telling weighted seats from votes, found none)."""
    assert numbers(reading("r34_rv_weighted_votes_in_a_releve")) == ["2023-41", "2023-42", "2023-43"]


def test_the_members_a_commission_counts_are_not_the_councils():
    """Guards a reading the start had: "les 5 membres que compte la commission des finances" (the first version
    read 5 members in office and gave two warnings)."""
    rows = reading("r34_rv_members_a_commission_counts")
    assert counts(rows)[0] is None
    assert not [f for f in rows["findings"] if f["severity"] in ("error", "warning")]


def test_absents_setant_fait_excuser_under_the_presents():
    """Guards a reading the start had: "Absents s'étant fait excuser : Mme Marie COLLET, M. Paul BOUVET" under the
    list of présents leaves its last name present (the first version made him absent)."""
    rows = reading("r34_rv_setant_fait_excuser_list")
    status = {a["name"]: a["status"] for a in rows["attendance"] if a["seq"] == 1}
    assert (status["Eric TANGUY"], status["Marie COLLET"], status["Paul BOUVET"]) == ("present", "absent", "absent")


def test_a_sitting_postponed_said_in_brackets():
    """Guards a reading the start had: "Séance (reportée faute de quorum) du 5 mars 2024" over "L'an deux mille
    vingt-quatre, le douze mars …": the sitting is the 12th (the first version read the 5th, and a false error)."""
    rows = reading("r34_rv_sitting_postponed_in_brackets")
    assert column(rows, "session_date") == [dt.date(2024, 3, 12)] and errors(rows) == []


def test_represented_by_a_suppleant_is_no_proxy():
    """Guards a reading the start had: "deux se sont fait représenter par leur suppléant, présent avec voix
    délibérative": no proxy (the first version read 2 pouvoirs)."""
    assert counts(reading("r34_rv_represented_by_a_suppleant"))[2] is None


def test_members_grouped_by_commune_their_lines_opening_on_initials():
    """"Présents (9) -" / "Cérilly : Gilles DUBOIS, M.-Claire FOURNIER" / "Couleuvre : A. BERNARD" / …: each line
    opening on its commune opens an entry, and "Assiste également : J. LEROUX, directeur …" is no group (the start
    read no list; the first version ran three names together and listed the director as absent)."""
    rows = reading("r34_rv_groups_opening_on_initials")
    people = [(a["name"], a["status"]) for a in rows["attendance"] if a["seq"] == 1]
    assert [n for n, s in people if s == "present"][2:7] == ["Gilles DUBOIS", "M.-Claire FOURNIER", "A. BERNARD",
                                                              "J. DESCHAMPS", "Roger PETIT"]
    assert "J. LEROUX" not in [n for n, _ in people]


def test_the_town_halls_staff_under_a_group_label_is_no_member():
    """Guards a reading the start had: Aiglun's minutes, "Excusés : Yves BLANCHET donne pouvoir à Michel AUDRAN, …"
    then "Mairie : Myriam LE PAGE, directrice générale des services." (the round's first version, each line opening
    on a group an entry of its own, listed her as an absent member)."""
    aiglun = ra.REAL / "regardscitoyens__operation-libre-aiglun" / "2015-04-10.html"
    if not aiglun.is_file():
        pytest.skip("../shared/corpus/real not present")
    rows = process(aiglun).rows
    people = [(a["name"], a["status"]) for a in rows["attendance"] if a["seq"] == 1]
    assert people[-2:] == [("Yves BLANCHET", "absent"), ("Catherine FONTAINE", "absent")]
    assert len(people) == 15
