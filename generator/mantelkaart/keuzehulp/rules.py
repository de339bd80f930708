"""The rules engine of the respite guide (keuzehulp): which help fits which answers, and why.

The guide's rules and the catalogue are compiled once, at build time, into
*options* (a respite form, or a kind of support) with *conditions*: for each
question, the answers that allow it. Every part of the result carries its own
conditions: an option's rules (cases), each offer (from where the care recipient
lives and who they are) and each regulation (where the care recipient lives).

Evaluating answers is then one generic test, :func:`matches`: a question that is
unanswered, or absent from the conditions, allows everything. An offer may have
alternatives (it fits visitors in any of its target groups), and fits when one of
them matches (:func:`matches_any`). The page carries these conditions in
``data-mk-when`` attributes and the browser script applies the same test, so the
decisions themselves are made here only. Who an offer, a regulation or a way of
paying is for (ages, target groups, the law that pays) is read from the records
by :mod:`mantelkaart.keuzehulp.audience`.

Some questions are asked only after certain answers (``alleen_als``); an answer to
a question that was not asked does not count (:meth:`Advisor.answers`).

Offers are many, so they are not in the page: they are split by the municipality
question into one file per answer (:meth:`Advisor.offers_in`), and the browser
loads the file of the chosen municipality. Without a municipality only nationwide
offers are shown (``landelijk``): listing the whole region would not help anyone.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from mantelkaart.core.catalogue import Catalogue, Offer
from mantelkaart.core.config import NATIONWIDE
from mantelkaart.core.guide_schema import Guide, Question, Rule
from mantelkaart.core.regulations import Payment, Regulation, RespiteForm
from mantelkaart.keuzehulp.audience import (
    Ages,
    age_conditions,
    ages,
    combined,
    group_alternatives,
    law_ages,
    payer_ages,
)
from mantelkaart.site.page_kinds import sort_offers

Conditions = Mapping[str, frozenset[str]]
Alternatives = tuple[Conditions, ...]  # fits when one of them matches
NO_AREA = NATIONWIDE  # the offers file for visitors who did not choose a municipality


def matches(conditions: Conditions, answers: Mapping[str, str]) -> bool:
    """True when every answered question has an allowed answer (the browser does the same)."""
    return all(
        question not in answers or answers[question] in allowed for question, allowed in conditions.items()
    )


def matches_any(alternatives: Sequence[Conditions], answers: Mapping[str, str]) -> bool:
    """True when one of the alternatives matches (the browser does the same with a list)."""
    return any(matches(conditions, answers) for conditions in alternatives)


def conditions_data(conditions: Conditions) -> dict[str, list[str]]:
    return {q: sorted(a) for q, a in conditions.items()}


def alternatives_data(alternatives: Alternatives) -> dict[str, list[str]] | list[dict[str, list[str]]]:
    """One object when there is one alternative, else a list (as ``keuzehulp.js`` reads them)."""
    if len(alternatives) == 1:
        return conditions_data(alternatives[0])
    return [conditions_data(c) for c in alternatives]


def conditions_json(conditions: Conditions) -> str:
    """Conditions for a ``data-mk-when`` attribute (sorted, so pages are reproducible)."""
    return json.dumps(conditions_data(conditions), separators=(",", ":"))


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    sentence: str
    target_groups: tuple[str, ...] = ()
    ages: Ages | None = None  # of the person the question is about
    note: str | None = None


@dataclass(frozen=True)
class Ask:
    """A question with its answers resolved (a municipality question gets the region's)."""

    id: str
    question: str
    explanation: str | None
    kind: str
    choices: tuple[Choice, ...]
    no_answer: str
    about: str | None = None  # 'naaste' or 'mantelzorger'
    only_if: Conditions = field(default_factory=dict)  # asked only after these answers

    def label(self, answer_id: str) -> str:
        return next((c.label for c in self.choices if c.id == answer_id), answer_id)


@dataclass(frozen=True)
class Sentence:
    question: str
    answer: str
    text: str


@dataclass(frozen=True)
class Case:
    """One rule of an option: when it fits, and the sentences that explain why."""

    conditions: Conditions
    sentences: tuple[Sentence, ...]
    conclusion: str
    fits: tuple[tuple[str, tuple[str, ...]], ...]  # (question, answer labels): "past als …"
    needs: tuple[str, ...] = ()  # questions that must be answered (``alleen_met_antwoord``)

    def matches(self, answers: Mapping[str, str]) -> bool:
        return all(q in answers for q in self.needs) and matches(self.conditions, answers)

    def reasons(self, answers: Mapping[str, str]) -> list[str]:
        chosen = [s.text for s in self.sentences if answers.get(s.question) == s.answer]
        return [*chosen, self.conclusion]


@dataclass(frozen=True)
class Option:
    """A respite form (or a kind of support) with everything the guide can show for it."""

    key: str
    kind: Literal["respijtvorm", "functie"]
    target: str
    title: str
    summary: str
    path: str  # page source path, e.g. respijtzorg/logeeropvang.md
    form: RespiteForm | None
    cases: list[Case] = field(default_factory=list)
    offers: list[tuple[Offer, Alternatives]] = field(default_factory=list)
    regulations: list[tuple[str, Regulation, Conditions]] = field(default_factory=list)
    payments: list[tuple[Payment, Conditions]] = field(default_factory=list)


@dataclass(frozen=True)
class Fit:
    option: Option
    reasons: list[str]
    offers: list[Offer]
    regulations: list[tuple[str, Regulation]]
    payments: list[Payment] = field(default_factory=list)


@dataclass(frozen=True)
class Advice:
    answers: dict[str, str]
    fits: list[Fit]

    @property
    def empty(self) -> bool:
        """Nothing answered yet: the page asks for answers instead of showing everything."""
        return not self.answers


class Advisor:
    """A guide compiled against one catalogue."""

    def __init__(self, guide: Guide, catalogue: Catalogue) -> None:
        self.guide = guide
        self.catalogue = catalogue
        self.questions = [self._ask(q) for q in guide.questions]
        self.area = next((ask.id for ask in self.questions if ask.kind == "gemeente"), None)
        self.options: list[Option] = []
        by_key: dict[str, Option] = {}
        for rule in guide.rules:
            if rule.respite_form is not None and rule.respite_form not in catalogue.respite_forms:
                continue  # its record has errors of its own; the site is not built then
            option = by_key.get(_key(rule))
            if option is None:
                option = by_key[_key(rule)] = self._option(rule)
                self.options.append(option)
            option.cases.append(self._case(rule))

    def question(self, question_id: str) -> Ask:
        return next(ask for ask in self.questions if ask.id == question_id)

    # -- evaluation ------------------------------------------------------------
    def answers(self, raw: Mapping[str, str]) -> dict[str, str]:
        """Only answers the guide knows, in question order; empty and unknown values count as unanswered.

        So do answers to a question that is asked only after other answers (``alleen_als``)
        when those were not given.
        """
        result: dict[str, str] = {}
        for ask in self.questions:
            value = raw.get(ask.id, "")
            if not self.asked(ask, result):
                continue
            if any(choice.id == value for choice in ask.choices):
                result[ask.id] = value
        return result

    @staticmethod
    def asked(ask: Ask, earlier: Mapping[str, str]) -> bool:
        """Whether ``ask`` is asked after the ``earlier`` answers (each condition needs its answer)."""
        return all(earlier.get(q) in allowed for q, allowed in ask.only_if.items())

    def advise(self, raw: Mapping[str, str]) -> Advice:
        answers = self.answers(raw)
        fits = []
        for option in self.options:
            case = next((c for c in option.cases if c.matches(answers)), None)
            if case is None:
                continue
            fits.append(
                Fit(
                    option,
                    case.reasons(answers),
                    [
                        offer
                        for offer, when in self.offers_in(option, self.area_of(answers))
                        if matches_any(when, answers)
                    ],
                    [(rid, r) for rid, r, when in option.regulations if matches(when, answers)],
                    [payment for payment, when in option.payments if matches(when, answers)],
                )
            )
        return Advice(answers, fits)

    def area_of(self, answers: Mapping[str, str]) -> str:
        """The offers file for these answers: the chosen municipality, or :data:`NO_AREA`."""
        return answers.get(self.area, NO_AREA) if self.area else NO_AREA

    def areas(self) -> list[str]:
        """Every offers file: one per municipality answer, and :data:`NO_AREA`."""
        choices = next((ask.choices for ask in self.questions if ask.id == self.area), ())
        return [*(choice.id for choice in choices), NO_AREA]

    def offers_in(self, option: Option, area: str) -> list[tuple[Offer, Alternatives]]:
        """The offers of ``option`` for residents of ``area``, with the conditions left to test.

        Without a municipality (:data:`NO_AREA`) only offers for all of the region's
        municipalities are listed, such as nationwide ones. (Every alternative of an
        offer has the same municipality condition.)
        """
        result: list[tuple[Offer, Alternatives]] = []
        for offer, alternatives in option.offers:
            first = alternatives[0]
            if self.area is not None and self.area in first and area not in first[self.area]:
                continue
            result.append(
                (offer, tuple({q: a for q, a in when.items() if q != self.area} for when in alternatives))
            )
        return result

    # -- compiling ---------------------------------------------------------------
    def _ask(self, question: Question) -> Ask:
        if question.kind == "gemeente":
            config = self.catalogue.config
            ids = question.municipalities or list(config.municipalities)
            choices = tuple(
                Choice(m, config.municipality_label(m), f"Uw naaste woont in {config.municipality_label(m)}.")
                for m in ids
            )
        else:
            choices = tuple(
                Choice(
                    a.id,
                    a.label,
                    a.sentence,
                    tuple(a.target_groups),
                    ages(a.ages.low, a.ages.high) if a.ages else None,
                    a.note,
                )
                for a in question.answers
            )
        return Ask(
            question.id,
            question.question,
            question.explanation,
            question.kind,
            choices,
            question.no_answer,
            question.about,
            {q: frozenset(allowed) for q, allowed in question.only_if.items()},
        )

    def _option(self, rule: Rule) -> Option:
        catalogue = self.catalogue
        offers = catalogue.active_offers()
        if rule.respite_form is not None:
            form = catalogue.respite_forms[rule.respite_form]
            option = Option(
                _key(rule), "respijtvorm", rule.respite_form, form.name, form.summary,
                f"respijtzorg/{rule.respite_form}.md", form,
            )  # fmt: skip
            chosen = [o for o in offers if o.service.respite_form == rule.respite_form]
            regulations = catalogue.regulations_for_form(rule.respite_form)
        else:
            function = rule.function or ""
            term = catalogue.vocabularies["functies"].terms[function]
            option = Option(
                _key(rule), "functie", function, term.label, term.explanation,
                f"ondersteuning/{function}.md", None,
            )  # fmt: skip
            chosen = [o for o in offers if function in o.service.functions]
            regulations = [(rid, r) for rid, r in catalogue.current_regulations() if function in r.functions]
        option.offers.extend((offer, self._offer_conditions(offer)) for offer in sort_offers(chosen))
        regulations = sorted(regulations, key=lambda item: item[1].name.casefold())
        option.regulations.extend(
            (
                rid,
                r,
                {**self._area_conditions(r.municipalities), **self._age_conditions(law_ages(r.legal_basis))},
            )
            for rid, r in regulations
        )
        if option.form is not None:
            option.payments.extend((p, self._age_conditions(law_ages(p.by))) for p in option.form.payments)
        return option

    def _case(self, rule: Rule) -> Case:
        conditions: dict[str, frozenset[str]] = {}
        sentences: list[Sentence] = []
        fits: list[tuple[str, tuple[str, ...]]] = []
        for ask in self.questions:  # question order, not the order the editor wrote 'als' in
            allowed = rule.conditions.get(ask.id)
            if allowed is None:
                continue
            conditions[ask.id] = frozenset(allowed)
            by_id = {choice.id: choice for choice in ask.choices}
            sentences.extend(Sentence(ask.id, a, by_id[a].sentence) for a in allowed if a in by_id)
            fits.append((ask.question, tuple(ask.label(a) for a in allowed)))
        needs = tuple(conditions) if rule.needs_answers else ()
        return Case(conditions, tuple(sentences), rule.conclusion, tuple(fits), needs)

    def _offer_conditions(self, offer: Offer) -> Alternatives:
        """Where the person cared for lives, both people's ages, and one alternative per target-group question."""
        service = offer.service
        audience = service.audience
        recipient = audience.care_recipient if audience else None
        caregiver = audience.caregiver if audience else None
        base = dict(self._area_conditions(service.area))
        base.update(
            self._age_conditions(
                combined(
                    ages(recipient.min_age, recipient.max_age) if recipient else None,
                    payer_ages(service.cost.paid_by),
                ),
                caregiver=ages(caregiver.min_age, caregiver.max_age) if caregiver else None,
            )
        )
        return group_alternatives(self.questions, base, service.target_groups)

    def _age_conditions(self, recipient: Ages | None, caregiver: Ages | None = None) -> Conditions:
        return age_conditions(self.questions, recipient, caregiver)

    def _area_conditions(self, area: list[str]) -> Conditions:
        conditions = {}
        for ask in self.questions:
            if ask.kind == "gemeente" and NATIONWIDE not in area:
                allowed = {c.id for c in ask.choices if c.id in area}
                if len(allowed) < len(ask.choices):
                    conditions[ask.id] = frozenset(allowed)
        return conditions


def _key(rule: Rule) -> str:
    if rule.respite_form is not None:
        return f"respijtvorm-{rule.respite_form}"
    return f"functie-{rule.function}"
