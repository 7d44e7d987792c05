"""The Kiwi-backed spaCy pipeline: exact offsets, particles, aliases, quantities, recall."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language

from stkg.ingest.nlp import Gazetteer, GazetteerError, build_pipeline, extract, extract_many

SEEDS = ("000_f874dc3d0926f1b7.txt", "004_2e30ccd89939a41a.txt")

# Organisation names and aliases, as the ontology will provide them (label, id, forms).
ORGANISATIONS = [
    ("ORG", "org:중소벤처기업부", ["중소벤처기업부", "중기부", "중소기업청"]),
    ("ORG", "org:지식재산처", ["지식재산처", "지재처"]),
    ("ORG", "org:중소기업기술정보진흥원", ["중소기업기술정보진흥원", "TIPA"]),
    ("ORG", "org:한국특허전략개발원", ["한국특허전략개발원", "KISTA"]),
]
FIELDS = [
    ("FIELD", "field:인공지능", ["인공지능"]),
    ("FIELD", "field:드론·개인이동수단", ["드론·개인이동수단"]),
    ("FIELD", "field:전기·수소차", ["전기·수소차"]),
]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_terms(ORGANISATIONS + FIELDS)


@pytest.fixture(scope="module")
def nlp(gazetteer: Gazetteer) -> Language:
    """Built once (Kiwi's model is large); build_pipeline caches it per gazetteer."""
    return build_pipeline(gazetteer)


@pytest.fixture(scope="module")
def seed_texts(seeds_dir: Path) -> dict[str, str]:
    return {n: (seeds_dir / n).read_text(encoding="utf-8") for n in SEEDS}


def test_pipeline_is_cached_per_gazetteer(nlp: Language, gazetteer: Gazetteer) -> None:
    assert build_pipeline(Gazetteer.from_terms(ORGANISATIONS + FIELDS)) is nlp


def test_particles_split_with_exact_offsets(nlp: Language) -> None:
    text = "연구진은 인공지능을 써서 드론·개인이동수단을  만들었다."
    doc = nlp(text)
    assert doc.text == text
    ents = {e.text: e for e in doc.ents}
    for name in ("인공지능", "드론·개인이동수단"):
        ent = ents[name]  # the name, however many morphemes Kiwi makes of it
        assert ent.start_char == text.index(name + "을")
        assert doc[ent.end].text == "을" and doc[ent.end].tag_.startswith("J")
    for t in doc:
        assert text[t.idx : t.idx + len(t.text)] == t.text


def test_whitespace_and_markup_keep_the_text_exact(nlp: Language) -> None:
    text = '  가나\t\t다라\n\n<ul style="x"> • 인공지능 분야</ul>  \n'
    doc = nlp(text)
    assert doc.text == text
    ents = [(e.text, e.ent_id_) for e in doc.ents]
    assert ("인공지능", "field:인공지능") in ents


@pytest.mark.parametrize("name", SEEDS)
def test_seed_text_round_trips_exactly(nlp: Language, seed_texts: dict, name: str) -> None:
    text = seed_texts[name]
    doc = nlp(text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)


def test_aliases_resolve_to_canonical_ids(gazetteer: Gazetteer) -> None:
    text = "중기부와 지재처는 TIPA, KISTA와 함께 옛 중소기업청 자료를 검토했다."
    got = [(m.text, m.canonical_id) for m in extract(text, gazetteer) if m.label == "ORG"]
    assert got == [
        ("중기부", "org:중소벤처기업부"),
        ("지재처", "org:지식재산처"),
        ("TIPA", "org:중소기업기술정보진흥원"),
        ("KISTA", "org:한국특허전략개발원"),
        ("중소기업청", "org:중소벤처기업부"),
    ]


def test_spelling_variant_without_middle_dot_matches(gazetteer: Gazetteer) -> None:
    mentions = extract("전기수소차 분야가 늘었다", gazetteer)
    assert [(m.text, m.canonical_id) for m in mentions] == [("전기수소차", "field:전기·수소차")]


def test_quantity_entities_carry_values(nlp: Language) -> None:
    text = "2022년 1월 27일 발표: ’22~’24년 32개 분야, 예산 1조 2,000억원, 점유율 6.5%, ’21년 대비"
    doc = nlp(text)
    got = [(e.label_, e.text, e._.value) for e in doc.ents]
    import datetime as dt

    assert got == [
        ("DATE", "2022년 1월 27일", dt.date(2022, 1, 27)),
        ("YEAR_RANGE", "’22~’24년", (2022, 2024)),
        ("COUNT", "32개 분야", 32),
        ("MONEY", "1조 2,000억원", 1_200_000_000_000),
        ("PERCENT", "6.5%", 6.5),
        ("YEAR", "’21년", 2021),
    ]
    assert [e._.counted for e in doc.ents if e.label_ == "COUNT"] == ["분야"]


def test_org_recall_on_seeds(gazetteer: Gazetteer, seed_texts: dict) -> None:
    """Every occurrence of every organisation form is found with the right id."""
    form_to_id = {
        f: e.canonical_id for e in gazetteer.entries if e.label == "ORG" for f in e.surface_forms
    }
    pattern = re.compile("|".join(sorted(map(re.escape, form_to_id), key=len, reverse=True)))
    total = 0
    for text, mentions in zip(
        seed_texts.values(), extract_many(seed_texts.values(), gazetteer), strict=True
    ):
        spans = {(m.start, m.end): m.canonical_id for m in mentions if m.label == "ORG"}
        for m in pattern.finditer(text):
            total += 1
            assert spans.get((m.start(), m.end())) == form_to_id[m.group()], m.group()
    assert total >= 30


def test_money_and_ranges_found_in_seeds(gazetteer: Gazetteer, seed_texts: dict) -> None:
    m000 = extract(seed_texts[SEEDS[0]], gazetteer)
    m004 = extract(seed_texts[SEEDS[1]], gazetteer)
    money = {m.value for m in m000 if m.label == "MONEY"}
    assert {51_200_000_000, 87_900_000_000} <= money
    assert (2022, 2024) in {m.value for m in m000 if m.label == "YEAR_RANGE"}
    assert (2027, 2029) in {m.value for m in m004 if m.label == "YEAR_RANGE"}
    for text, mentions in ((seed_texts[SEEDS[0]], m000), (seed_texts[SEEDS[1]], m004)):
        for m in mentions:
            assert text[m.start : m.end] == m.text


def test_phone_numbers_in_seeds_are_not_dates_or_years(
    gazetteer: Gazetteer, seed_texts: dict
) -> None:
    for text in seed_texts.values():
        phones = [m.span() for m in re.finditer(r"\d{2,4}-\d{3,4}-\d{4}", text)]
        assert phones
        for m in extract(text, gazetteer):
            if m.label in ("YEAR", "YEAR_RANGE", "DATE"):
                assert not any(a < m.end and m.start < b for a, b in phones), m


def test_gazetteer_rejects_terms_without_forms() -> None:
    with pytest.raises(GazetteerError, match="org:x"):
        Gazetteer.from_terms([("ORG", "org:x", ["  "])])


def test_gazetteer_reports_forms_claimed_twice() -> None:
    g = Gazetteer.from_terms([("ORG", "org:a", ["공통"]), ("ORG", "org:b", ["공통", "비"])])
    assert g.conflicts() == {"공통": ["org:a", "org:b"]}
    assert [p["id"] for p in g.patterns() if p["pattern"] == "공통"] == ["org:a"]


def test_a_name_is_found_however_kiwi_splits_it_in_its_sentence(gazetteer: Gazetteer) -> None:
    # alone Kiwi reads the name as four nouns; glued to "=" in a caption, as one
    for text in ("사진=중소기업기술정보진흥원", "중소기업기술정보진흥원은 공고했다"):
        got = [m.canonical_id for m in extract(text, gazetteer) if m.label == "ORG"]
        assert got == ["org:중소기업기술정보진흥원"], text


def test_a_name_of_ordinary_nouns_is_not_pulled_out_of_a_longer_word() -> None:
    # taught to Kiwi as one word, 공정혁신 would split 공정혁신과제 into 공정혁신+과+제
    nlp = build_pipeline(Gazetteer.from_terms([("PROG", "prog:공정혁신", ["공정혁신"])]))
    doc = nlp("올해 공정혁신과제 공모와 공정혁신 지원을 늘린다")
    assert "과제" in [t.text for t in doc]
    assert [(e.text, e.ent_id_) for e in doc.ents if e.label_ == "PROG"][-1] == (
        "공정혁신",
        "prog:공정혁신",
    )
