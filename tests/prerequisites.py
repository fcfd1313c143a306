"""What a test needs from outside the repository, and what happens when it is missing.

The regulation source and the SARIF schema live in ../shared/, and the browser
test needs Debian's Chromium.  On a developer's machine a missing prerequisite
skips the test with the reason shown (-ra prints it).  Under CI (the CI
environment variable set, as .ci/run and every hosted CI service do) it fails
instead: a quietly skipped transcription test once hid 61 unrun tests.
"""

from __future__ import annotations

import os

import pytest


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require(available: bool, reason: str) -> None:
    """Skip (locally) or fail (under CI) the calling test unless `available`."""
    if available:
        return
    if under_ci():
        pytest.fail(f"prerequisite missing under CI: {reason}", pytrace=False)
    pytest.skip(reason)
