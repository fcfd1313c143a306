"""The rusplan benchmark harness (issues 5 and 16): rusplan vs check-jsonschema vs yamllint vs the parse floor.

    pip install '.[bench]'
    python benchmarks/run.py            # full run: 1,000 and 10,000 files
    python benchmarks/run.py --quick    # smoke test: 200 and 1,000 files, fewer rounds

Everything is measured in this one run on the same generated files (--parts
picks some of the four):
  cold    one file in a cold process, median of --rounds rounds with the tools
          interleaved;
  batch   one invocation per tool over a batch of files: `rusplan check --jobs 1`
          and `--jobs N` (N = CPUs) against the C-parse floor in 1 and N
          processes (like for like), check-jsonschema and yamllint;
  memory  max RSS of `rusplan check --format F --output FILE` on both batches,
          for every format;
  shapes  programmes with 0, 4, 8 and 20 binary choices, 20 and 60 courses:
          exit code, cold wall, and the CPU time of one more check.
It prints a table and the ratios against the issues' targets (report.py), and
writes everything to --json.  How a command is measured, and the noise share,
is in measure.py; the floor in floor.py.

The peers take ~85 ms per file, so by default they are not run on the big
batch: their big-batch time is *estimated* as start-up (the one-file cold
median) plus the per-file cost measured on the small batch times the big
size.  Estimated cells are marked `*` in the table, the ratios that use them
`(est.)`, and the JSON has "extrapolated" on those entries and "estimated":
true on those ratios.  --peers-big measures them instead (~30 more minutes;
`--peers-big check-jsonschema` measures only that one, ~15).
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
import generate  # noqa: E402  (sibling scripts)
import report  # noqa: E402
from floor import label as floor_label  # noqa: E402
from floor import run_floor  # noqa: E402
from measure import BIN, ENV, HarnessError, HarnessTimeout, arg_chunks, cpu_seconds, log, measure, wait_quiet  # noqa: E402

TOOLS = ("rusplan", "check-jsonschema", "yamllint")
PEERS = ("check-jsonschema", "yamllint")
FORMATS = ("text", "json", "sarif", "junit", "markdown", "github", "html")
PARTS = ("cold", "batch", "memory", "shapes")
RUSPLAN = str(BIN / "rusplan")


def ok_codes(tool: str) -> tuple:
    return (0, 1) if tool in PEERS else (0, 1, 2)


def commands(tool: str, target: str, files: list[str], schema: str) -> list[list[str]]:
    """The command line(s) a user would type; several only if the file list is too long."""
    if tool == "rusplan":
        return [[RUSPLAN, "check", target]]
    if tool.startswith("rusplan -j"):
        return [[RUSPLAN, "check", "--jobs", tool.removeprefix("rusplan -j"), target]]
    if tool == "check-jsonschema":
        prefix = [str(BIN / "check-jsonschema"), "--schemafile", schema]
        return [prefix + chunk for chunk in arg_chunks(prefix, files)]
    if tool == "yamllint":
        return [[str(BIN / "yamllint"), target]]
    raise ValueError(tool)


def run_tool(tool: str, target: str, files: list[str], schema: str, cwd: Path) -> dict:
    runs = [measure(argv, cwd, ok_codes(tool)) for argv in commands(tool, target, files, schema)]
    return {"wall_s": sum(r["wall_s"] for r in runs), "cpu_s": sum(r["cpu_s"] for r in runs),
            "rss_mb": max(r["rss_mb"] for r in runs), "rc": max(r["rc"] for r in runs),
            "foreign_share": max(r["foreign_share"] for r in runs), "invocations": len(runs)}


def check_json_path(path: Path) -> None:
    """Results go outside the repository, into bench-data/, or to the git-ignored benchmarks/results*.json."""
    target = path.resolve()
    if target.parent == generate.REPO / "benchmarks" and target.name.startswith("results") and target.suffix == ".json":
        return
    generate.check_outside_repo(target.parent)


def _median_of(runs: list[dict]) -> dict:
    """The run with the median wall time, with every sample's wall time kept."""
    ordered = sorted(runs, key=lambda s: s["wall_s"])
    median = dict(ordered[len(ordered) // 2])
    median.pop("stdout", None)
    median.update(runs=len(runs), samples_s=[round(s["wall_s"], 4) for s in ordered],
                  min_s=ordered[0]["wall_s"], max_s=ordered[-1]["wall_s"],
                  foreign_share=max(s["foreign_share"] for s in runs))
    return median


# --- cold and batch ---------------------------------------------------------------


def cold(single: str, schema: str, cwd: Path, rounds: int) -> dict:
    argv = {
        "rusplan": [RUSPLAN, "check", single],
        "check-jsonschema": [str(BIN / "check-jsonschema"), "--schemafile", schema, single],
        "yamllint": [str(BIN / "yamllint"), single],
    }
    for tool in TOOLS:  # warm-up: page cache and bytecode caches, not counted
        measure(argv[tool], cwd, ok_codes(tool))
    samples: dict[str, list] = {tool: [] for tool in TOOLS}
    for r in range(rounds):
        order = TOOLS[r % 3:] + TOOLS[:r % 3]  # rotate, so no tool always runs first
        for tool in order:
            samples[tool].append(measure(argv[tool], cwd, ok_codes(tool)))
    return {tool: _median_of(runs) for tool, runs in samples.items()}


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


def batch(size: int, folder: str, files: list[str], schema: str, cwd: Path, repeats: int, jobs: list[int],
          peers: tuple, extrapolate_from: dict | None) -> dict:
    """One invocation per tool: rusplan --jobs N and the N-process floor for each N, `repeats` times
    in alternating order (median); the peers in `peers` once, the others estimated from
    `extrapolate_from` (or not run, if that is None)."""
    cheap = [lab for j in jobs for lab in (report.rusplan_label(j), floor_label(j))]
    samples: dict[str, list] = {t: [] for t in cheap}
    for r in range(repeats):
        for tool in (cheap if r % 2 == 0 else cheap[::-1]):
            log(f"{size} files: {tool} ({r + 1}/{repeats})")
            if tool.startswith("floor"):
                samples[tool].append(run_floor(files, int(tool.removeprefix("floor x")), cwd))
            else:
                samples[tool].append(run_tool(tool, folder, files, schema, cwd))
    out: dict = {tool: _median_of(runs) for tool, runs in samples.items()}
    for tool in PEERS:
        if tool in peers:
            log(f"{size} files: {tool}")
            out[tool] = {**run_tool(tool, folder, files, schema, cwd), "runs": 1}
        elif extrapolate_from:
            out[tool] = estimate(tool, size, extrapolate_from)
    for result in out.values():
        result["files_per_s"] = size / result["wall_s"]
    out["size"] = size
    return out


# --- memory in every format ----------------------------------------------------------


def memory(sets: dict, formats: list[str], cwd: Path) -> dict:
    """Max RSS of `rusplan check --format F --output FILE DIR` (default --jobs) on each batch, per format.

    --output, as CI writes a SARIF or JUnit file; the report's size is kept, then the file is removed.
    """
    out: dict = {}
    for fmt in formats:
        out[fmt] = {}
        for key in ("small", "big"):
            folder, files = sets[key]
            target = cwd / f"report-{key}.{fmt}"
            log(f"{len(files)} files: --format {fmt}")
            r = measure([RUSPLAN, "check", "--format", fmt, "--output", target.name, "--force", folder], cwd, (0, 1, 2))
            r.pop("stdout")
            r["output_bytes"] = target.stat().st_size if target.exists() else None
            target.unlink(missing_ok=True)
            out[fmt][key] = r
        out[fmt]["rss_ratio"] = out[fmt]["big"]["rss_mb"] / out[fmt]["small"]["rss_mb"]
    return out


# --- study-path shapes -------------------------------------------------------------


def _first_report(path: Path, cwd: Path, timeout: float) -> dict:
    """Exit code, verdict and error codes of one check (JSON report, English)."""
    r = measure([RUSPLAN, "check", "--format", "json", "--lang", "en", "--jobs", "1", path.name], cwd, (0, 1, 2),
                capture=True, timeout=timeout)
    checked = json.loads(r["stdout"])["files"][0]
    return {"rc": r["rc"], "verdict": checked["verdict"],
            "errors": [e.get("code", "") for e in checked.get("errors", [])],
            "first_error": next((e["message"] for e in checked.get("errors", [])), "")}


def shapes(data: Path, seed: int, copies: int, rounds: int, timeout: float) -> list[dict]:
    """Each shape's exit code, cold wall, and check time relative to its family's no-choice file.

    The check time is the CPU time of one more check: `rusplan check --jobs 1` over a folder
    of `copies` hard links of the file minus over the file alone, divided by copies - 1, so
    start-up (the same for every shape) does not dilute the ratio.  CPU rather than wall
    time, because it moves less when other processes compete for the cores.  A refused
    file (exit 2) or one killed after `timeout` seconds is recorded as such, not timed.
    """
    folder = data / "shapes"
    made = generate.generate_shapes(folder, seed)
    out = []
    for shape in made:
        path = folder / shape["name"]
        entry = {**shape, "bytes": path.stat().st_size, "status": "checked"}
        out.append(entry)
        log(f"shape: {shape['courses']} courses, {shape['choices']} choices")
        try:
            entry.update(_first_report(path, folder, timeout))
            if entry["rc"] == 2:
                entry["status"] = f"refused (exit 2): {', '.join(entry['errors']) or entry['verdict']}"
                continue
            many = folder / f"{path.stem}-x{copies}"
            many.mkdir(exist_ok=True)
            for k in range(copies):
                link = many / f"copy-{k:03d}.yaml"
                if not link.exists():
                    os.link(path, link)
            one_runs, many_runs = [], []
            for _ in range(rounds):
                one_runs.append(measure([RUSPLAN, "check", "--jobs", "1", path.name], folder, (0, 1, 2), timeout=timeout))
                many_runs.append(measure([RUSPLAN, "check", "--jobs", "1", many.name], folder, (0, 1, 2), timeout=timeout))
        except HarnessTimeout:
            entry["status"] = f"timed out (killed after {timeout:g} s)"
            continue
        one, more = _median_of(one_runs), _median_of(many_runs)
        entry.update(cold_wall_s=one["wall_s"], cold_samples_s=one["samples_s"],
                     check_cpu_s=max(0.0, (statistics.median(r["cpu_s"] for r in many_runs)
                                           - statistics.median(r["cpu_s"] for r in one_runs)) / (copies - 1)),
                     check_wall_s=max(0.0, (more["wall_s"] - one["wall_s"]) / (copies - 1)),
                     rss_mb=one["rss_mb"], foreign_share=max(one["foreign_share"], more["foreign_share"]))
    for entry in out:
        base = next(s for s in out if s["courses"] == entry["courses"] and s["choices"] == 0)
        if entry["status"] == "checked" and base.get("check_cpu_s"):
            entry["ratio_to_none"] = entry["check_cpu_s"] / base["check_cpu_s"]
    return out


# --- the run ----------------------------------------------------------------------------


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


def _list(text: str, allowed: tuple, what: str) -> list[str]:
    items = [x.strip() for x in text.split(",") if x.strip()]
    unknown = [x for x in items if x not in allowed]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown {what}: {', '.join(unknown)} (choose from {', '.join(allowed)})")
    return items


def _sizes(text: str) -> dict:
    small, big = (int(x) for x in text.split(","))
    if not 1 < small < big:
        raise argparse.ArgumentTypeError("--sizes SMALL,BIG with 1 < SMALL < BIG")
    return {"small": small, "big": big}


def arguments(argv) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark rusplan against check-jsonschema, yamllint and the "
                                                 "C-parse floor (issues 5 and 16).")
    parser.add_argument("--quick", action="store_true",
                        help="smoke test: 200 and 1,000 files, 5 cold rounds, 6 copies per shape")
    parser.add_argument("--parts", type=lambda t: _list(t, PARTS, "part"), default=list(PARTS),
                        help=f"which measurements, comma-separated (default all: {','.join(PARTS)})")
    parser.add_argument("--formats", type=lambda t: _list(t, FORMATS, "format"), default=list(FORMATS),
                        help="formats for the memory part, comma-separated (default all seven)")
    parser.add_argument("--sizes", type=_sizes, help="small and big batch sizes (default 1000,10000; --quick 200,1000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, help="cold single-file rounds (default 15; 5 with --quick)")
    parser.add_argument("--repeats", type=int, help="runs of rusplan and the floors per batch, median "
                                                    "(default 3 small / 1 big)")
    parser.add_argument("--copies", type=int, help="copies of a shape checked in one run (default 21; 6 with --quick)")
    parser.add_argument("--shape-rounds", type=int, default=3, help="runs per shape, median (default 3)")
    parser.add_argument("--shape-timeout", type=float, default=600, metavar="SECONDS",
                        help="kill a shape's check after this long and record it as timed out (default 600)")
    parser.add_argument("--peers-big", nargs="?", const="all", choices=("all", "check-jsonschema"),
                        help="also run the peers (or only check-jsonschema) on the big batch instead of estimating "
                             "(full run: ~15 minutes per peer on 2 cores)")
    parser.add_argument("--data", help="folder for the generated files (default: a new folder under /tmp, removed afterwards)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--wait-quiet", type=float, default=0, metavar="SECONDS",
                        help="first wait up to this long for the machine to be idle (others < 10%% of the CPUs)")
    parser.add_argument("--json", default="/tmp/rusplan-bench.json", help="write results here (default /tmp/rusplan-bench.json)")
    args = parser.parse_args(argv)
    args.sizes = args.sizes or ({"small": 200, "big": 1000} if args.quick else {"small": 1000, "big": 10000})
    args.rounds = args.rounds or (5 if args.quick else 15)
    args.copies = max(2, args.copies or (6 if args.quick else 21))
    return args


def measure_all(args, data: Path, result: dict) -> None:
    sizes, parts = args.sizes, args.parts
    log(f"generating {sizes['big']} files in {data}")
    sets, single, bad = prepare(data, sizes, args.seed)
    result["params"].update(single_file=single, noncompliant_in_big=bad)
    schema = data / "programme-v1.schema.json"
    schema.write_text(subprocess.run([RUSPLAN, "schema"], capture_output=True, text=True, check=True, env=ENV).stdout,
                      encoding="utf-8")
    if "cold" in parts:
        log(f"one file, cold: {args.rounds} rounds of {', '.join(TOOLS)} on {single}")
        result["cold"] = cold(single, schema.name, data, args.rounds)
    if "batch" in parts:
        jobs = result["params"]["jobs"]
        small_folder, small_files = sets["small"]
        result["batch"] = {"small": batch(sizes["small"], small_folder, small_files, schema.name, data,
                                          args.repeats or 3, jobs, PEERS, None)}
        big_peers = {None: (), "all": PEERS, "check-jsonschema": ("check-jsonschema",)}[args.peers_big]
        basis = {"results": result["batch"]["small"], "cold": result["cold"], "size": sizes["small"]} if "cold" in parts else None
        big_folder, big_files = sets["big"]
        result["batch"]["big"] = batch(sizes["big"], big_folder, big_files, schema.name, data,
                                       args.repeats or 1, jobs, big_peers, basis)
    if "memory" in parts:
        result["memory"] = memory(sets, args.formats, data)
    if "shapes" in parts:
        result["shapes"] = shapes(data, args.seed, args.copies, args.shape_rounds, args.shape_timeout)


def _worst_foreign(result: dict) -> float:
    shares = [r.get("foreign_share", 0) for r in (result.get("cold") or {}).values()]
    for part in (result.get("batch") or {}).values():
        shares += [r.get("foreign_share", 0) for r in part.values() if isinstance(r, dict)]
    for fmt in (result.get("memory") or {}).values():
        shares += [r["foreign_share"] for r in fmt.values() if isinstance(r, dict)]
    shares += [s.get("foreign_share", 0) for s in result.get("shapes") or []]
    return max(shares, default=0.0)


def main(argv=None) -> int:
    args = arguments(argv)
    check_json_path(Path(args.json))
    missing = [t for t in TOOLS if not (BIN / t).exists()]
    if missing:
        sys.exit(f"run.py: {', '.join(missing)} not found next to {sys.executable}; install with: pip install '.[bench]'")
    if args.wait_quiet:
        wait_quiet(args.wait_quiet)
    data = Path(args.data) if args.data else Path(tempfile.mkdtemp(prefix="rusplan-bench-", dir="/tmp"))
    generate.check_outside_repo(data)
    data.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    result: dict = {"started": dt.datetime.now().isoformat(timespec="seconds"), "harness": 2, "machine": machine(),
                    "params": {"quick": args.quick, "seed": args.seed, "rounds": args.rounds, "sizes": args.sizes,
                               "jobs": sorted({1, os.cpu_count() or 1}), "parts": args.parts,
                               "formats": args.formats if "memory" in args.parts else [],
                               "copies": args.copies, "shape_rounds": args.shape_rounds,
                               "peers_big": args.peers_big, "data": str(data),
                               "command": " ".join([Path(sys.argv[0]).name] + (argv if argv is not None else sys.argv[1:]))},
                    "loadavg_before": os.getloadavg()}
    busy0, own0 = cpu_seconds()
    try:
        measure_all(args, data, result)
    except HarnessError as err:
        sys.stderr.write(f"run.py: a measured command failed: {err}\n")
        return 2
    finally:
        if not args.keep and not args.data:
            shutil.rmtree(data, ignore_errors=True)
    result["ratios"] = report.targets(result)
    result["loadavg_after"] = os.getloadavg()
    busy1, own1 = cpu_seconds()
    elapsed = time.perf_counter() - started
    # CPU time the machine spent on anything but this harness: noise in the figures.
    result["foreign_cpu_s"] = max(0.0, (busy1 - busy0) - (own1 - own0))
    result["foreign_cpu_share"] = result["foreign_cpu_s"] / (elapsed * (os.cpu_count() or 1))
    result["worst_foreign_share"] = _worst_foreign(result)
    result["harness_s"] = round(elapsed, 1)
    sys.stdout.write(report.table(result))
    sys.stdout.write(f"\n$ python benchmarks/{result['params']['command']}\n"
                     f"harness took {result['harness_s']:.0f} s; results in {args.json}\n")
    Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
