"""`mantelkaart import hsds --force` never writes through a symbolic link out of the site."""

from __future__ import annotations

import shutil
from pathlib import Path

from mantelkaart.opendata.hsds.importer import write_inside

from support import MINI, copy_site, run_cli


def site(tmp_path: Path) -> Path:
    """The mini site, exported as HSDS, then emptied: its providers come back by import."""
    folder = copy_site(MINI, tmp_path / "site")
    exported = run_cli("export", "--out", str(tmp_path / "export"), cwd=folder)
    assert exported.returncode == 0, exported.stderr
    shutil.copy(tmp_path / "export" / "hsds" / "organizations.json", tmp_path / "org.json")
    for record in [*(folder / "providers").glob("*.yaml"), *(folder / "regulations").glob("*.yaml")]:
        record.unlink()
    return folder


def test_a_symlinked_record_is_replaced_not_written_through(tmp_path: Path) -> None:
    folder = site(tmp_path)
    outside = tmp_path / "buiten.txt"
    outside.write_text("niet aanraken", encoding="utf-8")
    result = run_cli("import", "hsds", str(tmp_path / "org.json"), cwd=folder)
    written = sorted((folder / "providers").glob("*.yaml"))
    assert written, result.stdout + result.stderr
    target = written[0]
    target.unlink()
    target.symlink_to(outside)
    again = run_cli("import", "hsds", "--force", str(tmp_path / "org.json"), cwd=folder)
    assert again.returncode == 1 and "snelkoppeling" in again.stderr  # the link is named, not followed
    assert "Traceback" not in again.stderr
    assert outside.read_text(encoding="utf-8") == "niet aanraken"
    write_inside(folder, target.relative_to(folder).as_posix(), "naam: x\n")  # the writer replaces a link
    assert outside.read_text(encoding="utf-8") == "niet aanraken"
    assert not target.is_symlink() and target.read_text(encoding="utf-8") == "naam: x\n"


def test_a_folder_linked_outside_the_site_is_refused(tmp_path: Path) -> None:
    folder = site(tmp_path)
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    for name in ("providers", "concepten"):
        path = folder / name
        if path.exists():
            path.rmdir()
        path.symlink_to(elsewhere, target_is_directory=True)
    result = run_cli("import", "hsds", str(tmp_path / "org.json"), cwd=folder)
    assert list(elsewhere.iterdir()) == []
    assert "Traceback" not in result.stderr
