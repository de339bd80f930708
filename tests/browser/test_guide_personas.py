"""Four people walk through the keuzehulp on a phone (390 × 844), as issue 10 describes them.

Each walk clicks the answers' labels one screen at a time and checks what must and what
must not be in the outcome, that the outcome is what the Python rules decide, that its
link gives the same outcome, and that it ends with the consultant's box and number.
Then: Back (the browser's and the page's own "Vorige"), one question a screen, focus,
and axe on question and outcome screens.
"""

from __future__ import annotations

from typing import Any

import pytest
from browsing import axe_violations, describe
from guide_driver import ADVISOR, EXAMPLE, expected, focused_heading, query, ready, shown, squash, step, walk

from mantelkaart.core import presentation

CONSULTANT = EXAMPLE.catalogue.consultant()
CONSULTANT_TEL = presentation.phone_href(CONSULTANT.phone) if CONSULTANT and CONSULTANT.phone else None

DAUGHTER = {
    "wie": "Voor mezelf. Ik zorg voor iemand.",
    "mantelzorger": "25 jaar of ouder",
    "werk": "Ja, ik heb werk",
    "naaste": "Iemand van 65 jaar of ouder",
    "wat": "Dementie",
    "pauze": "Een nacht of een weekend weg",
    "waar": "Ergens anders, bijvoorbeeld in een logeerhuis of op een dagbesteding",
    "gemeente": "Dordrecht",
}
PARENT = {
    "wie": "Voor mezelf. Ik zorg voor iemand.",
    "mantelzorger": "25 jaar of ouder",
    "naaste": "Een kind, jonger dan 18 jaar",
    "wat": "Een verstandelijke beperking of autisme",
    "pauze": "Een paar uur vrij",
    "waar": "Thuis, bij mijn naaste",
    "gemeente": "Zwijndrecht",
}
TEENAGER = {
    "wie": "Voor mezelf. Ik zorg voor iemand.",
    "mantelzorger": "Jonger dan 18 jaar",
    "werk": "Nee",
    "naaste": "Een volwassene tot 65 jaar, bijvoorbeeld mijn partner, vader of moeder",
    "wat": "Een ziekte of een lichamelijke beperking, of is oud en kwetsbaar",
    "pauze": "Een paar uur vrij",
    "gemeente": "Sliedrecht",
}
GP_ASSISTANT = {
    **DAUGHTER,
    "wie": "Ik verwijs iemand door. Ik werk bijvoorbeeld bij de huisarts of in de wijk.",
}


def answer_ids(labels: dict[str, str]) -> dict[str, str]:
    """The URL's answers for these labels."""
    result = {}
    for question, label in labels.items():
        ask = ADVISOR.question(question)
        result[question] = next(c.id for c in ask.choices if c.label == label)
    return result


def outcome_text(page: Any) -> str:
    return squash(page.locator("[data-mk-guide-result]").inner_text())


def offers_shown(page: Any) -> set[str]:
    return {offer for option in shown(page) for offer in option["offers"]}


def check_outcome(page: Any, labels: dict[str, str]) -> list[dict[str, Any]]:
    """What every outcome must have: the answers in the URL, the rules' result, the consultant last."""
    answers = answer_ids(labels)
    assert query(page.url) == answers
    result = shown(page)
    assert result == expected(answers)
    assert result, "no option at all"
    # The outcome ends with the consultant's box, with a phone link.
    last = page.locator("[data-mk-guide-result] > :last-child")
    assert last.is_visible() and "mk-consultant" in (last.get_attribute("class") or "")
    assert last.locator("a[href^='tel:']").get_attribute("href") == CONSULTANT_TEL
    # An option without offers names the consultant with the number, not just "no offers".
    for option in page.locator("[data-mk-option]:visible").all():
        if (
            option.locator("[data-mk-offer]").count() == 0
            and not option.locator("[data-mk-choose-area]").is_visible()
        ):
            none = option.locator("[data-mk-no-offers]")
            assert none.is_visible()
            assert none.locator("a[href^='tel:']").get_attribute("href") == CONSULTANT_TEL
            assert CONSULTANT is not None and CONSULTANT.name in none.inner_text()
    # The link gives the same outcome, in a fresh page too.
    share = page.locator("[data-mk-guide-share]")
    assert share.get_attribute("href") == page.url and share.is_visible()
    page.reload()
    assert step(page) == "uitkomst" and shown(page) == result
    return result


def start(page: Any, site_url: str) -> None:
    page.goto(site_url + "keuzehulp/")
    ready(page)


def test_a_working_daughter_whose_father_has_dementia_wants_a_weekend_off(page: Any, site_url: str) -> None:
    start(page, site_url)
    screens: list[str] = []
    seen = walk(page, DAUGHTER, screens)
    assert seen == ["wie", "mantelzorger", "werk", "naaste", "wat", "pauze", "waar", "gemeente"]
    check_outcome(page, DAUGHTER)
    offers = offers_shown(page)
    assert {"de-merwelanden/logeerzorg", "het-parkhuis/logeerzorg"} <= offers  # logeren in Dordrecht
    assert "gemeente-dordrecht/mantelzorgvakantie" in offers  # a weekend away herself
    card = page.locator("[data-mk-offer='de-merwelanden/logeerzorg']").inner_text()
    assert (
        "Indicatie nodig van de gemeente (Wmo)." in card and "Bel 078" in card
    )  # what to arrange, whom to call
    text = outcome_text(page)
    assert "Logeeropvang" in text and "Mantelzorgvakantie" in text
    assert "Jeugdwet" not in text  # her father is no child
    assert (
        "Jonge mantelzorgers" not in text
        and "steunpunt-mantelzorg-voorbeeldwaard/jonge-mantelzorgers" not in offers
    )
    assert page.outside_requests == []


def test_a_parent_in_zwijndrecht_of_a_child_with_a_disability(page: Any, site_url: str) -> None:
    start(page, site_url)
    seen = walk(page, PARENT)
    assert "hoe-vaak" in seen  # asked after 'a few hours'
    check_outcome(page, PARENT)
    offers = offers_shown(page)
    assert "zorgoppas/zorgoppas" in offers  # the children's offer, nationwide
    zorgoppas = page.locator("[data-mk-option='respijtvorm-zorgoppas']")
    assert "Jeugdwet" in zorgoppas.locator(".mk-guide__payments").inner_text()  # the children's route
    text = outcome_text(page)
    # Zwijndrecht's Wmo respite care (grondslag: wmo) is for adults; the Wmo is not a child's route.
    assert page.locator("[data-mk-regulation='wmo-respijtzorg-zwijndrecht']:visible").count() == 0
    assert "Respijtzorg via de Wmo in Zwijndrecht" not in text
    assert page.locator("[data-mk-payment='wmo']:visible").count() == 0
    assert page.locator("[data-mk-payment='jeugdwet']:visible").count() >= 1


def test_a_sixteen_year_old_caring_for_an_ill_mother_in_sliedrecht(page: Any, site_url: str) -> None:
    start(page, site_url)
    walk(page, TEENAGER)
    check_outcome(page, TEENAGER)
    offers = offers_shown(page)
    assert "steunpunt-mantelzorg-voorbeeldwaard/jonge-mantelzorgers" in offers  # the young carers' club
    for key in offers:  # nothing for carers of 18 and older
        audience = EXAMPLE.catalogue.offer(key).service.audience  # type: ignore[union-attr]
        minimum = audience.caregiver.min_age if audience and audience.caregiver else None
        assert minimum is None or minimum < 18, key
    adults_only = {
        "steunpunt-mantelzorg-voorbeeldwaard/weekend-weg",
        "steunpunt-mantelzorg-voorbeeldwaard/lotgenotengroep-ggz-verslaving",
    }
    assert not offers & adults_only
    assert "Jeugdwet" not in outcome_text(page)  # she is young, but her mother is not


def test_a_gp_assistant_who_refers_someone(page: Any, site_url: str) -> None:
    start(page, site_url)
    page.get_by_label(GP_ASSISTANT["wie"], exact=True).check()
    page.locator("[data-mk-guide-next]").click()
    note = page.locator("[data-mk-guide-form] [data-mk-note='wie=doorverwijzen']")
    assert note.is_visible() and "doorverwijst" in note.inner_text()  # told to answer for the caregiver
    walk(page, GP_ASSISTANT)
    result = check_outcome(page, GP_ASSISTANT)
    assert result == expected(answer_ids(DAUGHTER))  # the same useful outcome
    assert page.locator("[data-mk-guide-result] [data-mk-note='wie=doorverwijzen']").is_visible()
    share = page.locator("[data-mk-guide-share]")
    assert share.inner_text() == page.url  # a link to send, written out
    mail = page.locator("[data-mk-guide-mail]")
    assert mail.is_visible() and mail.get_attribute("href").startswith("mailto:?subject=")  # type: ignore[union-attr]
    assert "wie%3Ddoorverwijzen" in (mail.get_attribute("href") or "")


def test_back_goes_back_a_question_with_the_browser_and_with_vorige(page: Any, site_url: str) -> None:
    start(page, site_url)
    walk(page, DAUGHTER)
    outcome = page.url
    page.go_back()
    page.wait_for_function("() => document.querySelector('[data-mk-guide]').dataset.mkStep === 'gemeente'")
    assert focused_heading(page) == "Waar woont uw naaste?"
    assert page.get_by_label("Dordrecht", exact=True).is_checked()  # the answer is kept
    page.get_by_role("button", name="Vorige").click()
    page.wait_for_function("() => document.querySelector('[data-mk-guide]').dataset.mkStep === 'waar'")
    assert focused_heading(page) == "Waar mag de zorg zijn?"
    page.go_forward()
    page.wait_for_function("() => document.querySelector('[data-mk-guide]').dataset.mkStep === 'gemeente'")
    page.locator("[data-mk-guide-next]").click()
    page.wait_for_url(outcome)
    assert step(page) == "uitkomst"
    # A link opened fresh has no earlier screen in the history: 'Vorige' goes to the last question.
    page.goto(outcome)
    ready(page)
    page.locator("[data-mk-guide-result] [data-mk-guide-back]").click()
    page.wait_for_function("() => document.querySelector('[data-mk-guide]').dataset.mkStep === 'gemeente'")
    assert query(page.url) == {**answer_ids(DAUGHTER), "stap": "gemeente"}
    # Starting again empties the answers.
    page.goto(outcome)
    page.get_by_role("link", name="Opnieuw beginnen").click()
    page.wait_for_url(site_url + "keuzehulp/")
    assert step(page) == "wie"
    assert page.evaluate(
        "[...document.querySelectorAll('[data-mk-guide-form] input:checked')].every((i) => !i.value)"
    )
    assert page.locator("[data-mk-guide-form] [data-mk-guide-back]").is_hidden()  # nothing before the first


def test_every_screen_of_a_walk_can_be_reloaded_from_its_url(page: Any, site_url: str) -> None:
    start(page, site_url)
    screens: list[str] = []
    seen = walk(page, PARENT, screens)
    for url, question in zip(screens[1:], seen[1:], strict=True):
        page.goto(url)
        assert step(page) == question, url
        assert query(url)["stap"] == question


def test_one_question_a_screen_on_a_phone(page: Any, site_url: str) -> None:
    assert page.viewport_size == {"width": 390, "height": 844}
    start(page, site_url)
    for _ in range(len(ADVISOR.questions)):
        current = step(page)
        if current == "uitkomst":
            break
        fieldset = page.locator(f"[data-mk-question='{current}']")
        top = fieldset.bounding_box()
        button = page.locator("[data-mk-guide-next]").bounding_box()
        assert top and button
        assert button["y"] + button["height"] - top["y"] <= 844, current  # question and button fit a screen
        assert page.locator("[data-mk-question]:visible").count() == 1
        assert page.locator("[data-mk-guide-result]").is_hidden()
        progress = page.locator("[data-mk-guide-progress]").inner_text()
        assert progress.startswith("Vraag ")
        before = page.url
        page.locator("[data-mk-guide-next]").click()  # every question may be left open
        page.wait_for_function("(before) => location.href !== before", arg=before)
    assert step(page) == "uitkomst"
    assert "U heeft geen vraag beantwoord" in page.locator("[data-mk-guide-status]").inner_text()


@pytest.mark.parametrize(
    "labels",
    [DAUGHTER, PARENT, TEENAGER, GP_ASSISTANT],
    ids=["daughter", "parent", "teenager", "gp-assistant"],
)
def test_no_wcag_violations_at_the_personas_outcomes(
    page: Any, site_url: str, labels: dict[str, str]
) -> None:
    page.goto(site_url + "keuzehulp/?" + "&".join(f"{q}={a}" for q, a in answer_ids(labels).items()))
    ready(page)
    violations = axe_violations(page)
    assert violations == [], describe(violations)


@pytest.mark.parametrize("screen", ["", "?wie=doorverwijzen&stap=wat", "?pauze=uren&stap=hoe-vaak"])
def test_no_wcag_violations_on_question_screens(page: Any, site_url: str, screen: str) -> None:
    page.goto(site_url + "keuzehulp/" + screen)
    ready(page)
    violations = axe_violations(page)
    assert violations == [], describe(violations)
