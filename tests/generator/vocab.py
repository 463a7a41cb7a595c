"""The generator's vocabulary: JSON files in `data/`, each variant list split dev/test.

A variant list is an object ``{"dev": [...], "test": [...]}`` (about a third of the
variants tagged test). ``split="dev"`` draws only dev variants; ``split="test"`` draws the
test variants wherever a list has them, so the test split holds phrasings a reader tuned
on dev has never seen. ``split="dev2"`` draws the variants of ``data/dev2/<file>.json``
(by dotted path) wherever one is given: phrasings written by a second hand that read the
dev variants only, never the reader nor the test variants (scored once before any change
made from them, then used as dev). ``split="dev3"`` likewise draws ``data/dev3/``: a third
hand that read the dev and dev2 variants; ``split="dev4"`` ``data/dev4/``, a fourth hand that
read the dev, dev2 and dev3 variants; ``split="dev5"`` ``data/dev5/``, a fifth hand that read the
dev to dev4 variants.
"""
from __future__ import annotations

import functools
import json
import random
import re
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
SPLITS = ("dev", "test", "dev2", "dev3", "dev4", "dev5")
HANDS = ("dev2", "dev3", "dev4", "dev5")  # splits drawn from data/<split>/, written by other hands
FIELD = re.compile(r"\{(\w+)\}")
ELIDE = re.compile(r"\b([Dd])e (?=[aeiouyàâéèêëîïôûAEIOUYÉÈÊ])")  # "Nombre de élus" -> "Nombre d'élus"


@functools.cache
def load(name: str) -> dict:
    """One data file, parsed once per process."""
    return json.loads((DATA / f"{name}.json").read_text("utf-8"))


@functools.cache
def second_hand(name: str, split: str = "dev2") -> dict:
    """The phrasings of another hand (`split`, one of HANDS) for one data file, by dotted
    path ({} when it has none)."""
    path = DATA / split / f"{name}.json"
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def is_variant_list(node: Any) -> bool:
    return isinstance(node, dict) and "dev" in node and "test" in node


def variant_lists(node: Any = None, path: str = "") -> list[tuple[str, dict]]:
    """Every variant list of every data file, with its dotted path (for the tests)."""
    if node is None:
        return [vl for f in sorted(DATA.glob("*.json")) for vl in variant_lists(load(f.stem), f.stem)]
    if is_variant_list(node):
        return [(path, node)]
    if isinstance(node, dict):
        return [vl for k, v in node.items() for vl in variant_lists(v, f"{path}.{k}")]
    return []


class Vocab:
    """Draws variants of one split: ``vocab.pick(rng, "header.opening")``."""

    def __init__(self, split: str):
        if split not in SPLITS:
            raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
        self.split = split

    @functools.cache
    def node(self, path: str) -> Any:
        """The data at a dotted path: ``"collectivites.kinds.commune.body"``."""
        file, *keys = path.split(".")
        node = load(file)
        for key in keys:
            node = node[key]
        return node

    @functools.cache
    def variants(self, path: str) -> tuple:
        node = self.node(path)
        if not is_variant_list(node):
            raise KeyError(f"{path} is not a variant list")
        if self.split == "test" and node["test"]:
            return tuple(node["test"])
        if self.split in HANDS and second_hand(path.split(".")[0], self.split).get(path):
            return tuple(second_hand(path.split(".")[0], self.split)[path])
        return tuple(node["dev"])

    def pick(self, rng: random.Random, path: str) -> Any:
        return rng.choice(self.variants(path))

    @functools.cache
    def distinct(self, path: str) -> tuple:
        """The variants without repeats (a list repeats a variant to weigh it)."""
        return tuple({json.dumps(v, sort_keys=True): v for v in self.variants(path)}.values())

    def sample(self, rng: random.Random, path: str, k: int) -> list:
        """k distinct variants (fewer when the list is shorter)."""
        pool = self.distinct(path)
        return rng.sample(pool, min(k, len(pool)))


def fill(template: str, values: dict) -> str:
    """Fill ``{field}`` placeholders; a field missing from `values` is a bug, not text.
    ``{de}{name}`` is French 'de' fused with the name that follows: ``{de_name}``."""
    template = template.replace("{de}{", "{de_")
    def one(match: re.Match) -> str:
        key = match.group(1)
        if key not in values:
            raise KeyError(f"no value for {{{key}}} in {template!r}")
        return str(values[key])
    return ELIDE.sub(r"\1'", FIELD.sub(one, template))


def de(name: str) -> str:
    """French 'de' before a name, elided or contracted: de Murat, d'Aubeterre, du Val, des Monts."""
    lower = name.lower()
    if lower.startswith("le "):
        return "du " + name[3:]
    if lower.startswith("les "):
        return "des " + name[4:]
    if lower.startswith(("la ", "l'", "l’")):
        return "de " + name
    if lower[:1] in "aeiouyéèêâîôûh" and not lower.startswith(("ha", "hau", "hé")):
        return "d'" + name
    return "de " + name


def bare(name: str) -> str:
    """A name without its article: 'le Val de Vèze' -> 'Val de Vèze'."""
    for article in ("le ", "la ", "les ", "l'"):
        if name.lower().startswith(article):
            rest = name[len(article):]
            return rest[:1].upper() + rest[1:]
    return name


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]
