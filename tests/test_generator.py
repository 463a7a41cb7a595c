"""The generator of council documents (tests/generator): deterministic, its truth stated by
its text, consistent documents consistent, planted ones wrong by exactly one rule."""
from __future__ import annotations

import datetime as dt
import io
import json
import re

import pdfplumber
import pytest
from text_to_num import text2num

from tests.generator import KINDS, SEEDS, generate
from tests.generator.__main__ import main
from tests.generator.context import DELIB_KEYS, SITTING_KEYS
from tests.generator.numbers import fmt_date, fmt_time, words
from tests.generator.plant import RULES
from tests.generator.selfcheck import violations
from tests.generator.vocab import Vocab, variant_lists

SAMPLE = range(0, 120)  # seeds sampled by the tests (the benchmark runs thousands)
DATE_STYLES = ("d_month_y", "0d_month_y", "d1er_month_y", "weekday", "Weekday", "slash", "dot", "dash", "words")
TIME_STYLES = ("h_spaced", "h", "H", "heures", "colon", "words")


def norm(text: str) -> str:
    """Folded for comparison: apostrophes, odd spaces, case and runs of whitespace."""
    text = text.replace("’", "'").replace("\uf020", " ").replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(text.split()).casefold()


def body_text(doc) -> str:
    """The document's own lines, without running headers and footers (a value cut by a
    page break is whole again)."""
    return norm("\n".join(line.text.replace("**", "") for page in doc.pages for line in page.body))


def number_forms(n: int) -> set[str]:
    return {str(n), words(n), words(n, " ")}


def date_forms(iso: str) -> list[set[str]]:
    """Ways a date is printed; each set must appear whole ('L'an deux mil six, le vingt-quatre
    mars' prints year and day apart)."""
    d = dt.date.fromisoformat(iso)
    forms = [{fmt_date(d, style)} for style in DATE_STYLES]
    for join in ("-", " "):
        for mil in (False, True):
            day = "premier" if d.day == 1 else words(d.day, join)
            forms.append({words(d.year, join, mil), day, fmt_date(d, "d_month_y").split()[1]})
    return forms


def time_forms(hhmm: str) -> set[str]:
    t = dt.time.fromisoformat(hhmm)
    from tests.generator.numbers import time_words
    return {fmt_time(t, style) for style in TIME_STYLES} | {time_words(t, " ")}


def appears(value, key: str, text: str) -> bool:
    if key.endswith("date"):
        return any(all(norm(part) in text for part in form) for form in date_forms(value))
    if key == "session_time":
        return any(norm(form) in text for form in time_forms(value))
    if isinstance(value, int):
        forms = [*number_forms(value), *(["néant", "aucun"] if value == 0 else [])]  # "Ne participent pas au vote : néant"
        return any(re.search(rf"(?<![\w-]){re.escape(norm(f))}(?![\w-])", text) for f in forms)
    return norm(str(value)) in text


def stated_values(labels: dict):
    """(key, value) of every value the labels say the text states."""
    for delib in [*labels["sittings"], *labels["deliberations"]]:
        for key, value in delib.items():
            if key in ("id", "sitting", "page", "unanimite", "resultat") or value is None:
                continue
            if key in ("present", "absent"):
                for entry in value:
                    yield from ([("name", entry)] if isinstance(entry, str) else
                                [("name", entry["name"])] + ([("name", entry["proxy_holder"])] if entry["proxy_holder"] else []))
                continue
            yield key, value


def test_same_seed_same_bytes():
    for seed in (3, 1_000_004):
        one, two = generate(seed, "test"), generate(seed, "test")
        assert one.text.encode() == two.text.encode()
        assert json.dumps(one.labels, sort_keys=True) == json.dumps(two.labels, sort_keys=True)
    assert generate(5, "dev").pdf() == generate(5, "dev").pdf()
    assert generate(5, "dev").text != generate(6, "dev").text


@pytest.mark.parametrize("split", ["dev", "test", "dev2", "dev3", "dev4", "dev5"])
def test_every_stated_value_appears_in_the_text(split):
    for seed in SAMPLE:
        doc = generate(seed, split)
        text = body_text(doc)
        missing = [(k, v) for k, v in stated_values(doc.labels) if not appears(v, k, text)]
        assert not missing, f"{doc.name}: {missing[:5]}"


@pytest.mark.parametrize("split", ["dev", "test", "dev2", "dev3", "dev4", "dev5"])
def test_consistent_documents_satisfy_every_rule(split):
    for seed in SAMPLE:
        doc = generate(seed, split, planted=False)
        assert doc.labels["planted"] == []
        assert violations(doc.labels) == set(), doc.name
        sitting = doc.labels["sittings"][0]
        if None not in (sitting["presents"], sitting["pouvoirs"], sitting["votants"]):
            assert sitting["presents"] + sitting["pouvoirs"] == sitting["votants"]


@pytest.mark.parametrize("rule", RULES)
def test_each_planted_document_breaks_exactly_its_rule(rule):
    for seed, split, kind in ((1, "dev", "extract"), (2, "test", "register"), (3, "dev", "minutes"),
                              (4, "test", "minutes"), (5, "dev", None)):
        doc = generate(seed, split, kind, rule=rule)
        assert [p["check_id"] for p in doc.labels["planted"]] == [rule]
        assert violations(doc.labels) == {rule}, f"{doc.name} {kind}"


def test_drawn_plants_are_recorded():
    planted = [generate(seed, "dev") for seed in SAMPLE]
    assert 0.25 < sum(bool(d.labels["planted"]) for d in planted) / len(planted) < 0.55
    for doc in planted:
        assert violations(doc.labels) == {p["check_id"] for p in doc.labels["planted"]}, doc.name


def test_labels_follow_the_label_format():
    for seed in range(40):
        labels = generate(seed, "dev").labels
        assert labels["kind"] in KINDS and labels["split"] == "dev" and labels["path"].endswith(".txt")
        sitting = labels["sittings"][0]
        assert set(SITTING_KEYS) - {"president"} <= set(sitting) <= set(SITTING_KEYS)  # president: see README
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", sitting["session_date"])
        for delib in labels["deliberations"]:
            assert set(DELIB_KEYS) - {"unanimite"} <= set(delib)
            assert delib["resultat"] in ("adopte", "rejete")
        assert len(labels["deliberations"]) >= 1


def test_kinds_have_their_shape():
    extract, register, minutes = (generate(7, "dev", kind) for kind in KINDS)
    assert len(extract.labels["deliberations"]) == 1
    assert 2 <= len(register.labels["deliberations"]) <= 4
    assert 3 <= len(minutes.labels["deliberations"]) <= 13
    assert "\f" in register.text or len(register.pages) == 1


def test_test_split_draws_phrasings_dev_never_shows():
    test_only = [v for path in ("header.opening", "attendance.present_heading", "items.objet")
                 for v in Vocab("test").variants(path)]
    literal = [norm(v["t"] if isinstance(v, dict) else v).split("{")[0].strip(" :") for v in test_only]
    literal = [text for text in literal if len(text) > 12]
    dev = " ".join(body_text(generate(s, "dev")) for s in range(60))
    test = " ".join(body_text(generate(s, "test")) for s in range(60))
    assert not [t for t in literal if t in dev]
    assert sum(t in test for t in literal) >= len(literal) // 2


@pytest.mark.parametrize("split", ["dev2", "dev3", "dev4", "dev5"])
def test_other_hands_phrasings_are_drawn_and_fill_their_lists(split):
    """Every list of another hand names a variant list of its data file; documents of that
    split print its phrasings."""
    from tests.generator import SEEDS
    from tests.generator.vocab import load, second_hand

    for name in ("attendance", "counts", "header", "items", "votes"):
        for path in (p for p in second_hand(name, split) if p != "_doc"):
            node = load(name)
            for key in path.split(".")[1:]:
                node = node[key]
            assert "dev" in node and "test" in node, path
    fresh = [v["t"] if isinstance(v, dict) else v for v in second_hand("items", split)["items.objet_label"]]
    text = " ".join(generate(s, split).text for s in SEEDS[split][:40])
    assert sum(label.strip() in text for label in fresh) >= 3


def test_every_variant_list_is_split_about_a_third_test():
    lists = variant_lists()
    assert len(lists) > 80
    for path, node in lists:
        total = len(node["dev"]) + len(node["test"])
        assert node["dev"], path
        assert 0.2 <= len(node["test"]) / total <= 0.5, f"{path}: {len(node['test'])}/{total} test"


def test_numbers_in_words_read_back():
    for n in [*range(0, 130), 171, 199, 200, 201, 380, 999, 1000, 2006, 2015, 2024, 2100]:
        for join in ("-", " "):
            assert text2num(words(n, join), "fr") == n, words(n, join)
    assert words(2006, mil=True) == "deux mil six"
    assert words(71) == "soixante et onze" and words(80) == "quatre-vingts" and words(91) == "quatre-vingt-onze"


def test_pdf_text_layer_holds_the_names():
    doc = next(d for d in (generate(s, "dev", "extract") for s in range(50))
               if d.labels["sittings"][0]["present"] and any("é" in n.lower() for n in d.labels["sittings"][0]["present"]))
    with pdfplumber.open(io.BytesIO(doc.pdf())) as pdf:
        raw = " ".join(page.extract_text() or "" for page in pdf.pages)
    for name in doc.labels["sittings"][0]["present"]:
        assert norm(name) in norm(raw), name
    if doc.pdf_exact:  # a Unicode font: curly apostrophes survive too
        assert ("’" in raw) == ("’" in doc.text)


def test_cli_writes_documents_beside_their_labels(tmp_path, capsys):
    assert main(["--out", str(tmp_path), "--count", "3", "--seed", str(SEEDS["test"].start), "--split", "test",
                 "--ocr-noise"]) == 0
    labels = sorted(tmp_path.glob("*.labels.json"))
    assert len(labels) == 3
    for path in labels:
        data = json.loads(path.read_text("utf-8"))
        assert (path.parent / data["path"]).is_file() and data["split"] == "test"
        assert data["generator"]["ocr_noise"] is True
    assert "3 documents" in capsys.readouterr().out


def test_unknown_split_or_kind_is_refused():
    with pytest.raises(ValueError, match="split"):
        generate(1, "train")
    with pytest.raises(ValueError, match="kind"):
        generate(1, "dev", "budget")
    with pytest.raises(ValueError, match="rule"):
        generate(1, "dev", rule="table.row_total")
