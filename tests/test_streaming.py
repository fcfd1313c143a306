"""Every format is written as each file's report arrives, with the bytes of the one-piece report.

`rusplan check` streams (reporters.write -> each format's `stream`); the
reference is each format's list-based `render`, the renderer every format had
before streaming. They must agree byte for byte over examples/ and over a
generated set, for --jobs 1 and --jobs 2, and no format may keep a file's
report once its part is written.
"""

from __future__ import annotations

import gc
import subprocess
import sys
import weakref

import pytest

from rusplan import batch
from rusplan.core.pipeline import Options
from rusplan.reporters import FORMATS, MATRIX_FORMATS, RenderContext, render, write
from rusplan.reporters import spool as spool_module

from conftest import AS_OF, EXAMPLES_DIR, REPO_ROOT


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """50 programmes from the benchmark generator (a third non-compliant, some not valid)."""
    out = tmp_path_factory.mktemp("generated")
    subprocess.run([sys.executable, str(REPO_ROOT / "benchmarks" / "generate.py"), "--count", "50", "--seed", "3", "--out", str(out)], check=True, capture_output=True)
    return out


def _ctx(bundled_rulesets, lang="nb") -> RenderContext:
    # What `rusplan check --output FILE` renders with: no colour, no wrapping.
    return RenderContext(lang=lang, rulesets=bundled_rulesets, as_of=AS_OF.isoformat())


def _reports(folder, fmt: str, lang="nb", ctx=None):
    targets = batch.discover([str(folder)], [], [])
    options = Options(lang=lang, as_of=AS_OF, with_matrix=fmt in MATRIX_FORMATS)
    return batch.run(targets, None, options, 1, None, ctx.skipped if ctx else None)


def _reference(folder, fmt: str, bundled_rulesets, lang="nb") -> str:
    ctx = _ctx(bundled_rulesets, lang)
    reports = list(_reports(folder, fmt, lang, ctx))
    return render(fmt, reports, ctx)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("which", ["examples", "generated"])
def test_streamed_report_is_the_one_piece_report_for_any_jobs(run_cli, bundled_rulesets, generated, tmp_path, fmt, which):
    folder = EXAMPLES_DIR if which == "examples" else generated
    expected = _reference(folder, fmt, bundled_rulesets)
    assert len(expected) > 4000  # a real report of many files, not an empty shell
    for jobs in (1, 2):
        output = tmp_path / f"{fmt}-{jobs}.out"
        result = run_cli("check", "--format", fmt, "--jobs", jobs, "--as-of", AS_OF.isoformat(), "--output", output, folder)
        assert result.returncode in (1, 2), result
        assert output.read_bytes() == expected.encode("utf-8"), f"--format {fmt} --jobs {jobs} over {which}"


@pytest.mark.parametrize("fmt", FORMATS)
def test_streamed_report_of_one_file_in_english(bundled_rulesets, fmt):
    ctx = _ctx(bundled_rulesets, "en")
    parts: list[str] = []
    briefs = write(fmt, _reports(EXAMPLES_DIR / "fail-practice-weeks.yaml", fmt, "en", ctx), ctx, parts.append)
    assert [b.verdict for b in briefs] == ["fail"]
    assert "".join(parts) == _reference(EXAMPLES_DIR / "fail-practice-weeks.yaml", fmt, bundled_rulesets, "en")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_batch_with_no_programme_is_the_empty_report(bundled_rulesets, tmp_path, fmt):
    """Every YAML file of the folder skipped: the streamed report is render([]) (JSON's `"files": []`, an empty <testsuites/>)."""
    (tmp_path / "compose.yaml").write_text("services:\n  web:\n    image: nginx\n", encoding="utf-8")
    ctx = _ctx(bundled_rulesets)
    parts: list[str] = []
    assert write(fmt, _reports(tmp_path, fmt, ctx=ctx), ctx, parts.append) == []
    assert len(ctx.skipped) == 1
    assert "".join(parts) == render(fmt, [], ctx)


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_format_keeps_a_report_once_it_is_written(bundled_rulesets, generated, fmt):
    """What makes memory flat: once a report is written and the next one taken, it is gone."""
    ctx = _ctx(bundled_rulesets)
    alive: list[weakref.ref] = []
    held: list[int] = []

    def tracked():
        for report in _reports(generated, fmt, ctx=ctx):
            gc.collect()
            # The writer's loop variable holds the report just written until it takes this one.
            held.append(sum(ref() is not None for ref in alive[:-1]))
            alive.append(weakref.ref(report))
            yield report
            del report

    briefs = write(fmt, tracked(), ctx, lambda text: None)
    assert len(briefs) == 50
    assert max(held) == 0, f"--format {fmt} held {max(held)} earlier reports"


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "markdown", "html"])
def test_spool_on_disk_in_small_chunks_gives_the_same_bytes(bundled_rulesets, monkeypatch, fmt):
    """The spool past its memory limit (a temporary file) and read back in 7-byte chunks,
    which cut «, ✓ and ø in two: the same text."""
    monkeypatch.setattr(spool_module, "_IN_MEMORY", 64)
    monkeypatch.setattr(spool_module, "_CHUNK", 7)
    ctx = _ctx(bundled_rulesets)
    parts: list[str] = []
    write(fmt, _reports(EXAMPLES_DIR, fmt, ctx=ctx), ctx, parts.append)
    assert "".join(parts) == _reference(EXAMPLES_DIR, fmt, bundled_rulesets)


def test_spool_keeps_every_character():
    text = "ø«»✓\udcff\U0001f600 " * 1000  # Norwegian letters, quotes, a mark, an undecodable file-name byte, an emoji
    parts: list[str] = []
    with spool_module.Spool() as spool:
        for i in range(0, len(text), 333):
            spool.write(text[i : i + 333])
        spool.copy_to(parts.append)
    assert "".join(parts) == text
