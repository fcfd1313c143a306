"""Shared fixtures: where things are, the CLI as a user runs it, and rusplan in-process.

Fixture names are prefixed or specific (`repo_root`, `examples_dir`,
`run_cli`, `check_programme`, `programme_variant`) so test modules can define
their own fixtures without clashing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLES_DIR = REPO_ROOT / "examples"
# A fixed "today" for § 22: tests never depend on the day they run.
AS_OF = dt.date(2026, 1, 15)
# tests/fuzz and tests/mutation hold scripts, not tests: an atheris fuzz target (atheris is not a test
# dependency) and a measuring script.  test_fuzz_target.py and test_limits.py import them.
collect_ignore = ["fuzz", "mutation"]


@dataclass
class CliResult:
    args: tuple
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def json(self) -> dict:
        return json.loads(self.stdout)

    def __str__(self) -> str:  # shown by pytest when an assertion on it fails
        return f"rusplan {' '.join(self.args)} -> {self.returncode}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES_DIR


@pytest.fixture(scope="session")
def rusplan_env(tmp_path_factory) -> dict:
    """The environment for subprocess runs: the rules cache in a temporary folder, not ~/.cache."""
    env = dict(os.environ)
    env.setdefault("RUSPLAN_CACHE_DIR", str(tmp_path_factory.mktemp("rusplan-cache")))
    env["PYTHONIOENCODING"] = "utf-8"
    return env


@pytest.fixture(scope="session")
def run_cli(rusplan_env):
    """`run_cli(*args, cwd=..., env=..., input=...)`: `python -m rusplan ARGS` in a subprocess.

    Runs from the repository root unless `cwd` is given, so README-style
    relative paths (examples/compliant.yaml) work.  Pass `--as-of` yourself
    wherever § 22's dates matter.
    """

    def run(*args, cwd=None, env=None, input=None, timeout=120) -> CliResult:
        args = tuple(str(a) for a in args)
        proc = subprocess.run(
            [sys.executable, "-m", "rusplan", *args],
            cwd=str(cwd or REPO_ROOT),
            env={**rusplan_env, **(env or {})},
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
        )
        return CliResult(args, proc.returncode, proc.stdout, proc.stderr)

    return run


@pytest.fixture(scope="session")
def rusplan_check(rusplan_env):
    """`rusplan check ARGS` in-process (typer's CliRunner, ~10 ms instead of a process start): (exit code, stdout, stderr).

    Run from the repository root (monkeypatch.chdir) for relative paths.
    """
    from typer.testing import CliRunner

    from rusplan.cli import app

    def run(*args):
        result = CliRunner().invoke(app, ["check", *[str(a) for a in args]], env={"RUSPLAN_CACHE_DIR": rusplan_env["RUSPLAN_CACHE_DIR"]})
        # SystemExit is how the command ends; any other exception is a crash.
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        return result.exit_code, result.stdout, result.stderr

    return run


@pytest.fixture(scope="session")
def bundled_rulesets():
    from rusplan.core.ruleset import load_rulesets

    return load_rulesets()


@pytest.fixture(scope="session")
def check_programme(bundled_rulesets):
    """`check_programme(path, lang="nb", as_of=AS_OF, **options) -> FileReport`, in-process.

    A relative path ("compliant.yaml") is taken from examples/.
    """
    from rusplan.core.pipeline import Options, check_file

    def check(path, lang: str = "nb", as_of: dt.date = AS_OF, rulesets=None, **options):
        path = Path(path) if Path(path).is_absolute() else EXAMPLES_DIR / path
        return check_file(str(path), rulesets or bundled_rulesets, Options(lang=lang, as_of=as_of, **options))

    return check


@pytest.fixture
def programme_variant(tmp_path):
    """`programme_variant(replacements, source="compliant.yaml", name=None) -> Path`.

    Writes a copy of an example with each `old -> new` text replacement made;
    every `old` must occur exactly once, so a drifting example fails loudly
    instead of silently testing the unchanged file.
    """

    def make(replacements: dict | list, source: str = "compliant.yaml", name: str | None = None) -> Path:
        text = (EXAMPLES_DIR / source).read_text(encoding="utf-8")
        pairs = replacements.items() if isinstance(replacements, dict) else replacements
        for old, new in pairs:
            assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {source}"
            text = text.replace(old, new)
        target = tmp_path / (name or f"variant-{source}")
        target.write_text(text, encoding="utf-8")
        return target

    return make


@pytest.fixture(scope="session")
def without_13f(tmp_path_factory):
    """compliant.yaml with outcome 13f taken out of every `covers`."""
    text = (EXAMPLES_DIR / "compliant.yaml").read_text(encoding="utf-8")
    edited = re.sub(r'"13f",\s*|,\s*"13f"|"13f"', "", text)
    assert "13f" not in edited and edited != text
    path = tmp_path_factory.mktemp("without-13f") / "without-13f.yaml"
    path.write_text(edited, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def results_by_rule():
    """`results_by_rule(report) -> {rule id: [RuleResult, ...]}`."""

    def group(report) -> dict:
        out: dict = {}
        for result in report.results:
            out.setdefault(result.rule, []).append(result)
        return out

    return group
