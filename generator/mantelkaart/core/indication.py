"""Whether an indicatie (assessment) or a referral is needed, said in one plain Dutch line.

Result cards, service pages, the finder's data and the exports all use these words, so a
service says the same thing everywhere. What a record does not say stays unsaid: no
indicatie field gives no line at all.
"""

from __future__ import annotations

from mantelkaart.core.services import Indication
from mantelkaart.core.vocabulary import Vocabularies

# The finder's facet values, in the order people need them: no indicatie first.
FACET = {"nee": "Zonder indicatie", "ja": "Met indicatie", "soms": "Soms een indicatie"}


def _who(indication: Indication, vocabularies: Vocabularies) -> str:
    names = [vocabularies["indicatie"].label(term) for term in indication.by]
    names = [
        name[:1].lower() + name[1:] if name.startswith("De ") or name.startswith("Het ") else name
        for name in names
    ]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " of " + names[-1]


def indication_line(indication: Indication | None, vocabularies: Vocabularies, short: bool = False) -> str:
    """``Geen indicatie nodig``, ``Indicatie nodig van de gemeente (Wmo)``, … or ``""``."""
    if indication is None:
        return ""
    if indication.needed == "nee":
        return "Geen indicatie nodig" if short else "Geen indicatie nodig: u kunt zelf contact opnemen."
    if indication.needed == "ja":
        line = f"Indicatie nodig van {_who(indication, vocabularies)}"
        return line if short else line + "."
    if short:
        return "Soms een indicatie nodig"
    return f"Soms een indicatie nodig. {indication.note}"
