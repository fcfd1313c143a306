"""Property tests (issue 4): no input makes rusplan crash, hang or pass a non-compliant programme.

(a) arbitrary bytes, (b) random edits of the examples: the answer is always exit code 0, 1 or 2
and never a traceback.  (c) soundness: whenever an edited example comes out compliant, an
independent oracle (plain `yaml.safe_load` and a small re-implementation of the main rules,
with every figure read from the rules file, not from rusplan's Python) agrees.

Examples run in-process through `checker.check_file` and the text reporter, as `rusplan check`
does for one file; a few go through the real command via typer's CliRunner.  `signal.alarm`
around each example is a hang guard (an input that makes rusplan loop forever fails the test
instead of stalling CI), not a speed assertion: the bound is 100 times what a check takes.

Hypothesis runs derandomized so CI is deterministic.  To search further on your own machine:
RUSPLAN_PROPERTY_SCALE=50 python -m pytest tests/test_properties.py  (random seeds, 50x examples).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import signal
from fractions import Fraction

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rusplan.core.pipeline import Options, check_file
from rusplan.reporters import RenderContext, write
from rusplan.core.result import exit_code

from conftest import AS_OF, EXAMPLES_DIR, REPO_ROOT

SCALE = int(os.environ.get("RUSPLAN_PROPERTY_SCALE", "1"))
settings.register_profile(
    "rusplan-ci",
    derandomize=SCALE == 1,
    database=None,
    deadline=None,  # timing is never asserted; the hang guard below bounds a stuck example
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
CI = settings.get_profile("rusplan-ci")
HANG_GUARD_SECONDS = 20


def examples(n: int) -> settings:
    return settings(CI, max_examples=n * SCALE)


class Hang(Exception):
    pass


@contextlib.contextmanager
def hang_guard(seconds: int = HANG_GUARD_SECONDS):
    """Fail an example that has not finished after `seconds` (a hang), without asserting speed."""
    if not hasattr(signal, "SIGALRM"):  # pragma: no cover - Windows
        yield
        return

    def on_alarm(signum, frame):
        raise Hang(f"no answer within {seconds} s: rusplan hangs on this input")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


EXAMPLES = {p.name: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES_DIR.glob("*.yaml"))}
COMPLIANT = [name for name in EXAMPLES if name.startswith("compliant")]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("properties")


def check_bytes(raw: bytes, workdir, rulesets, lang: str = "nb"):
    """Write `raw` to a file, check it like `rusplan check FILE`, render the text report; (exit code, report, text)."""
    path = workdir / "case.yaml"
    path.write_bytes(raw)
    out: list[str] = []
    with hang_guard():
        report = check_file(str(path), rulesets, Options(lang=lang, as_of=AS_OF))
        write("text", [report], RenderContext(lang=lang, rulesets=rulesets, as_of=AS_OF.isoformat()), out.append)
    code = exit_code([report])
    assert code in (0, 1, 2)
    text = "".join(out)
    assert "Traceback" not in text
    # Whatever the verdict, it is located and explained: a file that could not be checked says why.
    if code == 2:
        assert report.errors and all(p.message for p in report.errors)
    return code, report, text


# --- (a) arbitrary bytes ----------------------------------------------------------------------------

YAML_TOKENS = st.sampled_from(
    [":", ": ", "- ", "[", "]", "{", "}", ",", "#", "&a ", "*a", "!x ", "!!str ", "|", ">", "'", '"', "%", "@", "`",
     "? ", "<<: ", "---\n", "...\n", "\n", "\n  ", "\n    ", "\t", "a", "1", "010", "1:30", "yes", "~", "2024-01-01",
     "format", "rusplan/v1", "programme", "courses", "covers", "\u200b", "\x85", "\u2028", "ø"]
)
YAMLISH = st.lists(YAML_TOKENS, max_size=80).map(lambda parts: "".join(parts).encode("utf-8"))


@examples(300)
@given(raw=st.one_of(st.binary(max_size=3000), YAMLISH))
def test_arbitrary_bytes_never_crash(raw, workdir, bundled_rulesets):
    check_bytes(raw, workdir, bundled_rulesets)


# --- (b) edits of the examples ---------------------------------------------------------------------

RULES_FILE = REPO_ROOT / "rules" / "tverrfaglig-psykisk-helse-rus.yaml"  # the examples edited here are programmes
# Edits aim at the rules' thresholds: every number the rules compare with, and its neighbours.
BOUNDARIES = sorted(
    {max(int(v) + d, 0) for v in re.findall(r"\bvalue: ([0-9]+)\b", RULES_FILE.read_text(encoding="utf-8")) for d in (-1, 0, 1)} | {0}
)
KEY_VALUE = re.compile(r"^(\s*(?:- )?[A-Za-z_][\w-]*:[ \t]+)(\S.*?)(\r?\n?)$")
INT_VALUE = re.compile(r"^(\s*(?:- )?[A-Za-z_][\w-]*:[ \t]+)([0-9]+)(\r?\n?)$")
FLOW_LIST = re.compile(r"^(.*?\[)([^\[\]]*)(\].*)$", re.S)
QUOTED = re.compile(r'"[^"\n]*"')
OTHER_VALUES = ["42", "4.5", '"text"', "[a, 1]", "~", "", "{}", "true", "-1", '"60"', "[]", "0", "{a: 1}", "null", "'x'"]
ODD_CHARS = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\t", "\r", "\u00a0", "\u200b", "\u200f", "\u202e", "\u2028",
             "\ufeff", "\ufffe", "\ud800", "\udfff", "\U0001f600", "§", "ø", "\\", '"', "'", ":", "#", "-", "*", "&"]


def _index(draw, lines: list[str]) -> int:
    return draw(st.integers(0, max(len(lines) - 1, 0)))


def _matching(draw, lines: list[str], pattern: re.Pattern) -> int | None:
    candidates = [i for i, line in enumerate(lines) if pattern.match(line)]
    return draw(st.sampled_from(candidates)) if candidates else None


def delete_line(draw, lines):
    i = _index(draw, lines)
    return lines[:i] + lines[i + 1:]


def duplicate_line(draw, lines):
    i = _index(draw, lines)
    return lines[: i + 1] + lines[i:]


def _replace_value(draw, lines, pattern, new_value):
    """A line matching `pattern` with its value (group 2) replaced by `new_value(match)`."""
    i = _matching(draw, lines, pattern)
    if i is None:
        return lines
    m = pattern.match(lines[i])
    return lines[:i] + [f"{m.group(1)}{new_value(m)}{m.group(3) or chr(10)}"] + lines[i + 1:]


def swap_scalar_type(draw, lines):
    return _replace_value(draw, lines, KEY_VALUE, lambda m: draw(st.sampled_from(OTHER_VALUES)))


def insert_duplicate_key(draw, lines):
    i = _matching(draw, lines, KEY_VALUE)
    if i is None:
        return lines
    m = KEY_VALUE.match(lines[i])
    copy = f"{m.group(1)}{draw(st.sampled_from(OTHER_VALUES))}\n"
    return lines[: i + 1] + [copy] + lines[i + 1:]


def insert_unicode(draw, lines):
    i = _index(draw, lines)
    line = lines[i] if lines else ""
    at = draw(st.integers(0, len(line)))
    junk = draw(st.text(alphabet=st.one_of(st.characters(), st.sampled_from(ODD_CHARS)), min_size=1, max_size=4))
    return lines[:i] + [line[:at] + junk + line[at:]] + lines[i + 1:]


def change_number(draw, lines):
    """A number nudged, or set to one just below, at or above a figure of the rules file."""

    def nudged(m):
        old = int(m.group(2))
        return draw(st.one_of(st.integers(max(old - 2, 0), old + 2), st.sampled_from(BOUNDARIES)))

    return _replace_value(draw, lines, INT_VALUE, nudged)


def drop_list_item(draw, lines):
    i = _matching(draw, lines, FLOW_LIST)
    if i is None:
        return lines
    m = FLOW_LIST.match(lines[i])
    items = [x for x in m.group(2).split(",")]
    if len(items) > 1 or items[0].strip():
        del items[draw(st.integers(0, len(items) - 1))]
    return lines[:i] + [m.group(1) + ",".join(items) + m.group(3)] + lines[i + 1:]


def replace_quoted(draw, lines):
    i = _matching(draw, lines, re.compile(r'.*"[^"\n]*"'))
    if i is None:
        return lines
    spots = list(QUOTED.finditer(lines[i]))
    spot = draw(st.sampled_from(spots))
    new = draw(st.one_of(st.sampled_from(sorted(ORACLE.outcomes) + ["§ 4 a", "4A", " 18b ", "19z", "4", "", "x"]),
                         st.text(max_size=5)))
    new = '"' + new.replace("\\", "").replace('"', "") + '"'
    line = lines[i]
    return lines[:i] + [line[: spot.start()] + new + line[spot.end():]] + lines[i + 1:]


def truncate(draw, lines):
    """Cut the file anywhere, even inside a character (applied to the bytes at the end)."""
    return lines + [TRUNCATE]


TRUNCATE = object()
STRUCTURAL = [delete_line, duplicate_line, swap_scalar_type, insert_duplicate_key, insert_unicode, truncate]
SEMANTIC = [change_number, change_number, drop_list_item, replace_quoted, delete_line, duplicate_line]


@st.composite
def edited_example(draw, sources: list[str], operations: list) -> bytes:
    lines = EXAMPLES[draw(st.sampled_from(sources))].splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        lines = draw(st.sampled_from(operations))(draw, [line for line in lines if line is not TRUNCATE])
    raw = "".join(line for line in lines if line is not TRUNCATE).encode("utf-8", "surrogatepass")
    if lines and lines[-1] is TRUNCATE:
        raw = raw[: int(len(raw) * draw(st.floats(0, 1)))]
    return raw


@examples(300)
@given(raw=edited_example(list(EXAMPLES), STRUCTURAL + SEMANTIC))
def test_edited_examples_never_crash(raw, workdir, bundled_rulesets):
    check_bytes(raw, workdir, bundled_rulesets)


@examples(30)
@given(raw=st.one_of(edited_example(list(EXAMPLES), STRUCTURAL), st.binary(max_size=200)), lang=st.sampled_from(["nb", "en"]))
def test_the_command_answers_every_edit(raw, lang, workdir, rusplan_env):
    """The same through the real command (typer's CliRunner, in-process): an exit code, never an exception."""
    from typer.testing import CliRunner

    from rusplan.cli import app

    path = workdir / "cli-case.yaml"
    path.write_bytes(raw)
    with hang_guard():
        result = CliRunner().invoke(
            app, ["check", str(path), "--lang", lang, "--as-of", AS_OF.isoformat()], env={"RUSPLAN_CACHE_DIR": rusplan_env["RUSPLAN_CACHE_DIR"]}
        )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.output
    assert str(path) in result.output


# --- (c) soundness: an independent oracle ------------------------------------------------------------


def _spelling_key(text) -> str:
    """Case-, hyphen- and spacing-insensitive, as the rules file documents for its vocabularies."""
    return " ".join(str(text).replace("_", " ").replace("-", " ").split()).casefold()


_OPS = {"==": lambda a, b: a == b, ">=": lambda a, b: a >= b, ">": lambda a, b: a > b, "<=": lambda a, b: a <= b}


class Oracle:
    """Five of rusplan's rules re-implemented on `yaml.safe_load` data, figures from the rules file.

    credits-total, credits-sum (every study path), learning-outcomes (every study path),
    practice-weeks and admission-professions.  A rule named in `waivers` is left alone, and so is
    a programme outside the rules' scope (the 2005 framework plan), so the oracle never demands
    more than rusplan may.
    """

    def __init__(self, rules_file) -> None:
        data = yaml.safe_load(rules_file.read_text(encoding="utf-8"))
        self.rules = {rule["id"]: rule for rule in data["rules"]}
        self.scope = data["scope"]
        self.settings = data["settings"]
        self.outcomes = {str(o["id"]) for o in data["outcomes"]}
        self.vocab = {
            name: {_spelling_key(s): str(e["id"]) for e in v["entries"] for s in [e["id"], e.get("nb"), e.get("nn"), e.get("en"), *e.get("aliases", [])] if s}
            for name, v in data["vocabularies"].items()
            if "entries" in v
        }
        self.entries = {name: {str(e["id"]): e for e in v["entries"]} for name, v in data["vocabularies"].items()}

    def check(self, name: str, field: str | None = None) -> dict:
        then = self.rules[name]["then"]
        checks = then if isinstance(then, list) else [then]
        return next(c for c in checks if c.get("field") == field)

    @staticmethod
    def get(data, dotted: str):
        for part in dotted.split("."):
            data = data[part]
        return data

    @staticmethod
    def study_paths(courses: list) -> list[list[dict]]:
        paths: list[list[dict]] = [[]]
        for item in courses:
            options = item["options"] if "options" in item else [item]
            paths = [path + [option] for path in paths for option in options]
        return paths

    @staticmethod
    def ref(text) -> str | None:
        m = re.fullmatch(r"\s*§?\s*([0-9]+)\s*([A-Za-z])\s*", str(text))
        return f"{int(m.group(1))}{m.group(2).lower()}" if m else None

    def violations(self, data: dict) -> list[str]:
        if data.get("format") != "rusplan/v1":
            return ["format"]
        if self.get(data, self.scope["path"]) not in self.scope["in"]:
            return []
        waived = {str(w.get("rule")) for w in data.get("waivers") or []}
        found = []

        def judge(rule: str, ok: bool) -> None:
            if not ok and rule not in waived:
                found.append(rule)

        programme, paths = data["programme"], self.study_paths(data["courses"])
        total = self.check("credits-total")["options"]
        judge("credits-total", _OPS[total["op"]](programme["credits"], total["value"]))
        per_path = self.check("credits-sum")["options"]
        weeks_rule = self.check("practice-weeks")["options"]
        kinds = self.vocab[weeks_rule["where"]["kind"]["vocabulary"]]
        counting = {i for i, e in self.entries[weeks_rule["where"]["kind"]["vocabulary"]].items() if e.get("counts")}
        for path in paths:
            credits = sum(Fraction(repr(course[per_path["field"]])) for course in path)
            judge("credits-sum", _OPS[per_path["op"]](credits, Fraction(repr(self.get(data, per_path["ref"])))))
            # A period linked to a course counts only on the paths that take the course (issue 10).
            codes = {course["code"] for course in path}
            periods = [p for p in data["practice"] if p.get("course") is None or p["course"] in codes]
            covered = {self.ref(ref) for course in path for outcome in course["outcomes"] for ref in outcome.get("covers") or []}
            covered |= {self.ref(ref) for p in periods for ref in p.get("covers") or []}
            judge("learning-outcomes", self.outcomes <= covered)
            weeks = sum(
                Fraction(repr(p["weeks"])) if "weeks" in p else Fraction(repr(p["hours"])) / Fraction(repr(p.get("hours_per_week", self.settings["hours_per_week"])))
                for p in periods
                if kinds.get(_spelling_key(p.get("kind"))) in counting
            )
            judge("practice-weeks", _OPS[weeks_rule["op"]](weeks, weeks_rule["value"]))
        professions_check = self.check("admission-professions", "professions")["options"]
        professions = self.vocab[professions_check["vocabulary"]]
        six = {i for i, e in self.entries[professions_check["vocabulary"]].items() if e.get("admits")}
        named = {professions.get(_spelling_key(p)) for p in data["admission"]["professions"]}
        judge("admission-professions", six <= named and named <= six)
        degree = self.check("admission-professions", "degree_years")["options"]
        judge("admission-professions", _OPS[degree["op"]](data["admission"]["degree_years"], degree["value"]))
        return found




ORACLE = Oracle(RULES_FILE)


def oracle_violations(raw: bytes) -> list[str]:
    return ORACLE.violations(yaml.safe_load(raw.decode("utf-8-sig")))


ORACLE_RULES = {"credits-total", "credits-sum", "learning-outcomes", "practice-weeks", "admission-professions"}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_oracle_agrees_with_rusplan_on_the_examples(name, check_programme):
    """The oracle is not vacuous: it passes the compliant examples, catches the failures it knows
    about (fail-<rule>.yaml) and never blames a rule that rusplan passes."""
    found = oracle_violations((EXAMPLES_DIR / name).read_bytes())
    failing = {r.rule for r in check_programme(name).results if r.status == "fail"}
    rule = name.removeprefix("fail-").removesuffix(".yaml")
    if name.startswith("compliant"):
        assert found == []
    if name.startswith("fail-") and rule in ORACLE_RULES:
        assert rule in found
    assert set(found) <= failing


@examples(400)
@given(raw=edited_example(COMPLIANT * 8 + list(EXAMPLES), SEMANTIC))
def test_a_compliant_verdict_is_sound(raw, workdir, bundled_rulesets):
    code, report, text = check_bytes(raw, workdir, bundled_rulesets, lang="en")
    if code == 0:
        assert oracle_violations(raw) == [], text
