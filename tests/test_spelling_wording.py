"""How a written value is read and how an unread one is worded: what a coordinator sees.

Two things the verdict tests do not pin: a vocabulary spelling that holds a
list separator ("psykisk helsevern for barn og unge") is one value, not two
unknown halves; and the "not a known value" sentence names the values in the
report's language, as labels, with the vocabulary's own noun.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
RULES = REPO / "rules" / "tverrfaglig-psykisk-helse-rus.yaml"
COMPLIANT = REPO / "examples" / "compliant.yaml"
AS_OF = "2026-12-01"


def _vocabulary(name: str) -> dict:
    return yaml.safe_load(RULES.read_text(encoding="utf-8"))["vocabularies"][name]


def _with(tmp_path: Path, old: str, new: str) -> Path:
    text = COMPLIANT.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path = tmp_path / "plan.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _spellings_with_a_separator(vocab: dict, separators: list[str]) -> list[str]:
    """The vocabulary's spellings that the list splitter would cut if they were not read whole first."""
    words = [s.strip() for s in separators if s.strip().isalpha()]
    found = []
    for entry in vocab["entries"]:
        for spelling in [entry.get("nb", ""), *entry.get("aliases", [])]:
            padded = f" {spelling} "
            if any(f" {w} " in padded and f"- {w} " not in padded for w in words):
                found.append(spelling)
    return found


def test_a_field_spelled_with_og_is_one_recognised_field(run_cli, tmp_path):
    settings = yaml.safe_load(RULES.read_text(encoding="utf-8"))["settings"]
    spellings = _spellings_with_a_separator(_vocabulary("practice_fields"), settings["list_separators"])
    assert "psykisk helsevern for barn og unge" in spellings  # the case that matters: "barn" and "unge" alone are no fields
    listed = ", ".join(f'"{s}"' for s in spellings)
    path = _with(tmp_path, "fields: [mental-health, substance-use]", f"fields: [{listed}]")
    result = run_cli("check", path, "--as-of", AS_OF, "--no-color")
    assert result.returncode == 0, result.stdout
    assert "ukjent" not in result.stdout
    assert "practice-field" in result.stdout


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_an_unknown_profession_is_worded_in_the_reports_language(run_cli, tmp_path, lang):
    vocab = _vocabulary("professions")
    path = _with(tmp_path, "ergoterapeut]", "Ergoterapaut]")
    result = run_cli("check", path, "--lang", lang, "--as-of", AS_OF, "--no-color", "--format", "json")
    assert result.returncode == 1
    [finding] = [r for r in result.json()["files"][0]["results"] if r["status"] == "unrecognised"]
    message = " ".join(finding["message"].split())
    assert vocab["noun"][lang] in message
    labels = ", ".join(entry[lang] for entry in vocab["entries"])
    assert f": {labels})" in message  # every known title, as a label in this language, no ids
    assert "'Ergoterapaut'" in message and "'ergoterapeut'" in message


def _term_settings() -> dict:
    return yaml.safe_load(RULES.read_text(encoding="utf-8"))["settings"]


def _start_written_as(run_cli, tmp_path, written: str) -> str:
    path = _with(tmp_path, "start: 2024-autumn", f'start: "{written}"')
    result = run_cli("check", path, "--as-of", AS_OF, "--no-color")
    assert result.returncode == 2, result.stdout
    [line] = [line for line in result.stdout.splitlines() if "programme.start" in line]
    assert ":16:10:" in line
    return line


def test_a_date_as_start_is_the_term_whose_end_it_falls_on_or_before(run_cli, tmp_path):
    settings = _term_settings()
    labels = settings["term_labels"]["nb"]
    month, day = (int(p) for p in settings["term_end"]["spring"].split("-"))
    last_spring = f"2024-{month:02d}-{day:02d}"
    first_autumn = (dt.date(2024, month, day) + dt.timedelta(days=1)).isoformat()
    assert f"Skriv start: 2024-{labels['spring']}" in _start_written_as(run_cli, tmp_path, last_spring)
    assert f"Skriv start: 2024-{labels['autumn']}" in _start_written_as(run_cli, tmp_path, first_autumn)


@pytest.mark.parametrize(
    "written, year",
    [("H24", 2024), ("2024H", 2024), ("h 2031", 2031), ("haust 2024", 2024), ("2099 høsten", None), ("H240", None), ("høst 2024 2025", None), ("høst vår 2024", None)],
)
def test_a_start_term_written_the_short_way_gets_its_rewrite(run_cli, tmp_path, written, year):
    labels = _term_settings()["term_labels"]["nb"]
    line = _start_written_as(run_cli, tmp_path, written)
    if year is None:
        assert "Skriv start:" not in line
    else:
        assert f"mente du '{year}-{labels['autumn']}'? Skriv start: {year}-{labels['autumn']}" in line


@pytest.mark.parametrize("start, code", [("9998-spring", 0), ("9998-autumn", 2)])
def test_every_term_of_the_programme_must_lie_in_the_calendar(run_cli, tmp_path, start, code):
    """Four semesters from 9998-spring end in 9999-autumn (checked); from 9998-autumn the last would be 10000-spring."""
    path = _with(tmp_path, "start: 2024-autumn", f"start: {start}")
    result = run_cli("check", path, "--as-of", AS_OF, "--no-color")
    assert result.returncode == code, result.stdout
    refused = [line for line in result.stdout.splitlines() if "utenfor kalenderen" in line]
    assert bool(refused) == (code == 2)
    if refused:
        assert f"plan.yaml:16:10: kunne ikke kontrolleres: programme.start: '{start}'" in refused[0]
