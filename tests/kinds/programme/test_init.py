"""`rusplan init`: a commented starter file that `rusplan check` answers with located failures."""

from __future__ import annotations

import re

import pytest

from rusplan import messages

AS_OF = "2026-01-15"
# What the starter's comments say in each language (it is unfinished, on purpose).
UNFINISHED = {"nb": "UFERDIG", "en": "UNFINISHED"}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_init_then_check_gives_a_located_report(run_cli, tmp_path, lang):
    made = run_cli("init", "--lang", lang, cwd=tmp_path)
    assert made.returncode == 0, str(made)
    assert made.stdout.strip() == messages.text("init-written", lang, path="programme.yaml")
    text = (tmp_path / "programme.yaml").read_text(encoding="utf-8")
    assert UNFINISHED[lang] in text
    for command in ("rusplan outcomes", "rusplan explain", "rusplan rules"):
        assert command in text, command

    checked = run_cli("check", "programme.yaml", "--as-of", AS_OF, "--lang", lang, "--format", "json", cwd=tmp_path)
    assert checked.returncode == 1, str(checked)  # valid, but not compliant yet
    [report] = checked.json()["files"]
    assert report["errors"] == []
    failed = {r["rule"]: r for r in report["results"] if r["status"] == "fail"}
    assert {"learning-outcomes", "practice-weeks", "credits-sum"} <= set(failed)
    lines = text.splitlines()
    assert lines[failed["practice-weeks"]["line"] - 1].startswith("practice:")
    assert lines[failed["learning-outcomes"]["line"] - 1].startswith("courses:")

    plain = run_cli("check", "programme.yaml", "--as-of", AS_OF, "--lang", lang, cwd=tmp_path)
    assert plain.returncode == 1, str(plain)
    assert re.search(r"^\s+\S+ \S+\s+practice-weeks\s+§ \d+\s+programme\.yaml:\d+:\d+: ", plain.stdout, re.M), plain.stdout


def test_init_refuses_to_overwrite_without_force(run_cli, tmp_path):
    target = tmp_path / "plan.yaml"
    target.write_text("mine\n", encoding="utf-8")
    refused = run_cli("init", target)
    assert refused.returncode == 2, str(refused)
    assert "--force" in refused.stderr and "Traceback" not in refused.output
    assert target.read_text(encoding="utf-8") == "mine\n"

    forced = run_cli("init", target, "--force", "--lang", "en")
    assert forced.returncode == 0, str(forced)
    assert UNFINISHED["en"] in target.read_text(encoding="utf-8")


def test_init_to_stdout(run_cli, tmp_path):
    result = run_cli("init", "-", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 0, str(result)
    assert result.stdout.startswith("# rusplan programme file")
    assert "format: rusplan/v1" in result.stdout
    assert list(tmp_path.iterdir()) == []
