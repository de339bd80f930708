"""Read the ``mantelkaart`` plugin options from ``mkdocs.yml`` without running MkDocs.

The command line uses this so that ``mantelkaart validate`` is quick and works
with the same settings the site build uses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from mantelkaart.core.config import ConfigError, SiteConfig


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as ``!!python/name:`` or ``!ENV``; we ignore them."""


def _ignore(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("!", _ignore)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore)


def plugin_options(config_file: Path) -> dict[str, Any]:
    """The options under ``plugins: - mantelkaart:``; empty if the plugin has none."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except FileNotFoundError:
        raise ConfigError(f"Het instellingenbestand {config_file} bestaat niet.") from None
    except OSError as error:
        raise ConfigError(
            f"Het instellingenbestand {config_file} kan niet worden gelezen ({error.strerror})."
        ) from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ConfigError(f"{config_file} is geen geldige YAML: {error}") from None
    plugins = data.get("plugins", []) if isinstance(data, dict) else []
    for entry in plugins if isinstance(plugins, list) else []:
        if entry == "mantelkaart":
            return {}
        if isinstance(entry, dict) and "mantelkaart" in entry:
            return _options(entry["mantelkaart"], config_file)
    if isinstance(plugins, dict) and "mantelkaart" in plugins:
        return _options(plugins["mantelkaart"], config_file)
    raise ConfigError(f"In {config_file} staat de plugin 'mantelkaart' niet onder 'plugins'.")


def _options(value: Any, config_file: Path) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(f"In {config_file} horen onder 'mantelkaart:' instellingen (naam: waarde).")
    return dict(value)


def site_config(config_file: Path) -> tuple[SiteConfig, Path]:
    """The site configuration and the folder the data folders are in."""
    config = SiteConfig.from_options(plugin_options(config_file))
    return config, config.data_path(config_file.parent.resolve())


def site_url(config_file: Path) -> str:
    """``site_url`` from ``mkdocs.yml`` (empty if it has none), for exports made outside MkDocs."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return ""
    value = data.get("site_url") if isinstance(data, dict) else None
    return value if isinstance(value, str) else ""
