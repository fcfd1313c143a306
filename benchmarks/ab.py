"""One change measured on its own: rusplan at two revisions, alternating, on the same files.

    python benchmarks/ab.py --base main --head WORKTREE --count 1000 --rounds 7
    python benchmarks/ab.py --base 1a2b3c4 --head 5d6e7f8 --jobs 2 --shape 60,8

Each revision's src/ and rules/ are exported (git archive; WORKTREE is the
working tree as it is) into a temporary folder and run as
`python -S -m rusplan check --jobs J FOLDER` with PYTHONPATH set to that
src/ and this interpreter's site-packages (-S: the editable install's finder
stays out, so each run imports the revision it names). Runs alternate
base, head, head, base, ... after one warm-up run each (bytecode, the rules
cache, one per revision), so a machine that gets busier or quieter during the
measurement weighs on both alike. Reported: median CPU time and wall of each,
head / base, and the share of the machine other processes used.

Before timing, both revisions' `--format json` output over the folder is
compared: a speed-up that changes a verdict or a byte of the report is
refused (exit 1). --shape C,K times one generated choice shape (C courses, K
choices) instead, as --copies hard links of it.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402  (sibling scripts)
from measure import ENV, log, measure  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
WORKTREE = "WORKTREE"


def export(rev: str, into: Path) -> Path:
    """src/ and rules/ of `rev` (or of the working tree) under `into`; returns the src folder."""
    into.mkdir(parents=True)
    if rev == WORKTREE:
        for part in ("src", "rules"):
            shutil.copytree(REPO / part, into / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    else:
        data = subprocess.run(["git", "-C", str(REPO), "archive", rev, "src", "rules"], check=True, capture_output=True).stdout
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            archive.extractall(into, filter="data")
    return into / "src"


def environment(src: Path, cache: Path) -> dict:
    env = dict(ENV)
    env["PYTHONPATH"] = os.pathsep.join([str(src), sysconfig.get_paths()["purelib"]])
    env["RUSPLAN_CACHE_DIR"] = str(cache)
    return env


def files(args, work: Path) -> tuple[Path, str]:
    """The folder to check and what it holds."""
    if args.shape:
        courses, choices = (int(x) for x in args.shape.split(","))
        shapes = work / "shapes"
        generate.generate_shapes(shapes, args.seed)
        source = shapes / generate.SHAPE_NAME.format(courses=courses, choices=choices)
        folder = work / "copies"
        folder.mkdir()
        for i in range(args.copies):
            os.link(source, folder / f"copy-{i:03d}.yaml")
        return folder, f"{args.copies} copies of {source.name}"
    folder = Path(args.data) if args.data else work / "data"
    if not args.data or not folder.exists():
        generate.generate(folder, args.count, args.seed)
    return folder, f"{sum(1 for _ in folder.glob('*.yaml'))} generated files"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="main", help="revision to compare against (default main)")
    parser.add_argument("--head", default=WORKTREE, help=f"revision measured (default {WORKTREE}: the working tree)")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", help="an existing folder of programmes to check instead of generated ones")
    parser.add_argument("--shape", metavar="C,K", help="time one choice shape: C courses, K binary choices")
    parser.add_argument("--copies", type=int, default=21)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=7, help="timed runs of each revision (default 7)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="rusplan-ab-") as tmp:
        work = Path(tmp)
        envs = {}
        for label, rev in (("base", args.base), ("head", args.head)):
            envs[label] = environment(export(rev, work / label), work / f"cache-{label}")
        folder, what = files(args, work)
        check = [sys.executable, "-S", "-m", "rusplan", "check", "--jobs", str(args.jobs), str(folder)]
        outputs = {
            label: measure(check[:5] + ["--format", "json", "--lang", "en"] + check[5:], work, (0, 1, 2), capture=True, env=env)["stdout"]
            for label, env in envs.items()
        }
        if outputs["base"] != outputs["head"]:
            log("the two revisions write different reports: not a like-for-like change")
            return 1
        samples: dict[str, list[dict]] = {"base": [], "head": []}
        for label in ("base", "head"):  # warm-up
            measure(check, work, (0, 1, 2), env=envs[label])
        for i in range(args.rounds):
            order = ("base", "head") if i % 2 == 0 else ("head", "base")
            for label in order:
                samples[label].append(measure(check, work, (0, 1, 2), env=envs[label]))
            log(f"round {i + 1}/{args.rounds}: " + ", ".join(f"{k} {samples[k][-1]['cpu_s']:.2f} s CPU" for k in order))

    cpu = {k: statistics.median(r["cpu_s"] for r in v) for k, v in samples.items()}
    wall = {k: statistics.median(r["wall_s"] for r in v) for k, v in samples.items()}
    foreign = max(r["foreign_share"] for v in samples.values() for r in v)
    print(f"{what}, --jobs {args.jobs}, {args.rounds} alternating rounds (median); reports identical")
    print(f"  base {args.base}: CPU {cpu['base']:.3f} s  wall {wall['base']:.3f} s")
    print(f"  head {args.head}: CPU {cpu['head']:.3f} s  wall {wall['head']:.3f} s")
    print(f"  head / base: CPU {cpu['head'] / cpu['base']:.3f}  wall {wall['head'] / wall['base']:.3f}"
          f"  (other processes used up to {foreign:.0%} of the machine during one run)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
