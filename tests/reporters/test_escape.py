"""What reporters.escape lets through: nothing an input file holds reaches a terminal or a CI log as a command.

Unit tests at the boundaries the end-to-end tests (tests/test_hostile.py) do
not reach: the first and last undecodable byte of a file name, a workflow
command after leading spaces, a code span that starts but does not end with a
backtick, and the length at which a text is cut.
"""

from __future__ import annotations

import os

import pytest

from rusplan.reporters.escape import markdown_code, safe_line, shorten, visible


@pytest.mark.parametrize("raw, shown", [(b"plan-\x80.yaml", "plan-\\x80.yaml"), (b"plan-\xff.yaml", "plan-\\xff.yaml")])
def test_an_undecodable_byte_of_a_file_name_is_shown_as_that_byte(raw, shown):
    assert visible(os.fsdecode(raw)) == shown


@pytest.mark.parametrize(
    "line, safe",
    [
        ("::error file=x::forged", "\\x3a:error file=x::forged"),
        ("  ::warning::forged", "  \\x3a:warning::forged"),
        ("##[group]forged", "\\x23#[group]forged"),
        ("##vso[task.setvariable]x", "\\x23#vso[task.setvariable]x"),
        ("plan.yaml:3:1: ::not at the start", "plan.yaml:3:1: ::not at the start"),
    ],
)
def test_a_line_never_starts_as_a_ci_command(line, safe):
    assert safe_line(line) == safe
    assert not safe_line(line).lstrip().startswith(("::", "##"))


@pytest.mark.parametrize("text, span", [("`a", "`` `a ``"), ("a`", "`` a` ``"), ("a`b", "``a`b``"), ("ab", "`ab`")])
def test_a_code_span_is_padded_only_where_a_backtick_touches_its_fence(text, span):
    assert markdown_code(text) == span


def test_a_text_is_cut_only_past_its_limit_and_the_cut_is_marked():
    assert shorten("abc", 3) == "abc"
    assert shorten("abcd", 3) == "ab…"
    assert len(shorten("x" * 500, 200)) == 200
