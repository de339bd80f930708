"""``mantelkaart init``: a complete new site for a region, ready to build.

The files come from ``starter/`` in the package (Jinja templates, rendered with the
region's name and municipalities): ``mkdocs.yml``, the public pages in ``docs/``, one
example record of each kind (marked VOORBEELD, and ``example_data: true`` says so on every
page), the workflows (checks on every pull request, publishing, the weekly list of
records to verify), editor settings, ``requirements.txt`` pinning this version and a
README for the region's editors. The editors' guide is Mantelkaart's own
(``docs/redactie/``, carried in the wheel as ``starter/redactie/``), and ``schema/`` is
written as ``mantelkaart schema`` writes it. The site validates and builds as written.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from datetime import date
from importlib import metadata, resources
from pathlib import Path

import jinja2

from mantelkaart.editors.skeleton import slugify

STARTER = Path(str(resources.files("mantelkaart") / "starter"))
PROVIDER = "steunpunt-mantelzorg"
CONSULTANT = f"{PROVIDER}/respijtconsulent"

# target path in the new site -> template under starter/
FILES = {
    "mkdocs.yml": "mkdocs.yml",
    "README.md": "README.md",
    "requirements.txt": "requirements.txt",
    ".gitignore": "gitignore",
    ".vscode/settings.json": "vscode-settings.json",
    "docs/index.md": "docs/index.md",
    "docs/over.md": "docs/over.md",
    "docs/toegankelijkheid.md": "docs/toegankelijkheid.md",
    "docs/privacy.md": "docs/privacy.md",
    f"providers/{PROVIDER}.yaml": "records/provider.yaml",
    "respite-forms/logeeropvang.yaml": "records/respite-form.yaml",
    ".github/workflows/controle.yml": "workflows/pull-request.yml",
    ".github/workflows/publiceren.yml": "workflows/publish.yml",
    ".github/workflows/verouderde-records.yml": "workflows/verification.yml",
}


VERBATIM = ("workflows/", "vscode-settings.json")  # copied as they are


class StarterError(Exception):
    """What is wrong with the request, in Dutch, with a hint."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def _line(text: str, what: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    if not text or len(text) > limit or not text.isprintable():
        raise StarterError(
            f"{what} '{text[:limit]}' kan niet: gebruik gewone tekst van hooguit {limit} tekens.",
            'Bijvoorbeeld: --regio "Hoeksche Waard".',
        )
    return text


def municipalities(names: Iterable[str]) -> list[tuple[str, str]]:
    """(id, name) for each municipality, in the order given; ids must differ."""
    found: dict[str, str] = {}
    for raw in names:
        for part in raw.split(","):
            if not part.strip():
                continue
            name = _line(part, "De gemeente")
            slug = slugify(name)
            if not slug or slug in found:
                raise StarterError(
                    f"De gemeente '{name}' staat er dubbel in of heeft geen letters.",
                    "Noem elke gemeente één keer, gescheiden door komma's.",
                )
            found[slug] = name
    if not found:
        raise StarterError(
            "Er zijn geen gemeenten genoemd.",
            'Bijvoorbeeld: --gemeenten "Dordrecht, Zwijndrecht".',
        )
    return list(found.items())


def _version() -> str:
    try:
        return metadata.version("mantelkaart")
    except metadata.PackageNotFoundError:  # pragma: no cover - a checkout is always installed
        return "0"


def _guide() -> Path:
    """The editors' guide: in the wheel, or in a checkout of Mantelkaart."""
    bundled = STARTER / "redactie"
    return bundled if bundled.is_dir() else Path(__file__).resolve().parents[3] / "docs" / "redactie"


def write_starter(target: Path, region: str, names: Iterable[str], today: date | None = None) -> list[Path]:
    """Write a new site into ``target`` (absent or empty); returns the files written."""
    today = today or date.today()
    region = _line(region, "De naam van de regio")
    places = municipalities(names)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise StarterError(
            f"De map '{target}' bestaat al en is niet leeg.",
            "Kies een nieuwe map; 'mantelkaart init' overschrijft niets.",
        )
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(STARTER),
        autoescape=False,  # Markdown and YAML; names go into YAML through the yaml filter only
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["yaml"] = lambda text: json.dumps(text, ensure_ascii=False)  # a YAML string
    environment.filters["markdown"] = lambda text: html.escape(text)  # text, never markup
    first_id, first_name = places[0]
    values = {
        "region": region,
        "municipalities": places,
        "municipality_ids": [slug for slug, _ in places],
        "municipality_names": [name for _, name in places],
        "first_id": first_id,
        "first_name": first_name,
        "provider_id": PROVIDER,
        "consultant": CONSULTANT,
        "today": today.isoformat(),
        "year": today.year,
        "version": _version(),
    }
    files = {**FILES, f"regulations/mantelzorgwaardering-{first_id}.yaml": "records/regulation.yaml"}
    contents: dict[str, bytes] = {}  # everything first, so a failure writes nothing
    for relative, template in files.items():
        if template.startswith(VERBATIM):  # GitHub's own ${{ }} expressions are not Jinja's
            contents[relative] = (STARTER / template).read_bytes()
        else:
            contents[relative] = environment.get_template(template).render(values).encode("utf-8")
    for source in sorted(_guide().iterdir()):
        if source.is_file():
            contents[f"docs/redactie/{source.name}"] = source.read_bytes()
    written: list[Path] = []
    for relative, content in contents.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    return written


def write_schema(target: Path) -> list[Path]:
    """``schema/`` as ``mantelkaart schema`` writes it, for the editor settings."""
    from mantelkaart.core.mkdocs_yml import site_config
    from mantelkaart.core.vocabulary import Vocabularies
    from mantelkaart.editors.json_schema import FOLDER, write_schemas

    config, root = site_config(target / "mkdocs.yml")
    return list(write_schemas(root / FOLDER, Vocabularies.load(root / "vocabularies"), config))
