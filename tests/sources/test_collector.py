import gc

from sources.collector import THRESHOLDS, batch_gc


def test_batch_gc_freezes_and_restores():
    before = gc.get_threshold()
    with batch_gc():
        assert gc.get_threshold() == THRESHOLDS
        assert gc.get_freeze_count() > 0
        cycle: list = []
        cycle.append(cycle)  # cycles made inside the block are still collectable
        del cycle
        assert gc.collect() >= 1
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
