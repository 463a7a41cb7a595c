"""The vote of one deliberation: counts, unanimity and the outcome, as the document states them.

Read here, wherever they stand in the deliberation (recitals excepted)::

    Pour : 16 / Contre : 0 / Abstention : 0           counts (extractors/counts.py)
    POUR | 21      Pour 9 / Abstention 1 Denis DECHOUX / Contre 0
    … adoptée par 18 voix pour, 3 voix contre et 2 abstentions
    Par 16 voix « Pour » et 1 « Contre », … décide à la majorité
    A L'UNANIMITE des votants (31 voix), 8 abstentions
    LE CONSEIL MUNICIPAL, A L'UNANIMITE, ACCEPTE CETTE PROPOSITION     unanimity, adopted
    Le compte-rendu du conseil municipal du 08 avril 2015 n'est pas adopté.   rejected

The outcome is stated when the document says adopted, approved, accepted or rejected;
a decision ("le Conseil … DÉCIDE", "AUTORISE") states it adopted; with neither, counts
for and against give it, marked derived. Phrasings: patterns/sitting.json ("votes").
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors import counts, entries, lexicon, named_votes, outline, vote_again, vote_parts
from extractors.count_text import digits, is_count_line
from extractors.council import COUNCIL, DECIDING, SUBJECT, THE_COUNCIL
from extractors.not_this_vote import BULLET, RECITAL, not_this_vote, without, without_recitals
from extractors.sitting import Fact
from extractors.stream import Unit, fold
from extractors.vote import Vote
from schemas.text import ends_sentence

QUOTES = re.compile(r"[«»\"“”]")


def read(units: list[Unit]) -> Vote:
    """The vote of a deliberation's units (its first vote, where it records several); a box or
    a line restating it under the decision is set aside when the item says its vote itself::

        Après en avoir délibéré, le conseil municipal, par 17 voix pour, 2 voix contre … :
        | Résultat du vote |  /  | Votants : 20 |  /  | Pour : 17 Contre : 1 Abstentions : 2 |
        Adoptée par 11 voix pour, 3 contre.     Pour extrait certifié conforme.

    or labelled counts beside the council's sentence giving its own ("… par 12 voix pour et 2 voix
    contre" / "Vote : Pour 12 - Contre 1 - Abstention 1"), it is `restated` (extractors/vote_again.py,
    extractors/restated.py), completing only what the item leaves out and the two agree on; alone,
    the box is the item's vote ("Résultat du vote : ADOPTÉ À L'UNANIMITÉ")."""
    body = without(without_recitals(units), not_this_vote, joined=True)  # another body's opinion, wrapped lines too
    body = vote_parts.blanked(body)  # "Collège des élus : 8 voix pour" / "Collège des nommés : 5 voix pour": parts
    whole = without(body, lambda folded: bool(PART.search(folded)))  # an amendment's vote, a section's
    if len(whole) < len(body) and set(_read(whole).said_by.values()) - {"reported"}:
        body = whole
    kind, box = vote_again.box(body)
    if box:
        rest = [u for u in body if all(u is not b for b in box)]
        vote = _read(rest)
        if _its_own(vote, rest, kind):
            vote.restated, vote.restated_kind = _read(box), kind
            vote_again.complete(vote.facts, vote.restated.facts)
            return vote
    return _read(body)


def _its_own(vote: Vote, rest: list[Unit], kind: str) -> bool:
    """The item says its vote without the box: under labels or in the council's sentence (in the
    passive too); beside a result line, in the decision's own sentence; beside a box of labelled
    counts, with the counts (extractors/vote_again.py)."""
    said = _says_its_vote(vote) or vote_again.passive(vote.facts, rest)
    counts_decided = any(vote.said_by.get(c) == "deciding" for c in ("pour", "contre", "abstentions"))
    decided = kind == "result_box" or "deciding" in vote.said_by.values()
    return said and decided and (kind != "vote_box" or counts_decided)


# a vote on part of the item, before the vote on the whole: "L'amendement, mis aux voix, est rejeté
# par 6 voix pour et 22 voix contre", "- section de fonctionnement, dépenses : 16 voix pour, 2
# voix contre ;", "Article 12 (durée des concessions) : adopté par 14 voix pour et" / "4 voix contre."
PART = lexicon.rx(lexicon.get("votes", "part"))


def _says_its_vote(vote: Vote) -> bool:
    """The item states its vote without the box: counts under their labels, the council's
    decision sentence, or unanimity; not figures in a line of prose that may quote another
    body ("CONSIDERANT que la communauté … a, par délibération du 27 février" / "2014 adoptée
    par 21 voix pour et 2 abstentions")."""
    return any(c in ("pour", "contre", "abstentions", "unanimite") and (how in ("label", "deciding")
               or how == "others" and c == "unanimite") for c, how in vote.said_by.items())


def _read(units: list[Unit]) -> Vote:
    vote = Vote()
    body = units
    found = counts.read(body, (*lexicon.get("vote_counts"), "votants"))
    first = min((c.unit for c in found if c.column != "votants"), default=None)
    for c in found:
        # "Votants : 9 — Pour : 8 — Contre : 0 — Abstention : 1": the votants on the (first)
        # vote's own line are this vote's (a member out of the room), or alone on the line over it
        # ("… ne prennent pas part au vote." / "Votants : 59" / "POUR : 41 …"); in a count box, the box's
        if c.column != "votants" or c.unit == first or first is not None and c.unit == first - 1 \
                and _heads_vote(body, c.unit):
            vote.set(c.column, c.value, body[c.unit], c.method)
    vote.said_by = dict.fromkeys(vote.facts, "label")
    _read_sentences(vote, body)
    if first is None and "votants" not in vote.facts:
        _votants_over(vote, body, [c for c in found if c.column == "votants"])
    heads = not weighted(body)
    _named(vote, body, heads)
    _outcome(vote, body)
    if not heads:
        weigh(vote)
    return vote


def _votants_over(vote: Vote, body: list[Unit], votants: list) -> None:
    """"Votants : 34" alone on the line over the vote said in a sentence, its figures adding up to them ("Adopté à
    l'unanimité (34 voix). …"; not a past sitting's "Votants : 33" over "… avait alors adopté"): this vote's."""
    lines = {u.span.order: k for k, u in enumerate(body)}
    top = min((lines[f.span.order] for f in vote.located() if f.span.order in lines), default=-1)
    for c in (c for c in votants if c.unit == top - 1 and _heads_vote(body, c.unit) and sum(vote.printed()) == c.value):
        vote.set("votants", c.value, body[c.unit], c.method)
        vote.said_by["votants"] = "label"


def _heads_vote(body: list[Unit], k: int) -> bool:
    """"Votants : 59" alone on its line over the vote's labelled counts, no count box above it (not "Le projet
    lauréat a recueilli 140 voix sur 310 votants lors de la consultation.")."""
    alone = [c.column for c in counts.read([body[k]], tuple(lexicon.get("sitting_counts")))] == ["votants"]
    return alone and is_count_line(body[k].text) and not (k and is_count_line(body[k - 1].text))


def _read_sentences(vote: Vote, body: list[Unit]) -> None:
    """The vote said in sentences: the council's decision, then the other lines, last what the
    item reports (once the decision gives counts, only the lines after it complete them)."""
    proses = [_prose(u.text) for u in body]  # numbers in words as digits, once a line
    nexts = [(body[k + 1], proses[k + 1]) if k + 1 < len(body) else None for k in range(len(body))]
    reported = {k for k in range(len(body)) if _reported(body, k, nexts)}
    deciding = sorted({j for k, u in enumerate(body) if _decides(u, nexts[k])
                       for j in (k, k + 1)[:1 + _goes_on(u, nexts[k])]} - reported)  # the sentence's lines
    others = [k for k in range(len(body)) if k not in deciding and k not in reported]
    if not deciding:  # "- bureau du 9 octobre : … adopté par 9 voix pour ;" / "Le conseil prend acte …"
        others, reported = _after_note_taken(body, others, reported)
    said, last = False, max(deciding, default=len(body))
    for name, lines in {"deciding": deciding, "others": others, "reported": sorted(reported)}.items():
        before = set(vote.facts)
        # (another body's vote reported gives no count to a decision said unanimous: "… le Groupe
        # d'action locale a approuvé le projet (17 voix pour, 1 abstention)" / "… approuve l'avenant à
        # l'unanimité des 12 votants"; the council's own, in the past tense, does)
        unanimous = name == "reported" and vote.value("unanimite") is True
        for k in lines:
            another = not SUBJECT.search(body[k].folded) or DATED_VOTE.search(body[k].folded)
            counts_too = not (said or unanimous and another) or lines is others and k > last
            # "… a approuvé à l'unanimité le projet de pacte" reported, the council's sentence giving its counts
            unanimity_too = not (said and name == "reported")
            _read_prose(vote, body[k], proses[k], nexts[k], counts_too=counts_too, unanimity_too=unanimity_too,
                        above=_begun_above(body, nexts, k))
        said = said or bool({"pour", "contre", "abstentions"} & (set(vote.facts) - before))
        vote.said_by |= dict.fromkeys(set(vote.facts) - before, name)


# the council takes note, no vote: "Le conseil communautaire prend acte de ces décisions."
TAKES_NOTE = re.compile(COUNCIL + r"\b(?:prend|prennent|a\s+pris|donne)\s+acte\b")


def _after_note_taken(body: list[Unit], others: list[int], reported: list[int]) -> tuple[list[int], list[int]]:
    """The council only takes note of what its paragraph quotes: the votes there are other bodies'
    or earlier ones ("- bureau du 6 novembre 2023 : marché d'entretien des espaces verts – adopté
    par 8 voix pour, 2 voix contre ;" / "Le conseil communautaire prend acte de ces décisions.");
    not a vote in a paragraph above (an item the outline left together with the next one), nor
    one printed under it ("Adopté à l'unanimité")."""
    noted = next((k for k, u in enumerate(body) if TAKES_NOTE.search(u.folded)), None)
    if noted is None:
        return others, reported
    start = max((k for k in range(noted + 1) if body[k].gap_before), default=0)
    # (not the item's own vote in prose: "… le rapport est soumis au vote et approuvé par 14 voix pour
    # et 1 abstention." / "Le Conseil municipal prend acte du rapport …"; nor "Adopté à l'unanimité.")
    listed = next((k for k in range(start, noted) if BULLET.match(body[k].text)), noted)  # a list, wrapped lines too
    quoted = {k for k in range(start, noted) if k in reported or k >= listed}
    return [k for k in others if k not in quoted], [k for k in reported if k not in quoted]


def _named(vote: Vote, body: list[Unit], heads: bool) -> None:
    """The members named on a side ("Contre : 7 (SOLER Yasmina, …)"), and the side's count where
    only that statement gives it ("Ont voté pour (24) : M. LACOMBE, …")."""
    for column, named, stated, k in named_votes.read(body):
        if column not in vote.facts:
            vote.set(column, stated, body[k], "named_votes")
            vote.said_by[column] = "label"
        vote.set(column + "_nommes", named, body[k], "named_votes")
    for column, named, k in named_votes.subjects(body) if heads else ():  # members, not weighted voices
        vote.set(column, named, body[k], "side_named", derived=True)  # "M. X et Mme Y votant contre": no count printed


def weighted(units: list[Unit]) -> bool:
    return any(WEIGHTED.search(u.folded) for u in units)


def weigh(vote: Vote) -> None:
    """Counts in votes, not members: compared with the votants as "à vérifier" (checks/trust.py)."""
    for column in set(vote.facts) & {"pour", "contre", "abstentions"}:
        vote.facts[column] = replace(vote.facts[column], method="weighted")


# votes that are not one a member: "Vote (en voix pondérées)", "Votants : 14 (41 voix)"; a
# syndicat's box "Voix représentées : 675 sur 760", "Chaque délégué dispose d'un nombre de voix"
WEIGHTED = re.compile(r"\bvoix\s+ponderees?\b|\bvotes?\s+ponderes?\b|\bponderation\s+des\s+voix\b"
                      r"|\d\s*\(\s*\d+\s+voix\s*\)|\bvoix\s+representees\b"
                      r"|\bdispos(?:e|ent|ant|ait)\s+(?:chacun\s+)?d'un\s+nombre\s+de\s+voix\b"
                      r"|\bvoix\s+par\s+(?:delegue|representant)\b"  # "Lannilis (4 voix par délégué)"
                      # "… disposent de deux voix", "Vote (en voix)", "9 délégués présents, soit 13 voix"
                      # (not "chaque délégué dispose d'une voix", "dispose d'une voix prépondérante")
                      r"|\bdispos(?:e|ent)\s+(?:chacun\s+)?de\s+(?:[2-9]|deux|trois|quatre|cinq)\s+voix\b"
                      r"(?!\s+preponderante)"
                      r"|\bvotes?\s*\(\s*en\s+voix\s*\)"
                      r"|\bdelegues?\b[^.;]{0,30},\s*soit\s+\d+\s+voix\b"  # not "la moyenne pondérée des consommations"
                      # "Délégués présents : 18, représentant 71 voix", "30 délégués disposant ensemble de 100 voix"
                      # (not "Présents : 20, représentant 24 voix avec les pouvoirs", members and their proxies)
                      r"|\bdelegues?\b[^.;]{0,30}?\d+\s*,?\s*representant\s+\d+\s+voix\b"
                      r"|\d+\s+delegues?\s*,?\s*representant\s+\d+\s+voix\b"
                      r"|\bdelegues?\s+disposant\s+(?:ensemble\s+)?de\s+\d+\s+voix\b")


def _decides(u: Unit, nxt: tuple[Unit, str] | None) -> bool:
    """The sentence where the council decides ("Le Conseil communautaire approuve la modification
    par 22 voix pour et" / "2 abstentions."): its vote is the item's, before a vote the item
    reports ("Le conseil municipal de Monsireigne s'est d'ores et déjà prononcé" / "favorablement
    le 4 novembre, par 13 voix pour et 2 contre.")."""
    return bool(DECIDING.search(u.folded + " " + nxt[0].folded if _goes_on(u, nxt) else u.folded))


def _reported(body: list[Unit], k: int, nexts: list) -> bool:
    """A line in a sentence reporting a decision already taken ("Le conseil communautaire a
    approuvé la modification le 12 juillet 2016" / "par 38 voix pour et 5 contre ; …"): its
    counts are read only when the item records no other vote (minutes told in the past tense)."""
    above = body[k - 1].folded + " " if k and _goes_on(body[k - 1], nexts[k - 1]) else ""
    return bool(REPORTED.search(above + body[k].folded))


# another act's vote, dated: "… le rapport de la CLECT, adopté le 12 mai par 25 voix pour", "… a été votée par
# le conseil communautaire le 22 mars 2012 par 31 voix pour"; "Par délibération, en date du 14 juin 2022,
# adoptée à l'unanimité, le Conseil … avait approuvé …", "Le Maire rappelle que, par délibération du 14 mars
# 2019 adoptée par 20 voix pour et 3 abstentions, le Conseil municipal a approuvé le principe …": the act
# cited and dated first, its vote after (never counts for a decision said unanimous, even the council's)
DATED_VOTE = re.compile(r"\b(?:adoptee?s?|approuvee?s?|votee?s?)\s+(?:par\s+(?:le|la|l')\s*[a-z]+(?:\s+[a-z]+)?\s+)?"
                        r"(?:le\s+\d|en\s+(?:date|seance)|lors\s+d)[^.;]{0,60}?\bpar\s+\d"
                        r"|\bpar\s+(?:une\s+)?deliberation\s*,?\s*(?:n\s*[°o]\s*\S+\s*,?\s*)?(?:en\s+date\s+)?du\s+\d"
                        r"[^.;]{0,40}?,?\s*(?:adoptee|approuvee|votee)\s+(?:a\s+l'unanimite|par\s+\d)")
REPORTED = re.compile(r"\b(?:a|ont|avait|avaient)"
                      # "le conseil municipal avait, le 12 mars 2022, approuvé la contribution 2022 par 10 voix pour"
                      r"(?:\s*,\s*(?:le\s+\d|en\s+(?:date|seance)|lors\s+d)[^,;.]{0,60},)?"
                      r"\s+(?:deja\s+|d'ores\s+et\s+deja\s+|(?:lui|elle|eux|elles)-memes?\s+)?"
                      # "… a lui-même adopté son plan par 21 voix contre 14"
                      r"(?:approuve|adopte|vote|decide|rejete|refuse)e?s?\b"
                      r"|\bs'est\s+(?:[a-z']+\s+){0,4}?prononcee?\b"
                      # "la DM n° 1 de 2023 avait été adoptée « par 26 voix contre 7 »": a vote of the past
                      r"|\b(?:avait|avaient)\s+ete\s+(?:approuvee?s?|adoptee?s?|votee?s?|rejetee?s?)\b"
                      r"|" + DATED_VOTE.pattern)


def _goes_on(u: Unit, nxt: tuple[Unit, str] | None) -> bool:
    """The sentence of `u` goes on into the next line, not a row of numbers ("52	51	0	0")."""
    return nxt is not None and not ends_sentence(u.text, ".:;!?") and not ROW_OF_NUMBERS.fullmatch(u.text)


ROW_OF_NUMBERS = re.compile(r"[\d\s|;]+")  # "52	51	0	0": a table's row, no sentence
SUBJECT_REACH = 2  # lines above a verb its subject may start on


def _begun_above(body: list[Unit], nexts: list, k: int) -> str:
    """The sentence of body[k] begun on the lines above, where they go on into it ("M. Alain GRIMAUD et
    Mme Régine FABRE-ROUX, membres du bureau de l'Office" / "départemental des sports du Var, …, ne prennent" /
    "pas part au vote.")."""
    j = k
    while j > 0 and k - j < SUBJECT_REACH and not body[j].gap_before and _goes_on(body[j - 1], nexts[j - 1]):
        j -= 1
    return "".join(u.text.strip() + " " for u in body[j:k])


def _read_prose(vote: Vote, u: Unit, text: str, nxt: tuple[Unit, str] | None = None, counts_too: bool = True,
                unanimity_too: bool = True, above: str = "") -> None:
    """The vote in the sentence of `u` (`text`: its prose form), read on into the next line
    when the sentence goes on ("… le Conseil municipal, par 12 voix" / "pour, 2 voix contre
    et 1 abstention :"); `above`, the sentence's beginning on the lines above (its subject)."""
    # "52	51	0	0" / "Non-votant : Mme X – soit 1 membre": a row of numbers goes on into no
    # sentence ("0 non-votant" is not read across the two)
    goes_on = _goes_on(u, nxt)
    whole, first = _the_councils(text + " " + nxt[1] if goes_on else text, len(text))
    counts_too = counts_too and first > 0 and not _contradicts(vote, whole, first)
    if counts_too:
        _majority(vote, u, whole, first)
    for column in (*lexicon.get("vote_counts"), "votants") if counts_too else ():  # "à l'unanimité (32 votants)"
        vote.set(column, _said(whole, column, first), u, "vote_prose")  # begun on this line: its own
    # (not "Le Conseil décide à l'unanimité de ne pas procéder au scrutin secret": how it votes, not its vote)
    said = next((m for m in lexicon.rx(lexicon.get("votes", "unanimity")).finditer(text)
                 if not BALLOT.match(fold(text[m.end():]))), None) if unanimity_too else None
    if said:  # "à l'unanimité des suffrages exprimés": abstentions may stand beside it
        expressed = EXPRESSED.match(fold(text[said.end():]))
        vote.set("unanimite", True, u, "unanimity_expressed" if expressed else "unanimity")
    elif unanimity_too and lexicon.rx(lexicon.get("votes", "by_majority")).search(text):  # "Adoptée à la majorité."
        vote.set("unanimite", False, u, "majority")
    sentence = u.text + " " + nxt[0].text if goes_on else u.text
    named = _non_voters(u.text, sentence) or (_non_voters(u.text, above + sentence) if above else None)
    if named:
        vote.set("non_votants", named, u, "non_voters_named", derived=True)


def _non_voters(line: str, sentence: str) -> int | None:
    """Those who do not vote, counted on their names: "Ne participe(nt) pas au vote : M. X (1)" (the line
    alone), else the sentence; one named "… ne prend pas part au vote, ni pour lui-même ni au titre du
    pouvoir qu'il détient" takes two votes out."""
    voices = _voices_out(sentence)
    if voices is not None:
        return voices
    # "Ne prennent pas part au vote (…) : M. Jean-Paul VIALE, Mme Chris-" / "tine BIANCO, … (6).": the list goes on below
    named = _listed_non_voters(sentence if re.search(r"[,-]\s*$", line) else line)
    named = _named_non_voters(sentence) if named is None else named
    return 2 if named == 1 and HELD_TOO.search(fold(sentence)) else named


# the voices out said after who does not vote: "Ne prennent pas part au vote : M. Marc ROCHE (…), qui porte le
# pouvoir de Mme AMOURDEDIEU, soit 2 voix." (not "…, soit 30 votes exprimés", those who do vote)
VOICES_SAID = re.compile(r"(?:,|[–—-])\s*soit\s+(\d{1,3})\s+(?:voix|votes?)\b(?!\s+(?:exprim|pour\b|contre\b))")


def _voices_out(sentence: str) -> int | None:
    if "soit" not in sentence.lower():  # (asked of every vote's line: numbers in words read only where it may say)
        return None
    said = digits(sentence)
    m = VOICES_SAID.search(said)
    label = next((lb for lb in lexicon.labels("counts", said) if lb.name == "non_votants"), None) if m else None
    return int(m.group(1)) if label and label.end < m.start() else None


# another body's decision in a clause before the council's own: "Le conseil communautaire ayant
# adopté le transfert par 41 voix pour et 6 voix contre, le conseil municipal, après en avoir
# délibéré, par 14 voix pour et 9 voix contre, s'oppose au transfert."
ANOTHERS_CLAUSE = re.compile(r"\b(?:conseil\s+(?:communautaire|departemental|regional|metropolitain|syndical"
                             r"|d'administration)|comite|commission|bureau|syndicat|communaute|assemblee\s+generale)\b"
                             r"[^.;]{0,80}?\bayant\s+(?:adopte|approuve|vote|rejete|emis|decide)\b[^.;]*?,\s*"
                             r"(?=" + THE_COUNCIL + ")")


def _the_councils(prose: str, first: int) -> tuple[str, int]:
    """The part of a sentence where the council speaks, and where its first line ends in it."""
    m = ANOTHERS_CLAUSE.search(fold(prose))
    return (prose[m.end():], first - m.end()) if m else (prose, first)


# unanimity qualified by the sitting itself: "à l'unanimité des suffrages exprimés", "… des exprimés",
# "unanimité moins 2 abstentions", "à l'unanimité, sauf M. X qui s'abstient"
# ("… à l'unanimité des suffrages" / "exprimés": the line ends on it)
# (not "… à l'unanimité, à l'exception de :" / "- la délibération n° B-2022-0415, …": acts excepted, listed below)
EXPRESSED = re.compile(r"\W{0,3}(?:des\s+(?:suffrages|votes|voix)\s*(?:exprime|ex-?\s*$|$)|des\s+exprime"
                       r"|(?:moins|sauf|hormis|a\s+l'exception\s+d(?!\w*\s*:)))")


# a unanimity on how to vote, not on the item: "… décide à l'unanimité de ne pas procéder au scrutin
# secret", "… à l'unanimité de ne pas recourir au vote à bulletin secret", "… de voter à main levée"
BALLOT = re.compile(r"\W{0,3}(?:de\s+ne\s+pas\s+(?:proceder|recourir)\s+au\s+(?:vote|scrutin)"
                    r"|de\s+(?:voter|proceder\s+au\s+vote)\s+a\s+main\s+levee)")


def _contradicts(vote: Vote, prose: str, before: int) -> bool:
    """"Pour : 15     Contre : 3" read, then "… par 14 voix pour, 3 voix contre et 1 abstention" (or
    "… par 14 voix contre 4"): a sentence giving a side another count is another statement of the
    vote, and completes none of its sides (15 pour, 3 contre and 1 abstention were never voted together)."""
    m = lexicon.rx(lexicon.get("votes", "majority")).search(prose)
    majority = {"pour": int(m.group(1)), "contre": int(m.group(2))} if m and m.start() < before else {}
    said = {side: _said(prose, side, before) or majority.get(side) for side in ("pour", "contre", "abstentions")}
    return any(vote.value(side) is not None and count not in (None, vote.value(side)) for side, count in said.items())


def _majority(vote: Vote, u: Unit, prose: str, before: int) -> None:
    """"adoptée par 12 voix contre 3": pour 12, contre 3; "la motion est rejetée à la majorité
    de 3 voix contre 2": the winning side rejected it, contre 3, pour 2."""
    m = lexicon.rx(lexicon.get("votes", "majority")).search(prose)
    if not m or m.start() >= before or max(int(m.group(1)), int(m.group(2))) > lexicon.get("max_count"):
        return
    rejected = lexicon.rx(lexicon.get("votes", "rejected")).search(prose[:m.start()])
    winner, loser = ("contre", "pour") if rejected else ("pour", "contre")
    vote.set(winner, int(m.group(1)), u, "vote_prose")
    vote.set(loser, int(m.group(2)), u, "vote_prose")


def _said(prose: str, column: str, before: int | None = None) -> int | None:
    """The count of `column` a sentence says ("par 12 voix pour"), its match begun before
    `before` (the sentence's first line, when it is read on into the next)."""
    for pattern in lexicon.get("votes", column):
        m = lexicon.rx(pattern).search(prose)
        if m and (before is None or m.start() < before) and int(m.group(1)) <= lexicon.get("max_count"):
            return int(m.group(1))
    return None


# one member named by office: "M. le Maire", "Madame la Présidente", "le premier adjoint"
ONE_FUNCTION = re.compile(r"(?:(?:monsieur|madame|m\.|mme)\s+)?(?:le|la|l')\s*(?:maire|president|presidente|"
                          r"(?:premier|premiere|\d+e|deuxieme)?\s*(?:adjoint|adjointe)|rapporteur|rapporteure)")


def _prose(text: str) -> str:
    return re.sub(r"\s+", " ", QUOTES.sub(" ", counts.digits(text)))


PLURAL_CIVILITIES = {"mm", "mmes", "messieurs", "mesdames"}  # "MM. DURAND et LEROY": one for two


# a non-voter who holds a proxy and does not cast it either: two votes out, one member named
HELD_TOO = re.compile(r"\bni\s+(?:(?:pour|avec)\s+(?:son|sa|le|la)|au\s+titre\s+(?:du|de\s+(?:son|sa|la)))\s+"
                      r"(?:pouvoir|procuration|mandante?)\b")


GROUP_PART = re.compile(r"(?:les|des|tous|toutes|l'ensemble|plusieurs|certains|certaines|autres|leurs?)\b")


def _named_non_voters(sentence: str) -> int | None:
    """How many members a sentence names as not voting: "Laurence BRETON, présidente du
    club, ne prend pas part au vote" (one), "MM. DURAND et LEROY ne prennent pas part au
    vote" (two, counted on the names); None when the subject names nobody ("Les élus
    intéressés ne prennent pas part au vote")."""
    from extractors import members

    sentence = sentence.strip()
    m = lexicon.rx(lexicon.get("votes", "non_voters_named")).search(fold(sentence))
    if not m:
        return None
    names = sentence[m.start("names"):m.end("names")]
    # "Le groupe « Vals Autrement » n'a pas participé au vote" (no one named): how many is not said (the subject
    # only: not "Adoptée à la majorité – Pour : 44 … (le Président ne prend …")
    subject = re.split(r"[(:;]", names)[-1]
    if not re.search(r"\b[A-ZÀ-Ý]{2,}", subject) and named_votes.not_persons(subject):
        return None
    if m.group("one"):
        return 1
    parts = [entries.strip_civilities(p) for p in re.split(r",|\bet\b", names) if p.strip()]
    if parts and all(members.looks_like_member(p) for p in parts):
        return len(parts)
    # "MM. Henri ROUSTAN, Didier FAUCHER, Mmes Isabelle JOUVE et Laurence PAGÈS, administrateurs de la SERM,":
    # the names, then what they are (a part in lower case)
    people = [p for p in parts if not p[:1].islower()]
    group = any(GROUP_PART.match(p) for p in parts)  # "…, et les autres élus membres du comité …": how many, unsaid
    if people and len(people) < len(parts) and not group and all(members.looks_like_member(p) for p in people):
        return len(people)
    # "M. Pierrick HAMON et Mme Gwenaëlle LE DANTEC, administrateurs pressentis de la société,",
    # "M. Paul DURAND, adjoint aux finances et Mme Anne PETIT, conseillère déléguée,": each name
    # with its civility, then what they are; the verb must agree ("ne prennent": more than one)
    civilities = [c.group(0).rstrip(".") for c in entries.CIVILITY_START.finditer(fold(names))]
    if len(civilities) > 1 and not PLURAL_CIVILITIES & set(civilities):  # the verb is plural here
        return len(civilities)
    # "… après en avoir délibéré, M. le Maire n'ayant pas pris part au vote": the clause's subject
    clause = [entries.strip_civilities(p) for p in re.split(r"\bet\b", names.split(",")[-1]) if p.strip()]
    if len(clause) == 1 and ONE_FUNCTION.fullmatch(fold(names.split(",")[-1]).strip()):
        return 1
    return len(clause) if clause and all(members.looks_like_member(p) for p in clause) else None


def says_non_voters(u: Unit) -> bool:
    """A line naming or counting members who took no part in a vote: "N'a pas pris part au vote :
    Laurine Léger (1)", "Non-votants : 2", "1 membre(s) ne prenant pas part au vote (X)" (not
    "Non-votants : néant")."""
    listed = _listed_non_voters(u.text)
    if listed is not None:
        return listed > 0
    if _said(_prose(u.text), "non_votants"):  # "1 membre(s) ne prenant pas part au vote (Nadège Bocquet)"
        return True
    return any(c.value for c in counts.read([u], ("non_votants",)))


# "… Abstentions : 3      Non participation au vote : M. le Maire": the label after the vote's counts too
NON_VOTERS_ANYWHERE = lexicon.rx(lexicon.get("votes", "non_voters_listed").removeprefix("^"))


def _listed_non_voters(line: str) -> int | None:
    """"Ne participe(nt) pas au vote : Jeannine CAZENAVE (1)", "Non-votants : M. X, Mme Y": the
    label first, then the names (the count in brackets, when printed, is taken as printed);
    "néant" or "aucun" is zero."""
    from extractors import members

    folded = fold(line)
    # "Pour : 46      Contre : 17      Abstentions : 3      Non participation au vote : M. le Maire":
    # the label opening the line, or after the vote's last count
    m = next((m for m in NON_VOTERS_ANYWHERE.finditer(folded)
              if m.start() == 0 or re.search(r"\d\s*[|;,–-]?\s*$", folded[:m.start()])), None)
    if not m:
        return None
    if m.group("n"):
        return int(m.group("n"))
    # "NPPV : la Présidente (art. L. 2121-14)": the law cited after who does not vote is no one more
    names = re.sub(r"\s*\((?:art|article|cf|cgct)\b[^()]*\)", "", line[m.start("names"):m.end("names")], flags=re.I)
    if re.fullmatch(r"(?:neant|aucune?|personne)\.?", fold(names).strip()):
        return 0
    raw = [p for p in entries.SEPARATORS.split(names) if p.strip()]
    if len(raw) > 1 and raw[-1].strip()[:1].islower() and not CAPS_WORD.search(raw[-1]):  # "…, administrateurs de Gironde Habitat."
        raw.pop()  # the apposition closing the names says who they are, it is no one more
    parts = [p for p in raw if not ONE_FUNCTION.fullmatch(fold(p).strip(" ."))]  # "M. le Maire": one member
    parts = [entries.strip_civilities(p) for p in parts]
    if not all(members.looks_like_member(p) for p in parts):
        return None
    return len(raw) if raw else None


# a surname in capitals: "de BOISSIEU" is a name, "administrateurs de Gironde Habitat" who they are
CAPS_WORD = re.compile(r"[A-ZÀ-Ý]{2,}")


def _outcome(vote: Vote, body: list[Unit]) -> None:
    """Adopted or rejected as stated; else from a decision; else from the counts (derived)."""
    from extractors.segment import is_evidence

    for u in reversed(body):  # the outcome closes the debate: the last one stated
        text = u.folded
        if RECITAL.search(text):  # "Par délibération du 8 février, le Conseil avait approuvé …"
            continue
        if lexicon.rx(lexicon.get("votes", "rejected")).search(text) and not _another_motion(text, body):
            vote.set("resultat", "rejete", u, "result")
        elif lexicon.rx(lexicon.get("votes", "adopted")).search(text) and is_evidence(u):
            vote.set("resultat", "adopte", u, "result")
    decided = _decision(body)
    pour, contre = vote.value("pour"), vote.value("contre")
    if "resultat" not in vote.facts and pour is not None and contre is not None and pour != contre:
        outcome = "adopte" if pour > contre else "rejete"
        if decided is not None and (outcome == "adopte" or not _says_no(body, decided, vote.facts["pour"].span)):
            # "DÉCIDE" and a vote for: as stated; "par 4 voix pour, 6 voix contre et 0 abstention,
            # décide :" / "✓ DÉCIDE de louer …": as stated too, the document contradicts itself
            # the decision said in the vote's sentence, what it decides under it ("…, décide :"):
            # stated; "… 10 voix contre, décide de maintenir la parcelle" may be the motion's defeat
            voted = decided.span == vote.facts["pour"].span and bool(lexicon.rx(lexicon.get("votes", "decides_below")).search(decided.folded))
            vote.set("resultat", "adopte", decided, "decision_voted" if voted else "decision")
        else:  # a decision beaten in the vote ("décide de ne pas…", 2 pour, 6 contre): from the counts
            vote.facts["resultat"] = Fact(outcome, vote.facts["pour"].span, "counts", True)
    if decided is not None:
        vote.set("resultat", "adopte", decided, "decision")
    if vote.value("unanimite") and "resultat" not in vote.facts and body:
        vote.set("resultat", "adopte", body[0], "unanimity", derived=True)


def _another_motion(text: str, body: list[Unit]) -> bool:
    """"La demande [de report] est rejetée." above the item's own vote; not when the item is that
    request or motion ("2. Demande de remise gracieuse …" / "la demande est rejetée à l'unanimité")."""
    m = lexicon.rx(lexicon.get("votes", "rejected_other")).search(text)
    title = body[0].folded if body and body[0].folded != text else ""  # the item's heading, not the line itself
    return bool(m) and (m.group("noun").split()[0] not in title or any(lexicon.rx(lexicon.get("votes", "adjourn")).search(u.folded) for u in body))


def _says_no(body: list[Unit], decided: Unit, voted) -> bool:
    """The decision, or the vote's sentence, says no, on its line or the next: "… par 4 voix
    pour, 6 voix contre, décide :" / "– de ne pas donner suite", "décide de procéder à un vote à
    main levée." / "Par 3 voix « Pour », 7 voix « Contre » …, décide … de ne pas répondre …"."""
    at = [k for k, u in enumerate(body) if u is decided or u.span == voted]
    return any(lexicon.rx(lexicon.get("votes", "says_no")).search(u.folded) for k in at for u in _clause(body, k))


def _clause(body: list[Unit], k: int) -> list[Unit]:
    """The decision's clause: its line and those under it up to a blank line or a sentence's end
    ("DÉCIDE :" / "Article 1 :" / "de ne pas donner suite …"), four lines at the most."""
    out = body[k:k + 2]  # "Vote : 4 voix pour, 10 voix contre." / "La création n'est donc pas retenue."
    for u in body[k + 2:k + 5]:
        if u.gap_before or out[-1].text.rstrip().endswith("."):
            break
        out.append(u)
    return out


def _decision(body: list[Unit]) -> Unit | None:
    """The line where the assembly decides ("Le Conseil Municipal considérant …" / "… décide
    de lui allouer": the two lines read together), recitals and proposals aside."""
    for u, nxt in zip(body, body[1:] + [None]):
        pair = u.folded + " " + (nxt.folded if nxt else "")
        if lexicon.rx(lexicon.get("votes", "decided")).search(pair) and \
                any(outline.rx(p).search(pair) for p in outline.data()["evidence"]) and \
                not any(outline.rx(p).search(u.folded.strip()) for p in outline.data()["not_evidence"]):
            verb_here = lexicon.rx(lexicon.get("votes", "decided")).search(u.folded)
            return u if verb_here or nxt is None else nxt  # the line holding the verb, not a move above it
    return None


def complete_unanimous(values: dict, expressed: bool = False) -> dict:
    """Unanimity: pour = votants, contre = abstentions = 0, where the document says no more; of the
    votes cast only ("à l'unanimité des suffrages exprimés, trois conseillers s'abstenant"), contre = 0
    alone: abstentions may stand beside it, unread."""
    if expressed:
        return {"contre": 0} if values.get("contre") is None else {}
    out = {}
    if values.get("pour") is None and values.get("votants") is not None and not values.get("abstentions"):
        out["pour"] = values["votants"]
    if values.get("contre") is None:
        out["contre"] = 0
    if values.get("abstentions") is None:
        out["abstentions"] = 0
    return out
