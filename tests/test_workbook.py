"""The coordinator's workbook (issue 15): `init --format xlsx`, `check plan.xlsx`, `convert` both ways.

The starter workbook is filled in here the way a coordinator fills it, by the
labels and headings on its sheets (not by rusplan's own writer), so these tests
pin the layout people see as well as the reading.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from rusplan.io import loader

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
AS_OF = "2026-01-15"


@pytest.fixture(scope="module")
def cli(rusplan_env):
    from typer.testing import CliRunner

    from rusplan.cli import app

    def run(*args):
        result = CliRunner().invoke(app, [*args], env={"RUSPLAN_CACHE_DIR": rusplan_env["RUSPLAN_CACHE_DIR"]})
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        return result.exit_code, result.stdout, result.stderr

    return run


def judged(cli, path) -> tuple[int, dict]:
    """Exit code and the JSON report without what differs by file: path, line, column, sheet, cell."""
    code, out, _ = cli("check", str(path), "--as-of", AS_OF, "--format", "json")
    report = json.loads(out)
    for f in report["files"]:
        f.pop("path")
        for item in f["results"] + f["errors"]:
            for key in ("line", "column", "sheet", "cell"):
                item.pop(key, None)
    return code, report


def rows_by_label(ws) -> dict[str, int]:
    return {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value}


def columns_by_heading(ws) -> dict[str, int]:
    return {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1) if ws.cell(1, c).value}


def fill(path: Path, data: dict) -> None:
    """Type `data` into the starter workbook at `path` as a coordinator would, by the nb labels."""
    book = openpyxl.load_workbook(path)
    programme, admission = book["Program"], book["Opptak"]
    p, a = data["programme"], data["admission"]
    rows = rows_by_label(programme)
    for heading, key in (
        ("Institusjon", "institution"), ("Programkode", "code"), ("Programnavn", "name"), ("Studiepoeng", "credits"),
        ("Studieform (deltid/heltid)", "pace"), ("Antall semestre", "semesters"), ("Oppstart (ÅÅÅÅ-høst/vår)", "start"),
        ("Rammeverk", "framework"), ("Merknader om programmet", "notes"),
    ):
        programme.cell(rows[heading], 2, p.get(key))
    rows = rows_by_label(admission)
    admission.cell(rows["Krav om utdanning (år)"], 2, a["degree_years"])
    for i, profession in enumerate(a["professions"]):
        admission.cell(rows["Profesjoner som gir opptak"], 2 + i, profession)
    other = a["other_education"]
    admission.cell(rows["Annen utdanning: individuell vurdering (ja/nei)"], 2, "ja" if other["individual_assessment"] else "nei")
    admission.cell(rows["Annen utdanning: minst år"], 2, other["min_years"])
    for i, field in enumerate(other["fields"]):
        admission.cell(rows["Annen utdanning: fagfelt"], 2 + i, field)
    admission.cell(rows["Annen utdanning: yrkeserfaring (år)"], 2, other["work_experience_years"])
    admission.cell(rows["Annen utdanning: kriterier og merknader"], 2, other["notes"])
    for i, extra in enumerate(a["additional_requirements"]):
        admission.cell(rows["Andre opptakskrav"], 2 + i, extra)

    courses, matrix = book["Emner"], book["Læringsutbytte"]
    heads = columns_by_heading(courses)
    ids = {matrix.cell(r, 1).value: r for r in range(2, matrix.max_row + 1)}
    free = [c for c in range(1, matrix.max_column + 2) if c > 3 and not matrix.cell(1, c).value]
    listed = []
    for entry in data["courses"]:
        for option in entry.get("options", [entry]):
            listed.append((option, entry if "choice" in entry else None))
    for row, (course, choice) in enumerate(listed, start=2):
        courses.cell(row, heads["Emnekode"], course["code"])
        courses.cell(row, heads["Emnenavn"], course["name"])
        courses.cell(row, heads["Studiepoeng"], course["credits"])
        semester = course["semester"]
        courses.cell(row, heads["Semester"], ", ".join(map(str, semester)) if isinstance(semester, list) else semester)
        courses.cell(row, heads["Læringsformer"], ", ".join(course["learning_forms"]))
        courses.cell(row, heads["Merknader"], course.get("notes"))
        if choice:
            courses.cell(row, heads["Alternativ i valget"], choice["choice"])
            if course is choice["options"][0]:
                courses.cell(row, heads["Merknader om valget"], choice.get("notes"))
        column = free.pop(0) if free else matrix.max_column + 1
        matrix.cell(1, column, course["code"])
        for outcome in course["outcomes"]:
            for ref in outcome["covers"]:
                matrix.cell(ids[ref], column, outcome["text"])
    practice = book["Praksis"]
    heads = columns_by_heading(practice)
    for row, period in enumerate(data["practice"], start=2):
        for heading, key in (("Praksisperiode", "name"), ("Emne", "course"), ("Praksisform", "kind"), ("Uker", "weeks"),
                             ("Semester", "semester"), ("Praksistilbyder", "provider"), ("Merknader", "notes")):
            practice.cell(row, heads[heading], period.get(key))
        practice.cell(row, heads["Praksisfelt"], ", ".join(period["fields"]))
        practice.cell(row, heads["Dekker læringsutbytte"], ", ".join(period["covers"]))
    agreements = book["Avtaler"]
    heads = columns_by_heading(agreements)
    for row, agreement in enumerate(data["agreements"], start=2):
        agreements.cell(row, heads["Praksistilbyder"], agreement["provider"])
        agreements.cell(row, heads["Avtalen regulerer"], ", ".join(agreement["regulates"]))
        agreements.cell(row, heads["Merknader"], agreement.get("notes"))
    book.save(path)


@pytest.fixture(scope="module")
def filled(cli, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("wb") / "plan.xlsx"
    code, out, err = cli("init", "--format", "xlsx", str(path))
    assert code == 0, out + err
    fill(path, loader.load(str(ROOT / "examples/compliant.yaml")).data)
    return path


def test_the_starter_workbook_filled_with_compliant_yaml_gives_the_same_verdict_and_rule_results(cli, filled):
    yaml_code, yaml_report = judged(cli, ROOT / "examples/compliant.yaml")
    code, report = judged(cli, filled)
    assert (code, yaml_code) == (0, 0)
    assert report["files"][0]["verdict"] == "pass"
    assert report == yaml_report
    assert len(report["files"][0]["results"]) == 16


def test_the_starter_workbook_holds_the_regulations_outcomes_and_drop_downs(cli, tmp_path):
    from rusplan.core.ruleset import load_rulesets

    ruleset = load_rulesets(None, "nb")[0]
    path = tmp_path / "ny.xlsx"
    assert cli("init", "--lang", "nn", str(path))[0] == 0
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:7] == ["Rettleiing", "Program", "Opptak", "Emne", "Læringsutbyte", "Praksis", "Avtalar"]
    matrix = book["Læringsutbyte"]
    ids = [matrix.cell(r, 1).value for r in range(2, matrix.max_row + 1)]
    assert ids == list(ruleset.outcomes) and len(ids) == 49
    assert matrix.cell(2 + ids.index("16c"), 3).value.endswith(ruleset.outcomes["16c"]["text"])
    lists = [dv.formula1 for ws in book.worksheets for dv in ws.data_validations.dataValidation if dv.formula1]
    lists_sheet = book["Lister"]
    kinds = [c.value for c in next(col for col in lists_sheet.iter_cols() if col[0].value == "practice_kinds")[1:] if c.value]
    assert "praksisplass" in kinds and len(kinds) == len(ruleset.vocabularies["practice_kinds"].ids)
    assert len(lists) >= 4
    # Unfilled, it cannot be checked, and says where to write.
    code, out, _ = cli("check", str(path), "--lang", "nn")
    assert code == 2 and f"{path}:Opptak!" in out


def broken(tmp_path: Path, filled: Path, sheet: str, cell: str, value) -> Path:
    book = openpyxl.load_workbook(filled)
    book[sheet][cell] = value
    path = tmp_path / f"broken-{sheet}-{cell}.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize(
    "sheet, cell, value, rule, fragment",
    [
        # A sum over every period points at the sheet, as YAML points at `practice:`.
        ("Praksis", "D2", 2, "practice-weeks", "praksis utgjør 3 uker"),
        ("Praksis", "C3", "studiebesøk", "practice-kind", "studiebesøk"),
        ("Praksis", "I2", "Kinn kommune", "practice-agreements", "Kinn kommune"),
        ("Program", "B5", 50, "credits-total", "50"),
        ("Opptak", "B3", "nei", "admission-other", ""),
        ("Læringsutbytte", "D8", "PHR1001 gir også 4g og 4h", None, None),
    ],
)
def test_a_finding_on_a_broken_copy_points_at_the_cell(cli, filled, tmp_path, sheet, cell, value, rule, fragment):
    if rule is None:  # a text moved to the row of an outcome that is not in the regulation
        book = openpyxl.load_workbook(filled)
        matrix = book["Læringsutbytte"]
        row = matrix.max_row + 1
        matrix.cell(row, 1, "4h")
        matrix.cell(row, 4, "Kandidaten kan bidra til gode hverdagsliv.")
        path = tmp_path / "ref.xlsx"
        book.save(path)
        sheet, cell, rule, fragment = "Læringsutbytte", f"D{row}", "outcome-references", "'4h' er ikke et læringsutbytte"
    else:
        path = broken(tmp_path, filled, sheet, cell, value)
    if rule == "practice-weeks":
        cell = "A1"
    code, out, _ = cli("check", str(path), "--as-of", AS_OF, "--no-color")
    assert code == 1, out
    failed = [line for line in out.splitlines() if "✗" in line and f" {rule} " in line]
    assert len(failed) == 1, out
    assert f"{path}:{sheet}!{cell}: " in failed[0] and fragment in failed[0], out
    report = json.loads(cli("check", str(path), "--as-of", AS_OF, "--format", "json")[1])
    found = [r for r in report["files"][0]["results"] if r["status"] == "fail" and r["rule"] == rule]
    assert (found[0]["sheet"], found[0]["cell"]) == (sheet, f"{sheet}!{cell}")
    sarif = json.loads(cli("check", str(path), "--as-of", AS_OF, "--format", "sarif")[1])
    location = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == rule)["locations"][0]
    assert location["logicalLocations"][0]["fullyQualifiedName"] == f"{sheet}!{cell}"
    assert "region" not in location["physicalLocation"]
    github = cli("check", str(path), "--as-of", AS_OF, "--format", "github")[1]
    assert f"::{sheet}!{cell}: " in github and "line=" not in github.split("\n")[0]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_convert_to_a_workbook_and_back_checks_byte_identically(cli, tmp_path, example):
    book, back = tmp_path / "x.xlsx", tmp_path / "y.yaml"
    assert cli("convert", str(example), str(book))[0] == 0
    assert cli("convert", str(book), str(back))[0] == 0
    assert judged(cli, back) == judged(cli, example) == judged(cli, book)
    original, again = loader.load(str(example)).data, loader.load(str(back)).data

    def by_text(data):  # the matrix keeps a course's outcomes in the regulation's order (docs/workbook.md)
        for entry in data["courses"]:
            for course in entry.get("options", [entry]):
                course["outcomes"].sort(key=lambda o: o["text"])
        return data

    assert by_text(again) == by_text(original)


def test_convert_refuses_a_control_character_a_cell_cannot_hold(cli, tmp_path):
    text = (ROOT / "examples/compliant.yaml").read_text(encoding="utf-8")
    source = tmp_path / "bell.yaml"
    source.write_text(text.replace("  institution: Høgskolen i Fjordane", '  institution: "Høgskolen i Fjordane\\a"'), encoding="utf-8")
    code, _, err = cli("convert", str(source), str(tmp_path / "bell.xlsx"))
    assert code == 2 and "\\x07" in err and "Traceback" not in err
    assert not (tmp_path / "bell.xlsx").exists()


def test_convert_refuses_what_the_workbook_cannot_hold(cli, tmp_path):
    text = (ROOT / "examples/compliant.yaml").read_text(encoding="utf-8")
    text = text.replace('covers: ["4a"]', 'covers: ["4a"]\n        notes: fra fagplanen', 1)
    source = tmp_path / "notes.yaml"
    source.write_text(text, encoding="utf-8")
    code, _, err = cli("convert", str(source), str(tmp_path / "notes.xlsx"))
    assert code == 2 and "PHR1001" in err and "merknader" in err
    assert not (tmp_path / "notes.xlsx").exists()


def test_a_folder_mixing_yaml_and_workbooks_is_one_batch(cli, filled, tmp_path):
    import shutil

    shutil.copy(filled, tmp_path / "b-plan.xlsx")
    shutil.copy(ROOT / "examples/fail-practice-weeks.yaml", tmp_path / "a-plan.yaml")
    other = openpyxl.Workbook()
    other.active["A1"] = "budsjett"
    other.save(tmp_path / "c-budsjett.xlsx")
    (tmp_path / "~$b-plan.xlsx").write_bytes(b"lock")
    code, out, _ = cli("check", str(tmp_path), "--as-of", AS_OF, "--format", "json")
    report = json.loads(out)
    assert code == 1
    assert [(Path(f["path"]).name, f["verdict"]) for f in report["files"]] == [("a-plan.yaml", "fail"), ("b-plan.xlsx", "pass")]


def test_a_workbook_report_in_every_format_names_the_cell(cli, filled, tmp_path):
    path = broken(tmp_path, filled, "Praksis", "C3", "studiebesøk")
    for fmt in ("text", "markdown", "junit", "html"):
        out = cli("check", str(path), "--as-of", AS_OF, "--format", fmt)[1]
        assert "Praksis!C3" in out, fmt


def test_convert_writes_the_same_bytes_for_the_same_plan(cli, tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert cli("convert", str(ROOT / "examples/compliant.yaml"), str(first))[0] == 0
    assert cli("convert", str(ROOT / "examples/compliant.yaml"), str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()
    # And never over an existing file without --force.
    code, _, err = cli("convert", str(ROOT / "examples/compliant.yaml"), str(first))
    assert code == 2 and "finnes" in err


def test_more_filled_cells_than_the_limit_are_refused_at_the_cell_past_it(cli, filled, tmp_path, monkeypatch):
    from rusplan.io import workbook

    monkeypatch.setattr(workbook, "MAX_CELLS", 100)
    code, out, _ = cli("check", str(filled), "--lang", "en")
    assert code == 2 and "more than 100 filled cells" in out
    import re

    assert re.search(re.escape(f"{filled}:") + r"\w+![A-Z]+[0-9]+: ", out), out


def test_a_formula_anywhere_rusplan_reads_is_refused_never_evaluated(cli, filled, tmp_path):
    path = broken(tmp_path, filled, "Praksis", "D2", "=2*3")
    code, out, _ = cli("check", str(path), "--lang", "en")
    assert code == 2 and f"{path}:Praksis!D2: " in out and "(=2*3)" in out and "never evaluates formulas" in out


def test_a_sheet_row_survives_pickling_for_batch_workers():
    import pickle

    from rusplan.io.workbook import SheetRow, cell_name

    row = pickle.loads(pickle.dumps(SheetRow(4, "Emner")))
    assert (row, row.sheet, str(row)) == (4, "Emner", "4")
    assert SheetRow(4, "Emner") != SheetRow(4, "Praksis")
    assert cell_name("Emner", 4, 3) == "Emner!C4" and cell_name("Min plan", 2, 28) == "'Min plan'!AB2"


def test_a_nynorsk_workbook_reads_like_the_bokmal_one(cli, tmp_path):
    nb, nn = tmp_path / "nb.xlsx", tmp_path / "nn.xlsx"
    source = ROOT / "examples/compliant-hours-nynorsk.yaml"
    assert cli("convert", str(source), str(nn), "--lang", "nn")[0] == 0
    assert cli("convert", str(source), str(nb))[0] == 0
    assert openpyxl.load_workbook(nn).sheetnames[3] == "Emne"
    assert judged(cli, nn) == judged(cli, nb) == judged(cli, source)


def test_a_workbooks_json_and_sarif_reports_are_valid(cli, filled, tmp_path):
    import jsonschema

    from prerequisites import require

    path = broken(tmp_path, filled, "Praksis", "C3", "studiebesøk")
    report = json.loads(cli("check", str(path), "--as-of", AS_OF, "--format", "json")[1])
    schema = json.loads((ROOT / "src/rusplan/schema/schemas/report-v2.schema.json").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(report)) == []
    failed = next(r for r in report["files"][0]["results"] if r["status"] == "fail")
    assert (failed["line"], failed["column"], failed["cell"]) == (3, 3, "Praksis!C3")
    # A YAML file's results have no sheet or cell, as before.
    plain = json.loads(cli("check", str(ROOT / "examples/fail-practice-kind.yaml"), "--as-of", AS_OF, "--format", "json")[1])
    assert all("sheet" not in r and "cell" not in r for r in plain["files"][0]["results"])
    sarif_schema = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
    require(sarif_schema.is_file(), f"official SARIF 2.1.0 schema not found at {sarif_schema}; SARIF is not validated")
    sarif = json.loads(cli("check", str(path), "--as-of", AS_OF, "--format", "sarif")[1])
    official = json.loads(sarif_schema.read_text(encoding="utf-8"))
    errors = list(jsonschema.validators.validator_for(official)(official).iter_errors(sarif))
    assert errors == [], [e.message for e in errors[:3]]


def test_random_edits_of_a_workbook_never_crash_and_stay_located(cli, filled, tmp_path):
    """Any value in any cell a coordinator might touch: an answer (0, 1 or 2), never a traceback, and every finding at a cell."""
    import datetime as dt

    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    sheets = ["Program", "Opptak", "Emner", "Læringsutbytte", "Praksis", "Avtaler"]
    values = st.one_of(
        st.none(), st.booleans(), st.integers(-5, 500), st.floats(-1, 1e6, allow_nan=False),
        st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12),
        st.sampled_from(["x", "1, 2", "7,5", "ja", "nei", "#N/A", "=SUM(A1:A3)", "4h", "PHR1001", "Emnekode"]),
        st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1)),
    )
    base = openpyxl.load_workbook(filled)
    counter = iter(range(10**6))

    @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, phases=[Phase.generate])
    @given(st.lists(st.tuples(st.sampled_from(sheets), st.integers(1, 55), st.integers(1, 12), values), min_size=1, max_size=4))
    def edit(changes):
        book = openpyxl.load_workbook(filled)
        for sheet, row, column, value in changes:
            book[sheet].cell(row, column).value = value
        path = tmp_path / f"edit-{next(counter)}.xlsx"
        book.save(path)
        code, out, err = cli("check", str(path), "--as-of", AS_OF, "--format", "json")
        assert code in (0, 1, 2), out + err
        report = json.loads(out)["files"][0]
        for item in report["errors"] + [r for r in report["results"] if r["status"] != "pass"]:
            assert item.get("cell") or item["line"] == 0, item

    assert base.sheetnames  # the filled workbook opens
    edit()


def test_a_value_the_format_refuses_is_located_at_its_cell_in_json_too(cli):
    """Problems found before any rule (the schema's) carry the sheet and cell too, not only the rules' findings."""
    path = ROOT / "tests/corpus/workbook/weeks-as-word.xlsx"
    code, out, _ = cli("check", str(path), "--format", "json")
    [error] = json.loads(out)["files"][0]["errors"]
    assert code == 2 and (error["sheet"], error["cell"], error["code"]) == ("Praksis", "Praksis!D2", "schema-type")


def test_cells_written_in_the_xml_are_counted_before_openpyxl_builds_them(cli, filled, monkeypatch):
    """openpyxl holds every cell in memory, so a sheet with too many is refused from a streamed count of its XML."""
    from rusplan.io import workbook

    monkeypatch.setattr(workbook, "MAX_WRITTEN_CELLS", 50)
    built = []
    monkeypatch.setattr(workbook, "_read", lambda book, path: built.append(path))
    code, out, _ = cli("check", str(filled), "--lang", "en")
    assert code == 2 and "more than 100000 filled cells" in out and built == []
