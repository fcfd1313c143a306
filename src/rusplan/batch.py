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
import signal
import stat
import sys
from collections import deque
from dataclasses import dataclass
from typing import Any, Iterator

from .core.result import FileReport, Problem, Skipped

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
    # The default patterns ignore case: a programme saved as PLAN.YAML is still a programme.
    fold = include == list(PATTERNS)
    for folder, dirs, files in os.walk(root, onerror=unreadable.append, followlinks=False):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not _excluded(os.path.relpath(os.path.join(folder, d), root), exclude)
        )
        for name in sorted(files):
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            shown = name.lower() if fold else name
            if not any(fnmatch.fnmatch(shown, p) or fnmatch.fnmatch(rel, p) for p in include):
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
    from .core.ruleset import load_rulesets

    _STATE["rulesets"] = load_rulesets(rules_path, options.lang)
    _STATE["options"] = options


def check_target(target: Target) -> FileReport | Skipped:
    """Check one target in this process (the pipeline's check_file); Skipped for a foreign YAML file found in a walk."""
    from .core.pipeline import check_file

    options = _STATE["options"]
    if target.problem:
        from . import messages

        report = FileReport(target.path)
        report.errors.append(Problem(messages.text(target.problem, options.lang, **(target.params or {})), code=target.problem))
        return report
    return check_file(target.path, _STATE["rulesets"], options, explicit=target.explicit)


def run(targets: list[Target], rules_path, options, jobs: int, progress=None, skipped=None) -> Iterator[FileReport]:
    """Check all targets, yielding reports in target order as they finish.

    Reports are streamed, not collected, so memory stays flat however many
    files there are; `progress(done, total)` is called after each file, and
    each file a folder walk skips is appended to `skipped` (a list) as a Skipped.
    """
    _init(rules_path, options)
    total = len(targets)
    if jobs <= 1 or total < 2:
        reports: Iterator = map(check_target, targets)
        yield from _counted(reports, total, progress, skipped)
        return
    pool = _Pool(jobs, rules_path, options)
    try:
        yield from _counted(pool.imap(targets), total, progress, skipped)
    except BaseException:  # an interrupt, a closed pipe, a bug: no worker may outlive this
        pool.terminate()
        raise
    pool.close()


def _counted(reports: Iterator, total: int, progress, skipped) -> Iterator[FileReport]:
    for done, report in enumerate(reports, 1):
        if progress:
            progress(done, total)
        if isinstance(report, Skipped):
            if skipped is not None:
                skipped.append(report)
        else:
            yield report


# --- the worker pool --------------------------------------------------------
#
# multiprocessing.Pool waits forever for a worker the out-of-memory killer
# took, and concurrent.futures fails every pending file when one worker dies.
# This pool gives each worker a few files at a time over its own pipe and
# watches its process: when one dies, the file it was on is reported as not
# checked (with the signal), the rest of its share goes to a new worker, and
# results still come out in path order.

_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _worker(conn, rules_path, options) -> None:
    """A worker's life: files in, reports out, until the parent closes the pipe or goes away."""
    # Ctrl-C reaches the whole process group: the parent alone decides what an interrupt means
    # and ends the workers with SIGTERM, whose default action is a silent exit.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGNALS)
    _die_with_parent()
    try:
        if not _STATE:  # forked workers inherit the rules; spawned ones load them
            _init(rules_path, options)
        while True:
            batch = conn.recv()
            if batch is None:
                break
            for index, target in batch:
                try:
                    conn.send((index, check_target(target), None))
                except Exception as exc:  # a bug, not bad input: the parent raises it
                    conn.send((index, None, exc))
    except BaseException:  # the parent went away (EOF, broken pipe): nothing to report to
        pass
    finally:
        os._exit(0)


def _die_with_parent() -> None:
    """On Linux, have the kernel send SIGTERM to this worker if the parent dies (even by SIGKILL)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


@dataclass(slots=True)
class _Worker:
    process: Any
    conn: Any
    batch: deque  # (index, target) sent and not yet answered, in order


class _Pool:
    def __init__(self, jobs: int, rules_path, options) -> None:
        import multiprocessing

        self.context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        self.args = (rules_path, options)
        self.lang = options.lang
        self.workers: list[_Worker] = []
        for _ in range(jobs):
            self.workers.append(self._start())

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_worker, args=(child, *self.args), daemon=True)
        # Signals stay blocked from the fork until the worker has set its own handlers,
        # so a Ctrl-C at that moment cannot run the parent's handler in the child.
        mask = getattr(signal, "pthread_sigmask", None)  # POSIX; Windows spawns, with no handlers to inherit
        old = mask(signal.SIG_BLOCK, _SIGNALS) if mask else None
        try:
            process.start()
        finally:
            if mask:
                mask(signal.SIG_SETMASK, old)
        child.close()
        return _Worker(process, parent, deque())

    def imap(self, targets: list[Target]) -> Iterator[FileReport | Skipped]:
        from multiprocessing.connection import wait

        total = len(targets)
        jobs = len(self.workers)
        # Small shares keep every worker busy to the end and lose little when one dies.
        share = max(1, min(16, total // (jobs * 8) or 1))
        window = jobs * share * 4  # results held for reordering at most
        pending = deque(range(total))
        done: dict[int, Any] = {}
        following = 0  # the next index to yield
        while following < total:
            for slot, worker in enumerate(self.workers):
                # Topped up before it runs dry, so a worker is never idle while files wait.
                if len(worker.batch) < share and pending and pending[0] < following + window:
                    if not worker.process.is_alive():
                        if worker.batch:
                            continue  # died at work: _collect reports its file below
                        worker = self.workers[slot] = self._replace(worker)  # died idle: nothing lost
                    batch = []
                    while pending and len(batch) < share and pending[0] < following + window:
                        index = pending.popleft()
                        batch.append((index, targets[index]))
                    worker.batch.extend(batch)
                    try:
                        worker.conn.send(batch)
                    except OSError:  # died in between: the share goes back, the next round replaces it
                        worker.batch.clear()
                        pending.extendleft(i for i, _ in reversed(batch))
            busy = [w for w in self.workers if w.batch]
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
            for worker in busy:
                if worker.conn in ready or worker.process.sentinel in ready:
                    self._collect(worker, done, pending, targets)
            while following in done:
                report, error = done.pop(following)
                if error is not None:
                    raise error
                yield report
                following += 1

    def _collect(self, worker: _Worker, done: dict, pending: deque, targets: list[Target]) -> None:
        """Take what `worker` has sent; if it has died, report its file and replace it."""
        import pickle

        try:
            while worker.batch and worker.conn.poll():
                index, report, error = worker.conn.recv()
                worker.batch.popleft()
                done[index] = (report, error)
            if worker.batch and not worker.process.is_alive():
                raise EOFError
        except (EOFError, OSError, pickle.UnpicklingError):
            worker.process.join()
            index, target = worker.batch.popleft()
            done[index] = (self._dead(target, worker.process.exitcode), None)
            pending.extendleft(i for i, _ in reversed(worker.batch))
            worker.batch.clear()
            self.workers[self.workers.index(worker)] = self._replace(worker)

    def _replace(self, worker: _Worker) -> _Worker:
        worker.process.join()
        worker.conn.close()
        return self._start()

    def _dead(self, target: Target, exitcode: int | None) -> FileReport:
        from . import messages

        code = exitcode or 0
        if code < 0:
            try:
                how = messages.text("worker-signal", self.lang, number=-code, name=signal.Signals(-code).name)
            except ValueError:
                how = messages.text("worker-signal", self.lang, number=-code, name="?")
        else:
            how = messages.text("worker-exit", self.lang, code=code)
        report = FileReport(target.path)
        report.errors.append(Problem(messages.text("worker-died", self.lang, how=how), code="worker-died"))
        return report

    def close(self) -> None:
        """The normal end: every worker is told to stop and is waited for."""
        for worker in self.workers:
            try:
                worker.conn.send(None)
            except OSError:
                pass
        for worker in self.workers:
            worker.process.join(5)
        self.terminate()

    def terminate(self) -> None:
        """Stop every worker now (SIGTERM, then SIGKILL for one that does not go) and reap it."""
        for worker in self.workers:
            if worker.process.is_alive():
                worker.process.terminate()
        for worker in self.workers:
            worker.process.join(2)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
