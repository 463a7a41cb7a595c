"""What the renderers share: the lines written so far, the truth they state, the plan of
the document (choices drawn once) and one random stream per aspect.

The truth is written by the code that prints a value, at the moment it prints it, so a
label says exactly what the text states: a key left ``None`` was not printed.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from .model import Sitting
from .people import NameStyle
from .vocab import Vocab, fill

SITTING_KEYS = ("id", "collectivite", "organe", "session_date", "session_time", "lieu", "president",
                "secretaire", "convocation_date", "membres_en_exercice", "presents", "absents",
                "pouvoirs", "votants", "present", "absent", "page")
DELIB_KEYS = ("sitting", "numero", "objet", "page", "acte_id", "pour", "contre", "abstentions",
              "non_votants", "unanimite", "resultat")
OMIT = object()  # a key the document leaves ambiguous: not labelled (absent from the truth)


@dataclass
class Line:
    """One logical line. kind: head (a heading), field (a short 'Label : value' line that
    may be flattened with its neighbours), para (prose, wrapped), keep (printed as is:
    tables, rows of counts), stamp (the prefecture's), blank, break (a new page)."""
    text: str
    kind: str = "para"
    bold: bool = False
    center: bool = False
    anchor: str | None = None


@dataclass
class Plan:
    """The document's layout choices, drawn once (plant.py may force some)."""
    kind: str
    counts_shown: list[str]
    count_layout: str
    count_position: str
    count_format: str
    present_list: bool
    absences_list: bool
    absence_style: str
    names: NameStyle
    officer_order: str
    date_style: str
    time_style: str
    convocation_line: bool
    afferents: bool
    stamp: bool
    list_order: str
    list_sep: str
    list_last: str
    proxy_civ: bool
    title_case: str
    bold_marks: bool  # bold titles marked **…** in the text form (the seeds' convention)
    verbosity: int  # how many exposé paragraphs an item may have beyond three
    stated_counts: dict[str, int] = field(default_factory=dict)  # what the count box prints
    present_printed: list = field(default_factory=list)  # the members the list names
    absences_printed: list = field(default_factory=list)  # the absences the lists name
    quorum_claims: bool = True  # sentences saying the quorum is reached may be printed
    forced_votes: dict[int, str] = field(default_factory=dict)  # deliberation -> "full" / "pour_contre"


class Truth:
    """The labels: one sitting, its deliberations, the planted faults."""

    def __init__(self) -> None:
        self.sitting = {key: None for key in SITTING_KEYS}
        self.sitting["id"] = "s1"
        self.deliberations: list[dict] = []
        self.planted: list[dict] = []

    def new_deliberation(self) -> dict:
        delib = {key: None for key in DELIB_KEYS}
        delib["sitting"] = "s1"
        self.deliberations.append(delib)
        return delib

    def export(self) -> tuple[dict, list[dict]]:
        """The sitting and deliberations with OMIT keys dropped."""
        def clean(d: dict) -> dict:
            return {k: v for k, v in d.items() if v is not OMIT}
        return clean(self.sitting), [clean(d) for d in self.deliberations]


class Ctx:
    """Rendering state of one document."""

    def __init__(self, key: str, vocab: Vocab, sitting: Sitting, plan: Plan):
        self.key, self.vocab, self.sitting, self.plan = key, vocab, sitting, plan
        self.lines: list[Line] = []
        self.truth = Truth()
        self.values: dict = {}
        self.stated: dict = {}  # placeholder -> truth (key, value), see header.truth_of
        self.affichage_after = False  # the posting date drawn falls after the sitting (header.set_values)
        self._rngs: dict[str, random.Random] = {}

    def rng(self, aspect: str) -> random.Random:
        """An independent stream per aspect: a change in one element's draws leaves the others."""
        if aspect not in self._rngs:
            self._rngs[aspect] = random.Random(f"{self.key}:{aspect}")
        return self._rngs[aspect]

    def pick(self, aspect: str, path: str):
        return self.vocab.pick(self.rng(aspect), path)

    def say(self, template: str, extra: dict | None = None) -> str:
        """Fill a template and record in the truth what its placeholders stated."""
        values = {**self.values, **(extra or {})}
        text = fill(template, values)
        for placeholder, (key, value) in self.stated.items():
            if "{" + placeholder + "}" in template.replace("{de}{", "{de_"):
                self.truth.sitting[key] = value
        return text

    def add(self, text: str, kind: str = "para", **style) -> Line:
        line = Line(text, kind, **style)
        self.lines.append(line)
        return line

    def blank(self) -> None:
        self.lines.append(Line("", "blank"))
