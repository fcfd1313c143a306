"""The rusplan benchmark harness (issue 5): rusplan vs check-jsonschema vs yamllint.

    pip install '.[bench]'
    python benchmarks/run.py            # full run: 1,000 and 10,000 files
    python benchmarks/run.py --quick    # smoke test: 200 and 1,000 files, 5 rounds

Everything is measured in this one run on the same generated files:
(a) one file in a cold process, median of --rounds rounds with the tools
interleaved; (b) one invocation per tool over a batch of files; (c) the max
RSS of each measured process tree; (d) the floor: parsing the same files with
PyYAML's C loader in one process.  It prints a table and the ratios against
issue 5's targets, and writes everything to --json.

Each measured command runs as a fresh child; wall time is time.perf_counter
around it, and CPU time and max RSS come from os.wait4 on that child (the
largest single process of the tree: children it reaped, such as rusplan's
worker processes, count, but their RSS is not summed).  Exit codes 1 and 2 of
a checker mean "found problems", not a harness error; a traceback on stderr
is an error.

The peers take ~85 ms per file, so by default they are not run on the big
batch: their big-batch time is *estimated* as start-up (the one-file cold
median) plus the per-file cost measured on the small batch times the big
size.  Estimated cells are marked `*` in the table, the ratios that use them
`(est.)`, and the JSON has "extrapolated" on those entries and "estimated":
true on those ratios.  --peers-big measures them instead (~30 more minutes).

Noise: /proc/stat gives the CPU time the whole machine spent; whatever this
harness and its children did not spend was spent by other processes.  That
share is reported per measurement ("foreign_share") and for the whole run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
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
# except throughput, which must be >= its limit.  "big" is 10,000 files and
# "small" 1,000 (--quick: 1,000 and 200).  time_scaling's 11 is for a 10x
# bigger batch (10% over linear); it is scaled to the actual size ratio.
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
        busy0, own0 = cpu_seconds()
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=ENV, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE if capture else subprocess.DEVNULL, stderr=err)
        out = proc.stdout.read() if capture else b""
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        busy1, own1 = cpu_seconds()  # own1 includes the child, reaped by wait4
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
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
    return {"wall_s": sum(r["wall_s"] for r in runs), "cpu_s": sum(r["cpu_s"] for r in runs),
            "rss_mb": max(r["rss_mb"] for r in runs), "rc": max(r["rc"] for r in runs),
            "foreign_share": max(r["foreign_share"] for r in runs), "invocations": len(runs)}


def run_floor(files: list[str], cwd: Path) -> dict:
    listing = cwd / f"floor-{len(files)}.txt"
    listing.write_text("\n".join(files) + "\n", encoding="utf-8")
    r = measure([sys.executable, "-c", FLOOR_CODE, listing.name], cwd, (0,), capture=True)
    parsed = json.loads(r.pop("stdout"))
    # The floor is the parse loop itself; the process wall (start-up + import) is kept for reference.
    return {"wall_s": parsed["parse_s"], "process_wall_s": r["wall_s"], "cpu_s": r["cpu_s"], "rss_mb": r["rss_mb"],
            "rc": 0, "foreign_share": r["foreign_share"], "invocations": 1}


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


def check_json_path(path: Path) -> None:
    """Results go outside the repository, into bench-data/, or to the git-ignored benchmarks/results*.json."""
    target = path.resolve()
    if target.parent == generate.REPO / "benchmarks" and target.name.startswith("results") and target.suffix == ".json":
        return
    generate.check_outside_repo(target.parent)


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
                     "cpu_s": statistics.median(s["cpu_s"] for s in runs),
                     "rss_mb": statistics.median(s["rss_mb"] for s in runs), "rc": runs[0]["rc"],
                     "foreign_share": max(s["foreign_share"] for s in runs),
                     "runs": len(runs), "samples_s": [round(w, 4) for w in walls]}
    return out


def estimate(tool: str, size: int, basis: dict) -> dict:
    """A peer's time on `size` files, from its cold one-file run and its small-batch run.

    wall(n) = start-up + n * per-file: the cold median is start-up plus one file,
    the small batch start-up plus n_small files.  (Scaling the small batch by
    size / n_small would count the start-up size / n_small times, in rusplan's favour.)
    """
    small, one, n = basis["results"][tool], basis["cold"][tool], basis["size"]
    est = {}
    for key in ("wall_s", "cpu_s"):
        fixed = min(one[key], small[key])
        est[key] = fixed + (small[key] - fixed) / max(1, n - 1) * (size - 1)
    return {**est, "rss_mb": None, "rc": small["rc"], "invocations": 0, "runs": 0,
            "extrapolated": f"estimated: cold start-up + {size:,} x the per-file cost of the {n:,}-file run"}


def batch(size: int, folder: str, files: list[str], schema: str, cwd: Path, repeats: int,
          peers: bool, extrapolate_from: dict | None, with_j1: bool) -> dict:
    """One invocation per tool; rusplan and the floor `repeats` times (median).

    `with_j1` adds one run of `rusplan check --jobs 1` (for information: the
    one-process figure next to the one-process floor).  The peers run once,
    or, with `peers` false, are estimated from `extrapolate_from`.
    """
    out: dict = {}
    cheap = ["rusplan", FLOOR] + (["rusplan -j1"] if with_j1 else [])
    samples: dict[str, list] = {t: [] for t in cheap}
    for r in range(repeats):
        for tool in (cheap if r % 2 == 0 else cheap[::-1]):
            if tool == "rusplan -j1" and samples[tool]:
                continue
            log(f"{size} files: {tool}" + ("" if tool == "rusplan -j1" else f" ({r + 1}/{repeats})"))
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
            out[tool] = estimate(tool, size, extrapolate_from)
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
    """The targets' ratios; each with its value, target, met, and whether it rests on an estimate."""
    c, small, big = result["cold"], result["batch"]["small"], result["batch"]["big"]
    values = {
        "cold_vs_cjs": c["rusplan"]["wall_s"] / c["check-jsonschema"]["wall_s"],
        "cold_vs_yamllint": c["rusplan"]["wall_s"] / c["yamllint"]["wall_s"],
        "throughput_vs_cjs": big["check-jsonschema"]["wall_s"] / big["rusplan"]["wall_s"],
        "wall_vs_floor": big["rusplan"]["wall_s"] / big[FLOOR]["wall_s"],
        "rss_scaling": big["rusplan"]["rss_mb"] / small["rusplan"]["rss_mb"],
        "time_scaling": big["rusplan"]["wall_s"] / small["rusplan"]["wall_s"],
    }
    estimated = {"throughput_vs_cjs": bool(big["check-jsonschema"].get("extrapolated"))}
    out = {}
    growth = big["size"] / small["size"]
    for key, label, limit, op in TARGETS:
        value = values[key]
        if key == "time_scaling":
            limit = 1.1 * growth
        met = value <= limit if op == "<=" else value >= limit
        out[key] = {"label": label, "value": round(value, 3), "target": f"{op} {limit:g}", "met": met,
                    "estimated": estimated.get(key, False)}
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
        f"other processes used {result['foreign_cpu_s']:.0f} CPU-seconds during the run "
        f"({result['foreign_cpu_share']:.0%} of the machine){'  -- busy machine: figures are noisy' if result['foreign_cpu_share'] > 0.05 else ''}",
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
        cells, rss, rate, cpu = [], [], [], []
        for t in cols:
            r = b[key].get(t)
            if r is None:
                cells.append("not run"), rss.append("-"), rate.append("-"), cpu.append("-")
                continue
            cpu.append(_secs(r["cpu_s"]) if not r.get("extrapolated") else "-")
            mark = ""
            if r.get("extrapolated"):
                mark = " *"
                notes.append(f"* {t}, {size:,} files: {r['extrapolated']} (use --peers-big to measure)")
            elif r.get("invocations", 1) > 1:
                mark = " +"
                notes.append(f"+ {t}, {size:,} files: {r['invocations']} invocations (argument list too long), times summed")
            cells.append(_secs(r["wall_s"]) + mark)
            rss.append(f"{r['rss_mb']:.0f} MB" if not r.get("extrapolated") else "-")
            rate.append(f"{r['files_per_s']:.0f}/s")
        row(f"{size:,} files, one invocation", cells)
        row("  throughput", rate)
        row("  CPU time (user+sys)", cpu)
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
        verdict = ("met" if r["met"] else "NOT MET") + (" (est.: check-jsonschema time estimated, *)" if r.get("estimated") else "")
        lines.append(f"  {r['label']:<52} {r['value']:>8.2f}  target {r['target']:<7} {verdict}")
    small, big = b["small"]["rusplan"], b["big"]["rusplan"]
    lines.append(f"  {'(info) rusplan CPU time big / small batch':<52} {big['cpu_s'] / small['cpu_s']:>8.2f}")
    if "rusplan -j1" in b["small"]:
        j1 = b["small"]["rusplan -j1"]["wall_s"] / b["small"][FLOOR]["wall_s"]
        lines.append(f"  {'(info) small batch: rusplan --jobs 1 / C-parse floor':<52} {j1:>8.2f}")
    noisy = max(r.get("foreign_share", 0) for part in (c, b["small"], b["big"]) for r in part.values() if isinstance(r, dict))
    lines.append(f"  {'(info) worst share of the machine used by others':<52} {noisy:>8.0%}  during one measurement")
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
                        help="also run check-jsonschema and yamllint on the big batch instead of estimating it "
                             "(full run: ~30 more minutes on 2 cores)")
    parser.add_argument("--data", help="folder for the generated files (default: a new folder under /tmp, removed afterwards)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--wait-quiet", type=float, default=0, metavar="SECONDS",
                        help="first wait up to this long for the machine to be idle (others < 10%% of the CPUs)")
    parser.add_argument("--json", default="/tmp/rusplan-bench.json", help="write results here (default /tmp/rusplan-bench.json)")
    args = parser.parse_args(argv)
    check_json_path(Path(args.json))

    missing = [t for t in TOOLS if not (BIN / t).exists()]
    if missing:
        sys.exit(f"run.py: {', '.join(missing)} not found next to {sys.executable}; install with: pip install '.[bench]'")
    sizes = {"small": 200, "big": 1000} if args.quick else {"small": 1000, "big": 10000}
    rounds = args.rounds or (5 if args.quick else 15)
    global ENV
    ENV = child_env()

    if args.wait_quiet:
        wait_quiet(args.wait_quiet)
    data = Path(args.data) if args.data else Path(tempfile.mkdtemp(prefix="rusplan-bench-", dir="/tmp"))
    generate.check_outside_repo(data)
    data.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    result: dict = {"started": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine(),
                    "params": {"quick": args.quick, "seed": args.seed, "rounds": rounds, "sizes": sizes, "data": str(data)},
                    "loadavg_before": os.getloadavg()}
    busy0, own0 = cpu_seconds()
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
        extrapolate = None if args.peers_big else {"results": result["batch"]["small"], "cold": result["cold"],
                                                   "size": sizes["small"]}
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
    busy1, own1 = cpu_seconds()
    elapsed = time.perf_counter() - started
    # CPU time the machine spent on anything but this harness: noise in the figures.
    result["foreign_cpu_s"] = max(0.0, (busy1 - busy0) - (own1 - own0))
    result["foreign_cpu_share"] = result["foreign_cpu_s"] / (elapsed * (os.cpu_count() or 1))
    result["harness_s"] = round(time.perf_counter() - started, 1)
    text = table(result)
    sys.stdout.write(text)
    sys.stdout.write(f"\nharness took {result['harness_s']:.0f} s; results in {args.json}\n")
    Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    return 0


ENV: dict = {}

if __name__ == "__main__":
    sys.exit(main())
