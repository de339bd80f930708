"""The query set (tests/finder_query_set.yaml), run in Chromium on the example site.

More than a hundred queries written from five personas (caregiver, young carer, parent of a
disabled child, professional, newcomer who writes English), each with the services that
answer it. Measured: hit@5 (one of them among the first five results) at least 95 %; no
query with an answer ends on a page with zero results; every page with zero results (here
the questions the data cannot answer) shows a next step above the filters: the consultant's
name and number, with "Bedoelde u …?" or respite forms where they fit. The table per persona
is printed (``pytest -s``) and kept in bench/README.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from finder_driver import OFFERS, open_finder

QUERY_SET = Path(__file__).parents[1] / "finder_query_set.yaml"
SEARCH = """(text) => {
    history.pushState(null, '', '?zoek=' + encodeURIComponent(text));
    dispatchEvent(new PopStateEvent('popstate'));
}"""
DONE = """(text) => {
    const root = document.getElementById('mk-finder');
    return root.dataset.query === text && root.dataset.state === 'ready';
}"""
NEXT_STEP = """() => {
    const none = document.querySelector('.mk-finder__none');
    const filters = document.querySelector('.mk-finder__filters-bar');
    const phone = none.querySelector("a[href^='tel:']");
    return {
        shown: !none.hidden,
        above: none.getBoundingClientRect().top < filters.getBoundingClientRect().top,
        phone: phone ? phone.textContent.trim() : '',
        text: none.innerText,
    };
}"""


def query_set() -> list[tuple[str, dict[str, Any]]]:
    data = yaml.safe_load(QUERY_SET.read_text(encoding="utf-8"))
    return [(persona, query) for persona, queries in data.items() for query in queries]


def search(page: Any, text: str) -> list[str]:
    page.evaluate(SEARCH, text)
    page.wait_for_function(DONE, arg=text)
    numbers = page.eval_on_selector_all(
        ".mk-finder__results > [data-i]", "e => e.slice(0, 5).map(i => Number(i.dataset.i))"
    )
    return [OFFERS[number].service.name for number in numbers]


def test_the_query_set_is_large_and_names_real_services() -> None:
    queries = query_set()
    assert len(queries) >= 100
    assert len({persona for persona, _ in queries}) == 5
    names = {offer.service.name for offer in OFFERS}
    for _, query in queries:
        assert query.get("leeg") or query["goed"], query
        assert set(query.get("goed", [])) <= names, query


def test_query_set_hit_at_5_and_no_dead_end(page: Any, site_url: str) -> None:
    consultant = OFFERS[0].service  # any: the phone number is checked against the page's box
    del consultant
    open_finder(page, site_url)
    table: dict[str, list[int]] = {}
    misses: list[str] = []
    dead_ends: list[str] = []
    for persona, query in query_set():
        top = search(page, query["zoek"])
        row = table.setdefault(persona, [0, 0, 0])
        if not top:
            row[2] += 1
            step = page.evaluate(NEXT_STEP)
            if not (
                step["shown"] and step["above"] and step["phone"] and "consulent" in step["text"].lower()
            ):
                dead_ends.append(f"{query['zoek']}: {step}")
        if query.get("leeg"):
            continue
        row[1] += 1
        if set(top) & set(query["goed"]):
            row[0] += 1
        else:
            misses.append(f"{persona}: {query['zoek']!r} → {top}")
    hits = sum(row[0] for row in table.values())
    total = sum(row[1] for row in table.values())
    print("\n| Persona | Queries | Hit@5 | Zero results |\n|---|---|---|---|")
    for persona, (hit, count, zero) in table.items():
        print(f"| {persona} | {count} | {hit}/{count} ({100 * hit / count:.0f} %) | {zero} |")
    print(f"| all | {total} | {hits}/{total} ({100 * hits / total:.1f} %) | |")
    print("misses:", *misses, sep="\n  ")
    assert dead_ends == []
    wrong_zero = [miss for miss in misses if miss.endswith("→ []")]
    assert wrong_zero == [], "queries with an answer ended on zero results"
    assert hits / total >= 0.95, f"hit@5 {hits}/{total}; misses: {misses}"
