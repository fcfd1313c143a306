"""The C-parse floor: the same files parsed with PyYAML's CSafeLoader in N processes.

This is what a checker that did nothing but parse would cost, so `rusplan check
--jobs N` is compared with the floor in N processes (like for like).  One
Python process imports yaml, then forks N-1 more; each parses every N-th file
(round robin, so the shares are about equally heavy) and reports the time its
parse loop took.  The floor is the slowest process's parse loop: interpreter
start-up and imports are left out, in the floor's favour.  The measured
process tree's wall time, with those, is kept as `process_wall_s`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from measure import measure

FLOOR_CODE = """
import json, os, sys, time, yaml
with open(sys.argv[1], encoding="utf-8") as handle:
    files = handle.read().splitlines()
n = int(sys.argv[2])
def parse(share):
    start = time.perf_counter()
    for path in share:
        with open(path, "rb") as f:
            yaml.load(f, Loader=yaml.CSafeLoader)
    return time.perf_counter() - start
children = []
for k in range(1, n):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.write(w, repr(parse(files[k::n])).encode())
        os._exit(0)
    os.close(w)
    children.append((pid, r))
times = [parse(files[0::n])]
for pid, r in children:
    times.append(float(os.read(r, 64).decode()))
    os.waitpid(pid, 0)
print(json.dumps({"parse_s": max(times), "per_process_s": times, "files": len(files)}))
"""


def label(processes: int) -> str:
    return f"floor x{processes}"


def run_floor(files: list[str], processes: int, cwd: Path) -> dict:
    """The floor over `files` in `processes` processes: the measurement dict the harness keeps."""
    listing = cwd / f"floor-{len(files)}.txt"
    listing.write_text("\n".join(files) + "\n", encoding="utf-8")
    r = measure([sys.executable, "-c", FLOOR_CODE, listing.name, str(processes)], cwd, (0,), capture=True)
    parsed = json.loads(r.pop("stdout"))
    return {"wall_s": parsed["parse_s"], "process_wall_s": r["wall_s"], "cpu_s": r["cpu_s"], "rss_mb": r["rss_mb"],
            "rc": 0, "foreign_share": r["foreign_share"], "invocations": 1, "processes": processes,
            "per_process_s": [round(t, 4) for t in parsed["per_process_s"]]}
