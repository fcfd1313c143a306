"""The limits (issue 4): billion laughs, a 50 MB file, nesting 10,000 to 1,000,000 deep and millions
of nodes are each refused with exit code 2 and the right one-line reason, in a child process that
stays under 200 MB.

The inputs are generated into tmp_path at test time (tests/fuzz/measure_limits.py defines them and
prints their CPU time for docs/robustness.md).  Memory is asserted, time never: a run is bounded
only by a generous kill timer so that a hang fails instead of stalling CI.
"""

from __future__ import annotations

import builtins
import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

from rusplan.io import loader

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("measure_limits", HERE / "fuzz" / "measure_limits.py")
limits = sys.modules["measure_limits"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(limits)

MB = 1024 * 1024
needs_wait4 = pytest.mark.skipif(not hasattr(os, "wait4"), reason="os.wait4 (a child's own peak memory) is POSIX-only")


@pytest.fixture(scope="module")
def child_env(rusplan_env):
    return dict(rusplan_env)


def check(path: Path, env: dict, *args: str):
    return limits.measure(["check", str(path), "--lang", "en", "--no-color", *args], env=env, timeout=120)


@needs_wait4
@pytest.mark.parametrize("name", list(limits.INPUTS))
def test_limit_input_is_answered_within_200_mb(name, tmp_path, child_env):
    write, expected, fragment = limits.INPUTS[name]
    path = tmp_path / "input.yaml"
    write(path)
    result = check(path, child_env)
    shown = f"{name}: exit {result.returncode}\n{result.output[-2000:]}"
    assert "Traceback" not in result.output, shown
    assert result.returncode == expected, shown  # a crash (SIGSEGV: -11) or a kill (-9) fails here
    assert fragment in result.stdout, shown
    assert result.max_rss_bytes < 200 * MB, f"{name}: peak RSS {result.max_rss_bytes / MB:.0f} MB"


@needs_wait4
@pytest.mark.parametrize(
    "write, line, column",
    [
        # The node nested 65 deep is the 66th collection: "[" number 66, "- " number 66 at column 131.
        (limits.flow_10k, 1, 66),
        (limits.flow_1m, 1, 66),
        (limits.block_10k, 1, 131),
        (limits.block_100k, 1, 131),
        (limits.mappings_1k, 66, 131),
    ],
    ids=["flow-10k", "flow-1m", "block-10k", "block-100k", "mappings-1k"],
)
def test_deep_nesting_is_located(write, line, column, tmp_path, child_env):
    path = tmp_path / "deep.yaml"
    write(path)
    result = check(path, child_env)
    assert result.returncode == 2, result.output[-2000:]
    assert f"{path}:{line}:{column}: could not be checked: nesting is deeper than 64 levels" in result.stdout, result.stdout


@needs_wait4
def test_billion_laughs_is_stopped_by_the_node_budget(tmp_path, child_env):
    path = tmp_path / "lol.yaml"
    limits.billion_laughs(path)
    assert path.stat().st_size < 1024
    result = check(path, child_env, "--format", "json")
    assert result.returncode == 2, result.output
    [problem] = json.loads(result.stdout)["files"][0]["errors"]
    assert problem["code"] == "too-many-nodes"
    assert "anchors and aliases" in problem["message"]
    # The budget runs out while repeating the anchored "lol" of line 2 (&a0 at column 5); the report points there.
    assert (problem["line"], problem["column"]) == (2, 5)


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    """The size is taken from stat: the file is never opened, let alone read."""
    path = tmp_path / "big.yaml"
    limits.fifty_megabytes(path)
    opened = []
    real_open = builtins.open

    def spy(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    with pytest.raises(loader.LoadError) as refused:
        loader.read_text(str(path))
    assert str(path) not in opened
    assert refused.value.code == "too-large"
    assert refused.value.params == {"size": 50 * MB, "limit": loader.DEFAULT_MAX_BYTES}


def test_the_size_limit_is_what_refused_it(tmp_path):
    """With --max-bytes raised, the same file is read and refused for what it holds (zeros after the text)."""
    path = tmp_path / "big.yaml"
    limits.fifty_megabytes(path)
    with pytest.raises(loader.LoadError) as refused:
        loader.read_text(str(path), max_bytes=60 * MB)
    assert refused.value.code == "binary"
    assert refused.value.params == {"offset": len(limits.COMPLIANT.read_bytes())}


@needs_wait4
def test_a_raised_limit_is_still_a_limit(tmp_path, child_env):
    path = tmp_path / "big.yaml"
    limits.fifty_megabytes(path)
    result = check(path, child_env, "--max-bytes", str(10 * MB))
    assert result.returncode == 2, result.output
    assert f"{path}: could not be checked: file is {50 * MB} bytes, over the limit of {10 * MB}" in result.stdout
    assert result.max_rss_bytes < 200 * MB


@pytest.mark.parametrize("items, refused", [(99_998, False), (99_999, True)])
def test_the_node_budget_counts_like_the_builder(items, refused):
    """Root + list + items: 100,000 nodes pass, 100,001 are refused before they are composed."""
    text = "notes: [" + ", ".join(["x"] * items) + "]\n"
    if not refused:
        assert len(loader.parse(text).data["notes"]) == items
        return
    with pytest.raises(loader.LoadError) as error:
        loader.parse(text)
    assert error.value.code == "too-many-nodes-written"
    assert (error.value.line, error.value.column) == (1, 9 + 3 * (items - 1))  # the 100,001st node, the last "x"


def test_the_study_path_limit_is_exactly_256(tmp_path, run_cli, repo_root):
    """Eight binary choices (256 paths) are checked; the ninth (512) is refused, with both figures."""
    lines = (repo_root / "tests" / "corpus" / "too-many-study-paths.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    ninth = next(i for i, line in enumerate(lines) if "choice: Valg 9" in line)
    eight = tmp_path / "eight-choices.yaml"
    eight.write_text("".join(lines[:ninth] + lines[ninth + 4 :]), encoding="utf-8")
    checked = run_cli("check", eight, "--lang", "en", "--quiet")
    assert checked.returncode == 1 and "could not be checked" not in checked.stdout, str(checked)
    refused = run_cli("check", repo_root / "tests" / "corpus" / "too-many-study-paths.yaml", "--lang", "en")
    assert refused.returncode == 2 and "the choices make 512 study paths, over the limit of 256" in refused.stdout, str(refused)
