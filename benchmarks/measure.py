"""Running one measured command: wall and CPU time, max RSS, and how busy the machine was.

Each measured command runs as a fresh child; wall time is time.perf_counter
around it, and CPU time and max RSS come from os.wait4 on that child (the
largest single process of the tree: children it reaped, such as rusplan's
worker processes, count, but their RSS is not summed).  Exit codes 1 and 2 of
a checker mean "found problems", not a harness error; a traceback on stderr
is an error.

Noise: /proc/stat gives the CPU time the whole machine spent; whatever this
harness and its children did not spend was spent by other processes.  That
share is reported per measurement ("foreign_share").
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BIN = Path(sys.executable).parent


class HarnessError(Exception):
    """A measured command failed in a way no checker should (traceback, unexpected exit code)."""


class HarnessTimeout(HarnessError):
    """A measured command ran past its time limit and was killed."""


def child_env() -> dict:
    env = dict(os.environ)
    # A user's install has compiled bytecode; without it every cold start would
    # recompile edited modules (the warm-up round writes the caches).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["NO_COLOR"] = "1"
    return env


ENV = child_env()


def measure(argv: list[str], cwd: Path, ok_codes=(0, 1), capture: bool = False, timeout: float | None = None,
            env: dict | None = None) -> dict:
    """Run argv once as a fresh child (in `env`, default ENV): wall seconds, CPU seconds, max RSS in MB, exit code."""
    with tempfile.TemporaryFile() as err:
        busy0, own0 = cpu_seconds()
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env or ENV, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE if capture else subprocess.DEVNULL, stderr=err)
        killer = threading.Timer(timeout, proc.kill) if timeout else None
        if killer:
            killer.start()
        out = proc.stdout.read() if capture else b""
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if killer:
            killer.cancel()
        busy1, own1 = cpu_seconds()  # own1 includes the child, reaped by wait4
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if timeout and wall >= timeout and proc.returncode < 0:
        raise HarnessTimeout(f"{' '.join(argv[:4])} ... killed after {timeout:g} s")
    if proc.returncode not in ok_codes or "Traceback (most recent call last)" in stderr:
        raise HarnessError(f"{' '.join(argv[:4])} ... exited {proc.returncode}:\n{stderr[-2000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    # Machine CPU time spent by neither this harness nor the child: other processes
    # disturbing the measurement (/proc/stat counts in 10 ms ticks, so +-2% on a 0.3 s run).
    foreign = max(0.0, (busy1 - busy0) - (own1 - own0)) / (wall * (os.cpu_count() or 1))
    return {"wall_s": wall, "cpu_s": cpu, "rss_mb": usage.ru_maxrss / 1024, "rc": proc.returncode,
            "foreign_share": round(foreign, 3), "stdout": out.decode()}


def arg_chunks(prefix: list[str], files: list[str]) -> list[list[str]]:
    """Split files so that no command line exceeds ARG_MAX (with a margin)."""
    limit = os.sysconf("SC_ARG_MAX") - sum(len(k) + len(v) + 2 + 8 for k, v in ENV.items()) - 64 * 1024
    chunks, current, size = [], [], sum(len(a) + 1 + 8 for a in prefix)
    for f in files:
        cost = len(f) + 1 + 8
        if current and size + cost > limit:
            chunks.append(current)
            current, size = [], sum(len(a) + 1 + 8 for a in prefix)
        current.append(f)
        size += cost
    return chunks + [current] if current else chunks


def cpu_seconds() -> tuple[float, float]:
    """(busy CPU-seconds of the whole machine, CPU-seconds of this process and its children)."""
    busy = 0.0
    try:
        with open("/proc/stat") as handle:
            fields = [int(x) for x in handle.readline().split()[1:]]
        busy = (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # minus idle and iowait
    except (OSError, ValueError, IndexError):
        pass
    own = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for f in ("ru_utime", "ru_stime"))
    return busy, own


def wait_quiet(limit: float) -> None:
    deadline = time.monotonic() + limit
    while True:
        busy0, _ = cpu_seconds()
        time.sleep(5)
        share = (cpu_seconds()[0] - busy0) / (5 * (os.cpu_count() or 1))
        if share < 0.10:
            return
        if time.monotonic() > deadline:
            log(f"machine still busy ({share:.0%} of the CPUs used by others); measuring anyway")
            return
        log(f"waiting for a quiet machine ({share:.0%} of the CPUs busy)")


def log(message: str) -> None:
    sys.stderr.write(f"[{time.strftime('%H:%M:%S')}] {message}\n")
    sys.stderr.flush()
