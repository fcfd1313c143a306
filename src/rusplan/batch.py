"""Many files: find them, check them on every core, keep the order.

Folder walks never leave the folders given: directory symlinks are not
followed, file symlinks only when they resolve inside the folder, and
special files (FIFOs, devices, sockets) are reported, not opened.
Results come back ordered by path whatever the number of workers, so the
output is byte-identical for --jobs 1 and --jobs 4.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from dataclasses import dataclass
from typing import Iterator

from .result import FileReport, Problem

PATTERNS = ("*.yaml", "*.yml")


@dataclass(slots=True)  # one per file of a batch, held for the whole run: keep it small
class Target:
    path: str
    explicit: bool  # named on the command line (vs. found in a folder walk)
    problem: str = ""  # messages.py key: why it cannot even be opened (broken link, FIFO, ...)
    params: dict | None = None  # for the problem's message


def discover(paths: list[str], include: list[str], exclude: list[str], only_programmes: bool = False) -> list[Target]:
    """The files to check, sorted by path.

    With `only_programmes`, files named directly are treated like files found
    in a folder: YAML that is not a rusplan programme is skipped (for hooks
    that hand over every staged *.yaml).
    """
    targets: dict[str, Target] = {}
    for given in paths:
        if os.path.isdir(given):
            for target in _walk(given, include or list(PATTERNS), exclude):
                targets.setdefault(target.path, target)
        else:
            targets.setdefault(given, Target(given, not only_programmes))
    return [targets[p] for p in sorted(targets)]


def _excluded(rel: str, patterns: list[str]) -> bool:
    name = os.path.basename(rel)
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns)


def _walk(root: str, include: list[str], exclude: list[str]) -> Iterator[Target]:
    real_root = os.path.realpath(root)
    unreadable: list[OSError] = []  # folders os.walk could not list; silently skipped otherwise
    # os.walk lists directory symlinks but, with followlinks=False, never enters them.
    for folder, dirs, files in os.walk(root, onerror=unreadable.append, followlinks=False):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not _excluded(os.path.relpath(os.path.join(folder, d), root), exclude)
        )
        for name in sorted(files):
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            if not any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) for p in include):
                continue
            if _excluded(rel, exclude):
                continue
            yield _classify(path, real_root)
    for exc in unreadable:
        yield Target(exc.filename, False, "unreadable-folder", {"reason": exc.strerror})


def _classify(path: str, real_root: str) -> Target:
    try:
        info = os.lstat(path)
    except OSError as exc:
        return Target(path, False, "unreadable", {"reason": exc.strerror})
    if stat.S_ISLNK(info.st_mode):
        try:
            real = os.path.realpath(path, strict=True)
        except (OSError, RuntimeError):
            return Target(path, False, "link-broken")
        if os.path.commonpath([real, real_root]) != real_root:
            return Target(path, False, "link-outside")
        info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        return Target(path, False, "special-file")
    return Target(path, False)


# --- workers ---------------------------------------------------------------

_STATE: dict = {}


def _init(rules_path, options) -> None:
    from .ruleset import load_rulesets

    _STATE["rulesets"] = load_rulesets(rules_path, options.lang)
    _STATE["options"] = options


def check_target(target: Target) -> FileReport | None:
    """Check one target in this process; None for a foreign YAML file found in a walk."""
    from . import messages
    from .checker import check_document, read

    options = _STATE["options"]
    report = FileReport(target.path)
    if target.problem:
        report.errors.append(Problem(messages.text(target.problem, options.lang, **(target.params or {})), code=target.problem))
        return report
    doc = read(target.path, options)
    if isinstance(doc, Problem):
        report.errors.append(doc)
        return report
    if not target.explicit and not (isinstance(doc.data, dict) and doc.data.get("format") == "rusplan/v1"):
        return None
    return check_document(doc, _STATE["rulesets"], options, report)


def run(targets: list[Target], rules_path, options, jobs: int, progress=None) -> Iterator[FileReport]:
    """Check all targets, yielding reports in target order as they finish.

    Reports are streamed, not collected, so memory stays flat however many
    files there are; `progress(done, total)` is called after each file.
    """
    _init(rules_path, options)
    total = len(targets)
    if jobs <= 1 or total < 2:
        reports: Iterator = map(check_target, targets)
        yield from _counted(reports, total, progress)
        return
    import multiprocessing

    # Big chunks amortise inter-process overhead; small enough that both
    # workers stay busy to the end and the progress bar moves.
    chunk = max(1, min(64, total // (jobs * 8) or 1))
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with context.Pool(jobs, initializer=_init, initargs=(rules_path, options)) as pool:
        # imap keeps input order, so output does not depend on scheduling.
        yield from _counted(pool.imap(check_target, targets, chunksize=chunk), total, progress)


def _counted(reports: Iterator, total: int, progress) -> Iterator[FileReport]:
    for done, report in enumerate(reports, 1):
        if progress:
            progress(done, total)
        if report is not None:
            yield report
