"""The speed checks' calibration: how much slower than usual this shared machine runs now."""

from __future__ import annotations

import time

import pytest

from bench import calibration


@pytest.mark.parametrize(
    ("now", "expected"),
    [(0.1, 1.0), (0.2, 2.0), (0.05, 0.5), (0.39, 3.9), (0.5, 1.0), (0.01, 1.0), (0.0, 1.0)],
)
def test_slowness_is_the_ratio_within_limits(now: float, expected: float) -> None:
    """Twice the usual time is twice as slow; a reading no real change of speed gives is not trusted."""
    assert calibration.slowness(now, 0.1) == pytest.approx(expected)


def test_python_reading_is_the_work_done_twice_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both processes work at the same time (the export uses both cores): the reading is one
    piece of work's time, not two."""
    monkeypatch.setattr(calibration, "_python_work", lambda: time.sleep(0.05))
    reading = calibration.python_seconds(runs=3)
    assert 0.05 <= reading < 0.09


def test_python_reading_is_near_the_usual_time() -> None:
    """The fixed work really runs: its time is of the order of the usual one, not zero."""
    reading = calibration.python_seconds(runs=3)
    assert calibration.PYTHON_USUAL_S / 4 < reading < calibration.PYTHON_USUAL_S * 6
