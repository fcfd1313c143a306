"""Headless Chromium for the HTML report, and the screenshot in docs/img/.

`python tests/make_screenshot.py` renders the HTML report of
examples/compliant.yaml and saves its screenshot as
docs/img/report-compliant.png.  tests/test_browser.py uses the same helpers,
so the picture in the docs is the one the browser test takes.

Chromium is driven by its command line only (no extra Python packages):
``--dump-dom`` gives the DOM after load, ``--screenshot`` a PNG, and
``--enable-logging=stderr`` every console message as an ``INFO:CONSOLE`` line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-01-15"
WINDOW = (1280, 5600)  # tall enough for the whole compliant report: rules, heat map, timeline
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
    "--enable-logging=stderr",
    "--v=0",
)


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


@dataclass
class Page:
    dom: str
    console: list[str]  # the page's console messages, errors included
    returncode: int
    stderr: str


def start(page: Path, profile: Path, screenshot: Path | None = None) -> subprocess.Popen:
    """Open `page` in headless Chromium; wait for it with :func:`finish`."""
    args = [chromium_path() or "chromium", *FLAGS, f"--user-data-dir={profile}", "--dump-dom"]
    if screenshot is not None:
        args += [f"--screenshot={screenshot}", f"--window-size={WINDOW[0]},{WINDOW[1]}"]
    args.append(page.resolve().as_uri())
    env = {**os.environ, "HOME": str(profile), "XDG_CONFIG_HOME": str(profile), "XDG_CACHE_HOME": str(profile)}
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace", env=env)


def finish(process: subprocess.Popen, timeout: float = 90) -> Page:
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
    console = [line for line in err.splitlines() if ":CONSOLE" in line]
    return Page(out, console, process.returncode, err)


def print_pdf(page: Path, pdf: Path, profile: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """Print `page` to A4 PDF as Chromium's print dialog does (the page's @page rules), without header or footer."""
    args = [chromium_path() or "chromium", *FLAGS, f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.resolve().as_uri()]
    env = {**os.environ, "HOME": str(profile), "XDG_CONFIG_HOME": str(profile), "XDG_CACHE_HOME": str(profile)}
    return subprocess.run(args, capture_output=True, text=True, encoding="utf-8", errors="replace", env=env, timeout=timeout)


def run_rusplan(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rusplan", *args], cwd=REPO_ROOT, capture_output=True, text=True, encoding="utf-8")


def render_workbook_matrix(workbook: Path, output: Path) -> subprocess.CompletedProcess:
    """examples/compliant.yaml as the coordinator's workbook, and its coverage matrix as HTML."""
    converted = run_rusplan("convert", "examples/compliant.yaml", str(workbook), "--force")
    if converted.returncode != 0:
        return converted
    return run_rusplan("matrix", str(workbook), "--format", "html", "--output", str(output), "--force")


def render_report(programme: Path, output: Path, *extra: str) -> subprocess.CompletedProcess:
    """`rusplan check PROGRAMME --format html --output OUTPUT`, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "rusplan", "check", str(programme), "--format", "html", "--output", str(output), "--force", "--as-of", AS_OF, *extra],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def main() -> int:
    if chromium_path() is None:
        sys.stderr.write("chromium is not installed (apt-get install chromium)\n")
        return 2
    target = REPO_ROOT / "docs" / "img" / "report-compliant.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.html"
        # A relative path, as the README runs it, so the picture shows no temporary folder.
        rendered = render_report(Path("examples/compliant.yaml"), report, "--lang", "nb")
        if rendered.returncode != 0:
            sys.stderr.write(rendered.stdout + rendered.stderr)
            return 2
        page = finish(start(report, Path(tmp) / "profile", target))
        matrix_target = REPO_ROOT / "docs" / "img" / "matrix-workbook.png"
        matrix = Path(tmp) / "matrix.html"
        made = render_workbook_matrix(Path(tmp) / "plan.xlsx", matrix)
        if made.returncode != 0:
            sys.stderr.write(made.stdout + made.stderr)
            return 2
        matrix_page = finish(start(matrix, Path(tmp) / "profile-matrix", matrix_target))
    for shown, picture in ((page, target), (matrix_page, matrix_target)):
        if shown.console or not picture.exists():
            sys.stderr.write("\n".join(shown.console) + shown.stderr[-2000:])
            return 1
        print(f"wrote {picture.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
