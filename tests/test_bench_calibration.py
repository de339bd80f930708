"""The speed checks' calibration: how much slower than usual this shared machine runs now."""

from __future__ import annotations

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
