"""The command line.  Each command imports only what it needs.

Exit codes: 0 compliant, 1 a rule failed, 2 could not check (bad input,
bad rules file, bad usage).
"""

from __future__ import annotations

import os
import signal
import sys
from contextlib import closing
from enum import Enum
from typing import List, Optional

import typer

from .core.result import EXIT_INVALID

app = typer.Typer(
    name="rusplan",
    help="Check a study programme against the regulation on interdisciplinary further education in "
    "mental-health and substance-use work (tverrfaglig videreutdanning i psykisk helsearbeid og rusarbeid).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _print_version(value: bool) -> None:
    if value:
        from . import __version__

        sys.stdout.write(f"rusplan {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True, help="Print rusplan's version and exit."),
) -> None:
    # Options of rusplan itself, before the command (no docstring: the app's help stays).
    pass


rules_app = typer.Typer(help="List or validate rules.", invoke_without_command=True, rich_markup_mode=None)
app.add_typer(rules_app, name="rules")


class Lang(str, Enum):
    nb = "nb"
    nn = "nn"
    en = "en"


class Format(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    markdown = "markdown"
    github = "github"
    html = "html"


def fail(key: str, lang: str, **params) -> None:
    """A one-line reason (messages.py `key`) on stderr and exit code 2."""
    from . import messages
    from .reporters.escape import visible

    sys.stderr.write(f"rusplan: {visible(messages.text(key, lang, **params))}\n")
    raise typer.Exit(EXIT_INVALID)


def _rulesets(rules: Optional[str], lang: str):
    from .core.ruleset import RulesError, load_rulesets

    try:
        return load_rulesets(rules, lang)
    except RulesError as err:
        for p in err.problems:
            from .reporters.escape import visible

            where = f"{err.path}:{p.line}:{p.column}" if p.line else err.path
            sys.stderr.write(f"{visible(where)}: {visible(p.message)}\n")
        raise typer.Exit(EXIT_INVALID) from None


def _use_color(no_color: bool, stream) -> bool:
    return not no_color and "NO_COLOR" not in os.environ and hasattr(stream, "isatty") and stream.isatty()


def _terminal_width() -> int | None:
    """The terminal's width when stdout is one; None (no wrapping) for pipes, files and CI logs.

    A log keeps one verdict per line, greppable as path:line:column; only a
    person at a terminal gets the report wrapped to fit.
    """
    if not (hasattr(sys.stdout, "isatty") and sys.stdout.isatty()):
        return None
    import shutil

    return max(shutil.get_terminal_size((80, 24)).columns, 40)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _refuse_input_as_output(output: Optional[str], paths: List[str], rulesets, lang: str) -> None:
    """-o never names a file the run reads: a programme, or a rules file (even with --force)."""
    if not output or output == "-" or not os.path.exists(output):
        return
    if any(_same_file(output, p) for p in paths):
        fail("cli-output-is-input", lang, path=output)
    if any(_same_file(output, str(r.path)) for r in rulesets if getattr(r, "path", None)):
        fail("cli-output-is-rules", lang, path=output)


class _opened:
    """stdout, or --output written safely (never over an existing file without --force).

    A regular file is written to a temporary file beside it and renamed over
    it only once the report is complete, so an interrupted or failed run
    leaves the previous report as it was.  Anything else that exists (a
    device such as /dev/full, a FIFO) is written in place: renaming over it
    would replace the device.  A write error is one line and exit 2.
    """

    def __init__(self, output: Optional[str], force: bool, lang: str) -> None:
        self.output, self.force, self.lang, self.handle, self.temp, self.final = output, force, lang, None, None, output

    def __enter__(self):
        if self.output is None or self.output == "-":
            return sys.stdout.write
        if os.path.exists(self.output) and not self.force:
            fail("cli-output-exists", self.lang, path=self.output)
        try:
            if os.path.exists(self.output) and not os.path.isfile(self.output):
                self.handle = open(self.output, "w", encoding="utf-8")
            else:
                import tempfile

                # Through a symbolic link to the file it names, as open() would write it.
                self.final = os.path.realpath(self.output)
                folder, name = os.path.split(self.final)
                fd, self.temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
                self.handle = open(fd, "w", encoding="utf-8")
        except OSError as exc:
            self._discard()
            fail("cli-cannot-write", self.lang, path=self.output, reason=exc.strerror)
        return self._write

    def _write(self, text: str) -> None:
        try:
            self.handle.write(text)
        except OSError as exc:
            self._discard()
            fail("cli-cannot-write", self.lang, path=self.output, reason=exc.strerror)

    def __exit__(self, kind, value, traceback) -> None:
        if self.handle is None:
            return
        if kind is not None:
            self._discard()  # interrupted, or the report failed: the previous file stays
            return
        try:
            self.handle.close()
            if self.temp:
                _keep_mode(self.final, self.temp)
                os.replace(self.temp, self.final)
                self.temp = None
        except OSError as exc:
            self._discard()
            fail("cli-cannot-write", self.lang, path=self.output, reason=exc.strerror)

    def _discard(self) -> None:
        if self.handle is not None:
            try:
                self.handle.close()
            except OSError:
                pass
        self.handle = None
        if self.temp:
            try:
                os.unlink(self.temp)
            except OSError:
                pass
            self.temp = None


def _keep_mode(target: str, temp: str) -> None:
    """The replaced file keeps its permissions; a new one gets the usual 0666 less the umask."""
    try:
        mode = os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp, mode)


def _split(values: Optional[List[str]]) -> frozenset:
    return frozenset(v.strip() for value in values or [] for v in value.split(",") if v.strip())


@app.command()
def check(
    paths: List[str] = typer.Argument(..., metavar="FILE_OR_DIR...", help="Programme files, or folders to search for *.yaml/*.yml."),
    rules: Optional[str] = typer.Option(None, "--rules", help="Another rules file or folder of rules files."),
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="YYYY-MM-DD", help="Judge § 22's dates as of this day (default: today)."),
    lang: Lang = typer.Option(Lang.nb, "--lang", help="Language of messages; quotes stay Norwegian."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="Report format."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the report to this file."),
    force: bool = typer.Option(False, "--force", help="Overwrite --output if it exists."),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail too."),
    select: Optional[List[str]] = typer.Option(None, "--select", metavar="RULE,...", help="Only these rules."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", metavar="RULE,...", help="Not these rules."),
    include: Optional[List[str]] = typer.Option(None, "--include", metavar="GLOB", help="In folders, only files matching (default *.yaml, *.yml)."),
    exclude: Optional[List[str]] = typer.Option(None, "--exclude", metavar="GLOB", help="In folders, skip files matching."),
    only_programmes: bool = typer.Option(
        False, "--only-programmes", help="Skip named YAML files that are not rusplan programmes (as in folders)."
    ),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes for many files (default: number of CPUs)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only failures and the verdict."),
    no_color: bool = typer.Option(False, "--no-color", help="No colour (also: NO_COLOR set)."),
    max_bytes: int = typer.Option(5 * 1024 * 1024, "--max-bytes", help="Refuse files larger than this."),
) -> None:
    """Check programme files against the rules; exit 0 compliant, 1 not, 2 could not check."""
    import datetime as dt

    from . import batch
    from .core.pipeline import Options
    from .reporters import MATRIX_FORMATS, SKIPS_SHOWN, RenderContext, write
    from .core.result import exit_code

    try:
        day = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    except ValueError:
        fail("cli-bad-date", lang.value, value=as_of)
    rulesets = _rulesets(rules, lang.value)
    known = {r.id for rs in rulesets for r in rs.rules}
    chosen, skipped = _split(select), _split(ignore)
    unknown = sorted((chosen | skipped) - known)
    if unknown:
        fail("cli-unknown-rules", lang.value, rules=", ".join(unknown))
    options = Options(
        lang=lang.value,
        as_of=day,
        max_bytes=max_bytes,
        select=chosen,
        ignore=skipped,
        strict=strict,
        with_matrix=fmt.value in MATRIX_FORMATS,
    )
    targets = batch.discover(paths, list(include or []), list(exclude or []), only_programmes)
    if not targets:
        fail("cli-no-files", lang.value, paths=", ".join(paths))
    _refuse_input_as_output(output, [t.path for t in targets], rulesets, lang.value)
    cpus = os.cpu_count() or 1
    workers = jobs if jobs > 0 else cpus
    if workers > cpus:  # --jobs 1000 would fork 1,000 processes for no gain
        from . import messages

        sys.stderr.write(f"rusplan: {messages.text('cli-jobs-capped', lang.value, asked=workers, cpus=cpus)}\n")
        workers = cpus
    ctx = RenderContext(
        lang=lang.value,
        color=fmt == Format.text and output is None and _use_color(no_color, sys.stdout),
        quiet=quiet,
        rulesets=rulesets,
        as_of=day.isoformat(),
        width=_terminal_width() if fmt == Format.text and output is None else None,
    )
    with _opened(output, force, lang.value) as out, _progress(len(targets)) as progress:
        # closing(): if writing fails (a closed pipe), the worker pool inside
        # the generator is shut down here, not left to the interpreter's exit.
        with closing(batch.run(targets, rules, options, min(workers, len(targets)), progress, ctx.skipped)) as reports:
            briefs = write(fmt.value, reports, ctx, out)
    if ctx.skipped and fmt.value not in SKIPS_SHOWN:  # the format has no place for them: say so on stderr
        from .reporters.common import skipped_lines

        for line in skipped_lines(ctx.skipped, lang.value):
            sys.stderr.write(f"rusplan: {line}\n")
    raise typer.Exit(exit_code(briefs))


class _progress:
    """A progress bar on stderr, only on a terminal and only after a second."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar = None
        self.task = None

    def __enter__(self):
        import time

        self.started = time.monotonic()
        if self.total < 2 or not sys.stderr.isatty():
            return None
        return self.update

    def update(self, done: int, total: int) -> None:
        import time

        if self.bar is None:
            if time.monotonic() - self.started < 1.0:
                return
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("rusplan", total=total)
        self.bar.update(self.task, completed=done)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


@rules_app.callback()
def rules_list(
    ctx: typer.Context,
    rules: Optional[str] = typer.Option(None, "--rules", help="Another rules file or folder."),
    lang: Lang = typer.Option(Lang.nb, "--lang"),
) -> None:
    """List the rules: id, §, severity and title."""
    if ctx.invoked_subcommand:
        return
    for ruleset in _rulesets(rules, lang.value):
        for rule in ruleset.rules:
            sys.stdout.write(f"{rule.id:<22} {rule.section:<9} {rule.severity:<8} {rule.text('title', lang.value)}\n")


@rules_app.command("validate")
def rules_validate(path: str = typer.Argument(..., help="A rules file or folder.")) -> None:
    """Validate a rules file against the bundled meta-schema; exit 0 if valid, 2 if not."""
    from .reporters.escape import visible

    rulesets = _rulesets(path, "en")
    for ruleset in rulesets:
        counts = f"{len(ruleset.rules)} rules" + (f", {len(ruleset.outcomes)} outcomes" if "outcomes" in ruleset.vocabularies else "")
        sys.stdout.write(f"{visible(ruleset.path)}: valid ({counts})\n")


@app.command()
def explain(
    rule: str = typer.Argument(..., help='A rule id, e.g. practice-weeks, or a section, e.g. "§ 21".'),
    rules: Optional[str] = typer.Option(None, "--rules"),
    lang: Lang = typer.Option(Lang.nb, "--lang"),
) -> None:
    """What a rule checks, the regulation text, the accepted spellings and examples; "§ 21" lists that section's rules."""
    from . import messages
    from .explain import explain_rule, explain_section, nearest_rule, section_rules

    rulesets = _rulesets(rules, lang.value)
    for ruleset in rulesets:
        found = ruleset.rule(rule)
        if found:
            sys.stdout.write(explain_rule(found, ruleset, lang.value))
            return
    in_section = section_rules(rule, rulesets)
    if in_section:
        sys.stdout.write(explain_section(rule, in_section, lang.value))
        return
    if rule.replace("§", "").strip().isdigit():
        import re

        sections = sorted({r.section for rs in rulesets for r in rs.rules}, key=lambda x: ("§" not in x, [int(n) for n in re.findall(r"[0-9]+", x)]))
        fail("explain-no-section", lang.value, section=rule.strip(), sections=", ".join(sections))
    best = nearest_rule(rule, rulesets)
    suggestion = messages.text("schema-suggestion", lang.value, best=best) if best else ""
    fail("explain-unknown-rule", lang.value, rule=rule, suggestion=suggestion)


@app.command()
def schema(kind: str = typer.Option("programme", "--kind", help="The document kind (see `rusplan rules list`); default the study programme.")) -> None:
    """Print the JSON Schema of the programme file format (for editors and check-jsonschema)."""
    from . import kinds

    found = kinds.get(kind)
    if found is None:
        fail("cli-unknown-kind", "nb", kind=kind, known=", ".join(k.name for k in kinds.all_kinds()))
    with open(found.schema, encoding="utf-8") as handle:
        sys.stdout.write(handle.read())


# --- outcomes, matrix, init: every document kind answers them through its hooks (rusplan.kinds):
# `outcomes(ruleset, lang, group)`, the "matrix" view, `starter(ruleset, lang)`.  `--kind` names
# the kind (default: the study programme); `matrix` takes it from the file's `format`.


class MatrixFormat(str, Enum):
    text = "text"
    csv = "csv"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"


class CsvDialect(str, Enum):
    excel_nb = "excel-nb"
    rfc4180 = "rfc4180"


class InitFormat(str, Enum):
    yaml = "yaml"
    xlsx = "xlsx"


def _kind(name: str, lang: str):
    from . import kinds

    found = kinds.get(name)
    if found is None:
        fail("cli-unknown-kind", lang, kind=name, known=", ".join(k.name for k in kinds.all_kinds()))
    return found


def _kind_rulesets(kind, rules: Optional[str], lang: str) -> list:
    """The loaded rulesets for `kind` (a --rules folder may hold other kinds' too); exit 2 if none."""
    found = [r for r in _rulesets(rules, lang) if r.kind == kind.name]
    if not found:
        fail("no-rules-for-kind", lang, format=kind.format, kind=kind.name)
    return found


@app.command()
def outcomes(
    kind: str = typer.Option("programme", "--kind", help="The document kind: programme (default) or lis-plan."),
    area: Optional[int] = typer.Option(None, "--area", help="A study programme: only this competence area (1-5)."),
    arena: Optional[str] = typer.Option(None, "--arena", help="A LIS plan: only the objectives the source lists for this learning arena."),
    rules: Optional[str] = typer.Option(None, "--rules"),
    lang: Lang = typer.Option(Lang.nb, "--lang"),
) -> None:
    """List what a plan must cover: a programme's learning outcomes (the ids for `covers`), a LIS plan's learning objectives."""
    found = _kind(kind, lang.value)
    listing = getattr(found.module, "outcomes", None)
    group = str(area) if area is not None else arena
    for ruleset in _kind_rulesets(found, rules, lang.value):
        for line in listing(ruleset, lang.value, group) if listing else []:
            sys.stdout.write(line + "\n")


@app.command()
def matrix(
    path: str = typer.Argument(..., metavar="FILE", help="A programme or LIS plan file."),
    fmt: MatrixFormat = typer.Option(MatrixFormat.text, "--format", "-f", help="Matrix format."),
    lang: Lang = typer.Option(Lang.nb, "--lang", help="Language of headings and notes."),
    rules: Optional[str] = typer.Option(None, "--rules", help="Another rules file or folder of rules files."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the matrix to this file."),
    force: bool = typer.Option(False, "--force", help="Overwrite --output if it exists."),
    no_color: bool = typer.Option(False, "--no-color", help="No colour (also: NO_COLOR set)."),
    # No enum default: an enum whose values differ from its names ('excel-nb', excel_nb) is not
    # read back by every typer the pyproject allows.
    csv_dialect: Optional[CsvDialect] = typer.Option(
        None, "--csv-dialect", help="excel-nb (the default): UTF-8 with BOM, ';', CRLF (opens in Excel); rfc4180: ',' and LF, for scripts."
    ),
) -> None:
    """Coverage matrix: a programme's outcomes against its courses and practice, a LIS plan's objectives against its rotation; gaps highlighted."""
    import shutil

    from .core.pipeline import Options, models, read
    from .core.result import Problem
    from .reporters.common import problem_text, where
    from .reporters.matrix_render import NeedsJinja, render

    rulesets = _rulesets(rules, lang.value)
    # The same pipeline as `check`, up to the model; the matrix is a view of the first ruleset's model.
    doc = read(path, Options(lang=lang.value))
    built = [doc] if isinstance(doc, Problem) else models(doc, rulesets, lang.value)
    if isinstance(built, list):
        from .reporters.escape import visible

        for problem in built:
            sys.stderr.write(f"{visible(where(path, problem.line, problem.column, problem.sheet))}: {visible(problem_text(problem))}\n")
        raise typer.Exit(EXIT_INVALID)
    kind, per_ruleset = built
    ruleset, model = per_ruleset[0]
    view = kind.view("matrix")
    if view is None:
        fail("cli-no-matrix", lang.value, kind=kind.name)
    matrix = view(model, ruleset, lang.value)
    _refuse_input_as_output(output, [path], [ruleset], lang.value)
    if fmt == MatrixFormat.xlsx:
        from .reporters.matrix_xlsx import to_bytes

        if output is None or output == "-":
            fail("matrix-xlsx-needs-output", lang.value)
        _save_bytes(to_bytes(matrix, lang.value), output, force, lang.value)
        return
    terminal = output is None and sys.stdout.isatty()
    try:
        text = render(
            matrix,
            fmt.value,
            lang.value,
            color=fmt == MatrixFormat.text and terminal and _use_color(no_color, sys.stdout),
            width=shutil.get_terminal_size((100, 24)).columns if terminal else 100,
            csv_dialect=(csv_dialect or CsvDialect.excel_nb).value,
        )
    except NeedsJinja:
        fail("needs-jinja", lang.value)
    with _opened(output, force, lang.value) as out:
        out(text)


@app.command()
def init(
    path: Optional[str] = typer.Argument(None, metavar="[FILE]", help="Where to write it ('-' for standard output); default <kind>.yaml."),
    kind: str = typer.Option("programme", "--kind", help="The document kind: programme (default) or lis-plan."),
    lang: Lang = typer.Option(Lang.nb, "--lang", help="Language of the comments and sample values."),
    rules: Optional[str] = typer.Option(None, "--rules", help="Another rules file or folder of rules files."),
    force: bool = typer.Option(False, "--force", help="Overwrite FILE if it exists."),
    fmt: Optional[InitFormat] = typer.Option(None, "--format", "-f", help="yaml, or xlsx: a programme workbook to fill in Excel (default: from FILE's suffix)."),
) -> None:
    """Write a commented starter file (a programme or its workbook, or with --kind lis-plan a LIS plan): deliberately unfinished, ready for `rusplan check`."""
    from . import messages

    found = _kind(kind, lang.value)
    path = path or f"{found.name}.yaml"
    ruleset = _kind_rulesets(found, rules, lang.value)[0]
    if fmt == InitFormat.xlsx or (fmt is None and path.lower().endswith(".xlsx")):
        # The workbook is the study programme's layout (io/workbook.py); other kinds have none yet.
        if found.name != "programme":
            fail("cli-no-starter", lang.value, kind=f"{found.name} (xlsx)")
        from .reporters.escape import visible

        write_workbook(None, ruleset, lang.value, path, force, found.format)
        sys.stdout.write(visible(messages.text("init-written", lang.value, path=path)) + "\n")
        return
    text = found.starter(ruleset, lang.value)
    if text is None:
        fail("cli-no-starter", lang.value, kind=found.name)
    _refuse_input_as_output(path if path != "-" else None, [], [ruleset], lang.value)
    with _opened(path, force, lang.value) as out:
        out(text)
    if path != "-":
        from .reporters.escape import visible

        sys.stdout.write(visible(messages.text("init-written", lang.value, path=path)) + "\n")


def write_workbook(data, ruleset, lang: str, path: str, force: bool, format_id: str) -> None:
    """Save `data` (None: an empty starter) as a workbook at `path`; ConvertError is one line and exit 2."""
    from .io.workbook import ConvertError
    from .io.workbook_writer import build, to_bytes

    if path == "-":
        fail("matrix-xlsx-needs-output", lang)
    if os.path.exists(path) and not force:
        fail("cli-output-exists", lang, path=path)
    try:
        book = build(data, ruleset, lang, format_id)
    except ConvertError as err:
        fail(err.key, lang, **err.params)
    _save_bytes(to_bytes(book), path, force, lang)


def _add_kind_commands() -> None:
    """Each document kind's own commands (rusplan.kinds: a kind's `commands` module has `register(app)`)."""
    import importlib

    from .kinds import all_kinds

    for kind in all_kinds():
        if kind.commands:
            importlib.import_module(kind.commands).register(app)


def _save_bytes(content: bytes, path: str, force: bool, lang: str) -> None:
    """Write a binary file like --output: never over a file without --force, never half-written."""
    import tempfile

    if os.path.exists(path) and not force:
        fail("cli-output-exists", lang, path=path)
    final = os.path.realpath(path)
    folder, name = os.path.split(final)
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        fail("cli-cannot-write", lang, path=path, reason=exc.strerror)
    try:
        with open(fd, "wb") as handle:
            handle.write(content)
        _keep_mode(final, temp)
        os.replace(temp, final)
    except OSError as exc:
        try:
            os.unlink(temp)
        except OSError:
            pass
        fail("cli-cannot-write", lang, path=path, reason=exc.strerror)


class Stop(BaseException):
    """End the run now with `code` and, unless empty, the one line `key` (messages.py).

    A BaseException, not an Exception: click and typer turn KeyboardInterrupt
    and a closed pipe into their own exits (130 with no message, 1), so
    rusplan's signal handlers and output guard raise this instead, and it
    passes through them to `main`.  On its way it runs every `finally`: the
    worker pool is terminated and a half-written --output is removed.
    """

    def __init__(self, code: int, key: str = "", **params) -> None:
        super().__init__(code)
        self.code, self.key, self.params = code, key, params


_PIPE_CLOSED = 128 + getattr(signal, "SIGPIPE", 13)  # the status of a program a closed pipe ended


def _on_signal(signum, frame) -> None:
    # A second Ctrl-C while the workers are being stopped must not interrupt the cleanup.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_IGN)
    raise Stop(128 + signum, "interrupted")


class _Guarded:
    """sys.stdout, with a write error turned into a Stop: a closed pipe (`| head -1`)
    ends quietly with 141, like a program killed by SIGPIPE; a full disk or
    another error is one line and exit 2."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise _write_stop(exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise _write_stop(exc) from None


def _write_stop(exc: OSError) -> Stop:
    import errno

    if exc.errno == errno.EPIPE:
        return Stop(_PIPE_CLOSED)
    return Stop(EXIT_INVALID, "cli-cannot-write", path="-", reason=exc.strerror or str(exc))


def _argv_lang() -> str:
    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return "nb"


def main() -> None:
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _on_signal)
    sys.stdout = _Guarded(sys.stdout)
    try:
        try:
            app()  # typer's standalone mode always ends in SystemExit
        finally:
            sys.stdout.flush()  # a full disk or a closed pipe shows here for short outputs
    except Stop as stop:
        _stopped(stop)
    except SystemExit as exc:
        if exc.code is not None and not isinstance(exc.code, int):
            sys.stderr.write(f"{exc.code}\n")
        _exit_now(exc.code if isinstance(exc.code, int) else int(exc.code is not None))


def _stopped(stop: Stop) -> None:
    from . import messages

    if stop.key:
        lang = _argv_lang()
        lang = lang if lang in ("nb", "nn", "en") else "nb"  # a bad --lang was not parsed yet
        params = dict(stop.params)
        if params.get("path") == "-":
            params["path"] = messages.text("stdout", lang)
        try:
            sys.stderr.write(f"rusplan: {messages.text(stop.key, lang, **params)}\n")
        except OSError:
            pass
    if stop.code == _PIPE_CLOSED:
        os._exit(stop.code)  # nothing more can reach the reader: no flush into the closed pipe
    _exit_now(stop.code)


def _exit_now(code: int) -> None:
    """Flush and leave without the interpreter's teardown.

    Freeing every module and object at exit costs ~20 ms of a ~180 ms cold
    check (measured: docs/performance.md).  Nothing needs it: every file
    rusplan writes is closed by its `with` block, worker pools are shut down
    by theirs, and rusplan registers no atexit handlers.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, Stop):  # a closed pipe (`rusplan check | head`), a full disk or a closed stream
            pass
    os._exit(code)


_add_kind_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
