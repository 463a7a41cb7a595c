"""The README keeps its promises: two set-up-free commands first, every check documented."""
import re
from pathlib import Path

from checks.rules import RULES

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_starts_with_exactly_two_commands():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1).strip().splitlines()
    assert first_block == ["./registre ingest samples/ --out out/", "./test"]
    assert README.index("```sh") < README.index("##")


def test_every_check_is_documented():
    for rule_id in RULES:
        assert f"`{rule_id}`" in README, rule_id
