"""What happened at a sitting, before anything is printed: the body, the date, who came,
who gave a proxy to whom, and every vote. Drawn consistent under every rule of
README's checks table; `plant.py` then breaks one rule on purpose.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from . import numbers
from .people import Member, draw_members
from .vocab import Vocab, bare, de, fill

# Health-emergency periods (README: quorum a third, two proxies): a sitting planted with a
# quorum or proxy fault is dated outside this window so the fault is one under any reading.
EMERGENCY = (dt.date(2020, 3, 1), dt.date(2022, 8, 31))


@dataclass
class Body:
    kind: str  # commune, cc, ca, syndicat, departement
    name: str  # as the heading names it: "Commune de Montcaillou"
    body_de: str  # "de la Commune de Montcaillou"
    organe: str  # "Conseil municipal"
    feminine: bool  # la Commission permanente: convoquée, réunie
    place: str  # the town it sits in
    values: dict  # placeholders for templates: name, area, dept and de_name, de_area, de_dept


@dataclass
class Absence:
    member: Member
    excused: bool
    holder: Member | None = None


@dataclass
class Vote:
    pour: int
    contre: int
    abst: int
    nv: int = 0  # members who take no part in this vote
    result: str = "adopte"

    @property
    def kind(self) -> str:
        """unanimous, abstained, split_no_abst, split or rejected (matches votes.json 'when')."""
        if self.result == "rejete":
            return "rejected"
        if self.contre == 0:
            return "unanimous" if self.abst == 0 else "abstained"
        return "split_no_abst" if self.abst == 0 else "split"


@dataclass
class Attendance:
    """Who is there for a vote: the sitting's, or an item's after a member left."""
    present: list[Member]
    absences: list[Absence]

    @property
    def presents(self) -> int:
        return len(self.present)

    @property
    def pouvoirs(self) -> int:
        return sum(1 for a in self.absences if a.holder)

    @property
    def votants(self) -> int:
        return self.presents + self.pouvoirs

    def copy(self) -> "Attendance":
        return Attendance(list(self.present), [Absence(a.member, a.excused, a.holder) for a in self.absences])


@dataclass
class Item:
    title: str
    decision: str  # the decision's words; for an information item, its body
    info: bool = False  # an information item: not a deliberation, no vote
    vote: Vote | None = None
    attendance: Attendance | None = None  # set when it differs from the sitting's
    leaver: Member | None = None  # left the sitting just before this item
    non_voter: Member | None = None  # takes no part in this vote


@dataclass
class Sitting:
    body: Body
    date: dt.date
    time: dt.time
    convocation: dt.date
    members: list[Member]
    seats: int  # afférents: seats the law gives; >= members in office
    attendance: Attendance
    president: Member
    secretary: Member
    items: list[Item] = field(default_factory=list)

    @property
    def exercice(self) -> int:
        return len(self.members)


@dataclass
class Needs:
    """What a planted fault needs of the world (plant.py fills it)."""
    min_proxies: int = 0
    unproxied_absent: bool = False
    quorum_fails: bool = False
    quorum_margin: int = 0  # présents must exceed half of (exercice + margin)
    outside_emergency: bool = False
    spare_present: bool = False  # a present member who is neither officer nor proxy holder


def draw_body(rng: random.Random, vocab: Vocab) -> Body:
    kinds = vocab.node("collectivites.kinds")
    kind = rng.choices(list(kinds), [k["weight"] for k in kinds.values()])[0]
    spec, values = kinds[kind], _place_values(rng, vocab)
    body = vocab.pick(rng, f"collectivites.kinds.{kind}.body")
    name = fill(body["t"], values)
    place = values["name"]
    return Body(kind, name, body["de"] + name, spec["organe"], spec["feminine"], place, values)


def _place_values(rng: random.Random, vocab: Vocab) -> dict:
    prefix = vocab.pick(rng, "collectivites.places.prefix")
    root = vocab.pick(rng, "collectivites.places.root")
    suffix = vocab.pick(rng, "collectivites.places.suffix")
    name = prefix + root + suffix
    area = vocab.pick(rng, "collectivites.places.area")
    dept = vocab.pick(rng, "collectivites.places.dept")
    # {de}{name}: the template says which name follows; the article rides on that name
    return {"name": name, "area": bare(area), "dept": bare(dept),
            "de_name": de(name), "de_area": de(area), "de_dept": de(dept)}


def draw_sitting(rng: random.Random, vocab: Vocab, needs: Needs) -> Sitting:
    body = draw_body(rng, vocab)
    seats = rng.choice(vocab.node(f"collectivites.kinds.{body.kind}")["sizes"])
    exercice = seats - (1 if rng.random() < 0.15 else 0)  # a vacant seat now and then
    members = draw_members(rng, vocab, exercice)
    date = _draw_date(rng, needs)
    attendance = draw_attendance(rng, members, needs)
    president = attendance.present[0]  # the first of the tableau present: the maire, else an adjoint
    secretary = rng.choice(attendance.present[1:] or attendance.present)
    convocation = date - dt.timedelta(days=rng.randint(3, 14))
    return Sitting(body, date, numbers.random_time(rng), convocation, members, seats,
                   attendance, president, secretary)


def _draw_date(rng: random.Random, needs: Needs) -> dt.date:
    while True:
        date = numbers.random_date(rng)
        if not (needs.outside_emergency and EMERGENCY[0] <= date <= EMERGENCY[1]):
            return date


def draw_attendance(rng: random.Random, members: list[Member], needs: Needs) -> Attendance:
    """Présents above half the members (at most half when the quorum must fail), the
    others absent; some absents give a proxy, each to a different present member."""
    absent_count = _absent_count(rng, len(members), needs)
    rest = members[1:]  # the first of the tableau (maire, président) is there and presides
    rng.shuffle(rest)
    absent = sorted(rest[:absent_count], key=lambda m: m.rank)
    present = sorted([members[0]] + rest[absent_count:], key=lambda m: m.rank)
    spare = 3 if needs.spare_present else 0  # president, secretary and one more hold no proxy
    most = max(0, min(len(absent) - (1 if needs.unproxied_absent else 0), len(present) - spare))
    proxies = max(min(needs.min_proxies, most), rng.randint(0, most))
    givers = set(m.rank for m in rng.sample(absent, proxies))
    holders = iter(rng.sample(present, proxies))
    absences = [Absence(m, True, next(holders)) if m.rank in givers else Absence(m, rng.random() < 0.7)
                for m in absent]
    return Attendance(present, absences)


def _absent_count(rng: random.Random, n: int, needs: Needs) -> int:
    """How many stay away: a few, sometimes none, sometimes many (never the quorum's worth
    unless it must fail)."""
    if needs.quorum_fails:
        return n - rng.randint(max(2, n // 3), n // 2)
    reserve = needs.min_proxies + (1 if needs.unproxied_absent else 0)
    most = n - ((n + needs.quorum_margin) // 2 + 1)
    if reserve == 0 and rng.random() < 0.08:
        return 0
    return min(most, max(reserve, rng.randint(1, rng.choice([2, 3, 4, 6, 8, 12]))))


def draw_vote(rng: random.Random, votants: int, nv: int = 0, kind: str | None = None) -> Vote:
    """A vote of `votants` minus `nv`: unanimous most of the time, else split or rejected."""
    expressed = votants - nv
    kind = kind or rng.choices(["unanimous", "abstained", "split", "rejected"], [66, 12, 19, 3])[0]
    if kind == "abstained" and expressed >= 3:
        abst = rng.randint(1, max(1, expressed // 4))
        return Vote(expressed - abst, 0, abst, nv)
    if kind == "split" and expressed >= 5:
        contre = rng.randint(1, max(1, expressed // 3))
        abst = rng.randint(0, max(0, expressed // 6))
        return Vote(expressed - contre - abst, contre, abst, nv)
    if kind == "rejected" and expressed >= 5:
        pour = rng.randint(0, expressed // 3)
        abst = rng.randint(0, expressed // 6)
        return Vote(pour, expressed - pour - abst, abst, nv, "rejete")
    return Vote(expressed, 0, 0, nv)
