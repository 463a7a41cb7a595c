"""The council deciding on a line, by its sentence's subject and verb::

    Le Conseil municipal, après en avoir délibéré, par 16 voix pour et 1 voix contre, ADOPTE …
    Le Comité syndical approuve la modification des statuts.

not another body's decision reported ("Le conseil communautaire a approuvé la modification le 12
juillet 2016 par 38 voix pour et 5 contre"). Shared by extractors/votes.py (which vote is the
item's) and extractors/vote_again.py (a box or a line printing it again).
"""
from __future__ import annotations

import re

from extractors import lexicon

# (a tourist office's "comité de direction", a syndicat's "Le Comité, après en avoir délibéré"; not
# "le comité technique", "le comité social territorial", "le conseil de la vie sociale", "le conseil
# d'école": bodies whose opinion is quoted)
OTHER_COMMITTEE = lexicon.expand("{other_committee}")  # after "comite ": technique, social, de pilotage, …
OTHER_COUNCIL = lexicon.expand("{other_council}")  # after "conseil ": de la vie sociale, d'ecole, …
THE_COUNCIL = (rf"\b(?:le|la|l')\s*(?:conseil(?!\s+{OTHER_COUNCIL}\b)|comite(?!\s+{OTHER_COMMITTEE})"
               r"|assemblee|commission\s+permanente)\b")
COUNCIL = THE_COUNCIL + r"[^.;]{0,160}?"
DECIDES = r"\b(?:adopte|approuve|decide|rejette|refuse|accepte)\b"
DELIBERATED = r"|\bapres\s+en\s+avoir\s+delibere"
COUNCIL_DECIDES = re.compile(COUNCIL + DECIDES + DELIBERATED)
# the council deciding now: not after "a", "ont", "avait" (a decision reported)
DECIDING = re.compile(COUNCIL + r"(?<!\ba\s)(?<!\bont\s)(?<!avait\s)(?<!avaient\s)" + DECIDES + DELIBERATED)
SUBJECT = re.compile(THE_COUNCIL)  # the council as the subject of a line
