"""The site's own look: region colour (held to contrast), logo, typeface, footer, edit pencil."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mantelkaart.core.branding import DEFAULT_COLOUR, contrast, darker
from mantelkaart.core.config import ConfigError, SiteConfig
from mantelkaart.site.look import tidy_theme

from support import REPO, copy_site, run_mkdocs


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = copy_site(REPO, tmp_path_factory.mktemp("look"))
    result = run_mkdocs("build", "--strict", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder / "site"


def _pages(site: Path) -> list[Path]:
    return [page for page in site.rglob("*.html") if page.relative_to(site).parts[0] != "admin"]


def test_contrast_follows_wcag() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the lightest AA grey
    assert contrast(DEFAULT_COLOUR, "#ffffff") >= 4.5
    assert contrast(darker(DEFAULT_COLOUR), "#ffffff") > contrast(DEFAULT_COLOUR, "#ffffff")


@pytest.mark.parametrize("colour", ["#777777", "#ffcc00", "#4da6ff"])
def test_a_light_colour_is_refused_in_dutch(colour: str) -> None:
    with pytest.raises(ConfigError) as error:
        SiteConfig.from_options({"colour": colour})
    message = str(error.value)
    assert "mantelkaart.colour" in message and "te licht" in message and "4,5 op 1" in message
    suggestion = re.search(r"bijvoorbeeld (#[0-9a-f]{6})", message)
    assert suggestion and contrast(suggestion.group(1), "#ffffff") >= 4.5  # the hint itself passes


def test_colour_settings() -> None:
    assert SiteConfig.from_options({}).colour == DEFAULT_COLOUR
    assert SiteConfig.from_options({"colour": "#00636B"}).colour == "#00636b"
    assert SiteConfig.from_options({"colour": "#036"}).colour == "#003366"
    with pytest.raises(ConfigError, match="geen kleur"):
        SiteConfig.from_options({"colour": "donkerblauw"})


@pytest.mark.parametrize(
    "logo", ["../geheim.svg", "/etc/logo.svg", "logo.exe", "https://example.org/logo.svg"]
)
def test_logo_must_be_a_picture_in_docs(logo: str) -> None:
    with pytest.raises(ConfigError, match="geen plaatje in de map docs/"):
        SiteConfig.from_options({"logo": logo})


@pytest.mark.parametrize("link", ["privacy/", "over/privacy/", "https://example.org/privacy"])
def test_privacy_link_is_a_page_or_a_web_address(link: str) -> None:
    assert SiteConfig.from_options({"privacy": link}).privacy == link


@pytest.mark.parametrize("link", ["javascript:alert(1)", "http://example.org/", "../geheim/", "a b"])
def test_privacy_link_refuses_anything_else(link: str) -> None:
    with pytest.raises(ConfigError, match="geen pagina van de site en geen webadres"):
        SiteConfig.from_options({"privacy": link})


def test_a_missing_logo_stops_the_build(tmp_path: Path) -> None:
    folder = copy_site(REPO, tmp_path)
    config = folder / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "logo: assets/logo-drechtsteden.svg", "logo: assets/weg.svg"
        ),
        encoding="utf-8",
    )
    result = run_mkdocs("build", cwd=folder)
    assert result.returncode != 0
    assert "het bestand assets/weg.svg staat niet in de map docs/" in result.stderr


def test_the_theme_comes_with_the_package_and_a_sites_own_override_goes_first(tmp_path: Path) -> None:
    """A region gets the header search, banner and footer without copying templates, and may
    still replace one partial in its own custom_dir."""
    folder = copy_site(REPO / "tests" / "fixtures" / "mini", tmp_path / "mini")
    assert not (folder / "overrides").exists()
    own = folder / "eigen" / "partials"
    own.mkdir(parents=True)
    (own / "footer.html").write_text(
        '<footer class="eigen-voet">Eigen voettekst</footer>\n', encoding="utf-8"
    )
    config = folder / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  font: false\n", "  font: false\n  custom_dir: eigen\n"),
        encoding="utf-8",
    )
    result = run_mkdocs("build", cwd=folder)
    assert result.returncode == 0, result.stderr
    home = (folder / "site" / "index.html").read_text(encoding="utf-8")
    assert "Eigen voettekst" in home  # the site's own partial
    assert "Voorbeeldgegevens." in home  # the package's banner (main.html)
    assert re.search(r'<form class="md-search__form" name="search" action="[./]*zoeken/"', home)  # one search


def test_every_page_has_the_region_colour_logo_and_typeface(example_site: Path) -> None:
    css = (example_site / "assets/mantelkaart/mantelkaart.css").read_text(encoding="utf-8")
    faces = re.findall(r'url\("(vendor/fonts/[^"]+)"\)', css)
    assert len(faces) == 4
    for face in faces:
        assert (example_site / "assets/mantelkaart" / face).stat().st_size > 10_000
    assert (example_site / "assets/mantelkaart/vendor/fonts/LICENSE-atkinson-hyperlegible").is_file()
    assert '--md-text-font: "Atkinson Hyperlegible"' in css
    for page in _pages(example_site):
        text = page.read_text(encoding="utf-8")
        assert "--md-primary-fg-color:#00636b;" in text, page
        assert re.search(r'<img src="(/mantelkaart/|[./]*)assets/logo-drechtsteden\.svg" alt=""', text), page
        assert "atkinson-hyperlegible-latin-400-normal.woff2" in text, page  # preloaded


def test_default_logo_is_served(example_site: Path) -> None:
    logo = (example_site / "assets/mantelkaart/logo.svg").read_text(encoding="utf-8")
    assert logo.startswith("<svg")


def test_edit_pencil_only_on_editors_pages(example_site: Path) -> None:
    with_pencil = []
    for page in _pages(example_site):
        if 'rel="edit"' in page.read_text(encoding="utf-8"):
            with_pencil.append(page.relative_to(example_site).as_posix())
    assert "redactie/index.html" in with_pencil
    assert all(path.startswith("redactie/") for path in with_pencil), with_pencil


def test_footer_names_the_organisation_and_links_the_fixed_pages(example_site: Path) -> None:
    for page in _pages(example_site):
        text = page.read_text(encoding="utf-8")
        footer = text[text.index('<footer class="md-footer mk-footer">') :]
        footer = footer[: footer.index("</footer>")]
        assert '<a href="https://example.org/">Mantelzorg Drechtsteden (voorbeeld)</a>' in footer, page
        links = dict(
            (label, href) for href, label in re.findall(r'<li><a href="([^"]*)">([^<]+)</a></li>', footer)
        )
        assert list(links) == ["Privacy", "Toegankelijkheid", "Open data", "Voor redacteuren"], page
        for href in links.values():
            if page.name == "404.html":
                assert href.startswith("/mantelkaart/")  # served at any depth: absolute
                href = href.removeprefix("/mantelkaart/")
                target = example_site / href / "index.html"
            else:
                target = (page.parent / href / "index.html").resolve()
            assert target.is_file(), (page, href)
        assert "Made with" not in footer


def test_theme_checkboxes_lose_only_their_invalid_attribute() -> None:
    html = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n'
        '<input type="text" class="md-search__input" autocomplete="off">'
    )
    assert tidy_theme(html) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">\n'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">\n'
        '<input type="text" class="md-search__input" autocomplete="off">'
    )


def test_not_found_page_is_dutch_and_ends_with_the_consultant(example_site: Path) -> None:
    page = (example_site / "404.html").read_text(encoding="utf-8")
    assert "<h1>Deze pagina bestaat niet</h1>" in page
    box = page[page.index('<aside class="mk-consultant"') :]
    box = box[: box.index("</aside>")]
    assert re.search(r'Bel <a class="mk-phone" href="tel:\+31\d{9}">', box)
    assert 'href="/mantelkaart/aanbod/' in box  # the consultant's own page, from the site's root


def test_copied_search_partial_differs_from_the_themes_only_by_the_dialog_name() -> None:
    """theme/partials/search.html follows mkdocs-material's own; an upgrade that changes
    Material's partial fails here, so the copy is made again from the new one. The changes:
    the dialog has a name, and the box is a form to the finder (issue 11: one search), with
    the suggestions' list and script, and no data-md-component for Material's own search."""
    import material

    theirs = (Path(material.__file__).parent / "templates/partials/search.html").read_text(encoding="utf-8")
    ours = (REPO / "generator/mantelkaart/theme/partials/search.html").read_text(encoding="utf-8")

    def body(template: str) -> str:
        return template[template.index("-#}") + 3 :]

    changes = [
        (
            '<div class="md-search" data-md-component="search" role="dialog">',
            '<div class="md-search mk-header-search" role="dialog" aria-label="{{ lang.t(\'search\') }}">',
        ),
        (
            '<form class="md-search__form" name="search">',
            '<form class="md-search__form" name="search" action="{{ \'zoeken/\' | url }}" method="get">',
        ),
        (
            '<input type="text" class="md-search__input" name="query" aria-label="{{ lang.t(\'search.placeholder\') }}" placeholder="{{ lang.t(\'search.placeholder\') }}" autocapitalize="off" autocorrect="off" autocomplete="off" spellcheck="false" data-md-component="search-query" required>',
            '<input type="search" class="md-search__input" name="zoek" aria-label="Zoek hulp" placeholder="Zoek hulp, bijv. logeren" autocapitalize="off" autocorrect="off" autocomplete="off" spellcheck="false" enterkeyhint="search" aria-controls="mk-header-suggestions" aria-describedby="mk-header-search-hint">',
        ),
        (
            """        <div class="md-search-result" data-md-component="search-result">
          <div class="md-search-result__meta">
            {{ lang.t("search.result.initializer") }}
          </div>
          <ol class="md-search-result__list" role="presentation"></ol>""",
            """        <div class="md-search-result">
          <div class="md-search-result__meta" id="mk-header-search-hint">Typ een woord en druk op Enter: u komt bij Zoek hulp.</div>
          <ol class="md-search-result__list" id="mk-header-suggestions" aria-label="Suggesties" aria-live="polite"></ol>""",
        ),
    ]
    expected = body(theirs)
    for old, new in changes:
        assert old in expected, old
        expected = expected.replace(old, new)
    script = "<script src=\"{{ 'assets/mantelkaart/header-search.js' | url }}\" defer></script>\n"
    assert body(ours) == expected.rstrip("\n") + "\n" + script
