"""The atheris fuzz target (tests/fuzz/fuzz_check.py) cannot rot: with atheris stubbed out, its
TestOneInput runs on every corpus file and example and answers what the CLI answers, and it lets
any exception that is not rusplan's own refusal through, which is how atheris sees a crash.
"""

from __future__ import annotations

import contextlib
import importlib.util
import sys
import types
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))["files"]


@pytest.fixture(scope="module")
def fuzz_target():
    calls = []
    atheris = types.ModuleType("atheris")
    atheris.instrument_imports = contextlib.nullcontext
    atheris.Setup = lambda argv, target: calls.append(("Setup", argv, target))
    atheris.Fuzz = lambda: calls.append(("Fuzz",))
    saved = sys.modules.get("atheris")
    sys.modules["atheris"] = atheris
    try:
        spec = importlib.util.spec_from_file_location("fuzz_check", HERE / "fuzz" / "fuzz_check.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        if saved is None:
            del sys.modules["atheris"]
        else:
            sys.modules["atheris"] = saved
    module.calls = calls
    return module


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_target_answers_like_the_cli_on_the_corpus(name, fuzz_target):
    assert fuzz_target.TestOneInput((CORPUS / name).read_bytes()) == EXPECTED[name]["exit"]


def test_the_target_runs_the_examples(fuzz_target, examples_dir):
    for path in sorted(examples_dir.glob("*.yaml")):
        expected = 0 if path.name.startswith(("compliant", "warn-")) else 1
        assert fuzz_target.TestOneInput(path.read_bytes()) == expected, path.name


def test_the_target_reports_crashes(fuzz_target, examples_dir, monkeypatch):
    """A bug past the loader must reach atheris as an exception, not be swallowed."""

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in a rule")

    from rusplan.core import pipeline

    monkeypatch.setattr(pipeline, "check_document", broken)  # the stage after the loader, inside check_bytes
    with pytest.raises(RuntimeError, match="a bug in a rule"):
        fuzz_target.TestOneInput((examples_dir / "compliant.yaml").read_bytes())
    # ...while rusplan's own refusals are answers.
    assert fuzz_target.TestOneInput(b"\x00") == 2


def test_main_hands_the_target_to_atheris(fuzz_target, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["fuzz_check.py", "tests/corpus/", "-max_total_time=600"])
    fuzz_target.calls.clear()
    fuzz_target.main()
    assert fuzz_target.calls == [("Setup", ["fuzz_check.py", "tests/corpus/", "-max_total_time=600"], fuzz_target.TestOneInput), ("Fuzz",)]
