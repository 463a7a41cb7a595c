"""The body a heading or an opening names, as a name an analyst can group by.

    RÉPUBLIQUE FRANÇAISE – COMMUNE DE X          -> the motto and the Republic set aside
    REGION AQUITAINE-GASCOGNE CONSEIL REGIONAL … -> the capitals before the organ
    COMMUNE D'ILLATS                             -> "ILLATS"
    la communauté de communes précitée           -> no name said (None)
"""
from __future__ import annotations

import re

from extractors import lexicon
from extractors.stream import fold


# "RÉPUBLIQUE FRANÇAISE – SIAEP DE LA CHAMPAGNE ARMANÇONNAISE": the body after the state's name
# "REPUBLIQUE FRANCAISE   COMMUNE DE X" (two sides of a letterhead, the gutter closed),
# "RÉPUBLIQUE FRANÇAISE – COMMUNE DE X", "RF – VILLE DE X", "Liberté · Égalité · Fraternité – MAIRIE DE X", "Collectivité : X", "Émetteur : X"
REPUBLIQUE = re.compile(r"^(?:r[ée]publique\s+fran[çc]aise|RF|libert[ée]\s*[·,.•-]?\s*[ée]galit[ée]\s*[·,.•-]?\s*"
                        r"fraternit[ée])(?:\s*[–—:|-]\s*|\s+)(?=\S)"
                        r"|^(?:(?:nom\s+de\s+la\s+)?collectivit[ée](?:\s+[ée]mettrice)?|[ée]metteur|exp[ée]diteur"
                        r"|organisme|entit[ée])"
                        r"\s*:\s*(?=\S)", re.IGNORECASE)
# "Département du Haut-Kirchbach – Service des séances (collectivité émettrice)": the body,
# without the department of its administration that prints the register
# "SMIRTOM X / Délibérations / 11.12.2008", "X · Service des assemblées": a running header's tail
SERVICE = re.compile(r"\s*\(collectivit[ée]\s+[ée]mettrice\)\s*$|\s+[–—·/-]\s+(?:service|direction|p[ôo]le|"
                     r"secr[ée]tariat)\b[^–—]*$|\s+/\s+d[ée]lib[ée]rations?\b.*$", re.IGNORECASE)


# "Arrondissement de Langres – Commune de" / "BOURBONNE-LES-BAINS", "DÉPARTEMENT DU JURA - CANTON DE
# MOREZ - MAIRIE DE X": the state's divisions a commune's letterhead names before the commune itself
DIVISIONS = re.compile(r"^(?:(?:d[ée]partement|arrondissement|canton|r[ée]gion)\s+(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)"
                       r"\S.{0,40}?\s+[–—-]\s+)+(?=(?:commune|ville|mairie|village)\b)", re.IGNORECASE)


FRAMED = re.compile(r"^\s*(?:\[\s*(.+?)\s*\]|[*■□◆◇●○▪▫★☆•]+\s*(.+?)\s*[*■□◆◇●○▪▫★☆•]+)\s*$")


# the motto printed beside the body's name on one extracted line: "Syndicat des eaux du Causse Liberté – Égalité –
# Fraternité"
MOTTO_AFTER = re.compile(r"\s+libert[ée]\s*[·,.•–—-]?\s*[ée]galit[ée]\s*[·,.•–—-]?\s*fraternit[ée]\s*$", re.IGNORECASE)


def after_republique(text: str) -> str:
    """The body's name in a heading, without the motto or the Republic around it nor the dashes
    framing it ("– SMICTOM DU HAUT-PAYS BRENNOIS –", "Agglo de X – République française")."""
    # "[COMMUNAUTÉ D'AGGLOMÉRATION X]", "* MAIRIE DE X *", "■ COMMUNAUTE D'AGGLOMERATION X ■"
    text = FRAMED.sub(lambda m: m.group(1) or m.group(2), text)
    text = DIVISIONS.sub("", REPUBLIQUE.sub("", SERVICE.sub("", MOTTO_AFTER.sub("", text))))
    text = re.sub(r"\s*[–—-]\s*r[ée]publique\s+fran[çc]aise\s*$", "", text, flags=re.IGNORECASE)
    return re.sub(r"^[–—-]\s+|\s+[–—-]$", "", text)


def before_organ(text: str) -> str:
    """A heading flattened onto one line ("REGION AQUITAINE-GASCOGNE CONSEIL REGIONAL COMMISSION
    PERMANENTE Réunion du vendredi 8 juillet 2011 …"): the body's name is the capitals before
    the first organ named, when they name a body on their own."""
    organ = lexicon.rx(lexicon.get("organe")).search(fold(text))
    if organ is None or organ.start() == 0 or lexicon.first("collectivite", fold(text).strip()):
        return text
    head = text[:organ.start()].strip(" –—-,")
    return head if head.isupper() and lexicon.first("collectivite", fold(head)) else text


def collectivite(name: str) -> str | None:
    """A commune by its name: ``"COMMUNE D'ILLATS"`` -> ``"ILLATS"``, ``"commune de Saint-Flour"``
    -> ``"Saint-Flour"``; an intercommunality, a syndicat, a département keep their full name."""
    m = lexicon.rx(lexicon.get("collectivite_prefix")).match(fold(name))
    rest = name[m.end():].strip() if m else name.strip()
    generic = lexicon.rx(GENERIC_BODY).fullmatch(fold(rest).strip()) or REFERRED.search(fold(rest))
    return None if generic else _the_collectivity(rest) or None  # "la Communauté de communes": no name said


# the assembly named for its collectivity: "CONSEIL DÉPARTEMENTAL DU GARD" is the Département du Gard's,
# "Conseil régional d'Occitanie" the Région Occitanie's (the body that deliberates is the organe); the
# "Conseil général" of before 2015 is left as printed, the name the département's papers gave it then
ASSEMBLY_OF = re.compile(r"conseil\s+(?P<kind>departemental|regional)\s+(?P<prep>des|du|de\s+la|de\s+l'|de|d')\s*(?=\w)")


def _the_collectivity(name: str) -> str:
    m = ASSEMBLY_OF.match(fold(name))
    # a name of three words at most ("Territoire de Belfort", "Pays de la Loire" four): not "CONSEIL DÉPARTEMENTAL DE
    # L'ACCÈS AU DROIT DE LA GIRONDE", a body of its own
    if not m or len(name[m.end():].split()) > (4 if m.group("kind") == "regional" else 3):
        return name
    if m.group("kind") == "regional":
        return f"Région {name[m.end():]}"
    return f"Département {name[m.start('prep'):]}"


# a body named by a word that refers back, not by its name: "la communauté de communes précitée",
# "le Département susvisé", "Conseil départemental de la collectivité", "Municipalité"
REFERRED = re.compile(r"\b(?:susvisee?s?|precitee?s?|sus-?mentionnee?s?|ci-dessus\s+(?:designee?|nommee?)s?)\s*$"
                      r"|\bde\s+(?:la|cette)\s+(?:collectivite|commune)\s*$|^municipalite$|\b(?:de|d')\s*$")


# a body named by its kind, not its name: "la Communauté de communes", "Maire de ladite commune",
# "Président de l'intercommunalité", "le Conseil Municipal de cette" / "commune"
GENERIC_BODY = (r"(?:(?:la|le|l'|ladite|ledit|cette|ce|notre|sa|son)\s*)?(?:(?:commune|ville|collectivite|"
                r"intercommunalite|agglomeration|agglo|epci|groupement|cdc|c\.?c\.?|c\.?a\.?|{body_type})"
                r"(?:\s+(?:mixte|intercommunal|nouvelle|territorial))?)?")


def organ(name: str) -> str:
    """An organ's name as a sentence writes it, the place an assembly is named after keeping its capital:
    "ASSEMBLEE DE MARTINIQUE" -> "Assemblee de Martinique", "CONSEIL MUNICIPAL" -> "Conseil municipal"."""
    return PLACE.sub(lambda m: m.group(0).title(), name.capitalize())


PLACE = re.compile(r"(?i)\b(?:corse|martinique|guyane|paris|polyn[ée]sie|nouvelle-cal[ée]donie|sud|nord"
                   r"|(?<=l')eurom[ée]tropole)\b")
