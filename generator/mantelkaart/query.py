"""What the finder understands beyond the records' own words: the package's search words.

Read from ``data/zoekwoorden.yaml`` (national defaults; a site adds vocabulary synonyms in
its own ``vocabularies/``):

* ``lemma's``: word forms the Dutch stemmer does not bring together ("uitjes" → "uitje",
  "logeren" → "logeeropvang"), applied to the records' text and to the query alike;
* ``volwassen`` / ``kind``: words saying the person cared for is an adult or a child, which
  change the order (children's services are not first for "mijn moeder");
* ``engels``: English words as the Dutch word the records use ("municipality" → "gemeente"),
  on the query side only;
* ``jong``: words saying the one searching is young (a young carer: "broertje", "school");
* ``vulwoorden``: words that carry no meaning for the search ("zoek", "graag", "the", "my");
* ``respijtvormen``: English and lay words per respite form;
* ``filters``: phrases that name a filter ("zonder indicatie", "gratis") and act as it.

:func:`query_data` is what ``finder.js`` gets of it, in the search index file.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@lru_cache(maxsize=1)
def search_words() -> dict[str, Any]:
    text = (resources.files("mantelkaart") / "data" / "zoekwoorden.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def lemmas() -> dict[str, str]:
    return {str(form): str(word) for form, word in search_words()["lemma's"].items()}


def form_words(form_id: str) -> list[str]:
    """English and lay words for one respite form."""
    return [str(word) for word in search_words()["respijtvormen"].get(form_id, [])]


def query_data(facet_values: dict[str, list[str]]) -> dict[str, Any]:
    """The query rules for ``finder.js``: lemmas, filler words, adult and child words, and the
    filter phrases whose value the site has (as [phrase words, facet key, value number])."""
    data = search_words()
    filters = []
    for rule in data["filters"]:
        values = facet_values.get(rule["facet"], [])
        if rule["waarde"] in values:
            number = values.index(rule["waarde"])
            filters += [[phrase.lower(), rule["facet"], number] for phrase in rule["woorden"]]
    # Longest phrases first: "jonge mantelzorgers" before "jonge mantelzorger".
    filters.sort(key=lambda rule: -len(rule[0]))
    return {
        "lemmas": {**lemmas(), **{str(k): str(v) for k, v in data["engels"].items()}},
        "young": [str(word) for word in data["jong"]],
        "fillers": [str(word) for word in data["vulwoorden"]],
        "adult": [str(word) for word in data["volwassen"]],
        "child": [str(word) for word in data["kind"]],
        "filters": filters,
    }
