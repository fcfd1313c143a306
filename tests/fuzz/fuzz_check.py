"""An atheris fuzz target: one file's bytes through everything `rusplan check FILE` does.

    pip install atheris
    python tests/fuzz/fuzz_check.py tests/corpus/ -max_total_time=600

The corpus folder seeds the fuzzer (atheris also writes the new inputs it finds there; use a copy
if you want to keep tests/corpus clean).  Bytes go the CLI's way: the size limit, loader.decode,
loader.parse, then checker.check_document (schema, consistency, rules, waivers) and the text
reporter.  rusplan's own refusal of an input, a LoadError, is an answer (exit code 2), not a
crash; any other exception is a crash, and atheris stops and saves the input that caused it.

Not collected by pytest (tests/conftest.py ignores tests/fuzz); tests/test_fuzz_target.py runs
TestOneInput on the corpus with atheris stubbed out, so the target cannot rot.
"""

from __future__ import annotations

import datetime as dt
import sys

import atheris

with atheris.instrument_imports():
    from rusplan.io import loader
    from rusplan.core.pipeline import Options, check_document, load_problem
    from rusplan.reporters import RenderContext, write
    from rusplan.core.result import FileReport, exit_code
    from rusplan.core.ruleset import load_rulesets

RULESETS = load_rulesets()
# A fixed day, so an input's verdict does not change with the date the fuzzer runs.
OPTIONS = Options(lang="nb", as_of=dt.date(2026, 1, 15))
CONTEXT = RenderContext(lang=OPTIONS.lang, rulesets=RULESETS, as_of=OPTIONS.as_of.isoformat())


def TestOneInput(data: bytes) -> int:  # noqa: N802 - the name atheris documents
    """Check `data` as a programme file; return the exit code `rusplan check` would give."""
    report = FileReport("fuzz.yaml")
    try:
        if len(data) > OPTIONS.max_bytes:
            raise loader.LoadError("too large", code="too-large", params={"size": len(data), "limit": OPTIONS.max_bytes})
        doc = loader.parse(loader.decode(data), "fuzz.yaml")
    except loader.LoadError as err:
        report.errors.append(load_problem(err, OPTIONS.lang))
    else:
        check_document(doc, RULESETS, OPTIONS, report)
    lines: list[str] = []
    write("text", [report], CONTEXT, lines.append)
    return exit_code([report])


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
