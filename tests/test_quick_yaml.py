"""rapidyaml's quick reading must give exactly what libyaml gives, or decline.

The reference is the loader's event builder on libyaml, which handles every file
(anchors, tags and depth included). ``parse_text`` sends ordinary files through
rapidyaml first; whatever it sends there, the answer must be the reference's.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mantelkaart.core import quick_yaml
from mantelkaart.core.loader import (
    _PROPERTIES,
    _Builder,
    _node_starts,
    _quick_suits,
    _starts_a_node,
    parse_text,
)
from mantelkaart.core.yaml_trouble import MAX_DEPTH, YamlTrouble

ROOT = Path(__file__).resolve().parents[1]


def reference(text: str) -> tuple[str, Any]:
    try:
        return "read", _Builder(text, record_positions=False).build()[0]
    except YamlTrouble:
        return "refused", None


def outcome(text: str) -> tuple[str, Any]:
    try:
        return "read", parse_text(text)
    except YamlTrouble:
        return "refused", None


def quick(text: str) -> Any:
    return quick_yaml.read(text, MAX_DEPTH)


def sent_to_quick(text: str) -> bool:
    """Whether ``parse_text`` lets rapidyaml read ``text`` first."""
    return "<<" not in text and not _starts_a_node(text, _PROPERTIES) and _quick_suits(text)


# Scalars rapidyaml writes differently from how they were typed, or that YAML 1.2 and
# libyaml read differently; and what libyaml refuses but rapidyaml might accept.
TRICKY = [
    "a: 1.", "a: .5", "a: -.5", "a: 3.", "a: 4.0", "a: 0.5", "a: 1e3", "a: 1.5e+3", "a: 1.e3",
    "a: +5", "a: -0", "a: 00", "a: 0x1F", "a: 0o17", "a: 1_000", "a: 12.50", "a: 1.2.3",
    "a: 123456789012345678901234567890", "a: 0781234567", "a: 010", "a: 9:30", "a: 2026-10-17",
    "a: nan", "a: .NaN", "a: NaN", "a: inf", "a: -inf", "a: +.inf", "a: infinity", "a: '.nan'",
    "nan: 1", "inf: 1", "'.inf': 1", "a: ~", "a: '~'", "a: null", "a: Null", "a: NULL", "a: 'null'",
    "a:", "a: ''", "a: true", "a: True", "a: TRUE", "a: 'true'", "a: false", "a: no", "a: yes",
    "a: [true, false, ~, null, 1., .5]", "- true\n- ~\n- x", "true", "~", "'x'", "x", "1.", "",
    "# alleen commentaar\n", "a: |\n  x\n  y\n", "a: >\n  x\n  y\n", "a: |-\n  x\n\n", "a: |+\n  x\n\n",
    "a: x\n  y", "a: x\n\n  y", "a: 'x\n\n  y'", 'a: "x\ny"', 'a: "x\\\n  y"', "a: 'it''s'",
    'a: "\\u00e9\\t"', 'a: "\\e"', 'a: "\\0"', 'a: "\\x41"', 'a: "\\N"', 'a: "\\L"', 'a: "\\_"',
    'a: "\\U0001F600"', 'a: "\\/"', "a: b # c", "a: b#c", "a: b :c", "a: 'b' # c", "a: b: c",
    "a: [b, c", "a: {b: 1, b: 2}", "a: 1\na: 2", "{a: 1}", "[a, [b, [c]]]", "a: {b: [c, {d: e}]}",
    "a: @x", "a: `x", "a: %x", "%YAML 1.1\n---\na: 1", "--- \na: 1\n---\nb: 2", "---\na: 1\n...\n",
    "a: 1\n...\nb: 2", "a:\n\t- b", "a: b\tc", "a: -", "a: - b", "- - - x", "-\n  - x",
    "? a\n: b", "a: &x 1\nb: *x", "a: !!int 3", "a: !x 3", "<<: {a: 1}", "key with space: v",
    "'1': v", "1: v", ": v", "a: b\r\nc: d\r\n", "a: b\rc: d", "a:\r\n  - x\r\n", "a: 'x\r\n  y'",
    "a: é€\u2028x", "a: x\u0085y", "a: \ufeffx", "a: x  ", "a:   x", "a: [x,y]", "a: [x ,y]",
    "a: {x: y,z: w}", "a: [a: b]", "a: [? b]", "a: x,y", "a: -x", "a: :x", "a: ?x", "a: 'x'y",
    "a: \"x\"y", "- a: 1\n  b: 2\n- c", "a:\n- b\n- c", "a:\n  b:\n    c: d", "a:\n b\n c",
    "\u2028&a ", "a: 1\r&b x\r", "x\x85!t y", "]", "a: ]", "a: [x]]", "a: }", "a: ,x", "a: []",
    "a: {}", "|1.", "a: |2\n  x\n", "a: |\n x", "|\na\n", ">\na\n", "|\n a\n", "- |\n x\n",
]  # fmt: skip


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_scalars_read_as_libyaml_reads_them(text: str) -> None:
    assert outcome(text) == reference(text)
    value = quick(text) if sent_to_quick(text) else quick_yaml.DECLINED
    if value is not quick_yaml.DECLINED:
        assert ("read", value) == reference(text)


@pytest.mark.parametrize("text", ["a: 1.", "a: .5", "a: ~", "a: Null", "nan: 1", "a: 1\na: 2", "a: [b, c"])
def test_quick_reading_declines_where_it_could_differ(text: str) -> None:
    assert quick(text) is quick_yaml.DECLINED


def test_every_example_record_takes_the_quick_path() -> None:
    """The fast path must be the usual path, or this module buys nothing."""
    files = sorted(ROOT.glob("providers/*.yaml")) + sorted(ROOT.glob("regulations/*.yaml"))
    files += sorted(ROOT.glob("respite-forms/*.yaml"))
    assert len(files) > 30
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert sent_to_quick(text), path.name
        value = quick(text)
        assert value is not quick_yaml.DECLINED, path.name
        assert ("read", value) == reference(text), path.name


def test_a_file_larger_than_the_output_buffer_reads_the_same() -> None:
    """One tree and buffer serve every file; JSON longer than the buffer is written apart,
    and the next small file is read from a cleared tree."""
    items = "".join(f"  - naam: Dienst {number} met een langere naam, é en €\n" for number in range(9000))
    big = f"diensten:\n{items}"
    assert len(big.encode()) > len(quick_yaml._OUTPUT)
    for text in (big, "a: b\n", big, "c: [d]\n"):
        value = quick(text)
        assert value is not quick_yaml.DECLINED
        assert ("read", value) == reference(text)


def test_parse_errors_are_not_printed(capfd: pytest.CaptureFixture[str]) -> None:
    """rapidyaml prints its own errors to stderr; the loader reports them in Dutch instead."""
    assert quick("a: b: c") is quick_yaml.DECLINED
    assert capfd.readouterr().err == ""


# -- generated YAML ------------------------------------------------------------------

WORDS = [
    "~", "null", "Null", "true", "False", "1.", ".5", "-.5", "0.5", "4.0", "0x1F", "+5", "1e3", "nan",
    ".inf", "-inf", "yes", "no", "9:30", "0781234567", "010", "-", "- x", "? x", "", " ", "a: b",
    "x # y", "#x", "&x", "*x", "!x", "@x", "`x", "%x", "|", ">", "'", '"', "\\", "é€", "\u2028", "\x85",
    "2026-10-17", "12.50", "-0", "[x]", "{x: y}", "x\ny", "x\n\ny\n", "  x", "x  ", "\t",
]  # fmt: skip
scalars = st.one_of(
    st.sampled_from(WORDS),
    st.text(alphabet=st.sampled_from("ab:#-?&*!@`%|>'\"\\ \n.0159e~,[]{}é"), max_size=12),
)
values = st.recursive(
    scalars | st.none(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(scalars, children, max_size=4),
    max_leaves=25,
)
dump_options = st.fixed_dictionaries(
    {
        "default_flow_style": st.sampled_from([False, True, None]),
        "default_style": st.sampled_from([None, None, '"', "'", "|"]),
        "allow_unicode": st.booleans(),
        "width": st.sampled_from([8, 40, 1000]),
        "indent": st.sampled_from([2, 4]),
        "explicit_start": st.booleans(),
    }
)
FUZZ = settings(max_examples=400, deadline=None, database=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(values, dump_options)
def test_yaml_written_by_pyyaml_reads_the_same(value: Any, options: dict[str, Any]) -> None:
    text = yaml.safe_dump(value, **options)
    assert outcome(text) == reference(text)


TOKENS = [
    "a", "b", "é", "1.", ".5", "~", "true", "null", "nan", ": ", ":", "- ", "-", "\n", "\n  ", "  ", " ",
    "[", "]", "{", "}", ", ", ",", "# ", "#", "'", '"', "\\", "|", ">", "@", "`", "%", "&a ", "*a",
    "!", "? ", "---", "...", "\t", "\r\n", "\u2028",
]  # fmt: skip


@FUZZ
@given(st.lists(st.sampled_from(TOKENS), max_size=40))
def test_token_soup_reads_the_same(tokens: list[str]) -> None:
    text = "".join(tokens)
    assert outcome(text) == reference(text), repr(text)


def test_record_shaped_soup_reads_the_same() -> None:
    """Real records with one line changed at random: the quick path is taken often here."""
    rng = random.Random(20261123)
    lines = (ROOT / "providers" / "de-mantelaar.yaml").read_text(encoding="utf-8").splitlines()
    for _ in range(600):
        changed = list(lines)
        where = rng.randrange(len(changed))
        head = changed[where].split(":", 1)[0]
        changed[where] = f"{head}: {rng.choice(WORDS)}{rng.choice(WORDS)}"
        text = "\n".join(changed) + "\n"
        assert outcome(text) == reference(text), changed[where]


def node_starts_by_pattern(text: str, characters: str) -> list[int]:
    """The rule of ``_node_starts``, written as a regular expression over the text read
    backwards: a character, then (before it) only spaces or tabs, then a line break, the
    start of the text, one of ``[{,:``, or a dash with at least one space or tab after it."""
    wanted = "".join(map(re.escape, characters))
    before = "".join(map(re.escape, "\n\r\x85\u2028\u2029[{,:"))
    pattern = re.compile(f"[{wanted}](?=[ \t]*(?:[{before}]|\\Z)|[ \t]+-)")
    last = len(text) - 1
    return sorted(last - match.start() for match in pattern.finditer(text[::-1]))


@given(st.text(alphabet="ab -:,[]{}&*!?@`%|>\t\n\r\x85\u2028\u2029#'\"", max_size=40))
@settings(max_examples=2000)
def test_node_starts_follow_their_rule(text: str) -> None:
    for characters in (_PROPERTIES, "@`%]},", "|>"):
        assert sorted(_node_starts(text, characters)) == node_starts_by_pattern(text, characters)
