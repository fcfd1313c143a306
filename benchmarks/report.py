"""The harness's verdicts and its printed table: ratios against issues 5 and 16, met / NOT MET.

Reads the result dict `run.py` builds (and writes to --json); measures nothing.
A target whose measurement was not taken in this run (--parts, --formats) is
listed as "not measured"; one whose file could not be checked (a shape refused
with exit 2, or killed at its time limit) is NOT MET, with the reason.
"""

from __future__ import annotations

from floor import label as floor_label

def rusplan_label(jobs: int) -> str:
    return f"rusplan -j{jobs}"


def _get(tree: dict, *keys):
    for key in keys:
        if not isinstance(tree, dict) or key not in tree:
            return None
        tree = tree[key]
    return tree


def _div(a, b):
    return None if a is None or b in (None, 0) else a / b


def targets(result: dict) -> list[dict]:
    """Every target: issue, label, value (None if not measured), limit, op, and why it has no value."""
    jobs = result["params"]["jobs"]
    big, small = _get(result, "batch", "big") or {}, _get(result, "batch", "small") or {}
    n = jobs[-1]
    sizes = result["params"]["sizes"]
    growth = sizes["big"] / sizes["small"]
    rows = [
        (16, "cold_vs_cjs", "one file, cold: rusplan / check-jsonschema wall",
         _div(_get(result, "cold", "rusplan", "wall_s"), _get(result, "cold", "check-jsonschema", "wall_s")), 0.35, "<="),
        (16, "cold_vs_yamllint", "one file, cold: rusplan / yamllint wall",
         _div(_get(result, "cold", "rusplan", "wall_s"), _get(result, "cold", "yamllint", "wall_s")), 0.9, "<="),
        (5, "throughput_vs_cjs", f"{sizes['big']:,} files: {rusplan_label(n)} / check-jsonschema throughput",
         _div(_get(big, "check-jsonschema", "wall_s"), _get(big, rusplan_label(n), "wall_s")), 5.0, ">="),
    ]
    for j in jobs:
        rows.append((16, f"floor_j{j}", f"{sizes['big']:,} files: {rusplan_label(j)} / C-parse {floor_label(j)}",
                     _div(_get(big, rusplan_label(j), "wall_s"), _get(big, floor_label(j), "wall_s")), 2.0, "<="))
    rows.append((5, "time_scaling", f"{rusplan_label(n)} wall {sizes['big']:,} / {sizes['small']:,} files",
                 _div(_get(big, rusplan_label(n), "wall_s"), _get(small, rusplan_label(n), "wall_s")), 1.1 * growth, "<="))
    for fmt in result["params"]["formats"]:
        rows.append((16, f"memory_{fmt}", f"max RSS {sizes['big']:,} / {sizes['small']:,} files, --format {fmt}",
                     _get(result, "memory", fmt, "rss_ratio"), 1.5, "<="))
    why: dict[str, str] = {}
    for shape in result.get("shapes") or []:
        if shape["choices"] == max(s["choices"] for s in result["shapes"]) and shape["choices"]:
            key = f"choices_{shape['courses']}"
            rows.append((16, key, f"{shape['courses']} courses: {shape['choices']} choices / no choice, check time",
                         shape.get("ratio_to_none"), 3.0, "<="))
            if shape["status"] != "checked":
                why[key] = shape["status"]
    estimated = bool(_get(big, "check-jsonschema", "extrapolated"))
    out = []
    for issue, key, text, value, limit, op in rows:
        met = None if value is None else (value <= limit if op == "<=" else value >= limit)
        if key in why:
            met = False
        out.append({"key": key, "issue": issue, "label": text, "value": None if value is None else round(value, 3),
                    "target": f"{op} {limit:g}", "met": met, "why": why.get(key, ""),
                    "estimated": key == "throughput_vs_cjs" and estimated})
    return out


def _secs(x) -> str:
    if x is None:
        return "-"
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.3f} s" if x < 10 else f"{x:.1f} s"


def _ratio(x: float) -> str:
    return f"{x:.3f}" if x < 1 else f"{x:.2f}"


def _mb(x) -> str:
    return "-" if x is None else f"{x:.0f} MB"


class _Table:
    def __init__(self, first: int, width: int):
        self.first, self.width, self.lines = first, width, []

    def row(self, label: str, cells) -> None:
        self.lines.append(f"{label:<{self.first}}" + "".join(f"{cell:>{self.width}}" for cell in cells))

    def text(self, line: str = "") -> None:
        self.lines.append(line)


def _cold(t: _Table, result: dict) -> None:
    c = result["cold"]
    tools = list(c)
    t.row(f"one file, cold (median of {result['params']['rounds']})", tools)
    t.row("  wall", [_secs(c[x]["wall_s"]) for x in tools])
    t.row("  max RSS", [_mb(c[x]["rss_mb"]) for x in tools])
    t.text()


def _batches(t: _Table, result: dict, notes: list) -> None:
    jobs = result["params"]["jobs"]
    cols = [lab for j in jobs for lab in (rusplan_label(j), floor_label(j))] + ["check-jsonschema", "yamllint"]
    t.row("batches, one invocation each", cols)
    for key in ("small", "big"):
        b = result["batch"].get(key)
        if not b:
            continue
        size = b["size"]
        walls, rate, cpu, rss = [], [], [], []
        for col in cols:
            r = b.get(col)
            if r is None:
                walls.append("not run"), rate.append("-"), cpu.append("-"), rss.append("-")
                continue
            mark = ""
            if r.get("extrapolated"):
                mark = " *"
                notes.append(f"* {col}, {size:,} files: {r['extrapolated']} (use --peers-big to measure)")
            elif r.get("invocations", 1) > 1:
                mark = " +"
                notes.append(f"+ {col}, {size:,} files: {r['invocations']} invocations (argument list too long), times summed")
            walls.append(_secs(r["wall_s"]) + mark)
            rate.append(f"{r['files_per_s']:.0f}/s")
            cpu.append("-" if r.get("extrapolated") else _secs(r["cpu_s"]))
            rss.append("-" if r.get("extrapolated") else _mb(r["rss_mb"]))
        t.row(f"{size:,} files: wall", walls)
        t.row("  throughput", rate)
        t.row("  CPU time (user+sys)", cpu)
        t.row("  max RSS", rss)
    t.text("  (floor x N: the slowest of N processes' CSafeLoader parse loops, start-up excluded)")
    t.text()


def _memory(t: _Table, result: dict) -> None:
    sizes = result["params"]["sizes"]
    t.row("max RSS per format (--output FILE)", [f"{sizes['small']:,} files", f"{sizes['big']:,} files", "ratio",
                                                 "report size", "wall big"])
    for fmt, m in result["memory"].items():
        big = m.get("big", {})
        t.row(f"  {fmt}", [_mb(_get(m, "small", "rss_mb")), _mb(big.get("rss_mb")),
                           "-" if m.get("rss_ratio") is None else f"{m['rss_ratio']:.2f}",
                           "-" if big.get("output_bytes") is None else f"{big['output_bytes'] / 1e6:.1f} MB",
                           _secs(big.get("wall_s"))])
    t.text()


def _shapes(t: _Table, result: dict) -> None:
    p = result["params"]
    t.text(f"choices: one programme per shape; check = CPU per extra check, --jobs 1, 1 vs {p['copies']} copies "
           f"(median of {p['shape_rounds']})")
    t.row("  shape", ["paths", "size", "exit", "cold wall", "check", "x no choice"])
    for s in result["shapes"]:
        name = f"  {s['courses']} courses, {s['choices']} choices"
        if s["status"] != "checked":
            t.lines.append(f"{name:<{t.first}}" + f"{s['paths']:>{t.width},}" + f"{s['bytes'] / 1024:>{t.width - 3}.0f} KB"
                           + f"   {s['status']}")
            continue
        ratio = s.get("ratio_to_none")
        t.row(name, [f"{s['paths']:,}", f"{s['bytes'] / 1024:.0f} KB", str(s["rc"]), _secs(s["cold_wall_s"]),
                     _secs(s["check_cpu_s"]), "-" if ratio is None else f"{ratio:.2f}"])
    t.text()


def table(result: dict) -> str:
    m, p = result["machine"], result["params"]
    t = _Table(38, 17)
    kind = "QUICK run" if p["quick"] else "full run"
    t.text(f"rusplan benchmark (harness v2)  {result['started']}  seed {p['seed']}  {kind}, "
           f"{p['sizes']['small']:,} / {p['sizes']['big']:,} files")
    t.text(f"machine: {m['nproc']} CPUs ({m['cpu']}), Python {m['python']}, "
           f"rusplan {m['versions']['rusplan']} ({m['rusplan_commit']})")
    busy = result["foreign_cpu_share"]
    t.text(f"other processes used {result['foreign_cpu_s']:.0f} CPU-seconds during the run ({busy:.0%} of the machine)"
           + ("  -- busy machine: figures are noisy" if busy > 0.05 else ""))
    t.text()
    notes: list[str] = []
    if result.get("cold"):
        _cold(t, result)
    if result.get("batch"):
        _batches(t, result, notes)
    if result.get("memory"):
        _memory(t, result)
    if result.get("shapes"):
        _shapes(t, result)
    t.lines.extend(notes + ([""] if notes else []))
    t.text("Targets (issue 5 and issue 16)")
    for r in result["ratios"]:
        if r["value"] is None and not r["why"]:
            verdict, value = "not measured", "-"
        else:
            verdict = "met" if r["met"] else "NOT MET"
            value = "-" if r["value"] is None else _ratio(r["value"])
        if r["why"]:
            verdict += f" ({r['why']})"
        if r["estimated"]:
            verdict += " (est.: check-jsonschema time estimated, *)"
        t.text(f"  [{r['issue']:>2}] {r['label']:<58} {value:>7}  target {r['target']:<7} {verdict}")
    for text, value in info(result):
        t.text(f"  (info) {text:<58} {value:>7}")
    return "\n".join(t.lines) + "\n"


def info(result: dict) -> list[tuple[str, str]]:
    """Figures printed for information, with no target."""
    out = []
    jobs, big, small = result["params"]["jobs"], _get(result, "batch", "big"), _get(result, "batch", "small")
    if big:
        n = rusplan_label(jobs[-1])
        old = _div(_get(big, n, "wall_s"), _get(big, floor_label(1), "wall_s"))
        if old is not None and jobs[-1] != 1:
            out.append((f"OLD HARNESS, not like for like: {n} / {floor_label(1)}", _ratio(old)))
        cpu = _div(_get(big, n, "cpu_s"), _get(small, n, "cpu_s"))
        if cpu is not None:
            out.append((f"{n} CPU time big / small batch", _ratio(cpu)))
        for j in jobs:  # CPU time moves less than wall time when others take the cores
            ratio = _div(_get(big, rusplan_label(j), "cpu_s"), _get(big, floor_label(j), "cpu_s"))
            if ratio is not None:
                out.append((f"{rusplan_label(j)} / {floor_label(j)}, CPU time (floor with start-up)", _ratio(ratio)))
        speedup = _div(_get(big, rusplan_label(1), "wall_s"), _get(big, n, "wall_s"))
        if speedup is not None and jobs[-1] != 1:
            out.append((f"{rusplan_label(1)} wall / {n} wall (big batch)", _ratio(speedup)))
    out.append(("worst share of the machine used by others, one measurement", f"{result['worst_foreign_share']:.0%}"))
    return out
