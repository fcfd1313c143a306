"""A batch under fire (issue 12): a worker killed as the out-of-memory killer would, Ctrl-C and
SIGTERM in the middle of a 2,000-file run.

Each run is a real `python -m rusplan check DIR --jobs 2` in its own process group.  The waits
are hang guards (a stuck run fails instead of stalling CI), never measurements.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rusplan import messages

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads a process's children from /proc")

FILES = 2_000
HANG_GUARD = 120  # seconds


@pytest.fixture(scope="module")
def batch_dir(tmp_path_factory, examples_dir) -> Path:
    """2,000 programme files: the examples, over and over (compliant, failing and warning ones)."""
    folder = tmp_path_factory.mktemp("batch")
    examples = sorted(examples_dir.glob("*.yaml"))
    for i in range(FILES):
        shutil.copyfile(examples[i % len(examples)], folder / f"p{i:04}.yaml")
    return folder


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def start(args: list, env: dict, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "rusplan", *map(str, args)],
        env=env,
        start_new_session=True,  # its own process group, as a shell gives a pipeline
        **kwargs,
    )


def wait_for_workers(proc: subprocess.Popen, count: int = 2) -> list[int]:
    deadline = time.monotonic() + HANG_GUARD
    while time.monotonic() < deadline:
        found = children(proc.pid)
        if len(found) >= count:
            return found
        assert proc.poll() is None, "rusplan ended before its workers started"
        time.sleep(0.02)
    raise AssertionError("the workers never started")


def finish(proc: subprocess.Popen) -> tuple[str, str]:
    try:
        out, err = proc.communicate(timeout=HANG_GUARD)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        raise AssertionError("rusplan hung") from None
    return (out or b"").decode("utf-8", "replace"), (err or b"").decode("utf-8", "replace")


def gone(pids: list[int]) -> list[int]:
    """The pids still alive (not even a zombie) after a bounded wait."""
    deadline = time.monotonic() + 10
    alive = pids
    while alive and time.monotonic() < deadline:
        alive = [p for p in alive if Path(f"/proc/{p}").exists() and "Z" not in _state(p)]
        time.sleep(0.05)
    return alive


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"


def test_a_killed_worker_costs_one_file_and_every_other_file_is_reported(batch_dir, rusplan_env):
    proc = start(["check", batch_dir, "--jobs", "2", "--quiet", "--no-color", "--lang", "en"], rusplan_env,
                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Once the first verdicts are out, both workers are in the middle of their shares.
    for _ in range(20):
        assert proc.stdout.readline(), "rusplan ended early"
    workers = children(proc.pid)
    assert len(workers) == 2
    for pid in workers:  # SIGKILL, as the out-of-memory killer sends: no handler runs
        os.kill(pid, signal.SIGKILL)
    out, err = finish(proc)
    assert "Traceback" not in out + err, err[-2000:]
    assert proc.returncode == 2, (proc.returncode, err[-2000:])
    # The closing table has one row per file: every file is reported, in path order.
    rows = [line for line in out.splitlines() if line.rstrip().endswith(".yaml") and "  " in line and not line.startswith(" ")]
    names = [row.rsplit(None, 1)[-1] for row in rows]
    assert names == [str(batch_dir / f"p{i:04}.yaml") for i in range(FILES)]
    dead = [line for line in out.splitlines() if "the worker process checking it died (signal 9, SIGKILL" in line]
    assert 1 <= len(dead) <= 2, dead  # only the file each worker was on; the rest of its share was rechecked
    invalid = [row for row in rows if "could not be checked" in row]
    assert len(invalid) == len(dead)
    assert not gone(workers)
    summary = out.splitlines()[-1]
    assert summary.startswith(f"{FILES} files:") and summary.endswith(f"{len(dead)} could not be checked"), summary


@pytest.mark.parametrize(
    "sig, to_group, code",
    [(signal.SIGINT, True, 130), (signal.SIGINT, False, 130), (signal.SIGTERM, False, 143), (signal.SIGTERM, True, 143)],
    ids=["ctrl-c-to-the-group", "sigint-to-rusplan", "sigterm-to-rusplan", "sigterm-to-the-group"],
)
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_an_interrupted_batch_stops_everything_and_keeps_the_previous_report(batch_dir, rusplan_env, tmp_path, sig, to_group, code, lang):
    report = tmp_path / "rapport.json"
    report.write_text('{"previous": "report"}\n', encoding="utf-8")
    proc = start(["check", batch_dir, "--jobs", "2", "--format", "json", "--output", report, "--force", "--lang", lang],
                 rusplan_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    workers = wait_for_workers(proc)
    time.sleep(0.3)  # well into the batch (not a measurement: any moment must do)
    if to_group:
        os.killpg(proc.pid, sig)  # what a terminal's Ctrl-C or `kill -TERM -PGID` does
    else:
        os.kill(proc.pid, sig)
    out, err = finish(proc)
    assert proc.returncode == code, (proc.returncode, err[-2000:])
    assert err == f"rusplan: {messages.text('interrupted', lang)}\n"  # one line, no traceback
    assert out == ""
    assert not gone(workers), "a worker outlived rusplan"
    assert report.read_text(encoding="utf-8") == '{"previous": "report"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.json"]  # no temporary file left
