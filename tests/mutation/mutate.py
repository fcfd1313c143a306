"""Mutation run: does the test suite notice a wrong transcription or a flipped comparison?

Each mutant is one small edit to one line of a copy of the repository:

- in ``rules/*.yaml`` (found from the YAML nodes, so only values change, never keys):
  a number + 1, a date one day later, a term's season swapped (2023-autumn ->
  2023-spring), a comparison operator flipped (">=" -> ">"), a boolean flipped,
  one item dropped from a list of values, an id or a profession's name renamed,
  a word dropped from an outcome text or a quoted sentence;
- in the Python modules named by ``--src`` (the check functions, model, engine
  and reporters by default): a comparison operator flipped ("<" <-> "<=",
  "==" <-> "!="), "and" <-> "or", True <-> False, an integer + 1.

For each mutant the chosen tests run (``pytest -x``: the first failure kills
it) with the copy's ``src/`` first on ``PYTHONPATH``; a mutant the tests do not
notice is a *survivor*, listed with its file, line and edit.  Lists of
accepted spellings (``aliases``, ``terms``) and user-facing wording (titles, messages,
descriptions, examples) are not mutated: a missing alias makes a value "not
recognised" (never a false verdict), and wording is checked by the snapshot
and message tests, not by this run.  A vocabulary entry (a profession, a
practice kind) changes as a whole: the mutant drops it.

    python tests/mutation/mutate.py --only rules --jobs 2 --focused
    python tests/mutation/mutate.py --only src --sample 80 --seed 1
    python tests/mutation/mutate.py --list            # the mutants, without running

A whole src/ run is quickest with a per-test coverage map, so that each
mutant meets only the tests that execute its line (the rusplan processes the
tests start included)::

    # rc: [run] source = src/rusplan, parallel = True, data_file = /tmp/cov/.coverage
    # /tmp/site/sitecustomize.py: if COVERAGE_PROCESS_START is set, call
    #   coverage.process_startup() and switch its context to the text of $MUT_CONTEXT_FILE
    COVERAGE_PROCESS_START=rc MUT_CONTEXT_FILE=/tmp/cov/context PYTHONPATH=src:tests/mutation:/tmp/site \
        coverage run --rcfile=rc -m pytest -p no:randomly -p percontext <the default tests>
    coverage combine --rcfile=rc
    python tests/mutation/mutate.py --only src --coverage /tmp/cov/.coverage --jobs 2

percontext.py names each test's coverage context after its pytest node id.
A mutant that outlives every test running its line is a survivor; only lines
that no test runs (they run at import) meet the whole set.  Batch workers end
with os._exit and are not measured; their code also runs in-process.

This is a script, not a test (tests/conftest.py does not collect it): a full
run takes tens of minutes.  Exit status 0 when no mutant survived, 1 otherwise.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as dt
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import tokenize
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

import yaml

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SRC = [
    "src/rusplan/core/checks.py",
    "src/rusplan/kinds/programme/checks.py",
    "src/rusplan/kinds/programme/model.py",
    "src/rusplan/core/spellings.py",
    "src/rusplan/core/engine.py",
    "src/rusplan/reporters/*.py",
]
# Slow modules whose subject is robustness, not verdicts; a mutant they alone
# would catch is reported as a survivor (then run it with --tests tests).
SLOW_TESTS = ["tests/test_properties.py", "tests/test_limits.py", "tests/test_browser.py", "tests/test_installed.py", "tests/test_signals.py"]
# The modules most likely to notice a mutant run first (pytest -x stops at
# the first failure, so a killed mutant costs seconds, not the whole suite).
FIRST_TESTS = ["tests/test_transcription.py", "tests/test_rules_as_data.py", "tests/test_rules.py", "tests/test_checks.py"]


def default_tests() -> list[str]:
    rest = sorted(str(p.relative_to(REPO)) for p in (REPO / "tests").rglob("test_*.py") if "corpus" not in p.parts)
    return [t for t in FIRST_TESTS if (REPO / t).is_file()] + [t for t in rest if t not in FIRST_TESTS and t not in SLOW_TESTS]


# The tests that pin verdicts and the transcription: a quick first pass for --focused.
FOCUSED_TESTS = FIRST_TESTS + ["tests/test_real_plans.py", "tests/kinds/programme/test_matrix.py"]

# Rules-file keys whose values are prose for people, or accepted spellings.
PROSE_KEYS = {"title", "title_en", "name_en", "message", "messages", "pass_message", "description", "examples", "hint", "nb", "nn", "en", "aliases", "terms", "source"}
TEXT_KEYS = {"text", "quote", "name"}  # regulation text: drop one word
RENAME_KEYS = {"id"}
OPS = {"==": "!=", "!=": "==", ">=": ">", ">": ">=", "<=": "<", "<": "<="}
SEASONS = {"autumn": "spring", "spring": "autumn"}


@dataclass
class Mutant:
    file: str
    line: int
    description: str
    start: int  # character offsets into the file's text
    end: int
    replacement: str


# --------------------------------------------------------------------------
# rules/*.yaml
# --------------------------------------------------------------------------


def _line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole lines holding text[start:end], newline included."""
    begin = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    return begin, (len(text) if stop == -1 else stop + 1)


def _yaml_value_mutations(scalar: yaml.ScalarNode, key: str | None) -> list[tuple[str, str]]:
    value = scalar.value
    out: list[tuple[str, str]] = []
    if scalar.tag.endswith(":int") or (scalar.style is None and re.fullmatch(r"-?\d+", value)):
        out.append((str(int(value) + 1), f"{value} -> {int(value) + 1}"))
    elif scalar.style is None and re.fullmatch(r"-?\d+\.\d+", value):
        bumped = f"{float(value) + 1:g}"
        out.append((bumped, f"{value} -> {bumped}"))
    elif scalar.style is None and value in ("true", "false"):
        flipped = "false" if value == "true" else "true"
        out.append((flipped, f"{value} -> {flipped}"))
    elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        later = (dt.date.fromisoformat(value) + dt.timedelta(days=1)).isoformat()
        out.append((f'"{later}"', f"{value} -> {later}"))
    elif re.fullmatch(r"\d{2}-\d{2}", value):
        later = (dt.date.fromisoformat(f"2001-{value}") + dt.timedelta(days=1)).strftime("%m-%d")
        out.append((f'"{later}"', f"{value} -> {later} (day of the year)"))
    elif re.fullmatch(r"\d{4}-(autumn|spring)", value):
        year, season = value.split("-")
        out.append((f"{year}-{SEASONS[season]}", f"{value} -> {year}-{SEASONS[season]}"))
    elif value in OPS:
        out.append((f'"{OPS[value]}"', f"op {value} -> {OPS[value]}"))
    elif key in RENAME_KEYS and value:
        out.append((f'"{value}-x"', f"id {value} -> {value}-x"))
    elif key in TEXT_KEYS and len(value.split()) > 1:
        words = value.split()
        dropped = " ".join(words[:-1])
        out.append((json.dumps(dropped, ensure_ascii=False), f"{key}: dropped last word {words[-1]!r}"))
    return out


def rules_mutants(path: Path) -> list[Mutant]:
    text = path.read_text(encoding="utf-8")
    rel = str(path.relative_to(REPO))
    root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    mutants: list[Mutant] = []

    def add(node: yaml.Node, replacement: str, description: str, *, whole_item: bool = False) -> None:
        start, end = node.start_mark.index, node.end_mark.index
        mutants.append(Mutant(rel, node.start_mark.line + 1, description, start, end, replacement))

    def walk(node: yaml.Node, key: str | None, parents: tuple) -> None:
        if key in PROSE_KEYS:
            return
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                walk(v, k.value if isinstance(k, yaml.ScalarNode) else None, parents + (key,))
        elif isinstance(node, yaml.SequenceNode):
            items = node.value
            for index, item in enumerate(items):
                walk(item, key, parents)
                if isinstance(item, yaml.ScalarNode) and len(items) > 1:
                    _drop_item(text, rel, node, index, mutants)
                elif isinstance(item, yaml.MappingNode) and key in ("entries",) and len(items) > 1:
                    _drop_item(text, rel, node, index, mutants)
        elif isinstance(node, yaml.ScalarNode):
            if key == "id" and "entries" in parents:
                return  # a vocabulary entry changes as a whole: the dropped-entry mutant
            for replacement, description in _yaml_value_mutations(node, key):
                add(node, replacement, f"{'.'.join(p for p in parents[1:] + (key,) if p)}: {description}")

    walk(root, None, ())
    return mutants


def _drop_item(text: str, rel: str, seq: yaml.SequenceNode, index: int, mutants: list[Mutant]) -> None:
    item = seq.value[index]
    shown = item.value if isinstance(item, yaml.ScalarNode) else _entry_id(item)
    if seq.flow_style:
        # [a, b, c]: drop "b, " (or ", c" for the last one)
        if index + 1 < len(seq.value):
            start, end = item.start_mark.index, seq.value[index + 1].start_mark.index
        else:
            start, end = seq.value[index - 1].end_mark.index, item.end_mark.index
        mutants.append(Mutant(rel, item.start_mark.line + 1, f"dropped list item {shown!r}", start, end, ""))
    else:
        start, end = _line_span(text, item.start_mark.index, item.end_mark.index - 1 if item.end_mark.index else 0)
        mutants.append(Mutant(rel, item.start_mark.line + 1, f"dropped list item {shown!r}", start, end, ""))


def _entry_id(node: yaml.MappingNode) -> str:
    for k, v in node.value:
        if k.value == "id" and isinstance(v, yaml.ScalarNode):
            return v.value
    return "?"


# --------------------------------------------------------------------------
# Python
# --------------------------------------------------------------------------

PY_OPS = {"<": "<=", "<=": "<", ">": ">=", ">=": ">", "==": "!=", "!=": "=="}
PY_NAMES = {"and": "or", "or": "and", "True": "False", "False": "True"}


def python_mutants(path: Path) -> list[Mutant]:
    text = path.read_text(encoding="utf-8")
    rel = str(path.relative_to(REPO))
    offsets = [0]
    for line in text.splitlines(keepends=True):
        offsets.append(offsets[-1] + len(line))
    mutants: list[Mutant] = []
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        (row, col), (erow, ecol) = token.start, token.end
        if token.type in (tokenize.ENDMARKER, tokenize.NEWLINE, tokenize.NL, tokenize.DEDENT):
            continue
        start, end = offsets[row - 1] + col, offsets[erow - 1] + ecol
        source_line = text[offsets[row - 1] : offsets[row]].strip()
        if source_line.startswith(("def ", "class ", "@", "import ", "from ")) or '"""' in source_line:
            continue
        if token.type == tokenize.OP and token.string in PY_OPS:
            new = PY_OPS[token.string]
            mutants.append(Mutant(rel, row, f"{token.string} -> {new}: {source_line[:80]}", start, end, new))
        elif token.type == tokenize.NAME and token.string in PY_NAMES:
            new = PY_NAMES[token.string]
            mutants.append(Mutant(rel, row, f"{token.string} -> {new}: {source_line[:80]}", start, end, new))
        elif token.type == tokenize.NUMBER and re.fullmatch(r"\d+", token.string):
            new = str(int(token.string) + 1)
            mutants.append(Mutant(rel, row, f"{token.string} -> {new}: {source_line[:80]}", start, end, new))
    return mutants


# --------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------


def make_copy(base: Path) -> Path:
    """A copy of the repository at base/repo, with ../shared beside it as the tests expect."""
    shared = (REPO.parent / "shared").resolve()
    if shared.is_dir():
        os.symlink(shared, base / "shared")
    ignore = shutil.ignore_patterns(".git", "__pycache__", "*.egg-info", ".pytest_cache", ".hypothesis", "bench-data", "venv", ".venv")
    shutil.copytree(REPO, base / "repo", ignore=ignore, symlinks=True)
    return base / "repo"


def run_mutant(mutant: Mutant, copy: Path, tests: list[str], timeout: int) -> tuple[str, str]:
    target = copy / mutant.file
    original = target.read_text(encoding="utf-8")
    mutated = original[: mutant.start] + mutant.replacement + original[mutant.end :]
    assert mutated != original, mutant
    target.write_text(mutated, encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = str(copy / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env["RUSPLAN_NO_CACHE"] = "1"
    env.pop("PYTEST_ADDOPTS", None)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--no-header", *tests],
            cwd=copy,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        verdict = "killed" if proc.returncode != 0 else "survived"
        lines = [line for line in proc.stdout.splitlines() if line.startswith("FAILED") or line.startswith("ERROR")]
        detail = lines[0] if lines else proc.stdout.strip().splitlines()[-1:] and proc.stdout.strip().splitlines()[-1]
    except subprocess.TimeoutExpired:
        verdict, detail = "killed", f"timeout after {timeout} s"
    finally:
        target.write_text(original, encoding="utf-8")
    return verdict, str(detail)


NOT_RUN = "no test runs this line"


def covering_tests(datafile: str) -> Callable[[Mutant], list[str]]:
    """For each mutant, the tests that run its line, from a coverage file with one context per test.

    Make the file as the module docstring says; a line no test runs (one that
    runs only at import) gets no tests here and goes on to the whole set.
    """
    import coverage

    data = coverage.CoverageData(basename=datafile)
    data.read()
    by_file: dict[str, dict[int, list[str]]] = {}
    for measured in data.measured_files():
        by_file[os.path.realpath(measured)] = data.contexts_by_lineno(measured)

    def tests(mutant: Mutant) -> list[str]:
        lines = by_file.get(os.path.realpath(REPO / mutant.file), {})
        return sorted({c for c in lines.get(mutant.line, []) if c})

    return tests


def run_all(mutants: list[Mutant], copies: list[Path], tests, timeout: int) -> list[tuple[Mutant, str, str]]:
    """Run every mutant, each in a free copy of the repository; print a line per mutant as it ends.

    `tests` is a list of test paths, or a function giving a mutant its own list
    (an empty list: no test runs the line, so the mutant survives this stage unrun).
    """
    free = list(copies)
    results: list[tuple[Mutant, str, str]] = []
    with concurrent.futures.ThreadPoolExecutor(len(copies)) as pool:
        pending = {}
        queue = list(mutants)
        while queue or pending:
            while queue and free:
                mutant = queue.pop(0)
                chosen = tests(mutant) if callable(tests) else tests
                if not chosen:
                    results.append((mutant, "survived", NOT_RUN))
                    continue
                copy = free.pop()
                pending[pool.submit(run_mutant, mutant, copy, chosen, timeout)] = (mutant, copy)
            if not pending:
                continue
            done, _ = concurrent.futures.wait(pending, return_when=concurrent.futures.FIRST_COMPLETED)
            for future in done:
                mutant, copy = pending.pop(future)
                free.append(copy)
                verdict, detail = future.result()
                results.append((mutant, verdict, detail))
                mark = "survived" if verdict == "survived" else "killed  "
                print(f"[{len(results)}/{len(mutants)}] {mark} {mutant.file}:{mutant.line}: {mutant.description}", flush=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("rules", "src", "all"), default="all")
    parser.add_argument("--src", nargs="*", default=DEFAULT_SRC, help="Python files (globs) to mutate")
    parser.add_argument("--tests", nargs="*", default=None, help="test paths to run (default: tests/ without the slow robustness modules)")
    parser.add_argument("--sample", type=int, default=0, help="run a random sample of N mutants (0: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--match", default="", help="only mutants whose file:line description contains this text")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--timeout", type=int, default=600, help="seconds per mutant; a mutant that hangs the tests counts as killed")
    parser.add_argument("--focused", action="store_true",
                        help="run the transcription tests first, then the verdict tests (FOCUSED_TESTS), and only the survivors against the whole set")
    parser.add_argument("--coverage", metavar="DATAFILE",
                        help="run each mutant against only the tests that execute its line (a per-test coverage file); only lines no test runs meet the whole set")
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    parser.add_argument("--json", help="write every mutant's outcome to this file")
    args = parser.parse_args(argv)

    mutants: list[Mutant] = []
    if args.only in ("rules", "all"):
        for path in sorted((REPO / "rules").glob("*.yaml")):
            mutants += rules_mutants(path)
    if args.only in ("src", "all"):
        for pattern in args.src:
            for path in sorted(REPO.glob(pattern)):
                if path.name != "__init__.py" or pattern.endswith("__init__.py"):
                    mutants += python_mutants(path)
    if args.match:
        mutants = [m for m in mutants if args.match in f"{m.file}:{m.line} {m.description}"]
    if args.sample and args.sample < len(mutants):
        mutants = sorted(random.Random(args.seed).sample(mutants, args.sample), key=lambda m: (m.file, m.start))
    if args.list:
        for m in mutants:
            print(f"{m.file}:{m.line}: {m.description}")
        print(f"{len(mutants)} mutants")
        return 0

    tests = args.tests if args.tests is not None else default_tests()
    # --focused: each mutant meets the cheapest tests first and goes on only while it survives.
    # (The transcription tests alone come first only for rules mutants: they never see the code.)
    first = [FIRST_TESTS[:1], FOCUSED_TESTS] if args.only == "rules" else [FOCUSED_TESTS]
    stages = [[t for t in stage if (REPO / t).is_file()] for stage in first] if args.focused else []
    if args.coverage:
        stages.insert(0, covering_tests(args.coverage))
    stages.append(tests)
    jobs = max(1, min(args.jobs, os.cpu_count() or 1))
    base = Path(tempfile.mkdtemp(prefix="rusplan-mutation-"))
    copies = []
    for n in range(jobs):
        (base / str(n)).mkdir()
        copies.append(make_copy(base / str(n)))
    try:
        results = run_all(mutants, copies, stages[0], args.timeout)
        for stage in stages[1:]:
            # With a coverage map, a mutant that outlived every test running its line is a survivor
            # already; only the lines no test runs (module level: imports, constants) go on.
            again = [m for m, verdict, detail in results if verdict == "survived" and (not args.coverage or detail == NOT_RUN)]
            print(f"\n{len(again)} survived; running them against {' '.join(stage)}", flush=True)
            confirmed = {id(m): (v, d) for m, v, d in run_all(again, copies, stage, args.timeout)}
            results = [(m, *confirmed.get(id(m), (v, d))) for m, v, d in results]
    finally:
        shutil.rmtree(base, ignore_errors=True)

    results.sort(key=lambda r: (r[0].file, r[0].start))
    survivors = [r for r in results if r[1] == "survived"]
    print()
    print(f"{len(results)} mutants, {len(results) - len(survivors)} killed, {len(survivors)} survived")
    for mutant, _, _ in survivors:
        print(f"  survivor {mutant.file}:{mutant.line}: {mutant.description}")
    if args.json:
        Path(args.json).write_text(
            json.dumps([{**asdict(m), "verdict": v, "detail": d} for m, v, d in results], ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
