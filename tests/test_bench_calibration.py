"""The speed checks' calibration: how much slower than usual this shared machine runs now."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bench import calibration


@pytest.mark.parametrize(
    ("now", "expected"),
    [(0.2, 2.0), (0.39, 3.9), (0.4, 4.0), (0.1, 1.0), (0.05, 1.0), (0.41, 1.0), (0.01, 1.0), (0.0, 1.0)],
)
def test_slowness_forgives_a_slow_machine_and_never_judges_stricter(now: float, expected: float) -> None:
    """Twice the usual time is twice as slow; a faster machine is judged on raw times, and a
    reading no real change of speed gives is not trusted."""
    assert calibration.slowness(now, 0.1) == pytest.approx(expected)


def test_usual_load_is_for_the_size_checked() -> None:
    """The export check's probe is the load of 5,000 providers: its usual time is seconds, not
    minutes or milliseconds (a unit slip would make every reading untrusted or forgiving)."""
    assert 1.0 < calibration.LOAD_USUAL_S_PER_PROVIDER * 5000 < 10.0


def test_export_is_forgiven_as_much_as_the_loads_around_it_were_slow() -> None:
    """The export check divides by the mean of the two loads against their usual time: a slow
    spell that doubles both is forgiven, a fast machine is judged on the raw time."""
    from bench.export import Result, judged

    usual = calibration.LOAD_USUAL_S_PER_PROVIDER * 5000
    slow = Result(5000, load_s=usual * 1.8, load_again_s=usual * 2.2, export_s=7.0)
    assert judged(slow) == (2.0, pytest.approx(3.5))
    fast = Result(5000, load_s=usual / 2, load_again_s=usual / 2, export_s=2.5)
    assert judged(fast) == (1.0, 2.5)


def test_validate_is_forgiven_as_much_as_its_probe_was_slow() -> None:
    from bench.validate import Result, judged

    slow = Result(10_000, best_s=3.0, probe_s=calibration.VALIDATE_USUAL_S * 2)
    assert judged(slow) == (2.0, pytest.approx(1.5))
    fast = Result(10_000, best_s=1.9, probe_s=calibration.VALIDATE_USUAL_S / 3)
    assert judged(fast) == (1.0, 1.9)


def test_validate_probe_is_the_work_done_twice_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both processes work at the same time (validate uses both cores): the reading is one
    piece of work's time, not two."""
    monkeypatch.setattr(calibration, "_probe_work", lambda: time.sleep(0.2))
    assert 0.2 <= calibration.validate_probe_seconds(runs=2) < 0.35


def test_validate_probe_is_near_its_usual_time() -> None:
    """The fixed work really runs: of the order of its usual time, not zero."""
    reading = calibration.validate_probe_seconds(runs=2)
    assert calibration.VALIDATE_USUAL_S / 4 < reading < calibration.VALIDATE_USUAL_S * 8


def test_bench_validate_runs_the_command_on_a_synthetic_site(tmp_path: Path) -> None:
    from bench.validate import measure

    result = measure(tmp_path / "site", 30, runs=2)
    assert len(result.runs_s) == 2 and 0 < result.best_s == min(result.runs_s)
    assert "0 fouten" in result.summary and result.judged_s <= result.best_s
