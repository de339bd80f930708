"""The finder's index gives lunr.js exactly the results of lunr's own serialization.

``finder/search_index.py`` stores the index in a compact form (one-letter field names, whole-number
weights, postings as runs of services, vectors as flat lists) that ``finder.js`` turns into a
``lunr.Index`` whose postings and vectors are made when a query needs them (``loadIndex``).
Here lunr's own serialization of the example region's service index is loaded with
``lunr.Index.load`` and the compact one with ``finder.js``, in Chromium, and both are queried
the way ``finder.js`` queries: the same services must come back with the same scores, and the
terms the index knows must be the same.
"""

from __future__ import annotations

import json
from typing import Any

from test_dutch_stemming import DUTCH, LUNR, SUPPORT

from mantelkaart.finder.search_index import index_words, search_index
from mantelkaart.site.page_kinds import finder_offers

from support import REPO, canonical_index, load

CATALOGUE = load(REPO).catalogue
FINDER = REPO / "generator" / "mantelkaart" / "assets" / "finder.js"
WORDS = ["logeerzorg", "logeerzrog", "dementie", "dementei", "mantelzorgers", "oppas", "hulp", "dag", "x"]

QUERY = """([canonical, shortened, words]) => {
    const plain = lunr.Index.load(JSON.parse(canonical));
    const data = JSON.parse(shortened);
    const short = window.mantelkaartFinder.loadIndex(data.services);
    const run = (index, word) => index.query((query) => {
        query.term(word, { usePipeline: true, boost: 10 });
        query.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 2 });
        query.term(word, { usePipeline: false, editDistance: 1, boost: 1 });
    }).map((result) => [result.ref, result.score]);
    const found = words.map((word) => [run(plain, word), run(short, word).map(([ref, score]) => [ref, score / data.vector_scale])]);
    const known = Object.keys(plain.invertedIndex).every((term) => short.hasTerm(term) && short.invertedIndex[term]);
    return [found, known && !short.hasTerm("x") && short.invertedIndex["x"] === undefined];
}"""


def test_shortened_index_finds_the_same_with_the_same_scores(page: Any, site_url: str) -> None:
    offers = finder_offers(CATALOGUE)
    canonical = json.dumps(canonical_index(offers, index_words(CATALOGUE, offers)))
    shortened = json.dumps(search_index(CATALOGUE, offers))
    page.goto(site_url + "404.html")  # a page of the site: finder.js finds its folder from there
    for script in (LUNR, SUPPORT, DUTCH, FINDER):
        page.add_script_tag(path=str(script))
    found, same_terms = page.evaluate(QUERY, [canonical, shortened, WORDS])
    assert same_terms
    assert sum(bool(plain) for plain, _ in found) >= len(WORDS) - 1
    for word, (plain, short) in zip(WORDS, found, strict=True):
        assert [ref for ref, _ in short] == [ref for ref, _ in plain], word
        for (_, expected), (_, score) in zip(plain, short, strict=True):
            assert abs(score - expected) <= 1e-9 * max(1.0, expected), word
