"""The rusplan benchmark harness (issue 5): rusplan vs check-jsonschema vs yamllint.

    pip install -e '.[bench]'
    python benchmarks/run.py            # full run: 1,000 and 10,000 files
    python benchmarks/run.py --quick    # smoke test: 200 and 1,000 files, 5 rounds

Everything is measured in this one run on the same generated files:
(a) one file in a cold process, median of --rounds rounds with the tools
interleaved; (b) one invocation per tool over a batch of files; (c) the max
RSS of each measured process tree; (d) the floor: parsing the same files with
PyYAML's C loader in one process.  It prints a table and the ratios against
issue 5's targets, and writes everything to --json.

Each measured command runs as a fresh child; wall time is time.perf_counter
around it and max RSS comes from os.wait4 on that child (the largest single
process of the tree: children it reaped, such as rusplan's worker processes,
count, but their RSS is not summed).  Exit codes 1 and 2 of a checker mean
"found problems", not a harness error; a traceback on stderr is an error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402  (sibling script)

BIN = Path(sys.executable).parent
TOOLS = ("rusplan", "check-jsonschema", "yamllint")
FLOOR = "C-parse floor"

# Issue 5's targets: (key, label, limit); a ratio meets its target when <= limit,
# except throughput, which must be >= its limit.
TARGETS = [
    ("cold_vs_cjs", "one file, cold: rusplan / check-jsonschema wall", 0.4, "<="),
    ("cold_vs_yamllint", "one file, cold: rusplan / yamllint wall", 1.0, "<="),
    ("throughput_vs_cjs", "big batch: rusplan / check-jsonschema throughput", 5.0, ">="),
    ("wall_vs_floor", "big batch: rusplan wall / C-parse floor", 3.0, "<="),
    ("rss_scaling", "rusplan max RSS big / small batch", 1.5, "<="),
    ("time_scaling", "rusplan wall big / small batch", 11.0, "<="),
]

FLOOR_CODE = """
import json, sys, time, yaml
with open(sys.argv[1], encoding="utf-8") as handle:
    files = handle.read().splitlines()
start = time.perf_counter()
for path in files:
    with open(path, "rb") as f:
        yaml.load(f, Loader=yaml.CSafeLoader)
print(json.dumps({"parse_s": time.perf_counter() - start, "files": len(files)}))
"""


class HarnessError(Exception):
    pass


def child_env() -> dict:
    env = dict(os.environ)
    # A user's install has compiled bytecode; without it every cold start would
    # recompile edited modules (the warm-up round writes the caches).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["NO_COLOR"] = "1"
    return env


def measure(argv: list[str], cwd: Path, ok_codes=(0, 1), capture: bool = False) -> dict:
    """Run argv once as a fresh child: wall seconds, max RSS in MB, exit code."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=ENV, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE if capture else subprocess.DEVNULL, stderr=err)
        out = proc.stdout.read() if capture else b""
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if proc.returncode not in ok_codes or "Traceback (most recent call last)" in stderr:
        raise HarnessError(f"{' '.join(argv[:4])} ... exited {proc.returncode}:\n{stderr[-2000:]}")
    return {"wall_s": wall, "rss_mb": usage.ru_maxrss / 1024, "rc": proc.returncode, "stdout": out.decode()}


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


def commands(tool: str, target: str, files: list[str], schema: str) -> list[list[str]]:
    """The command line(s) a user would type; several only if the file list is too long."""
    if tool == "rusplan":
        return [[str(BIN / "rusplan"), "check", target]]
    if tool == "rusplan -j1":
        return [[str(BIN / "rusplan"), "check", "--jobs", "1", target]]
    if tool == "check-jsonschema":
        prefix = [str(BIN / "check-jsonschema"), "--schemafile", schema]
        return [prefix + chunk for chunk in arg_chunks(prefix, files)]
    if tool == "yamllint":
        return [[str(BIN / "yamllint"), target]]
    raise ValueError(tool)


OK_CODES = {"rusplan": (0, 1, 2), "rusplan -j1": (0, 1, 2), "check-jsonschema": (0, 1), "yamllint": (0, 1)}


def run_tool(tool: str, target: str, files: list[str], schema: str, cwd: Path) -> dict:
    runs = [measure(argv, cwd, OK_CODES[tool]) for argv in commands(tool, target, files, schema)]
    return {"wall_s": sum(r["wall_s"] for r in runs), "rss_mb": max(r["rss_mb"] for r in runs),
            "rc": max(r["rc"] for r in runs), "invocations": len(runs)}


def run_floor(files: list[str], cwd: Path) -> dict:
    listing = cwd / f"floor-{len(files)}.txt"
    listing.write_text("\n".join(files) + "\n", encoding="utf-8")
    r = measure([sys.executable, "-c", FLOOR_CODE, listing.name], cwd, (0,), capture=True)
    parsed = json.loads(r.pop("stdout"))
    # The floor is the parse loop itself; the process wall (start-up + import) is kept for reference.
    return {"wall_s": parsed["parse_s"], "process_wall_s": r["wall_s"], "rss_mb": r["rss_mb"], "rc": 0, "invocations": 1}


def log(message: str) -> None:
    sys.stderr.write(f"[{time.strftime('%H:%M:%S')}] {message}\n")
    sys.stderr.flush()


# --- the three measurements ---------------------------------------------------


def cold(single: str, schema: str, cwd: Path, rounds: int) -> dict:
    argv = {
        "rusplan": [str(BIN / "rusplan"), "check", single],
        "check-jsonschema": [str(BIN / "check-jsonschema"), "--schemafile", schema, single],
        "yamllint": [str(BIN / "yamllint"), single],
    }
    for tool in TOOLS:  # warm-up: page cache and bytecode caches, not counted
        measure(argv[tool], cwd, OK_CODES[tool])
    samples: dict[str, list] = {tool: [] for tool in TOOLS}
    for r in range(rounds):
        order = TOOLS[r % 3:] + TOOLS[:r % 3]  # rotate, so no tool always runs first
        for tool in order:
            samples[tool].append(measure(argv[tool], cwd, OK_CODES[tool]))
    out = {}
    for tool, runs in samples.items():
        walls = [s["wall_s"] for s in runs]
        out[tool] = {"wall_s": statistics.median(walls), "min_s": min(walls), "max_s": max(walls),
                     "rss_mb": statistics.median(s["rss_mb"] for s in runs), "rc": runs[0]["rc"],
                     "runs": len(runs), "samples_s": [round(w, 4) for w in walls]}
    return out


def batch(size: int, folder: str, files: list[str], schema: str, cwd: Path, repeats: int,
          peers: bool, extrapolate_from: dict | None, single_core: bool) -> dict:
    """One invocation per tool; rusplan and the floor `repeats` times (median)."""
    out: dict = {}
    cheap = ["rusplan", FLOOR] + (["rusplan -j1"] if single_core else [])
    samples: dict[str, list] = {t: [] for t in cheap}
    for r in range(repeats):
        for tool in (cheap if r % 2 == 0 else cheap[::-1]):
            log(f"{size} files: {tool} ({r + 1}/{repeats})")
            samples[tool].append(run_floor(files, cwd) if tool == FLOOR else run_tool(tool, folder, files, schema, cwd))
    for tool, runs in samples.items():
        runs.sort(key=lambda s: s["wall_s"])
        median = dict(runs[len(runs) // 2])
        median["runs"] = len(runs)
        median["samples_s"] = [round(s["wall_s"], 3) for s in runs]
        out[tool] = median
    for tool in ("check-jsonschema", "yamllint"):
        if peers:
            log(f"{size} files: {tool}")
            out[tool] = run_tool(tool, folder, files, schema, cwd)
            out[tool]["runs"] = 1
        elif extrapolate_from:
            small = extrapolate_from[tool]
            scale = size / extrapolate_from["size"]
            out[tool] = {"wall_s": small["wall_s"] * scale, "rss_mb": None, "rc": small["rc"],
                         "invocations": 0, "runs": 0,
                         "extrapolated": f"x{scale:g} from the {extrapolate_from['size']}-file run"}
    for result in out.values():
        result["files_per_s"] = size / result["wall_s"]
    return out


# --- reporting ------------------------------------------------------------------


def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for dist in ("rusplan", "check-jsonschema", "yamllint", "PyYAML", "jsonschema", "typer", "rich", "ruamel.yaml"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = None
    try:
        import yaml

        libyaml = bool(yaml.__with_libyaml__)
    except ImportError:
        libyaml = False
    commit = subprocess.run(["git", "-C", str(generate.REPO), "describe", "--always", "--dirty"],
                            capture_output=True, text=True).stdout.strip()
    return {"nproc": os.cpu_count(), "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
            "cpu": model, "python": platform.python_version(), "platform": platform.platform(),
            "versions": versions, "pyyaml_libyaml": libyaml, "rusplan_commit": commit}


def ratios(result: dict) -> dict:
    c, small, big = result["cold"], result["batch"]["small"], result["batch"]["big"]
    values = {
        "cold_vs_cjs": c["rusplan"]["wall_s"] / c["check-jsonschema"]["wall_s"],
        "cold_vs_yamllint": c["rusplan"]["wall_s"] / c["yamllint"]["wall_s"],
        "throughput_vs_cjs": big["check-jsonschema"]["wall_s"] / big["rusplan"]["wall_s"],
        "wall_vs_floor": big["rusplan"]["wall_s"] / big[FLOOR]["wall_s"],
        "rss_scaling": big["rusplan"]["rss_mb"] / small["rusplan"]["rss_mb"],
        "time_scaling": big["rusplan"]["wall_s"] / small["rusplan"]["wall_s"],
    }
    out = {}
    for key, label, limit, op in TARGETS:
        value = values[key]
        met = value <= limit if op == "<=" else value >= limit
        out[key] = {"label": label, "value": round(value, 3), "target": f"{op} {limit:g}", "met": met}
    return out


def _secs(x: float) -> str:
    return f"{x:.3f} s" if x < 10 else f"{x:.1f} s"


def table(result: dict) -> str:
    m, c, b, p = result["machine"], result["cold"], result["batch"], result["params"]
    cols = ["rusplan", "check-jsonschema", "yamllint", FLOOR]
    width = 18
    lines = [
        f"rusplan benchmark  {result['started']}  seed {p['seed']}  {'quick' if p['quick'] else 'full'} run",
        f"machine: {m['nproc']} CPUs ({m['cpu']}), Python {m['python']}, rusplan {m['versions']['rusplan']} ({m['rusplan_commit']})",
        "",
        f"{'':<30}" + "".join(f"{col:>{width}}" for col in cols),
    ]

    def row(label, cells):
        lines.append(f"{label:<30}" + "".join(f"{cell:>{width}}" for cell in cells))

    row(f"one file, cold (median of {p['rounds']})", [_secs(c[t]["wall_s"]) for t in TOOLS] + ["-"])
    row("  max RSS", [f"{c[t]['rss_mb']:.0f} MB" for t in TOOLS] + ["-"])
    notes = []
    for key in ("small", "big"):
        size = p["sizes"][key]
        cells, rss, rate = [], [], []
        for t in cols:
            r = b[key].get(t)
            if r is None:
                cells.append("not run"), rss.append("-"), rate.append("-")
                continue
            mark = ""
            if r.get("extrapolated"):
                mark = " *"
                notes.append(f"* {t}, {size} files: {r['extrapolated']} (use --peers-big to measure)")
            elif r.get("invocations", 1) > 1:
                mark = " +"
                notes.append(f"+ {t}, {size} files: {r['invocations']} invocations (argument list too long), times summed")
            cells.append(_secs(r["wall_s"]) + mark)
            rss.append(f"{r['rss_mb']:.0f} MB" if not r.get("extrapolated") else "-")
            rate.append(f"{r['files_per_s']:.0f}/s")
        row(f"{size:,} files, one invocation", cells)
        row("  throughput", rate)
        row("  max RSS", rss)
        if "rusplan -j1" in b[key]:
            r = b[key]["rusplan -j1"]
            row("  rusplan --jobs 1", [_secs(r["wall_s"]), "", "", ""])
    lines.append("")
    lines.extend(notes)
    if notes:
        lines.append("")
    lines.append("Ratios against issue 5's targets")
    for key, r in result["ratios"].items():
        lines.append(f"  {r['label']:<52} {r['value']:>8.2f}  target {r['target']:<7} {'met' if r['met'] else 'NOT MET'}")
    return "\n".join(lines) + "\n"


# --- main ---------------------------------------------------------------------------


def prepare(data: Path, sizes: dict, seed: int) -> tuple[dict, str, int]:
    """Generate the big set and hard-link its first files as the small set."""
    big_dir, small_dir = data / f"n{sizes['big']}", data / f"n{sizes['small']}"
    made = generate.generate(big_dir, sizes["big"], seed)
    if small_dir.exists():
        shutil.rmtree(small_dir)
    small_dir.mkdir()
    for name, _ in made[: sizes["small"]]:
        try:
            os.link(big_dir / name, small_dir / name)
        except OSError:
            shutil.copyfile(big_dir / name, small_dir / name)
    single = next(name for name, faults in made if not faults)
    sets = {
        "small": (small_dir.name, [f"{small_dir.name}/{n}" for n, _ in made[: sizes["small"]]]),
        "big": (big_dir.name, [f"{big_dir.name}/{n}" for n, _ in made]),
    }
    return sets, f"{big_dir.name}/{single}", sum(1 for _, f in made if f)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark rusplan against check-jsonschema and yamllint (issue 5).")
    parser.add_argument("--quick", action="store_true", help="smoke test: 200 and 1,000 files, 5 cold rounds")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, help="cold single-file rounds (default 15; 5 with --quick)")
    parser.add_argument("--repeats", type=int, help="runs of rusplan and the floor per batch, median (default 3 small / 1 big)")
    parser.add_argument("--peers-big", action="store_true",
                        help="also run check-jsonschema and yamllint on the big batch (full run: ~25 more minutes)")
    parser.add_argument("--data", help="folder for the generated files (default: a new folder under /tmp, removed afterwards)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--json", default="/tmp/rusplan-bench.json", help="write results here (default /tmp/rusplan-bench.json)")
    args = parser.parse_args(argv)

    missing = [t for t in TOOLS if not (BIN / t).exists()]
    if missing:
        sys.exit(f"run.py: {', '.join(missing)} not found next to {sys.executable}; install with: pip install -e '.[bench]'")
    sizes = {"small": 200, "big": 1000} if args.quick else {"small": 1000, "big": 10000}
    rounds = args.rounds or (5 if args.quick else 15)
    global ENV
    ENV = child_env()

    data = Path(args.data) if args.data else Path(tempfile.mkdtemp(prefix="rusplan-bench-", dir="/tmp"))
    data.mkdir(parents=True, exist_ok=True)
    generate.check_outside_repo(data)
    started = time.perf_counter()
    result: dict = {"started": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine(),
                    "params": {"quick": args.quick, "seed": args.seed, "rounds": rounds, "sizes": sizes, "data": str(data)},
                    "loadavg_before": os.getloadavg()}
    try:
        log(f"generating {sizes['big']} files in {data}")
        sets, single, bad = prepare(data, sizes, args.seed)
        result["params"].update(single_file=single, noncompliant_in_big=bad)
        schema = data / "programme-v1.schema.json"
        schema.write_text(subprocess.run([str(BIN / "rusplan"), "schema"], capture_output=True, text=True, check=True, env=ENV).stdout,
                          encoding="utf-8")
        log(f"one file, cold: {rounds} rounds of {', '.join(TOOLS)} on {single}")
        result["cold"] = cold(single, schema.name, data, rounds)
        result["batch"] = {}
        small_folder, small_files = sets["small"]
        result["batch"]["small"] = batch(sizes["small"], small_folder, small_files, schema.name, data,
                                         args.repeats or 3, True, None, True)
        result["batch"]["small"]["size"] = sizes["small"]
        extrapolate = None if args.peers_big else {**result["batch"]["small"], "size": sizes["small"]}
        big_folder, big_files = sets["big"]
        result["batch"]["big"] = batch(sizes["big"], big_folder, big_files, schema.name, data,
                                       args.repeats or 1, args.peers_big, extrapolate, False)
        result["batch"]["big"]["size"] = sizes["big"]
    except HarnessError as err:
        sys.stderr.write(f"run.py: a measured command failed: {err}\n")
        return 2
    finally:
        if not args.keep and not args.data:
            shutil.rmtree(data, ignore_errors=True)
    result["ratios"] = ratios(result)
    result["loadavg_after"] = os.getloadavg()
    result["harness_s"] = round(time.perf_counter() - started, 1)
    text = table(result)
    sys.stdout.write(text)
    sys.stdout.write(f"\nharness took {result['harness_s']:.0f} s; results in {args.json}\n")
    Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    return 0


ENV: dict = {}

if __name__ == "__main__":
    sys.exit(main())
