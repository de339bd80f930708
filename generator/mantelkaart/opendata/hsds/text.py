"""Source text and codes for the HSDS import: countries, languages, and an export's debris.

Countries and languages are looked up in ``pycountry`` (ISO 3166 and ISO 639 with their Dutch
names), so that a source's "US", "Spanish", "spa" or "Spaans" is read as what it is; debris such
as a literal ``\\n``, ``###MON###`` or formatting tags is taken out of texts, and each change is
named so that the import report can count it.
"""

from __future__ import annotations

import gettext
import re
from functools import lru_cache

import pycountry


def country_code(text: str | None) -> str | None:
    """ISO 3166 alpha-2 code of a country written as a code or an English or Dutch name."""
    word = (text or "").strip()
    if not word:
        return None
    if word.casefold() in ("nederland", "holland"):
        return "NL"
    try:
        return str(pycountry.countries.lookup(word).alpha_2)
    except LookupError:
        return None


@lru_cache(maxsize=1)
def _dutch_names() -> dict[str, str]:
    """Dutch language name (lower case) → ISO 639-3 code, from pycountry's translations."""
    try:
        dutch = gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=["nl"])
    except OSError:
        return {}
    names: dict[str, str] = {}
    for language in pycountry.languages:
        translated = dutch.gettext(language.name)
        if translated != language.name:
            names.setdefault(translated.casefold(), language.alpha_3)
    return names


@lru_cache(maxsize=4096)
def language_codes(code: str | None, name: str | None) -> tuple[str, ...]:
    """The ISO 639-1 and 639-3 codes of a language given by code (639-1, -2 or -3) or name."""
    found = None
    word = (code or "").strip().lower().split("-")[0].split("_")[0]
    if word:
        found = (
            pycountry.languages.get(alpha_2=word)
            or pycountry.languages.get(alpha_3=word)
            or pycountry.languages.get(bibliographic=word)
        )
    label = (name or "").strip()
    if found is None and label:
        try:
            found = pycountry.languages.lookup(label)
        except LookupError:
            alpha_3 = _dutch_names().get(label.casefold())
            found = pycountry.languages.get(alpha_3=alpha_3) if alpha_3 else None
    if found is None:
        return (word,) if word else ()
    return tuple(filter(None, (getattr(found, "alpha_2", None), found.alpha_3)))


def dutch_language_name(codes: tuple[str, ...]) -> str | None:
    """'Urdu', 'Haïtiaans Creools': the Dutch name of an ISO language, if pycountry knows it."""
    language = next(
        (
            pycountry.languages.get(alpha_3=code)
            for code in codes
            if len(code) == 3 and pycountry.languages.get(alpha_3=code)
        ),
        None,
    ) or next((pycountry.languages.get(alpha_2=code) for code in codes if len(code) == 2), None)
    if language is None:
        return None
    try:
        dutch = gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=["nl"])
        return str(dutch.gettext(language.name))
    except OSError:
        return str(language.name)


NOTHING = {"none", "null", "nil", "undefined", "n/a", "nan"}
ESCAPES = re.compile(r"\\[nrt]")  # a literal backslash-n left by an export
MARKERS = re.compile(r"#{2,}[A-Z0-9_]{1,20}#*|\b[A-Z0-9_]{1,20}#{2,}")  # '###MON###', 'MON###'
BREAKS = re.compile(r"<\s*(?:br|/p|p|/li|/div)\s*/?\s*>", re.IGNORECASE)
FORMATTING = re.compile(
    r"<\s*/?\s*(?:b|i|u|em|strong|span|font|li|ul|ol|div|small)(?:\s[^<>]{0,200})?>", re.IGNORECASE
)
ENTITIES = {"&nbsp;": " ", "&amp;": "&", "&#39;": "'", "&quot;": '"'}
DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#]\S*)?$", re.IGNORECASE)


def tidy(text: str) -> tuple[str, list[str]]:
    """Export debris taken out of a text: what is left, and how it was changed (in Dutch)."""
    hows = []
    if ESCAPES.search(text):
        text = ESCAPES.sub(lambda m: "\n" if m.group(0)[1] == "n" else " ", text)
        hows.append("letterlijke \\n vervangen door een nieuwe regel")
    if MARKERS.search(text):
        text = MARKERS.sub("", text)
        hows.append("codes als ###MON### weggehaald")
    if BREAKS.search(text) or FORMATTING.search(text) or any(entity in text for entity in ENTITIES):
        text = BREAKS.sub("\n", text)
        text = FORMATTING.sub("", text)
        for entity, plain in ENTITIES.items():
            text = text.replace(entity, plain)
        hows.append("opmaakcodes (HTML) weggehaald")
    if hows:
        text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
        text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text, hows
