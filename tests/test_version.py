"""`rusplan --version`: what a bug report or a CI log needs to say which rusplan judged the plan."""

from __future__ import annotations

from importlib import metadata

import rusplan


def test_version_prints_the_installed_version_and_exits_0(run_cli):
    result = run_cli("--version")
    assert result.returncode == 0, result
    assert result.stdout == f"rusplan {rusplan.__version__}\n"
    assert result.stderr == ""
    assert rusplan.__version__ == metadata.version("rusplan")  # the package's metadata says the same


def test_version_is_listed_in_the_help(run_cli):
    result = run_cli("--help")
    assert result.returncode == 0
    assert "--version" in result.stdout


def test_version_is_an_option_of_rusplan_not_of_its_commands(run_cli):
    result = run_cli("check", "--version")
    assert result.returncode == 2
    assert "--version" in result.stderr
