"""Real MkDocs builds in a temporary folder: the plugin, strict mode, atomicity, safety."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mantelkaart.core.records import KINDS

from support import MINI, REPO, copy_site, run_cli, run_mkdocs, tree_digest


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = copy_site(MINI, tmp_path_factory.mktemp("mini"))
    result = run_mkdocs("build", "--strict", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder / "site"


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = copy_site(REPO, tmp_path_factory.mktemp("example"))
    result = run_mkdocs("build", "--strict", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return folder / "site"


def test_example_site_builds_strict_with_every_page_kind(example_site: Path) -> None:
    for page in (
        "index.html",
        "respijtzorg/index.html",
        "aanbod/index.html",
        "regelingen/index.html",
        "gemeenten/dordrecht/index.html",
        "voor-wie/dementie/index.html",
        "ondersteuning/respijtzorg/index.html",
        "redactie/index.html",
        "redactie/velden/index.html",
        "over/index.html",
        "toegankelijkheid/index.html",
    ):
        assert (example_site / page).is_file(), page
    services = list((example_site / "aanbod").glob("*/*/index.html"))
    assert len(services) >= 25


def test_example_site_shows_example_data_notice_on_every_page(example_site: Path) -> None:
    for page in example_site.rglob("*.html"):
        if page.name == "404.html" or page.relative_to(example_site).parts[0] == "admin":
            continue  # admin/ is the web editor (Decap CMS), not a page of the site
        assert "Voorbeeldgegevens" in page.read_text(encoding="utf-8"), page


def test_record_pages_stay_out_of_the_navigation(mini_site: Path) -> None:
    home = (mini_site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    assert "aanbod/" in nav and "aanbod/het-anker/logeren/" not in nav


def test_a_record_page_has_no_pencil_but_its_report_names_the_yaml(mini_site: Path) -> None:
    """Visitors use "Klopt er iets niet?" (the package's theme shows the pencil on editors' pages only)."""
    page = (mini_site / "aanbod/het-anker/logeren/index.html").read_text(encoding="utf-8")
    assert 'rel="edit"' not in page
    assert "Bestand%3A%20providers/het-anker.yaml" in page


def test_edit_url_of_a_record_page_is_its_yaml(tmp_path: Path) -> None:
    """A site that shows the pencil everywhere (its own actions partial) edits the record's YAML."""
    folder = copy_site(MINI, tmp_path / "mini")
    (folder / "eigen" / "partials").mkdir(parents=True)
    (folder / "eigen" / "partials" / "actions.html").write_text(
        '<a href="{{ page.edit_url }}" rel="edit">Bewerk</a>\n', encoding="utf-8"
    )
    config = folder / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  font: false\n", "  font: false\n  custom_dir: eigen\n"),
        encoding="utf-8",
    )
    assert run_cli("build", cwd=folder).returncode == 0
    page = (folder / "site/aanbod/het-anker/logeren/index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/example/mini/edit/main/providers/het-anker.yaml" rel="edit"' in page


def test_home_page_blocks_are_filled(mini_site: Path) -> None:
    home = (mini_site / "index.html").read_text(encoding="utf-8")
    assert "mantelkaart:" not in home
    assert 'href="respijtzorg/logeeropvang/"' in home and 'href="tel:+31780000001"' in home


def test_search_is_dutch_and_skips_record_pages(mini_site: Path) -> None:
    index = json.loads((mini_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "respijtzorg/logeeropvang/" in locations
    assert not any(loc.startswith(("aanbod/", "aanbieders/", "gemeenten/")) for loc in locations)
    # lists of services on pages that are in it (a respite form's) are left out too: at 10,000
    # services they made Material's index megabytes, read by every page; the finder lists them
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "slaapt de persoon voor wie u zorgt" in text
    assert "Uw naaste logeert een weekend of een week bij ons" not in text
    assert (mini_site / "assets/javascripts/lunr/min/lunr.nl.min.js").is_file()


def test_only_the_finder_page_loads_the_finder_script_ahead_of_the_theme(mini_site: Path) -> None:
    """finder.js sits in the finder page, after the finder's elements and before
    mkdocs-material's bundle, so the finder starts while the page is read; no other page loads it."""
    finder = (mini_site / "zoeken/index.html").read_text(encoding="utf-8")
    script = finder.index('<script src="../assets/mantelkaart/finder.js"></script>')
    assert finder.index('id="mk-finder"') < finder.index("</noscript>") < script
    assert script < finder.index("assets/javascripts/bundle.")
    assert finder.count("finder.js") == 1
    others = [page for page in mini_site.rglob("*.html") if page.parent.name != "zoeken"]
    assert len(others) > 20
    assert not [page for page in others if "finder.js" in page.read_text(encoding="utf-8")]


def test_no_third_party_requests(example_site: Path) -> None:
    """Scripts, stylesheets, fonts and images are all served from the site itself."""
    pattern = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*?(?:src|href)="(https?:)?//', re.I)
    for page in example_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for match in pattern.finditer(text):
            tag = text[match.start() : text.index(">", match.start()) + 1]
            assert 'rel="canonical"' in tag or 'rel="edit"' in tag, f"{page}: {tag}"
    for css in example_site.rglob("*.css"):
        assert "@import url(http" not in css.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8")


def _json_schema_paths(schema: dict, node: dict, prefix: str = "") -> set[str]:
    """Every property path in a pydantic JSON Schema, walked independently of editors/reference.py."""
    if "$ref" in node:
        node = schema["$defs"][node["$ref"].split("/")[-1]]
    for key in ("anyOf", "oneOf", "allOf"):
        for option in node.get(key, []):
            if option.get("type") != "null":
                return _json_schema_paths(schema, option, prefix)
    if node.get("type") == "array" and "items" in node:
        return _json_schema_paths(schema, node["items"], prefix[:-1] + "[]." if prefix else "")
    paths: set[str] = set()
    for name, child in node.get("properties", {}).items():
        path = prefix + name
        paths.add(path)
        paths |= _json_schema_paths(schema, child, path + ".")
    return paths


def test_field_reference_lists_every_field_with_an_example(example_site: Path) -> None:
    page = (example_site / "redactie/velden/index.html").read_text(encoding="utf-8")
    for kind, model in KINDS.items():
        schema = model.model_json_schema(by_alias=True)
        paths = _json_schema_paths(schema, schema)
        assert len(paths) > 5
        for path in paths:
            row = re.search(rf'<tr id="{re.escape(kind)}-{re.escape(path)}">(.*?)</tr>', page, re.S)
            assert row, f"{kind}: field {path} missing from the field reference"
            example = re.findall(r"<code>(.*?)</code>", row.group(1))
            assert len(example) == 2 and example[1].strip(), f"{kind}: {path} has no example"


def test_editors_guide_links_to_field_reference(example_site: Path) -> None:
    guide = (example_site / "redactie/index.html").read_text(encoding="utf-8")
    assert 'href="velden/"' in guide


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>"\' & {{ 7*7 }} [a](javascript:alert(1))'


def _hostile_site(folder: Path) -> Path:
    """The mini site with hostile text in every text field of every record kind."""
    copy_site(MINI, folder)
    for kind in KINDS:
        for path in (folder / kind).glob("*.yaml"):
            text = path.read_text(encoding="utf-8")
            for key in (
                "naam",
                "samenvatting",
                "omschrijving",
                "uitleg",
                "duur",
                "aanvragen",
                "opmerkingen",
                "volgende_stap",
                "wat_u_krijgt",
                "voorwaarden",
                "toegankelijkheid",
                "eigen_bijdrage",
                "toelichting",
                "bereikbaar",
                "aanvraagperiode",
                "wetsartikel",
                "plaats",
                "adres",
            ):
                text = re.sub(
                    rf"^(\s*(?:- )?{key}:) (?![|>{{\[]).+$", rf"\1 {json.dumps(HOSTILE)}", text, flags=re.M
                )
            path.write_text(text, encoding="utf-8")
    return folder


def test_record_text_is_escaped_everywhere(tmp_path: Path) -> None:
    folder = _hostile_site(tmp_path)
    result = run_mkdocs("build", "--strict", cwd=folder)
    assert result.returncode == 0, result.stderr
    seen = 0
    for page in (folder / "site").rglob("*.html"):
        # JSON-LD holds record text as JSON with <, > and & escaped (test_structured_data.py checks it);
        # an unescaped </script> in it would end the match early and leave the rest to the checks below.
        text = re.sub(
            r'<script type="application/ld\+json">.*?</script>',
            "",
            page.read_text(encoding="utf-8"),
            flags=re.S,
        )
        assert "<script>alert" not in text, page
        assert "<img src=x" not in text and "onerror=alert" not in text.replace("onerror=alert(1)&gt;", ""), (
            page
        )
        assert 'href="javascript:' not in text, page
        assert "&amp; 49 [a]" not in text, page  # no template evaluation of record text
        seen += text.count("&lt;script&gt;alert")
    assert seen > 20


def test_bad_record_leaves_previous_site_byte_identical(tmp_path: Path) -> None:
    folder = copy_site(MINI, tmp_path)
    first = run_cli("build", cwd=folder)
    assert first.returncode == 0, first.stderr
    before = tree_digest(folder / "site")
    assert before
    broken = folder / "providers/het-anker.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("omgeving: buitenshuis", "omgeving: buiten"))
    second = run_cli("build", cwd=folder)
    assert second.returncode == 1
    assert "providers/het-anker.yaml" in second.stderr and "Bedoelde u 'buitenshuis'?" in second.stderr
    assert "Traceback" not in second.stderr
    assert tree_digest(folder / "site") == before
    # plain `mkdocs build` stops before MkDocs empties site/ as well
    third = run_mkdocs("build", cwd=folder)
    assert third.returncode != 0
    assert tree_digest(folder / "site") == before
    assert not [p for p in folder.iterdir() if p.name.startswith(".site-")]


def test_strict_warning_leaves_previous_site_untouched(tmp_path: Path) -> None:
    folder = copy_site(MINI, tmp_path)
    assert run_cli("build", cwd=folder).returncode == 0
    before = tree_digest(folder / "site")
    (folder / "docs/index.md").write_text("# Mini\n\n[kapot](bestaat-niet.md)\n", encoding="utf-8")
    result = run_cli("build", "--strict", cwd=folder)
    assert result.returncode == 1
    assert "bestaat-niet.md" in result.stderr
    assert tree_digest(folder / "site") == before


def test_successful_rebuild_replaces_the_site(tmp_path: Path) -> None:
    folder = copy_site(MINI, tmp_path)
    assert run_cli("build", cwd=folder).returncode == 0
    path = folder / "providers/het-anker.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Logeren in Het Anker", "Logeren bij Het Anker"))
    assert run_cli("build", cwd=folder).returncode == 0
    page = (folder / "site/aanbod/het-anker/logeren/index.html").read_text(encoding="utf-8")
    assert "Logeren bij Het Anker" in page


def test_example_edit_button_only_on_editors_pages_without_repo_widget(example_site: Path) -> None:
    page = (example_site / "aanbod/de-mantelaar/vervangende-mantelzorg/index.html").read_text(
        encoding="utf-8"
    )
    assert "mantelkaart/edit/" not in page  # visitors get "Klopt er iets niet?" (tests/test_look.py)
    assert "md-source" not in page  # the repository widget would call GitHub's API from every visitor
    editors = (example_site / "redactie/index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/mantelkaart/mantelkaart/edit/main/docs/redactie/index.md"' in editors
