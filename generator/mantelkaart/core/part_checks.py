"""Checks that pydantic skipped, made after all, so that one run shows every mistake.

When a list in a part of a record holds a wrong item, pydantic does not run that part's own
check (a model validator, such as "the end time is after the start time"). The validation
calls :func:`hidden_checks` for every record with errors: the part is validated again without
the wrong items, and only what the part's own check says is kept.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from mantelkaart.core.loader import Document
from mantelkaart.core.native import details
from mantelkaart.core.problems import Problem, _model_at, from_validation
from mantelkaart.core.yaml_trouble import PathKey

__all__ = ["hidden_checks"]


def hidden_checks(
    document: Document,
    relpath: str,
    model: type[BaseModel],
    errors: list[ErrorDetails],
    context: dict[str, Any],
) -> list[Problem]:
    """Model checks that pydantic skipped because a list in the same part held a wrong item:
    that part is validated again without those items (a list left empty gets the field's
    example), and only what the part's own check says is kept (the rest was said already)."""
    repairs: dict[PathKey, list[tuple[str, int | None]]] = {}
    repair: tuple[str, int | None]
    blocked: set[PathKey] = set()
    for error in errors:
        loc = tuple(error["loc"])
        if loc and isinstance(loc[-1], int) and len(loc) >= 2 and isinstance(loc[-2], str):
            owner, repair = loc[:-2], (str(loc[-2]), int(loc[-1]))
        elif loc and error["type"] == "extra_forbidden":
            owner, repair = loc[:-1], (str(loc[-1]), None)
        else:
            blocked.add(loc[:-1] if loc else loc)
            blocked.add(loc)  # a part's own check already failed, or a field cannot be mended
            continue
        repairs.setdefault(owner, []).append(repair)
    problems: list[Problem] = []
    for owner, fixes in repairs.items():
        if owner in blocked:
            continue
        part_model = _model_at(model, [p for p in owner]) if owner else model
        raw = _at(document.data, owner)
        if part_model is None or not isinstance(raw, dict):
            continue
        mended = _mend(part_model, raw, fixes)
        if mended is None:
            continue
        try:
            part_model.model_validate(mended, context=context)
        except ValidationError as error:
            own = [
                {**detail, "loc": (*owner, *detail["loc"])} for detail in details(error) if not detail["loc"]
            ]
            problems += from_validation(document, relpath, model, own)
    return problems


def _at(data: Any, key: PathKey) -> Any:
    for part in key:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _mend(
    model: type[BaseModel], raw: dict[str, Any], fixes: list[tuple[str, int | None]]
) -> dict[str, Any] | None:
    mended = copy.copy(raw)
    fields = {info.alias or name: info for name, info in model.model_fields.items()}
    dropped: dict[str, set[int]] = {}
    for name, index in fixes:
        if index is None:
            mended.pop(name, None)
        else:
            dropped.setdefault(name, set()).add(index)
    for name, indexes in dropped.items():
        value, info = raw.get(name), fields.get(name)
        if not isinstance(value, list) or info is None:
            return None
        kept = [item for i, item in enumerate(value) if i not in indexes]
        if not kept:
            kept = list((info.examples or [[]])[0])
        mended[name] = kept
    return mended
