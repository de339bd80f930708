"""Driving the keuzehulp in a browser as a visitor does: one question a screen, by label.

Shared by tests/browser/test_guide_in_browser.py and test_guide_personas.py.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

from mantelkaart.keuzehulp.rules import Advisor

from support import REPO, load

EXAMPLE = load(REPO)
ADVISOR = Advisor(EXAMPLE.catalogue.guide.guide, EXAMPLE.catalogue)  # type: ignore[union-attr]

VISIBLE = """() => [...document.querySelectorAll("[data-mk-option]")]
  .filter((o) => o.checkVisibility())
  .map((o) => ({
    key: o.dataset.mkOption,
    why: o.querySelector("[data-mk-case]:not([hidden])").innerText,
    offers: [...o.querySelectorAll("[data-mk-offer]")].filter((e) => e.checkVisibility()).map((e) => e.dataset.mkOffer),
    regulations: [...o.querySelectorAll("[data-mk-regulation]")]
      .filter((e) => e.checkVisibility()).map((e) => e.dataset.mkRegulation),
    payments: [...o.querySelectorAll("[data-mk-payment]")]
      .filter((e) => e.checkVisibility()).map((e) => e.dataset.mkPayment),
  }))"""


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def expected(answers: dict[str, str]) -> list[dict[str, Any]]:
    """What Python decides for ``answers``, in the shape VISIBLE reads from the page."""
    advice = ADVISOR.advise(answers)
    if advice.empty:
        return []
    return [
        {
            "key": fit.option.key,
            "why": squash("Waarom? " + " ".join(fit.reasons)),
            "offers": [offer.key for offer in fit.offers],
            "regulations": [rid for rid, _ in fit.regulations],
            "payments": [payment.by for payment in fit.payments],
        }
        for fit in advice.fits
    ]


def ready(page: Any) -> None:
    page.wait_for_selector("[data-mk-guide][data-mk-state=ready]", state="attached")


def shown(page: Any) -> list[dict[str, Any]]:
    ready(page)
    return [dict(item, why=squash(item["why"])) for item in page.evaluate(VISIBLE)]


def step(page: Any) -> str:
    """The id of the question on screen, or 'uitkomst'."""
    ready(page)
    return str(page.locator("[data-mk-guide]").get_attribute("data-mk-step"))


def query(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def visible_questions(page: Any) -> list[str]:
    return page.evaluate(
        """() => [...document.querySelectorAll("[data-mk-question]")]
             .filter((f) => f.checkVisibility()).map((f) => f.dataset.mkQuestion)"""
    )


def focused_heading(page: Any) -> str:
    return page.evaluate(
        "document.activeElement && /^H[1-6]$/.test(document.activeElement.tagName)"
        " ? document.activeElement.innerText.trim() : ''"
    )


def walk(page: Any, choices: dict[str, str], screens: list[str] | None = None) -> list[str]:
    """Answer question after question by clicking the visible label of each choice and 'Volgende'.

    ``choices`` maps a question id to the label to pick; a question not in it is left at
    its 'weet ik niet' answer. Returns the question ids seen, in order. After each step the
    new screen's heading has the focus, and only one question is on screen.
    """
    seen: list[str] = []
    for _ in range(len(ADVISOR.questions) + 1):
        current = step(page)
        if current == "uitkomst":
            assert focused_heading(page) == "Wat bij u past"
            return seen
        assert visible_questions(page) == [current]
        seen.append(current)
        if screens is not None:
            screens.append(page.url)
        fieldset = page.locator(f"[data-mk-question='{current}']")
        if current in choices:
            fieldset.get_by_label(choices[current], exact=True).check()
        before = page.url
        page.locator("[data-mk-guide-next]").click()
        page.wait_for_function("(before) => location.href !== before", arg=before)
        if step(page) != "uitkomst":
            assert focused_heading(page) == ADVISOR.question(step(page)).question
    raise AssertionError(f"the guide never reached an outcome: {seen}")
