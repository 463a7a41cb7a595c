"""The matière classifier (extractors/matiere.py) on real objects; dev figures held."""
from __future__ import annotations

from benchmarks.matiere_bench import labelled, score, split_of
from extractors.matiere import classify


def test_an_act_phrase_decides_over_a_topic():
    guess = classify("PLAN DE RELANCE METROPOLITAIN 2021-2023 - ATTRIBUTION D’UN FONDS DE CONCOURS A LA COMMUNE "
                     "D’UNIEUX - RENOVATION ENERGETIQUE DU GROUPE SCOLAIRE CLAUDIUS BUARD")
    assert (guess.code, guess.confidence, guess.rule) == ("7.8", 0.9, "act: fonds de concours")


def test_two_acts_leave_it_undecided():
    guess = classify("DELEGATION CADRE ACCORDEE AU PRESIDENT POUR LA DECISION DE RECOURIR A L’EMPRUNT ET AUX "
                     "OPERATIONS DE COUVERTURE")
    assert (guess.confidence, guess.candidates) == (0.4, ("5.4", "7.3"))


def test_nothing_known_gives_no_code():
    assert classify("Rapport de Saint-Etienne Métropole sur la situation en matière d'égalité femmes hommes").code is None
    assert classify("").confidence == 0.0


def test_split_is_fixed_by_the_object():
    rows = labelled()
    assert (len(rows), sum(r["split"] == "test" for r in rows)) == (62, 26)
    assert split_of("VŒU RELATIF A LA SCOLARISATION DES ENFANTS DEFICIENTS VISUELS DANS LA LOIRE") == "test"


def test_dev_figures_do_not_fall():
    s = score([r for r in labelled() if r["split"] == "dev"])
    assert (s["rows"], s["written"], s["right"]) == (36, 34, 34)
