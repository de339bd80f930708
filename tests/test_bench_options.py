"""The benchmark's own options refuse garbage before any minute is spent measuring."""

from __future__ import annotations

import pytest

from bench.__main__ import parser


@pytest.mark.parametrize("argv", [["--pairs", "0"], ["--pairs", "-2"], ["--pairs", "twee"], ["--sizes", "0"]])
def test_garbage_options_are_refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        parser().parse_args(argv)
    assert stopped.value.code == 2
    assert "error: argument" in capsys.readouterr().err


def test_pairs_default_to_one() -> None:
    assert parser().parse_args([]).pairs == 1
    assert parser().parse_args(["--pairs", "3"]).pairs == 3
