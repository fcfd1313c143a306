"""An atheris fuzz target: one file's bytes through everything `rusplan check FILE` does.

    pip install atheris
    python tests/fuzz/fuzz_check.py tests/corpus/ -max_total_time=600

The corpus folder seeds the fuzzer (atheris also writes the new inputs it finds there; use a copy
if you want to keep tests/corpus clean).  Bytes go the CLI's way, through the pipeline's
check_bytes (the size limit, decoding, parsing, schema, model, rules, waivers: what check_file does
after reading the file), then the text reporter.  rusplan's own refusal of an input, a LoadError, is an answer (exit code 2), not a
crash; any other exception is a crash, and atheris stops and saves the input that caused it.

Not collected by pytest (tests/conftest.py ignores tests/fuzz); tests/test_fuzz_target.py runs
TestOneInput on the corpus with atheris stubbed out, so the target cannot rot.
"""

from __future__ import annotations

import datetime as dt
import sys

import atheris

with atheris.instrument_imports():
    from rusplan.core.pipeline import Options, check_bytes
    from rusplan.core.result import exit_code
    from rusplan.core.ruleset import load_rulesets
    from rusplan.reporters import RenderContext, write

RULESETS = load_rulesets()
# A fixed day, so an input's verdict does not change with the date the fuzzer runs.
OPTIONS = Options(lang="nb", as_of=dt.date(2026, 1, 15))
CONTEXT = RenderContext(lang=OPTIONS.lang, rulesets=RULESETS, as_of=OPTIONS.as_of.isoformat())


def TestOneInput(data: bytes) -> int:  # noqa: N802 - the name atheris documents
    """Check `data` as a programme file; return the exit code `rusplan check` would give."""
    report = check_bytes(data, "fuzz.yaml", RULESETS, OPTIONS)
    lines: list[str] = []
    write("text", [report], CONTEXT, lines.append)
    return exit_code([report])


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
