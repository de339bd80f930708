"""Past one machine: the synthetic country of bench/national.py makes what it claims, the
regions list a workflow matrix reads, and the published tree of sites built per region."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest
from mkdocs.config import load_config

from mantelkaart.core.dataset import Dataset
from mantelkaart.core.mkdocs_yml import site_config
from mantelkaart.core.regions import regional_catalogue
from mantelkaart.region_sites import MissingRegions, assemble, regional_site_url, write_overview

from bench.national import MUNICIPALITIES, REGIONS, own_records, sample, write_country
from bench.synthetic import TODAY
from support import REPO, run_cli


@pytest.fixture(scope="module")
def country(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    folder = tmp_path_factory.mktemp("country")
    return folder, write_country(folder, scale=0.012)


def test_the_country_has_342_municipalities_in_regions_that_partition_them(
    country: tuple[Path, object],
) -> None:
    folder, _ = country
    config, _ = site_config(folder / "mkdocs.yml")  # region_problems refuses overlaps and gaps
    assert len(config.municipalities) == MUNICIPALITIES
    assert len(config.regions) == REGIONS
    counted = Counter(m for region in config.regions.values() for m in region.municipalities)
    assert set(counted) == set(config.municipalities) and set(counted.values()) == {1}
    sizes = sorted(len(region.municipalities) for region in config.regions.values())
    assert sizes[0] >= 3 and sizes[-1] <= 17


def test_every_region_has_its_own_consultant_and_the_data_is_valid(country: tuple[Path, object]) -> None:
    folder, summary = country
    config, root = site_config(folder / "mkdocs.yml")
    consultants = [region.consultant for region in config.regions.values()]
    assert all(consultants) and len(set(consultants)) == REGIONS
    dataset = Dataset.load(root, config, today=TODAY)
    assert not dataset.problems, "\n".join(p.text() for p in dataset.problems[:5])
    catalogue = dataset.catalogue
    keys = {offer.key for offer in catalogue.offers}
    assert set(consultants) <= keys  # catalogue checks each exists; this says they are services
    for rid, region in config.regions.items():  # a region's consultant works in that region
        offer = next(o for o in catalogue.offers if o.key == region.consultant)
        assert set(offer.service.area) & set(region.municipalities), rid
    assert len(catalogue.offers) == summary.services  # type: ignore[attr-defined]
    assert summary.shared_providers > 0 and summary.nationwide > 0  # type: ignore[attr-defined]


def test_a_regional_build_shows_what_the_country_counted_and_needs_only_those_files(
    country: tuple[Path, object], tmp_path: Path
) -> None:
    folder, summary = country
    config, root = site_config(folder / "mkdocs.yml")
    whole = Dataset.load(root, config, today=TODAY).catalogue
    largest = sample(summary.regions, 1)[0]  # type: ignore[attr-defined]
    consultants = {r.consultant.split("/")[0] for r in summary.regions}  # type: ignore[attr-defined]
    alone = own_records(folder, largest, consultants, tmp_path / "alone")
    alone_config, alone_root = site_config(alone / "mkdocs.yml")
    part = Dataset.load(alone_root, alone_config, today=TODAY)
    assert not part.problems, "\n".join(p.text() for p in part.problems[:5])
    from_whole = regional_catalogue(whole, largest.id)
    from_part = regional_catalogue(part.catalogue, largest.id)
    assert len(from_whole.offers) == len(from_part.offers) == largest.services
    assert sorted(o.key for o in from_whole.offers) == sorted(o.key for o in from_part.offers)
    assert len(part.catalogue.offers) < len(whole.offers)


def test_the_sample_starts_with_the_largest_and_the_smallest_region(country: tuple[Path, object]) -> None:
    _, summary = country
    regions = summary.regions  # type: ignore[attr-defined]
    first, second = sample(regions, 2)
    assert first.services == max(r.services for r in regions)
    assert second.services == min(r.services for r in regions)
    assert len(sample(regions, None)) == REGIONS


def test_the_same_seed_writes_the_same_country(tmp_path: Path, country: tuple[Path, object]) -> None:
    folder, _ = country
    write_country(tmp_path, scale=0.012)
    assert (tmp_path / "mkdocs.yml").read_bytes() == (folder / "mkdocs.yml").read_bytes()
    names = sorted(p.name for p in (folder / "providers").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "providers").iterdir())


def test_the_regions_command_gives_the_workflow_its_matrix() -> None:
    result = run_cli("regions", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["drechtsteden", "hoeksche-waard"]
    assert result.stdout.count("\n") == 1  # one line for $GITHUB_OUTPUT


def test_the_overview_waits_for_every_region(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "drechtsteden").mkdir(parents=True)
    (site / "drechtsteden" / "index.html").write_text("<p>D</p>", encoding="utf-8")
    result = run_cli("-f", str(REPO / "mkdocs.yml"), "regions", "--voorpagina", str(site), cwd=tmp_path)
    assert result.returncode == 1 and "hoeksche-waard" in result.stderr
    assert not (site / "index.html").exists()
    (site / "hoeksche-waard").mkdir()
    (site / "hoeksche-waard" / "index.html").write_text("<p>H</p>", encoding="utf-8")
    result = run_cli("-f", str(REPO / "mkdocs.yml"), "regions", "--voorpagina", str(site), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in page
    assert '<a href="drechtsteden/">Drechtsteden</a>' in page
    assert '<a href="hoeksche-waard/">Hoeksche Waard</a>' in page


def test_assemble_puts_each_region_in_its_folder(tmp_path: Path) -> None:
    config, _ = site_config(REPO / "mkdocs.yml")
    sites = {}
    for rid in config.regions:
        sites[rid] = tmp_path / "built" / rid
        (sites[rid] / "aanbod").mkdir(parents=True)
        (sites[rid] / "index.html").write_text(rid, encoding="utf-8")
        (sites[rid] / "aanbod" / "index.html").write_text(rid, encoding="utf-8")
    target = tmp_path / "site"
    assemble(config, sites, target)
    assert (target / "hoeksche-waard" / "aanbod" / "index.html").read_text(
        encoding="utf-8"
    ) == "hoeksche-waard"
    assert (target / "index.html").is_file()
    with pytest.raises(MissingRegions):
        write_overview(config, tmp_path / "empty")


def test_a_regional_build_is_addressed_in_its_regions_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    assert regional_site_url("https://example.org/mantelkaart/", "hoeksche-waard") == (
        "https://example.org/mantelkaart/hoeksche-waard/"
    )
    assert regional_site_url("", "hoeksche-waard") == ""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", os.environ.get("NO_MKDOCS_2_WARNING", "1"))
    config = load_config(str(REPO / "mkdocs.yml"))
    config.plugins["mantelkaart"].config["build_region"] = "hoeksche-waard"
    config = config.plugins.on_config(config)
    assert config.site_url == "https://example.org/mantelkaart/hoeksche-waard/"
