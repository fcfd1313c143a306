"""The collector tuning of a batch (batch.run) lasts as long as the batch and no longer."""

from __future__ import annotations

import gc

from rusplan import batch
from rusplan.core.pipeline import Options

from conftest import AS_OF, EXAMPLES_DIR


def test_batch_raises_the_young_threshold_while_it_runs_and_restores_it():
    before = gc.get_threshold()
    targets = batch.discover([str(EXAMPLES_DIR)], [], [])
    during = []
    for report in batch.run(targets, None, Options(as_of=AS_OF), 1):
        during.append((gc.get_threshold()[0], gc.get_freeze_count() > 0, report.verdict))
    assert len(during) == len(targets) > 10
    assert all(threshold == batch.GC_YOUNG_THRESHOLD and frozen for threshold, frozen, _ in during)
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    assert {verdict for _, _, verdict in during} == {"pass", "fail"}  # checked as usual


def test_an_abandoned_batch_restores_the_collector_too():
    before = gc.get_threshold()
    reports = batch.run(batch.discover([str(EXAMPLES_DIR)], [], []), None, Options(as_of=AS_OF), 1)
    next(reports)
    reports.close()  # the CLI closes it when writing fails (a closed pipe)
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
