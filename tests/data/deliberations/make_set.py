"""Write the labelled set: deliberations as councils write them, and their truth.

Each document is declared below as a *truth* (who sat, who was absent and with whose
proxy, the stated counts, the vote) and a *style* (how this council writes it: the
opening sentence in words or digits, counts as a block, one line, a ruled table or
prose, names as "Prénom NOM", "NOM Prénom", "M. NOM"…, proxies in a list, in brackets
or in sentences, the vote as a block, one line or prose). The text is rendered from
both; `<name>.expected.json` is the truth itself (never the extractor's output), with
the check ids that the checks raise on the truth — a planted inconsistency is
asserted to fire here.

    python tests/data/deliberations/make_set.py     # rewrites the .txt and .expected.json
    python tests/data/deliberations/make_pdfs.py    # then the PDFs, on purpose only
"""
from __future__ import annotations

import datetime as dt
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[2]))

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]
UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
         "onze", "douze", "treize", "quatorze", "quinze", "seize"]
TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante"}


def words(n: int, hyphen: str = "-") -> str:
    """French number words up to 2099 (``2024`` -> ``deux mille vingt-quatre``)."""
    if n >= 2000:
        rest = n - 2000
        return "deux mille" + (" " + words(rest, hyphen) if rest else "")
    if n <= 16:
        return UNITS[n]
    if n < 20:
        return "dix" + hyphen + UNITS[n - 10]
    tens, unit = n // 10 * 10, n % 10
    if unit == 0:
        return TENS[tens]
    return TENS[tens] + (" et un" if unit == 1 else hyphen + UNITS[unit])


# --- people ------------------------------------------------------------------------

PEOPLE = [  # (prénom, NOM, feminine)
    ("Paul", "DURAND", 0), ("Claire", "ANDRIEUX", 1), ("Denis", "DELPIROU", 0),
    ("Maria", "DE MAGALHAES", 1), ("Jan", "VAN SIMMERTIER", 0), ("Yann", "LE GALL", 0),
    ("Emmanuelle", "LAMBERT-DELHOMME", 1), ("Jean-Pierre", "ROUSSEL", 0), ("Sylvie", "MARTIN", 1),
    ("Bernard", "PETIT", 0), ("Chantal", "ROUX", 1), ("Hervé", "MICHEL", 0), ("Gisèle", "LAURENT", 1),
    ("François", "SIMON", 0), ("Émilie", "MOREAU", 1), ("Jacques", "DAVID", 0),
    ("Karine", "BERTRAND", 1), ("Louis", "GARCIA", 0), ("Isabelle", "FOURNIER", 1),
    ("Marc", "GIRARD", 0), ("Anne-Marie", "BONNET", 1), ("Thierry", "DUPUY", 0),
    ("Nathalie", "LEFEBVRE", 1), ("Olivier", "MERCIER", 0), ("Sophie", "BLANC", 1),
    ("Christophe", "GUERIN", 0), ("Valérie", "BOYER", 1), ("Philippe", "ROSSEEL", 0),
    ("Danièle", "MAJOREL", 1), ("Gilles", "AMAT", 0), ("Hélène", "DA SILVA", 1),
    ("Vivien", "BATIFOULIER", 0), ("Martine", "CHAMBON", 1), ("Luc", "LESCURE", 0),
    ("Agnès", "VIALA", 1), ("Éric", "FAUCHER", 0), ("Odile", "BRUNEL", 1), ("Serge", "TEILLARD", 0),
    ("Josiane", "DELORT", 1), ("René", "DU PEYROUX", 0), ("Colette", "ESTIVAL", 1),
    ("Alain", "PAGES", 0), ("Brigitte", "CHAZAL", 1), ("Pierre-Yves", "COSTE", 0),
    ("Lucie", "MALLET", 1), ("Guy", "RIGAL", 0), ("Monique", "VERGNE", 1), ("Henri", "SERRE", 0),
    ("Jeanne", "D'ALMEIDA", 1), ("Robert", "BOUSQUET", 0),
]


@dataclass(frozen=True)
class P:
    first: str
    last: str
    fem: bool

    def written(self, style: str) -> str:
        """The name with its civility as the document writes it."""
        civ = ("Mme" if self.fem else "M.")
        return {"pn": f"{self.first} {self.last}", "np": f"{self.last} {self.first}",
                "civ_nom": f"{civ} {self.last}", "civ_pn": f"{civ} {self.first} {self.last}",
                "long": f"{'Madame' if self.fem else 'Monsieur'} {self.first} {self.last}"}[style]

    def name(self, style: str) -> str:
        """The name as the attendance table holds it: as written, civility removed."""
        return {"pn": f"{self.first} {self.last}", "np": f"{self.last} {self.first}",
                "civ_nom": self.last}.get(style, f"{self.first} {self.last}")


# --- truth and style ---------------------------------------------------------------

@dataclass
class Delib:
    """One deliberation's truth; `stated` overrides a count as the document prints it."""

    numero: str | None
    objet: str
    present: list[P]
    absent: list[tuple[P, bool | None, P | None]]  # (member, excused, proxy holder)
    vote: dict  # pour, contre, abstentions, non_votants, unanimite, resultat
    membres: int
    decisions: list[tuple[str, str]] = field(default_factory=lambda: [
        ("APPROUVER", "D'APPROUVER le projet présenté ;"),
        ("AUTORISER", "D'AUTORISER l'exécutif à signer toute pièce relative à ce dossier.")])
    substitutes: dict[P, P] = field(default_factory=dict)  # present member -> replaced member
    stated: dict = field(default_factory=dict)
    movement: str = ""  # "M. X quitte la séance et donne pouvoir à Mme Y." (registers)

    def counts(self) -> dict:
        proxies = sum(1 for _, _, h in self.absent if h)
        c = {"membres_en_exercice": self.membres, "presents": len(self.present),
             "absents": len(self.absent), "pouvoirs": proxies,
             "votants": len(self.present) + proxies}
        return c | self.stated


@dataclass
class Doc:
    name: str
    collectivite: str
    organe: str
    lieu: str
    date: dt.date
    time: str
    convocation: dt.date | None
    president: P
    secretaire: P | None
    delibs: list[Delib]
    style: dict
    siren: str = "200066637"
    dept: str = "015"
    sans_quorum: bool = False
    checks: list[str] = field(default_factory=list)  # planted: must fire on the truth


# --- rendering -------------------------------------------------------------------------

def stamp_id(doc: Doc, d: Delib) -> str | None:
    if not doc.style.get("stamp") or not d.numero:
        return None
    return f"{doc.dept}-{doc.siren}-{doc.date:%Y%m%d}-{d.numero.replace('-', '')}-DE"


def stamp_lines(doc: Doc, d: Delib) -> list[str]:
    sid = stamp_id(doc, d)
    if not sid:
        return []
    sent = doc.date + dt.timedelta(days=4)
    return [f"Envoyé en préfecture le {sent:%d/%m/%Y}", f"Reçu en préfecture le {sent:%d/%m/%Y}",
            f"ID : {sid}"]


def date_words(d: dt.date, hyphen: str = "-") -> str:
    day = "premier" if d.day == 1 else words(d.day, hyphen)
    return f"{day} {MONTHS[d.month - 1]} {words(d.year, hyphen)}"


def time_words(t: str) -> str:
    h, m = (int(x) for x in t.split(":"))
    return f"{words(h)} heures" + (f" {words(m)}" if m else "")


def date_digits(d: dt.date) -> str:
    return f"{'1er' if d.day == 1 else d.day} {MONTHS[d.month - 1]} {d.year}"


def who(doc: Doc, p: P) -> str:
    return p.written(doc.style.get("civ", "civ_pn"))


def title(doc: Doc, p: P) -> str:
    maire = doc.organe == "Conseil municipal"
    base = ("Maire" if maire else "Présidente" if p.fem else "Président")
    if doc.collectivite.startswith(("Département", "Syndicat")):
        return f"{base} du {doc.collectivite}"
    return f"{base} de la {doc.collectivite}" if doc.collectivite.startswith("Communauté") \
        else f"{base} de {doc.collectivite}"


def opening(doc: Doc) -> list[str]:
    s, o = doc.style.get("opening", "le_words"), doc.organe
    conv = doc.style.get("convocation", "label_words")
    convoque = f"dûment convoqué le {date_digits(doc.convocation)}" if conv == "opening" else "dûment convoqué"
    pres = f"sous la présidence de {who(doc, doc.president)}, {title(doc, doc.president)}"
    if s == "an_words":
        hh, mm = doc.time.split(":")
        t = f"{words(int(hh))} heures" + (f" {words(int(mm))}" if int(mm) else "")
        day = "premier" if doc.date.day == 1 else words(doc.date.day)
        return [f"L'an {words(doc.date.year)}, le {day} {MONTHS[doc.date.month - 1]} à {t}, "
                f"le {o}, {convoque}, s'est réuni en séance publique à {doc.lieu}, {pres}."]
    if s == "le_words":
        hh, mm = doc.time.split(":")
        return [f"Le {date_words(doc.date, ' ')} à {int(hh)} heures {mm}, le {o}, {convoque}, "
                f"s'est réuni en session ordinaire à {doc.lieu}, {pres}."]
    if s == "seance_du":
        hh, mm = doc.time.split(":")
        return [f"Séance du {date_digits(doc.date)} à {int(hh)}h{mm}",
                f"Le {o}, {convoque}, s'est réuni à {doc.lieu}, {pres}."]
    if s == "reuni_le":
        hh, mm = doc.time.split(":")
        art = "La" if o.startswith("Commission") else "Le"
        fem = "e" if art == "La" else ""
        return [f"{art} {o}, {convoque}{fem}, s'est réuni{fem} le {date_digits(doc.date)} à {int(hh)} heures"
                + (f" {mm}" if mm != "00" else "") + f" à {doc.lieu}, {pres}."]
    raise ValueError(s)


def convocation_lines(doc: Doc) -> list[str]:
    conv = doc.style.get("convocation", "label_words")
    if conv == "label_words":
        return [f"Date de convocation : {doc.convocation:%d} {MONTHS[doc.convocation.month - 1]} {doc.convocation.year}"]
    if conv == "label_digits":
        return [f"Date de la convocation : {doc.convocation:%d/%m/%Y}"]
    return []


def join_names(doc: Doc, names: list[str]) -> str:
    sep = doc.style.get("sep", ", ")
    if not names:
        return "néant"
    if sep == "et":
        return ", ".join(names[:-1]) + " et " + names[-1] if len(names) > 1 else names[0]
    return sep.join(names)


def grouped(doc: Doc, people: list[P]) -> str:
    """``MM. DURAND, PETIT et ROUX, Mmes MARTIN et LEROY`` (civ_nom with grouping)."""
    men = [p.last for p in people if not p.fem]
    women = [p.last for p in people if p.fem]
    parts = []
    for civ, names in (("MM." if len(men) > 1 else "M.", men), ("Mmes" if len(women) > 1 else "Mme", women)):
        if names:
            parts.append(f"{civ} " + (", ".join(names[:-1]) + " et " + names[-1] if len(names) > 1 else names[0]))
    return ", ".join(parts)


def present_list(doc: Doc, d: Delib) -> str:
    if doc.style.get("group"):
        return grouped(doc, d.present)
    out = []
    for p in d.present:
        text = who(doc, p)
        if p in d.substitutes:
            text += f" ({doc.style.get('subst', 'en remplacement de')} {who(doc, d.substitutes[p])})"
        out.append(text)
    return join_names(doc, out)


def absent_entry(doc: Doc, p: P, holder: P | None) -> str:
    text = who(doc, p)
    if holder is None:
        return text
    proxies = doc.style.get("proxies", "list")
    if proxies == "bracket":
        return f"{text} (pouvoir à {who(doc, holder)})"
    if proxies == "procuration":
        return f"{text} (procuration à {who(doc, holder)})"
    if proxies == "represente":
        return f"{text} représenté{'e' if p.fem else ''} par {who(doc, holder)}"
    return text


def attendance_lines(doc: Doc, d: Delib) -> list[str]:
    lab = doc.style.get("labels", {})
    out = [*_label_list(doc, lab.get("present", "Étaient présents :"), present_list(doc, d))]
    proxies = doc.style.get("proxies", "list")
    inline = proxies in ("bracket", "procuration", "represente")
    listed = [(p, e, h) for p, e, h in d.absent if inline or proxies == "list" or not h]
    excused = [absent_entry(doc, p, h) for p, e, h in listed if e]
    plain = [absent_entry(doc, p, h) for p, e, h in listed if e is None]
    unexcused = [absent_entry(doc, p, h) for p, e, h in listed if e is False]
    if excused or not (plain or unexcused):
        out += _label_list(doc, lab.get("excused", "Étaient absents excusés :"), join_names(doc, excused))
    if plain:
        out += _label_list(doc, lab.get("absent", "Absents :"), join_names(doc, plain))
    if unexcused:
        out += _label_list(doc, "Absents non excusés :", join_names(doc, unexcused))
    given = [(p, h) for p, _, h in d.absent if h]
    if proxies == "list" and given:
        out += _label_list(doc, lab.get("proxies", "Pouvoirs :"),
                           join_names(doc, [f"{who(doc, p)} pouvoir à {who(doc, h)}" for p, h in given]))
    elif proxies == "sentence":
        out += [f"{who(doc, p)} a donné pouvoir à {who(doc, h)}." for p, h in given]
    elif proxies == "representes" and given:
        out += _label_list(doc, "Étaient représentés :",
                           join_names(doc, [f"{who(doc, p)} par {who(doc, h)}" for p, h in given]))
    return out


def _label_list(doc: Doc, label: str, names: str) -> list[str]:
    """The label and its list on one line, or the list on the next lines (wrapped)."""
    if not doc.style.get("list_below"):
        return [f"{label} {names}"]
    width = doc.style.get("wrap", 0)
    if not width:
        return [label, names]
    lines, cur = [label], ""
    for word in names.split(" "):
        if cur and len(cur) + len(word) + 1 > width:
            if "-" in word and doc.style.get("hyphen_break"):  # "LAMBERT-" / "DELHOMME"
                head, tail = word.split("-", 1)
                lines.append(f"{cur} {head}-")
                cur = tail
                continue
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}".strip()
    lines.append(cur)
    if doc.style.get("page_break_in_list") and len(lines) > 3:  # a page ends inside the list
        lines[2:2] = ["Page 1 sur 2", "\f"]
    return lines


COUNT_LABELS = {
    "a": {"membres_en_exercice": "Membres en exercice", "presents": "Présents", "absents": "Absents",
          "pouvoirs": "Pouvoirs", "votants": "Votants"},
    "b": {"membres_en_exercice": "Nombre de conseillers en exercice", "presents": "Nombre de membres présents",
          "pouvoirs": "Représentés", "votants": "Votants"},
    "c": {"membres_en_exercice": "Délégués en exercice", "presents": "Délégués présents",
          "pouvoirs": "Pouvoirs", "votants": "Délégués votants"},
    "d": {"membres_en_exercice": "En exercice", "presents": "Présents", "pouvoirs": "Procurations",
          "votants": "Votants"},
    "e": {"membres_en_exercice": "Conseillers en exercice", "presents": "Présents", "pouvoirs": "Représentés",
          "votants": "Votants"},
}


def stated_counts(doc: Doc, d: Delib) -> dict:
    labels = COUNT_LABELS[doc.style.get("count_labels", "a")]
    c = d.counts()
    return {labels[k]: c[k] for k in labels if k in c and c[k] is not None}


def count_lines(doc: Doc, d: Delib) -> list[str]:
    s = doc.style.get("counts", "block")
    counts = stated_counts(doc, d)
    extra = doc.style.get("count_extra", [])  # "Quorum : 10", "Suffrages exprimés : 16": read, not stored
    if s in ("block", "side"):
        return [f"{k} : {v}" for k, v in counts.items()] + extra
    if s == "oneline":
        return [" - ".join(f"{k} : {v}" for k, v in counts.items())] + extra
    if s == "table":
        return ["\t".join(counts), "\t".join(str(v) for v in counts.values())] + extra
    if s == "prose":
        c = d.counts()
        return [f"Le quorum étant atteint, avec {c['presents']} membres présents sur {c['membres_en_exercice']} "
                f"en exercice et {c['pouvoirs']} pouvoirs, soit {c['votants']} votants, le {doc.organe} "
                f"peut valablement délibérer."]
    raise ValueError(s)


def vote_lines(doc: Doc, d: Delib) -> tuple[list[str], list[str]]:
    """(lines before "DÉCIDE", lines after the decisions)."""
    v, s = d.vote, d.vote.get("style") or doc.style.get("vote", "block")
    votants = d.counts()["votants"]
    if s == "block":
        return [], ["", f"Pour : {v['pour']}", f"Contre : {v['contre']}", f"Abstention : {v['abstentions']}"]
    if s == "adopte_block":
        return [], [f"Pour : {v['pour']}", f"Contre : {v['contre']}", f"Abstentions : {v['abstentions']}", "ADOPTÉ"]
    if s == "oneline":
        return [], [f"Votants : {votants} – Pour : {v['pour']} – Contre : {v['contre']} – Abstentions : "
                    f"{v['abstentions']} – Ne prennent pas part au vote : {v['non_votants']}"]
    if s == "prose":
        verb = "Adoptée" if v.get("resultat") == "adopte" else "Rejetée"
        return [], [f"{verb} par {v['pour']} voix pour, {v['contre']} voix contre et {v['abstentions']} abstentions."]
    if s == "prose_words":
        return [f"Le {doc.organe}, après en avoir délibéré, par {words(v['pour'])} voix pour, "
                f"{words(v['contre'])} voix contre et {words(v['abstentions'])} abstentions,"], []
    if s == "unanimous":
        return [f"Le {doc.organe}, après en avoir délibéré, à l'unanimité,"], []
    if s == "unanimous_pr":
        return [], ["Adoptée à l'unanimité des membres présents et représentés."]
    if s == "unanimous_n":
        return [], [f"Adopté à l'unanimité ({v['pour']} voix)."]
    raise ValueError(s)


def secretaire_lines(doc: Doc) -> list[str]:
    if doc.secretaire is None:
        return []
    if doc.style.get("secretaire") == "prose":
        elu = "élue" if doc.secretaire.fem else "élu"
        return [f"{who(doc, doc.secretaire)} a été {elu} secrétaire de séance."]
    return [f"Secrétaire de séance : {who(doc, doc.secretaire)}"]


def header_line(doc: Doc, d: Delib) -> list[str]:
    h = doc.style.get("header", "extrait")
    if h == "extrait":
        return ["EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS"] + ([f"Délibération n° {d.numero}"] if d.numero else [])
    return [f"DÉLIBÉRATION N° {d.numero}"]


def body(doc: Doc, d: Delib) -> list[str]:
    before, after = vote_lines(doc, d)
    lines = ["Objet : " + d.objet, "", "Vu le Code général des collectivités territoriales ;", ""]
    lines += before + ["Après en avoir délibéré, DÉCIDE :", ""]
    lines += ["- " + text for _, text in d.decisions] + after + [""]
    lines += ["Ainsi fait et délibéré les jour, mois et an susdits.", "Pour extrait conforme,",
              "La présente délibération peut faire l'objet d'un recours devant le tribunal administratif "
              "dans un délai de deux mois."]
    return lines


def render(doc: Doc) -> str:
    if doc.style.get("register"):
        return render_register(doc)
    pages = []
    for d in doc.delibs:
        lines = stamp_lines(doc, d) + header_line(doc, d) + [""] + opening(doc)
        if doc.sans_quorum:
            lines.append("Le quorum n'ayant pas été atteint lors de la première réunion, le Conseil, "
                         "convoqué une seconde fois, délibère valablement sans condition de quorum.")
        lines += [""] + attendance_lines(doc, d) + [""]
        lines += convocation_lines(doc) + secretaire_lines(doc) + count_lines(doc, d) + [""]
        lines += body(doc, d)
        pages.append("\n".join(lines).replace("\n\f\n", "\n\f") + "\n")
    text = "\f".join(pages)
    return text.replace(" : ", "\u00a0: ") if doc.style.get("nbsp") else text


def render_register(doc: Doc) -> str:
    """One session header, then each deliberation with its number, counts and vote."""
    first = doc.delibs[0]
    lines = ["REGISTRE DES DÉLIBÉRATIONS", ""] + opening(doc) + [""] + attendance_lines(doc, first) + [""]
    lines += convocation_lines(doc) + secretaire_lines(doc) + [""]
    pages = ["\n".join(lines) + "\n"]
    for d in doc.delibs:
        part = stamp_lines(doc, d) + header_line(doc, d) + [""]
        part += ([d.movement] if d.movement else []) + count_lines(doc, d) + [""] + body(doc, d)
        pages.append("\n".join(part) + "\n")
    return "\f".join(pages)


# --- expected values ------------------------------------------------------------------------

def expected(doc: Doc) -> dict:
    ns = doc.style.get("civ", "civ_pn")
    out = []
    for seq, d in enumerate(doc.delibs, 1):
        c, v = d.counts(), d.vote
        sid = stamp_id(doc, d)
        row = {"seq": seq, "collectivite": doc.collectivite, "organe": doc.organe,
               "numero": d.numero if d.numero else None, "acte_id": sid,
               "siren": doc.siren if sid else None, "session_date": doc.date.isoformat(),
               "session_time": doc.time, "lieu": doc.lieu, "president": doc.president.name(ns),
               "convocation_date": doc.convocation.isoformat() if doc.convocation else None,
               "secretaire": doc.secretaire.name(ns) if doc.secretaire else None, "objet": d.objet}
        counts_style = doc.style.get("counts", "block")
        stated = d.counts() if counts_style == "prose" else {
            k: c[k] for k in COUNT_LABELS[doc.style.get("count_labels", "a")] if c.get(k) is not None}
        row["membres_en_exercice"] = stated.get("membres_en_exercice")
        row["presents"] = stated.get("presents")
        row["absents"] = stated.get("absents", len(d.absent) or None) if counts_style != "prose" else len(d.absent) or None
        row["pouvoirs"] = stated.get("pouvoirs", sum(1 for a in d.absent if a[2]) or None)
        row["votants"] = stated.get("votants")
        vote_style = v.get("style") or doc.style.get("vote", "block")
        unanimous = vote_style.startswith("unanimous")
        if vote_style == "oneline":
            row["votants"] = c["votants"]
        row["pour"] = v["pour"] if not unanimous or vote_style == "unanimous_n" else row["votants"]
        row["contre"] = v["contre"]
        row["abstentions"] = v["abstentions"]
        row["non_votants"] = v["non_votants"] if vote_style == "oneline" else None
        # unanimity stated, or a split vote (against or abstaining: not unanimous, derived)
        row["unanimite"] = True if unanimous else (False if v["contre"] or v["abstentions"] else None)
        # every deliberation records its decision ("DÉCIDE :"): adopted unless the vote rejects it
        row["resultat"] = "rejete" if v.get("resultat") == "rejete" else "adopte"
        row["sans_quorum"] = doc.sans_quorum
        out.append({"deliberation": row, "attendance": attendance_rows(doc, d, ns),
                    "proxies": [{"giver": p.name(ns), "holder": h.name(ns)} for p, _, h in d.absent if h],
                    "decisions": [verb for verb, _ in d.decisions]})
    return {"document": doc.name, "style": doc.style, "deliberations": out}


def attendance_rows(doc: Doc, d: Delib, ns: str) -> list[dict]:
    rows = [{"name": p.name(ns), "status": "present", "excused": None, "proxy_holder": None,
             "substitute_for": d.substitutes[p].name(ns) if p in d.substitutes else None}
            for p in d.present]
    unlisted = doc.style.get("proxies") in ("sentence", "representes")  # givers named only there
    rows += [{"name": p.name(ns), "status": "absent", "excused": None if (h and unlisted) else e,
              "proxy_holder": h.name(ns) if h else None, "substitute_for": None} for p, e, h in d.absent]
    seen: set[str] = set()  # a giver also listed as present (a planted error) is one row
    return [r for r in rows if not (r["name"] in seen or seen.add(r["name"]))]


def truth_findings(doc: Doc, exp: dict) -> list[list]:
    """[check_id, seq] of every finding the checks raise on the truth."""
    import pandas as pd

    import checks

    did = doc.name
    tables = {"deliberations": pd.DataFrame([d["deliberation"] | {"doc_id": did,
                                              "session_date": dt.date.fromisoformat(d["deliberation"]["session_date"]),
                                              "convocation_date": dt.date.fromisoformat(d["deliberation"]["convocation_date"])
                                              if d["deliberation"]["convocation_date"] else None}
                                             for d in exp["deliberations"]]),
              "attendance": pd.DataFrame([r | {"doc_id": did, "seq": d["deliberation"]["seq"]}
                                          for d in exp["deliberations"] for r in d["attendance"]]),
              "proxies": pd.DataFrame([r | {"doc_id": did, "seq": d["deliberation"]["seq"]}
                                       for d in exp["deliberations"] for r in d["proxies"]])}
    tables = {k: v for k, v in tables.items() if len(v)}
    found = checks.run_all(tables)
    return sorted([c, None if pd.isna(s) else int(s)] for c, s in zip(found["check_id"], found["seq"]))


# --- the documents ---------------------------------------------------------------------------

def people(rng: random.Random, n: int) -> list[P]:
    return [P(f, l, bool(x)) for f, l, x in rng.sample(PEOPLE, n)]


def sitting(rng: random.Random, members: list[P], n_present: int, n_proxies: int,
            excused: bool | None = True, mixed: bool = False) -> tuple[list[P], list]:
    present = members[:n_present]
    absent = []
    for i, p in enumerate(members[n_present:]):
        holder = present[i] if i < n_proxies else None
        e = excused if not mixed else (True if holder else (None if i % 2 else False))
        absent.append((p, e, holder))
    return present, absent


def vote(pour: int, contre: int = 0, abst: int = 0, nv: int = 0, resultat: str | None = "adopte",
         style: str | None = None) -> dict:
    return {"pour": pour, "contre": contre, "abstentions": abst, "non_votants": nv, "resultat": resultat,
            "style": style}


OBJETS = ["Attribution d'une subvention à l'association Les Amis du Lac",
          "Budget primitif 2024 : adoption", "Tarifs de l'eau et de l'assainissement pour 2024",
          "Convention de mise à disposition de personnel avec la commune de Murat",
          "Création d'un poste d'adjoint technique territorial",
          "Demande de subvention au titre de la DETR pour la rénovation de l'école",
          "Désignation d'un délégué au syndicat départemental d'énergies",
          "Modification des statuts de la communauté de communes",
          "Validation du plan de financement de la voie verte",
          "Approbation du compte de gestion 2023"]


def make(name, rng, *, n, present, proxies, style, coll, organe, lieu, date, time, conv,
         objet, v=None, excused=True, mixed=False, stated=None, numero=None, subst=0,
         sans_quorum=False, checks=(), secretaire=True, swap_holder=None) -> Doc:
    members = people(rng, n + subst)
    replaced = members[n:]
    members = members[:n]
    pres, absent = sitting(rng, members, present, proxies, excused, mixed)
    votants = present + proxies
    d = Delib(numero, objet, pres, absent, v or vote(votants), n, stated=stated or {})
    d.substitutes = {pres[-1 - i]: r for i, r in enumerate(replaced)}
    if swap_holder:
        swap_holder(d)
    return Doc(name, coll, organe, lieu, date, time, conv, pres[0], pres[1] if secretaire else None,
               [d], style, sans_quorum=sans_quorum, checks=list(checks))


def documents() -> list[Doc]:
    rng = random.Random(20240411)
    D = dt.date
    docs = [
        make("01_cc_words_block", rng, n=20, present=14, proxies=3, coll="Hautes Terres Communauté",
             organe="Conseil communautaire", lieu="MURAT", date=D(2024, 4, 11), time="20:00",
             conv=D(2024, 4, 4), objet=OBJETS[0], numero="2024CC052",
             style={"opening": "le_words", "stamp": True, "list_below": True, "push_lists": True}),
        make("02_commune_an_words", rng, n=15, present=11, proxies=2, coll="Saint-Flour",
             organe="Conseil municipal", lieu="la mairie", date=D(2023, 12, 12), time="18:30",
             conv=D(2023, 12, 5), objet=OBJETS[1], numero="2023-45",
             style={"opening": "an_words", "convocation": "opening", "civ": "civ_pn", "proxies": "bracket",
                    "counts": "block", "count_labels": "b", "vote": "prose", "secretaire": "prose"},
             v=vote(10, 2, 1)),
        make("03_syndicat_oneline", rng, n=22, present=14, proxies=2, coll="Syndicat mixte du Lioran",
             organe="Comité syndical", lieu="Laveissière", date=D(2024, 3, 1), time="20:30",
             conv=D(2024, 2, 23), objet=OBJETS[2], numero="2024-07",
             style={"opening": "seance_du", "convocation": "label_digits", "counts": "oneline",
                    "count_labels": "c", "proxies": "procuration", "vote": "oneline", "civ": "long",
                    "stamp": True}, v=vote(14, 1, 1)),
        make("04_departement_table", rng, n=30, present=24, proxies=4, coll="Département du Cantal",
             organe="Commission permanente", lieu="l'Hôtel du Département", date=D(2024, 3, 4),
             time="10:00", conv=D(2024, 2, 26), objet=OBJETS[3], numero="CP-2024-03-12",
             style={"opening": "reuni_le", "counts": "table", "count_labels": "d", "proxies": "sentence",
                    "vote": "unanimous", "civ": "civ_pn", "stamp": True}),
        make("05_commune_np_semicolon", rng, n=19, present=15, proxies=2, coll="Marcenat",
             organe="Conseil municipal", lieu="la salle du conseil", date=D(2024, 6, 20), time="20:00",
             conv=D(2024, 6, 14), objet=OBJETS[4], numero="2024-31",
             style={"opening": "le_words", "civ": "np", "sep": " ; ", "proxies": "list",
                    "counts": "block", "count_labels": "e", "vote": "unanimous_pr",
                    "labels": {"present": "Présents :", "excused": "Excusés :"}}),
        make("06_cc_grouped_civilities", rng, n=18, present=13, proxies=3, coll="Pays de Salers",
             organe="Conseil communautaire", lieu="SALERS", date=D(2024, 2, 8), time="18:00",
             conv=D(2024, 2, 1), objet=OBJETS[5], numero="2024_012",
             style={"opening": "an_words", "convocation": "opening", "civ": "civ_nom", "group": True,
                    "proxies": "sentence", "counts": "oneline", "count_labels": "a", "vote": "unanimous_n",
                    "labels": {"present": "Présents :"}}),
        make("07_commune_dash_sep", rng, n=15, present=12, proxies=2, coll="Allanche",
             organe="Conseil municipal", lieu="la mairie", date=D(2024, 9, 27), time="20:30",
             conv=D(2024, 9, 20), objet=OBJETS[6], numero=None,
             style={"opening": "seance_du", "convocation": "label_words", "sep": " – ", "civ": "civ_pn",
                    "proxies": "represente", "counts": "block", "count_labels": "d", "vote": "adopte_block",
                    "secretaire": "prose"}, v=vote(12, 1, 1)),
        make("08_cc_prose_counts", rng, n=25, present=17, proxies=3, coll="Sumène Artense",
             organe="Conseil communautaire", lieu="SAIGNES", date=D(2024, 5, 16), time="19:00",
             conv=D(2024, 5, 7), objet=OBJETS[7], numero="2024-055",
             style={"opening": "le_words", "counts": "prose", "proxies": "representes", "civ": "long",
                    "vote": "prose_words", "stamp": True}, v=vote(16, 3, 1, resultat=None)),
        make("09_syndicat_substitutes", rng, n=12, present=9, proxies=1, subst=2,
             coll="Syndicat des eaux du Haut-Cantal", organe="Comité syndical", lieu="RIOM-ÈS-MONTAGNES",
             date=D(2024, 1, 25), time="14:30", conv=D(2024, 1, 15), objet=OBJETS[8], numero="2024-02",
             style={"opening": "le_words", "counts": "table", "count_labels": "c", "proxies": "list",
                    "vote": "block", "civ": "pn", "list_below": True, "wrap": 60}, v=vote(9, 0, 1)),
        make("10_conseil_departemental", rng, n=30, present=26, proxies=3, coll="Département du Cantal",
             organe="Conseil départemental", lieu="AURILLAC", date=D(2023, 10, 13), time="09:30",
             conv=D(2023, 9, 28), objet=OBJETS[9], numero="2023-DEL-104",
             style={"opening": "reuni_le", "counts": "block", "count_labels": "a", "proxies": "bracket",
                    "vote": "oneline", "civ": "civ_pn", "stamp": True, "mixed": True,
                    "count_extra": ["Quorum : 16", "Suffrages exprimés : 29"]},
             v=vote(26, 2, 1), mixed=True),
        make("11_commune_neant", rng, n=11, present=11, proxies=0, coll="Lavigerie",
             organe="Conseil municipal", lieu="la mairie", date=D(2024, 7, 5), time="20:00",
             conv=D(2024, 6, 28), objet=OBJETS[0], numero="2024-19",
             style={"opening": "an_words", "convocation": "label_digits", "civ": "civ_pn",
                    "counts": "block", "count_labels": "b", "vote": "unanimous",
                    "labels": {"excused": "Absents :"}}, excused=None),
        make("12_commune_mesdames_messieurs", rng, n=15, present=12, proxies=1, coll="Neussargues en Pinatelle",
             organe="Conseil municipal", lieu="la salle polyvalente", date=D(2024, 11, 18), time="19:00",
             conv=D(2024, 11, 12), objet=OBJETS[1], numero="2024-58",
             style={"opening": "le_words", "civ": "pn", "sep": "et", "proxies": "list",
                    "counts": "oneline", "count_labels": "e", "vote": "prose", "excused_label": True,
                    "labels": {"present": "Étaient présents Mesdames et Messieurs :"}},
             v=vote(9, 3, 1), excused=None, mixed=True),
        make("13_cc_wrapped_hyphens_pagebreak", rng, n=24, present=18, proxies=3,
             coll="Communauté de communes du Pays Gentiane", organe="Conseil communautaire",
             lieu="RIOM-ÈS-MONTAGNES", date=D(2024, 10, 3), time="18:00", conv=D(2024, 9, 26),
             objet=OBJETS[2], numero="2024-88",
             style={"opening": "le_words", "civ": "pn", "proxies": "list", "list_below": True, "wrap": 48,
                    "hyphen_break": True, "page_break_in_list": True, "counts": "block", "push_lists": True,
                    "count_labels": "a", "vote": "block", "nbsp": True, "stamp": True},
             v=vote(20, 1, 0)),
        make("14_syndicat_np_dashes", rng, n=16, present=12, proxies=2, coll="Syndicat mixte de la Jordanne",
             organe="Comité syndical", lieu="AURILLAC", date=D(2024, 12, 9), time="17:30",
             conv=D(2024, 12, 2), objet=OBJETS[3], numero="2024-D-14",
             style={"opening": "seance_du", "civ": "np", "sep": " - ", "proxies": "represente",
                    "counts": "oneline", "count_labels": "c", "vote": "prose", "secretaire": "prose",
                    "convocation": "label_digits"}, v=vote(11, 2, 1)),
        make("15_commune_long_civilities_table", rng, n=19, present=14, proxies=3, coll="Murat",
             organe="Conseil municipal", lieu="la mairie", date=D(2024, 1, 30), time="20:30",
             conv=D(2024, 1, 24), objet=OBJETS[8], numero="2024-005",
             style={"opening": "an_words", "civ": "long", "proxies": "procuration", "counts": "table",
                    "count_labels": "e", "vote": "adopte_block", "convocation": "opening"},
             v=vote(15, 1, 1)),
        make("16_commune_grouped_prose_counts", rng, n=15, present=11, proxies=2, coll="Vic-sur-Cère",
             organe="Conseil municipal", lieu="la mairie", date=D(2024, 3, 1), time="20:30",
             conv=D(2024, 2, 23), objet=OBJETS[5], numero="2024-016",
             style={"opening": "reuni_le", "civ": "civ_nom", "group": True, "proxies": "sentence",
                    "counts": "prose", "vote": "oneline", "secretaire": "prose"}, v=vote(12, 0, 1)),
        make("17_cc_excused_and_not", rng, n=21, present=15, proxies=2, coll="Hautes Terres Communauté",
             organe="Conseil communautaire", lieu="ALLANCHE", date=D(2023, 11, 23), time="18:30",
             conv=D(2023, 11, 16), objet=OBJETS[7], numero="2023CC118",
             style={"opening": "le_words", "civ": "civ_pn", "proxies": "sentence", "counts": "side",
                    "count_labels": "b", "vote": "unanimous_pr", "stamp": True, "list_below": True},
             mixed=True),
    ]
    docs += planted(rng)
    docs += multi(rng)
    return docs


def planted(rng: random.Random) -> list[Doc]:
    """One inconsistency per check of the deliberation rules, each in a different writing."""
    D = dt.date
    base = dict(coll="Communauté de communes du Lac", organe="Conseil communautaire", lieu="MURAT",
                date=D(2024, 4, 11), time="20:00", conv=D(2024, 4, 4))

    def swap_present(d):  # the giver of a proxy is also listed as present
        giver = d.absent[0][0]
        d.present.append(giver)

    def holder_absent(d):  # the holder of a proxy is not among the présents
        p, e, h = d.absent[0]
        other = d.absent[-1][0]
        d.absent[0] = (p, e, other)

    def two_per_holder(d):
        p, e, h = d.absent[1]
        d.absent[1] = (p, e, d.absent[0][2])

    return [
        make("20_votants_mismatch", rng, n=14, present=9, proxies=3, objet=OBJETS[2], numero="2024-101",
             style={"counts": "oneline", "count_labels": "a", "vote": "block", "civ": "civ_pn",
                    "proxies": "bracket"}, stated={"votants": 13}, v=vote(13), **base,
             checks=["attendance.votants"]),
        make("21_breakdown_mismatch", rng, n=14, present=10, proxies=2, objet=OBJETS[3], numero="2024-102",
             style={"counts": "block", "vote": "oneline", "civ": "np", "proxies": "list", "sep": " ; "},
             v=vote(9, 2, 2), **base, checks=["votes.breakdown"]),
        make("22_present_count_mismatch", rng, n=16, present=11, proxies=2, objet=OBJETS[4],
             numero="2024-103", style={"counts": "table", "count_labels": "d", "vote": "unanimous",
                                       "civ": "pn", "proxies": "sentence", "list_below": True},
             stated={"presents": 12, "votants": 14}, **base,
             checks=["attendance.present_count", "attendance.members_total"]),
        make("23_proxy_count_mismatch", rng, n=16, present=11, proxies=3, objet=OBJETS[5],
             numero="2024-104", style={"counts": "block", "count_labels": "e", "vote": "prose",
                                       "civ": "long", "proxies": "list"},
             stated={"pouvoirs": 2, "votants": 13}, v=vote(13), **base,
             checks=["attendance.proxy_count"]),
        make("24_members_total_mismatch", rng, n=16, present=11, proxies=2, objet=OBJETS[6],
             numero="2024-105", style={"counts": "block", "count_labels": "a", "vote": "block",
                                       "civ": "civ_pn", "proxies": "procuration"},
             stated={"membres_en_exercice": 18}, v=vote(13), **base, checks=["attendance.members_total"]),
        make("25_proxy_giver_present", rng, n=14, present=9, proxies=2, objet=OBJETS[7], numero="2024-106",
             style={"counts": "block", "count_labels": "a", "vote": "block", "civ": "pn",
                    "proxies": "list"}, stated={"presents": 10, "votants": 12},
             v=vote(12), swap_holder=swap_present, **base,
             checks=["attendance.members_total", "proxy.giver_absent"]),
        make("26_proxy_holder_absent", rng, n=14, present=9, proxies=2, objet=OBJETS[8], numero="2024-107",
             style={"counts": "oneline", "count_labels": "c", "vote": "unanimous_pr", "civ": "civ_pn",
                    "proxies": "sentence"},
             swap_holder=holder_absent, **base, checks=["proxy.holder_present"]),
        make("27_proxy_two_per_holder", rng, n=14, present=9, proxies=3, objet=OBJETS[9], numero="2024-108",
             style={"counts": "block", "count_labels": "b", "vote": "block", "civ": "np",
                    "proxies": "list"}, v=vote(12),
             swap_holder=two_per_holder, **base, checks=["proxy.one_per_holder"]),
        make("28_quorum_not_reached", rng, n=20, present=9, proxies=3, objet=OBJETS[0], numero="2024-109",
             style={"counts": "side", "count_labels": "a", "vote": "unanimous", "civ": "civ_pn",
                    "proxies": "bracket", "stamp": True}, **base, checks=["quorum.reached"]),
        make("29_quorum_second_convocation", rng, n=20, present=8, proxies=2, objet=OBJETS[1],
             numero="2024-110", style={"counts": "block", "count_labels": "a", "vote": "unanimous_n",
                                       "civ": "civ_pn", "proxies": "bracket"},
             sans_quorum=True, v=vote(10), **base),
        make("30_convocation_after_session", rng, n=12, present=9, proxies=1, objet=OBJETS[2],
             numero="2024-111", style={"counts": "block", "count_labels": "e", "vote": "block",
                                       "convocation": "label_digits", "civ": "pn", "proxies": "list"},
             v=vote(10), **(base | {"conv": D(2024, 4, 12)}), checks=["dates.convocation_before_session"]),
        make("31_votants_over_exercice", rng, n=10, present=8, proxies=3, objet=OBJETS[3],
             numero="2024-112", style={"counts": "oneline", "count_labels": "a", "vote": "block",
                                       "civ": "civ_pn", "proxies": "bracket"},
             stated={"membres_en_exercice": 10, "absents": 2}, v=vote(11),
             swap_holder=lambda d: d.absent.extend([(P("Roger", "BAILLY", False), True, d.present[5])]),
             **base, checks=["votes.votants_le_exercice"]),
        make("32_result_inconsistent", rng, n=14, present=10, proxies=2, objet=OBJETS[4], numero="2024-113",
             style={"counts": "block", "count_labels": "a", "vote": "prose", "civ": "pn", "proxies": "list"},
             v=vote(5, 7, 0), **base, checks=["votes.result_consistent"]),
    ]


def multi(rng: random.Random) -> list[Doc]:
    """A collection of extracts of one sitting, and a register with a member leaving."""
    D = dt.date
    out = []
    members = people(rng, 17)
    pres, absent = sitting(rng, members, 13, 2)
    delibs = []
    for i, (objet, v) in enumerate([(OBJETS[1], vote(15)), (OBJETS[2], vote(12, 2, 1)),
                                    (OBJETS[9], vote(14, 0, 0))]):
        if i == 2:  # a member left before the third deliberation, giving no proxy
            pres, absent = pres[:-1], absent + [(pres[-1], None, None)]
        delibs.append(Delib(f"2024-0{i + 21}", objet, list(pres), list(absent), v, 17))
    out.append(Doc("40_collection_three_extracts", "Cère et Goul en Carladès", "Conseil communautaire",
                   "VIC-SUR-CÈRE", D(2024, 3, 28), "18:30", D(2024, 3, 21), pres[0], pres[1], delibs,
                   {"opening": "le_words", "civ": "civ_pn", "proxies": "bracket", "counts": "block",
                    "count_labels": "a", "vote": "block", "stamp": True}))
    members = people(rng, 19)
    pres, absent = sitting(rng, members, 14, 2)
    delibs = []
    for i, (objet, v) in enumerate([(OBJETS[5], vote(16)), (OBJETS[6], vote(15, 1, 0)),
                                    (OBJETS[7], vote(16)), (OBJETS[8], vote(13, 2, 1))]):
        movement = ""
        if i == 2:  # "M. X quitte la séance et donne pouvoir à Mme Y"
            leaver, holder = pres[-1], pres[2]
            pres = pres[:-1]
            absent = absent + [(leaver, None, holder)]
            movement = f"{leaver.written('civ_pn')} quitte la séance et donne pouvoir à {holder.written('civ_pn')}."
        delibs.append(Delib(f"2024-0{i + 40}", objet, list(pres), list(absent), v, 19, movement=movement))
    out.append(Doc("41_register_departure", "Riom-ès-Montagnes", "Conseil municipal", "la mairie",
                   D(2024, 4, 2), "20:00", D(2024, 3, 26), pres[0], pres[1], delibs,
                   {"register": True, "header": "numero", "opening": "an_words", "civ": "civ_pn",
                    "proxies": "list", "counts": "oneline", "count_labels": "e", "vote": "block",
                    "stamp": True}))
    members = people(rng, 12)
    pres, absent = sitting(rng, members, 9, 2, mixed=True)
    delibs = [Delib(f"2024-1{i}", objet, list(pres), list(absent), v, 12)
              for i, (objet, v) in enumerate([(OBJETS[0], vote(11, style="unanimous")),
                                              (OBJETS[4], vote(9, 1, 1, style="prose")),
                                              (OBJETS[6], vote(11, style="unanimous_n"))])]
    out.append(Doc("42_syndicat_collection_votes", "Syndicat intercommunal de la Santoire", "Comité syndical",
                   "CONDAT", D(2024, 5, 23), "14:00", D(2024, 5, 14), pres[0], pres[1], delibs,
                   {"opening": "reuni_le", "civ": "civ_nom", "proxies": "bracket", "counts": "oneline",
                    "count_labels": "c", "stamp": True, "secretaire": "prose"}, siren="251500123"))
    return out


def main() -> None:
    total = 0
    for doc in documents():
        exp = expected(doc)
        exp["checks"] = truth_findings(doc, exp)
        fired = sorted({c for c, _ in exp["checks"]})
        assert fired == sorted(set(doc.checks)), (doc.name, fired, doc.checks)
        (HERE / f"{doc.name}.txt").write_text(render(doc), encoding="utf-8")
        (HERE / f"{doc.name}.expected.json").write_text(
            json.dumps(exp, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        total += len(doc.delibs)
    print(f"{len(documents())} documents, {total} deliberations")


if __name__ == "__main__":
    main()
