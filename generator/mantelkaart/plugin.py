"""The MkDocs adapter: a thin plugin over the core.

* ``on_config``   – read the region settings, add our stylesheet;
* ``on_pre_build`` – load and validate all records; stop before MkDocs empties
  ``site_dir`` when there are errors, so the previous site stays untouched;
* ``on_files``    – add every generated page as a virtual file, out of the nav,
  with its edit button pointing at the record's YAML file (large sites are made on
  two cores, see :mod:`mantelkaart.build.production`);
* ``on_page_markdown`` – fill ``<!-- mantelkaart:NAME -->`` blocks in hand-written pages;
* ``on_serve``    – rebuild when a record changes.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkDocsPage

from mantelkaart.build import production, scratch
from mantelkaart.build.background import Background
from mantelkaart.build.outputs import BACKGROUND, STYLESHEET
from mantelkaart.core.config import ConfigError, SiteConfig
from mantelkaart.core.dataset import Dataset
from mantelkaart.core.parties import consultant_settings
from mantelkaart.core.problems import render
from mantelkaart.core.regions import check_logos, regional_catalogue, regional_name
from mantelkaart.core.validation import KINDS
from mantelkaart.keuzehulp.page import GUIDE_SCRIPT, GUIDE_STYLESHEET
from mantelkaart.referrals.saved_list import PRINT_STYLESHEET, SAVED_LIST_SCRIPT, SAVED_LIST_STYLESHEET
from mantelkaart.region_sites import regional_site_url
from mantelkaart.site import structured_data
from mantelkaart.site.frontend import FrontendError
from mantelkaart.site.look import theme_settings, tidy_theme
from mantelkaart.site.maps import MAP_SCRIPT
from mantelkaart.site.pages import PageMaker
from mantelkaart.site.site_output import Page, SiteContext

THEME = Path(__file__).resolve().parent / "theme"  # overrides of mkdocs-material's templates

log = logging.getLogger("mkdocs.plugins.mantelkaart")


def previous_site(site_dir: Path) -> Path | None:
    """The site this build replaces: beside the staging folder of an atomic build
    (``.site-nieuw-XXXX`` replaces ``site``), or the site folder itself."""
    match = re.fullmatch(r"\.(.+)-nieuw-\w+", site_dir.name)
    folder = site_dir.with_name(match.group(1)) if match else site_dir
    return folder if folder.is_dir() else None


BLOCK = re.compile(r"<!--\s*mantelkaart:\s*([a-z-]+)\s*-->")


class MantelkaartPlugin(BasePlugin[base.LegacyConfig]):
    supports_multiple_instances = False
    # MkDocs accepts exactly SiteConfig's option names, with any value: SiteConfig checks the
    # values (defaults, types, Dutch messages), so the names are not written down twice.
    config_scheme = tuple((name, c.Optional(c.Type(object))) for name in SiteConfig.model_fields)

    def __init__(self) -> None:
        self.site: SiteConfig | None = None  # for a regional build (build_region), that region's
        self.whole_site: SiteConfig | None = None  # every region: the records are checked against it
        self.root = Path(".")
        self.dataset: Dataset | None = None
        self.staging: Path | None = None  # files made on the second core, until MkDocs copies them
        self.previous_site: Path | None = None  # the published site this build replaces
        self.background: Background | None = None  # files made while MkDocs renders (PDFs)
        self.current_page = ""  # the page being made, for a message if the build breaks

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        options: dict[str, Any] = {k: v for k, v in self.config.items() if v is not None}
        try:
            self.site = self.whole_site = SiteConfig.from_options(options)
        except ConfigError as error:
            raise PluginError(str(error)) from None
        region = self.site.build_region
        if region:  # a site for one region alone, from the same data folder
            self.site = self.site.for_region(region)
            config.site_name = regional_name(self.whole_site, region, config.site_name)
            # Published with the other regions in /<region-id>/ (.github/workflows/regions.yml)
            config.site_url = regional_site_url(config.site_url or "", region) or config.site_url
            if config.site_description:
                config.site_description = config.site_description.replace(
                    self.whole_site.region, self.site.region
                )
        if not config.use_directory_urls:
            raise PluginError("mantelkaart heeft 'use_directory_urls: true' nodig in mkdocs.yml.")
        self.root = self.site.data_path(Path(config.config_file_path).parent)
        self.previous_site = previous_site(Path(config.site_dir))
        # The theme overrides (the header search, footer, example-data banner, the region's
        # colour) come with the package; a site's own custom_dir still goes first.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        config.extra_css.append(STYLESHEET)
        config.extra_javascript.append(MAP_SCRIPT)  # the finder page loads finder.js itself
        config.extra_css.append(GUIDE_STYLESHEET)
        config.extra_javascript.append(GUIDE_SCRIPT)
        config.extra_css.extend([SAVED_LIST_STYLESHEET, PRINT_STYLESHEET])  # the bewaarlijst, and paper
        config.extra_javascript.append(SAVED_LIST_SCRIPT)
        config.extra["mantelkaart"] = {"example_data": self.site.example_data, "region": self.site.region}
        try:
            config.extra["mantelkaart"].update(theme_settings(self.site, Path(config.docs_dir)))
            check_logos(self.whole_site, Path(config.docs_dir))
        except ConfigError as error:
            raise PluginError(str(error)) from None
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        assert self.site is not None and self.whole_site is not None
        self.dataset = Dataset.load(self.root, self.whole_site)
        region = self.whole_site.build_region
        if region and not self.dataset.errors:
            self.dataset.catalogue = regional_catalogue(self.dataset.catalogue, region)
            self.dataset.config = self.dataset.catalogue.config
        for problem in self.dataset.warnings:
            if problem.field.endswith("gecontroleerd"):
                log.info(problem.text())  # stale records: a report for editors, not a broken build
            else:
                log.warning(problem.text())
        if self.dataset.errors:
            raise PluginError(
                "De records bevatten fouten; de site is niet gebouwd.\n" + render(self.dataset.errors, "text")
            )
        # Theme templates (the 404 page, the footer) show the same consultant as the pages.
        config.extra["mantelkaart"]["consultant"] = consultant_settings(self.dataset.catalogue)
        # The PDFs need only the records: on the second core from now on, unless the build's
        # own copy needs that core for the pages (large sites; then after on_files), so they
        # are done before MkDocs has rendered the pages (bench/leaflets.py).
        if not production.parallel_wanted(self.dataset.catalogue):
            self._start_background(config)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.dataset is not None
        catalogue = self.dataset.catalogue
        context = SiteContext(config.site_url or "", Path(config.config_file_path).parent, self.previous_site)
        # Record pages' edit links: from docs/ up to the data folder, then the record's file.
        to_data = Path(os.path.relpath(self.root, config.docs_dir)).as_posix()
        if production.parallel_wanted(catalogue):
            self.staging = scratch.make("mantelkaart-")
        try:
            for output in production.produce(catalogue, context, self.staging):
                if isinstance(output, Page):
                    self._add(files, config, output, to_data)
                elif isinstance(output, production.StagedFile):
                    files.append(File.generated(config, output.path, abs_src_path=output.source))
                else:
                    files.append(File.generated(config, output.path, content=output.content))
        except FrontendError as error:
            raise PluginError(str(error)) from None
        if self.background is None:
            self._start_background(config)
        return files

    def _start_background(self, config: MkDocsConfig) -> None:
        assert self.dataset is not None
        context = SiteContext(config.site_url or "", Path(config.config_file_path).parent, self.previous_site)
        self.background = Background(BACKGROUND, self.dataset.catalogue, context)

    def _add(self, files: Files, config: MkDocsConfig, page: Page, to_data: str) -> None:
        if files.get_file_from_path(page.path) is not None:
            return  # a hand-written page with the same path wins
        generated = File.generated(
            config, page.path, content=page.markdown(), inclusion=InclusionLevel.NOT_IN_NAV
        )
        if page.source:
            generated.edit_uri = posixpath.normpath(f"{to_data}/{page.source}")
        files.append(generated)

    def on_post_build(self, config: MkDocsConfig) -> None:
        self._clear_staging()
        if self.background is not None:
            self.background.finish(Path(config.site_dir))
            self.background = None

    def on_build_error(self, error: Exception) -> None:
        self._clear_staging()
        if self.background is not None:
            self.background.cancel()
            self.background = None

    def _clear_staging(self) -> None:
        """The files the second core made have been copied into the site (or the build failed)."""
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None

    def on_pre_page(self, page: MkDocsPage, config: MkDocsConfig, files: Files) -> MkDocsPage:
        # Named in the message if the build breaks on this page (publisher._crash_report).
        record = page.file.edit_uri or ""
        self.current_page = page.file.src_uri + (
            f" (record {record.split('../')[-1]})" if record.endswith(".yaml") else ""
        )
        return page

    def on_page_markdown(self, markdown: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        if page.edit_url and "/../" in page.edit_url:  # record pages: docs/../providers/x.yaml
            parts = urlsplit(page.edit_url)
            page.edit_url = urlunsplit(parts._replace(path=posixpath.normpath(parts.path)))
        if self.dataset is None or "mantelkaart:" not in markdown:
            return markdown
        maker = PageMaker(self.dataset.catalogue, config.site_url or "")

        def fill(match: re.Match[str]) -> str:
            try:
                return "\n" + maker.block(match.group(1), page.file.src_uri) + "\n"
            except KeyError:
                raise PluginError(f"{page.file.src_uri}: onbekend blok '{match.group(1)}'.") from None

        return BLOCK.sub(fill, markdown)

    def on_post_page(self, output: str, page: MkDocsPage, config: MkDocsConfig) -> str:
        """Every page: the theme's invalid attributes dropped (``look.tidy_theme``).
        Service and provider pages: their schema.org data in ``<head>``.

        Not in the content: mkdocs-material's instant navigation re-runs scripts there as
        JavaScript, whatever their type.
        """
        output = tidy_theme(output)
        data = page.meta.get("json_ld")
        if not isinstance(data, dict):
            return output
        return output.replace("</head>", f"{structured_data.script(data)}</head>", 1)

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        """Pages made from a template alone (404.html): the theme's invalid attributes dropped."""
        return tidy_theme(output_content)

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        for kind in (*KINDS, "vocabularies"):
            folder = self.root / kind
            if folder.is_dir():
                server.watch(str(folder))
        server.watch(str(self.root), recursive=False)  # keuzehulp.yaml, also when added later
        return server
