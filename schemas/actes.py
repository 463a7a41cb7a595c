"""The ACTES nomenclature, levels 1 and 2: the matière of an act sent to the prefecture.

The codes (`1.1` … `9.4`) are those of the prefecture's @ctes system and of the SCDL
field `DELIB_MATIERE_CODE`; the titles follow the published nomenclature (the
"structure arborescente de classement" the SCDL schema links to, and the lists @ctes
platforms print). SCDL's `DELIB_MATIERE_NOM` is "level-1 title/level-2 title", lower
case, accents kept, without comma or parenthesis (`scdl_name`).
"""
from __future__ import annotations

import re

LEVEL1 = {
    "1": "Commande publique",
    "2": "Urbanisme",
    "3": "Domaine et patrimoine",
    "4": "Fonction publique",
    "5": "Institutions et vie politique",
    "6": "Libertés publiques et pouvoirs de police",
    "7": "Finances locales",
    "8": "Domaines de compétences par thèmes",
    "9": "Autres domaines de compétences",
}

LEVEL2 = {
    "1.1": "Marchés publics",
    "1.2": "Délégation de service public",
    "1.3": "Conventions de mandat",
    "1.4": "Autres types de contrats",
    "1.5": "Transactions /protocole d'accord transactionnel",
    "1.6": "Maîtrise d'œuvre",
    "1.7": "Actes spéciaux et divers",
    "2.1": "Documents d'urbanisme",
    "2.2": "Actes relatifs au droit d'occupation ou d'utilisation des sols",
    "2.3": "Droit de préemption urbain",
    "3.1": "Acquisitions",
    "3.2": "Aliénations",
    "3.3": "Locations",
    "3.4": "Limites territoriales",
    "3.5": "Autres actes de gestion du domaine public",
    "3.6": "Autres actes de gestion du domaine privé",
    "4.1": "Personnels titulaires et stagiaires de la F.P.T.",
    "4.2": "Personnels contractuels",
    "4.3": "Fonction publique hospitalière",
    "4.4": "Autres catégories de personnels",
    "4.5": "Régime indemnitaire",
    "5.1": "Election exécutif",
    "5.2": "Fonctionnement des assemblées",
    "5.3": "Désignation de représentants",
    "5.4": "Délégation de fonctions",
    "5.5": "Délégation de signature",
    "5.6": "Exercice des mandats locaux",
    "5.7": "Intercommunalité",
    "5.8": "Décision d'ester en justice",
    "6.1": "Police municipale",
    "6.2": "Pouvoirs du président du conseil général",
    "6.3": "Pouvoirs du président du conseil régional",
    "6.4": "Autres actes réglementaires",
    "6.5": "Actes pris au nom de l'Etat et soumis au contrôle hiérarchique",
    "7.1": "Décisions budgétaires",
    "7.2": "Fiscalité",
    "7.3": "Emprunts",
    "7.4": "Interventions économiques",
    "7.5": "Subventions",
    "7.6": "Contributions budgétaires",
    "7.7": "Avances",
    "7.8": "Fonds de concours",
    "7.9": "Prise de participation (SEM, etc...)",
    "7.10": "Divers",
    "8.1": "Enseignement",
    "8.2": "Aide sociale",
    "8.3": "Voirie",
    "8.4": "Aménagement du territoire",
    "8.5": "Politique de la ville-habitat-logement",
    "8.6": "Emploi-formation professionnelle",
    "8.7": "Transports",
    "8.8": "Environnement",
    "8.9": "Culture",
    "9.1": "Autres domaines de compétences des communes",
    "9.2": "Autres domaines de compétences des départements",
    "9.3": "Autres domaines de compétences des régions",
    "9.4": "Vœux et motions",
}

CODE = re.compile(r"^\d\.\d{1,2}$")  # the SCDL pattern of DELIB_MATIERE_CODE


def title(code: str) -> str:
    """`7.8` -> `Finances locales / Fonds de concours` (KeyError for a code not in ACTES)."""
    return f"{LEVEL1[code.split('.')[0]]} / {LEVEL2[code]}"


def scdl_name(code: str) -> str:
    """`DELIB_MATIERE_NOM` for `code`: `finances locales/fonds de concours` (lower case, accents
    kept, no comma, parenthesis nor second slash)."""
    def clean(text: str) -> str:
        return " ".join(re.sub(r"[,()/]", " ", text).lower().split())

    return f"{clean(LEVEL1[code.split('.')[0]])}/{clean(LEVEL2[code])}"
