"""Who an offer, a regulation or a way of paying is for, read from the records' own data.

The respite guide asks how old the caregiver and the person cared for are, and which
groups they belong to. Nothing here lists record ids: an offer's audience comes from
its fields.

- **Ages.** ``voor_wie.zorgvrager`` and ``voor_wie.mantelzorger`` give age limits.
  The laws that pay say something too: the Jeugdwet pays for children (under 18), the
  Wmo's care for adults (:data:`LAW_AGES`). An offer that only one of those laws pays
  for is for that age; a pgb says nothing (it follows the law that granted it), and
  any other payer (a regulation of the municipality, an insurer, the visitor) pays at
  every age. A regulation and a way of paying are for the ages of their law.
- **Target groups.** An answer may name target groups (``doelgroepen``). A question's
  groups are all groups its answers name. An offer that names some of those groups,
  and not ``iedereen``, fits a visitor who is in one of its groups: one who chose an
  answer naming one of them, or who left such a question open (they may be in it).
  Target groups no question names (say, ``oudere-mantelzorgers``) decide nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mantelkaart.keuzehulp.rules import Alternatives, Ask, Conditions

OLDEST = 120  # the oldest age the records accept
EVERYONE = "iedereen"  # the target group that fits every answer


@dataclass(frozen=True)
class Ages:
    """An age range in whole years, both ends included."""

    low: int = 0
    high: int = OLDEST

    def overlaps(self, other: Ages) -> bool:
        return (
            self.low <= self.high
            and other.low <= other.high
            and self.low <= other.high
            and other.low <= self.high
        )

    def within(self, other: Ages | None) -> Ages:
        """Both ranges at once (an empty result has ``low > high``)."""
        if other is None:
            return self
        return Ages(max(self.low, other.low), min(self.high, other.high))


EVERY_AGE = Ages()
# Laws that pay for one age of the person cared for: children under the Jeugdwet, adults under the Wmo.
LAW_AGES = {"jeugdwet": Ages(0, 17), "wmo": Ages(18, OLDEST)}
# Payers that say nothing about age by themselves: a pgb is granted under one of the laws above.
SILENT_PAYERS = frozenset({"pgb"})


def ages(low: int | None, high: int | None) -> Ages | None:
    """The range of two optional limits, or ``None`` when neither is given."""
    if low is None and high is None:
        return None
    return Ages(low if low is not None else 0, high if high is not None else OLDEST)


def payer_ages(payers: Iterable[str]) -> Ages | None:
    """The ages these payers together pay for (``None``: every age, or nothing said)."""
    ranges = [LAW_AGES.get(payer, EVERY_AGE) for payer in payers if payer not in SILENT_PAYERS]
    if not ranges:
        return None
    joined = Ages(min(r.low for r in ranges), max(r.high for r in ranges))  # laws meet at 17/18
    return None if joined == EVERY_AGE else joined


def law_ages(law: str) -> Ages | None:
    """The ages one law (a regulation's basis, a way of paying) is for; ``None``: every age."""
    return LAW_AGES.get(law)


def combined(*ranges: Ages | None) -> Ages | None:
    """All given ranges at once; ``None`` when none is given."""
    result: Ages | None = None
    for age_range in ranges:
        if age_range is not None:
            result = age_range if result is None else result.within(age_range)
    return result


def age_conditions(questions: Sequence[Ask], recipient: Ages | None, caregiver: Ages | None) -> Conditions:
    """The answers of the age questions that fit these ranges (``None``: every age)."""
    conditions = {}
    for ask in questions:
        known = recipient if ask.about == "naaste" else caregiver if ask.about == "mantelzorger" else None
        if known is None:
            continue
        allowed = {c.id for c in ask.choices if c.ages is None or c.ages.overlaps(known)}
        if len(allowed) < len(ask.choices):
            conditions[ask.id] = frozenset(allowed)
    return conditions


def group_alternatives(
    questions: Sequence[Ask], base: Mapping[str, frozenset[str]], target_groups: Iterable[str]
) -> Alternatives:
    """``base``, narrowed for an offer's target groups: one alternative per question naming some of them."""
    groups = set(target_groups)
    if EVERYONE in groups:
        return (base,)
    alternatives = []
    for ask in questions:
        named = {g for c in ask.choices for g in c.target_groups}
        if ask.kind == "gemeente" or not groups & named:
            continue
        allowed = frozenset(c.id for c in ask.choices if groups & set(c.target_groups))
        if len(allowed) == len(ask.choices):
            return (base,)  # every answer fits
        alternatives.append({**base, ask.id: allowed & base.get(ask.id, allowed)})
    return tuple(alternatives) or (base,)
