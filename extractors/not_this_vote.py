"""Lines of an item that are not its vote, set aside before the vote is read::

    Vu la délibération n° CS-2025-006 du 30 janvier 2025 fixant les tarifs 2025 de la      a recital, wrapped
    redevance spéciale, adoptée par 17 voix pour et 3 abstentions,
    La commission des finances, réunie le 12 juin 2018, a émis un avis favorable        another body's opinion
    Vu l'avis du comité social territorial du 12 septembre 2023 :                        and the list under it
      - collège des représentants du personnel : 3 voix pour, 1 voix contre ;
    Secrétaire de séance : Mme X, désignée à l'unanimité                                 the secretary's designation

never the council's own sentence ("Considérant …, le conseil municipal, après en avoir délibéré, par
15 voix pour …"). extractors/votes.py reads what is left.
"""
from __future__ import annotations

import re
from typing import Callable

from extractors import lexicon
from extractors.council import COUNCIL_DECIDES, OTHER_COMMITTEE, OTHER_COUNCIL, SUBJECT, THE_COUNCIL
from extractors.stream import Unit, fold
from schemas.text import ends_sentence


# another body's vote reported in the item: "La commission des finances, réunie le 12 juin
# 2018 (6 membres présents), a émis un avis favorable par 5 voix pour et 1 abstention."
# (not the commission permanente, which deliberates; not a line where the council decides too:
# "Le Conseil municipal, suivant l'avis de la commission … réunie le 3 juin, adopte … par 4 voix")
# "Le comité de programmation du GAL, réuni le 28 mars 2019, a émis un avis favorable … par 14 voix pour"
# an EHPAD's "Conseil de la vie sociale, consulté le 10 juin 2025, a rendu un avis favorable"; "Le Comité
# social territorial … a été consulté le" / "3 juin 2024 et a émis un avis …"
OPINION = re.compile(rf"\b(?:commission(?!\s+permanente)|comite\s+{OTHER_COMMITTEE}|bureau|conseil\s+{OTHER_COUNCIL})\b"
                     r"[^.;]{0,120}\b(?:reunie?\s+le|(?:a|ont)\s+(?:emis|rendu|donne)\s+un\s+avis"
                     # "Le comité technique, consulté le 18 novembre 2014 sur …" / "… a rendu un avis partagé" (not
                     # "Tarifs 2020 (commission des finances, consultée le 14 janvier 2020) : adopté par 29 voix …")
                     r"|(?:a|ont)\s+ete\s+(?:consulte|saisi)e?s?"
                     r"|,\s*(?:consulte|saisi)e?s?\s+le\s+\d{1,2}(?:er)?\b(?![^()]*\)))")


def without_recitals(units: list[Unit]) -> list[Unit]:
    """The lines that are no recital, a recital's lines wrapped after its first included ("Vu la
    délibération n° CS-2025-006 du 30 janvier 2025 fixant les tarifs 2025 de la" / "redevance
    spéciale, adoptée par 17 voix pour et 3 abstentions,": last year's vote, not this one)."""
    return without(units, lambda folded: bool(RECITAL.match(folded)), subject=SPEAKS)


def without(units: list[Unit], opens: Callable[[str], bool], joined: bool = False,
            subject: re.Pattern = SUBJECT) -> list[Unit]:
    """`units` less the sentences a line `opens` (on its folded text; `joined`: with its sentence's
    start on the line above), with the lines they wrap onto: two at most, never one where the
    council decides ("Considérant … l'avis du conseil d'école" / "du 12 février 2024, le conseil
    municipal, après en avoir délibéré, par 13 voix pour et")."""
    out, wrapped, previous, listing = [], WRAPS, "", False
    for k, u in enumerate(units):
        found = opens(_with_head(units[k - 1], u) if joined and k else u.folded)
        # (a list's first line joined to its heading is found too: "Avis de la commission Finances" / "Pour : 5")
        listing = found and _opens_list(u) or listing and _in_list(u)
        if listing and not found:
            previous = u.text
            continue
        # "Considérant l'intérêt de ce projet pour la commune, le conseil municipal, après en avoir"
        # / "délibéré, par 15 voix pour …": the council speaks on the line, nothing wraps past it
        wrapped = (WRAPS if subject.search(u.folded) else 0) if found else wrapped + 1
        if wrapped and (wrapped > WRAPS or not _wraps(previous, u) or subject.search(u.folded)):
            wrapped = WRAPS + 1
            out.append(u)
        previous = u.text
    return out


def _opens_list(u: Unit) -> bool:
    """An opinion's sentence announcing its figures in a list: "Vu l'avis du comité social territorial
    du 12 septembre 2023 :", "Avis de la commission des finances du 2 avril 2024 :" (not the council's
    own "Vu l'avis …, après en avoir délibéré :" nor "Mme le Maire le soumet au vote :"); a box's
    heading alone, "Avis de la commission Finances", its counts under it."""
    headed = u.text.rstrip().endswith(":") or ANOTHERS_HEAD.match(u.folded) and len(u.text.split()) <= 8 \
        and not re.search(r"[\d.;!?]\s*$", u.text)
    return headed and bool(OPINION_SAID.search(u.folded)) and not SUBJECT.search(u.folded) \
        and not OWN_VOTE_SAID.search(u.folded)


def _in_list(u: Unit) -> bool:
    """A line of that list: a bullet ("- collège des représentants du personnel : 3 voix pour, 1
    voix contre ;") or labelled counts ("Pour : 5 – Contre : 1 – Abstention : 1")."""
    return not SUBJECT.search(u.folded) and bool(BULLET.match(u.text) or lexicon.labels("counts", u.folded))


OPINION_SAID = re.compile(r"\bavis\b|\bamendement\b")


OWN_VOTE_SAID = re.compile(r"\bdelibere|\bsoumet\b|\bmis\s+aux\s+voix|\bau\s+vote\b")


def _with_head(previous: Unit, u: Unit) -> str:
    """`u`'s folded text after the start of its sentence on the line above ("… n'est pas encore
    notifiée. La commission des finan-" / "ces du 24 mars a donné un avis favorable (9 pour, 1
    abstention)."): the sentence's subject is another body's."""
    if u.gap_before or ends_sentence(previous.text, ".:;!?") or LABELLED.match(previous.text):
        return u.folded  # (nor after a labelled line: "Rapporteur : Mme Laure GUYOT" / "Commission Culture …")
    head = re.split(r"[.;:!?](?:\s|$)", previous.folded)[-1]
    # "Le Conseil municipal, vu l'avis favorable de la commission" / "des finances réunie le 2 avril 2024,
    # par 13 voix pour …": the council's sentence (not "Le Conseil de développement, réuni le …, a rendu")
    if SUBJECT.search(head) and not OPINION.search(head):
        return u.folded
    return (head[:-1] if head.endswith("-") else head + " ") + u.folded


# in a recital, the council as a sentence's subject, not its complement ("Vu la délibération n° … du Conseil
# départemental …" / "portant délégation d'attributions à la Commission permanente, adoptée par 42 voix pour"; an
# opinion's "… il est demandé à la Commission permanente" / "d'approuver …, adopté par 36 voix" keeps the council's)
SPEAKS = re.compile(r"(?<!\ba\s)(?<!\bde\s)(?<!\bpar\s)(?<!\bpour\s)(?<!\bsur\s)(?<!\bavec\s)" + THE_COUNCIL)
LABELLED = re.compile(r"^\s*[^\W\d_][^\W\d_ ]*(?:\s[^\W\d_]+){0,3}\s*:\s+\S")  # "Rapporteur : M. X", "Objet : …"
WRAPS = 2  # lines a recital or a partial vote may wrap onto


BULLET = re.compile(r"\s*[-–•*▪]\s")


def _counts_go_on(previous: str) -> bool:
    """Counts below a line left open by a comma ("Vu l'avis de la commission enfance réunie le 4 mars 2024," /
    "Pour : 6, Contre : 1, …"), or by a semicolon after counts ("… rejeté — Pour : 58 ;" / "Contre : 141 ; …");
    not after a recital closed by its semicolon ("Considérant que … ;" / "Pour : 12 ; …", the council's)."""
    previous = previous.rstrip()
    return previous.endswith(",") or previous.endswith(";") and VOTE_LABEL.search(fold(previous)) is not None


VOTE_LABEL = re.compile(r"\b(?:pour|contre|abstentions?|abst\.)\s*:\s*\d")


def _wraps(previous: str, u: Unit) -> bool:
    """`u` goes on with the sentence of the line above: no mark closes it, no blank between,
    and `u` starts in lower case or with a figure (not "Le Conseil, après en avoir délibéré"); or a
    bracket is left open ("… a émis un avis favorable (5 voix pour," / "1 abstention).")."""
    if u.gap_before:
        return False
    # a bracket goes on too, unless a full stop or a colon closed the line above ("Vu l'avis de la
    # commission urbanisme du 14 mai 2024," / "(vote de la commission : 5 pour, 1 contre)")
    # (or a vote's counts going on below: `_counts_go_on`)
    return previous.count("(") > previous.count(")") \
        or u.text.startswith("(") and not ends_sentence(previous, ".:") \
        or not ends_sentence(previous, ".:;,") and u.text[:1].islower() | u.text[:1].isdigit() \
        or VOTE_LABEL.match(u.folded.lstrip()) is not None and _counts_go_on(previous)


# the secretary's designation in an extract's opening, its vote with it: "Secrétaire de séance :
# Blanche Pineau, désignée à l'unanimité", "Mme X a été élue secrétaire de séance à l'unanimité"
SECRETARY = re.compile(r"^\W*secretaire(?:\s+de\s+(?:la\s+)?seance)?\s*(?:\(e\)\s*)?:|\bsecretaire\s+de\s+(?:la\s+)?seance\b[^.;]{0,60}?\b(?:designee?|elue?|nommee?)\b"
                       r"|\b(?:designee?|elue?|nommee?)\b[^.;]{0,40}?\bsecretaire\s+de\s+(?:la\s+)?seance\b")


# a vote taken on another day, by this body or another, reported: "… le même avenant a" / "été adopté en
# conseil métropolitain le 2 juillet 2021 par 84 voix pour, 21 contre et 9 abstentions."
# ("en conseil …": another body's sitting; not "La présente délibération a été adoptée par le Conseil municipal le
# 14 avril 2021 par 19 voix …", the act's own vote certified)
# an earlier act of the body quoted with its vote: "M. LEMESLE rappelle que la délibération du 26 septembre 2022,
# adoptée par 30 voix pour" / "et 2 contre, a fixé les tarifs 2023" (not "la présente délibération, adoptée par …")
PAST_VOTE = lexicon.rx(r"\bete\s+(?:adopte|approuve|vote)e?s?\s+en\s+(?:conseil|comite|assemblee|bureau)"
                       r"\b[^.;]{0,60}?\ble\s+\d{1,2}(?:er)?\s+{month}"
                       r"|\bdeliberation\s+(?:n\s*[°o]\.?\s*\S+\s+)?du\s+\d{1,2}(?:er)?\s+{month}\s+(?:19|20)\d\d\s*,?"
                       r"\s*(?:adoptee|approuvee|votee)\s+(?:par|a)\b")


def another_bodys(folded: str) -> bool:
    """Another body's opinion or vote reported, the council deciding nothing on the line."""
    return _reported(folded) and not COUNCIL_DECIDES.search(folded)


def not_this_vote(folded: str) -> bool:
    """Another body's opinion or the secretary's designation, no decision of the council on the line."""
    return (_reported(folded) or bool(SECRETARY.search(folded) or ANOTHERS_HEAD.match(folded))) \
        and not COUNCIL_DECIDES.search(folded)


def _reported(folded: str) -> bool:
    return bool(OPINION.search(folded) or (PAST_VOTE.search(folded) and not CERTIFIED.search(folded)))


# the act's own vote certified on its extract: "Certifié exécutoire : la délibération du 14 mars 2024, adoptée par …"
CERTIFIED = re.compile(r"\bcertifiee?s?\s+executoire\b")


# a line heading another body's vote, or an amendment's, its counts after it or under it: "Avis de
# la commission des finances du 2 avril 2024 :" / "Pour : 5 – Contre : 1 – Abstention : 1", "Vote sur
# l'amendement : Pour : 2 – Contre : 12 – Abstention : 1", "Résultat du vote de l'amendement n° 3 :" over
# a table per group (not "Vote du Conseil d'administration :",
# "Vote du bureau :", "Vote sur la motion :": bodies that deliberate, motions that are items); a
# commission's line giving its opinion
ANOTHERS_HEAD = re.compile(r"\W*(?:avis|vote|resultat\s+du\s+vote|scrutin)\s+"
                           r"(?:de\s+la|de\s+l'|du|des|sur\s+(?:l'|le|la|les))\s*"
                           r"(?:commission(?!\s+permanente)"
                           rf"|comite\s+{OTHER_COMMITTEE}"
                           r"|(?:sous-)?amendement\b(?![^:]*\bdeliberation)|college)"
                           # "Commission Culture du 4 juin 2024 : avis favorable à l'unanimité (6 voix)."
                           r"|\W*commissions?(?!\s+permanente)\b[^:;.]{0,60}:\s*(?:avis|favorable|defavorable)\b")


RECITAL = re.compile(r"^\s*(?:[-•*]\s*)?(?:vu|considerant|attendu|rappelant|par\s+deliberation)\b"
                     r"|\bavai(?:t|ent)\s+(?:ete\s+)?(?:approuve|adopte|rejete|refuse|accepte)")
