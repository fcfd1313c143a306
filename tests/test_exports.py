"""Exports for the accreditation application (issue 15): the matrix as a workbook, CSV that Excel
opens, and both opened by LibreOffice headless where it is installed (skipped, visibly, where not)."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from rusplan import messages

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cli(rusplan_env):
    from typer.testing import CliRunner

    from rusplan.cli import app

    def run(*args):
        result = CliRunner().invoke(app, [str(a) for a in args], env={"RUSPLAN_CACHE_DIR": rusplan_env["RUSPLAN_CACHE_DIR"]})
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        return result.exit_code, result.stdout, result.stderr

    return run


def matrix_book(cli, tmp_path, example: str, *extra) -> openpyxl.Workbook:
    out = tmp_path / f"{Path(example).stem}.xlsx"
    code, stdout, stderr = cli("matrix", ROOT / example, "--format", "xlsx", "-o", out, *extra)
    assert code == 0, stdout + stderr
    return openpyxl.load_workbook(out)


def rows(ws) -> dict[str, list]:
    """Outcome id -> its row's values, from the header row (row 3) down."""
    return {r[1]: list(r) for r in ws.iter_rows(min_row=4, values_only=True) if r[1] and len(str(r[1])) <= 3}


def test_the_matrix_workbook_has_a_sheet_per_study_path_when_they_differ(cli, tmp_path):
    book = matrix_book(cli, tmp_path, "examples/compliant.yaml")
    assert book.sheetnames == ["PHR4001", "PHR4001M"]
    ws = book["PHR4001M"]
    head = [c.value for c in ws[3]]
    assert head[:3] == ["område", "læringsutbytte", "tekst"] and head[-2:] == ["Σ", "status"]
    assert "PHR4001M*" in head and "PHR4001*" not in head  # each sheet has the columns its path takes
    assert ws.freeze_panes == "D4"
    assert ws["C4"].alignment.wrap_text
    table = rows(ws)
    assert len(table) == 49
    assert table["16c"][head.index("PHR4001M*")] == "x" and table["16c"][head.index("Σ")] == 1
    assert table["4a"][head.index("Σ")] == 1  # one course counts, not both options and practice
    rules = [r for ranges in ws.conditional_formatting for r in ranges.rules]
    assert rules and rules[0].formula == [f"${openpyxl.utils.get_column_letter(head.index('Σ') + 1)}4=0"]


def test_the_matrix_workbook_shows_the_gap(cli, tmp_path):
    book = matrix_book(cli, tmp_path, "examples/fail-learning-outcomes.yaml", "--lang", "en")
    for ws in book.worksheets:
        head = [c.value for c in ws[3]]
        table = rows(ws)
        assert table["13f"][head.index("Σ")] == 0 and table["13f"][-1] == messages.text("matrix-status-uncovered", "en")
        assert table["16c"][head.index("Σ")] == 0


def test_one_study_path_is_one_sheet(cli, tmp_path):
    book = matrix_book(cli, tmp_path, "examples/compliant-hours-nynorsk.yaml", "--lang", "nn")
    assert len(book.sheetnames) >= 1
    if len(book.sheetnames) == 1:
        assert book.sheetnames == ["Dekning"]


def test_the_matrix_workbook_needs_a_file(cli):
    code, _, err = cli("matrix", ROOT / "examples/compliant.yaml", "--format", "xlsx")
    assert code == 2 and "--output" in err


def test_the_matrix_of_a_workbook_is_the_matrix_of_its_yaml(cli, tmp_path):
    plan = tmp_path / "plan.xlsx"
    assert cli("convert", ROOT / "examples/compliant.yaml", plan)[0] == 0
    from_yaml = cli("matrix", ROOT / "examples/compliant.yaml", "-f", "csv")[1]
    from_book = cli("matrix", plan, "-f", "csv")[1]
    assert from_yaml == from_book and from_yaml.startswith("\ufeff")


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui to run this check")
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_libreoffice_opens_the_matrix_with_one_value_per_cell_and_aeoeaa_intact(cli, tmp_path, kind):
    source = tmp_path / "in" / f"matrix.{kind}"
    source.parent.mkdir()
    assert cli("matrix", ROOT / "examples/compliant.yaml", "-f", kind, "-o", source)[0] == 0
    outdir = tmp_path / "out"
    command = [SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless"]
    if kind == "csv":  # ';' as the list separator, as a Norwegian locale has it; the character set left to LibreOffice
        command.append("--infilter=CSV:59,34,,1")
    command += ["--convert-to", "xlsx", "--outdir", str(outdir), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    ws = openpyxl.load_workbook(outdir / "matrix.xlsx").worksheets[0]
    table = [[c for c in row if c is not None] for row in ws.iter_rows(values_only=True)]
    header = next(r for r in table if "læringsutbytte" in r)
    # One value per cell, and the byte-order mark is not glued to the first heading.
    assert header[:3] == (["område", "kategori", "læringsutbytte"] if kind == "csv" else ["område", "læringsutbytte", "tekst"])
    first = next(r for r in table if "4a" in r)
    assert "har inngående kunnskap om historisk utvikling innenfor både psykisk helsearbeid og rusarbeid." in first


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui to run this check")
def test_a_plan_workbook_saved_again_by_libreoffice_checks_the_same(cli, tmp_path):
    """A coordinator opens the converted plan in LibreOffice and saves it: rusplan reads LibreOffice's file the same."""
    plan = tmp_path / "in" / "plan.xlsx"
    plan.parent.mkdir()
    assert cli("convert", ROOT / "examples/fail-practice-kind.yaml", plan)[0] == 0
    outdir = tmp_path / "out"
    command = [SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to", "xlsx", "--outdir", str(outdir), str(plan)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    saved = outdir / "plan.xlsx"
    assert saved.read_bytes() != plan.read_bytes()
    ours = cli("check", plan, "--as-of", "2026-01-15", "--format", "json")[1].replace(str(plan), "X")
    theirs = cli("check", saved, "--as-of", "2026-01-15", "--format", "json")[1].replace(str(saved), "X")
    assert ours == theirs and '"cell": "Praksis!C3"' in theirs
