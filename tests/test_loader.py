"""The strict YAML loader: the traps of YAML, hostile files and clean Dutch errors."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from recordkit import assert_dutch, dump, one, provider

from mantelkaart.core.loader import load_document, parse_text, read_text
from mantelkaart.core.yaml_trouble import MAX_BYTES, MAX_DEPTH, YamlTrouble


def trouble(text: str) -> YamlTrouble:
    with pytest.raises(YamlTrouble) as caught:
        parse_text(text)
    return caught.value


def file_trouble(path: Path) -> YamlTrouble:
    with pytest.raises(YamlTrouble) as caught:
        load_document(path)
    return caught.value


# --- values stay the text the editor wrote ----------------------------------------


@pytest.mark.parametrize(
    "written",
    ["9:30", "0781234567", "010", "0o10", "0x1F", "1_000", "no", "NO", "No", "on", "off", "yes", "y", "n",
     "true", "False", "2026-03-15", "1e3", ".inf", ".NaN", "12:30:45", "-1", "+31"],
)  # fmt: skip
def test_scalars_stay_text(written: str) -> None:
    assert parse_text(f"waarde: {written}\n") == {"waarde": written}
    assert parse_text(f"- {written}\n") == [written]
    # The same with characters that may send the loader down a more careful path.
    assert parse_text(f"# Zorg & Welzijn!\nwaarde: {written}\n") == {"waarde": written}


@pytest.mark.parametrize("written", ["", "~", "null", "Null", "NULL"])
def test_empty_and_null_become_none(written: str) -> None:
    assert parse_text(f"waarde: {written}\n") == {"waarde": None}


@pytest.mark.parametrize("written", ['"null"', "'~'", '""', "''", '"9:30"', "'no'"])
def test_quoted_values_stay_text(written: str) -> None:
    assert parse_text(f"waarde: {written}\n") == {"waarde": written[1:-1]}


def test_block_text_keeps_its_lines() -> None:
    assert parse_text("uitleg: |\n  regel een\n  regel twee\n") == {"uitleg": "regel een\nregel twee\n"}


def test_windows_line_endings() -> None:
    text = "naam: Het Parkhuis\r\nlijst:\r\n  - a\r\n  - b\r\n"
    assert parse_text(text) == {"naam": "Het Parkhuis", "lijst": ["a", "b"]}


# --- refused constructs -----------------------------------------------------------


def test_duplicate_key_names_the_key_and_its_line() -> None:
    error = trouble("naam: Een\nsoort: gemeente\nnaam: Twee\n")
    assert "'naam'" in error.message
    assert "twee keer" in error.message
    assert (error.line, error.column) == (3, 1)
    assert error.hint


def test_duplicate_key_in_nested_and_flow_mappings() -> None:
    error = trouble("contact:\n  telefoon: 1\n  email: x\n  telefoon: 2\n")
    assert "'telefoon'" in error.message and error.line == 4
    error = trouble("coordinaten: {breedtegraad: 1, breedtegraad: 2}\n")
    assert "'breedtegraad'" in error.message and error.line == 1


def test_quoted_and_plain_duplicate_key() -> None:
    assert "'naam'" in trouble('naam: a\n"naam": b\n').message


def test_python_tag_is_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "gehackt"
    text = f"naam: !!python/object/apply:os.system ['touch {marker}']\n"
    error = trouble(text)
    assert "python/object/apply:os.system" in error.message
    assert "niet toegestaan" in error.message
    assert (error.line, error.column) == (1, 7)
    assert not marker.exists()


@pytest.mark.parametrize(
    "text",
    [
        "bedrag: !!int 3\n",
        "datum: !!timestamp 2026-01-01\n",
        "data: !!binary aGVsbG8=\n",
        "naam: !!python/name:os.system\n",
        "naam: !eigen waarde\n",
        "!!map {naam: x}\n",
        "lijst: !!set {a, b}\n",
        "!!python/tuple [a, b]\n",
        "? !!int 1\n: x\n",
    ],
)
def test_explicit_tags_are_refused(text: str) -> None:
    error = trouble(text)
    assert "tag" in error.message and "niet toegestaan" in error.message


def test_anchor_and_alias_are_refused() -> None:
    error = trouble("a: &basis Dordrecht\nb: *basis\n")
    assert "ankers" in error.message
    assert error.line == 1


def test_merge_key_is_refused() -> None:
    assert "'<<'" in trouble("contact:\n  <<: {telefoon: 1}\n").message


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [{','.join([f'*{previous}'] * 9)}]")
    start = time.perf_counter()
    error = trouble("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 1
    assert "ankers" in error.message


def test_alias_without_anchor_first() -> None:
    # The alias itself is refused, not only the anchor.
    assert "ankers" in trouble("b: *onbekend\n").message


def test_complex_key_is_refused() -> None:
    error = trouble("? [a, b]\n: waarde\n")
    assert "veldnaam" in error.message


# --- nesting: clean errors, not a crash (libyaml's own composer segfaults) ---------


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        "[" * 100_000 + "]" * 100_000,
        "{a: " * 100_000,
        "- " * 100_000 + "x\n",
        "a:\n" + "".join("  " * depth + "a:\n" for depth in range(1, 2000)),
    ],
    ids=["open-brackets", "closed-brackets", "flow-mappings", "dash-dash-dash", "indented"],
)
def test_deep_nesting_is_a_clean_error(text: str) -> None:
    start = time.perf_counter()
    error = trouble(text)
    assert time.perf_counter() - start < 2
    assert "te diep genest" in error.message
    assert error.hint


def test_deep_block_nesting_without_dashes_and_spaces() -> None:
    # Block sequences written as "-" + line break: no "- " and no brackets anywhere.
    text = "".join("  " * depth + "-\n" for depth in range(1000))
    assert "te diep genest" in trouble(text).message
    text = "".join("  " * depth + "a:\n" for depth in range(1000))
    assert "te diep genest" in trouble(text).message


def test_nesting_limit_is_exact() -> None:
    assert parse_text("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None
    assert "te diep" in trouble("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)).message


def test_deep_nesting_file_through_the_whole_pipeline(problems_for) -> None:
    problems = problems_for(
        {
            "providers/haken.yaml": "naam: " + "[" * 100_000 + "\n",
            "providers/streepjes.yaml": "- " * 100_000 + "x\n",
        }
    )
    for name in ("haken", "streepjes"):
        problem = one(problems, f"providers/{name}.yaml")
        assert "te diep genest" in problem.message


# --- documents --------------------------------------------------------------------


def test_multiple_documents_are_refused() -> None:
    error = trouble("naam: Een\n---\nnaam: Twee\n")
    assert "meer dan één YAML-document" in error.message
    assert error.line == 2


def test_document_markers_around_one_document_are_fine() -> None:
    assert parse_text("---\nnaam: Een\n...\n") == {"naam": "Een"}


def test_second_document_after_end_marker_is_refused() -> None:
    assert "meer dan één" in trouble("naam: Een\n...\n---\nnaam: Twee\n").message


@pytest.mark.parametrize("text", ["", "\n\n", "# alleen commentaar\n", "---\n"])
def test_empty_documents_are_none(text: str) -> None:
    assert parse_text(text) is None


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('naam: "niet gesloten\nsoort: x\n', 3),
        ("naam: [a, b\nsoort: x\n", 2),
        ("naam: a: b\n", 1),
        ("naam: x\n\tsoort: y\n", 2),
        ("naam: x\n  soort: y\n", 2),
    ],
)
def test_syntax_errors_have_a_line_and_a_dutch_hint(text: str, line: int) -> None:
    error = trouble(text)
    assert error.message.startswith("De YAML is ongeldig")
    assert error.line == line
    assert "Controleer" in error.hint


def test_control_character_is_reported_on_its_line() -> None:
    error = trouble("naam: x\nsoort: y\nuitleg: a\x01b\n")
    assert error.line == 3
    assert "U+0001" in error.message
    assert "\n" not in error.message
    assert "unicode string" not in error.message


def test_control_character_line_counts_characters_not_bytes() -> None:
    error = trouble("naam: Café Ééntje\nuitleg: ë\x07\n")
    assert error.line == 2


def test_random_yaml_punctuation_never_crashes() -> None:
    rng = random.Random(20261123)
    alphabet = "[]{}-:?,!&*|>'\"#%@` \n\t\r\\~.abc019"
    for _ in range(1500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
        try:
            parse_text(text)
        except YamlTrouble as error:
            assert error.message and error.line >= 1


def test_unrelated_comment_does_not_change_the_outcome() -> None:
    """A comment with & or ! must not change what a file means (or whether it is refused)."""
    rng = random.Random(3)
    alphabet = "[]{}-:?,'\"#% \n\tabc019~"

    def outcome(text: str) -> tuple[str, object]:
        try:
            return "gelezen", parse_text(text)
        except YamlTrouble:
            return "geweigerd", None

    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 80)))
        assert outcome(text) == outcome("# Zorg & Welzijn!\n" + text), repr(text)


# --- files ------------------------------------------------------------------------


def test_binary_garbage_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rommel.yaml"
    data = random.Random(42).randbytes(4096)
    assert b"\x00" in data
    path.write_bytes(data)
    error = file_trouble(path)
    assert "geen tekstbestand" in error.message


def test_binary_garbage_without_nul_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rommel.yaml"
    path.write_bytes(random.Random(7).randbytes(4096).replace(b"\x00", b""))
    error = file_trouble(path)
    assert "UTF-8" in error.message


def test_latin1_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes("naam: Het huis\nsoort: gemeente\nplaats: Curaçao\n".encode("latin-1"))
    error = file_trouble(path)
    assert "UTF-8" in error.message
    assert error.line == 3
    assert "UTF-8" in error.hint


def test_utf16_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "utf16.yaml"
    path.write_text("naam: x\n", encoding="utf-16")
    with pytest.raises(YamlTrouble):
        load_document(path)


def test_huge_file_is_refused_fast(tmp_path: Path) -> None:
    path = tmp_path / "groot.yaml"
    path.write_bytes(b"naam: Het Parkhuis in Dordrecht, een lange regel.\n" * 1_000_000)  # 50 MB
    assert path.stat().st_size >= 50_000_000
    start = time.perf_counter()
    error = file_trouble(path)
    assert time.perf_counter() - start < 0.5
    assert "te groot" in error.message
    assert "kB" in error.message
    path.unlink()


def test_sparse_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "leeg-maar-groot.yaml"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert "te groot" in file_trouble(path).message


def test_size_limit_is_exact(tmp_path: Path) -> None:
    head = b"naam: x\n# "
    path = tmp_path / "grens.yaml"
    path.write_bytes(head + b"a" * (MAX_BYTES - len(head)))
    assert load_document(path).data == {"naam": "x"}
    path.write_bytes(head + b"a" * (MAX_BYTES - len(head) + 1))
    assert "te groot" in file_trouble(path).message


def test_a_file_longer_than_its_stated_size_is_read_whole() -> None:
    """The reader asks for the size the file system states; a regular file that states 0
    (as files under /proc do) or grows meanwhile is still read to its end."""
    proc = Path("/proc/self/status")
    if not proc.is_file() or proc.stat().st_size != 0:
        pytest.skip("no /proc here")
    text = read_text(proc)
    assert len(text) > 100
    assert text.startswith("Name:")
    assert text.endswith("\n")


def test_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfnaam: Het Parkhuis\nsoort: gemeente\n")
    document = load_document(path)
    assert document.data == {"naam": "Het Parkhuis", "soort": "gemeente"}
    assert document.position(("soort",)) == (2, 1)


def test_valid_record_with_byte_order_mark_has_no_problems(problems_for) -> None:
    text = "\ufeff" + dump(provider())
    assert problems_for({"providers/gemeente-dordrecht.yaml": text.encode("utf-8")}) == []


def test_missing_file_is_a_clean_error(tmp_path: Path) -> None:
    error = file_trouble(tmp_path / "bestaat-niet.yaml")
    assert "kan niet worden gelezen" in error.message


def test_positions_of_fields() -> None:
    text = "naam: x\ndiensten:\n  - id: a\n    kosten:\n      betaald_door: [wmo, pgb]\n"
    path = Path("x.yaml")
    from mantelkaart.core.loader import Document

    document = Document(path, text, parse_text(text))
    assert document.position(("diensten", 0, "kosten")) == (4, 5)
    assert document.position(("diensten", 0, "kosten", "betaald_door", 1)) == (5, 27)
    # A field that is not there: the nearest parent.
    assert document.position(("diensten", 0, "naam")) == (3, 5)
    assert document.position(("onbekend",)) == (1, 1)


# --- whole files in the data folder -----------------------------------------------


@pytest.mark.parametrize(
    "content",
    ["", "# alleen commentaar\n", "- naam: x\n- naam: y\n", "Het Parkhuis\n", "42\n", "~\n"],
    ids=["empty", "comment", "list", "text", "number", "null"],
)
def test_file_without_a_record(problems_for, content: str) -> None:
    problem = one(problems_for({"providers/leeg.yaml": content}), "providers/leeg.yaml")
    assert problem.message == "Het bestand bevat geen record."
    assert problem.line == 1


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("naam: Een\nnaam: Twee\n", "twee keer"),
        ("naam: !!python/object/apply:os.system [ls]\n", "niet toegestaan"),
        ("naam: &a x\nsoort: *a\n", "ankers"),
        ("naam: Een\n---\nnaam: Twee\n", "meer dan één"),
        (random.Random(1).randbytes(2000), "geen tekstbestand"),
        ("naam: Caf\xe9\n".encode("latin-1"), "UTF-8"),
    ],
    ids=["duplicate", "tag", "alias", "documents", "binary", "latin-1"],
)
def test_loader_troubles_become_dutch_problems(problems_for, content: str | bytes, words: str) -> None:
    problem = one(problems_for({"providers/kapot.yaml": content}), "providers/kapot.yaml")
    assert words in problem.message
    assert problem.field == ""
    assert_dutch(problem)


def test_duplicate_key_problem_points_at_the_second_key(problems_for) -> None:
    text = dump(provider()).replace("soort: gemeente\n", "soort: gemeente\nsoort: zorgaanbieder\n")
    problem = one(
        problems_for({"providers/gemeente-dordrecht.yaml": text}), "providers/gemeente-dordrecht.yaml"
    )
    assert problem.message == "Het veld 'soort' staat twee keer in dezelfde groep."
    assert (problem.line, problem.column) == (3, 1)


def test_fast_path_never_expands_an_alias_even_without_the_pre_check() -> None:
    """Defence in depth: the composed-node walker refuses shared nodes by itself."""
    from mantelkaart.core.loader import _fast_parse

    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n"
    with pytest.raises(YamlTrouble) as raised:
        _fast_parse(bomb)
    assert "ankers" in raised.value.message
