"""Name keys: spelling variants of one name meet, different names stay apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stkg.ingest.normalize import (
    NameIndex,
    name_key,
    name_keys,
    same_name,
    split_parenthetical,
    strip_enumerator,
)


@pytest.fixture(scope="module")
def expected_000(seeds_dir: Path) -> dict:
    data = json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))
    return data["000_f874dc3d0926f1b7.txt"]


def test_every_variant_in_the_seed_meets_its_canonical_name(expected_000: dict) -> None:
    """Spellings meet by key; a bare gloss needs the glossed form the document also uses."""
    variants = expected_000["field_name_variants_in_text"]
    assert variants, "expected.json lists no variants"
    index = NameIndex()
    for canonical in variants:
        index.add(canonical)
    for spellings in variants.values():
        for glossed in (s for s in spellings if "(" in s):
            assert index.learn(glossed) is not None, glossed
    for canonical, spellings in variants.items():
        for spelling in spellings:
            assert index.resolve(spelling) == canonical, (canonical, spelling)
            if "(" in spelling or any("(" in s for s in spellings):
                continue
            assert same_name(canonical, spelling), (canonical, spelling)


def test_bare_gloss_is_unknown_until_learned_from_the_seed(seeds_dir: Path) -> None:
    text = (seeds_dir / "000_f874dc3d0926f1b7.txt").read_text(encoding="utf-8")
    index = NameIndex()
    index.add("CCUS")
    assert index.resolve("탄소 포집·활용·저장") is None
    glossed = "탄소 포집·활용·저장(CCUS)"
    assert glossed in text
    assert index.learn(glossed) == "CCUS"
    assert index.resolve("탄소포집·활용·저장") == "CCUS"


def test_ambiguous_key_resolves_to_nothing() -> None:
    index = NameIndex()
    index.add("가상A", "공통")
    index.add("가상B", "공통")
    assert index.resolve("공통") is None
    assert index.resolve("가상A") == "가상A"


def test_field_names_of_the_seed_table_keep_distinct_keys(expected_000: dict) -> None:
    names = {r[k] for r in expected_000["field_table"] for k in ("field_2021", "field_2022")}
    names.discard(None)
    keys = {name_key(n) for n in names}
    assert len(keys) == len(names)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("전기수소차", "전기·수소차"),
        ("전기ㆍ수소차", "전기・수소차"),
        ("지능형 로봇", "지능형로봇"),
        ("자원순환 및 에너지 재활용", "자원순환·에너지재활용"),
        ("⑭기능성 식품", "기능성식품"),
        ("◯21이차전지", "이차전지"),
        ("㉑이차전지", "이차전지"),
        ("ＩｏＴ", "IoT"),
        ("‘조선’", "조선"),
        ("이송/물류", "이송 물류"),
    ],
)
def test_spelling_variants_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"), [("유기화학", "유기소재"), ("식품", "기능성식품"), ("5G+", "5G")]
)
def test_different_names_differ(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_parenthetical_gloss_is_an_alias_not_part_of_the_key() -> None:
    assert split_parenthetical("CCUS(탄소 포집·활용·저장)") == ("CCUS", ["탄소 포집·활용·저장"])
    assert name_key("CCUS(탄소 포집·활용·저장)") == name_key("CCUS")
    assert name_key("탄소포집 활용 저장") in name_keys("CCUS(탄소 포집·활용·저장)")
    assert name_key("CCUS(x)", keep_parenthetical=True) != name_key("CCUS")


@pytest.mark.parametrize(
    ("raw", "stripped"),
    [
        ("①인공지능", "인공지능"),
        ("◯23자원순환", "자원순환"),
        ("(2) 다중모형", "다중모형"),
        ("▲ 드론", "드론"),
        ("5G+", "5G+"),
        ("4차산업혁명", "4차산업혁명"),
    ],
)
def test_strip_enumerator(raw: str, stripped: str) -> None:
    assert strip_enumerator(raw) == stripped
