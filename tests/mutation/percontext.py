"""Per-test coverage contexts for the mutation run (--coverage).

Each test's lines are recorded under its pytest node id, in this process and
in the rusplan processes a test starts: the node id is written to the file
named by MUT_CONTEXT_FILE (an environment copied once per session would keep
the first test's), and a sitecustomize.py on their path (see mutate.py's
docstring) switches their coverage to it.
"""

import os

import coverage
import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    if os.environ.get("MUT_CONTEXT_FILE"):
        with open(os.environ["MUT_CONTEXT_FILE"], "w", encoding="utf-8") as f:
            f.write(item.nodeid)
    cov = coverage.Coverage.current()
    if cov is not None:
        cov.switch_context(item.nodeid)
    yield
