"""Lighthouse's accessibility score is 100 on the four pages issue 10 names.

Lighthouse runs axe with rules beyond WCAG's tags (a dialog without a name cost 4 points on
every page), so it is checked here as well. Only the accessibility category: its score does
not depend on the machine's speed (performance is measured in bench/lighthouse.py).
"""

from __future__ import annotations

import json
import os
import subprocess
from typing import Any

import pytest

from bench.chromium import CHROMIUM
from bench.lighthouse import CHROME_FLAGS, LIGHTHOUSE, PAGES


@pytest.mark.parametrize("name", sorted(PAGES))
def test_lighthouse_accessibility_is_100(site_url: str, name: str) -> None:
    if not LIGHTHOUSE.is_file():
        pytest.fail("node_modules/lighthouse is missing (npm ci)")
    command = [
        "node",
        str(LIGHTHOUSE),
        site_url + PAGES[name],
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        "--only-categories=accessibility",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    result = subprocess.run(
        command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report: dict[str, Any] = json.loads(result.stdout)
    scores = {
        ref["id"]: report["audits"][ref["id"]]["score"]
        for ref in report["categories"]["accessibility"]["auditRefs"]
    }
    lost = [audit for audit, score in scores.items() if score is not None and score < 1]
    assert report["categories"]["accessibility"]["score"] == 1, lost
