"""Reading ``keuzehulp.yaml``: the site's own file, or the default shipped in the package.

The file is read with the same strict loader as the records and validated against
:mod:`mantelkaart.core.guide_schema`; then every reference is checked with the exact
line of the field: question and answer ids used by rules, municipalities, and the
respite forms (record ids from file names, as for the records).

A site without its own file gets the package default. Rules of the default that
name a respite form the site does not have are left out silently: the editor did
not write them. In a site's own file the same thing is an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from mantelkaart.core.config import NATIONWIDE, SiteConfig
from mantelkaart.core.guide_schema import RESERVED_IDS, Guide, Question, Rule
from mantelkaart.core.loader import Document, load_document, parse_text
from mantelkaart.core.native import details
from mantelkaart.core.problems import Problem, field_path, from_validation, suggest
from mantelkaart.core.vocabulary import Vocabularies
from mantelkaart.core.yaml_trouble import PathKey, YamlTrouble

GUIDE_FILE = "keuzehulp.yaml"


@dataclass(frozen=True)
class GuideSource:
    """A valid guide and the site file it came from (``None``: the package default)."""

    guide: Guide
    relpath: str | None


def default_text() -> str:
    return (resources.files("mantelkaart") / "defaults" / GUIDE_FILE).read_text(encoding="utf-8")


def load_guide(
    root: Path, config: SiteConfig, vocabularies: Vocabularies, forms: set[str]
) -> tuple[GuideSource | None, list[Problem]]:
    """The guide of the site under ``root`` and its problems; never raises for bad data."""
    path = root / GUIDE_FILE
    context = {"vocabularies": vocabularies, "municipalities": config.municipality_ids()}
    if not path.exists() and not path.is_symlink():
        document = Document(Path(GUIDE_FILE), default_text(), None)
        document.data = parse_text(document.text)
        guide = Guide.model_validate(document.data, context=context)
        usable = [r for r in guide.rules if r.respite_form is None or r.respite_form in forms]
        questions = [q for q in guide.questions if q.kind != "gemeente" or config.municipalities]
        guide = guide.model_copy(update={"rules": usable, "questions": questions})
        return GuideSource(guide, None), []
    if path.is_dir():
        return None, [Problem(GUIDE_FILE, 1, 1, "", "Hier hoort een bestand, geen map.", _HINT)]
    try:
        document = load_document(path)
    except YamlTrouble as trouble:
        return None, [Problem(GUIDE_FILE, trouble.line, trouble.column, "", trouble.message, trouble.hint)]
    if not isinstance(document.data, dict):
        return None, [Problem(GUIDE_FILE, 1, 1, "", "Het bestand bevat geen keuzehulp.", _HINT)]
    try:
        guide = Guide.model_validate(document.data, context=context)
    except ValidationError as error:
        return None, from_validation(document, GUIDE_FILE, Guide, details(error))
    problems = GuideCheck(document, guide, config, forms).problems()
    return (None, problems) if problems else (GuideSource(guide, GUIDE_FILE), [])


_HINT = "Een keuzehulp begint met 'titel:', 'inleiding:', 'vragen:' en 'regels:'. Zie de redactiehandleiding."


class GuideCheck:
    """References inside the guide and to the site, each problem at its own line."""

    def __init__(self, document: Document, guide: Guide, config: SiteConfig, forms: set[str]) -> None:
        self.document = document
        self.guide = guide
        self.config = config
        self.forms = forms
        self.found: list[Problem] = []

    def problem(self, key: PathKey, message: str, hint: str) -> None:
        line, column = self.document.position(key)
        self.found.append(Problem(GUIDE_FILE, line, column, field_path(key), message, hint))

    def problems(self) -> list[Problem]:
        self.check_questions()
        answers = self.answer_ids()
        for index, rule in enumerate(self.guide.rules):
            self.check_rule(index, rule, answers)
        return self.found

    def check_questions(self) -> None:
        seen: set[str] = set()
        municipality_questions = 0
        for index, question in enumerate(self.guide.questions):
            base: PathKey = ("vragen", index)
            if question.id in seen:
                self.problem((*base, "id"), f"De vraag '{question.id}' staat er twee keer in.", _UNIQUE)
            if question.id in RESERVED_IDS:
                self.problem(
                    (*base, "id"),
                    f"'{question.id}' kan geen vraag-id zijn: de keuzehulp gebruikt het zelf in het webadres.",
                    "Kies een andere id.",
                )
            self.check_only_if(index, question)
            seen.add(question.id)
            if question.kind == "gemeente":
                municipality_questions += 1
                if municipality_questions > 1:
                    self.problem(
                        (*base, "soort"),
                        "Er is al een vraag met 'soort: gemeente'.",
                        "Vraag maar één keer naar de gemeente.",
                    )
                if question.answers:
                    self.problem(
                        (*base, "antwoorden"),
                        "Een vraag met 'soort: gemeente' heeft geen eigen antwoorden.",
                        "Haal 'antwoorden' weg: de antwoorden zijn de gemeenten uit mkdocs.yml.",
                    )
                if not self.config.municipalities:
                    self.problem(
                        (*base, "soort"),
                        "Er staan geen gemeenten in mkdocs.yml om uit te kiezen.",
                        "Zet de gemeenten bij 'municipalities' in mkdocs.yml, of haal deze vraag weg.",
                    )
                self.check_municipalities(base, question.municipalities)
                continue
            if question.municipalities:
                self.problem(
                    (*base, "gemeenten"),
                    "Alleen een vraag met 'soort: gemeente' heeft 'gemeenten'.",
                    "Haal 'gemeenten' weg, of zet 'soort: gemeente'.",
                )
            if len(question.answers) < 2:
                self.problem(
                    (*base, "antwoorden"),
                    "Een vraag heeft minstens twee antwoorden.",
                    "Zet onder 'antwoorden' wat de bezoeker kan kiezen.",
                )
            seen_answers: set[str] = set()
            for position, answer in enumerate(question.answers):
                if answer.ages is not None and question.about is None:
                    self.problem(
                        (*base, "antwoorden", position, "leeftijd"),
                        "Een antwoord met 'leeftijd' hoort bij een vraag met 'over'.",
                        "Zet bij de vraag 'over: naaste' of 'over: mantelzorger'.",
                    )
                if answer.id in seen_answers:
                    self.problem(
                        (*base, "antwoorden", position, "id"),
                        f"Het antwoord '{answer.id}' staat er twee keer in.",
                        _UNIQUE,
                    )
                seen_answers.add(answer.id)

    def check_only_if(self, index: int, question: Question) -> None:
        """'alleen_als' names earlier questions and their answers."""
        earlier = {q.id: q for q in self.guide.questions[:index]}
        for question_id, chosen in question.only_if.items():
            key: PathKey = ("vragen", index, "alleen_als", question_id)
            before = earlier.get(question_id)
            if before is None:
                hint = suggest(question_id, earlier) or "Noem een vraag die eerder in de keuzehulp staat."
                self.problem(key, f"De vraag '{question_id}' staat niet vóór deze vraag.", hint)
                continue
            if not chosen:
                self.problem(key, "Deze lijst mag niet leeg zijn.", "Noem minstens één antwoord-id.")
            options = (
                [a.id for a in before.answers] if before.kind == "keuze" else list(self.config.municipalities)
            )
            for position, answer_id in enumerate(chosen):
                if answer_id not in options:
                    hint = suggest(answer_id, options) or f"Kies uit: {', '.join(options)}."
                    self.problem(
                        (*key, position),
                        f"Het antwoord '{answer_id}' hoort niet bij de vraag '{question_id}'.",
                        hint,
                    )

    def check_municipalities(self, base: PathKey, municipalities: list[str]) -> None:
        seen: set[str] = set()
        for position, municipality in enumerate(municipalities):
            key: PathKey = (*base, "gemeenten", position)
            if municipality == NATIONWIDE:
                self.problem(
                    key,
                    "'landelijk' is geen gemeente om uit te kiezen.",
                    "Noem alleen gemeenten van de regio. Landelijk aanbod past bij elke gemeente.",
                )
            elif municipality in seen:
                self.problem(key, f"De gemeente '{municipality}' staat er twee keer in.", _UNIQUE)
            seen.add(municipality)

    def answer_ids(self) -> dict[str, list[str]]:
        """Every question id with the answer ids a rule may name."""
        result: dict[str, list[str]] = {}
        for question in self.guide.questions:
            if question.kind == "gemeente":
                chosen = [m for m in question.municipalities if m != NATIONWIDE]
                result.setdefault(question.id, chosen or list(self.config.municipalities))
            else:
                result.setdefault(question.id, [answer.id for answer in question.answers])
        return result

    def check_rule(self, index: int, rule: Rule, answers: dict[str, list[str]]) -> None:
        base: PathKey = ("regels", index)
        if (rule.respite_form is None) == (rule.function is None):
            self.problem(
                base,
                "Een regel noemt óf een 'respijtvorm' óf een 'functie'.",
                "Zet er één van de twee in, niet allebei en niet geen van beide.",
            )
        if rule.respite_form is not None and rule.respite_form not in self.forms:
            hint = suggest(rule.respite_form, self.forms) or (
                f"Maak respite-forms/{rule.respite_form}.yaml aan of controleer de id."
            )
            self.problem((*base, "respijtvorm"), f"De respijtvorm '{rule.respite_form}' bestaat niet.", hint)
        for question_id, chosen in rule.conditions.items():
            key = (*base, "als", question_id)
            if question_id not in answers:
                hint = suggest(question_id, answers) or f"Kies uit: {', '.join(answers)}."
                self.problem(key, f"De vraag '{question_id}' bestaat niet.", hint)
                continue
            if not chosen:
                self.problem(key, "Deze lijst mag niet leeg zijn.", "Noem minstens één antwoord-id.")
            for position, answer_id in enumerate(chosen):
                if answer_id not in answers[question_id]:
                    options = answers[question_id]
                    hint = suggest(answer_id, options) or f"Kies uit: {', '.join(options)}."
                    self.problem(
                        (*key, position),
                        f"Het antwoord '{answer_id}' hoort niet bij de vraag '{question_id}'.",
                        hint,
                    )


_UNIQUE = "Geef elke id een eigen naam."
