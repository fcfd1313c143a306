"""Prove that the bundled rules file transcribes the regulation verbatim.

The regulation text (forskrift om nasjonal retningslinje for tverrfaglig
videreutdanning i psykisk helsearbeid og rusarbeid) is not shipped with the
repository; it is expected in ``../shared/sources/`` beside the repo. When it
is absent the whole module is skipped with a visible reason (under CI it fails instead).

The test re-parses the source independently of whatever produced the rules
file and compares: the five competence areas of § 3, and the 49 learning
outcomes of §§ 4–18 (id, area, section, category and text).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from prerequisites import require

SOURCE = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "sources"
    / "forskrift-tverrfaglig-videreutdanning-psykisk-helse-rus.txt"
)
RULES = Path(__file__).resolve().parents[1] / "rules" / "tverrfaglig-psykisk-helse-rus.yaml"

EXPECTED_IDS = [
    f"{section}{letter}"
    for section, letters in [
        (4, "abcdefg"),
        (5, "ab"),
        (6, "a"),
        (7, "abc"),
        (8, "abc"),
        (9, "a"),
        (10, "abcde"),
        (11, "abcde"),
        (12, "ab"),
        (13, "abcdef"),
        (14, "abcde"),
        (15, "ab"),
        (16, "abc"),
        (17, "ab"),
        (18, "ab"),
    ]
    for letter in letters
]

CATEGORY_SUFFIXES = [
    ("Generell kompetanse", "generell-kompetanse"),
    ("Ferdigheter", "ferdigheter"),
    ("Kunnskap", "kunnskap"),
]


def _ws(text: str) -> str:
    """Collapse every run of whitespace (incl. line breaks) to one space, trim."""
    return re.sub(r"\s+", " ", text).strip()


def _area_of(section: int) -> int:
    return (section - 4) // 3 + 1


# --------------------------------------------------------------------------
# Independent parser of the regulation text
# --------------------------------------------------------------------------

# A paragraph ("§ N.") or chapter ("Kapittel N") heading at the start of a
# line, possibly after stray leading spaces (page-break artefacts).
_BOUNDARY = re.compile(r"^[ \t]*(?:§[ \t]*(\d+)\.|Kapittel\b)", re.MULTILINE)
_ITEM = re.compile(r"^([a-z])\.[ \t]+", re.MULTILINE)


def _sections(text: str) -> dict[int, str]:
    """Map paragraph number -> body text (up to the next § or Kapittel heading)."""
    marks = list(_BOUNDARY.finditer(text))
    out: dict[int, str] = {}
    for here, nxt in zip(marks, marks[1:] + [None]):
        if here.group(1) is None:
            continue  # a chapter heading
        end = nxt.start() if nxt is not None else len(text)
        out[int(here.group(1))] = text[here.end() : end]
    return out


def _parse_areas(sections: dict[int, str]) -> list[str]:
    return [_ws(m) for m in re.findall(r"^[ \t]*-[ \t]+(.+)$", sections[3], re.MULTILINE)]


def _parse_outcomes(sections: dict[int, str]) -> list[dict]:
    outcomes = []
    for number in range(4, 19):
        heading, sep, body = sections[number].partition("Kandidaten")
        assert sep, f"§ {number} has no 'Kandidaten' line"
        heading = _ws(heading)
        category = next(
            (cat for suffix, cat in CATEGORY_SUFFIXES if heading.endswith(suffix)), None
        )
        assert category, f"§ {number} heading has no category: {heading!r}"
        pieces = _ITEM.split(body)  # ['', 'a', text, 'b', text, ...]
        assert not pieces[0].strip(), f"§ {number}: text before first item: {pieces[0]!r}"
        for letter, item_text in zip(pieces[1::2], pieces[2::2]):
            outcomes.append(
                {
                    "id": f"{number}{letter}",
                    "area": _area_of(number),
                    "section": number,
                    "category": category,
                    "text": _ws(item_text),
                }
            )
    return outcomes


# --------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def source_sections() -> dict[int, str]:
    require(SOURCE.is_file(), f"regulation source not found at {SOURCE}")
    return _sections(SOURCE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def source_outcomes(source_sections) -> list[dict]:
    return _parse_outcomes(source_sections)


@pytest.fixture(scope="module")
def rules() -> dict:
    with RULES.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, dict), "rules file must be a mapping"
    return data


# --------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------


def test_source_parser_sanity(source_outcomes):
    """The test's own parser finds exactly the 49 expected outcomes."""
    assert [o["id"] for o in source_outcomes] == EXPECTED_IDS
    for o in source_outcomes:
        # No page-break or heading artefacts may leak into an item.
        assert "§" not in o["text"], o
        assert "Kapittel" not in o["text"], o
        assert "Kandidaten" not in o["text"], o


def test_exactly_49_outcomes(rules):
    assert len(rules["outcomes"]) == 49


def test_outcome_ids(rules):
    assert [o["id"] for o in rules["outcomes"]] == EXPECTED_IDS


@pytest.mark.parametrize("index", range(len(EXPECTED_IDS)), ids=EXPECTED_IDS)
def test_outcome_matches_source(rules, source_outcomes, index):
    expected = source_outcomes[index]
    actual = rules["outcomes"][index]
    assert actual["id"] == expected["id"]
    assert actual["area"] == expected["area"]
    assert actual["section"] == expected["section"]
    assert actual["category"] == expected["category"]
    assert actual["text"] == expected["text"]


def test_area_names_match_section_3(rules, source_sections):
    names = _parse_areas(source_sections)
    assert len(names) == 5
    assert [a["id"] for a in rules["areas"]] == [1, 2, 3, 4, 5]
    assert [a["name"] for a in rules["areas"]] == names


def test_area_sections(rules):
    for area in rules["areas"]:
        n = area["id"]
        assert area["sections"] == [3 * n + 1, 3 * n + 2, 3 * n + 3]
        assert isinstance(area.get("name_en"), str) and area["name_en"].strip()
    for o in rules["outcomes"]:
        area = next(a for a in rules["areas"] if a["id"] == o["area"])
        assert o["section"] in area["sections"]


# --------------------------------------------------------------------------
# The rest of the transcription: quotes, § 19's titles, § 22's date
# --------------------------------------------------------------------------

MONTHS = {name: n for n, name in enumerate(
    ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"], 1)}


def _quotes(node, where: str = ""):
    """(where, quote) for every `quote` in the rules file, rules' and cases' alike."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "quote":
                yield where, value
            else:
                yield from _quotes(value, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            label = value.get("id", index) if isinstance(value, dict) else index
            yield from _quotes(value, f"{where}[{label}]")


@pytest.fixture(scope="module")
def source_text(source_sections) -> str:
    return _ws(SOURCE.read_text(encoding="utf-8"))


def test_every_quote_is_a_whole_sentence_of_the_source(rules, source_text):
    """A report quotes the regulation; a quote cut short or edited would put words in its mouth."""
    quotes = list(_quotes(rules))
    assert len(quotes) >= len(rules["rules"])
    for where, quote in quotes:
        assert _ws(quote) in source_text, f"{where}: not in the source: {quote!r}"
        assert len(quote.split()) == 1 or quote.endswith((".", ":")), f"{where}: not a whole sentence: {quote!r}"


def test_the_six_admitted_titles_are_those_of_section_19(rules, source_sections):
    sentence = re.search(r"som gir yrkestittel (.+?)\.", _ws(source_sections[19]))
    assert sentence, "§ 19 names no titles"
    titles = re.split(r", | eller ", sentence.group(1))
    assert len(titles) == 6
    admitted = [e for e in rules["vocabularies"]["professions"]["entries"] if e.get("admits")]
    assert [e["id"] for e in admitted] == titles
    assert [e["nb"] for e in admitted] == titles


def test_the_in_force_date_is_the_one_section_22_names(rules, source_sections):
    found = re.search(r"trer i kraft (\d{1,2})\. ?(\w+) (\d{4})", _ws(source_sections[22]))
    assert found, "§ 22 gives no date"
    day, month, year = int(found.group(1)), MONTHS[found.group(2)], int(found.group(3))
    assert rules["regulation"]["in_force"] == f"{year:04d}-{month:02d}-{day:02d}"


def test_the_adopted_regulation_is_forskrift_14_march_2022_no_387(rules):
    """The regulation in force (not the proposal we transcribe) as every report names it; its FOR id agrees."""
    adopted = rules["regulation"]["adopted"]
    assert adopted["reference"] == "forskrift 14. mars 2022 nr. 387"
    day, month, year, number = re.fullmatch(r"forskrift (\d+)\. (\w+) (\d{4}) nr\. (\d+)", adopted["reference"]).groups()
    assert adopted["id"] == f"FOR-{year}-{MONTHS[month]:02d}-{int(day):02d}-{number}"
    assert adopted["title"].endswith("psykisk helse-, rus- og avhengighetsarbeid")


def test_the_transition_dates_are_those_of_section_22(rules, source_sections):
    """§ 22's terms and dates, read from the source, are the ones the transition rule compares with.

    'inntil 1.juli 2027' gives the exam right until the day before (last exam on or before 30 June);
    'inntil 31.12.2029' is the last day exams may be offered.
    """
    text = _ws(source_sections[22])
    autumns = [int(y) for y in re.findall(r"[Ff]ra høsten (\d{4})", text)]
    assert len(autumns) == 2, autumns
    may_choose, must_follow = sorted(autumns)
    day, month, year = re.search(r"inntil (\d{1,2})\. ?(\w+) (\d{4})", text).groups()
    right_ends = dt.date(int(year), MONTHS[month], int(day))
    d, m, y = re.search(r"inntil (\d{1,2})\.(\d{1,2})\.(\d{4})", text).groups()
    offered_until = dt.date(int(y), int(m), int(d))

    [rule] = [r for r in rules["rules"] if r["id"] == "transition"]
    whens = [case["when"] for case in rule["then"]["options"]["cases"]]
    assert {"framework": "rammeplan-2005", "start_from": f"{must_follow}-autumn"} in whens
    assert {"framework": "retningslinje-2022", "start_before": f"{may_choose}-autumn"} in whens
    assert {"framework": "rammeplan-2005", "last_exam_after": offered_until.isoformat()} in whens
    assert {"framework": "rammeplan-2005", "as_of_after": offered_until.isoformat()} in whens
    assert {"framework": "rammeplan-2005", "as_of_from": right_ends.isoformat()} in whens
    assert {"framework": "rammeplan-2005", "last_exam_after": (right_ends - dt.timedelta(days=1)).isoformat()} in whens
    assert len(whens) == 6
