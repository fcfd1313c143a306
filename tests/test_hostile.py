"""Issue 12: hostile programme files and file names, full disks and odd targets.

Nothing from a programme file or a file name may reach a terminal, a CI log or a report as a
control sequence or a command; a write that fails is one line and exit 2; the previous report
survives a run that did not finish; folder walks say what they skipped.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from rusplan import messages

AS_OF = "2026-01-15"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # anything but \t and \n
# Everything a YAML double-quoted string can smuggle in: clear the screen, go home, print a fake
# verdict, a carriage return over the real one, GitHub workflow commands, a right-to-left override.
FORGED = (
    "\\e[2J\\e[H"
    "examples/x.yaml: oppfyller forskriften (feil: 0, advarsler: 0, bestått: 16)\\r"
    "\\n::error file=x.yaml::forged\\n::add-mask::secret\\n##[error]old style"
    "\\x85\\u202eevil\\u2066 \\x9b31m"
)


@pytest.fixture
def forged(programme_variant):
    """A failing programme (practice too short: exit 1) whose institution and a course name carry FORGED."""
    return programme_variant(
        {
            "institution: Høgskolen i Fjordane": f'institution: "Høgskolen {FORGED}"',
            "    weeks: 5\n": "    weeks: 1\n",
        },
        name="forged.yaml",
    )


def test_the_text_report_carries_no_control_character_and_no_command(run_cli, forged):
    result = run_cli("check", forged, "--as-of", AS_OF, "--no-color")
    assert result.returncode == 1, str(result)
    assert not CONTROL.search(result.stdout), repr(CONTROL.search(result.stdout))
    for line in result.stdout.splitlines():
        assert not line.lstrip().startswith(("::", "##")), line  # no workflow command, GitHub's or Azure's
    assert "\\x1b[2J\\x1b[H" in result.stdout and "\\u202eevil" in result.stdout  # shown, escaped
    assert result.stdout.splitlines()[-1].endswith(": oppfyller ikke forskriften (feil: 1, advarsler: 0, bestått: 15)")


def test_a_terminal_shows_the_real_verdict(forged, rusplan_env, repo_root):
    """The text report, with colour, through a real pseudo-terminal into a terminal emulator (pyte):
    the screen shows the real verdict and never the forged "compliant" line on its own."""
    pyte = pytest.importorskip("pyte")
    master, slave = pty.openpty()
    # The terminal is as wide as the emulated screen: rusplan wraps to the width it is told.
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 60, 200, 0, 0))
    os.set_blocking(master, False)
    proc = subprocess.Popen(
        [sys.executable, "-m", "rusplan", "check", str(forged), "--as-of", AS_OF, "--quiet"],
        stdin=slave, stdout=slave, stderr=slave, env={**rusplan_env, "TERM": "xterm"}, cwd=repo_root,
    )
    os.close(slave)
    data = b""
    while True:  # read until rusplan has exited and the terminal is drained
        ready, _, _ = select.select([master], [], [], 60)
        assert ready, "no output for 60 s"
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the other end closed
            break
        if not chunk:
            break
        data += chunk
    os.close(master)
    assert proc.wait(timeout=60) == 1
    assert b"\x1b[31m" in data  # it did colour the verdict: a terminal was detected
    screen = pyte.Screen(200, 60)
    pyte.ByteStream(screen).feed(data)
    shown = [line.rstrip() for line in screen.display if line.strip()]
    verdict = f"{forged}: oppfyller ikke forskriften (feil: 1, advarsler: 0, bestått: 15)"
    assert shown[-1] == verdict, shown
    assert not any(line.startswith("examples/x.yaml: oppfyller forskriften") for line in shown), shown
    assert len(shown) >= 2  # the screen was not cleared: the failing rule is there too
    assert any("practice-weeks" in line for line in shown), shown


def test_github_and_markdown_keep_file_names_and_values_inert(run_cli, forged, tmp_path):
    hostile = tmp_path / "x\n::error file=y::z [a](http:evil) ![i](j) @team <b>.yaml"
    hostile.write_bytes(forged.read_bytes())
    result = run_cli("check", hostile, "--as-of", AS_OF, "--format", "github")
    assert result.returncode == 1, str(result)
    for line in result.stdout.splitlines():
        assert line.startswith(("::error file=", "::warning file=", "::notice file=")) or not line.startswith(("::", "##")), line
    assert not CONTROL.search(result.stdout)
    commands = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert commands and all("::add-mask" not in c.split("::", 2)[1] for c in commands)
    # GitHub's own escaping of properties: the name's ':' and ',' cannot end the property list.
    assert all("file=" in c and "::error file=y" not in c for c in commands)

    result = run_cli("check", hostile, "--as-of", AS_OF, "--format", "markdown")
    assert result.returncode == 1, str(result)
    headings = [line for line in result.stdout.splitlines() if line.startswith("### ")]
    assert len(headings) == 1 and "x\\n::error" in headings[0]  # one line: the name's newline is shown, not kept
    body = re.sub(r"`[^`]*`", "", result.stdout)  # code spans render as they are written: inert
    # Escaped: no link, no image, no HTML; what is left reads as the name did.
    assert "\\[a\\](http:evil)" in body and "\\!\\[i\\](j)" in body and "<b>" not in body and "&lt;b&gt;" in body
    assert "@team" not in body and "@\u2060team" in body  # a mention that notifies nobody
    assert not CONTROL.search(body)


def test_a_file_name_that_is_not_utf8_is_shown_the_same_way_in_every_format(forged, tmp_path, rusplan_env, repo_root):
    name = os.fsencode(tmp_path) + b"/plan-\xff.yaml"
    with open(name, "wb") as handle:
        handle.write(forged.read_bytes())
    shown = f"{tmp_path}/plan-\\xff.yaml"  # the undecodable byte as \xff, in every format
    for fmt in ("text", "json", "sarif", "junit", "markdown", "github", "html"):
        out = tmp_path / f"report.{fmt}"
        proc = subprocess.run(
            [sys.executable, "-m", "rusplan", "check", name, "--as-of", AS_OF, "--format", fmt, "-o", str(out)],
            capture_output=True, env=rusplan_env, cwd=repo_root, timeout=120,
        )
        assert proc.returncode == 1, (fmt, proc.stderr.decode(errors="replace"))
        assert b"Traceback" not in proc.stderr
        text = out.read_bytes().decode("utf-8")  # valid UTF-8: no raw 0xFF, no lone surrogate
        if fmt == "json":
            assert {f["path"] for f in json.loads(text)["files"]} == {shown}
        elif fmt == "sarif":  # a URI names the real bytes
            results = json.loads(text)["runs"][0]["results"]
            assert results and all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("/plan-%FF.yaml") for r in results)
        else:
            assert shown.replace(str(tmp_path), "") in text, fmt
    # On standard output too (it used to hold a raw 0xFF byte), and with a strict UTF-8 stdout.
    proc = subprocess.run(
        [sys.executable, "-m", "rusplan", "check", name, "--as-of", AS_OF, "--format", "json"],
        capture_output=True, env={**rusplan_env, "PYTHONIOENCODING": "utf-8:strict"}, cwd=repo_root, timeout=120,
    )
    assert proc.returncode == 1 and b"\xff" not in proc.stdout, proc.stderr.decode(errors="replace")
    assert json.loads(proc.stdout)["files"][0]["path"] == shown


def test_a_newline_in_a_key_keeps_the_reason_on_one_line(run_cli, tmp_path, repo_root):
    text = (repo_root / "tests/corpus/practice-unknown-course.yaml").read_text(encoding="utf-8")
    path = tmp_path / "key.yaml"
    path.write_text(text.replace("  credits: 60", '  "credits\\n::error::forged": 60'), encoding="utf-8")
    result = run_cli("check", path, "--lang", "en", "--no-color")
    assert result.returncode == 2, str(result)
    [reason] = [line for line in result.stdout.splitlines() if "is not a key of the format" in line]
    assert reason.startswith(f"{path}:7:3: could not be checked: programme: 'credits\\n::error::forged' is not a key of the format")
    assert not any(line.startswith("::") for line in result.stdout.splitlines())


def test_the_batch_table_caps_a_one_megabyte_name(run_cli, tmp_path, examples_dir):
    text = (examples_dir / "compliant.yaml").read_text(encoding="utf-8")
    long = text.replace("institution: Høgskolen i Fjordane", "institution: " + "Høgskolen " * 100_000)
    for i in range(20):
        (tmp_path / f"p{i:02}.yaml").write_text(long, encoding="utf-8")
    result = run_cli("check", tmp_path, "--as-of", AS_OF, "--quiet", "--no-color", "--jobs", "1")
    assert result.returncode == 0, str(result)[-2000:]
    rows = [line for line in result.stdout.splitlines() if line.endswith(".yaml") and "oppfyller" in line]
    assert len(rows) == 20 and max(len(r) for r in rows) < 300
    assert rows[0].startswith("Høgskolen Høgskolen") and "…" in rows[0]
    assert len(result.stdout) < 100_000  # 201 files used to give 203 MB


# --- writing ---------------------------------------------------------------------------------

def test_a_full_disk_is_one_line_and_exit_2(run_cli, examples_dir, tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    for args in (("check", examples_dir / "compliant.yaml", "-o", "/dev/full", "--force"), ("init", "/dev/full", "--force")):
        result = run_cli(*args, "--lang", "en")
        assert result.returncode == 2, str(result)
        assert result.stderr == "rusplan: cannot write /dev/full: No space left on device\n", str(result)
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "rusplan", "check", str(examples_dir / "compliant.yaml"), "--lang", "en"],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr == "rusplan: cannot write standard output: No space left on device\n"


def test_an_unwritable_target_is_one_line_and_the_previous_report_survives(run_cli, examples_dir, tmp_path):
    result = run_cli("check", examples_dir / "compliant.yaml", "-o", tmp_path / "missing" / "r.json", "--lang", "en")
    assert result.returncode == 2 and result.stderr.startswith("rusplan: cannot write ") and result.stderr.count("\n") == 1, str(result)
    report = tmp_path / "r.json"
    report.write_text("previous\n", encoding="utf-8")
    report.chmod(0o640)
    # A file that cannot be checked at all: the report is still written, complete, and replaces the old one.
    result = run_cli("check", examples_dir / "compliant.yaml", "--format", "json", "-o", report, "--force")
    assert result.returncode == 0, str(result)
    assert json.loads(report.read_text(encoding="utf-8"))["summary"]["passed"] == 1
    assert report.stat().st_mode & 0o777 == 0o640  # the replaced file keeps its permissions
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]  # no temporary file left
    # Through a symbolic link, the file it names is replaced and the link stays a link.
    link = tmp_path / "link.json"
    link.symlink_to(report.name)
    result = run_cli("check", examples_dir / "compliant.yaml", "--format", "sarif", "-o", link, "--force")
    assert result.returncode == 0, str(result)
    assert link.is_symlink() and json.loads(report.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_output_never_names_an_input_not_even_a_rules_file(run_cli, examples_dir, repo_root, tmp_path):
    rules = tmp_path / "rules.yaml"
    original = (repo_root / "rules" / "tverrfaglig-psykisk-helse-rus.yaml").read_bytes()
    rules.write_bytes(original)
    for args in (
        ("check", examples_dir / "compliant.yaml", "--rules", rules, "-o", rules, "--force"),
        ("check", examples_dir / "compliant.yaml", "--rules", tmp_path, "-o", rules, "--force"),
        ("matrix", examples_dir / "compliant.yaml", "--rules", rules, "-o", rules, "--force"),
        ("init", rules, "--rules", rules, "--force"),
    ):
        result = run_cli(*args, "--lang", "en")
        assert result.returncode == 2, str(result)
        assert result.stderr == f"rusplan: {rules} is a rules file this run reads; rusplan never writes to it\n", str(result)
        assert rules.read_bytes() == original


def test_jobs_are_capped_at_the_cpu_count(run_cli, examples_dir):
    cpus = os.cpu_count() or 1
    result = run_cli("check", examples_dir, "--jobs", "1000", "--as-of", AS_OF, "--quiet", "--lang", "en")
    assert result.returncode == 2 or result.returncode == 1, str(result)
    assert result.stderr.splitlines()[0] == f"rusplan: --jobs 1000 is more than the CPUs ({cpus}); using {cpus}"


@pytest.mark.parametrize(
    "old, new, code, fragment",
    [
        ("  semesters: 4\n", "  semesters: 4.0\n", 0, ""),
        ("  credits: 60\n", "  credits: " + "6" * 4_400 + "\n", 2, "is a number of 4400 characters"),
    ],
    ids=["semesters-4.0", "credits-4400-digits"],
)
def test_matrix_reads_numbers_like_check(run_cli, programme_variant, old, new, code, fragment):
    path = programme_variant({old: new})
    result = run_cli("matrix", path, "--lang", "en")
    assert "Traceback" not in result.output
    assert result.returncode == code, str(result)
    assert fragment in result.stderr


# --- folder walks ----------------------------------------------------------------------------

def test_a_walk_checks_near_misses_and_says_what_it_skipped(run_cli, examples_dir, tmp_path):
    """One compliant file and five meant as programmes used to exit 0: the five were skipped silently."""
    text = (examples_dir / "compliant.yaml").read_text(encoding="utf-8")
    (tmp_path / "ok.yaml").write_text(text, encoding="utf-8")
    variants = {
        "version.yaml": "format: rusplan/v1.0\n",
        "space.yaml": 'format: "rusplan/v1 "\n',
        "key.yaml": "fromat: rusplan/v1\n",
        "cyrillic.yaml": "format: rusplаn/v1\n",
    }
    for name, line in variants.items():
        (tmp_path / name).write_text(text.replace("format: rusplan/v1\n", line), encoding="utf-8")
    (tmp_path / "UPPER.YAML").write_text(text.replace("weeks: 5\n", "weeks: 1\n", 1), encoding="utf-8")
    (tmp_path / "compose.yml").write_text("services:\n  web:\n    image: nginx\n", encoding="utf-8")
    (tmp_path / "openapi.yaml").write_text("format: openapi/3\n", encoding="utf-8")
    (tmp_path / "ci.yaml").write_text("jobs: {}\n", encoding="utf-8")
    result = run_cli("check", tmp_path, "--as-of", AS_OF, "--quiet", "--no-color")
    assert result.returncode == 2, str(result)
    lines = result.stdout.splitlines()
    for name in variants:
        assert any(line.startswith(f"{tmp_path / name}:") and "mente du" in line for line in lines), name
    assert any(line.startswith(f"{tmp_path / 'UPPER.YAML'}: oppfyller ikke forskriften") for line in lines)
    assert lines[-3] == messages.text("batch-total", "nb", files=6, passed=1, failed=1, invalid=4)
    missing = messages.text("not-a-programme", "nb", found="-", expected="'rusplan/v1', 'rusplan-lis/v1'")
    other = messages.text("not-a-programme", "nb", found="'openapi/3'", expected="'rusplan/v1', 'rusplan-lis/v1'")
    assert lines[-2:] == [
        messages.text("skipped-files", "nb", count=2, reason=missing),
        messages.text("skipped-files", "nb", count=1, reason=other),
    ]
    # Formats without room for it say it on stderr, so the report itself stays what its schema says.
    result = run_cli("check", tmp_path, "--as-of", AS_OF, "--format", "json", "--lang", "en")
    assert result.returncode == 2
    assert len(result.json()["files"]) == 6
    assert result.stderr.splitlines() == [
        "rusplan: " + messages.text("skipped-files", "en", count=2, reason=messages.text("not-a-programme", "en", found="-", expected="'rusplan/v1', 'rusplan-lis/v1'")),
        "rusplan: " + messages.text("skipped-files", "en", count=1, reason=messages.text("not-a-programme", "en", found="'openapi/3'", expected="'rusplan/v1', 'rusplan-lis/v1'")),
    ]


@pytest.mark.parametrize("fmt", ["text", "csv", "markdown", "html"])
def test_the_matrix_carries_no_control_character(run_cli, programme_variant, fmt):
    path = programme_variant(
        {"institution: Høgskolen i Fjordane": f'institution: "Høgskolen {FORGED}"',
         "name: Praksis i kommunal psykisk helse- og rustjeneste": 'name: "Praksis\\e[2J\\r\\n::warning::x\\u202e"'}
    )
    result = run_cli("matrix", path, "--format", fmt, "--no-color")
    assert result.returncode == 0, str(result)
    assert not CONTROL.search(result.stdout), repr(CONTROL.search(result.stdout))
    assert not any(line.lstrip().startswith("::") for line in result.stdout.splitlines())
    assert "x1b[2J" in result.stdout  # shown as an escape (doubled in Markdown), not sent


def test_a_batch_of_numbers_that_used_to_crash_writes_its_whole_report(run_cli, repo_root, tmp_path):
    """Before issue 12 the first of these ended the run with a traceback and left -o r.json at 0 bytes."""
    corpus = repo_root / "tests" / "corpus"
    names = ["number-over-4300-digits.yaml", "number-float-overflow.yaml", "bad-outcome-ref-4301-digits.yaml",
             "accepted/semesters-as-float.yaml", "tag-on-key.yaml", "anchor-alias-repeat-practice.yaml"]
    folder = tmp_path / "in"
    folder.mkdir()
    for name in names:
        (folder / name.replace("/", "-")).write_bytes((corpus / name).read_bytes())
    report = tmp_path / "r.json"
    result = run_cli("check", folder, "--as-of", AS_OF, "--format", "json", "-o", report, "--jobs", "2")
    assert result.returncode == 2 and "Traceback" not in result.output, str(result)
    verdicts = {Path(f["path"]).name: f["verdict"] for f in json.loads(report.read_text(encoding="utf-8"))["files"]}
    assert verdicts == {
        "accepted-semesters-as-float.yaml": "pass",
        "anchor-alias-repeat-practice.yaml": "invalid",
        "bad-outcome-ref-4301-digits.yaml": "fail",
        "number-float-overflow.yaml": "invalid",
        "number-over-4300-digits.yaml": "invalid",
        "tag-on-key.yaml": "invalid",
    }


@pytest.mark.parametrize(
    "line, shown",
    [
        ("::error file=x::y", "\\x3a:error file=x::y"),
        ("  ::add-mask::secret", "  \\x3a:add-mask::secret"),
        ("##[error]x", "\\x23#[error]x"),
        ("##vso[task.setvariable]x", "\\x23#vso[task.setvariable]x"),
        ("path: a ::b", "path: a ::b"),  # only a line's start makes a command
    ],
)
def test_no_line_starts_a_workflow_command(line, shown):
    from rusplan.reporters.escape import safe_line

    assert safe_line(line) == shown


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("a\x1b[2Jb", "a\\x1b[2Jb"),
        ("a\r\nb\tc", "a\\r\\nb\\tc"),
        ("x\x7fy\x85z\x9b", "x\\x7fy\\x85z\\x9b"),
        ("\u202eevil\u2066\u2069", "\\u202eevil\\u2066\\u2069"),
        ("\u2028", "\\u2028"),
        (b"plan-\xff.yaml".decode("utf-8", "surrogateescape"), "plan-\\xff.yaml"),
        ("Høgskulen på Vestlandet – «PHR»", "Høgskulen på Vestlandet – «PHR»"),  # ordinary text as it is
    ],
)
def test_visible_escapes_every_control_and_bidi_character(raw, shown):
    from rusplan.reporters.escape import visible

    assert visible(raw) == shown
    assert visible(visible(raw)) == shown  # once is enough: escaping again changes nothing


def test_did_you_mean_is_bounded():
    """Only names of at most 64 characters are compared, and a file's suggester stops after
    20,000 comparisons (similar.py): a misspelling is still reported past it, without a suggestion."""
    from rusplan.core.similar import MAX_COMPARISONS, MAX_LENGTH, Suggester, closest

    assert closest("PHR100x", ["PHR1001", "SYK200"], cutoff=0.6) == "PHR1001"
    long = "P" * MAX_LENGTH
    assert closest(long[:-1] + "x", [long], cutoff=0.6) == long
    assert closest(long + "x", [long + "y"], cutoff=0.6) is None  # 65 characters: not compared
    codes = [f"PHR{i:05}" for i in range(1_000)]
    suggest = Suggester(codes, cutoff=0.6)
    answers = [suggest(f"PHX{i:05}") for i in range(MAX_COMPARISONS // len(codes) + 5)]
    assert answers[: MAX_COMPARISONS // len(codes)] == [f"PHR{i:05}" for i in range(MAX_COMPARISONS // len(codes))]
    assert answers[MAX_COMPARISONS // len(codes):] == [None] * 5
    assert suggest("PHX00000") == "PHR00000"  # remembered, at no cost
