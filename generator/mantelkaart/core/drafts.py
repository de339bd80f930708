"""Records with errors, checked as far as they can be read, so that one run shows everything.

A record with a field error is not in the catalogue, yet its editor wants to hear about
its other mistakes now, not in the next round:

* its references (a respite form, a location, who acts on the next step, an issuer) are
  read from the raw data, wherever the schema marks a field ``x-reference``, and checked
  against the ids that exist (:func:`draft_problems`);
* a part whose own check was skipped because a list in it held a wrong item is validated
  again without that item (:mod:`mantelkaart.core.part_checks`, called by the validation).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from mantelkaart.core.catalogue import Catalogue, with_hint
from mantelkaart.core.fields import SLUG
from mantelkaart.core.problems import Problem, _inner_model, field_path, suggest
from mantelkaart.core.record_parts import CONSULTANT, PARTY, SELF
from mantelkaart.core.records import KINDS
from mantelkaart.core.validation import Source
from mantelkaart.core.yaml_trouble import PathKey

__all__ = ["draft_problems"]

WHAT = {"respite-forms": "De respijtvorm", "providers": "De aanbieder"}
FIELD_WHAT = {"uitgever": "De uitgever"}


def references(model: type[BaseModel], data: Any, key: PathKey = ()) -> Iterator[tuple[PathKey, str, str]]:
    """Every readable reference in raw record data: (where, what it refers to, the id)."""
    if not isinstance(data, dict):
        return
    for name, info in model.model_fields.items():
        alias = info.alias or name
        if alias not in data:
            continue
        value = data[alias]
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        target = extra.get("x-reference")
        if isinstance(target, str):
            items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
            for index, item in items:
                where = (*key, alias) if index is None else (*key, alias, index)
                if isinstance(item, str) and (PARTY if target == "diensten" else SLUG).match(item.strip()):
                    yield where, target, item.strip()
            continue
        inner = _inner_model(info.annotation)
        if inner is None:
            continue
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from references(inner, item, (*key, alias, index))
        else:
            yield from references(inner, value, (*key, alias))


def _raw_ids(items: Any) -> list[str]:
    return (
        [str(item["id"]) for item in items if isinstance(item, dict) and "id" in item]
        if isinstance(items, list)
        else []
    )


def _problem(draft: Source, key: PathKey, message: str, hint: str) -> Problem:
    line, column = draft.document.position(key)
    return Problem(draft.relpath, line, column, field_path(key), message, hint)


def draft_problems(drafts: list[Source], catalogue: Catalogue, known: dict[str, set[str]]) -> list[Problem]:
    """The reference problems of records that have errors (their raw data in ``document.data``).

    A service named on another record is looked up in the catalogue, or in the raw data of
    another draft; one in a provider that this catalogue does not hold waits in
    ``catalogue.pending`` like the catalogue's own (a parallel check resolves it)."""
    raw_services = {
        draft.id: set(_raw_ids(draft.document.data.get("diensten")))
        for draft in drafts
        if draft.kind == "providers" and isinstance(draft.document.data, dict)
    }
    problems: list[Problem] = []
    for draft in drafts:
        data = draft.document.data
        locations = _raw_ids(data.get("locaties")) if draft.kind == "providers" else []

        for key, target, value in references(KINDS[draft.kind], data):
            if target == "locaties":
                if value not in locations:
                    hint = (
                        suggest(value, locations) or "Voeg de locatie toe onder 'locaties' van de aanbieder."
                    )
                    problems.append(
                        _problem(draft, key, f"De locatie '{value}' bestaat niet bij deze aanbieder.", hint)
                    )
            elif target == "diensten":
                problems += _party(draft, key, value, catalogue, known, raw_services)
            elif value not in known.get(target, set()):
                what = FIELD_WHAT.get(str(key[-1]), WHAT.get(target, "De id"))
                hint = (
                    suggest(value, known.get(target, set()))
                    or f"Maak {target}/{value}.yaml aan of controleer de id."
                )
                problems.append(_problem(draft, key, f"{what} '{value}' bestaat niet.", hint))
    return problems


def _party(
    draft: Source,
    key: PathKey,
    party: str,
    catalogue: Catalogue,
    known: dict[str, set[str]],
    raw_services: dict[str, set[str]],
) -> list[Problem]:
    """``volgende_stap.door``: the consultant must exist, and so must a service named there."""
    if party == SELF:
        return []
    if party == CONSULTANT:
        if catalogue.config.consultants():  # the site's, or (regions:) a region's
            return []
        return [
            _problem(
                draft,
                key,
                "Deze site heeft geen consulent.",
                "Zet in mkdocs.yml bij 'consultant' de dienst van de consulent (aanbieder-id/dienst-id), "
                "of kies bij 'door' de aanbieder of een andere dienst.",
            )
        ]
    provider_id, _, service_id = party.partition("/")
    found = _problem(
        draft,
        key,
        f"De dienst '{party}' bij 'door' bestaat niet.",
        "Gebruik aanbieder-id/dienst-id van een bestaande dienst, of 'aanbieder' of 'consulent'.",
    )
    if provider_id in catalogue.providers:
        if catalogue.offer(party) is not None:
            return []
        return [with_hint(found, suggest(party, [o.key for o in catalogue.offers_of(provider_id)]))]
    if provider_id in raw_services:
        if service_id in raw_services[provider_id]:
            return []
        return [with_hint(found, suggest(party, [f"{provider_id}/{s}" for s in raw_services[provider_id]]))]
    if provider_id in known.get("providers", set()):
        catalogue.pending.append((party, found))  # in another batch, or a file that cannot be read
        return []
    return [with_hint(found, suggest(provider_id, known.get("providers", set())))]
