"""`mantelkaart serve` reloads when a record changes; `mantelkaart new` writes valid skeletons."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from importlib import resources
from pathlib import Path

import pytest
import yaml

from support import MINI, copy_site, run_cli


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if text in body:
                return body
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise AssertionError(f"{text!r} did not appear at {url} within {seconds} s")


def test_serve_rebuilds_when_a_record_changes(tmp_path: Path) -> None:
    folder = copy_site(MINI, tmp_path)
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mantelkaart.cli", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=folder,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/mini/aanbod/het-anker/logeren/"
        _wait_for(url, "Logeren in Het Anker")
        record = folder / "providers/het-anker.yaml"
        record.write_text(
            record.read_text(encoding="utf-8").replace("Logeren in Het Anker", "Logeren bij Het Anker")
        )
        _wait_for(url, "Logeren bij Het Anker")
        # keuzehulp.yaml sits beside mkdocs.yml; adding it later is picked up too
        default = resources.files("mantelkaart") / "defaults" / "keuzehulp.yaml"
        guide = yaml.safe_load(default.read_text(encoding="utf-8"))
        forms = {path.stem for path in (folder / "respite-forms").glob("*.yaml")}
        guide["regels"] = [rule for rule in guide["regels"] if rule.get("respijtvorm", "") in forms]
        guide["vragen"][0]["vraag"] = "Voor wie zorgt u nu?"
        (folder / "keuzehulp.yaml").write_text(yaml.safe_dump(guide, allow_unicode=True), encoding="utf-8")
        _wait_for(f"http://127.0.0.1:{port}/mini/keuzehulp/", "Voor wie zorgt u nu?")
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.mark.parametrize(
    ("kind", "name", "path"),
    [
        ("provider", "Zorgboerderij De Linde", "providers/zorgboerderij-de-linde.yaml"),
        ("respite-form", "Zorgoppas", "respite-forms/zorgoppas.yaml"),
        ("regulation", 'Mantelzorgwaardering "Dordtpas"', "regulations/mantelzorgwaardering-dordtpas.yaml"),
    ],
)
def test_new_writes_a_valid_commented_skeleton(tmp_path: Path, kind: str, name: str, path: str) -> None:
    folder = copy_site(MINI, tmp_path)
    result = run_cli("new", kind, name, cwd=folder)
    assert result.returncode == 0, result.stderr
    text = (folder / path).read_text(encoding="utf-8")
    assert text.startswith("#") and name.replace('"', '\\"') in text
    check = run_cli("validate", "--strict", cwd=folder)
    assert check.returncode == 0, check.stdout + check.stderr


def test_new_refuses_existing_file_and_empty_name(tmp_path: Path) -> None:
    folder = copy_site(MINI, tmp_path)
    twice = run_cli("new", "provider", "Het Anker", cwd=folder)
    assert twice.returncode == 1 and "bestaat al" in twice.stderr
    empty = run_cli("new", "provider", "!!!", cwd=folder)
    assert empty.returncode == 1 and "geen bruikbare naam" in empty.stderr
    assert "Traceback" not in twice.stderr + empty.stderr
