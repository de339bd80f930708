"""How record values are shown to a visitor: Dutch dates, phone links, URLs, paragraphs.

These are the Jinja filters and globals the page templates use. Nothing here
returns markup: templates are auto-escaped, so every value stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import quote, urlencode, urlsplit

import phonenumbers

from mantelkaart.core.config import SiteConfig
from mantelkaart.core.phones import parse_phone

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
DAYS = {
    "ma": "maandag",
    "di": "dinsdag",
    "wo": "woensdag",
    "do": "donderdag",
    "vr": "vrijdag",
    "za": "zaterdag",
    "zo": "zondag",
}


def dutch_date(value: date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


@lru_cache(maxsize=65536)
def phone_href(text: str) -> str:
    """``tel:`` link in E.164, e.g. ``tel:+31780000101``."""
    number = parse_phone(text)
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=65536)
def phone_text(text: str) -> str:
    """The number as people in the Netherlands write it, e.g. ``078 000 0101``."""
    number = parse_phone(text)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def safe_href(url: str) -> str:
    """Only http(s) and mailto links leave the site; anything else becomes ``#``."""
    scheme = urlsplit(url).scheme.lower()
    return url if scheme in ("http", "https", "mailto") else "#"


def paragraphs(text: str | None) -> list[str]:
    if not text:
        return []
    return [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]


def day_list(days: list[str]) -> str:
    """``[ma, di, wo, do, vr]`` → "maandag tot en met vrijdag"; otherwise a plain list."""
    order = list(DAYS)
    positions = sorted(order.index(d) for d in days)
    names = [DAYS[order[p]] for p in positions]
    if len(names) >= 3 and positions == list(range(positions[0], positions[-1] + 1)):
        return f"{names[0]} tot en met {names[-1]}"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def dutch_time(value: str) -> str:
    """``09:30`` → ``9.30`` (as written in Dutch running text)."""
    hours, minutes = value.split(":")
    return f"{int(hours)}.{minutes}"


def page_url(source_path: str) -> str:
    """``aanbod/x/y.md`` → ``aanbod/x/y/``; ``aanbod/index.md`` → ``aanbod/``."""
    stem = source_path.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(from_path: str, to_path: str) -> str:
    """A link from one page to another that works under any site prefix.

    Always up to the site root and down again (``../../voor-wie/dementie/``): not the
    shortest link, but the same text for every page at one depth, so it can be cached.
    """
    return _up(page_url(from_path).count("/")) + page_url(to_path) or "./"


@lru_cache(maxsize=64)
def _up(depth: int) -> str:
    return "../" * depth


def route_url(config: SiteConfig, lat: float, lon: float) -> str:
    return config.route_planner.format(lat=f"{lat:.5f}", lon=f"{lon:.5f}")


@dataclass(frozen=True)
class ReportLinks:
    """Where a visitor reports a mistake: an e-mail to the editors (no account needed) first,
    a GitHub issue second (for those who have an account)."""

    email: str | None
    github: str | None


def report_url(
    config: SiteConfig, title: str, page_address: str, file: str, record_id: str = ""
) -> ReportLinks | None:
    """Pre-filled reports about one record: its name, id, page address and file."""
    about = f"Pagina: {page_address}\n" + (f"Id: {record_id}\n" if record_id else "") + f"Bestand: {file}\n"
    body = about + "\nWat klopt er niet? Wat moet het zijn?\n\n"
    subject = f"Klopt niet: {title}"
    email = github = None
    if config.report.email:
        email = f"mailto:{config.report.email}?subject={quote(subject)}&body={quote(body)}"
    if config.report.github:
        query = urlencode({"title": subject, "body": body, "labels": "gegevens"})
        github = f"https://github.com/{config.report.github}/issues/new?{query}"
    return ReportLinks(email, github) if email or github else None
