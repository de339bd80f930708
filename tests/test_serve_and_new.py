"""`mantelkaart serve` reloads when a record changes; `mantelkaart new` writes valid skeletons."""

from __future__ import annotations

import os
import re
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
def test_new_writes_a_commented_skeleton_that_validates_once_filled_in(
    tmp_path: Path, kind: str, name: str, path: str
) -> None:
    folder = copy_site(MINI, tmp_path)
    result = run_cli("new", kind, name, cwd=folder)
    assert result.returncode == 0, result.stderr
    text = (folder / path).read_text(encoding="utf-8")
    assert text.startswith("#") and name.replace('"', '\\"') in text
    assert "Vul in:" in text
    # the placeholders are refused, each naming what to fill in (also with --strict)
    for strict in ((), ("--strict",)):
        check = run_cli("validate", *strict, cwd=folder)
        assert check.returncode == 1, check.stdout + check.stderr
        assert f"{path}:" in check.stdout
        assert "gecontroleerd.door: Vul dit in: uw naam of functie." in check.stdout
    # filled in, the record passes
    (folder / path).write_text(fill_in(text), encoding="utf-8")
    check = run_cli("validate", "--strict", cwd=folder)
    assert check.returncode == 0, check.stdout + check.stderr


FILLED = {
    "0000 000 000": "078 123 4567",
    "vul-in@example.org": "info@de-linde.example.org",
    "https://vul-in.example.org": "https://de-linde.example.org",
    "9999 ZZ": "3311 GR",
    "Vul in: plaats": "Dordrecht",
    "Vul in: één zin over wat deze organisatie doet": "Een boerderij waar uw naaste overdag meehelpt.",
    "Vul in: naam van de dienst": "Dagbesteding op de boerderij",
}


def fill_in(text: str) -> str:
    """The skeleton as an editor completes it: every placeholder replaced by a real value."""
    for placeholder, value in FILLED.items():
        text = text.replace(placeholder, value)
    # other prompts become short plain sentences
    return re.sub(r"Vul in: ([^\n\"]*)", lambda m: "Ingevuld door de redactie", text)


def test_new_provider_names_every_placeholder_in_one_run(tmp_path: Path) -> None:
    folder = copy_site(MINI, tmp_path)
    assert run_cli("new", "provider", "Zorgboerderij De Test", cwd=folder).returncode == 0
    check = run_cli("validate", cwd=folder)
    assert check.returncode == 1
    out = check.stdout
    relpath = "providers/zorgboerderij-de-test.yaml"
    for field, wanted in [
        ("diensten[1].naam", "naam van de dienst"),
        ("gecontroleerd.door", "uw naam of functie"),
        ("contact.telefoon", "het telefoonnummer"),
        ("contact.email", "het e-mailadres"),
        ("contact.website", "het webadres"),
        ("locaties[1].postcode", "de postcode"),
    ]:
        assert re.search(
            rf"^{re.escape(relpath)}:\d+:\d+: {re.escape(field)}: Vul dit in: {wanted}\.", out, re.M
        ), (
            field,
            out,
        )
    # only the new record is refused: the mini site's own data has no placeholders
    assert all(line.startswith(relpath) for line in out.splitlines() if ": Vul dit in:" in line)


def test_example_data_has_no_placeholders() -> None:
    from mantelkaart.core.loader import parse_text
    from mantelkaart.core.placeholders import find_placeholders

    from support import REPO

    for folder in ("providers", "respite-forms", "regulations"):
        for path in sorted((REPO / folder).glob("*.yaml")):
            assert find_placeholders(parse_text(path.read_text(encoding="utf-8"))) == [], path


def test_new_refuses_existing_file_and_empty_name(tmp_path: Path) -> None:
    folder = copy_site(MINI, tmp_path)
    twice = run_cli("new", "provider", "Het Anker", cwd=folder)
    assert twice.returncode == 1 and "bestaat al" in twice.stderr
    empty = run_cli("new", "provider", "!!!", cwd=folder)
    assert empty.returncode == 1 and "geen bruikbare naam" in empty.stderr
    assert "Traceback" not in twice.stderr + empty.stderr
