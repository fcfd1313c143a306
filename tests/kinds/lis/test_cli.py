"""The LIS plan through every command: check in every format, init, outcomes, matrix, rules, explain, a mixed folder."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from located import line_of
from rusplan.core.ruleset import load_rulesets
from rusplan.reporters import FORMATS

REPO = Path(__file__).resolve().parents[3]
LIS_RULESET = next(r for r in load_rulesets() if r.kind == "lis-plan")


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_init_lis_plan_then_check_gives_a_located_report(run_cli, tmp_path, lang):
    made = run_cli("init", "--kind", "lis-plan", "--lang", lang, cwd=tmp_path)
    assert made.returncode == 0, str(made)
    plan = tmp_path / "lis-plan.yaml"
    assert plan.exists() and "rusplan-lis/v1" in plan.read_text(encoding="utf-8")
    checked = run_cli("check", plan, "--lang", lang, cwd=tmp_path)
    assert checked.returncode == 1, str(checked)  # valid, deliberately unfinished
    assert re.search(r"lis-plan\.yaml:\d+:\d+: .*78", checked.stdout)  # total duration, located
    assert "objectives-planned" in checked.stdout and "Traceback" not in checked.output


def test_init_unknown_kind_is_refused(run_cli, tmp_path):
    result = run_cli("init", "--kind", "lis", cwd=tmp_path)
    assert result.returncode == 2 and "lis-plan" in result.stderr


def test_outcomes_lists_the_75_objectives_with_their_arenas(run_cli):
    result = run_cli("outcomes", "--kind", "lis-plan")
    assert result.returncode == 0, str(result)
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == [f"{n:03d}" for n in range(1, 76)]
    assert "014  [Rusakuttmottak og avgiftning, Psykiatri, inkludert akutt-psykiatrisk avd.] psykisk status, kognitiv fungering og relasjonelle evner" in lines
    psychiatry = run_cli("outcomes", "--kind", "lis-plan", "--arena", "psykiatri").stdout.splitlines()
    assert len(psychiatry) == 30 and all("Psykiatri" in line for line in psychiatry)


def test_matrix_of_a_plan_flags_the_unplanned_objective(run_cli):
    result = run_cli("matrix", "examples/lis/fail-objectives-planned.yaml")
    assert result.returncode == 0, str(result)
    assert "Planmatrise for Helse Vestfjord HF LIS-2025-017" in result.stdout
    assert "1 læringsmål er ikke planlagt i noen rotasjonsperiode: 075" in result.stdout
    assert "R1 (2025-09, 12 mnd): Avrusning inkludert akutt-TSB-vurderinger: Avdeling for rus" in result.stdout
    csv_text = run_cli("matrix", "examples/lis/fail-objectives-planned.yaml", "--format", "csv", "--csv-dialect", "rfc4180", "--lang", "en").stdout.splitlines()
    assert csv_text[0].split(",")[4:13] == ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "periods"]
    row = next(line for line in csv_text if ",075," in line)
    assert row.endswith(",0,planned in no period")
    html = run_cli("matrix", "examples/lis/compliant.yaml", "--format", "html").stdout
    assert "Planmatrise" in html and "all 75" not in html and "alle 75 læringsmålene er planlagt" in html


def test_rules_and_explain_show_the_lis_rules(run_cli):
    listed = run_cli("rules").stdout
    assert re.search(r"^psychiatry-months\s+pkt\. 4\.1\s+warning\s", listed, re.M)
    assert re.search(r"^total-duration\s+pkt\. 4\.8\s+error\s", listed, re.M)
    explained = run_cli("explain", "clinical-supervision")
    assert explained.returncode == 0
    assert "«klinisk veiledning (anbefales ukentlig sesjoner på 60 timer)»" in explained.stdout  # both sentences quoted
    assert "«klinisk veiledning bør gis 60 minutter ukentlig»" in explained.stdout
    section = run_cli("explain", "pkt. 4.4").stdout
    assert [l.split()[0] for l in section.splitlines()[2:5]] == ["internal-teaching", "teaching-programme", "study-time"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_locates_the_lis_finding(rusplan_check, fmt, monkeypatch):
    monkeypatch.chdir(REPO)
    path = "examples/lis/warn-clinical-supervision.yaml"
    line = line_of((REPO / path).read_text(encoding="utf-8"), r"supervision_minutes: 30")
    code, stdout, _ = rusplan_check(path, "--format", fmt, "--lang", "en")
    assert code == 0, stdout  # a warning only
    assert "clinical-supervision" in stdout
    if fmt == "json":
        found = [r for r in json.loads(stdout)["files"][0]["results"] if r["rule"] == "clinical-supervision"]
        assert found[0]["line"] == line and found[0]["section"] == "pkt. 4.2"
        assert [rs["status"] for rs in json.loads(stdout)["rulesets"]] == ["advice"]
    elif fmt == "sarif":
        run = json.loads(stdout)["runs"][0]
        [hit] = [r for r in run["results"] if r["ruleId"] == "clinical-supervision"]
        assert hit["locations"][0]["physicalLocation"]["region"]["startLine"] == line
        assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {r.id for r in LIS_RULESET.rules}
    elif fmt in ("text", "github", "markdown"):
        assert f"warn-clinical-supervision.yaml:{line}" in stdout or f"line={line}" in stdout


def test_a_folder_mixing_programmes_and_plans(run_cli, tmp_path):
    for name in ("compliant.yaml", "fail-practice-weeks.yaml"):
        (tmp_path / name).write_text((REPO / "examples" / name).read_text(encoding="utf-8"), encoding="utf-8")
    for name in ("compliant.yaml", "fail-total-duration.yaml", "warn-nynorsk-deltid.yaml"):
        (tmp_path / f"lis-{name}").write_text((REPO / "examples" / "lis" / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("title: not a rusplan document\n", encoding="utf-8")
    result = run_cli("check", tmp_path, "--as-of", "2026-01-15", "--format", "json")
    assert result.returncode == 1, str(result)
    files = {Path(f["path"]).name: f["verdict"] for f in result.json()["files"]}
    assert files == {
        "compliant.yaml": "pass",
        "fail-practice-weeks.yaml": "fail",
        "lis-compliant.yaml": "pass",
        "lis-fail-total-duration.yaml": "fail",
        "lis-warn-nynorsk-deltid.yaml": "pass",
    }
    assert sorted(rs["status"] for rs in result.json()["rulesets"]) == ["advice", "proposal"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_programme_reports_are_byte_identical_with_the_lis_rules_loaded(rusplan_check, fmt, monkeypatch):
    """rules/ holds both kinds' rules: a programme's report is the same as with its own rules file alone."""
    monkeypatch.chdir(REPO)
    for example in sorted(p.relative_to(REPO).as_posix() for p in (REPO / "examples").glob("*.yaml")):
        both = rusplan_check(example, "--format", fmt, "--as-of", "2026-01-15")
        alone = rusplan_check(example, "--format", fmt, "--as-of", "2026-01-15", "--rules", "rules/tverrfaglig-psykisk-helse-rus.yaml")
        assert both == alone, (example, fmt)
