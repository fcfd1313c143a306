"""The HTML report a committee files (issue 15, item 3): what it says about the programme,
read from the HTML the way a reader sees it (by section and row), for the compliant example
and for failing copies."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-01-15"
NAME = "Tverrfaglig videreutdanning i psykisk helse-, rus- og avhengighetsarbeid"


@pytest.fixture(scope="module")
def html(rusplan_env, tmp_path_factory):
    from typer.testing import CliRunner

    from rusplan.cli import app

    out = tmp_path_factory.mktemp("committee")
    seen: dict = {}

    def render(example: str, lang: str = "nb") -> str:
        if (example, lang) not in seen:
            target = out / f"{Path(example).stem}-{lang}.html"
            result = CliRunner().invoke(
                app,
                ["check", str(ROOT / example), "--format", "html", "-o", str(target), "--lang", lang, "--as-of", AS_OF],
                env={"RUSPLAN_CACHE_DIR": rusplan_env["RUSPLAN_CACHE_DIR"]},
            )
            assert result.exit_code in (0, 1), result.stdout
            seen[(example, lang)] = target.read_text(encoding="utf-8")
        return seen[(example, lang)]

    return render


def text(fragment: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split()).replace(" :", ":")


def element(page: str, pattern: str) -> str:
    """The element whose opening tag matches `pattern`, up to its closing tag (no nesting of the same tag)."""
    match = re.search(pattern, page)
    assert match, pattern
    tag = re.match(r"<(\w+)", match.group(0)).group(1)
    end = page.index(f"</{tag}>", match.end())
    return page[match.start() : end]


def test_the_heading_is_the_programme_and_the_path_is_small_print(html):
    page = html("examples/compliant.yaml")
    assert re.search(r'<h2 class="programme">' + re.escape(NAME) + "</h2>", page)
    assert '<p class="lead institution">Høgskolen i Fjordane · PHR60</p>' in page
    assert re.search(r'<p class="path loc">fil: [^<]*examples/compliant.yaml</p>', page)
    assert f"<title>Samsvarsrapport: {NAME}</title>" in page


def test_norwegian_titles_first_ids_second(html):
    row = text(element(html("examples/compliant.yaml"), r'<tr class="pass" data-rule="practice-weeks">'))
    assert row.index("Minst fire uker praksis") < row.index("practice-weeks")


def test_a_failed_rule_is_headed_by_what_failed(html):
    row = element(html("examples/fail-practice-agreements.yaml"), r'<tr class="fail" data-rule="practice-agreements">')
    heading = text(element(row, r'<strong class="heading">'))
    assert heading == "Praksistilbyderen 'Kinn kommune' har ingen samarbeidsavtale"
    assert "Krav: Praksistilbydere har samarbeidsavtale" in text(row)


def test_credits_per_course_and_per_study_path(html):
    page = html("examples/fail-credits-sum.yaml")
    courses = element(page, r'<table class="courses">')
    assert text(element(courses, r'<tr data-course="PHR4001M">')).startswith("PHR4001M Forskning, formidling og fagutvikling (masterløp) alternativ i «Forskning, formidling og fagutvikling» 10 4")
    totals = text(element(courses, r"<tfoot>"))
    assert "Sum på studieløp PHR4001 60" in totals and "Sum på studieløp PHR4001M 55" in totals


def test_every_national_outcome_shows_the_programme_texts_that_claim_it(html):
    page = html("examples/compliant.yaml")
    claims = text(element(page, r'<div class="evidence keep covered" data-outcome="16c">'))
    assert "16c" in claims
    assert "PHR4001: Kandidaten har inngående kunnskap om systematisk fagutviklingsarbeid og om vilkårene" in claims
    assert "PHR4001M: Kandidaten har inngående kunnskap om systematisk fagutviklingsarbeid, forskningsetikk" in claims
    assert len(re.findall(r'<div class="evidence keep \w+" data-outcome=', page)) == 49
    practice = text(element(page, r'<div class="evidence keep covered" data-outcome="14d">'))
    assert "P1 (praksis): Praksis i kommunal psykisk helse- og rustjeneste" in practice


def test_an_uncovered_outcome_says_nothing_claims_it(html):
    page = html("examples/fail-learning-outcomes.yaml")
    assert "ingen emner eller praksisperioder dekker dette læringsutbyttet" in text(element(page, r'<div class="evidence keep uncovered" data-outcome="13f">'))


def test_practice_with_provider_weeks_and_the_agreement_it_relies_on(html):
    page = html("examples/compliant.yaml")
    row = text(element(page, r'<tr data-practice="P1">'))
    assert row == "P1 Praksis i kommunal psykisk helse- og rustjeneste PHR3001 praksisplass 5 3 Sunnfjord kommune ansvar, roller, kapasitet på praksisplasser, kompetanse, samarbeidsarenaer"
    failing = text(element(html("examples/fail-practice-agreements.yaml"), r'<tr data-practice="P1">'))
    assert failing.endswith("Kinn kommune ingen samarbeidsavtale med denne tilbyderen")
    assert "Helse Førde HF" in text(element(page, r'<ul class="agreements">'))


def test_admission_with_professions_and_the_criteria_for_other_education(html):
    section = text(element(html("examples/compliant.yaml"), r'<section class="admission keep">'))
    assert "sosionom, vernepleier, barnevernspedagog, sykepleier, fysioterapeut, ergoterapeut" in section
    assert "individuell vurdering; minst 3 års utdanning; fagfelt: psykologi, pedagogikk, helse- og sosialfag; minst 1 års relevant yrkeserfaring" in section
    assert "Tilleggskrav politiattest" in section
    other = text(element(html("examples/fail-admission-other.yaml"), r'<section class="admission keep">'))
    assert "ingen individuell vurdering" in other


def test_dates_in_words(html):
    assert "per 15. januar 2026, med rusplan" in html("examples/compliant.yaml")
    assert "as of 15 January 2026" in html("examples/compliant.yaml", "en")
    assert "2026-01-15" not in text(html("examples/compliant.yaml"))


def test_timeline_labels_tell_the_options_apart(html):
    bars = re.findall(r'<text class="bar-text"[^>]*>([^<]*)</text>', html("examples/compliant.yaml"))
    assert len(bars) == len(set(bars)) == 8
    assert any(b.endswith("(masterløp)") for b in bars)


def test_sigma_counts_one_course_per_study_path(html):
    matrix = element(html("examples/compliant.yaml"), r'<table class="matrix">')
    head = text(element(matrix, r"<thead>"))
    assert "Σ PHR4001 " in head + " " and "Σ PHR4001M" in head
    for outcome in ("16a", "4a"):
        row = element(matrix, rf'<tr class="covered" data-outcome="{outcome}">')
        assert re.findall(r'<td class="count h\d">(\d+)</td>', row) == ["1", "1"], outcome
    uncovered = element(html("examples/fail-learning-outcomes.yaml"), r'<tr class="uncovered" data-outcome="13f">')
    assert re.findall(r'<td class="count h\d">(\d+)</td>', uncovered) == ["0", "0"]


def test_outcome_groups_are_kept_on_one_printed_page(html):
    page = html("examples/compliant.yaml")
    assert page.count('<tbody class="area group"') == 5 * 3  # five areas, each knowledge / skills / general competence
    printed = page[page.index("@media print") :]
    assert re.search(r"[,\s]tbody\.group,[^{]*\{ break-inside: avoid; \}", printed)


def test_each_course_lists_the_outcomes_it_gives(html):
    course = text(element(html("examples/compliant.yaml"), r'<div class="course keep" data-course="PHR3001">'))
    assert course.startswith("PHR3001 Arbeid med psykisk helse-, rusmiddel- og avhengighetsproblemer · 15 studiepoeng · semester 3")
    assert "(13a, 14a)" in course and "(13f, 14e)" in course


PLANS = sorted([*(ROOT / "examples").glob("*.yaml"), *(ROOT / "tests/plans").glob("*.yaml"), *(ROOT / "tests/corpus/accepted").glob("*")])


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name)
def test_every_example_and_real_plan_renders_for_the_committee(rusplan_env, tmp_path, plan):
    """Optional parts absent (no other education, no provider, hours instead of weeks): never a traceback."""
    from typer.testing import CliRunner

    from rusplan.cli import app

    target = tmp_path / "r.html"
    result = CliRunner().invoke(
        app, ["check", str(plan), "--format", "html", "-o", str(target), "--as-of", AS_OF], env={"RUSPLAN_CACHE_DIR": rusplan_env["RUSPLAN_CACHE_DIR"]}
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1), result.stdout
    page = target.read_text(encoding="utf-8")
    assert page.count('data-outcome="') >= 2 * 49 and '<section class="admission keep">' in page
