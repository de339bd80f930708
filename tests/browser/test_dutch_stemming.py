"""The index built in Python and the browser's lunr.nl make the same terms from the same words."""

from __future__ import annotations

import json
import re
from typing import Any

from mantelkaart.finder import dutch

from support import REPO

LUNR = REPO / "node_modules" / "lunr" / "lunr.min.js"
SUPPORT = REPO / "node_modules" / "lunr-languages" / "min" / "lunr.stemmer.support.min.js"
DUTCH = REPO / "node_modules" / "lunr-languages" / "min" / "lunr.nl.min.js"

WORDS = [
    "zorgboerderijen",
    "zorgboerderij",
    "logeeropvang",
    "logeren",
    "logeerhuis",
    "logeert",
    "mantelzorgers",
    "mantelzorger",
    "mantelzorg",
    "dagbesteding",
    "dagbestedingen",
    "dagopvang",
    "verpleeghuizen",
    "verpleeghuis",
    "respijtzorg",
    "respijtconsulent",
    "consulenten",
    "dementie",
    "alzheimer",
    "hersenletsel",
    "lichamelijke",
    "beperking",
    "beperkingen",
    "verstandelijke",
    "vrijwilligers",
    "vrijwilliger",
    "ondersteuning",
    "begeleiding",
    "gemeenten",
    "gemeentelijke",
    "regelingen",
    "vergoeding",
    "vergoedingen",
    "verzekering",
    "aanvullende",
    "eigen",
    "bijdrage",
    "kinderen",
    "jongeren",
    "ouderen",
    "lotgenoten",
    "gespreksgroep",
    "cursussen",
    "oppas",
    "zorgoppas",
    "vakantie",
    "vakanties",
    "weekenden",
    "nachtzorg",
    "wijkverpleging",
    "thuiszorg",
    "huishoudelijke",
    "hulpmiddelen",
    "parkeren",
    "waardering",
    "ontmoetingscentrum",
    "activiteiten",
    "wandelen",
    "tuinieren",
    "koffie",
    "luisteren",
    "luisterend",
    "geholpen",
    "overbelast",
    "overbelasting",
    "zwijndrecht",
    "dordrecht",
    "papendrecht",
    "sliedrecht",
    "hardinxveld",
    "giessendam",
    "alblasserdam",
    "café",
    "één",
    "ideeën",
    "geïnteresseerd",
    "zieken",
    "ziekte",
    "ziektes",
    "mogelijkheden",
    "bereikbaar",
    "eenzaamheid",
    "vriendelijk",
    "verhuizen",
    "opname",
    "instellingen",
    "kortdurend",
    "verblijf",
    "gastgezin",
    "dagdelen",
]
# Tokens that test the trimmer and the stop-word filter as well.
TOKENS = ["(dagopvang)", "logeren,", "'s", "24", "2026", "zorg.", "«respijt»", "de", "het", "u", "uw"]


def run_lunr_nl(page: Any, words: list[str], full_pipeline: bool) -> list[str]:
    page.set_content("<!doctype html><title>lunr.nl</title>")
    for script in (LUNR, SUPPORT, DUTCH):
        page.add_script_tag(path=str(script))
    return page.evaluate(
        """([words, full]) => {
            const pipeline = new lunr.Pipeline();
            if (full) pipeline.add(lunr.nl.trimmer, lunr.nl.stopWordFilter, lunr.nl.stemmer);
            else pipeline.add(lunr.nl.stemmer);
            return words.map((word) => pipeline.run([new lunr.Token(word)]).map(String).join(' '));
        }""",
        [words, full_pipeline],
    )


def test_python_stems_equal_lunr_nl_in_chromium(page: Any) -> None:
    assert len(set(WORDS)) >= 50
    in_browser = run_lunr_nl(page, WORDS, full_pipeline=False)
    in_python = [dutch.stem(word) for word in WORDS]
    differences = [(w, p, b) for w, p, b in zip(WORDS, in_python, in_browser, strict=True) if p != b]
    assert differences == [], differences
    # The stems are stems: the test would notice a stemmer that does nothing.
    assert dutch.stem("zorgboerderijen") == "zorgboerderij"
    assert dutch.stem("mantelzorgers") == "mantelzorger"


def test_snowball_dutch_would_differ(page: Any) -> None:
    """Why ``dutch_porter``: Snowball's newer ``dutch`` gives other stems than the browser."""
    import snowballstemmer

    newer = snowballstemmer.stemmer("dutch")
    in_browser = run_lunr_nl(page, WORDS, full_pipeline=False)
    differing = sum(newer.stemWord(w) != b for w, b in zip(WORDS, in_browser, strict=True))
    assert differing >= 10


def test_whole_pipeline_equals_lunr_nl(page: Any) -> None:
    tokens = WORDS + TOKENS
    in_browser = run_lunr_nl(page, tokens, full_pipeline=True)
    in_python = [" ".join(dutch.terms(token)) for token in tokens]
    assert in_python == in_browser
    assert dutch.terms("de (dagopvang) 24") == ["dagopvang"]


def test_sentences_become_the_same_terms_as_in_lunr_js(page: Any) -> None:
    """lunr.js's tokenizer (white space and hyphens) and lunr.nl's pipeline, on whole sentences."""
    sentences = [
        "Uw naaste logeert een paar dagen in Het Parkhuis, in een veilige omgeving.",
        "Dagopvang en dagbesteding: op de zorgboerderij in Hardinxveld-Giessendam!",
        "Mantelzorgers\u00a0met een migratie\u2003achtergrond; 24 uur per dag (ook 's nachts).",
    ]
    run_lunr_nl(page, [], full_pipeline=True)
    in_browser = page.evaluate(
        """(sentences) => sentences.map((text) => {
            const pipeline = new lunr.Pipeline();
            pipeline.add(lunr.nl.trimmer, lunr.nl.stopWordFilter, lunr.nl.stemmer);
            return pipeline.run(lunr.tokenizer(text)).map(String);
        })""",
        sentences,
    )
    assert [dutch.terms(text) for text in sentences] == in_browser


def test_stop_words_are_lunr_nl_list() -> None:
    source = (REPO / "node_modules" / "lunr-languages" / "lunr.nl.js").read_text(encoding="utf-8")
    match = re.search(r"generateStopWordFilter\('([^']*)'\.split", source)
    assert match is not None
    assert {word for word in match.group(1).split(" ") if word} == dutch.STOP_WORDS


def test_serialized_index_loads_in_lunr_js(page: Any) -> None:
    index_builder = dutch.builder()
    index_builder.ref("id")
    index_builder.field("text")
    index_builder.add({"id": "a", "text": dutch.terms("Logeren op de zorgboerderij")})
    index_builder.add({"id": "b", "text": dutch.terms("Dagbesteding voor mantelzorgers")})
    serialized = json.dumps(index_builder.build().serialize())
    assert json.loads(serialized)["pipeline"] == ["stemmer-nl"]
    page.set_content("<!doctype html><title>lunr.nl</title>")
    for script in (LUNR, SUPPORT, DUTCH):
        page.add_script_tag(path=str(script))
    refs = page.evaluate(
        "(data) => { const idx = lunr.Index.load(JSON.parse(data));"
        " return [idx.search('zorgboerderijen').map(r => r.ref), idx.search('mantelzorger').map(r => r.ref)]; }",
        serialized,
    )
    assert refs == [["a"], ["b"]]
