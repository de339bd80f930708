"""How much slower than usual this shared machine runs now.

This machine's speed changes by a factor of two or three within half an hour (other
work shares its two cores), and the targets of issues 3 and 4 are in seconds "on this
machine". So each speed check also times, in the same run, fixed work of the same kind
as what it checks, and forgives the machine as much as that work was slower than usual:
the time measured is divided by :func:`slowness`.

* The export is memory-heavy Python on both cores. Its probe is the load of the same
  synthetic site (``Dataset.load``: reading, parsing and validating every record), timed
  before and after the export; usually :data:`LOAD_USUAL_S_PER_PROVIDER`. (Small
  cache-resident Python work did not follow the machine: on 2026-11-23 it took 1.45
  times its usual time while the export and the load took twice theirs.)
* The finder is a page load: its probe is a service page of the same site at the same
  CPU slowdown, loaded in the same run (``bench/finder.py``); its usual DOMContentLoaded
  is :data:`PAGE_USUAL_S`. (A JavaScript loop in a blank page did not follow the machine
  either: 1.3 times its earlier time while the page took 3 times.)

A probe is never used to be stricter than the target: sessions run on different hosts
(on 2026-12-03 the same fixed work took a third of its 2026-11-23 time), so a faster
machine is judged on the raw time, not on a "usual" time it never had. A reading over
:data:`MOST` times the usual is not trusted either: the raw time is judged then. The raw
numbers are always reported beside the judged ones.
"""

from __future__ import annotations

import multiprocessing as mp
import time

# Dataset.load of the synthetic site, per provider: 4.2–4.8 s for 5,000 providers on the
# 2026-11-23 host at its usual speed (the export then took 3.4–4.1 s), 9 s in its slow spell
# (export 6.8–7.4 s); 2.0 s on the 2026-12-03 host.
LOAD_USUAL_S_PER_PROVIDER = 4.5 / 5000
# A service page's DOMContentLoaded at 4×, 10,000 services: CI of 2026-11-23 (then every page
# also loaded finder.js, so today's lighter page errs on the strict side).
PAGE_USUAL_S = 0.806
MOST = 4.0
RUNS = 5


def slowness(now: float, usual: float) -> float:
    """How many times its usual time the probe took now, at least 1.0 (a faster machine is
    judged on raw times); 1.0 when the reading is over :data:`MOST` or not positive."""
    factor = now / usual if usual > 0 else 0.0
    return max(factor, 1.0) if factor <= MOST else 1.0


# -- the probe for `mantelkaart validate` ------------------------------------------------------

# Fixed work of validate's kind, in two processes at once: YAML read with libyaml's C parser,
# then checked field by field by a pydantic model with Python validators and regular
# expressions. Usually 0.15 s (2026-12-03: 0.146–0.156 s, the best of five, three times).
VALIDATE_USUAL_S = 0.15
_PROBE_YAML = """naam: Buurtteam De Bijenkorf
samenvatting: Wij helpen inwoners en mantelzorgers met vragen over welzijn, zorg en geld.
telefoon: 078 000 4764
dagen: [ma, di, wo, do, vr]
van: '09:00'
tot: '17:30'
postcode: 3311 AB
"""


def _probe_work(records: int = 1500) -> int:
    import re
    from typing import Annotated

    import yaml
    from pydantic import BaseModel, BeforeValidator

    word = re.compile(r"^[a-z]+$")
    time_of_day = re.compile(r"^[0-2][0-9]:[0-5][0-9]$")

    def line(value: str) -> str:
        if not value.isprintable():
            raise ValueError(value)
        return value.strip()

    def matching(pattern: re.Pattern[str]) -> BeforeValidator:
        return BeforeValidator(lambda value: value if pattern.match(value) else line(value))

    class Probe(BaseModel):
        naam: Annotated[str, BeforeValidator(line)]
        samenvatting: Annotated[str, BeforeValidator(line)]
        telefoon: Annotated[str, BeforeValidator(line)]
        dagen: list[Annotated[str, matching(word)]]
        van: Annotated[str, matching(time_of_day)]
        tot: Annotated[str, matching(time_of_day)]
        postcode: Annotated[str, BeforeValidator(line)]

    total = 0
    for _ in range(records):
        data = yaml.load(_PROBE_YAML, Loader=yaml.CBaseLoader)
        total += len(Probe.model_validate(data).dagen)
    return total


def validate_probe_seconds(runs: int = RUNS) -> float:
    """The fastest of ``runs`` timings of :func:`_probe_work` in two fresh processes at once."""
    fork = mp.get_context("fork")
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        workers = [fork.Process(target=_probe_work) for _ in range(2)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        best = min(best, time.perf_counter() - start)
    return best
