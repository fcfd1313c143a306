"""Prove that the LIS rules file transcribes the specialty committee's advice.

The source (``../shared/sources/spesialistutdanning-rus-og-avhengighetsmedisin.txt``)
is not shipped with the repository; when it is absent the module is skipped
with the reason shown (under CI it fails instead).

The test reads the source independently of the rules file and compares:
every quoted sentence (rule quotes, the ruleset's status sentence and every
«...» quotation inside a description) is found in the source; the 75 objective
ids; the learning arenas of each objective from the rotation table of pkt. 4.1
and the psychiatry list of pkt. 5.1 with its 17 labels; and that no figure of
the source stands in the Python code of the LIS kind.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from prerequisites import require

ROOT = Path(__file__).resolve().parents[3]
SOURCE = ROOT.parent / "shared" / "sources" / "spesialistutdanning-rus-og-avhengighetsmedisin.txt"
NAME = "spesialistutdanning-rus-og-avhengighetsmedisin.yaml"
RULES = ROOT / "rules" / NAME


def _normalise(text: str) -> str:
    """Whitespace collapsed; a word broken at a line end after a hyphen ("LIS-\\nlege") joined.

    A hyphen followed by a space before the line break is a suspended
    compound ("helse- \\nog omsorgstjeneste") and stays as written.
    """
    text = re.sub(r"-\n\s*(?=[a-zæøå])", "-", text)
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def source() -> str:
    require(SOURCE.exists(), f"source text not found at {SOURCE}")
    return SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def rules() -> dict:
    with RULES.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


# --------------------------------------------------------------------------
# An independent reading of the source
# --------------------------------------------------------------------------

# The rotation table of pkt. 4.1, as the text lays it out: each row's label,
# then its objective numbers (two digits) up to the next label.
_TABLE_START = "Anbefalt rotasjonsordning"
_TABLE_END = "● Avrusning inkludert"
_LABELS = [
    ("detox", "Rusakuttmottak og avgiftning"),
    ("inpatient", "Rus- og avhengighetsbehandling døgn"),
    ("psychiatry", "Psykiatri, inkludert akutt-psykiatrisk avd."),
    ("outpatient", "Ruspoliklinikk"),
]


def _table(source: str) -> dict[str, set[int]]:
    """Objective numbers per arena; 'between' holds the list that stands between two rows."""
    start = source.index(_TABLE_START)
    block = source[start : source.index(_TABLE_END, start)]
    marks = sorted((block.index(label), arena, label) for arena, label in _LABELS)
    # "Rusakuttmottak og avgiftning" stands twice (rows 0-1 år and 1-2 år); the
    # first is the one followed by numbers.
    found: dict[str, set[int]] = {arena: set() for arena, _ in _LABELS}
    found["between"] = set()
    bounds = [m[0] for m in marks] + [len(block)]
    for (pos, arena, label), end in zip(marks, bounds[1:]):
        segment = block[pos + len(label) : end]
        if arena == "psychiatry":
            # The numbers on the label's own line are the psychiatry row's; the
            # lines below it, up to the Ruspoliklinikk row, cannot be placed.
            line, _, rest = segment.partition("\n")
            found[arena] |= {int(n) for n in re.findall(r"\b\d{2}\b", line)}
            found["between"] |= {int(n) for n in re.findall(r"\b\d{2}\b", rest)}
        elif arena == "outpatient":
            line = segment.partition("\n")[0]
            found[arena] |= {int(n) for n in re.findall(r"\b\d{2}\b", line)}
        else:
            found[arena] |= {int(n) for n in re.findall(r"\b\d{2}\b", segment)}
    return found


_PSYCHIATRY_ITEM = re.compile(r"^[ \t]*●\s*(\d{3})\s+-\s+(.+?)\s*$", re.MULTILINE)


def _psychiatry_list(source: str) -> dict[str, str]:
    """pkt. 5.1: '● 065 - kommunikasjon/samhandling ...' -> {'065': label}."""
    start = source.index("Læringsmål som er relevante for tjeneste i psykisk helsevern")
    end = source.index("Hvorfor er det nødvendig med langvarig psykiatritjeneste")
    return {m[1]: re.sub(r"\s+", " ", m[2]) for m in _PSYCHIATRY_ITEM.finditer(source[start:end])}


def _expected_arenas(source: str) -> dict[str, list[str]]:
    table = _table(source)
    psychiatry = _psychiatry_list(source)
    out = {}
    for number in range(1, 76):
        ident = f"{number:03d}"
        arenas = []
        if number in table["detox"]:
            arenas.append("detox")
        if number in table["inpatient"]:
            arenas.append("inpatient")
        if number in table["psychiatry"] or number in table["between"] or ident in psychiatry:
            arenas.append("psychiatry")
        if number in table["between"] or number in table["outpatient"]:
            arenas.append("outpatient")
        out[ident] = arenas
    return out


# --------------------------------------------------------------------------
# The tests
# --------------------------------------------------------------------------


def test_the_source_reading_finds_the_table(source):
    table = _table(source)
    assert 71 in table["detox"] and 66 in table["inpatient"]
    assert table["psychiatry"] == {37, 38, 39, 42, 43, 44}
    assert table["outpatient"] == {67, 68, 72, 73, 74, 75}
    assert 63 in table["between"]


def test_the_union_of_the_arenas_objectives_is_001_to_075(source, rules):
    expected = {f"{n:03d}" for n in range(1, 76)}
    by_source = _expected_arenas(source)
    assert {i for i, arenas in by_source.items() if arenas} == expected
    assert [o["id"] for o in rules["objectives"]] == sorted(expected)
    assert all(o["arenas"] for o in rules["objectives"])


def test_each_objective_has_the_arenas_the_source_lists(source, rules):
    expected = _expected_arenas(source)
    got = {o["id"]: o["arenas"] for o in rules["objectives"]}
    assert got == expected


def test_the_17_psychiatry_labels(source, rules):
    expected = _psychiatry_list(source)
    assert len(expected) == 17
    got = {o["id"]: o["label"] for o in rules["objectives"] if "label" in o}
    assert got == expected
    # every objective of the list may be planned in psychiatry
    arenas = {o["id"]: o["arenas"] for o in rules["objectives"]}
    assert all("psychiatry" in arenas[i] for i in expected)


def test_no_title_is_invented(rules):
    """The source gives no official titles: every title is empty until a rules file supplies them."""
    assert all(o["title"] == "" for o in rules["objectives"])


def _quotations(rules: dict) -> list[tuple[str, str]]:
    found = [("regulation.status_quote", rules["regulation"]["status_quote"])]
    for rule in rules["rules"]:
        found.append((f"{rule['id']}.quote", rule["quote"]))
        for lang, text in rule["description"].items():
            found += [(f"{rule['id']}.description.{lang}", q) for q in re.findall(r"«([^»]+)»", text)]
    return found


def test_every_quoted_sentence_is_in_the_source(source, rules):
    text = _normalise(source)
    missing = [(where, q) for where, q in _quotations(rules) if _normalise(q) not in text]
    assert not missing, missing


def test_every_rule_cites_a_point_of_the_source(source, rules):
    text = _normalise(source)
    for rule in rules["rules"]:
        m = re.fullmatch(r"pkt\. (\d+\.\d+)", rule["section"])
        assert m, rule["section"]
        assert re.search(rf"(?:^| ){re.escape(m[1])} ", text), rule["section"]


def test_advice_is_warning_and_restated_regulation_is_error(rules):
    """The source is advice: only the requirements it restates from spesialistforskriften are errors."""
    errors = {r["id"] for r in rules["rules"] if r["severity"] == "error"}
    assert errors == {
        "total-duration",
        "objectives-planned",
        "objective-ids",
        "objectives-reached",
        "assessment-recommendations",
        "research-position",
        "research-agreement",
        "other-specialty-time",
    }
    assert rules["regulation"]["status"] == "advice"


def test_quoted_figures_match_the_rules_figures(rules):
    """Each figure a rule checks against stands in its quote (or, for a month count, its description)."""
    by_id = {r["id"]: r for r in rules["rules"]}

    def figures(rule_id):
        then = by_id[rule_id]["then"]
        checks = then if isinstance(then, list) else [then]
        out = []
        for check in checks:
            options = check.get("options", {})
            if "value" in options and not isinstance(options["value"], bool):
                out.append(options["value"])
            out += [p["value"] for p in options.get("parts", [])]
        return out

    def written(n):
        return str(n).replace(".", ",")

    for rule_id in ("detox-months", "outpatient-months", "inpatient-months", "psychiatry-months", "other-service-months",
                    "therapy-supervision", "internal-teaching", "study-time"):
        quote = by_id[rule_id]["quote"]
        for figure in figures(rule_id):
            assert re.search(rf"\b{written(figure)}\b", quote), (rule_id, figure, quote)
    # Months written as years in the source: 6,5 år = 78 mnd, 3 år og 3 mnd = 39 mnd.
    assert figures("total-duration") == [78] and "seks og et halvt år" in by_id["total-duration"]["quote"]
    assert figures("other-specialty-time") == [39] and "3 år og 3 mnd" in by_id["other-specialty-time"]["quote"]
    assert figures("topic-courses") == [2] and by_id["topic-courses"]["quote"].startswith("2 av 3")
    assert "60 minutter" in by_id["clinical-supervision"]["quote"] and figures("clinical-supervision") == [60]


# Figures of the source that must live in rules/, never in Python.  Month
# arithmetic needs 12 months a year; it may stand only where dates become
# month numbers (ALLOWED).
SOURCE_FIGURES = {3, 4, 5, 6, 12, 17, 18, 30, 39, 45, 60, 70, 75, 78, 100, 6.5, 1.5}
ALLOWED = {("dates.py", 12)}


def _lis_modules() -> list[Path]:
    src = ROOT / "src" / "rusplan"
    candidates = list((src / "kinds" / "lis").glob("*.py")) + [p for p in src.rglob("*.py") if p.name in ("dates.py",)]
    return sorted(set(candidates))


def test_no_figure_of_the_source_in_python():
    modules = _lis_modules()
    assert modules, "no LIS modules found"
    offenders = []
    for path in modules:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and type(node.value) in (int, float) and node.value in SOURCE_FIGURES:
                if (path.name, node.value) not in ALLOWED:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value}")
    assert not offenders, offenders


def _vocabulary(rules: dict, name: str):
    from rusplan.core.ruleset import Vocabulary

    spec = rules["vocabularies"][name]
    return Vocabulary(name, spec["entries"], spec.get("normalise", []))


def test_the_recommended_courses_are_the_ones_pkt_1_3_lists(source, rules):
    text = _normalise(source)
    start = text.index("anbefalte kurs for rus- og avhengighetsmedisin")
    listed = text[start : text.index("Spesialisten har ansvar", start)]
    for line in ("● Innføringskurs 1 - 2", "● Grunnkurs 1- 4", "● Farmakologi", "● Klinisk toksikologi", "● ADHD-kurs"):
        assert line in listed, line
    courses = _vocabulary(rules, "courses")
    expected = ["Innføringskurs 1", "Innføringskurs 2", "Grunnkurs 1", "Grunnkurs 2", "Grunnkurs 3", "Grunnkurs 4", "Farmakologi", "Klinisk toksikologi", "ADHD-kurs"]
    assert [courses.label(i, "nb") for i in courses.select({"recommended": True})] == expected
    topics = re.search(r"2 av 3 emnekurs \(([^)]*)\)", listed)[1].split(", ")
    assert [courses.lookup(t) for t in topics] == courses.select({"topic": True})
    assert len(topics) == 3


def test_other_service_is_the_specialties_pkt_4_1_and_4_8_name(source, rules):
    text = _normalise(source)
    in_41 = re.search(r"annen relevant tjeneste somatisk/farmakologisk \(f\.eks ([^4]*?) 4\.2 Veiledning", text)[1].split(", ")
    in_48 = re.search(r"listet opp slik for de første spesialitetsreglene: ([^.]*)\.", text)[1].split(", ")
    specialties = _vocabulary(rules, "specialties")
    named = {specialties.lookup(name) for name in in_41 + in_48}
    assert None not in named, [n for n in in_41 + in_48 if specialties.lookup(n) is None]
    # ... plus TSB itself: pkt. 4.1 lets the 12 months be "fordeles på TSB eller psykisk helsevern"
    assert set(specialties.select({"other_service": True})) == named | {"rus-og-avhengighetsmedisin"}
