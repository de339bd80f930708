"""Site configuration: the region and its people, given by the renderer's config.

In MkDocs this is the ``mantelkaart`` plugin section of ``mkdocs.yml``; the core
only sees the resulting :class:`SiteConfig`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from mantelkaart.fields import Email, Line, Phone, Url

NATIONWIDE = "landelijk"


class ConfigError(Exception):
    """Configuration that cannot be used, with a Dutch message."""


class Consultant(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Line = Field(alias="naam")
    phone: Phone | None = Field(default=None, alias="telefoon")
    email: Email | None = Field(default=None, alias="email")
    reachable: Line | None = Field(default=None, alias="bereikbaar")
    website: Url | None = Field(default=None, alias="website")


class Reporting(BaseModel):
    """Where "Klopt er iets niet?" sends a visitor: a GitHub issue or an e-mail."""

    model_config = ConfigDict(extra="forbid")
    github: str | None = Field(default=None, pattern=r"^[\w.-]+/[\w.-]+$")
    email: Email | None = None


class SiteConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    region: Line = "Voorbeeldregio"
    municipalities: dict[str, Line] = Field(default_factory=dict)
    consultant: Consultant | None = None
    report: Reporting = Field(default_factory=Reporting)
    example_data: bool = False
    stale_after_months: int = Field(default=12, ge=1, le=120)
    data_dir: str = "."
    route_planner: str = "https://www.openstreetmap.org/directions?to={lat}%2C{lon}"

    @field_validator("municipalities")
    @classmethod
    def _slugs(cls, value: dict[str, str]) -> dict[str, str]:
        from mantelkaart.fields import SLUG

        for key in value:
            if not SLUG.match(key) or key == NATIONWIDE:
                raise ValueError(f"'{key}' is geen geldige gemeente-id")
        return value

    def municipality_ids(self) -> set[str]:
        return {*self.municipalities, NATIONWIDE}

    def municipality_label(self, municipality_id: str) -> str:
        if municipality_id == NATIONWIDE:
            return "Heel Nederland"
        return self.municipalities.get(municipality_id, municipality_id)

    def data_path(self, base: Path) -> Path:
        return (base / self.data_dir).resolve()

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> SiteConfig:
        try:
            return cls.model_validate(options)
        except ValidationError as error:
            from mantelkaart.problems import translate

            lines = []
            for item in error.errors():
                where = ".".join(str(p) for p in item["loc"])
                message, hint = translate(item, cls)
                expected = {"int": "een heel getal", "bool": "true of false", "string": "tekst"}
                kind = item["type"].split("_")[0]
                if kind in expected and item["type"] != "string_pattern_mismatch":
                    message = f"'{item.get('input')}' is hier niet goed; verwacht: {expected[kind]}."
                lines.append(f"mantelkaart.{where}: {message}" + (f" ({hint})" if hint else ""))
            raise ConfigError(
                "De instellingen van mantelkaart in mkdocs.yml kloppen niet:\n" + "\n".join(lines)
            ) from None


Format = Literal["text", "github", "json"]
