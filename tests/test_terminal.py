"""The text report in a real terminal (issue 11): `rusplan check` run in a pseudo-terminal of
80 and 100 columns wraps every line to the width, between words, and keeps the quoted § indented
under its rule.  Piped (CI logs, files), the report keeps one verdict per line."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios

import pytest

ARGS = ("check", "examples/fail-credits-sum.yaml", "--as-of", "2026-01-15")


def in_terminal(columns: int, *args: str, env: dict) -> str:
    """stdout+stderr of `python -m rusplan ARGS` in a pseudo-terminal `columns` wide."""
    master, slave = pty.openpty()
    # The size is set before the program starts, so it never sees a 0x0 terminal.
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    proc = subprocess.Popen([sys.executable, "-m", "rusplan", *args], stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 1 << 16)
        except OSError:  # EIO: the program closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=60)
    os.close(master)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def _env(rusplan_env: dict) -> dict:
    """The test environment without COLUMNS/LINES, which would override the terminal's size."""
    return {k: v for k, v in rusplan_env.items() if k not in ("COLUMNS", "LINES")}


@pytest.fixture(scope="module")
def piped(run_cli, repo_root):
    result = run_cli(*ARGS, "--no-color", cwd=repo_root)
    assert result.returncode == 1
    return result.stdout


@pytest.mark.parametrize("columns", [80, 100])
@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_check_fits_the_terminal(columns, lang, piped, rusplan_env, repo_root, monkeypatch):
    monkeypatch.chdir(repo_root)
    env = _env(rusplan_env)
    shown = in_terminal(columns, *ARGS, "--no-color", "--lang", lang, env=env)
    lines = shown.splitlines()
    assert "Traceback" not in shown
    assert [l for l in lines if len(l) > columns] == []
    # No word is broken: the terminal shows the words of the one-line-per-verdict report, in order.
    unwrapped = in_terminal(10_000, *ARGS, "--no-color", "--lang", lang, env=env)
    assert shown.split() == unwrapped.split()
    assert len(lines) > len(unwrapped.splitlines())  # it did wrap
    # The quote sits under its rule, indented, after the failing rule's message.
    start = next(i for i, l in enumerate(lines) if l.startswith("  ✗"))
    quote = next(i for i, l in enumerate(lines) if "«Forskriften" in l)
    end = next(i for i, l in enumerate(lines) if l.rstrip().endswith("studiepoeng.»"))
    assert start < quote <= end
    assert all(l.startswith("    ") for l in lines[start + 1 : end + 1])
    assert all("competence-areas" not in l for l in lines[start:end + 1])


def test_the_80_column_report_of_a_failure(rusplan_env, repo_root, monkeypatch):
    monkeypatch.chdir(repo_root)
    shown = in_terminal(80, *ARGS, "--no-color", env=_env(rusplan_env)).splitlines()
    start = next(i for i, l in enumerate(shown) if l.startswith("  ✗"))
    assert shown[start : start + 5] == [
        "  ✗ feil       credits-sum            § 1",
        "    examples/fail-credits-sum.yaml:35:1: emnene gir til sammen 55 studiepoeng;",
        "    programmet er på 60 [studieløp PHR4001M]",
        "      «Forskriften gjelder for tverrfaglig videreutdanning i psykisk helsearbeid",
        "       og rusarbeid på 60 studiepoeng.»",
    ]


def test_the_100_column_report_of_a_failure(rusplan_env, repo_root, monkeypatch):
    monkeypatch.chdir(repo_root)
    shown = in_terminal(100, *ARGS, "--no-color", env=_env(rusplan_env)).splitlines()
    start = next(i for i, l in enumerate(shown) if l.startswith("  ✗"))
    indent = " " * 48
    assert shown[start : start + 6] == [
        "  ✗ feil       credits-sum            § 1       examples/fail-credits-sum.yaml:35:1: emnene gir til",
        indent + "sammen 55 studiepoeng; programmet er på 60",
        indent + "[studieløp PHR4001M]",
        indent + "«Forskriften gjelder for tverrfaglig videreutdanning",
        indent + "i psykisk helsearbeid og rusarbeid på 60",
        indent + "studiepoeng.»",
    ]


def test_piped_output_keeps_one_verdict_per_line(piped):
    """CI logs and files: no wrapping, so `grep path:line:column` finds the whole message."""
    [line] = [l for l in piped.splitlines() if l.startswith("  ✗")]
    assert line.endswith("examples/fail-credits-sum.yaml:35:1: emnene gir til sammen 55 studiepoeng; programmet er på 60 [studieløp PHR4001M]")
    assert any(l.startswith(" " * 48 + "«Forskriften") for l in piped.splitlines())  # under the message


def test_the_readme_sample_is_what_rusplan_prints(run_cli, repo_root):
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("$ rusplan check examples/fail-practice-weeks.yaml --lang en --quiet") :].split("\n\n")[0]
    command, *printed = block.splitlines()
    result = run_cli(*command.split()[2:], "--as-of", "2026-01-15", "--no-color")
    assert result.stdout.splitlines() == printed
