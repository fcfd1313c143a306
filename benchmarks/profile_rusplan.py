"""Where rusplan's time goes: import times, a cold check, and a batch with --jobs 1.

    pip install '.[bench]'                              # includes pyinstrument
    python benchmarks/profile_rusplan.py                 # 1,000 generated files
    python benchmarks/profile_rusplan.py --files 200     # quicker
    python benchmarks/profile_rusplan.py --shape 60,8    # also one check of a choice shape

Prints (and writes to --out) three summaries:
1. `python -X importtime -m rusplan check examples/compliant.yaml`: the
   biggest cumulative import costs;
2. pyinstrument of that cold check: time in imports vs. work, time per package,
   and the functions with the most inclusive and self time;
3. pyinstrument of `rusplan check --jobs 1` over the generated files, the same
   summaries;
4. with --shape C,K: pyinstrument of one check of the shape with C courses and
   K binary choices (generate.py --shapes), where study paths cost the most.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402  (sibling script)

BIN = Path(sys.executable).parent
EXAMPLE = generate.REPO / "examples" / "compliant.yaml"


def env() -> dict:
    e = dict(os.environ)
    e.pop("PYTHONDONTWRITEBYTECODE", None)  # profile with bytecode caches, as users run it
    return e


# --- importtime -------------------------------------------------------------------


def importtime(out: Path, top: int) -> str:
    argv = [sys.executable, "-X", "importtime", "-m", "rusplan", "check", str(EXAMPLE)]
    for _ in range(3):  # the first runs write bytecode caches; keep the last
        proc = subprocess.run(argv, capture_output=True, text=True, env=env(), cwd=generate.REPO)
    (out / "importtime.txt").write_text(proc.stderr, encoding="utf-8")
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cum_us, name = line.split(":", 1)[1].split("|")
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        rows.append((int(self_us), int(cum_us), depth, name.strip()))
    total = sum(cum for _, cum, depth, _ in rows if depth == 0)
    lines = [f"import time (cumulative, -X importtime): {total / 1000:.1f} ms in top-level imports",
             f"{'cum ms':>8} {'self ms':>8}  module (indent = imported by the line above it)"]
    for self_us, cum_us, depth, name in sorted(rows, key=lambda r: -r[1])[:top]:
        lines.append(f"{cum_us / 1000:8.1f} {self_us / 1000:8.1f}  {'  ' * depth}{name}")
    return "\n".join(lines) + "\n"


# --- pyinstrument ---------------------------------------------------------------------


# `python -m rusplan` leaves through os._exit (no interpreter teardown), which would also
# skip pyinstrument's writing of the profile: call the typer app and let SystemExit end it.
RUN_CLI = "import sys; from rusplan.cli import app; sys.argv[0] = 'rusplan'; app()"


def pyinstrument(argv: list[str], out: Path, name: str, interval: float, warm_up: bool) -> dict:
    session = out / f"{name}.pyisession"
    cmd = [str(BIN / "pyinstrument"), "-i", str(interval), "-r", "pyisession", "-o", str(session), "-c", RUN_CLI, *argv]
    for _ in range(2 if warm_up else 1):  # rusplan exits 1 or 2 for non-compliant files: not an error here
        session.unlink(missing_ok=True)
        subprocess.run(cmd, stdout=subprocess.DEVNULL, env=env(), cwd=generate.REPO)
    if not session.exists():
        sys.exit(f"profile_rusplan.py: pyinstrument wrote no profile for rusplan {' '.join(argv)}")
    for renderer in ("json", "text"):
        subprocess.run([str(BIN / "pyinstrument"), "--load", str(session), "-r", renderer, "-o", str(out / f"{name}.{renderer}")],
                       env=env(), check=True)
    return json.loads((out / f"{name}.json").read_text(encoding="utf-8"))


def _group(frame: dict) -> str:
    """The package (or rusplan module, or stdlib module) a frame belongs to."""
    path = frame.get("file_path") or ""
    for root in ("/src/rusplan/", "site-packages/rusplan/"):  # editable or regular install
        if root in path:
            return "rusplan." + path.split(root, 1)[1].removesuffix(".py").replace("/", ".")
    if "site-packages/" in path:
        return path.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    if path.startswith("<"):
        return ""  # built-in: charged to the Python frame that called it
    return "stdlib:" + Path(path).stem


def summarise(profile: dict, title: str, top: int) -> str:
    root = profile["root_frame"]
    total = root["time"]
    by_group: dict[str, float] = defaultdict(float)
    inclusive: dict[str, float] = defaultdict(float)
    self_time: dict[str, float] = defaultdict(float)
    imports = 0.0

    def key(frame):
        return f"{frame['function']}  {frame.get('file_path_short', '')}:{frame.get('line_no', '')}"

    def walk(frame, group, seen, in_import, parent_key=""):
        nonlocal imports
        if frame["function"] == "[self]":  # pyinstrument's node for its parent's own time
            by_group[group] += frame["time"]
            self_time[parent_key] += frame["time"]
            return
        group = _group(frame) or group
        k = key(frame)
        is_import = frame["function"] == "<module>" and frame is not root
        if is_import and not in_import:
            imports += frame["time"]
        if k not in seen:
            inclusive[k] += frame["time"]
        children = frame.get("children", [])
        own = frame["time"] - sum(c["time"] for c in children)
        by_group[group] += own
        self_time[k] += own
        for child in children:
            walk(child, group, seen | {k}, in_import or is_import, k)

    walk(root, "?", frozenset(), False)
    lines = [f"{title}: {total * 1000:.0f} ms profiled ({profile['sample_count']} samples); "
             f"module imports {imports * 1000:.0f} ms ({100 * imports / total:.0f}%)",
             "", "self time by package / rusplan module:"]
    for group, t in sorted(by_group.items(), key=lambda kv: -kv[1])[:top]:
        lines.append(f"  {t * 1000:9.1f} ms {100 * t / total:5.1f}%  {group}")
    lines += ["", "functions by inclusive time (excluding module imports):"]
    shown = [(k, t) for k, t in inclusive.items() if not k.startswith("<module>")]
    for k, t in sorted(shown, key=lambda kv: -kv[1])[:top]:
        lines.append(f"  {t * 1000:9.1f} ms {100 * t / total:5.1f}%  {k}")
    lines += ["", "functions by self time:"]
    for k, t in sorted(self_time.items(), key=lambda kv: -kv[1])[:top]:
        lines.append(f"  {t * 1000:9.1f} ms {100 * t / total:5.1f}%  {k}")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Profile rusplan (issues 5 and 16).")
    parser.add_argument("--files", type=int, default=1000, help="files in the batch profile (default 1000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default="/tmp/rusplan-profile", help="folder for profiles and data (default /tmp/rusplan-profile)")
    parser.add_argument("--top", type=int, default=20, help="rows per summary (default 20)")
    parser.add_argument("--shape", metavar="COURSES,CHOICES",
                        help="also profile one check of this choice shape, e.g. 60,8 "
                             f"(courses {generate.SHAPE_COURSES}, choices {generate.SHAPE_CHOICES})")
    args = parser.parse_args(argv)
    if not (BIN / "pyinstrument").exists():
        sys.exit("profile_rusplan.py: pyinstrument not found; pip install pyinstrument")
    out = Path(args.out)
    generate.check_outside_repo(out)
    out.mkdir(parents=True, exist_ok=True)
    data = out / "data"
    generate.generate(data, args.files, args.seed)

    parts = [importtime(out, args.top)]
    cold = pyinstrument(["check", str(EXAMPLE)], out, "cold", 0.0002, True)
    parts.append(summarise(cold, "cold check of examples/compliant.yaml", args.top))
    batch = pyinstrument(["check", "--jobs", "1", str(data)], out, "batch", 0.001, False)
    parts.append(summarise(batch, f"batch of {args.files} files, --jobs 1", args.top))
    if args.shape:
        courses, choices = (int(x) for x in args.shape.split(","))
        generate.generate_shapes(out / "shapes", args.seed)
        shape = out / "shapes" / generate.SHAPE_NAME.format(courses=courses, choices=choices)
        if not shape.exists():
            sys.exit(f"profile_rusplan.py: no shape {args.shape}; courses {generate.SHAPE_COURSES}, "
                     f"choices {generate.SHAPE_CHOICES}")
        profile = pyinstrument(["check", "--jobs", "1", str(shape)], out, "shape", 0.0005, True)
        parts.append(summarise(profile, f"one check of {courses} courses with {choices} binary choices", args.top))
    report = ("\n" + "-" * 78 + "\n\n").join(parts)
    (out / "summary.txt").write_text(report, encoding="utf-8")
    sys.stdout.write(report)
    sys.stdout.write(f"\nprofiles (json, text) and summary.txt in {out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
