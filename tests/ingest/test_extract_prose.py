"""The generalising prose extractors on sentences written for these tests.

None of these sentences comes from a real article: they use names the reference data does
not know, so what is found is found by shape (suffixes, cues, counters), not by a list.
"""

from __future__ import annotations

import pytest

from stkg.graph.facts import FactSet
from stkg.ingest.build import build_document
from stkg.ingest.extract.registry import EXTRACTORS
from stkg.ingest.readers import read_document
from stkg.ontology.model import load_ontology


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def facts_of(tmp_path, onto, text: str) -> FactSet:
    path = tmp_path / "release.txt"
    path.write_text(text, encoding="utf-8")
    return build_document(read_document(path), onto).facts


def named(facts: FactSet, cls: str) -> dict[str, dict]:
    return {
        n.props["name"]: n.props for n in facts.nodes.values() if n.cls == cls and "name" in n.props
    }


def test_every_extractor_has_a_unique_name_and_declares_what_it_needs():
    names = [e.name for e in EXTRACTORS]
    assert len(names) == len(set(names))
    for extractor in EXTRACTORS:
        assert isinstance(extractor.needs_nlp, bool) and isinstance(extractor.needs_topic, bool)


def test_institution_by_suffix_with_its_bracketed_abbreviation(tmp_path, onto):
    text = (
        "한국미래소재진흥원(KFMA)은 올해 핵심기술 개발 과제를 공고했다. "
        "KFMA는 수요처와 협의해 과제를 고른다. 정부는 이를 지원한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    orgs = named(facts, "Organization")
    assert "한국미래소재진흥원" in orgs
    assert orgs["한국미래소재진흥원"]["aliases"] == ["KFMA"]
    assert orgs["한국미래소재진흥원"]["extractionStatus"] == "candidate"
    node = next(n for n in facts.nodes.values() if n.props.get("name") == "한국미래소재진흥원")
    assert {e.extractor for e in node.evidence} == {"organizations"}
    assert all(0 < (e.confidence or 0) <= 1 for e in node.evidence)
    quotes = {e.quote for e in node.evidence}
    assert {"한국미래소재진흥원", "KFMA"} <= quotes  # the bare abbreviation is evidence too
    assert "수요처" not in orgs and "정부" not in orgs


def test_programme_and_its_budget(tmp_path, onto):
    text = "중소벤처기업부는 올해 스마트물류 기술개발사업에 120억원을 투입한다.\n"
    facts = facts_of(tmp_path, onto, text)
    assert "스마트물류 기술개발사업" in named(facts, "Programme")
    funding = [n for n in facts.nodes.values() if n.cls == "Funding"]
    assert [(f.props["name"], f.props["amountKrw"]) for f in funding] == [
        ("스마트물류 기술개발사업", 12_000_000_000)
    ]
    assert any(r.prop == "funds" for r in facts.rels.values())


def test_generic_programme_heads_are_no_names(tmp_path, onto):
    facts = facts_of(
        tmp_path, onto, "정부는 신규사업과 기술개발사업을 늘리고 연구개발 예산을 확대한다.\n"
    )
    assert named(facts, "Programme") == {}


def test_listed_fields_typed_by_their_cue_and_counted(tmp_path, onto):
    text = "이번 로드맵은 수소, 우주항공, 첨단바이오 등 3개 전략분야와 45개 전략제품을 담았다.\n"
    facts = facts_of(tmp_path, onto, text)
    assert set(named(facts, "StrategicField")) == {"수소", "우주항공", "첨단바이오"}
    counts = {
        (n.props["value"], n.props["countedNoun"], n.props["figureKind"])
        for n in facts.nodes.values()
        if n.cls == "StatedFigure"
    }
    assert counts == {(3, "전략분야", "fieldCount"), (45, "전략제품", "productCount")}


def test_two_nouns_joined_by_and_are_no_list(tmp_path, onto):
    facts = facts_of(tmp_path, onto, "특허청과 산업기술 분야 전문가들이 로드맵을 논의했다.\n")
    assert named(facts, "StrategicField") == {}


def test_edition_by_period_in_another_wording(tmp_path, onto):
    text = "중기부는 2025~2027 중소기업 기술로드맵을 발표했다.\n"
    facts = facts_of(tmp_path, onto, text)
    editions = [n for n in facts.nodes.values() if n.cls == "RoadmapEdition"]
    assert [e.id for e in editions] == ["edition:중소기업기술로드맵@2025"]
    assert (editions[0].props["startYear"], editions[0].props["endYear"]) == (2025, 2027)


def test_another_outlets_wording_adds_evidence_and_never_renames(tmp_path, onto):
    facts = facts_of(
        tmp_path,
        onto,
        "DATE: 2025-03-02\n\n올해 발표된 중소기업 기술로드맵에는 신규 분야가 담겼다.\n",
    )
    edition = next(n for n in facts.nodes.values() if n.cls == "RoadmapEdition")
    assert edition.id.startswith("edition:중소기업기술로드맵@")
    assert {e.extractor for e in edition.evidence} == {"editions"} and "name" not in edition.props


def test_edition_of_a_new_series_with_its_period(tmp_path, onto):
    facts = facts_of(tmp_path, onto, "산업부는 2026~2030 수소기술 전략로드맵을 수립했다.\n")
    editions = [n for n in facts.nodes.values() if n.cls == "RoadmapEdition"]
    assert [(e.props["name"], e.props["startYear"], e.props["endYear"]) for e in editions] == [
        ("수소기술 전략로드맵", 2026, 2030)
    ]


def test_a_text_off_the_topic_yields_no_prose_facts(tmp_path, onto):
    text = (
        "DATE: 2020-05-01\n\n코스피는 외국인 순매도에 2000선을 내줬다. 외국인은 3000억원어치를 "
        "팔았고 한국거래소는 12개 종목이 상한가라고 밝혔다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {n.cls for n in facts.nodes.values()} <= {"SourceDocument"}


@pytest.mark.parametrize(
    ("date", "ministry"), [("2005-04-01", "과학기술부"), ("2022-04-01", "과학기술정보통신부")]
)
def test_a_short_form_two_ministries_used_names_the_one_of_the_documents_date(
    tmp_path, onto, date, ministry
):
    text = f"DATE: {date}\n\n과기부는 올해 연구개발 예산을 늘린다고 밝혔다.\n"
    orgs = named(facts_of(tmp_path, onto, text), "Organization")
    assert set(orgs) == {ministry}


def test_a_programmes_short_name_inside_a_longer_name_is_no_mention(tmp_path, onto):
    modifier = facts_of(tmp_path, onto, "정부는 탄소중립 기술혁신 전략 로드맵을 발표했다.\n")
    assert "programme:기술혁신" not in modifier.nodes
    named_alone = facts_of(tmp_path, onto, "중기부는 기술혁신에 300억원을 지원한다.\n")
    assert "programme:기술혁신" in named_alone.nodes


def test_a_listed_programme_ends_like_one(tmp_path, onto):
    text = (
        "중소기업 연구개발 예산이다. 사업별로는 연구장비공동활용지원 120억원, 신청자격 확인 "
        "30억원, 산학연중점지원 90억원이다.\n"
    )
    programmes = named(facts_of(tmp_path, onto, text), "Programme")
    assert {"연구장비공동활용지원", "산학연중점지원"} <= set(programmes)
    assert not any(name.startswith("신청자격") for name in programmes)


def test_a_field_named_with_its_cue_word(tmp_path, onto):
    text = "이번 로드맵에서 수소모빌리티 분야에서는 충전 기술을, 해당 분야에서는 인력을 지원한다.\n"
    assert set(named(facts_of(tmp_path, onto, text), "StrategicField")) == {"수소모빌리티"}


def figures(facts: FactSet) -> set[tuple]:
    return {
        (n.props["value"], n.props["countedNoun"], n.props["qualifier"])
        for n in facts.nodes.values()
        if n.cls == "StatedFigure"
    }


def test_counts_with_korean_large_numbers_decimals_and_approximations(tmp_path, onto):
    text = (
        "특허청은 3억여 건의 특허 빅데이터와 1만2000개 핵심기술을 분석해 로드맵을 만들었다. "
        "유망기술(60여개)을 골랐고 26만 건 논문과 평균 2.37건 특허를 살폈으며 "
        "58명의 전략위원이 참여했다. 세계 5억8000건의 특허 문헌도 모았다.\n"
    )
    assert figures(facts_of(tmp_path, onto, text)) == {
        (300_000_000, "특허 빅데이터", "approximately"),
        (580_000_000, "특허 문헌", "exact"),  # 5억8000만: the 만 left out
        (12_000, "핵심기술", "exact"),
        (60, "유망기술", "approximately"),
        (260_000, "논문", "exact"),
        (2.37, "특허", "exact"),
        (58, "전략위원", "exact"),
    }


def test_a_list_written_with_middle_dots_before_its_cue(tmp_path, onto):
    three = facts_of(tmp_path, onto, "정부는 해양플랜트·제지·유리 분야의 기술로드맵을 발표했다.\n")
    assert set(named(three, "StrategicField")) == {"해양플랜트", "제지", "유리"}
    pair = facts_of(tmp_path, onto, "정부는 조명·광학 분야의 기술로드맵을 발표했다.\n")
    assert set(named(pair, "StrategicField")) == {"조명·광학"}  # two parts: often one name
    listed = facts_of(tmp_path, onto, "이 로드맵은 조명・광학 등 국내 주력산업에 적용한다.\n")
    assert set(named(listed, "StrategicField")) == {"조명", "광학"}


def test_a_dotted_name_the_document_lists_as_one_item_is_not_split(tmp_path, onto):
    text = (
        "기술수준 평가는 ①제지·유리·섬유 ②조명 ③해양 분야로 나뉜다. 제지·유리·섬유 분야가 "
        "가장 높았다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert "제지·유리·섬유" in fields and "제지" not in fields


def test_bullets_grouped_under_a_label_are_that_fields_products(tmp_path, onto):
    text = (
        "기술로드맵 선정 과제는 △무선 충전식 드론 배터리 △고내열 코팅 필름(이상 소재 2건) "
        "△정밀 감속기 △협동로봇 관절(기계 2건)이다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"소재", "기계"} <= set(named(facts, "StrategicField"))
    assert {"무선 충전식 드론 배터리", "고내열 코팅 필름", "정밀 감속기", "협동로봇 관절"} <= set(
        named(facts, "StrategicProduct")
    )


def test_numbered_items_in_brackets_after_their_cue(tmp_path, onto):
    text = "국방기술 정책서는 국방 5대 분야(① 무인 정찰, ② 우주 감시, ③ 전자전 방호)를 제시했다.\n"
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"무인 정찰", "우주 감시", "전자전 방호"} <= fields


def events(facts: FactSet) -> set[str]:
    return {n.props["eventDate"] for n in facts.nodes.values() if n.cls == "StatedEvent"}


def test_dates_that_open_or_close_an_application_window(tmp_path, onto):
    text = (
        "DATE: 2024-03-05\n\n중기부는 스마트물류 기술개발사업 과제를 6일부터 접수하고 "
        "오는 29일까지 신청을 받는다. 2차 과제는 내년 1월 2일부터 모집한다.\n"
        "□ 접수기간 : 2024. 4. 1.(월) ~ 2024. 4. 19.(금)\n"
    )
    assert {"2024-03-06", "2024-03-29", "2025-01-02", "2024-04-01"} <= events(
        facts_of(tmp_path, onto, text)
    )


def test_a_range_of_days_dates_both_ends_with_the_event_after_it(tmp_path, onto):
    text = (
        "DATE: 2023-08-10\n\n중기부는 해양드론 기술개발사업 공고를 10일 밝혔다. 참여 기업은 "
        "24일부터 9월8일까지 온라인(www.example.go.kr)을 통해 접수하면 된다. 또 내달 "
        "12일부터 27일까지 해양드론 실증사업-도약트랙에 참여할 중소기업을 모집한다.\n"
    )
    dates = events(facts_of(tmp_path, onto, text))
    assert {"2023-08-24", "2023-09-08", "2023-09-12", "2023-09-27"} <= dates
    assert "2023-07-24" not in dates  # a range's first day is still to come


def test_a_date_set_off_by_a_comma_dates_the_clause_after_it(tmp_path, onto):
    text = "DATE: 2024-03-05\n\n특허청이 6일, 특허 데이터 전담 조직을 신설한다고 밝혔다.\n"
    assert "2024-03-06" in events(facts_of(tmp_path, onto, text))


def test_companies_after_their_kind_noun_and_in_a_labelled_list(tmp_path, onto):
    text = (
        "기술로드맵 간담회에는 드론 제조사인 날개로보틱스와 혁신기업 바다센서텍이 참여했다. "
        "[업계] 가온디에스, 누리테크, 다솜정밀 [유관기관] 한국드론진흥원, 스마트물류협회\n"
    )
    orgs = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert {"날개로보틱스", "바다센서텍", "가온디에스", "누리테크", "다솜정밀"} <= orgs
    assert {"한국드론진흥원", "스마트물류협회"} <= orgs


def test_a_known_term_after_a_company_kind_is_no_company(tmp_path, onto):
    text = "정부는 기술로드맵에 따라 중소기업 기술개발을 지원한다.\n"
    assert named(facts_of(tmp_path, onto, text), "Organization") == {}


def test_bullets_counted_as_programmes_after_them_are_programmes(tmp_path, onto):
    text = (
        "기술로드맵에 따라 진흥원은 △드론실증지원 △해양로봇 상용화 △소재혁신바우처 등 "
        "예산 규모 1,200억원에 해당하는 3개 사업을 넘겨받았다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {"드론실증지원", "해양로봇 상용화", "소재혁신바우처"} <= programmes


def test_items_under_a_programme_topic_are_its_tasks_not_programmes(tmp_path, onto):
    text = "기술로드맵에 따라 스마트물류 기술개발사업은 △드론 배송 △자율 창고를 지원한다.\n"
    assert set(named(facts_of(tmp_path, onto, text), "Programme")) == {"스마트물류 기술개발사업"}


def test_a_quoted_name_that_receives_a_budget_is_a_programme(tmp_path, onto):
    text = "기술로드맵에 따라 ‘해양로봇 실증 고도화’에 310억원, ‘드론 핵심부품 개발’에 90억원을 투입한다.\n"
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {"해양로봇 실증 고도화", "드론 핵심부품 개발"} <= programmes


def test_a_plan_dated_once_is_that_edition_where_it_is_named_again(tmp_path, onto):
    text = (
        "DATE: 2021-03-22\n\n정부는 ‘해양드론진흥정책서’의 하위 기술 문서로 ‘2021∼2030 해양드론기획서’를 "
        "발간했다. 이번 기획서는 ‘2019∼2033 해양드론진흥정책서’에서 제시한 분야를 따른다.\n"
    )
    editions = {
        (n.props["name"], n.props.get("startYear"))
        for n in facts_of(tmp_path, onto, text).nodes.values()
        if n.cls == "RoadmapEdition"
    }
    assert editions == {("해양드론기획서", 2021), ("해양드론진흥정책서", 2019)}


def test_items_numbered_in_brackets_are_a_list(tmp_path, onto):
    text = "기술로드맵의 중점 분야는 (1) 해양드론 (2) 극지탐사 (3) 심해자원 분야로 정해졌다.\n"
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"해양드론", "극지탐사", "심해자원"} <= fields


def test_a_quoted_term_is_typed_by_the_cue_after_it(tmp_path, onto):
    text = "기술로드맵에 따라 ‘풍력 돛’ 기술과 ‘심해 양식’ 분야를 함께 지원한다.\n"
    facts = facts_of(tmp_path, onto, text)
    assert "풍력 돛" in named(facts, "CoreTechnology")
    assert "심해 양식" in named(facts, "StrategicField")


def test_two_items_joined_by_and_are_a_list_when_the_second_carries_the_cue(tmp_path, onto):
    text = "기술로드맵은 해양드론과 극지로봇 기술을 중소기업 현장에 보급한다.\n"
    assert {"해양드론", "극지로봇"} <= set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))


def test_a_pair_with_one_implausible_item_is_no_list(tmp_path, onto):
    text = "기술로드맵은 해양드론과 심해 탐사 관련 기술을 다룬다.\n"
    assert "해양드론" not in named(facts_of(tmp_path, onto, text), "CoreTechnology")


def test_an_amount_after_the_last_item_does_not_hide_the_cue(tmp_path, onto):
    text = (
        "기술로드맵에 따라 해양드론실증지원(30억원), 극지로봇 고도화개발(20억원) 등 "
        "50억원 규모의 2개 사업을 신설했다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {"해양드론실증지원", "극지로봇 고도화개발"} <= programmes


def test_a_dotted_word_abbreviated_by_its_initials_is_one_name(tmp_path, onto):
    text = "기술로드맵은 해양·극지·심해(해극심) 분야의 기술을 다룬다.\n"
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert not {"해양", "극지", "심해"} & fields


def test_a_new_name_read_only_inside_a_longer_name_is_dropped(tmp_path, onto):
    text = (
        "기술로드맵에 따라 해양드론실증지원(30억원), 중소기업 극지로봇센터 연계형 기술개발(20억원) 등 "
        "2개 사업을 신설했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert "중소기업 극지로봇센터 연계형 기술개발" in named(facts, "Programme")
    assert "극지로봇센터" not in named(facts, "Organization")


def test_a_new_name_also_printed_on_its_own_is_kept(tmp_path, onto):
    text = (
        "기술로드맵에 따라 중소기업 극지로봇센터 연계형 기술개발(20억원), 해양드론실증지원(30억원) 등 "
        "2개 사업을 신설했다. 극지로봇센터가 과제를 관리한다.\n"
    )
    assert "극지로봇센터" in named(facts_of(tmp_path, onto, text), "Organization")


def test_an_article_dated_to_a_month_dates_its_bare_days_in_that_month(tmp_path, onto):
    text = (
        "DATE: 2030-12\n\n기술로드맵에 따라 해양진흥원은 해양드론 과제를 내년 1월 2일부터 모집한다. "
        "진흥원은 22일 설명회를 열었다.\n"
    )
    events = {
        n.props["eventDate"]
        for n in facts_of(tmp_path, onto, text).nodes.values()
        if n.cls == "StatedEvent"
    }
    assert events == {"2031-01-02", "2030-12-22"}  # 22일: the article's own month


def test_an_article_dated_to_a_year_dates_a_bare_day_by_that_year(tmp_path, onto):
    text = (
        "DATE: 2030\n\n기술로드맵에 따라 진흥원은 22일 설명회를 열었다. 지난해 3일에도 "
        "설명회를 열었다.\n"
    )
    assert events(facts_of(tmp_path, onto, text)) == {"2030", "2029"}  # no month to give


def test_a_sub_unit_keeps_its_university_in_its_name(tmp_path, onto):
    text = "기술로드맵에 대해 한빛대 해양정책연구소의 분석 결과가 나왔다.\n"
    organizations = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert "한빛대 해양정책연구소" in organizations and "해양정책연구소" not in organizations


def test_a_building_after_an_address_is_a_venue_not_an_actor(tmp_path, onto):
    text = "기술로드맵 설명회가 서울 서초구 해양드론진흥원 대회의실에서 열렸다.\n"
    assert "해양드론진흥원" not in named(facts_of(tmp_path, onto, text), "Organization")


@pytest.mark.parametrize(
    "sentence",
    [
        "기술로드맵은 3개 분야(해양드론, 극지로봇, 심해자원)를 선정했다.",
        "기술로드맵의 분야별로는 해양드론 12개, 극지로봇 8개, 심해자원 5개 등이다.",
        "기술로드맵은 '해양드론', '극지로봇', '심해자원' 등 3개 분야를 다룬다.",
        "기술로드맵은 해양드론, 극지로봇, 심해자원 등을 전략분야로 선정했다.",
        "기술로드맵 분야는 해양드론(수중 글라이더, 무인잠수정), 극지로봇(내한 로봇팔), 심해자원 등이다.",
    ],
)
def test_fields_listed_in_common_news_shapes(tmp_path, onto, sentence):
    fields = set(named(facts_of(tmp_path, onto, sentence + "\n"), "StrategicField"))
    assert {"해양드론", "극지로봇", "심해자원"} <= fields


def test_a_listed_kind_of_technology_is_no_name(tmp_path, onto):
    text = "기술로드맵은 유망기술(60여개), 해양드론 제어기술 등을 담았다.\n"
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert "유망기술" not in technologies and "해양드론 제어기술" in technologies


@pytest.mark.parametrize(
    "sentence",
    [
        "기술로드맵은 전략분야로 해양드론, 극지로봇, 심해자원을 선정했다.",
        "기술로드맵은 3대 분야인 해양드론, 극지로봇, 심해자원에 집중한다.",
        "기술로드맵은 해양드론 · 극지로봇 · 심해자원 분야를 다룬다.",
    ],
)
def test_fields_named_by_a_cue_before_or_spaced_dots(tmp_path, onto, sentence):
    fields = set(named(facts_of(tmp_path, onto, sentence + "\n"), "StrategicField"))
    assert {"해양드론", "극지로봇", "심해자원"} <= fields


def test_technologies_that_each_print_their_kind_keep_it_in_their_names(tmp_path, onto):
    text = "기술로드맵에 따라 수중 음향통신 기술, 극지 내한 소재 기술, 해저 압력 센서 기술 등 3개 기술을 개발한다.\n"
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert {"수중 음향통신 기술", "극지 내한 소재 기술", "해저 압력 센서 기술"} <= technologies


def test_shorter_and_dated_wordings_of_a_programme_are_one_node(tmp_path, onto):
    text = (
        "기술로드맵에 따라 해양수산부는 해양 기반 드론실증(MD) 고도화지원 사업을 공고했다. "
        "‘2031년 상반기 MD 고도화지원 사업’에 참여할 기업을 모집한다. "
        "MD 고도화지원 사업은 올해 처음 시행된다.\n"
    )
    programmes = named(facts_of(tmp_path, onto, text), "Programme")
    assert len(programmes) == 1, programmes
    (props,) = programmes.values()
    assert "2031년 상반기 MD 고도화지원 사업" in [props["name"], *props.get("aliases", [])]


def test_different_programmes_sharing_a_head_stay_apart(tmp_path, onto):
    text = (
        "기술로드맵에 따라 해양드론 고도화지원 사업과 극지로봇 고도화지원 사업을 새로 시작한다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {"해양드론 고도화지원 사업", "극지로봇 고도화지원 사업"} <= programmes


def _counts(facts: FactSet) -> set[tuple[object, str]]:
    return {
        (n.props["value"], n.props["countedNoun"])
        for n in facts.nodes.values()
        if n.cls == "StatedFigure" and "countedNoun" in n.props
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "기술로드맵의 해양품목은 지난해 200개에서 올해 236개로 늘었다.",
            {(200, "해양품목"), (236, "해양품목")},
        ),
        (
            "기술로드맵 극지분야가 기존 17개에서 20개로 확대됐다.",
            {(17, "극지분야"), (20, "극지분야")},
        ),
        ("기술로드맵에 선정된 해양과제는 총 300여 개다.", {(300, "해양과제")}),
        ("기술로드맵은 해양특허 4만5천건을 분석했다.", {(45000, "해양특허")}),
    ],
)
def test_counts_bound_to_their_topic_or_the_count_they_change(tmp_path, onto, sentence, expected):
    assert expected <= _counts(facts_of(tmp_path, onto, sentence + "\n"))


def _editions(facts: FactSet) -> set[tuple[str, object, object]]:
    return {
        (n.props["name"], n.props.get("startYear"), n.props.get("endYear"))
        for n in facts.nodes.values()
        if n.cls == "RoadmapEdition"
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "해양수산부는 해양드론 기술로드맵(2031~2033)을 발표했다.",
            ("해양드론 기술로드맵", 2031, 2033),
        ),
        (
            "「해양드론* 로드맵」은 「극지 활력 회복 종합계획」(‘28.12)의 후속이다.",
            ("극지 활력 회복 종합계획", 2028, None),
        ),
        ("「해양드론* 로드맵」을 공개했다.", ("해양드론 로드맵", 2030, None)),
    ],
)
def test_edition_years_in_brackets_after_the_name(tmp_path, onto, sentence, expected):
    text = f"DATE: 2030-03-02\n\n{sentence}\n"
    assert expected in _editions(facts_of(tmp_path, onto, text))


def test_a_kind_of_institution_is_no_name(tmp_path, onto):
    text = "기술로드맵에 따라 혁신형기업과 출연연구소, 해양드론진흥원이 공동 R&D를 한다.\n"
    organizations = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert "출연연구소" not in organizations and "해양드론진흥원" in organizations
    text = "해양드론진흥원은 대학·공공연, 중소·중견 기업 등 주요 수요 기관을 대상으로 로드맵을 만든다.\n"
    organizations = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert "해양드론진흥원" in organizations and "대학·공공연" not in organizations


def test_a_voucher_is_no_institution(tmp_path, onto):
    text = "기술로드맵은 해양드론 바우처 사업과 극지로봇 실증 사업을 연계한다.\n"
    facts = facts_of(tmp_path, onto, text)
    assert "바우처" not in named(facts, "Organization")
    assert "해양드론 바우처 사업" in named(facts, "Programme")


def test_an_event_named_as_the_topic_before_its_date(tmp_path, onto):
    text = "DATE: 2031-03-25\n\n해양드론 기술로드맵 과제 신청은 4월 2일부터 4월 20일까지 받는다.\n"
    events = {
        (n.props["eventDate"], n.props["eventKind"])
        for n in facts_of(tmp_path, onto, text).nodes.values()
        if n.cls == "StatedEvent"
    }
    assert ("2031-04-02", "신청") in events


def test_a_technology_named_as_what_is_developed(tmp_path, onto):
    text = (
        "기술로드맵에 따라 수중 음향 통신모듈 기술을 집중 개발하고, "
        "극지 저온 배터리 기술개발을 추진한다. 100대 해양품목 기술을 개발하고 해양부품 기술도 확보한다.\n"
    )
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert {"수중 음향 통신모듈 기술", "극지 저온 배터리 기술"} <= technologies
    assert not {"100대 해양품목 기술", "해양부품 기술"} & technologies


def test_a_loanword_ending_in_cheo_is_no_agency(tmp_path, onto):
    text = "기술로드맵에 따라 해양벤처 스케일업과 드론바우처를 지원한다.\n"
    organizations = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert not {"해양벤처", "드론바우처"} & organizations


def test_voucher_and_package_programmes(tmp_path, onto):
    text = (
        "기술로드맵에 따라 해양수출바우처와 초기해양창업패키지를 운영한다. 바우처 규모도 늘린다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {"해양수출바우처", "초기해양창업패키지"} <= programmes and "바우처" not in programmes


def test_a_known_programme_before_a_time_word_is_still_named(tmp_path, onto):
    # 팁스 is reference data; "신규" after it is no part of a longer name
    text = "기술로드맵과 함께 팁스 신규 예산은 1,201억원으로 늘었다.\n"
    names = {
        n.props["name"]
        for n in facts_of(tmp_path, onto, text).nodes.values()
        if n.cls == "Programme"
    }
    assert names, "the TIPS programme is named"


def _fundings(facts: FactSet) -> set[tuple[str, int, object]]:
    return {
        (n.props["name"], n.props["amountKrw"], n.props.get("year"))
        for n in facts.nodes.values()
        if n.cls == "Funding"
    }


def _fundings_in_eok(facts: FactSet) -> set[tuple[str, int, object]]:
    """Each funding's name, amount in 억원 and year."""
    return {(name, amount // 100_000_000, year) for name, amount, year in _fundings(facts)}


def test_revenue_is_no_funding_and_the_nearest_year_word_dates_an_amount(tmp_path, onto):
    text = (
        "DATE: 2031-03-02\n\n기술로드맵에 따라 해양드론실증지원 예산은 지난해 80억원에서 올해 "
        "120억원으로 전년 대비 50% 늘었다. 직전연도 매출 20억원 이하 기업이 대상이다.\n"
    )
    fundings = {
        (amount, year)
        for name, amount, year in _fundings(facts_of(tmp_path, onto, text))
        if name.startswith("해양드론실증지원")
    }
    assert {(12_000_000_000, 2031), (8_000_000_000, 2030)} <= fundings
    assert not [f for f in _fundings(facts_of(tmp_path, onto, text)) if "매출" in f[0]]


def test_a_technology_made_of_generic_words_is_a_kind(tmp_path, onto):
    text = "기술로드맵은 미래유망기술, 해양드론 제어기술 등을 담았다. 미래유망기술을 개발한다.\n"
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert "미래유망기술" not in technologies and "해양드론 제어기술" in technologies


def test_companies_marked_as_incorporated(tmp_path, onto):
    text = "기술로드맵 과제는 ㈜해양드론텍과 한빛로보(주), (주)극지솔루션이 수행한다.\n"
    organizations = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert {"해양드론텍", "한빛로보", "극지솔루션"} <= organizations
    assert not {"과제는", "과제"} & organizations


def test_items_of_other_industries_are_not_the_documents_fields(tmp_path, onto):
    text = "기술로드맵의 해양드론 분야는 극지로봇, 심해자원 등 타 산업과 연계한다.\n"
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert "해양드론" in fields and not {"극지로봇", "심해자원"} & fields


def test_slashes_separate_three_items_or_more(tmp_path, onto):
    text = "기술로드맵은 해양드론/극지로봇/심해자원 분야와 AI/빅데이터 기술을 다룬다.\n"
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"해양드론", "극지로봇", "심해자원"} <= fields


def test_a_date_in_brackets_after_a_quoted_document_dates_its_release(tmp_path, onto):
    text = "DATE: 2031-03-02\n\n「해양드론 로드맵」은 「극지 활력 회복 종합계획」(‘29.12)의 후속이다.\n"
    events = {
        (n.props["eventDate"], n.props["eventKind"])
        for n in facts_of(tmp_path, onto, text).nodes.values()
        if n.cls == "StatedEvent"
    }
    assert ("2029-12", "발표") in events


def test_one_example_of_a_counted_set_and_a_counted_pair(tmp_path, onto):
    text = (
        "기술로드맵은 수중 글라이더 등 5개 품목을 담았다. "
        "기술로드맵은 해양드론과 극지로봇 등 2개 분야를 신설했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert "수중 글라이더" in named(facts, "StrategicProduct")
    assert {"해양드론", "극지로봇"} <= set(named(facts, "StrategicField"))


def test_one_item_made_one_of_a_kind(tmp_path, onto):
    text = "기술로드맵에서 해양드론은 신규 전략분야로 새로 지정됐다.\n"
    assert "해양드론" in named(facts_of(tmp_path, onto, text), "StrategicField")


def test_a_kind_of_support_is_no_programme(tmp_path, onto):
    text = "기술로드맵에 따라 투자·융자 프로그램과 비R&D 사업, 해양드론 융자 사업을 운영한다.\n"
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert "해양드론 융자 사업" in programmes
    assert not {"투자·융자 프로그램", "비R&D 사업"} & programmes


def test_items_one_per_line_under_a_header_with_their_cue(tmp_path, onto):
    text = (
        "기술로드맵의 3대 분야는 다음과 같다.\n- 해양드론\n- 극지로봇\n- 심해자원\n\n"
        "세부 일정은 아래와 같다.\n- 접수는 3월이다\n- 기간은 2년\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"해양드론", "극지로봇", "심해자원"} <= fields and "기간은 2년" not in fields


def test_days_and_months_named_relative_to_the_articles_month(tmp_path, onto):
    text = (
        "DATE: 2024-12-20\n\n중기부는 스마트물류 기술개발사업 과제를 다음 달 6일부터 접수한다. "
        "사업 계획은 지난달 28일 확정됐고, 기술로드맵은 이달 말 발표한다.\n"
    )
    assert {"2025-01-06", "2024-11-28", "2024-12"} <= events(facts_of(tmp_path, onto, text))


def fundings(facts: FactSet) -> set[tuple[str, int]]:
    return {
        (n.props["name"], n.props["amountKrw"]) for n in facts.nodes.values() if n.cls == "Funding"
    }


def test_amounts_after_respectively_fund_the_items_in_order(tmp_path, onto):
    text = (
        "중소벤처기업부는 해양기업 성장지원 사업과 스마트물류 기술개발사업에 각각 100억원, "
        "50억원을 배정했다.\n"
    )
    assert fundings(facts_of(tmp_path, onto, text)) == {
        ("해양기업 성장지원 사업", 10_000_000_000),
        ("스마트물류 기술개발사업", 5_000_000_000),
    }


def test_respectively_with_more_items_than_amounts_keeps_the_nearest_target(tmp_path, onto):
    text = "중소벤처기업부는 갑 사업, 을 사업과 스마트물류 기술개발사업에 각각 100억원, 50억원을 배정했다.\n"
    assert {name for name, _ in fundings(facts_of(tmp_path, onto, text))} == {
        "스마트물류 기술개발사업"
    }


def test_an_amount_for_a_quoted_name_and_its_bare_head_funds_the_quoted_name(tmp_path, onto):
    text = "중소벤처기업부는 ‘해양혁신 바우처’ 사업에 50억원, '극지 도약' 프로그램에 20억원을 지원한다.\n"
    facts = facts_of(tmp_path, onto, text)
    assert fundings(facts) == {("해양혁신 바우처", 5_000_000_000), ("극지 도약", 2_000_000_000)}


def test_a_pair_that_completes_a_qualified_cue_before_it(tmp_path, onto):
    text = (
        "해양기술 로드맵의 요소기술은 수중음향 통신과 극저온 냉각으로 구성된다. "
        "유망 품목에는 해양 드론과 극지 로봇이 포함됐다. "
        "이 기술은 비용과 시간을 줄인다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert set(named(facts, "CoreTechnology")) == {"수중음향 통신", "극저온 냉각"}
    assert set(named(facts, "StrategicProduct")) == {"해양 드론", "극지 로봇"}


def test_one_item_made_one_of_a_kind_named_first_or_after_it(tmp_path, onto):
    text = (
        "해양기술 로드맵은 신규 전략품목으로 수중 글라이더를 선정했다. "
        "중기부는 극지 로봇을 전략품목으로 새로 지정했고, 이를 전략분야로 선정했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert set(named(facts, "StrategicProduct")) == {"수중 글라이더", "극지 로봇"}
    assert named(facts, "StrategicField") == {}


def test_a_count_closing_a_list_counts_the_lists_topic(tmp_path, onto):
    text = "해양기술 로드맵의 대상 분야는 해양에너지, 극지개발, 수산바이오 3개다.\n"
    facts = facts_of(tmp_path, onto, text)
    assert set(named(facts, "StrategicField")) == {"해양에너지", "극지개발", "수산바이오"}
    counts = {
        (n.props["value"], n.props["countedNoun"])
        for n in facts.nodes.values()
        if n.cls == "StatedFigure"
    }
    assert counts == {(3, "분야")}


def test_an_amount_after_a_bracketed_aside_funds_the_name_before_it(tmp_path, onto):
    text = "중소벤처기업부의 해양 전략기술개발사업(구 해양혁신사업)의 예산은 400억원이다.\n"
    assert fundings(facts_of(tmp_path, onto, text)) == {("해양 전략기술개발사업", 40_000_000_000)}


def test_small_triangle_bullets_list_items_and_their_parts_are_no_names(tmp_path, onto):
    text = (
        "해양기술 로드맵의 주요 핵심기술로는 ▴수중음향 통신 기술 ▴무인선 충돌탐지 및 회피 기술 "
        "▴극저온 냉각 기술 등이 선정되었다.\n"
    )
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert "무인선 충돌탐지 및 회피 기술" in technologies
    assert {"무인선 충돌탐지", "회피"}.isdisjoint(technologies)


def test_shorter_wordings_of_a_plan_are_one_edition(tmp_path, onto):
    text = (
        "DATE: 2031-01-29\n\n해양수산부는 29일 ‘제1차 해양과학기술 및 해양 산업 육성 종합계획’과 "
        "‘제1차 해양클러스터 기본계획’을 공개했다. 정부가 처음 수립한 해양 기술·산업 육성 "
        "종합계획이다. 이번 해양 종합계획은 5년마다 수립되는 기술로드맵이다.\n"
    )
    editions = {
        n.props["name"]: n.props
        for n in facts_of(tmp_path, onto, text).nodes.values()
        if n.cls == "RoadmapEdition"
    }
    assert set(editions) == {
        "제1차 해양과학기술 및 해양 산업 육성 종합계획",
        "제1차 해양클러스터 기본계획",
    }
    assert set(editions["제1차 해양과학기술 및 해양 산업 육성 종합계획"]["aliases"]) >= {
        "해양 기술·산업 육성 종합계획",
        "해양 종합계획",
    }


def test_a_quoted_clause_is_no_plan_and_a_slogan_is_not_part_of_its_name(tmp_path, onto):
    text = (
        "DATE: 2031-10-01\n\n중기부는 ‘앞으로 해양기술 로드맵 수립에 국민 참여를 늘려갈 계획’이라고 밝혔다. "
        "지난달 발표한 ‘돈이 되는 R&D, 해양벤처 R&D 혁신방안’을 토대로 한다.\n"
    )
    names = {
        n.props.get("name")
        for n in facts_of(tmp_path, onto, text).nodes.values()
        if n.cls == "RoadmapEdition"
    }
    assert "해양벤처 R&D 혁신방안" in names
    assert not any("늘려갈" in (name or "") or "돈이" in (name or "") for name in names)


def test_firms_that_qualify_the_noun_after_a_list_do_not_type_it(tmp_path, onto):
    text = (
        "중소벤처기업부는 기술로드맵에 따라 수중 센서, 해양 빅데이터 분석 등의 중소기업 기술개발을 "
        "지원하고, 무인관리 및 자동화 등의 기술역량을 보유한 중소기업을 육성한다. "
        "대상사업은 상용화기술개발(네트워크형, 구매조건부) 등이다.\n"
    )
    assert set(named(facts_of(tmp_path, onto, text), "Organization")) == {"중소벤처기업부"}


def test_a_run_of_markers_holds_two_lists_each_closed_by_its_cue(tmp_path, onto):
    text = (
        "해양기술 로드맵의 12개 분야는 4차산업혁명과 관련한 △수중로봇 △해양드론 △해양센서 등 "
        "3개 분야와 중소기업 성장기반과 관련한 △해양소재 △선박부품 등 2개 분야다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"수중로봇", "해양드론", "해양센서", "해양소재", "선박부품"} <= fields
    assert not any("등" in f for f in fields)


def test_a_field_cue_followed_by_technology_heads_a_list_of_technologies(tmp_path, onto):
    text = (
        "보고서는 해양기술 로드맵에 따라 해양드론, 해양센서 등 전략산업 분야 10종과 "
        "수중음향 통신, 극저온 냉각 등 경제안보 분야 기술 10종을 분석했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"해양드론", "해양센서"} <= set(named(facts, "StrategicField"))
    assert {"수중음향 통신", "극저온 냉각"} <= set(named(facts, "CoreTechnology"))
    assert "10종" not in named(facts, "CoreTechnology")


def test_a_one_dot_leader_joins_the_parts_of_a_listed_name(tmp_path, onto):
    text = "해양기술 로드맵은 해양에너지, 전력․원자력, 해상․항공수송 등 3개 분야를 담았다.\n"
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert {"해양에너지", "전력․원자력", "해상․항공수송"} <= set(fields)
    assert "전력" not in fields


def counted(facts: FactSet) -> set[tuple[float, str]]:
    return {
        (n.props["value"], n.props["countedNoun"])
        for n in facts.nodes.values()
        if n.cls == "StatedFigure"
    }


def test_counts_past_a_bound_a_verb_of_reaching_and_a_distributive(tmp_path, onto):
    text = (
        "해양특허청은 2억 5천만 건의 특허 빅데이터 가운데 100만 건 이상의 특허데이터를 분석해 "
        "기술로드맵을 만들었다. 해양특허청은 4억 8천만 건에 달하는 해양 특허정보를 보유하고 있고, "
        "로드맵은 매년 6개 분야씩 진행된다. 2015년 90건에 불과하던 해양 표준특허는 늘었다.\n"
    )
    assert {
        (250_000_000, "특허 빅데이터"),
        (1_000_000, "특허데이터"),
        (480_000_000, "해양 특허정보"),
        (6, "분야"),
        (90, "해양 표준특허"),
    } <= counted(facts_of(tmp_path, onto, text))


def test_a_bare_day_closing_a_range_is_in_its_first_days_month(tmp_path, onto):
    text = (
        "DATE: 2024-01-05\n\n스마트물류 기술개발사업은 다음 달 7일부터 14일까지 신청할 수 있다. "
        "설명회는 3월 4일~8일 열린다.\n"
    )
    dates = events(facts_of(tmp_path, onto, text))
    assert {"2024-02-07", "2024-02-14", "2024-03-04"} <= dates
    assert "2023-12-14" not in dates


def test_parts_listed_in_a_listed_programmes_bracket_are_its_sub_programmes(tmp_path, onto):
    text = (
        "중소벤처기업부의 대상사업은 해양혁신기술개발(수출형 과제, 혁신형 과제), "
        "해양창업기술개발(창업과제, 투자연계과제), 해양협력기술개발(R&D) 등이다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    programmes = named(facts, "Programme")
    assert {"수출형 과제", "혁신형 과제", "창업과제", "투자연계과제"} <= set(programmes)
    assert "R&D" not in programmes
    ids = {n.id: n.props["name"] for n in facts.nodes.values() if n.cls == "Programme"}
    parts = {(ids[r.start], ids[r.end]) for r in facts.rels.values() if r.prop == "partOfProgramme"}
    assert parts == {
        ("수출형 과제", "해양혁신기술개발"),
        ("혁신형 과제", "해양혁신기술개발"),
        ("창업과제", "해양창업기술개발"),
        ("투자연계과제", "해양창업기술개발"),
    }


def test_the_last_of_two_cue_nouns_heads_the_list(tmp_path, onto):
    text = (
        "해양기술 로드맵은 해양에너지, 극지개발, 수산바이오 등 20개 기술 분야의 동향을 담았고, "
        "수중음향 통신, 극저온 냉각 등 해양안보 분야 기술 10종을 분석했다.\n"
        "문의: 해양정책과 홍길동 과장(02-000-0000), 김철수 사무관\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"해양에너지", "극지개발", "수산바이오"} <= set(named(facts, "StrategicField"))
    assert {"수중음향 통신", "극저온 냉각"} <= set(named(facts, "CoreTechnology"))
    everything = {n.props.get("name") for n in facts.nodes.values()}
    assert not any(name and name.endswith(("과장", "사무관")) for name in everything)


def test_verbal_nouns_and_kinds_of_place_name_nothing(tmp_path, onto):
    text = (
        "중소벤처기업부는 해양 제품들의 시장성, 기술성 등을 분석, 최종 120개 전략제품을 선정했다. "
        "데이터센터와 우주센터 구축에 맞춰 산업별 전략위원회를 구성했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"분석", "최종"}.isdisjoint(named(facts, "StrategicProduct"))
    assert set(named(facts, "Organization")) == {"중소벤처기업부"}


def test_a_phase_or_a_kind_of_programme_is_no_name(tmp_path, onto):
    text = (
        "중소벤처기업부는 해양 클라우드 기술개발사업의 1단계 사업에 376억원을 투입하고 "
        "실증사업과 구축사업을 함께 추진한다.\n"
    )
    assert set(named(facts_of(tmp_path, onto, text), "Programme")) == {"해양 클라우드 기술개발사업"}


def test_companies_dotted_after_their_kind_and_institutions_inside_brackets(tmp_path, onto):
    text = (
        "중소벤처기업부 해양기술 로드맵 사업에는 △클라우드 기업 바다클라우드·NHN해양·KT클라우드 "
        "△반도체 기업 가온칩스가 참여한다. 매칭기관(해양기술보증재단·한국해양산학협회)의 추천을 "
        "받는다. 중소기업 해양드론·수중센서·극지로봇 분야도 지원한다.\n"
    )
    orgs = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert {"바다클라우드", "NHN해양", "KT클라우드", "해양기술보증재단", "한국해양산학협회"} <= orgs
    assert {"해양드론", "수중센서", "극지로봇"}.isdisjoint(orgs)


def test_a_blueprint_is_an_edition_only_as_a_series_the_reference_knows(tmp_path, onto):
    text = (
        "DATE: 2031-03-09\n\n특허청은 2030년 국가 특허전략 청사진 최종보고서를 발간했다. "
        "정부는 해양산업의 미래 청사진을 제시했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    editions = [n.id for n in facts.nodes.values() if n.cls == "RoadmapEdition"]
    assert editions == ["edition:국가특허전략청사진@2030"]


def test_a_yearly_programme_keeps_its_dated_wording_and_a_notice_after_its_name(tmp_path, onto):
    text = "해양수산부는 ‘2031년 해양기업 기술개발 지원사업 통합공고’를 냈다.\n"
    programmes = named(facts_of(tmp_path, onto, text), "Programme")
    assert (
        "2031년 해양기업 기술개발 지원사업" in programmes["해양기업 기술개발 지원사업"]["aliases"]
    )


def test_a_clause_between_etc_and_the_counted_cue(tmp_path, onto):
    text = (
        "정부는 해양기술 로드맵에서 수중음향 통신, 극저온 냉각 등 정책·투자의 핵심 대상이 될 "
        "총 50개의 중점기술을 정했다. 전문가, 연구자 등 58명의 위원과 17개 분석기관이 참여했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"수중음향 통신", "극저온 냉각"} <= set(named(facts, "CoreTechnology"))
    assert {"전문가", "연구자"}.isdisjoint(named(facts, "Organization"))


def test_an_aspect_after_a_count_leaves_the_noun_before_it_counted(tmp_path, onto):
    text = "보고서는 해양기술 로드맵에 따라 해양안보 분야 기술 10종의 현황을 진단했다.\n"
    assert (10, "기술") in counted(facts_of(tmp_path, onto, text))


def test_fields_each_counting_their_products(tmp_path, onto):
    text = "해양기술 로드맵은 해양에너지 분야 12개 품목, 극지개발 분야 8개 품목, 수산바이오 분야 5개 품목으로 구성됐다.\n"
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert fields == {"해양에너지", "극지개발", "수산바이오"}


def test_a_topic_pointed_back_to_lists_nothing(tmp_path, onto):
    text = (
        "해양기술 로드맵의 핵심인 이 기술은 스마트폰, 자동차, 가전제품 등 다양한 제품에 "
        "적용된다. 해당 분야는 반도체, 바이오, 에너지 등과 연계된다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    for cls in ("CoreTechnology", "StrategicProduct", "StrategicField"):
        assert {"스마트폰", "자동차", "가전제품", "반도체", "바이오"}.isdisjoint(named(facts, cls))


def test_a_ranking_lists_its_items(tmp_path, onto):
    text = (
        "해양기술 로드맵의 주요 분야별로는 해양에너지가 12개로 가장 많고 극지개발 8개, "
        "수산바이오 5개 순이었다. 국가별로는 미국이 40%로 가장 많고 일본 20%, 중국 15% 순이다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert set(named(facts, "StrategicField")) == {"해양에너지", "극지개발", "수산바이오"}


def test_a_release_style_range_of_days_with_their_weekdays(tmp_path, onto):
    text = "DATE: 2031-03-26\n\n해양혁신기술개발사업 접수기간은 4.1(월)~4.19(금)이다.\n"
    assert {"2031-04-01", "2031-04-19"} <= events(facts_of(tmp_path, onto, text))


def test_a_programme_name_spelled_with_spaces_keeps_its_topic(tmp_path, onto):
    text = (
        "기술로드맵에 따라 해양 드론 실증 기술 개발 사업에 120억원을 투입한다. "
        "극지장비 상용화 R&D 지원 사업에는 80개 기업이 참여한다. "
        "해양기술 분야 심해 탐사 기술 개발 사업도 새로 열린다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {"해양 드론 실증 기술 개발 사업", "극지장비 상용화 R&D 지원 사업"} <= programmes
    assert "심해 탐사 기술 개발 사업" in programmes  # no name starts with an area word
    assert not any(p.startswith("분야") for p in programmes)


def test_a_programme_described_by_a_clause_and_a_copula_is_no_name(tmp_path, onto):
    text = "기술로드맵에 따라 극지장비 분야는 현장 수요를 반영하는 맞춤형 R&D 전략 지원 사업이다.\n"
    assert not named(facts_of(tmp_path, onto, text), "Programme")


def test_a_list_that_is_commercialised_or_developed_lists_technologies(tmp_path, onto):
    text = (
        "기술로드맵에 따라 극지 분야는 빙하 관측 부이, 무인 항법 제어 등을 상용화하는 "
        "연구개발을 추진한다. 해양 분야는 수중 음향 통신, 선체 부식 진단 등을 개발하고 보급한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    technologies = set(named(facts, "CoreTechnology"))
    assert {"빙하 관측 부이", "무인 항법 제어", "수중 음향 통신", "선체 부식 진단"} <= technologies
    assert set(named(facts, "StrategicField")) == {"극지", "해양"}


def test_institutions_glued_together_by_a_lost_separator_are_split(tmp_path, onto):
    # a PDF's text often loses the dots between names; invented bodies, real shapes
    text = (
        "해양기술 로드맵을 심의한 위원회에는 해양재정부극지교통부심해정보원 등 3개 기관이 "
        "참여했다. 지방정부와 극지행정부도 함께했다.\n"
    )
    organizations = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert {"해양재정부", "극지교통부", "심해정보원", "극지행정부"} <= organizations
    assert not any(len(name) > 6 for name in organizations)
    assert "지방정부" not in organizations


def test_a_plan_with_a_two_digit_year_and_an_announced_short_form(tmp_path, onto):
    text = (
        "DATE: 2030-12-22\n\n해양부와 극지청은 ‘31년도 해양R&D사업 통합시행계획(이하 통합시행계획)’을 "
        "함께 공고한다고 밝혔다. 지금까지는 양 부처가 각각 통합시행계획을 공고했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    editions = {
        (n.props.get("name"), n.props.get("startYear"))
        for n in facts.nodes.values()
        if n.cls == "RoadmapEdition"
    }
    assert editions == {("해양R&D사업 통합시행계획", 2031)}


def test_a_counted_set_after_the_genitive_types_the_list(tmp_path, onto):
    text = (
        "해양부는 심해자원, 극지탐사 및 해양바이오의 3대 해양분야를 대상으로 해양기술 로드맵을 "
        "냈다. 올해 해양드론, 수중 통신의 2개 주력산업을 분석한다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"심해자원", "극지탐사", "해양바이오", "해양드론", "수중 통신"} <= fields


def test_one_marked_dotted_item_closed_by_etc_lists_its_parts(tmp_path, onto):
    text = (
        "해양기술 로드맵에 따라 센터는 △해양드론·심해로봇·극지장비 등 12대 신산업 "
        "△조선기자재·해양플랜트 등 5대 주력산업 △어민 생활 문제 등 분야별 동향을 분석한다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"해양드론", "심해로봇", "극지장비", "조선기자재", "해양플랜트"} <= fields
    assert not any("·" in f for f in fields)


def test_marked_items_named_as_what_they_are_chosen_to_be(tmp_path, onto):
    text = (
        "해양기술 로드맵은 전략분야를 12개에서 15개로 늘리고 ▲해양드론 ▲심해로봇 "
        "▲극지장비 등을 신규 전략분야로 추가했다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"해양드론", "심해로봇", "극지장비"} <= fields


def test_a_listed_item_may_hold_a_short_clause(tmp_path, onto):
    text = (
        "해양기술 로드맵은 수중 음향 통신, 위성을 이용한 선박 추적 기술 등 해양 유망기술 50개를 "
        "담았다. 위성을 이용한 해양 분야도 있다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    technologies = named(facts, "CoreTechnology")
    assert "수중 음향 통신" in technologies
    tracked = next(props for name, props in technologies.items() if name.startswith("위성을"))
    assert "위성을 이용한 선박 추적 기술" in {tracked["name"], *tracked.get("aliases", ())}
    assert not any(name.startswith("위성") for name in named(facts, "StrategicField"))


def test_the_year_something_began_dates_the_verb_that_says_so(tmp_path, onto):
    text = (
        "DATE: 2031-03-26\n\n해양기술 로드맵 사업은 원천특허를 찾는 사업으로 2019년부터 추진 중이다. "
        "해양청은 2017년부터 해양 특허분석 사업을 진행하고 있다. 로드맵은 2022년부터 2024년까지 "
        "추진하는 계획이다. 2030년부터 지원 규모를 늘린다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    kinds = {
        (n.props["eventDate"], n.props["eventKind"])
        for n in facts.nodes.values()
        if n.cls == "StatedEvent"
    }
    assert {("2019", "추진"), ("2017", "진행")} <= kinds
    assert not events(facts) & {"2022", "2030"}


def test_names_listed_in_a_sentence_a_statement_reads_are_kept(tmp_path, onto):
    # the statement's evidence is the whole sentence; the listed names are not inside a name
    text = (
        "DATE: 2031-01-27\n\n중소벤처기업부(이하 중기부)는 27일 `2031~2033년 중소기업 기술로드맵`을 "
        "발표했다.\n또한, 중기부는 대국민 브레인스토밍을 통해 발굴된 심해자원, 극지탐사, "
        "해양바이오 등 국민 생활 밀접 분야의 국민 제안품목 12개도 반영했다고 설명했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert any(n.cls == "PublicConsultation" for n in facts.nodes.values())
    assert {"심해자원", "극지탐사", "해양바이오"} <= set(named(facts, "StrategicField"))


def test_backticks_quote_like_quotation_marks(tmp_path, onto):
    text = (
        "해양기술 로드맵은 심해자원, 극지탐사, `해저 탄소 포집·저장(SCS)` 등 환경·에너지 관련 "
        "품목을 늘렸다. `해양드론 실증사업`에 40억원을 지원한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"심해자원", "극지탐사", "해저 탄소 포집·저장(SCS)"} <= set(
        named(facts, "StrategicProduct")
    )
    assert "해양드론 실증사업" in named(facts, "Programme")


def test_a_listed_cue_word_is_a_set_not_an_item(tmp_path, onto):
    text = "해양기술 로드맵의 신규 과제는 12대 국가전략기술 분야, 심해 자원 분야 등 전략 기술에 집중한다.\n"
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert "심해 자원" in fields and "국가전략기술" not in fields


def test_counts_of_a_changed_object_and_of_a_qualified_cue_word(tmp_path, onto):
    text = (
        "해양기술 로드맵은 전략분야를 12개에서 15개로 늘리고, 해저산업 분야 8개, "
        "극지산업 분야 7개 등 15개 분야를 선정했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    counts = counted(facts)
    assert {
        (12, "전략분야"),
        (15, "전략분야"),
        (8, "해저산업 분야"),
        (7, "극지산업 분야"),
    } <= counts


def test_a_quoted_yearly_programme_and_a_known_one_with_its_head_apart(tmp_path, onto):
    text = (
        "해양부가 ‘2031년 해양드론실증지원사업’의 시행 소식을 전했다. 올해 팁스 프로그램에는 "
        "창업팀이 신청할 수 있다. 해양청 소관 기술개발지원사업은 늘었다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    programmes = named(facts, "Programme")
    assert "해양드론실증지원사업" in programmes
    assert "2031년 해양드론실증지원사업" in programmes["해양드론실증지원사업"]["aliases"]
    assert "팁스 프로그램" not in programmes  # the reference programme 팁스
    assert not any(name.startswith("소관") for name in programmes)


def test_kinds_of_programme_are_no_names(tmp_path, onto):
    text = (
        "해양기술 로드맵에 따라 창업기업을 성장단계별로 나눈 맞춤형 프로그램으로 바꾸고, "
        "센터가 보유 중인 자체 프로그램과 성장단계별 사업을 잇는다.\n"
    )
    assert not named(facts_of(tmp_path, onto, text), "Programme")


def test_an_uncued_list_with_a_known_programme_lists_programmes(tmp_path, onto):
    text = (
        "해양기술 로드맵에 따라 창업기업을 나눠 프리해양팁스(Pre-MTIPS), 팁스, "
        "포스트해양팁스(Post-MTIPS)로 세분화한다. 해양드론, 심해로봇과 극지장비로 나눈다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {"프리해양팁스(Pre-MTIPS)", "포스트해양팁스(Post-MTIPS)"} <= programmes
    assert not {"해양드론", "심해로봇", "극지장비"} & programmes


def test_marked_items_without_a_cue_share_their_neighbours_head(tmp_path, onto):
    text = (
        "해양기술 로드맵의 극지 분야에서는 ▲빙하 관측 분석기술 ▲해빙 복원기술 ▲극지 배아, "
        "심해는 ▲심해 유전체 편집기술 ▲수압 모사기술 ▲차세대 심해백신이 있다. 연안은 "
        "▲갯벌 복원 장치 ▲연안 침식 감시 등 8가지다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    technologies = set(named(facts, "CoreTechnology"))
    assert {"빙하 관측 분석기술", "극지 배아", "차세대 심해백신", "연안 침식 감시"} <= technologies
    assert not any("심해는" in t or "있다" in t for t in technologies)
    assert "갯벌 복원 장치" in named(facts, "StrategicProduct")  # its own head wins


def test_a_distributive_topic_types_no_list(tmp_path, onto):
    text = (
        "해양기술 로드맵은 해양분야별로 정책 기획가, 연구자, 항해 전문가 등으로 위원회가 "
        "구성된다. 분야별로는 해양드론이 12개로 가장 많고 극지장비 8개, 심해로봇 5개 순이다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert not {"정책 기획가", "연구자", "항해 전문가"} & fields
    assert {"해양드론", "극지장비"} <= fields


def test_an_amount_that_says_how_much_a_budget_changed_is_a_change_not_the_budget(tmp_path, onto):
    text = (
        "해양기술 로드맵에 따라 해양드론실증지원사업에 올해보다 약 250억원 늘어난 1,302억원을 "
        "투자한다. 지원규모는 715억원으로, 지난해보다 86억원(13.7%) 늘어난 수치다.\n"
        "극지장비 예산은 전년도에 비해 약 40억원(6.8%)늘어난 것으로 집계됐다. "
        "국회 심의 과정에서 극지장비 예산 20억이 증액됐다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    fundings = [n for n in facts.nodes.values() if n.cls == "Funding"]
    budgets = {n.props["amountKrw"] // 100_000_000 for n in fundings if "basis" not in n.props}
    changes = {
        (n.props["amountKrw"] // 100_000_000, n.props["name"].split()[-1], n.props["basis"])
        for n in fundings
        if "basis" in n.props
    }
    assert budgets == {1302, 715}
    assert changes == {
        (250, "증가", "증감액"),
        (86, "증가", "증감액"),
        (40, "증가", "증감액"),
        (20, "증액", "증감액"),
    }
    # a change funds no programme: only the budget itself is the programme's
    funded = {
        facts.nodes[r.start].props["amountKrw"] // 100_000_000
        for r in facts.rels.values()
        if r.prop == "funds"
    }
    assert not {250, 86} & funded


def test_marked_items_each_funded_are_programmes(tmp_path, onto):
    text = (
        "해양기술 로드맵에 따라 올해 △해양 파트너십 기반의 수중센서 개발(36억원) "
        "△극지용 시뮬레이터 개발(76억원) △심해 탐색연구 지원(37억5000만원)에 각각 예산을 투입한다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert programmes == {
        "해양 파트너십 기반의 수중센서 개발",
        "극지용 시뮬레이터 개발",
        "심해 탐색연구 지원",
    }


def test_a_text_with_no_roadmap_fact_has_no_events_to_date(tmp_path, onto):
    # 사업 makes it look on topic; nothing in it is a roadmap, programme or field fact
    text = (
        "DATE: 2031-09-23\n\n아파트 매매가격이 0.1% 올랐다고 한국부동산원이 22일 밝혔다. "
        "재건축 사업 기대감이 커졌다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert not any(n.cls == "StatedEvent" for n in facts.nodes.values())
    assert not any("publishedDate" in n.props for n in facts.nodes.values())


def test_a_programmes_own_yearly_plan_is_no_edition(tmp_path, onto):
    text = (
        "DATE: 2031-01-13\n\n해양부는 ‘2031년 해양드론 창업팀 통합 지원계획’을 공고했다. "
        "‘해양기술 로드맵’도 함께 냈다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    editions = {n.props.get("name") for n in facts.nodes.values() if n.cls == "RoadmapEdition"}
    assert editions == {"해양기술 로드맵"}


def test_a_word_after_a_company_kind_that_goes_on_into_a_phrase_is_no_company(tmp_path, onto):
    text = "기술로드맵에 따라 해양 창업 사업(중소기업 기술이전 전용사업)을 추진한다.\n"
    assert "기술이전" not in named(facts_of(tmp_path, onto, text), "Organization")


def test_counts_of_a_topic_with_do_and_of_the_number_of_something(tmp_path, onto):
    text = (
        "해양기술 로드맵에 따라 운영사도 6곳 가량 추가할 계획이다. "
        "해양R&D 과제 수도 작년 186건을 기록했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    counts = counted(facts)
    assert counts == {(6, "운영사"), (186, "과제")}


def test_words_that_order_a_texts_points_are_no_part_of_a_field(tmp_path, onto):
    text = "해양기술 로드맵에서 마지막 극지분야에서는 빙하 관측을 다룬다.\n"
    assert set(named(facts_of(tmp_path, onto, text), "StrategicField")) == {"극지"}


def test_a_programme_name_runs_through_a_word_made_of_a_known_short_name(tmp_path, onto):
    # 기술개발 is a word of reference names; 기술개발과제 must stay one word of this name
    text = "중소벤처기업부는 올해 융합·도전적 기술개발과제 전담 지원사업을 새로 추진한다.\n"
    programmes = named(facts_of(tmp_path, onto, text), "Programme")
    assert "융합·도전적 기술개발과제 전담 지원사업" in programmes
    assert not any(
        n.endswith("기술") for n in named(facts_of(tmp_path, onto, text), "CoreTechnology")
    )


def test_a_word_ending_in_a_counterpart_noun_is_no_agency(tmp_path, onto):
    text = "중소벤처기업부는 국내수요처 및 해외구매처 연계 과제의 부담금을 낮춘다.\n"
    orgs = named(facts_of(tmp_path, onto, text), "Organization")
    assert "해외구매처" not in orgs and "국내수요처" not in orgs


def test_a_short_programme_name_used_as_an_everyday_noun_is_no_mention(tmp_path, onto):
    text = (
        "중소벤처기업부는 지속적인 기술혁신과 신제품의 상용화 및 확산을 돕는다. "
        "기업이 상용화를 앞당기도록 한다.\n"
    )
    assert named(facts_of(tmp_path, onto, text), "Programme") == {}
    text = "중소벤처기업부는 올해 기술혁신 사업에 500억원을 지원한다.\n"
    assert "기술혁신" in {
        n
        for p in named(facts_of(tmp_path, onto, text), "Programme").values()
        for n in (p["name"], *(p.get("aliases") or ()))
    }


def test_a_strategy_or_an_action_plan_is_an_edition_and_a_bare_one_is_not(tmp_path, onto):
    text = (
        "DATE: 2031-05-02\n\n과기정통부는 해양로봇 기술혁신 추진전략과 심해탐사 세부 이행계획을 "
        "발표했다. 부처별 추진전략과 세부 실행계획은 예산과 함께 하반기에 나온다.\n"
    )
    editions = [
        n.props.get("name")
        for n in facts_of(tmp_path, onto, text).nodes.values()
        if n.cls == "RoadmapEdition"
    ]
    assert sorted(editions) == ["심해탐사 세부 이행계획", "해양로봇 기술혁신 추진전략"]


def test_a_press_contact_line_lists_no_technologies(tmp_path, onto):
    text = (
        "과기정통부는 심해탐사 로드맵을 확정했다.\n"
        "문의: 해양기술과 김한결 과장(044-202-4711), 우주기술과 이솔 사무관(044-202-4712)\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert "해양기술" not in named(facts, "CoreTechnology")
    assert "우주기술" not in named(facts, "CoreTechnology")
    text = "과기정통부는 해양기술과 우주기술 등 2개 분야를 지원한다.\n"
    assert {"해양기술", "우주기술"} <= set(named(facts_of(tmp_path, onto, text), "StrategicField"))


def test_a_circled_number_that_opens_a_clause_lists_nothing(tmp_path, onto):
    text = "특허청은 ① 심해로봇 기술 ② 해저케이블 진단기술 ③ 분석된 기술을 공개한다.\n"
    techs = named(facts_of(tmp_path, onto, text), "CoreTechnology")
    assert "분석" not in techs
    assert {"심해로봇 기술", "해저케이블 진단기술"} <= set(techs)


def test_a_quoted_word_before_a_longer_noun_is_not_typed_by_its_first_half(tmp_path, onto):
    text = "‘소상공인’ 기술로드맵이 나왔다. ‘수중드론’ 기술을 개발한다.\n"
    techs = named(facts_of(tmp_path, onto, text), "CoreTechnology")
    assert "소상공인" not in techs
    assert "수중드론" in techs


def test_a_technology_phrase_naming_a_kind_of_body_is_no_technology(tmp_path, onto):
    text = "정부는 해양 분야 스타트업 육성·글로벌 스타트업 기술을 확보한다.\n"
    techs = named(facts_of(tmp_path, onto, text), "CoreTechnology")
    assert not any("스타트업" in name for name in techs)


def test_a_committee_named_only_by_what_it_does_is_no_organisation(tmp_path, onto):
    text = (
        "과기정통부는 심해기술 로드맵을 발표했다.\n"
        "과기정통부는 심해기술특별위원회를 열었다. 특별위원회는 운영위원회와 함께 "
        "심의조정위원회의 안건을 검토했다.\n"
    )
    orgs = named(facts_of(tmp_path, onto, text), "Organization")
    assert "심해기술특별위원회" in orgs
    assert not {"특별위원회", "운영위원회", "심의조정위원회"} & set(orgs)


def test_a_field_named_inside_a_phrase_before_what_is_done_in_it(tmp_path, onto):
    text = (
        "중소벤처기업부는 기술로드맵을 발표했다.\n"
        "정부는 해양드론 분야와 극지로봇 분야 창업에 가점을 주고, 심해광물 분야 스타트업을 "
        "돕는다. 첨단산업 분야 전반에 걸쳐 지원하고, 해저자원 분야 전용사업도 연다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert {"해양드론", "극지로봇", "심해광물"} <= set(fields)
    assert "첨단산업" not in fields and "해저자원" not in fields


def test_an_ordinal_is_part_of_the_name_it_opens(tmp_path, onto):
    text = (
        "중소벤처기업부는 기술로드맵을 발표했다.\n"
        "정부는 인공지능(AI)·헬스케어 등 4차 산업혁명 분야 창업을 돕는다. 4차 산업의 "
        "데이터를 쓴다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert "4차 산업혁명" in fields
    assert "산업혁명" not in fields and "4차" not in fields


def test_a_body_listed_among_institutions_is_one_too(tmp_path, onto):
    text = (
        "중소벤처기업부는 기술로드맵을 발표했다.\n"
        "한국심해과학기술원·한빛소재·한국해양평가관리원 등 500여명의 전문가가 참여했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    orgs = named(facts, "Organization")
    assert {"한국심해과학기술원", "한빛소재", "한국해양평가관리원"} <= set(orgs)
    assert "한빛소재" not in named(facts, "StrategicProduct")


def test_a_text_with_only_everyday_topic_words_and_no_technology_states_nothing(tmp_path, onto):
    text = (
        "해솔시장은 중소벤처기업부의 문화관광형 육성사업에 선정돼 체험 프로그램을 운영한다. "
        "문화체육관광부 장관상도 받았다.\n"
    )
    assert facts_of(tmp_path, onto, text).nodes == {}
    text = text.replace("체험 프로그램", "기술 체험 프로그램")  # one technology word: the domain
    assert "organization:중소벤처기업부" in facts_of(tmp_path, onto, text).nodes


def test_a_festival_a_province_chose_for_its_support_programme_is_no_roadmap_news(tmp_path, onto):
    text = (
        "윈터푸드 페스티벌은 도 공모사업인 겨울철 관광상품 운영 지원사업으로 선정된 행사로 "
        "이번 달 28일부터 29일까지 문화예술촌 일대에서 개최된다.\n"
    )
    assert facts_of(tmp_path, onto, text).nodes == {}


def test_a_development_verb_governs_the_technologies_coordinated_before_it(tmp_path, onto):
    text = (
        "정부는 올해 수송기기 기술로드맵을 발표했다. 이를 위해 셀모듈 냉각효율 향상기술(150Wh/kg), "
        "주행거리 연장을 위한 초경량 차체접합 기술을 집중 개발한다.\n"
    )
    techs = named(facts_of(tmp_path, onto, text), "CoreTechnology")
    assert {"셀모듈 냉각효율 향상기술", "초경량 차체접합 기술"} <= set(techs)
    assert not any("Wh" in name or "주행거리" in name for name in techs)


def test_a_listed_item_written_as_a_dotted_word_is_its_parts(tmp_path, onto):
    text = (
        "정부는 올해 심사 혁신 계획을 발표했다. 심사분야에서는 해양드론‧극지로봇‧심해자원 분야와 "
        "수소저장 분야를 우선 지원 대상으로 지정했다. 소재·부품·장비 분야와 수소저장 분야도 "
        "지원한다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert {"해양드론", "극지로봇", "심해자원", "수소저장"} <= set(fields)
    assert "해양드론‧극지로봇‧심해자원" not in fields
    assert "심사" not in fields  # an office's own work is no field of technology
    assert "장비" not in fields  # parts too generic to stand alone keep the whole


def test_a_quoted_list_of_programmes_sharing_one_head(tmp_path, onto):
    text = (
        "중기부는 올해 해양기업 지원 사업 계획을 발표했다. 해양 전문기업 육성 로드맵인 "
        "‘새싹기업 50, 도약기업 50, 선도기업 50 프로젝트’ 중 첫 번째 사업이다.\n"
    )
    programmes = named(facts_of(tmp_path, onto, text), "Programme")
    assert {"새싹기업 50", "도약기업 50", "선도기업 50"} <= set(programmes)
    assert "선도기업 50 프로젝트" in programmes["선도기업 50"]["aliases"]
    assert not any("," in name for name in programmes)


def test_a_number_before_a_programme_head_is_part_of_its_name(tmp_path, onto):
    text = (
        "중기부는 올해 기술개발 지원 사업 계획을 발표했다. 초격차 해양기업 500+ 프로젝트에서 "
        "발굴된 기업과 바다클래스 300 프로젝트에 참여한 기업 300 곳을 지원한다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {"초격차 해양기업 500+ 프로젝트", "바다클래스 300 프로젝트"} <= programmes
    assert "500+ 프로젝트" not in programmes


def editions_of(facts: FactSet) -> dict[str, str]:
    """Edition name → the name of the roadmap series it is an edition of."""
    names = {n.id: n.props.get("name") for n in facts.nodes.values()}
    return {
        names[r.start]: names[r.end]
        for r in facts.rels.values()
        if r.prop == "editionOf" and names.get(r.start)
    }


def test_a_version_after_a_plan_names_an_edition_of_its_series(tmp_path, onto):
    text = (
        "DATE: 2022-05-18\n\n과기정통부는 해양드론 기술개발 로드맵 2.0 공청회를 19일 개최한다고 "
        "밝혔다. 이번 로드맵은 2019 수립 로드맵의 목표치를 수정한다. 해양드론 로드맵은 법에 따른 "
        "법정 기본계획으로 분야별 투자 전략 기술로드맵을 담는다. 과제마다 연구개발 로드맵도 "
        "낸다.\n"
    )
    editions = editions_of(facts_of(tmp_path, onto, text))
    assert editions.get("해양드론 기술개발 로드맵 2.0") == "해양드론 기술개발 로드맵"
    for kind in ("수립 로드맵", "법정 기본계획", "분야별 투자 전략 기술로드맵", "연구개발 로드맵"):
        assert kind not in editions  # what any plan is, or one plan per field


def test_firms_listed_with_their_work_under_a_dotted_cue(tmp_path, onto):
    text = (
        "특허청은 올해 IP-R&D 지원 사업 결과를 발표했다. 특허청은 평가를 거쳐 "
        "바다큐브테크(해양 센서), 누리에프앤비(수중 드론) 등 12개 중소·중견기업과 "
        "한빛대 산학협력단(심해 통신 소재) 등 3개 대학·공공연구기관을 선정했다.\n"
    )
    orgs = named(facts_of(tmp_path, onto, text), "Organization")
    assert {"바다큐브테크", "누리에프앤비", "한빛대 산학협력단"} <= set(orgs)
    assert not any("(" in name for name in orgs)


def test_a_body_named_with_its_heads_title(tmp_path, onto):
    text = (
        "정부는 올해 기술개발 사업을 발표했다. 김하늘 해양드론정책연구센터장은 분석 결과를 "
        "발표했다. 한국심해기술진흥원장은 사업을 설명했다. 영업부장은 말을 아꼈다.\n"
    )
    orgs = named(facts_of(tmp_path, onto, text), "Organization")
    assert {"해양드론정책연구센터", "한국심해기술진흥원"} <= set(orgs)
    assert not any(name.endswith("장") for name in orgs)
    assert "영업부" not in orgs  # a department's head is no ministry's


def test_a_period_spelled_out_earlier_in_the_sentence_dates_the_plan(tmp_path, onto):
    text = (
        "DATE: 2020-12-10\n\n해양수산부는 2021년부터 2023년까지 향후 3년간 중소기업들이 "
        "개발해야 하는 '해양드론 기술로드맵' 대상으로 12개 제품을 선정했다. "
        "2030년까지 목표를 세운 '심해자원 기술로드맵'도 공개했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    editions = {
        n.props.get("name"): n.props for n in facts.nodes.values() if n.cls == "RoadmapEdition"
    }
    assert editions["해양드론 기술로드맵"]["startYear"] == 2021
    assert editions["해양드론 기술로드맵"]["endYear"] == 2023
    assert editions["심해자원 기술로드맵"]["startYear"] == 2020  # a deadline is no period


def test_a_cue_word_in_apposition_says_what_the_next_list_is(tmp_path, onto):
    text = (
        "해양수산부는 해양안보에 직결되는 거대해양 분야인 심해 탐사, 극지 항법과 해양 전환 시대 "
        "필수기반 기술인 수중통신, 해양로봇, 해양보안 등 총 5개 분야의 임무중심 전략로드맵을 "
        "수립했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    fields = set(named(facts, "StrategicField"))
    assert {"심해 탐사", "극지 항법", "수중통신", "해양로봇", "해양보안"} <= fields
    assert "거대해양" not in fields  # the kind of the fields named next
    assert not named(facts, "CoreTechnology")


def test_an_amount_spent_with_no_name_before_it_funds_its_sentences_programme(tmp_path, onto):
    text = (
        "DATE: 2022-05-18\n\n해양수산부는 해양드론 기술개발사업을 위해 전문가 의견을 모아 "
        "2024년부터 총 3000억원을 투입한다. 범부처 심해자원 예타사업은 6개 부처가 참여하는 "
        "사업이다.\n\n활용기반을 마련하는 데 중점을 둔 이 사업을 통해 7년간 총 1조원을 지원할 "
        "예정이다. 지난해 매출은 500억원이 투입된 것보다 많았다.\n"
    )
    funded = fundings(facts_of(tmp_path, onto, text))
    assert ("해양드론 기술개발사업", 300_000_000_000) in funded
    assert ("범부처 심해자원 예타사업", 1_000_000_000_000) in funded


def test_a_programme_printed_with_a_gloss_after_its_head(tmp_path, onto):
    text = (
        "특허청은 올해 표준특허 지원 사업을 발표했다. 전략을 패키지로 지원하는 점프-업 "
        "프로그램(Jump-up Program)을 신설한다. 또 심해 특허전략 지도 구축 사업(이하 지도 사업)을 "
        "추진한다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert "점프-업 프로그램" in programmes
    assert not any(name.endswith(")") for name in programmes)


def test_a_programme_named_after_a_plan_and_a_hanja_headline_name(tmp_path, onto):
    text = (
        "DATE: 2016-05-01\n\n'中企 기술로드맵' 공개\n\n중소기업청은 2016년부터 2018년까지의 "
        "'중소기업 기술로드맵'을 발표했다. 중기청은 2010년부터 중소기업 기술로드맵 사업을 "
        "진행하고 있다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    editions = [n.id for n in facts.nodes.values() if n.cls == "RoadmapEdition"]
    # one edition, the headline's and the release's; the programme since 2010 is none
    assert len(editions) == 1 and "2016" in editions[0]


def test_a_counted_noun_glued_to_its_counter(tmp_path, onto):
    text = (
        "정부는 올해 해양드론 기술개발사업을 추진한다. 해수부, 국토부 등 6개부처가 참여하는 "
        "사업으로 12개분야에서 과제를 고른다. 과제 375개(산학협력 268개·산연협력 107개)를 "
        "지원하고 800개사를 선정한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    counted = {
        (n.props["value"], n.props.get("countedNoun"))
        for n in facts.nodes.values()
        if n.cls == "StatedFigure"
    }
    assert {(6, "부처"), (12, "분야")} <= counted
    assert not any(noun and noun.startswith(("·", "사")) for _, noun in counted)


def test_a_short_name_defined_for_an_activity_names_no_body(tmp_path, onto):
    text = (
        "해양수산부는 기술로드맵에 따라 ‘2024년도 해양정보기술 연구개발(이하 OIT R&D) 전략포럼’을 12일 "
        "개최한다. 한국해양드론진흥원(이하 KMDA)은 포럼을 주관한다. 해수부는 OIT R&D 비전을 "
        "제시한다.\n"
    )
    orgs = named(facts_of(tmp_path, onto, text), "Organization")
    assert "한국해양드론진흥원" in orgs
    assert not any(name.endswith("연구개발") for name in orgs)


def test_topics_that_group_a_run_of_marked_technologies_name_fields(tmp_path, onto):
    text = (
        "정부는 해양 분야 미래유망기술을 발표했다. 심해해양 분야에서는 ▲수중 음향 분석기술 "
        "▲심해 압력 보정기술 ▲해저 케이블, 극지해양은 ▲빙하 두께 측정기술 ▲쇄빙 구조 설계기술이 "
        "있다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"심해해양", "극지해양"} <= fields
    assert not any(name.endswith("에서") for name in fields)


def test_a_budget_with_no_name_is_the_programme_named_last_before_it(tmp_path, onto):
    text = (
        "DATE: 2016-05-01\n\n해수부는 2012년부터 해양드론 기술개발 사업을 진행하고 있다. 올해 예산은 "
        "15억원이다.\n\n지난해 매출은 30억원이다.\n"
    )
    funded = fundings(facts_of(tmp_path, onto, text))
    assert ("해양드론 기술개발 사업", 1_500_000_000) in funded
    assert all(amount != 3_000_000_000 for _, amount in funded)


def test_a_listed_industry_keeps_the_wording_printed_with_its_cue(tmp_path, onto):
    text = (
        "특허청은 지난해 해양드론, 극지로봇·심해, 수중 음향 산업, 해저 케이블 등 4대 산업에 대해 "
        "특허 빅데이터를 분석해 제공했다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert "수중 음향 산업" in fields["수중 음향"]["aliases"]


def test_a_count_glued_to_its_counter_and_the_object_a_count_brings_to(tmp_path, onto):
    text = (
        "해양기술 로드맵은 지원 품목을 52개로 대폭 확대하고, 협력사 9개사와 함께 참여기업을 "
        "120개사로 늘린다.\n"
    )
    assert {(52, "지원 품목"), (9, "협력사"), (120, "기업")} <= counted(
        facts_of(tmp_path, onto, text)
    )


def test_a_body_quoted_in_several_words_takes_its_short_name(tmp_path, onto):
    text = (
        "해양수산부는 해양기술 로드맵에 따라 ‘국립 해양 드론 실증센터’를 열었다. 실증센터는 "
        "해양빅데이터센터와 함께 그린데이터센터 기술을 시험한다.\n"
    )
    orgs = named(facts_of(tmp_path, onto, text), "Organization")
    assert "실증센터" in orgs["국립 해양 드론 실증센터"]["aliases"]
    assert "실증센터" not in orgs
    assert "해양빅데이터센터" in orgs and "그린데이터센터" not in orgs


def test_a_year_a_practice_was_applied_from(tmp_path, onto):
    text = "DATE: 2022-05-01\n\n해양청은 2017년부터 해양로봇 기술개발 과제에 특허 전략을 적용해 왔다.\n"
    assert "2017" in events(facts_of(tmp_path, onto, text))


def test_a_dotted_area_of_two_syllable_words_is_one_field(tmp_path, onto):
    text = (
        "해양기술 로드맵은 건설‧교통‧물류 분야와 바이오‧인공지능‧첨단로봇 분야의 기술격차를 "
        "평가했다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"건설‧교통‧물류", "바이오", "인공지능", "첨단로봇"} <= fields
    assert not {"건설", "교통", "물류"} & fields


def test_an_adverb_in_a_misprinted_alias_stays_an_adverb(tmp_path, onto):
    # the reference data keeps a programme's misprinted alias ``특히 빅데이터 …``
    text = "해양기술 로드맵에 따르면 특히, 해양드론과 극지로봇 분야의 격차가 줄었다.\n"
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert "해양드론" in fields and "특히" not in fields


def test_a_pair_inside_one_pair_of_quotes_is_one_name(tmp_path, onto):
    text = (
        "해양기술 로드맵에서 ‘심해 탐사 로봇 및 수중통신기술(88.1%)’, ‘극지 관측기술(85.0%)’이 "
        "최고 수준에 근접한 기술로 평가됐다.\n"
    )
    techs = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert "심해 탐사 로봇 및 수중통신기술" in techs or "심해 탐사 로봇 및 수중통신" in techs
    assert "수중통신기술" not in techs and "심해 탐사 로봇" not in techs


def test_a_list_of_countries_names_no_field_or_technology(tmp_path, onto):
    text = (
        "해양기술 로드맵에 따르면 미국, 유럽연합(EU), 일본 등 주요국이 해양드론기술을 육성한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    names = set(named(facts, "CoreTechnology")) | set(named(facts, "StrategicField"))
    assert not {"미국", "유럽연합", "일본"} & names


def test_a_researchers_grade_and_a_centre_an_event_is_held_in_name_no_body(tmp_path, onto):
    text = (
        "해양수산부는 11일 해양드론센터에서 ‘해양기술 로드맵 설명회’를 연다. 토론에는 "
        "한국해양드론연구원 김해양 책임연구원이 참여한다. 극지로봇센터는 과제를 맡는다.\n"
    )
    orgs = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert {"한국해양드론연구원", "극지로봇센터"} <= orgs
    assert not {"해양드론센터", "책임연구원"} & orgs


def test_a_list_of_criteria_names_no_field(tmp_path, onto):
    text = (
        "해양기술 로드맵의 전략분야는 시장 성장성과 기술 파급효과, 해양 안보 가치 등을 기준으로 "
        "선정됐다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert not {"시장 성장성", "기술 파급효과", "해양 안보 가치"} & fields


def test_a_quoted_name_that_is_developed_is_a_technology(tmp_path, onto):
    text = (
        "해양기술 로드맵에 따라 2030년까지 ‘한국형 심해 탐사 플랫폼’을 개발하고 "
        "‘해양드론 실증사업’을 추진한다.\n"
    )
    techs = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert "한국형 심해 탐사 플랫폼" in techs and "해양드론 실증사업" not in techs


def test_an_offices_yearly_work_plan_is_no_roadmap_edition(tmp_path, onto):
    text = (
        "DATE: 2025-02-10\n\n해양청은 ‘2025년 주요업무 추진계획’과 ‘해양드론 기술로드맵’을 "
        "발표했다.\n"
    )
    editions = {name for name, _, _ in _editions(facts_of(tmp_path, onto, text))}
    assert not any("주요업무" in name for name in editions)
    assert any("해양드론" in name for name in editions)


def test_a_cue_pointing_back_to_another_set_does_not_type_a_list(tmp_path, onto):
    text = (
        "해양기술 로드맵 지원사업은 특허대응 전략, 신기술 창출, 연구 방향 정립 등 해당 기업에 "
        "필요한 전략 수립을 돕는다.\n"
    )
    orgs = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert not {"특허대응 전략", "신기술 창출", "연구 방향 정립"} & orgs


def test_an_amount_in_eok_without_won_that_is_spent(tmp_path, onto):
    text = "해양드론 기술개발사업에 총 360억 투입\n해양청은 4억 건의 특허를 분석했다.\n"
    funded = fundings(facts_of(tmp_path, onto, text))
    assert any(amount == 36_000_000_000 for _, amount in funded)
    assert all(amount != 400_000_000 for _, amount in funded)


def test_the_nation_before_a_cue_names_no_field(tmp_path, onto):
    text = "해양기술 로드맵에 따라 주요국은 해양드론 기술을 국가 전략 산업으로 육성한다.\n"
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert "국가 전략" not in fields


def test_a_name_opened_by_a_bare_figure_is_no_field(tmp_path, onto):
    text = "해양기술 로드맵 과제표\n시장대응형 147 55 40 유망 기술분야의 중소기업 기술개발 지원\n"
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert not any(name[0].isdigit() for name in fields)


def test_a_short_form_in_a_document_dated_to_a_month_names_the_body_of_then(tmp_path, onto):
    text = (
        "DATE: 2020-12\n\n산업통상자원부는 해양기술 로드맵을 발표했다. 특히 산업부는 해양드론 "
        "기술개발사업에 100억원을 투자한다.\n"
    )
    orgs = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert "산업통상자원부" in orgs and "산업통상부" not in orgs


def test_an_amount_with_no_name_before_it_funds_what_it_is_the_size_of(tmp_path, onto):
    text = (
        "정부가 해양기술 로드맵에 따라 총 40억원 규모의 해양드론 개발 자금을 지원한다. 해양 "
        "로봇은 3조원 규모의 시장을 이룬다.\n"
    )
    funded = fundings(facts_of(tmp_path, onto, text))
    assert ("해양드론 개발 자금", 4_000_000_000) in funded
    assert all(amount != 3_000_000_000_000 for _, amount in funded)


def test_a_pair_closed_by_etc_and_a_cue_is_a_list(tmp_path, onto):
    text = (
        "정부가 해양기술 로드맵을 발표했다. 오션드론랩과 딥씨로보틱스 등 해외 해양 기술 기업과 "
        "협력한다. 해양플랜트 중소기업과 극지항만산업 등 해양 분야 예산이 늘었다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"오션드론랩", "딥씨로보틱스"} <= set(named(facts, "Organization"))
    fields = set(named(facts, "StrategicField"))
    assert {"해양플랜트", "극지항만산업"} <= fields and "해양플랜트 중소기업" not in fields


def test_a_list_for_firms_is_no_list_of_firms(tmp_path, onto):
    text = (
        "해양청은 해양기술 로드맵 지원계획에서 지원규모 확대, 심사기간 단축, 지역 가점 상향 등 "
        "창업기업에 대한 지원안을 발표했다.\n"
    )
    orgs = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert not {"지원규모 확대", "심사기간 단축"} & orgs


def test_a_month_ongoing_work_began_dates_it(tmp_path, onto):
    text = "DATE: 2015-07-01\n\n해양청은 해양기술 로드맵에 따라 10월부터 해양드론 특허분석을 진행한다.\n"
    assert "2015-10" in events(facts_of(tmp_path, onto, text))


def test_a_standing_ministers_meeting_is_a_body(tmp_path, onto):
    text = "정부는 제3회 해양기술관계장관회의를 열어 해양기술 로드맵을 확정했다. 관계장관회의는 매달 열린다.\n"
    orgs = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert "해양기술관계장관회의" in orgs and "관계장관회의" not in orgs


def test_a_committee_named_by_its_subject_before_it(tmp_path, onto):
    text = (
        "해양기술자문회의 산하 제2회 해양드론 특별위원회가 해양기술 로드맵을 확정했다. "
        "대통령 직속 특별위원회로 운영되며 이번 특별위원회는 두 번째다.\n"
    )
    orgs = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert "해양드론 특별위원회" in orgs
    assert not {"직속 특별위원회", "이번 특별위원회", "특별위원회"} & orgs


def test_a_list_firms_develop_is_of_technologies_and_and_before_a_comma_joins_one_item(
    tmp_path, onto
):
    text = (
        "해양기술 로드맵에 따라 수중 음향 및 영상처리, 해양 빅데이터 분석 등의 중소기업 "
        "기술개발을 지원한다.\n"
    )
    techs = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert {"수중 음향 및 영상처리", "해양 빅데이터 분석"} <= techs
    assert "수중 음향" not in techs


def test_and_before_a_comma_joins_the_words_of_one_item(tmp_path, onto):
    text = "해양기술 로드맵의 전략분야는 심해 탐사 및 관측, 극지 항만, 해양 드론 등 3개다.\n"
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"심해 탐사 및 관측", "극지 항만", "해양 드론"} <= fields


def test_a_native_numeral_counts_and_types_a_list(tmp_path, onto):
    text = (
        "해양청은 해양기술 로드맵에 따라 △해양 드론 저변 확대 △극지 로봇 선제 투자 △심해 인프라 "
        "확충 세 분야로 나눠 지원한다. 해양드론, 극지로봇 등 두 가지 기술을 개발한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {(3, "분야"), (2, "기술")} <= counted(facts)
    assert {"해양 드론 저변 확대", "심해 인프라 확충"} <= set(named(facts, "StrategicField"))


def test_a_list_with_a_known_programme_under_a_field_cue_lists_its_tracks(tmp_path, onto):
    text = (
        "해양기술 로드맵에 따라 해양도약·해양전략형·팁스(TIPS) 3개 분야의 신규 과제 "
        "100개를 지원한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"해양도약", "해양전략형"} <= set(named(facts, "Programme"))
    assert not {"해양도약", "해양전략형"} & set(named(facts, "StrategicField"))


def test_a_list_in_brackets_after_bodies_counted_as_organisations(tmp_path, onto):
    text = (
        "해양청은 해양기술 로드맵에 따라 2대 국제 해양 기구(IMO, IHO) 및 주요 해양 기구(OGP, "
        "IMCA 등)에 표준특허를 제안했다.\n"
    )
    orgs = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert {"IMO", "IHO", "OGP", "IMCA"} <= orgs


def test_an_amount_funds_the_purpose_printed_before_it(tmp_path, onto):
    text = "해양청은 해양기술 로드맵을 발표했다. 해양 인력 양성을 위해서는 44억원을 투자한다.\n"
    funded = fundings(facts_of(tmp_path, onto, text))
    assert ("해양 인력 양성", 4_400_000_000) in funded


def test_an_amount_a_budget_is_set_at_funds_that_budget(tmp_path, onto):
    text = (
        "해양청은 해양기술 로드맵을 발표했다. 2027년 해양드론 R&D 예산을 역대 최대 규모인 "
        "2조2000억원으로 편성했다.\n"
    )
    funded = fundings(facts_of(tmp_path, onto, text))
    assert ("해양드론 R&D 예산", 2_200_000_000_000) in funded


def test_a_list_funded_as_research_is_of_technologies(tmp_path, onto):
    text = (
        "해양청은 해양기술 로드맵을 발표했다. 해양드론(47억 원), 해양통신(37억 원) 등 "
        "연구개발(R&D)에 총 84억 원을 투자한다.\n"
    )
    techs = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert {"해양드론", "해양통신"} <= techs


def test_a_root_written_in_one_word_with_a_noun_is_part_of_the_name(tmp_path, onto):
    text = (
        "해양청은 해양기술 로드맵을 발표했다. 해양 분야 기술이 대형 다단연소 사이클엔진, 해저 "
        "음향 센싱 등 핵심기술로 바뀌었다.\n"
    )
    techs = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert "대형 다단연소 사이클엔진" in techs


def test_quoted_terms_with_an_amount_name_no_programme_and_fund_nothing(tmp_path, onto):
    text = (
        "해양청은 해양기술 로드맵을 발표했다. 해양 스타트업에는 2241억원을 지원한다.지원 한도도 "
        "기존의 '최대 1년간 2억원 지원'에서 '최대 2년간 4억원 지원'으로 늘린다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert not [p for p in named(facts, "Programme") if "억원" in p]
    funded = fundings(facts)
    assert not [name for name, amount in funded if amount in (200_000_000, 400_000_000)]


def test_a_quote_opened_sentences_before_names_no_budget(tmp_path, onto):
    text = (
        '해양청은 해양기술 로드맵을 발표했다. "내년 예산에 반영될 수 있다"고 말했다. "1조원 '
        "해양 예타, 내년 반영 가능  우선 2026년까지 479억원을 투입해 해양드론을 개발한다.\n"
    )
    names = [name for name, _ in fundings(facts_of(tmp_path, onto, text))]
    assert not [n for n in names if "말했다" in n or "다." in n]


def test_a_bulleted_list_of_strategies_is_not_typed_by_whom_they_serve(tmp_path, onto):
    text = (
        "해양청은 해양기술 로드맵을 발표했다. 해양청은 △민간주도 해양 R&D 활성화, △해양 "
        "연구환경 개선 등 2대 추진전략을 통해 중소기업의 경쟁력을 높인다.\n"
    )
    orgs = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert not {"민간주도 해양 R&D 활성화", "해양 연구환경 개선"} & orgs


def test_what_an_amount_is_the_size_of_is_funded_not_the_sentences_topic(tmp_path, onto):
    text = (
        "해양청은 해양기술 로드맵을 발표했다. 해양수산부는 26일 총 1823억원 규모의 "
        "‘2027년 해양기술개발사업 통합공고’를 실시한다. 해양청은 52억원 규모의 해양드론 "
        "자금으로 지원한다.\n"
    )
    funded = fundings(facts_of(tmp_path, onto, text))
    assert ("2027년 해양기술개발사업 통합공고", 182_300_000_000) in funded
    assert ("해양드론 자금", 5_200_000_000) in funded


def test_a_cue_after_a_qualifying_word_types_the_list(tmp_path, onto):
    text = (
        "특허청은 해양기술 로드맵의 특허 빅데이터 분석을 발표했다. 해양드론, 수중통신 등 4차 "
        "해양혁명 8대 주요 기술과 다른 분야의 융합 동향을 분석했다.\n"
    )
    techs = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert {"해양드론", "수중통신"} <= techs


def test_a_rate_word_before_a_count_is_not_what_is_counted(tmp_path, onto):
    text = (
        "해양청은 해양기술 로드맵을 발표했다. 유망 해양기업을 선정해 일괄 지원한다(연 30개). "
        "연간 50건 미만이던 출원이 늘었다.\n"
    )
    nouns = {noun for _, noun in counted(facts_of(tmp_path, onto, text))}
    assert not {"연", "연간"} & nouns


def test_an_edition_is_dated_by_when_the_text_says_it_is_made(tmp_path, onto):
    text = (
        "DATE: 2018-12-18\n\n해양청은 해양기술 로드맵을 검토했다. 범정부 '해양경제 활성화 "
        "로드맵'을 내년 1월까지 수립한다. '해양경제 활성화 로드맵'을 수립 중이다. 2014년에는 "
        "해양청의 해양드론 전략기술 로드맵 수립 등 6개 과제를 지원했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    editions = {e.id for e in facts.nodes.values() if e.cls == "RoadmapEdition"}
    assert {"edition:해양경제활성화로드맵@2019", "edition:해양드론전략기술로드맵@2014"} <= editions
    assert (
        not {"edition:해양경제활성화로드맵@2018", "edition:해양드론전략기술로드맵@2018"} & editions
    )


def test_a_known_programme_before_who_runs_it_is_mentioned(tmp_path, onto):
    text = (
        "중기부는 해양 창업기업 R&D 지원사업을 공고했다. 스케일업 팁스 운영사와 프리팁스 추천 "
        "투자사에 가점을 준다.\n"
    )
    ids = {n.id for n in facts_of(tmp_path, onto, text).nodes.values() if n.cls == "Programme"}
    assert {"programme:스케일업팁스", "programme:프리팁스"} <= ids


def test_a_known_name_printed_with_a_space_inside_is_that_body(tmp_path, onto):
    text = "중기부와 중소기업 기술정보진흥원은 해양 창업기업 R&D 지원사업을 공고했다.\n"
    facts = facts_of(tmp_path, onto, text)
    ids = {n.id for n in facts.nodes.values() if n.cls == "Organization"}
    assert "organization:중소기업기술정보진흥원" in ids
    assert "기술정보진흥원" not in named(facts, "Organization")


def test_words_describing_a_listed_set_and_a_clause_verb_are_no_fields(tmp_path, onto):
    text = (
        "해양청은 해양기술 로드맵을 발표했다. 해양청은 투자연계형 과제를 해양 전용 지원사업으로 "
        "전환, 해양드론·수중통신 등 해양 피해 예상 분야에 대한 지원을 확대한다. 심해탐사, "
        "극지로봇 등 해양안보 분야에 집중한다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"해양드론", "수중통신", "해양안보"} <= fields
    assert not {"전환", "해양 피해 예상"} & fields


def test_a_typed_track_named_with_its_task_word_is_a_programme(tmp_path, onto):
    text = (
        "해양청은 해양기술 로드맵을 발표했다. 해양기술개발사업 중 투자연계형 과제(29억원)를 "
        "늘리고, 해양 강소기업 육성과제와 극지 융합형 과제를 신설한다. 신규 과제는 100개다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {"투자연계형 과제", "해양 강소기업 육성과제", "극지 융합형 과제"} <= programmes
    assert not {"신규 과제", "과제"} & programmes


def test_a_bulleted_list_under_a_bare_count_takes_the_set_named_before(tmp_path, onto):
    text = (
        "해양청은 해양기술 로드맵에 따라 '5대 해양전략기술 육성 방안'을 공개했다. "
        "해양전략기술이란 경쟁력 확보에 "
        "필요한 핵심 기술이다. 5가지는 △해양드론 △수중통신 △극지로봇 △심해탐사 △해양에너지 "
        "등이다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"해양드론", "수중통신", "극지로봇", "심해탐사", "해양에너지"} <= fields


def test_what_listed_bodies_work_on_in_brackets_names_technologies(tmp_path, onto):
    text = (
        "특허청은 해양기술 로드맵의 특허 빅데이터 분석을 발표했다. 특허청은 해양큐브(수중 음향센서), "
        "심해에프앤씨(극지 쇄빙 장비) 등 22개 기업과 바다테크(대표 홍길동)를 지원대상으로 "
        "선정했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"수중 음향센서", "극지 쇄빙 장비"} <= set(named(facts, "CoreTechnology"))
    assert "대표 홍길동" not in named(facts, "CoreTechnology")
    assert {"해양큐브", "심해에프앤씨"} <= set(named(facts, "Organization"))


def test_a_cue_four_words_after_a_list_types_it(tmp_path, onto):
    text = (
        "해양청은 해양기술 로드맵을 발표했다. 해양드론, 수중통신 등 파급 효과가 큰 미래 "
        "선도기술을 지원하는 별도 트랙을 신설한다.\n"
    )
    techs = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert {"해양드론", "수중통신"} <= techs


def test_a_range_of_months_dates_its_first_and_a_list_of_months_each(tmp_path, onto):
    text = (
        "DATE: 2027-01-13\n\n해양청은 해양기술 로드맵에 따른 지원계획을 발표했다. 해양드론 과제는 "
        "2·5·9월 신청을 받는다. 극지 과제는 5~6월 접수한다.\n"
    )
    dates = events(facts_of(tmp_path, onto, text))
    assert {"2027-02", "2027-05", "2027-09"} <= dates
    assert "2027-06" not in dates


def test_a_technology_secured_in_the_same_phrase_and_no_quality_named_as_one(tmp_path, onto):
    text = (
        "해양청은 해양기술 로드맵을 발표했다. 해양청은 해저 케이블 설치 기술과 해저 통신 기술 확보 "
        "등에 나선다. 초격차·융복합 기술 확보를 목표로 한다.\n"
    )
    techs = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert {"해저 케이블 설치 기술", "해저 통신 기술"} <= techs
    assert not {"초격차·융복합 기술", "초격차·융복합"} & techs


def test_a_committee_takes_the_dotted_subject_before_it_not_who_runs_it(tmp_path, onto):
    text = (
        "해양청은 해양기술 로드맵을 ‘제2차 해양·항만·극지 경쟁력위원회’에서 발표했다. "
        "민·관합동 해양경제추진위원회도 열렸다.\n"
    )
    orgs = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert "해양·항만·극지 경쟁력위원회" in orgs
    assert not {"경쟁력위원회", "민·관합동 해양경제추진위원회"} & orgs


def test_counts_of_a_topic_by_year_count_the_topic(tmp_path, onto):
    text = (
        "특허청은 해양기술 로드맵의 특허 빅데이터 분석을 발표했다. 해양드론 특허출원이 2008년 "
        "71건, 2009년 148건, 2010년 132건 등 늘었다.\n"
    )
    found = counted(facts_of(tmp_path, onto, text))
    assert {(71, "특허출원"), (148, "특허출원"), (132, "특허출원")} <= found


def test_a_defined_short_name_must_abbreviate_the_name_to_make_a_body(tmp_path, onto):
    text = (
        "가나다 선수는 2일 오후(이하 한국시각) 결승에서 금메달을 땄다. "
        "전국가구 시청률(이하 동일기준)은 40%였다. "
        "미래소재진흥원(이하 미진원)과 한국라마산업원(이하 KLMA)은 기술로드맵을 함께 만든다.\n"
    )
    orgs = named(facts_of(tmp_path, onto, text), "Organization")
    assert "오후" not in orgs and "시청률" not in orgs
    assert "미진원" in orgs["미래소재진흥원"]["aliases"]
    assert "KLMA" in orgs["한국라마산업원"]["aliases"]


def test_a_budget_word_funds_the_programme_named_before_it(tmp_path, onto):
    text = (
        "라마부는 올해 중소기업 기술로드맵을 발표했다.\n"
        "올해 라마성장기술개발사업의 지원예산은 188억원으로 늘었다.\n\n"
        "한편 라마도약사업도 시작된다.\n\n"
        "올해 지원예산은 총 54억원이다.\n"
    )
    assert fundings(facts_of(tmp_path, onto, text)) == {
        ("라마성장기술개발사업", 188 * 10**8),
        ("라마도약사업", 54 * 10**8),  # the last programme named, though not in its paragraph
    }


def test_an_amount_with_no_topic_funds_the_programme_of_the_sentence_before(tmp_path, onto):
    text = (
        "라마부는 올해 중소기업 기술로드맵을 발표했다.\n"
        "라마혁신개발사업은 단계별 R&D를 지원하는 사업이다. "
        "올해 779개 신규과제를 통해 117억원 예산을 지원할 계획이다.\n"
        "라마도약사업도 새로 열렸다. 지난해엔 총 120개 과제를 선정해 15억원을 지원한 바 있다.\n"
        "라마혁신개발사업은 계속된다. 참여 기업은 과제를 맡아 3억원을 투자해야 한다.\n"
    )
    assert fundings(facts_of(tmp_path, onto, text)) == {
        ("라마혁신개발사업", 117 * 10**8),
        ("라마도약사업", 15 * 10**8),  # a time word (지난해엔) is no topic of its own
    }  # 기업은 … 3억원: the sentence says who spends it


def test_a_short_programme_name_taking_a_particle_of_manner_is_an_everyday_noun(tmp_path, onto):
    text = (
        "중소벤처기업부는 기술혁신으로 성장을 견인한다. "
        "연구개발뿐 아니라 상용화까지 고려한 기술로드맵을 만든다.\n"
    )
    assert named(facts_of(tmp_path, onto, text), "Programme") == {}
    text = "중소벤처기업부는 올해 기술혁신에 500억원을 지원한다.\n"
    assert named(facts_of(tmp_path, onto, text), "Programme") != {}


def test_an_ordinal_glued_to_its_noun_opens_a_listed_name(tmp_path, onto):
    text = (
        "라마부는 올해 중소기업 기술로드맵을 발표했다. "
        "5개 분야는 라마공학, 3차전지, 원자력, 우주항공·해양이다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert {"3차전지", "원자력", "우주항공·해양"} <= set(fields)


def test_a_programme_named_with_and_without_its_support_word_is_one(tmp_path, onto):
    text = (
        "라마부는 올해 중소기업 기술로드맵을 발표했다. 라마부는 「라마지역 중소기업 도약 "
        "기술개발 지원 사업」을 공고했다. 라마지역 중소기업 도약 기술개발 사업은 2년간 이어진다.\n"
    )
    programmes = named(facts_of(tmp_path, onto, text), "Programme")
    full = "라마지역 중소기업 도약 기술개발 지원 사업"
    assert "라마지역 중소기업 도약 기술개발 사업" in programmes[full]["aliases"]
    assert "라마지역 중소기업 도약 기술개발 사업" not in programmes


def test_a_track_is_a_programme_when_quoted_or_named_after_a_known_one(tmp_path, onto):
    text = (
        "중소벤처기업부는 올해 중소기업 기술로드맵을 발표했다. 팁스 라마트랙의 지원단가는 올랐다. "
        "‘라마 스타트업 글로벌 트랙’을 신설한다. 부처연계 트랙과 기관추천 트랙도 신설했다.\n"
    )
    programmes = named(facts_of(tmp_path, onto, text), "Programme")
    assert {"팁스 라마트랙", "라마 스타트업 글로벌 트랙"} <= set(programmes)
    assert not any(p.endswith("연계 트랙") or p.endswith("추천 트랙") for p in programmes)


def test_a_gloss_inside_the_last_marked_item_keeps_the_list(tmp_path, onto):
    text = (
        "라마부는 올해 중소기업 기술로드맵을 발표했다. 취지에 맞는 △ 청정라마 △ 라마응용 "
        "△ 라마제약(자원)·의료기기 등의 분야가 해당된다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert {"청정라마", "라마응용", "라마제약(자원)·의료기기"} <= set(fields)


def test_a_list_after_looking_at_its_topic_is_typed_by_it(tmp_path, onto):
    text = (
        "라마부는 올해 중소기업 기술로드맵을 발표했다. 선정된 주요 미래 부상기술을 살펴보면 "
        "라마연료, 바이오 라마 및 라마 폴리머, 라마세라믹 등이 있다.\n"
    )
    techs = named(facts_of(tmp_path, onto, text), "CoreTechnology")
    assert {"라마연료", "바이오 라마 및 라마 폴리머", "라마세라믹"} <= set(techs)


def test_an_ordinal_glued_after_a_dot_stays_inside_the_name(tmp_path, onto):
    text = (
        "라마부는 올해 중소기업 기술로드맵을 발표했다. 유망기술은 라마융합 태양전지·3차전지 기술, "
        "라마연료 등이다.\n"
    )
    techs = named(facts_of(tmp_path, onto, text), "CoreTechnology")
    forms = {f for name, p in techs.items() for f in (name, *(p.get("aliases") or ()))}
    assert "라마융합 태양전지·3차전지 기술" in forms


def test_a_field_s_technologies_listed_under_a_strategic_technology_cue_are_technologies(
    tmp_path, onto
):
    text = (
        "라마부는 올해 기술로드맵을 평가했다. 라마·해양 분야 기술이 대형 라마엔진, 라마 관측 "
        "센싱, 라마 표면 탐사 등 미래·도전적인 국가전략기술로 바뀌었다. 라마공학, 라마소재, "
        "라마바이오 등 3대 국가전략기술에 투자한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    techs, fields = named(facts, "CoreTechnology"), named(facts, "StrategicField")
    assert {"대형 라마엔진", "라마 관측 센싱", "라마 표면 탐사"} <= set(techs)
    assert {"라마공학", "라마소재", "라마바이오"} <= set(fields)  # no subject: fields still


def test_areas_named_after_one_field_the_text_speaks_of_are_its_technologies(tmp_path, onto):
    text = (
        "정부는 라마기술 로드맵을 발표했다. 작업반은 라마컴퓨팅, 라마통신, 라마 센싱 등 "
        "3개 분야 기술분류체계를 도출했다. 또 첨단소재, 첨단부품 등 2개 분야와 "
        "보라생산, 보라저장 등 분야별 연구를 지원한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    techs, fields = named(facts, "CoreTechnology"), named(facts, "StrategicField")
    assert {"라마컴퓨팅", "라마통신", "라마 센싱"} <= set(techs)
    assert not {"라마컴퓨팅", "라마통신", "라마 센싱"} & set(fields)
    # a qualifier shared by fields, and a stem the text never names as an area: fields
    assert {"첨단소재", "첨단부품", "보라생산", "보라저장"} <= set(fields)


def test_a_dedicated_programme_named_only_as_dedicated_is_no_name(tmp_path, onto):
    text = (
        "라마부는 올해 기술개발사업 계획을 공고했다. 1인창조기업과 앱 관련 기업을 위한 전용 "
        "사업에도 120억원 규모가 배정됐다. 중국 진출 기업을 위한 전용사업을 확대하고, 수출 "
        "대상 특화지원사업도 신설한다. 라마소재 전용사업은 30억원이다.\n"
    )
    programmes = named(facts_of(tmp_path, onto, text), "Programme")
    assert not {"전용 사업", "전용사업", "대상 특화지원사업", "특화지원사업"} & set(programmes)
    assert "라마소재 전용사업" in programmes  # a dedicated programme named by its subject


def test_a_name_one_syllable_from_a_known_series_in_the_same_text_is_that_series(tmp_path, onto):
    text = (
        "DATE: 2014-02-18\n\n"
        "중소기업청은 유망기술 1404개를 제시한 '중소기업형 기술로드맵'을 18일 발표했다. "
        "중소기업 기술로드맵은 미래 유망기술 정보를 제공한다. 중소기업 기슬로드맵은 "
        "누리집에서 볼 수 있다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    editions = [n for n in facts.nodes.values() if n.cls == "RoadmapEdition"]
    roadmaps = {n.props.get("name") for n in facts.nodes.values() if n.cls == "Roadmap"}
    assert roadmaps == {"중소기업 기술로드맵"}  # no series of the misprint or the 형 form
    assert len(editions) == 1  # the document's year's edition, however it is spelt


def test_an_item_inside_a_list_may_hold_a_genitive(tmp_path, onto):
    text = (
        "라마부는 기술로드맵을 발표했다. 선정된 주요 미래기술을 살펴보면 라마연료, 라마의 "
        "전문 서비스용 로봇, 라마 섀시모듈 기술, 라마정밀소재 등이 있다.\n"
    )
    techs = named(facts_of(tmp_path, onto, text), "CoreTechnology")
    assert {"라마연료", "라마의 전문 서비스용 로봇", "라마정밀소재"} <= set(techs)
    assert "라마" not in techs


def test_a_subscript_digit_stays_in_the_name_it_is_printed_in(tmp_path, onto):
    text = (
        "라마부는 기술로드맵을 발표했다. 선정된 주요 미래기술을 살펴보면 라마연료, "
        "CO₂회수 및 저장 시스템, 라마정밀소재 등이 있다.\n"
    )
    techs = named(facts_of(tmp_path, onto, text), "CoreTechnology")
    assert {"라마연료", "CO₂회수 및 저장 시스템", "라마정밀소재"} <= set(techs)
    assert "CO" not in techs


def test_a_plan_named_only_by_a_count_and_a_plan_word_is_no_edition(tmp_path, onto):
    text = (
        "DATE: 2022-12-20\n\n라마부는 중소기업 기술로드맵에 따라 '4대 추진전략'을 마련했다. "
        "또 '3대 라마기술 초격차 전략'을 발표했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    roadmaps = {n.props.get("name") for n in facts.nodes.values() if n.cls == "Roadmap"}
    assert "4대 추진전략" not in roadmaps
    assert "3대 라마기술 초격차 전략" in roadmaps  # counted, and named by what it is about


def test_a_name_read_as_a_field_and_as_a_technology_is_the_field(tmp_path, onto):
    text = (
        "라마부는 기술로드맵을 발표했다. 라마반도체, 라마디스플레이, 차세대라마 등 3대 분야를 "
        "선정했다. 라마반도체, 라마디스플레이 등의 기술과 라마통신기술 등 핵심기술도 지원한다. "
        "또 라마통신, 보라소재 등 2개 분야를 키운다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    techs, fields = named(facts, "CoreTechnology"), named(facts, "StrategicField")
    assert {"라마반도체", "라마디스플레이", "라마통신"} <= set(fields)
    # the same name, or the name and 기술, is not a technology too
    assert not {"라마반도체", "라마디스플레이", "라마통신기술"} & set(techs)


def test_lists_one_after_another_each_take_their_own_counted_cue(tmp_path, onto):
    text = (
        "라마청은 기술로드맵을 발표했다. 라마지능(RI), 라마형 자동차 등 17대 신산업, "
        "라마조선·라마화학 등 10대 주력산업에 대해 동향을 분석한다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert {"라마지능(RI)", "라마형 자동차", "라마조선", "라마화학"} <= set(fields)
    assert not any(name.startswith("17대") for name in fields)


def test_goods_are_a_field_s_name_among_fields(tmp_path, onto):
    text = (
        "라마청은 기술로드맵을 발표했다. 라마수산식품, 부품, 라마에너지, 라마·항공 수송 등 "
        "5대 산업분야를 선정했다. 라마칩, 소재, 부품 등 12개 품목도 지원한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    fields, products = named(facts, "StrategicField"), named(facts, "StrategicProduct")
    assert {"라마수산식품", "부품", "라마에너지"} <= set(fields)
    assert "라마칩" in products and not {"소재", "부품"} & set(products)


def test_items_under_counted_areas_are_what_the_second_count_counts(tmp_path, onto):
    text = (
        "라마부는 기술로드맵을 발표했다. 라마 무기와 보라 추진제, 차세대 라마 플랫폼 등 미래에 "
        "대비한 10대 분야 30개 라마전략기술이 선정됐다. 라마뉴딜, 보라뉴딜 등 뉴딜 분야 170개 "
        "품목을 편성한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    techs, fields = named(facts, "CoreTechnology"), named(facts, "StrategicField")
    assert {"라마 무기", "보라 추진제", "차세대 라마 플랫폼"} <= set(techs)
    # areas not counted themselves stay areas, whatever count follows
    assert {"라마뉴딜", "보라뉴딜"} <= set(fields)


def test_a_technology_named_only_by_its_kind_or_its_goods_is_none(tmp_path, onto):
    text = (
        "라마부는 기술로드맵을 발표했다. 라마에너지 분야 핵심 원천기술을 확보하고, "
        "고출력‧고효율 자체 기술을 개발하며, 라마물품 기술을 개발한다. "
        "또 라마팩 에너지밀도 향상기술을 개발한다.\n"
    )
    techs = named(facts_of(tmp_path, onto, text), "CoreTechnology")
    assert "라마팩 에너지밀도 향상기술" in techs
    assert not [t for t in techs if t.endswith(("원천기술", "자체 기술", "물품 기술"))]


def test_a_sentence_topic_types_the_items_it_gives_area_by_area(tmp_path, onto):
    text = (
        "라마청은 기술로드맵을 발표했다. 올해 선정된 대표적인 유망기술로는 라마융합 분야에서 "
        "의료용 라마 기술과 수술 및 라마로봇 기술이 뽑혔고, 보라소재 분야에서는 라마 수송용 경량 "
        "금속 및 복합 소재, 라마 디스플레이용 전극 소재가 각각 선정됐다. 세부 전략기술로는 "
        "라마대응 분야에서 라마방어와 고위력 라마타격 등이 선정됐다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    techs = named(facts, "CoreTechnology")
    assert {
        "의료용 라마 기술",
        "수술 및 라마로봇 기술",
        "라마 수송용 경량 금속 및 복합 소재",
        "라마 디스플레이용 전극 소재",
        "라마방어",
        "고위력 라마타격",
    } <= set(techs)
    assert {"라마융합", "보라소재", "라마대응"} <= set(named(facts, "StrategicField"))
    # one printed item, one kind; and no piece of an item on its own
    assert not {"라마 디스플레이용 전극 소재"} & set(named(facts, "StrategicProduct"))
    assert "수술" not in techs


def test_dots_inside_a_bracket_gloss_one_name(tmp_path, onto):
    text = (
        "라마청은 기술로드맵을 발표했다. 라마주행차, 증강·라마현실(AR·VR), 보라에너지, 드론 "
        "4개 분야 과제를 지원한다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert "증강·라마현실(AR·VR)" in fields
    assert not [f for f in fields if f.count("(") != f.count(")")]


def test_a_field_printed_with_its_cue_keeps_that_wording(tmp_path, onto):
    text = "라마청은 기술로드맵을 발표했다. 라마기술 분야, 보라구축 분야 등 2개 분야를 키운다.\n"
    facts = facts_of(tmp_path, onto, text)
    aliases = {
        n.props["name"]: n.props.get("aliases", [])
        for n in facts.nodes.values()
        if n.cls == "StrategicField"
    }
    assert "라마기술 분야" in aliases["라마기술"] and "보라구축 분야" in aliases["보라구축"]


def test_what_a_technology_is_worth_or_lacks_names_none(tmp_path, onto):
    text = (
        "라마청은 기술로드맵을 발표했다. 라마 시장 개척을 위한 고부가가치 기술개발에 "
        "262억원을, 공백기술 확보에 10억원을 투자한다.\n"
    )
    techs = named(facts_of(tmp_path, onto, text), "CoreTechnology")
    assert not {"고부가가치 기술", "공백기술"} & set(techs)


def test_marked_items_under_the_word_programme_alone_are_programmes(tmp_path, onto):
    text = (
        "중기부는 기술로드맵을 냈다.\n"
        "라마사업은 △라마 개발 △보라 지원 등으로 구성된다.\n"
        "주요 사업으로는 ▲라마공장 구축 및 고도화 ▲보라데이터 인프라 구축 ▲라마 품질 기술개발 "
        "등이 있다.\n"
        "이번에 공고하는 사업은 △라마 탄소중립 선도모델개발 △라마 탄소중립 전환지원이다.\n"
    )
    programmes = named(facts_of(tmp_path, onto, text), "Programme")
    assert {
        "라마공장 구축 및 고도화",
        "보라데이터 인프라 구축",
        "라마 품질 기술개발",
        "라마 탄소중립 선도모델개발",
        "라마 탄소중립 전환지원",
    } <= set(programmes)
    # a named programme's items are its tasks
    assert not {"라마 개발", "보라 지원"} & set(programmes)


def test_items_each_given_an_amount_with_e_are_a_list(tmp_path, onto):
    text = (
        "라마부는 기술로드맵을 발표했다. 라마제조기반에 1,243억원, 보라융합기술에 1,206억원, "
        "라마·보라·누리에는 981억원 등 7대 산업기술 분야에 총 6,400억원이 투자된다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert {"라마제조기반", "보라융합기술"} <= set(fields)
    # a dotted item funded as one is one area
    assert "라마·보라·누리" in fields and "누리" not in fields


def test_growth_engines_listed_are_fields(tmp_path, onto):
    text = (
        "라마부는 기술로드맵을 발표했다. 라마주행차, 보라드론, 라마공간정보 등 미래 성장동력을 "
        "확충하기 위해 866억원을 투자한다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert {"라마주행차", "보라드론", "라마공간정보"} <= set(fields)


def test_one_amount_printed_twice_is_one_budget(tmp_path, onto):
    text = (
        "라마부, 라마혁신 선도기업육성 R&D에 1049억원 지원\n"
        "라마부는 기술로드맵에 따라 라마혁신 선도기업육성 R&D 참여기업을 모집한다. "
        "이번 공모는 총 1049억원 규모로 306개 과제를 선정한다. 라마 센터 연계형 과제(50억원) "
        "신설이 핵심이다. 전 과정을 일괄 지원하는 보라 프로그램(50억원)도 마련했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    amounts = [n.props["amountKrw"] for n in facts.nodes.values() if n.cls == "Funding"]
    assert amounts.count(104_900_000_000) == 1
    # the same amount for two tasks of their own is two budgets
    assert amounts.count(5_000_000_000) == 2


def test_a_duration_or_a_change_is_no_count(tmp_path, onto):
    text = (
        "라마청은 기술로드맵을 발표했다. 직전 3개년도 평균 300억원 이상을 운영하는 17개 부처가 "
        "참여한다. 올해는 전년대비 35개가 증가한 203개의 라마 과제를 지원하고, 지원기업을 "
        "100개 늘어난 800개사로 확대한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    values = {n.props["value"] for n in facts.nodes.values() if n.cls == "StatedFigure"}
    assert {17, 203, 800} <= values
    assert not {3, 35, 100} & values


def test_places_a_tour_stops_at_are_venues(tmp_path, onto):
    text = (
        "라마부는 기술로드맵 설명회를 연다. 18일 광주 라마컨벤션센터를 시작으로 19일 대전 "
        "라마대학교, 22일 부산 보라과학기술원에서 설명회를 진행한다. 앞서 19일 서울 "
        "라마정부위원회 대회의실에서 회의를 열었다.\n"
    )
    orgs = named(facts_of(tmp_path, onto, text), "Organization")
    assert not {"라마컨벤션센터", "라마대학교", "보라과학기술원"} & set(orgs)
    assert "라마정부위원회" in orgs  # the body whose room it is


def test_the_subject_of_the_whole_text_is_not_one_of_its_fields(tmp_path, onto):
    text = (
        "라마수산부는 라마수산 기술로드맵을 발표했다. 라마수산 분야 과학기술 정책의 최상위 "
        "계획이다. 라마수산 산업의 현안을 극복하고 라마수산 기반을 넓힌다. 라마수산 인력도 "
        "키운다. 또 보라소재 분야에서 협력한다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert "보라소재" in fields
    assert "라마수산" not in fields


def test_a_programme_glossed_by_a_known_abbreviation_is_the_known_programme(tmp_path, onto):
    text = (
        "라마청은 기술로드맵에 따라 '라마 기반 연구개발(IP-R&D) 전략지원 사업'을 공고했다. "
        "IP-R&D는 라마 기업의 특허 전략을 돕는다. 또 '23년 상반기 라마 기반 연구개발(이하 "
        "IP-R&D) 전략지원 사업'도 이어간다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    programmes = [n for n in facts.nodes.values() if n.cls == "Programme"]
    assert len(programmes) == 1  # a two-digit year and an 이하 gloss too
    assert programmes[0].props.get("extractionStatus") != "candidate"
    assert "라마 기반 연구개발(IP-R&D) 전략지원 사업" in programmes[0].props.get("aliases", [])


def test_an_item_typed_by_the_word_technology_printed_with_it(tmp_path, onto):
    text = (
        "라마부는 기술로드맵을 발표했다. 라마 공동주택 헬스케어 기술, 보라공간 빅데이터 "
        "분석기술 등 26개 과제에 991억원을 투입한다.\n"
    )
    techs = named(facts_of(tmp_path, onto, text), "CoreTechnology")
    assert {"라마 공동주택 헬스케어 기술", "보라공간 빅데이터 분석기술"} <= set(techs)


def test_what_is_said_about_a_kind_lists_no_members_of_it(tmp_path, onto):
    text = (
        "라마청은 기술로드맵을 발표했다. 특허·논문 등 기술 문헌 급증에 따라 조사 시간이 "
        "늘었다. 라마, 보라 등 기술 인력을 키운다. 누리, 나래 등 기술을 개발한다.\n"
    )
    techs = named(facts_of(tmp_path, onto, text), "CoreTechnology")
    assert {"누리", "나래"} <= set(techs)
    assert not {"특허", "논문", "라마", "보라"} & set(techs)


def test_items_that_are_a_field_s_goods_are_products(tmp_path, onto):
    text = (
        "라마부는 기술로드맵을 발표했다. 라마 프린팅용 합금분말, 보라전지 관련 신소재 등 "
        "신산업 분야의 소재·부품·장비 기술개발을 지원한다. 누리, 나래 등 신산업 분야를 "
        "키운다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    products = named(facts, "StrategicProduct")
    assert {"라마 프린팅용 합금분말", "보라전지 관련 신소재"} <= set(products)
    assert {"누리", "나래"} <= set(named(facts, "StrategicField"))


def test_a_plan_in_a_text_dated_only_to_a_year_is_of_that_year(tmp_path, onto):
    text = (
        "SOURCE: https://example.org/a\nDATE: 2011 (본문에 월 없음)\n\n"
        "라마부는 지난 26일 ‘라마산업기술로드맵’을 공유하는 웹 시스템을 공개했다. 금번 "
        "로드맵과 중단기적 로드맵도 함께 다룬다.\n"
    )
    editions = named(facts_of(tmp_path, onto, text), "RoadmapEdition")
    assert editions["라마산업기술로드맵"]["startYear"] == 2011
    assert not {"금번 로드맵", "중단기적 로드맵"} & set(editions)


def funding_by_amount(facts: FactSet) -> dict[int, dict]:
    """Each budget's properties by its amount in 억원."""
    return {
        n.props["amountKrw"] // 100_000_000: n.props
        for n in facts.nodes.values()
        if n.cls == "Funding"
    }


def test_last_years_amount_a_budget_is_compared_with_is_last_years_budget(tmp_path, onto):
    text = (
        "SOURCE: https://example.org/a\nDATE: 2018-03-02\n\n"
        "라마부는 라마기술 로드맵을 발표했다. 올해 라마개발 사업에 총 6042억원을 투입한다. "
        "올해 예산은 전년 6659억원 대비 9.3% 감소한 수준으로, 발사체 개발에 2024억원이 "
        "투입된다.\n\n"
        "보라 R&D자금 7150억원을 지원한다. 지난해 6288억원 보다 13.7% 늘어난 규모다.\n"
    )
    funding = funding_by_amount(facts_of(tmp_path, onto, text))
    assert funding[6659]["name"] == "라마개발 사업"
    assert funding[6659]["year"] == 2017
    assert funding[2024]["year"] == 2018  # 전년 dates only the amount it compares
    assert funding[6288]["name"] == "보라 R&D자금"
    assert funding[6288]["year"] == 2017


def test_a_text_about_promising_technologies_is_on_the_topic(tmp_path, onto):
    text = (
        "라마연구원은 8일 '10대 미래 유망기술'을 선정, 발표했다. 재검토를 거쳐 ▶라마 분석기술 "
        "▶보라 트랜지스터 ▶누리 송전기술을 10대 미래유망기술로 확정했다.\n"
    )
    techs = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert {"라마 분석기술", "보라 트랜지스터", "누리 송전기술"} <= techs


def test_marked_items_after_their_cue_and_로_are_of_that_kind(tmp_path, onto):
    text = (
        "라마부는 기술혁신 계획을 발표했다. 5대 전략투자 분야로 ▲ 라마수송 ▲ 개인 맞춤형 "
        "보라관리 ▲ 편리한 생활 ▲ 친환경 에너지를 선정했다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"라마수송", "개인 맞춤형 보라관리", "편리한 생활"} <= fields


def test_a_technology_said_only_by_how_many_or_how_new_names_none(tmp_path, onto):
    text = (
        "라마부는 기술로드맵을 발표했다. 개별 기술 개발과 복수 기술 개발을 지원하고 "
        "신제품·신기술 확보와 라마제조 기술 개발을 돕는다.\n"
    )
    techs = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert techs == {"라마제조 기술"}


def test_a_window_dates_the_event_its_clause_takes_as_object(tmp_path, onto):
    text = (
        "DATE: 2022\n\n라마청은 기술개발 사업의 올해 4차 신청·접수를 11월3일까지 진행한다. "
        "결과를 3일 검토했다.\n"
    )
    assert events(facts_of(tmp_path, onto, text)) == {"2022-11-03"}


def test_a_regional_office_of_two_cities_is_one_body(tmp_path, onto):
    text = (
        "[라마일보 기자] 대전·세종지방중소벤처기업청은 중소기업의 기술개발을 지원하는 "
        "사업을 공고했다. 라마부·보라청은 함께 지원한다.\n"
    )
    bodies = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert "대전·세종지방중소벤처기업청" in bodies
    assert {"라마부", "보라청"} <= bodies


def test_what_a_plan_means_to_reach_is_no_field(tmp_path, onto):
    text = (
        "라마부는 기술로드맵을 발표했다. 국가안보 유지, 미래 전장 선도, 라마경제 구현 등 "
        "3대 분야와 라온소재, 누리, 다솜 등 3대 분야를 제시했다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"라온소재", "누리", "다솜"} <= fields
    assert not {"국가안보 유지", "미래 전장 선도", "라마경제 구현"} & fields


def test_a_line_of_rnd_glossed_with_its_own_budget_is_a_programme(tmp_path, onto):
    text = (
        "라마청은 올해 기술개발 지원사업 계획을 발표했다. 창업기업의 성장기반 강화 "
        "(라마성장 R&D, 1,624억원)를 추진한다. 또 보라공정 R&D(312억원)를 신설하고 중소기업 R&D 확대.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {"라마성장 R&D", "보라공정 R&D"} <= programmes
    assert "중소기업 R&D" not in programmes


def test_the_last_marked_item_may_open_with_an_adjective(tmp_path, onto):
    text = (
        "라마부는 기술로드맵을 발표했다. 5대 전략분야로 ▲ 라마수송 ▲ 누리 제조 ▲ 편리한 "
        "생활을 선정했다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"라마수송", "누리 제조", "편리한 생활"} <= fields


def test_a_count_about_so_many_counts_the_noun_after_its_bound(tmp_path, onto):
    text = (
        "라마부는 기술로드맵을 발표했다. 우선 8개 안팎의 프로젝트를 선정하고 20개 남짓의 "
        "과제를 지원한다.\n"
    )
    counted = {(value, noun) for value, noun, _ in figures(facts_of(tmp_path, onto, text))}
    assert {(8, "프로젝트"), (20, "과제")} <= counted


def test_an_amount_after_how_a_budget_changed_is_that_budget(tmp_path, onto):
    text = (
        "라마부는 기술로드맵을 발표했다. 라마진흥원은 20일 라마 연구개발(R&D) 예산은 전년대비 "
        "2.6% 증액된 4,117억원이며, 총 14개 사업에 투자할 계획이라고 밝혔다.\n"
    )
    funding = {
        amount: props["name"]
        for amount, props in funding_by_amount(facts_of(tmp_path, onto, text)).items()
    }
    assert funding == {4117: "라마 연구개발(R&D) 예산"}


def test_an_amount_without_won_that_is_given_is_money(tmp_path, onto):
    text = "라마 소재화 등 라마산업 기술개발에 372억 지원\n\n라마부는 기술로드맵을 발표했다.\n"
    funding = {
        amount: props["name"]
        for amount, props in funding_by_amount(facts_of(tmp_path, onto, text)).items()
    }
    assert funding == {372: "라마산업 기술개발"}


def test_a_programme_named_before_what_is_done_to_it(tmp_path, onto):
    text = (
        "라마부는 기술로드맵을 발표했다. 라마 플래그십 프로젝트 착수 등 주요 사업을 준비하고, "
        "경진대회형 R&D 프로젝트 신설한다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {"라마 플래그십 프로젝트", "경진대회형 R&D 프로젝트"} <= programmes


def test_a_head_the_last_marked_name_keeps_does_not_retype_the_list_its_topic_types(tmp_path, onto):
    text = "이번에 선정된 미래유망기술은 ▲해양 드론 기술 ▲양자 센서 ▲자가치유 코팅 소재다.\n"
    facts = facts_of(tmp_path, onto, text)
    assert {"해양 드론 기술", "양자 센서", "자가치유 코팅 소재"} <= set(
        named(facts, "CoreTechnology")
    )
    assert not named(facts, "StrategicProduct")


def test_listed_actions_and_strategies_are_no_fields(tmp_path, onto):
    text = (
        "특허청 기술로드맵의 집중 분야는 해양 드론, 특허 정보 개방 확대, 분쟁대응 역량 강화 "
        "등이다. 지원형은 표준화 일반 전략, 연구개발 방향성, 수소 저장 등 전 분야를 지원한다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"해양 드론", "수소 저장"} <= fields
    assert not fields & {"특허 정보 개방 확대", "분쟁대응 역량 강화", "표준화 일반 전략"}
    assert "연구개발 방향성" not in fields


def test_task_forces_by_their_subject_and_names_with_r_and_d_glued_in(tmp_path, onto):
    text = (
        "특허청은 산하 R&D특허센터에 해양기술 추진단을 두고 공동 추진단도 꾸렸다. "
        "국가전략기술특허지원단이 기술로드맵을 낸다. 김한결 미래혁신본부장이 말했다.\n"
    )
    orgs = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert {"R&D특허센터", "해양기술 추진단", "국가전략기술특허지원단"} <= orgs
    assert not orgs & {"D특허센터", "공동 추진단", "추진단", "미래혁신본부"}


def test_listed_plans_are_no_fields(tmp_path, onto):
    text = (
        "8대 해양 기술분야는 해양과학기본계획, 수산혁신계획(블루 프로젝트) 등 정부 정책을 "
        "검토해 선정됐다. 5대 분야는 해양 드론, 수중 통신, 해양 바이오 등이다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"해양 드론", "수중 통신"} <= fields
    assert not any("계획" in name for name in fields)


def test_a_quoted_slogan_with_its_subject_is_no_programme(tmp_path, onto):
    text = (
        "중소벤처기업부가 기술로드맵을 내고 ‘세계를 여는 R&D’로의 전환을 추진하며 "
        "‘창업도약 R&D’를 신설한다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert "창업도약 R&D" in programmes
    assert "세계를 여는 R&D" not in programmes


def test_a_span_of_time_before_a_list_is_not_part_of_its_first_item(tmp_path, onto):
    text = "정부가 향후 10년간 조류발전, 해상풍력, 수소 등 16대 중점기술과 기술로드맵에 투자한다.\n"
    techs = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert {"조류발전", "해상풍력", "수소"} <= techs
    assert not any(name.startswith("간") for name in techs)


def test_an_amount_given_over_a_span_of_time_funds_what_its_sentence_is_about(tmp_path, onto):
    text = (
        "해양기술 로드맵이 나왔다. 심해탐사형 과제는 접수를 개시해 20개 과제를 선정하고 "
        "2년간 최대 5억원을 지원한다. 또 ‘해양 팁스 R&D’를 신설해 4년간 최대 60억원을 준다.\n"
    )
    funded = funding_by_amount(facts_of(tmp_path, onto, text))
    assert {amount: props["name"] for amount, props in funded.items()} == {
        5: "심해탐사형 과제",
        60: "해양 팁스 R&D",
    }


def test_an_amount_is_never_named_after_the_header_or_a_word_of_time_or_extent(tmp_path, onto):
    text = (
        "DATE: 2030-10-27\n\n정부가 2040년까지 총 105조원을 벌어들일 해양기술 로드맵을 냈다. "
        "해양드론사업은 과제당 기존 12억원에서 최고 30억원으로 늘고, 향후 3년간 7000억원이 "
        "해양드론사업에 들어간다.\n"
    )
    funded = funding_by_amount(facts_of(tmp_path, onto, text))
    assert {props["name"] for props in funded.values()} == {"해양드론사업"}


def test_a_company_printed_with_its_stock_code_is_a_body(tmp_path, onto):
    text = (
        "중소기업청 기술로드맵에 따라 한빛해양중공업(012345) 등 25개 수요처가 81개 과제를 냈다. "
        "과제당 2억원(100000)을 지원한다.\n"
    )
    orgs = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert "한빛해양중공업" in orgs
    assert not any(name.startswith("과제") or "원" in name for name in orgs)


def test_a_business_groups_company_is_a_body_and_modern_society_is_not(tmp_path, onto):
    text = (
        "산업부 기술로드맵에 따라 LG이노텍은 협력사와 공정을 분석하고, 두산로보틱스가 "
        "투자한다. 현대사회의 변화와 삼성동 일대도 다뤘고 현대모비스도 참여한다.\n"
    )
    orgs = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert {"LG이노텍", "두산로보틱스", "현대모비스"} <= orgs
    assert not orgs & {"현대사회", "삼성동"}


def test_a_year_and_the_beginning_it_dates(tmp_path, onto):
    text = (
        "DATE: 2031-01-05\n\n해양특허 창출지원 사업은 특허 확보 전략을 지원하는 사업으로 "
        "2020년 시작됐다. 해양기술세미나는 2016년 처음 시작했다. 2040년까지 특허를 늘린다.\n"
    )
    dates = events(facts_of(tmp_path, onto, text))
    assert {"2020", "2016"} <= dates
    assert "2040" not in dates


def test_programmes_listed_behind_bullets_or_commas_are_no_fields(tmp_path, onto):
    text = (
        "중소기업청 기술로드맵의 '해양기술 지원사업'은 ▷해양장비 고도화사업 ▷어항 스마트화 "
        "지원사업 ▷수산가공 기술개발 프로그램 등 3개 분야에 120억원을 투입한다. 항만물류개선사업, "
        "선박수리기술사업, 어선건조 프로그램 등 3대 분야를 지원한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    listed = {"해양장비 고도화사업", "어항 스마트화 지원사업", "수산가공 기술개발 프로그램"}
    assert listed <= set(named(facts, "Programme"))
    assert not set(named(facts, "StrategicField")) & (
        listed | {"항만물류개선사업", "선박수리기술사업", "어선건조 프로그램"}
    )


def test_a_quoted_clause_about_a_task_is_no_programme(tmp_path, onto):
    text = (
        '중소기업청 기술로드맵에 따라 해양 연구비 과제를 신설한다. 차관은 "해양 연구비 과제는 '
        "올해 처음 신설된 사업\"이라며 '해양장비 고도화사업'도 소개했다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert "해양장비 고도화사업" in programmes
    assert not any("신설" in name for name in programmes)


def test_a_span_of_time_before_a_number_counts_nothing(tmp_path, onto):
    text = (
        "산업부 기술로드맵에 따라 고용 규모는 향후 10년간 350만 명에 달할 것으로 보인다. "
        "3년 동안 120개 과제를 지원한다.\n"
    )
    nouns = {noun for _, noun in counted(facts_of(tmp_path, onto, text))}
    assert "과제" in nouns
    assert not nouns & {"간", "동안"}


def test_a_quoted_name_after_a_date_counts_as_one_word_before_its_event(tmp_path, onto):
    text = (
        "DATE: 2031-06-21\n\n중소기업청 기술로드맵에 따라 해양중소기업청은 22일 오후 2시 "
        "'2031년 하반기 해양중소기업 기술개발지원사업 설명회'를 연다.\n"
    )
    dates = events(facts_of(tmp_path, onto, text))
    assert "2031-06-22" in dates
    assert "2031" not in dates  # the half-year opens the name, it dates nothing


def test_a_window_closing_date_reaches_the_call_it_closes(tmp_path, onto):
    text = (
        "DATE: 2031-02-27\n\n특허청 기술로드맵에 따라 특허청은 오는 3월 16일까지 2031년 상반기 "
        "해양 특허 기반 연구개발(IP-R&D) 전략지원 사업 공모를 실시한다. 하반기 중 결과를 발표한다.\n"
    )
    dates = events(facts_of(tmp_path, onto, text))
    assert "2031-03-16" in dates


def test_a_counter_printed_one_space_after_its_number(tmp_path, onto):
    text = (
        "중기부 기술로드맵에 따라 해양 융자지원 사업을 통해 497 개 기업이 대출받았다. "
        "전략제품은 120 개다. 20 대 기업 총수도 참석했다.\n"
    )
    found = counted(facts_of(tmp_path, onto, text))
    assert {(497, "기업"), (120, "전략제품")} <= found
    assert not any(value == 20 for value, _ in found)


def test_a_date_that_opens_a_sentence_dates_its_predicate(tmp_path, onto):
    text = (
        "DATE: 2031-03-12\n\n특허청 기술로드맵에 따라 특허청은 해양 특허 분석을 확대한다. "
        "2030년 6월 특허청과 산업부는 주력산업의 특허 빅데이터를 분석하여 산업 경쟁력을 "
        "높이기 위해 해양빅데이터센터를 개소했다. 센터는 2040년 전국 10곳에서 "
        "분석 서비스를 제공하는 방안을 두고 협의해 설명했다.\n"
    )
    dates = events(facts_of(tmp_path, onto, text))
    assert "2030-06" in dates
    assert "2040" not in dates


def test_a_count_of_projects_is_no_programme(tmp_path, onto):
    text = (
        "산업부 기술로드맵에 따라 정부는 해양 신성장동력 10대 프로젝트와 3개 사업을 추진하고, "
        "해양 스마트항만 프로젝트도 시작한다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert "해양 스마트항만 프로젝트" in programmes
    assert not programmes & {"10대 프로젝트", "3개 사업"}


def test_a_list_included_in_a_counted_set_is_typed_by_it(tmp_path, onto):
    text = (
        "산업부 기술로드맵에 따라 정부는 해양로봇, 수중드론, 해저케이블 등이 포함된 19대 "
        "미래성장동력에 1조원을 투입한다. 심해광물, 해양바이오, 해양관광 등을 포함한 5개 분야도 키운다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"해양로봇", "수중드론", "해저케이블", "심해광물", "해양바이오"} <= fields


def test_a_sentence_that_goes_on_with_the_topics_areas(tmp_path, onto):
    text = (
        "특허청 기술로드맵에 따라 올해 미래 유망기술로는 해양 분야에서 수중 음향통신 기술과 "
        "심해 탐사로봇 기술이 뽑혔고, 극지 분야에서는 빙해 항법 기술이 각각 선정됐다.\n\n"
        "또 해저 분야에서는 심해 부식방지 소재, 해저 광케이블 모듈이 확정됐다.\n"
    )
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert {"수중 음향통신 기술", "빙해 항법 기술"} <= technologies
    assert {"심해 부식방지 소재", "해저 광케이블 모듈"} <= technologies  # what the topic says


def test_a_count_changed_from_one_year_to_another_counts_the_same_noun(tmp_path, onto):
    text = (
        "특허청 기술로드맵에 따라 해양 기술의 특허 출원은 2011년 3,215건에서 2021년 "
        "9,842건으로 늘었다.\n"
    )
    assert {(v, noun) for v, noun, _ in figures(facts_of(tmp_path, onto, text))} >= {
        (3215, "출원"),
        (9842, "출원"),
    }


def test_a_budget_word_is_named_after_what_it_is_spent_on(tmp_path, onto):
    text = (
        "특허청 기술로드맵에 따라 특허청의 내년 예산은 7,100억 원으로 확정됐다. 이 중 해양 "
        "특허 분석·보호에 투자되는 사업비는 올해보다 9억 원이 증가한 2871억 원으로 편성됐다.\n"
    )
    assert ("해양 특허 분석·보호", 287_100_000_000) in fundings(facts_of(tmp_path, onto, text))


def test_a_long_quoted_name_whose_short_form_is_a_series_names_its_edition(tmp_path, onto):
    text = (
        "DATE: 2031-11-10\n\n산업부는 ‘2032~2034년 해양기업 기술개발 단계별 실행안(이하 해양기술 "
        "전략로드맵)’으로 12개 분야를 선정했다. 해양기술 전략로드맵은 매년 발표한다.\n"
    )
    editions = [
        n for n in facts_of(tmp_path, onto, text).nodes.values() if n.cls == "RoadmapEdition"
    ]
    assert [(e.props["name"], e.props["startYear"]) for e in editions] == [
        ("해양기술 전략로드맵", 2032)
    ]


def test_a_count_before_the_work_done_on_it_counts_the_noun_before(tmp_path, onto):
    text = (
        "산업부 기술로드맵에 따라 해양 전략 품목 88개 기술개발에 900억원을 투입하고, "
        "신규품목 21개 R&D에도 투자한다.\n"
    )
    found = {(v, noun) for v, noun, _ in figures(facts_of(tmp_path, onto, text))}
    assert {(88, "전략 품목"), (21, "신규품목")} <= found
    assert not {noun for _, noun in found} & {"기술개발", "R&D"}


def test_a_dotted_item_listed_whole_with_commas_is_not_split_before_etc(tmp_path, onto):
    text = (
        "해양기술 로드맵에 따라 정부는 조선·해운, 수산가공, 항만물류 등 3대 분야를 정했다. "
        "조선·해운 등 분야가 새로 추가됐다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert "조선·해운" in fields
    assert not fields & {"조선", "해운"}


def test_one_example_of_a_set_described_before_its_count(tmp_path, onto):
    text = (
        "해양기술 로드맵에 따라 정부는 해양드론 등 미래 해양산업 분야 12개, 심해광물 등 "
        "해양 성장기반 8개 분야를 포함했다.\n"
    )
    assert {"해양드론", "심해광물"} <= set(named(facts_of(tmp_path, onto, text), "StrategicField"))


def test_an_amount_of_funds_goes_to_the_programme_its_sentence_supports(tmp_path, onto):
    text = (
        "DATE: 2031-02-20\n\n해양기술 로드맵에 따라 중소기업청은 '해양기업 실증지원사업'을 "
        "시행한다. 올해는 지난해보다 12.5% 증가한 약 820억원의 R&D 자금으로 약 300개의 "
        "해양기업 실증지원사업을 지원할 계획이다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    budgets = {
        (n.props["name"], n.props["amountKrw"], n.props.get("year"))
        for n in facts.nodes.values()
        if n.cls == "Funding"
    }
    assert ("해양기업 실증지원사업", 82_000_000_000, 2031) in budgets  # 지난해보다 compares


def test_a_development_line_written_as_one_word_with_its_own_budget_is_a_programme(tmp_path, onto):
    text = (
        "산업부 기술로드맵에 따라 해양심층수활용기술개발에 88억원을 투입하고, "
        "극지항로안전기술개발이 64억원으로 늘었다. 기술개발에 900억원을 쓴다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"해양심층수활용기술개발", "극지항로안전기술개발"} <= set(named(facts, "Programme"))
    assert "기술개발" not in named(facts, "Programme")
    assert not {"해양심층수활용기술", "극지항로안전기술"} & set(named(facts, "CoreTechnology"))


def test_a_quoted_counted_set_before_a_cue_is_no_field(tmp_path, onto):
    text = "산업부 기술로드맵에 따라 ‘7대 해양 선도 프로젝트’ 분야와 ‘스마트 항만’ 분야를 키운다.\n"
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert "스마트 항만" in fields
    assert "7대 해양 선도 프로젝트" not in fields


def test_a_budget_that_is_its_sentences_subject_is_named_with_its_quoted_name(tmp_path, onto):
    text = (
        "DATE: 2031-12-26\n\n산업부 기술로드맵에 따라 ‘7대 해양 선도 프로젝트’ 분야 기술개발 "
        "예산이 내년 R&D 총예산의 31%에 이르는 8120억원으로 편성됐다.\n"
    )
    assert ("7대 해양 선도 프로젝트 분야 기술개발 예산", 812_000_000_000) in fundings(
        facts_of(tmp_path, onto, text)
    )


def test_a_quoted_name_before_a_programme_head_is_the_programme(tmp_path, onto):
    text = (
        "중소벤처기업부 기술로드맵에 따라 올해 ‘해양기업 저리 대출’ 사업을 통해 40개 기업에 "
        "300억원을 지원했다.\n"
    )
    programmes = named(facts_of(tmp_path, onto, text), "Programme")
    assert "해양기업 저리 대출" in programmes
    assert "해양기업 저리 대출사업" in programmes["해양기업 저리 대출"]["aliases"]


def test_a_window_named_with_its_period_word_apart_dates_both_ends(tmp_path, onto):
    text = (
        "DATE: 2031-01-07\n\n중소벤처기업부는 2031년 해양기업 기술개발사업을 통합 공고한다고 "
        "밝혔다. 접수 기간은 9일부터 3월 6일까지이며, 온라인으로 신청할 수 있다.\n"
    )
    assert {"2031-01-09", "2031-03-06"} <= events(facts_of(tmp_path, onto, text))


def test_a_count_of_what_a_set_is_worth_counts_the_sentences_topic(tmp_path, onto):
    text = (
        "특허청 기술로드맵에 따라 해양 특허 분석을 확대한다. 해양 특허문헌은 전세계 연구 동향이 "
        "집약된 2억 3000만여 건의 가치가 높은 정보다.\n"
    )
    found = {(v, noun) for v, noun, _ in figures(facts_of(tmp_path, onto, text))}
    assert (230_000_000, "해양 특허문헌") in found


def test_a_qualifier_before_a_counter_that_is_its_own_noun_stays_with_it(tmp_path, onto):
    text = (
        "과학기술정보통신부 기술로드맵에 따라 한국, 노르웨이, 칠레 등 주요 3개국의 해양기술 "
        "수준을 비교했고, 유망 42개사가 참여했다.\n"
    )
    found = {(v, noun) for v, noun, _ in figures(facts_of(tmp_path, onto, text))}
    assert {(3, "주요 국가"), (42, "유망 기업")} <= found


def test_the_first_count_after_what_a_sentence_looks_at_counts_it(tmp_path, onto):
    text = (
        "특허청 기술로드맵에 따라 해양 기술의 전체 출원을 보면, 2013년 1,208건에서 2023년 "
        "4,517건으로 늘었다.\n"
    )
    found = {(v, noun) for v, noun, _ in figures(facts_of(tmp_path, onto, text))}
    assert {(1208, "출원"), (4517, "출원")} <= found


def test_a_modifier_opening_a_counted_noun_leaves_two_words_for_it(tmp_path, onto):
    text = "해양기술 로드맵에 따라 120여명의 관련 해양·극지 전문가가 참여했다.\n"
    found = {(v, noun) for v, noun, _ in figures(facts_of(tmp_path, onto, text))}
    assert (120, "관련 해양·극지 전문가") in found


def test_a_chair_named_with_a_hereafter_alias_is_no_list_of_fields(tmp_path, onto):
    text = (
        "해양수산부는 기술로드맵을 다듬는 ‘해양전략기술 위원회’(위원장 : 박해솔 "
        "해양기술혁신본부장, 이하 "
        "‘해양전략기술 특위’) 회의를 열고 심해탐사, 해양로봇, 극지장비 등 3대 해양전략기술을 "
        "확정했다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert {"심해탐사", "해양로봇", "극지장비"} <= set(fields)
    assert not {"박해솔 해양기술혁신본부장", "이하"} & set(fields)


def test_items_grouped_under_a_second_etc_are_not_the_count_after_it(tmp_path, onto):
    text = (
        "해양수산부 기술로드맵은 해양탐사 가속화, 국제 해양경쟁 등 환경변화 등을 고려하여 "
        "‘현 8대 해양전략기술’ 체계를 고도화한다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert not {"해양탐사 가속화", "국제 해양경쟁"} & set(fields)


def test_a_person_under_the_title_of_the_body_they_head_is_no_item(tmp_path, onto):
    text = "해양수산부 기술로드맵의 전략분야는 심해탐사, 김바다 해양기술혁신본부장이다.\n"
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert "심해탐사" in fields and "김바다 해양기술혁신본부장" not in fields


def test_a_gloss_in_brackets_after_a_firms_noun_names_no_firms(tmp_path, onto):
    text = (
        "해양수산부 기술로드맵에 따라 중소기업 연구개발(R&D)사업화 성공 비율을 높이고, "
        "중소기업 해양로봇·심해장비·극지소재 분야를 키운다.\n"
    )
    orgs = named(facts_of(tmp_path, onto, text), "Organization")
    assert not {"연구개발", "R&D", "사업화"} & set(orgs)


def test_a_head_glued_to_the_body_defining_a_short_name_is_the_body(tmp_path, onto):
    text = (
        "김바다 한국해양기술진흥원장(이하 해기원)은 기술로드맵 간담회를 열었다. 해기원은 "
        "올해 해양 R&D 전담기관으로 선정됐다.\n"
    )
    orgs = named(facts_of(tmp_path, onto, text), "Organization")
    assert "한국해양기술진흥원" in orgs and "해기원" in (
        orgs["한국해양기술진흥원"]["aliases"] or []
    )
    assert "한국해양기술진흥원장" not in orgs


def test_quoted_terms_of_support_without_won_name_no_programme(tmp_path, onto):
    text = (
        '"과제당 최대 150억 지원"…해양수산부, 해양 R&D 기술로드맵 시행계획 공고\n\n'
        "해양기업 생태계 혁신 '5년간 지원'\n\n해양수산부는 '심해 챌린지 프로젝트'를 공고했다. "
        "해양진흥원에서 수행하던 일부 사업을 이관받는다.\n"
    )
    programmes = named(facts_of(tmp_path, onto, text), "Programme")
    assert "심해 챌린지 프로젝트" in programmes
    assert not {"과제당 최대 150억 지원", "5년간 지원", "일부 사업"} & set(programmes)


def test_bullets_then_the_counted_set_they_make_after_ui(tmp_path, onto):
    text = (
        "해양수산부는 기술로드맵에서 △심해·탐사 △해양로봇·제어 △극지·소재의 3개 전략분야를 "
        "중심으로 과제를 고른다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"심해·탐사", "해양로봇·제어", "극지·소재"} <= set(named(facts, "StrategicField"))
    assert not named(facts, "StrategicProduct")


def test_labelled_groups_inside_a_counted_field_sets_bracket_are_fields(tmp_path, onto):
    text = (
        "각 사업은 심해, 극지 등 해양기술로드맵에서 도출된 9대 전략분야(심해기술: 해저광물, "
        "심해로봇 등, 극지: 쇄빙장비, 극지소재 등)를 지원 대상으로 한다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert {"심해", "극지", "해저광물", "심해로봇", "쇄빙장비", "극지소재"} <= set(fields)


def test_a_list_closed_by_its_count_of_programmes_names_programmes(tmp_path, onto):
    text = (
        "해양수산부 기술로드맵에 따라 이번 수요조사는 해양혁신, 심해·극지, 해양장비활용, "
        "해양기술이전사업 등 4개 사업을 포함한다.\n"
    )
    programmes = named(facts_of(tmp_path, onto, text), "Programme")
    assert {"해양혁신", "심해·극지", "해양장비활용", "해양기술이전사업"} <= set(programmes)


def test_counts_glossing_shares_and_passive_filings_count_the_right_noun(tmp_path, onto):
    text = (
        "특허청 기술로드맵에 따라 해양 특허를 분석했다. 해양로봇은 1천240건이 출원돼 "
        "9.1% 상승했다. 출원인 유형별로는 대기업이 21.5%(3천105건), 대학·공공연 "
        "12.0%(412건)로 늘었다. 심해장비 출원수는 4.2% 증가(2천77건) 했다.\n"
    )
    found = {(v, noun) for v, noun, _ in figures(facts_of(tmp_path, onto, text))}
    # a kind of applicant's count in 건 is of its filings
    assert {(1240, "출원"), (3105, "특허출원 (대기업)"), (412, "특허출원 (대학·공공연)")} <= found
    assert not any(noun == "증가" for _, noun in found)


def test_quoted_items_listed_and_closed_by_their_counted_cue(tmp_path, onto):
    text = (
        "해양수산부 기술로드맵의 20개 해양기술은 ‘깨끗하고 안전한 바다 조성’, ‘해양 신산업 "
        "창출’, ‘극지 진출 확대’ 등 3대 분야에서 선정됐다. ‘바다를 지키는 해양’, ‘함께 여는 "
        "미래’ 등 2대 비전도 세웠다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert {"깨끗하고 안전한 바다 조성", "해양 신산업 창출", "극지 진출 확대"} <= set(fields)
    assert not {"바다를 지키는 해양", "함께 여는 미래"} & set(fields)  # a vision is no cue


def test_a_clauses_result_a_whole_set_and_studies_are_no_fields(tmp_path, onto):
    text = (
        "해양수산부가 기술로드맵에 따라 해양 특허를 분석한 결과, 해양드론, 해양로봇 등 주요 "
        "해양 분야를 중심으로 출원이 늘었다. 해양로봇은 전체 기술 분야 중 가장 많다. 올해는 "
        "해양 유망 기술 발굴, 특허-해양 연계 분석, 해양 산업 경쟁력 제고 등 분야별로 진행한다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert {"해양드론", "해양로봇"} <= set(fields)
    assert not {"결과", "전체 기술", "해양 유망 기술 발굴", "특허-해양 연계 분석"} & set(fields)


def test_a_domains_science_and_technology_is_no_core_technology(tmp_path, onto):
    text = "해양수산부 기술로드맵은 해양과학기술을 확보하고 심해 무인잠수정 제어기술을 개발한다.\n"
    techs = named(facts_of(tmp_path, onto, text), "CoreTechnology")
    assert "심해 무인잠수정 제어기술" in techs and "해양과학기술" not in techs


def test_where_a_person_studied_and_an_aim_are_no_entities(tmp_path, onto):
    text = (
        "박해솔 한국해양전략개발원 신임 원장이 취임했다. 박 원장은 한바다대학교 행정학과를 "
        "졸업하고, 푸른대학교 행정학 석사 학위를 받았다. 한국해양전략개발원은 해양 기술로드맵 "
        "성과를 높인다는 목적 아래 사업을 펼치고 있다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    orgs = named(facts, "Organization")
    assert "한국해양전략개발원" in orgs
    assert not {"한바다대학교", "푸른대학교"} & set(orgs)
    assert "목적 아래 사업" not in named(facts, "Programme")


def test_a_list_chosen_as_a_set_takes_its_class_over_the_last_items_head(tmp_path, onto):
    text = (
        "해양수산부 기술로드맵에서 정부는 심해 자원 개발, 해양바이오, 차세대 해양관측 기술 등을 "
        "'전략적 3대 해양산업'으로 선정했다. 3대 산업 육성 정책과 3대 산업 관련 특허도 늘었다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    fields = named(facts, "StrategicField")
    assert {"해양바이오", "차세대 해양관측 기술"} <= set(fields)
    assert not named(facts, "CoreTechnology")
    nouns = {noun for v, noun, _ in figures(facts) if v == 3}
    assert not {"산업 육성", "산업 관련"} & nouns


def test_a_kind_word_and_a_case_marker_are_no_list_items(tmp_path, onto):
    text = (
        "해양수산부 기술로드맵은 심해, 극지 등 3개 핵심기술과 해양관광, 해양레저 등 2대 신규 "
        "정책분야를 지원한다. △심해의 경우 해저광물, 심해로봇 등 부문이 대상이다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    fields = named(facts, "StrategicField")
    assert {"해양관광", "해양레저", "해저광물", "심해로봇"} <= set(fields)
    every = {n.props.get("name") for n in facts.nodes.values()}
    assert not {"핵심기술", "경우 해저광물"} & every


def test_an_off_topic_release_defining_a_short_name_states_nothing(tmp_path, onto):
    text = (
        "보도자료\n(문화관광부) 매력 있는 관광자원 개발\n작성일 2031-04-16\n"
        "문화관광부(장관 가나다, 이하 문관부)는 공모를 통해 지역관광 사업지 3곳을 선정했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert not named(facts, "Organization")
    assert not any(n.props.get("publishedDate") for n in facts.nodes.values())


def test_a_bulleted_items_cue_repeated_by_the_lists_count_is_no_part_of_it(tmp_path, onto):
    text = "해양수산부 기술로드맵은 ▲해양드론 ▲심해바이오 ▲해양관광 산업 등 3개 산업을 꼽았다.\n"
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert {"해양드론", "심해바이오", "해양관광"} <= set(fields)
    assert fields["해양관광"]["aliases"] == ["해양관광 산업"]


def test_an_amount_without_won_that_a_budget_is_set_to_is_a_budget(tmp_path, onto):
    text = (
        "해양기술 로드맵에 따라 내년도 해양 연구개발(R&D) 예산은 320억원 증가된 2조1450억으로 "
        "확정됐다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    amounts = {
        n.props["amountKrw"] // 100_000_000
        for n in facts.nodes.values()
        if n.cls == "Funding" and "basis" not in n.props  # not the change (320억원 증가된)
    }
    assert amounts == {21450}


def test_councils_and_task_forces_keep_the_subject_words_before_them(tmp_path, onto):
    text = (
        "해양수산부는 기술로드맵 이행을 위해 ‘범부처 해양 R&D 협의체’를 꾸렸다. 심해자원 "
        "해양과학계 협의체가 출범했다. 해수부는 R&D 해양기획단을 신설했다. 범부처 "
        "해양드론정책협의회가 열렸다. 전문가 협의체와 민·관 연구 협의체도 만든다.\n"
    )
    orgs = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert {
        "범부처 해양 R&D 협의체",
        "심해자원 해양과학계 협의체",
        "R&D 해양기획단",
        "범부처 해양드론정책협의회",
    } <= orgs
    assert not {"해양기획단", "해양드론정책협의회", "전문가 협의체", "민·관 연구 협의체"} & orgs


def test_kinds_domains_and_spaced_activities_are_no_technologies(tmp_path, onto):
    text = (
        "해양수산부 기술로드맵의 해양수산과학기술, 해양드론 통신기술, 해저 매핑기술 등의 기술이 "
        "있다. 심해 무인잠수정 제어기술, 후보해역 도출, 관측망 구축 등 3대 기술도 다룬다. "
        "보고서에는 ▲해양 기술 현황 ▲미래 유망기술 등이 실렸다. 정부는 원천기반기술과 단계별 "
        "기술을 개발한다.\n"
    )
    techs = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert {"심해 무인잠수정 제어기술", "해양드론 통신기술", "해저 매핑기술"} <= techs
    assert (
        not {
            "후보해역 도출",
            "관측망 구축",
            "해양수산과학기술",
            "미래 유망기술",
            "원천기반기술",
            "단계별 기술",
        }
        & techs
    )


def test_glued_activity_words_may_end_a_field(tmp_path, onto):
    text = (
        "해양수산부 기술로드맵의 해양 분야는 해양WMD대응, 해양 기반구축, 해양 수요 대응 등 3개 "
        "분야로 나뉜다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"해양WMD대응", "해양 기반구축"} <= fields and "해양 수요 대응" not in fields


def test_a_programme_phrase_in_apposition_to_a_quoted_name_is_its_wording(tmp_path, onto):
    text = (
        "해양 강소기업 육성사업인 '해양클래스 100' 기업에 대한 기술로드맵 R&D 예산이 "
        "확대된다. '해양클래스 100' 선정 기업은 50개사다.\n"
    )
    programmes = named(facts_of(tmp_path, onto, text), "Programme")
    assert set(programmes) == {"해양클래스 100"}
    assert programmes["해양클래스 100"]["aliases"] == ["해양 강소기업 육성사업"]


def test_an_amount_of_budget_is_the_budget_of_who_the_sentence_is_about(tmp_path, onto):
    text = (
        '해수부 기술로드맵. 해수부는 "이를 위해 올해 역대 최대 규모인 2조3150억원의 예산을 '
        '편성했다"고 밝혔다.\n'
    )
    facts = facts_of(tmp_path, onto, text)
    funding = {
        n.props["amountKrw"] // 100_000_000: n.props["name"]
        for n in facts.nodes.values()
        if n.cls == "Funding"
    }
    assert funding == {23150: "해수부 예산"}


def test_the_parts_of_a_counted_whole_count_its_noun(tmp_path, onto):
    text = (
        "중기부는 기술로드맵에 따라 올해 과제를 뽑는다. 상반기에는 도약형(300개), 혁신형(40개) "
        "등 모두 340개 과제를 선정한다. 선정된 과제는 분야별로 정밀화학 12개, 첨단 세라믹 소재 "
        "5개, 전력기기 2개 등이다. 특허 출원은 한국이 500건으로 일본(900건), 미국(700건)에 "
        "이어 3위다.\n"
    )
    found = {(v, noun) for v, noun, _ in figures(facts_of(tmp_path, onto, text))}
    # the whole's noun after the parts, and what the sentence breaks down by field
    assert {(300, "도약형 과제"), (40, "혁신형 과제"), (340, "과제")} <= found
    assert {(12, "정밀화학 과제"), (5, "첨단 세라믹 소재 과제"), (2, "전력기기 과제")} <= found
    # a count smaller than the parts is a peer, not their whole
    assert not any(noun.endswith(" 한국") for _, noun in found), found


def test_a_list_of_fields_restated_under_a_technology_cue_stays_fields(tmp_path, onto):
    text = (
        "정부는 조선, 철강 등 6대 분야의 기술로드맵을 세웠다. 이에 따라 조선, 철강, 섬유, "
        "석유화학, 가전, 기계 등 6개 기술을 중점 개발한다. 또 압연, 용접 등 2개 기술도 지원한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"조선", "철강", "섬유", "석유화학", "가전", "기계"} <= set(
        named(facts, "StrategicField")
    )
    # a list that shares no member with the fields keeps its own cue
    assert {"압연", "용접"} <= set(named(facts, "CoreTechnology"))


def test_universities_listed_by_their_short_names_with_their_regions(tmp_path, onto):
    text = (
        "중기청은 기술로드맵에 따라 부산대(동남권), 전남대(호남권), 강원대(강원권) 등 "
        "거점 대학을 연구마을로 지정했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"부산대", "전남대", "강원대"} <= set(named(facts, "Organization"))
    # where a body is, is no technology it works on
    assert not {"동남권", "호남권", "강원권"} & set(named(facts, "CoreTechnology"))


def test_a_far_year_leading_a_plans_name_is_its_horizon_not_its_edition(tmp_path, onto):
    text = (
        "DATE: 2025-03-02\n\n산업부는 '2040 수소 산업기술 로드맵'을 연내 수립한다. "
        "또 2026 수소 실증 로드맵을 발표했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    editions = {
        e.props["name"]: e.props["startYear"]
        for e in facts.nodes.values()
        if e.cls == "RoadmapEdition"
    }
    # made this year, aiming at 2040; a year close to the document's is the edition's
    assert editions == {"수소 산업기술 로드맵": 2025, "수소 실증 로드맵": 2026}


def test_tasks_counted_with_the_noun_itself(tmp_path, onto):
    text = "중기부는 기술로드맵에 따라 내년에 모두 700과제를 선정하고, 도약형은 총 120과제다.\n"
    found = {(v, noun) for v, noun, _ in figures(facts_of(tmp_path, onto, text))}
    assert {(700, "과제"), (120, "과제")} <= found


def test_the_first_count_of_a_range_counts_the_noun_after_it(tmp_path, onto):
    text = "중기부 기술로드맵의 컨소시엄은 최소 3개에서 최대 5개의 세부과제를 수행한다.\n"
    found = {(v, noun) for v, noun, _ in figures(facts_of(tmp_path, onto, text))}
    assert {(3, "세부과제"), (5, "세부과제")} <= found
    assert not any(noun in ("최소", "최대") for _, noun in found)


def test_the_parts_of_a_breakdown_by_field_are_fields(tmp_path, onto):
    text = (
        "중기부 기술로드맵 과제 선정 결과다. 선정된 과제는 분야별로 정밀화학 12개(40%), "
        "해양플랜트 9개(30%), 전력기기 9개(30%) 등이다. 지역별로 서울 5개, 부산 4개다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"정밀화학", "해양플랜트", "전력기기"} <= set(named(facts, "StrategicField"))
    assert not {"서울", "부산"} & set(named(facts, "StrategicField"))


def test_a_programmes_short_name_used_as_an_everyday_noun_is_no_mention(tmp_path, onto):
    text = (
        "중기부 기술로드맵에 따라 수소연료전지 상용화에 대한 기대가 크다. 우수 특허가 "
        "상용화될 수 있도록 돕는다.\n"
    )
    assert not named(facts_of(tmp_path, onto, text), "Programme")
    # the programme itself, funded by a ministry, is still one
    funded = facts_of(tmp_path, onto, "중기부 기술로드맵. 중기부 상용화에 300억원을 투입한다.\n")
    assert named(funded, "Programme")


def test_work_in_an_area_a_manner_and_a_count_inside_name_no_field(tmp_path, onto):
    text = (
        "특허청 기술로드맵은 경제, 사회적, 문화적 분야의 변화를 살폈다. 또 소재 산업화, "
        "바이오 R&D 등 2개 분야와 신약 바이오부문 5개 과제, 진단기기 등 2개 분야를 다룬다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert not {"사회적", "문화적", "소재 산업화", "바이오 R&D"} & fields
    assert not any("5개" in name for name in fields)


def test_items_each_printed_as_a_technology_are_technologies_under_a_field_cue(tmp_path, onto):
    text = (
        "특허청 기술로드맵 분석 결과 주요 기술분야는 배터리 소재기술(40.1%), 셀 조립기술"
        "(30.2%), 열관리 제어기술(10.5%) 등이다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"배터리 소재기술", "셀 조립기술", "열관리 제어기술"} <= set(
        named(facts, "CoreTechnology")
    )
    assert not {"배터리 소재기술", "셀 조립기술"} & set(named(facts, "StrategicField"))


def test_an_ordinal_opens_a_programmes_name_and_a_programmes_state_is_none(tmp_path, onto):
    text = (
        "과기정통부 기술로드맵에 따라 4차 산업혁명 대응 드론보안핵심 기술 개발 사업을 추진한다. "
        "종료사업과 확대 사업은 따로 관리한다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert "4차 산업혁명 대응 드론보안핵심 기술 개발 사업" in programmes
    assert not {"종료사업", "확대 사업"} & programmes


def test_filings_counted_part_by_part_in_a_patent_text_are_filings(tmp_path, onto):
    text = (
        "특허청 기술로드맵 분석에서 드론 특허 출원이 늘었다. 주요 출원인으로는 한국기계연구원"
        "(57건, 8.1%), 두산로보틱스(21건, 3.0%) 및 한화시스템(14건, 2.0%)이 있다.\n"
    )
    found = {(v, noun) for v, noun, _ in figures(facts_of(tmp_path, onto, text))}
    assert {
        (57, "특허출원 (한국기계연구원)"),
        (21, "특허출원 (두산로보틱스)"),
        (14, "특허출원 (한화시스템)"),
    } <= found


def test_items_marked_under_a_heading_line_take_its_cue(tmp_path, onto):
    text = (
        "중기부는 기술로드맵에 따라 초격차 스타트업을 육성한다.\n"
        "□ 5대 신산업 분야\n"
        "① 시스템반도체 ② 바이오·헬스 ③ 미래 모빌리티 ④ 로봇 ⑤ 양자기술\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"시스템반도체", "바이오·헬스", "미래 모빌리티", "로봇", "양자기술"} <= fields


def test_marked_items_as_many_as_a_set_named_before_them_are_its_members(tmp_path, onto):
    text = (
        "과기부 기술로드맵에 따라 정부는 4대 전략산업으로, 3년간 1조원을 들여 △클라우드 "
        "△정보보안 △디지털콘텐츠 △빅데이터 등을 육성한다. 또 2대 과제로 △인력 △인프라를 둔다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"클라우드", "정보보안", "디지털콘텐츠", "빅데이터"} <= fields


def test_a_documents_day_is_a_stated_date_only_when_its_text_prints_it(tmp_path, onto):
    from stkg.ingest.evaluation.predicted import facts_from_nodes, rows_from_factset

    def dates(body: str) -> list[str]:
        facts = facts_of(tmp_path, onto, "DATE: 2031-07-13\n\n" + body)
        assert any(n.props.get("publishedDate") for n in facts.nodes.values())  # kept as metadata
        return [d.date for d in facts_from_nodes(rows_from_factset(facts, onto)).dates]

    # the header alone dates the file: the text states no date
    assert dates("중소벤처기업부는 올해 기술혁신개발사업에 1200억원을 지원한다.\n") == []
    # the text prints the day (its announcement): a date it states
    printed = "중소벤처기업부는 13일 올해 기술혁신개발사업에 1200억원을 지원한다고 전했다.\n"
    assert dates(printed) == ["2031-07-13"]


def test_a_budget_in_eok_without_won_that_a_budget_amounts_to(tmp_path, onto):
    text = (
        "DATE: 2031-01-20\n\n"
        "올해 중소기업 연구개발(R&D) 지원액이 역대 최대 규모인 1조 4550억에 달한다. "
        "지난해(1조1010억)보다 크게 늘었다. "
        "중소벤처기업부는 기술혁신개발사업을 통해 '혁신 펀드' 500억을 조성한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    amounts = {
        n.props["amountKrw"] // 100_000_000: (n.props["name"], n.props.get("year"))
        for n in facts.nodes.values()
        if n.cls == "Funding"
    }
    assert amounts[14550] == ("중소기업 연구개발(R&D) 지원액", 2031)
    assert amounts[11010][1] == 2030  # last year's, printed to compare with
    assert 500 in amounts


def test_what_things_are_worth_or_an_industry_produces_is_no_funding(tmp_path, onto):
    text = (
        "DATE: 2031-01-20\n\n"
        "과학기술정보통신부는 정보통신기술 연구개발사업에 300억원을 투입한다. "
        "2030년 ICT 생산 240조원, 국내 시장 규모 4조원을 목표로 한다. "
        "대학이 보유한 연구장비는 11만여종(시가 5조9천억원)에 달한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    amounts = {
        n.props["amountKrw"] // 100_000_000 for n in facts.nodes.values() if n.cls == "Funding"
    }
    assert amounts == {300}


def test_who_holds_how_many_filings_are_parts_of_the_filings(tmp_path, onto):
    text = (
        "DATE: 2031-05-07\n\n"
        "특허청은 블록체인 관련 특허 출원이 크게 늘었다고 밝혔다.\n"
        "출원인별로는 중소기업이 1580건(54%)으로 가장 많았다. "
        "이어 개인이 483건(16.4%), 대학이 378건(12.9%)으로 뒤를 이었다.\n"
        "기업별로 보면 코인플러그(125건), 알리바바(114건)가 뒤를 이었다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    counted = {
        n.props["value"]: n.props["countedNoun"]
        for n in facts.nodes.values()
        if n.cls == "StatedFigure"
    }
    assert counted == {
        1580: "특허출원 (중소기업)",
        483: "특허출원 (개인)",
        378: "특허출원 (대학)",
        125: "특허출원 (코인플러그)",
        114: "특허출원 (알리바바)",
    }


def test_bulleted_tasks_of_the_areas_before_them_are_no_areas(tmp_path, onto):
    text = (
        "DATE: 2023-03-29\n\n"
        "산업통상자원부는 28일 뿌리기술 R&D 로드맵을 담은 'K-뿌리산업 첨단화 전략'을 발표했다.\n"
        "3대 전략 분야별로 △뿌리 신산업 진출 촉진 △뿌리 고도화 투자 활성화 "
        "△뿌리 첨단화 협력체계 강화 등 추진과제를 설정하였다.\n"
        "지원 분야는 △이차전지 △수소 △바이오 등 3대 분야다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert fields == {"이차전지", "수소", "바이오"}


def test_a_listed_foreign_body_is_named_without_its_country_unless_an_office(tmp_path, onto):
    text = (
        "DATE: 2025-08-10\n\n"
        "중소벤처기업부는 10일 미국 퍼듀대학교, 독일 프라운호퍼 연구소 등 세계적 연구기관과 "
        "협력하는 글로벌협력형 R&D 과제 52개를 선정했다고 밝혔다.\n"
        "특허청은 미국 특허청, 중국 국무원 등 해외 기관과 협력한다.\n"
    )
    organizations = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert {"퍼듀대학교", "프라운호퍼 연구소", "미국 특허청", "중국 국무원"} <= organizations
    assert not {"미국 퍼듀대학교", "독일 프라운호퍼 연구소"} & organizations


def test_a_known_bodys_short_name_glued_to_a_place_is_that_places_office(tmp_path, onto):
    text = (
        "DATE: 2021-12-28\n\n"
        "인천중기청은 ‘2022년 창업성장기술개발사업’ 공고를 냈다. "
        "충북지방중기청도 설명회를 연다.\n"
    )
    organizations = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert {"인천중기청", "충북지방중기청"} <= organizations
    assert "중소기업청" not in organizations


def test_kinds_of_body_and_what_firms_suffer_are_no_listed_bodies(tmp_path, onto):
    text = (
        "DATE: 2031-03-31\n\n"
        "중소기업청은 유망 연구개발(R&D)과제를 도출하는 과제발굴연구회 사업에 10억원을 투입한다.\n"
        "연구회는 조합ㆍ협회 등을 주관기관으로 한다. "
        "중소기업은 경제적 부담, 연구인력 발굴 어려움 등으로 연구인력을 채용하기 어렵다.\n"
        "한국반도체산업협회, 한국전자정보통신산업진흥회 등 기관이 참여한다.\n"
    )
    organizations = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert not {"조합", "협회", "경제적 부담", "연구인력 발굴 어려움"} & organizations
    assert "한국반도체산업협회" in organizations


def test_a_line_of_tasks_with_a_budget_of_its_own_is_a_programme(tmp_path, onto):
    text = (
        "DATE: 2016-01-02\n\n"
        "중소기업청은 '2016년도 창업성장기술개발사업'을 시행한다고 2일 밝혔다.\n"
        "창업과제(760억원)는 소규모 창업기업을 지원하고, 1인 창조기업과제(40억원)도 있다. "
        "신규과제(1274억원)는 모두 공고한다.\n"
        "세부적으로는 △기술이전사업화(1단계 PoC·PoM) 200억 원(200개 과제) "
        "△구매연계·상생협력 201억 원(94개 과제)을 지원한다. 반도체·디스플레이(315억원)도 지원한다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {"창업과제", "1인 창조기업과제", "기술이전사업화", "구매연계·상생협력"} <= programmes
    assert not {"신규과제", "반도체·디스플레이"} & programmes


def test_the_tracks_a_programme_is_run_as_are_programmes(tmp_path, onto):
    text = (
        "DATE: 2026-01-29\n\n"
        "중소벤처기업부는 2026년 지역혁신 선도기업육성(R&D) 사업 신규 과제 306개를 "
        "선정해 1천49억 원을 지원한다고 29일 밝혔다.\n"
        "이번 사업은 주력산업 생태계 구축과 지역기업 역량강화 두 가지로 운영된다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {"주력산업 생태계 구축", "지역기업 역량강화"} <= programmes


def test_parts_that_add_up_to_a_whole_stated_before_count_its_noun(tmp_path, onto):
    text = (
        "DATE: 2025-01-17\n\n"
        "중소벤처기업부는 ‘2025년 중소기업기술개발 지원사업’ 공고를 내고 올해 779개 "
        "신규과제를 선정해 1,179억원을 지원할 계획이라고 밝혔다.\n"
        "내역사업으로는 △수출지향형(80개 176억원) △시장확대형(444개 732억원) "
        "△시장대응형(255개 271억원) 등이 실시된다.\n"
        "중기부는 4150억원을 투입해 5600개(정부 3800개·민간 1800개) 스마트공장을 보급한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    counted = {
        n.props["value"]: n.props["countedNoun"]
        for n in facts.nodes.values()
        if n.cls == "StatedFigure"
    }
    assert counted[80] == "수출지향형 신규과제"
    assert counted[444] == "시장확대형 신규과제"
    assert counted[5600] == "스마트공장"
    assert counted[1800] == "민간 스마트공장"


def test_by_how_much_a_budget_grew_is_no_budget_however_printed(tmp_path, onto):
    text = (
        "DATE: 2016-02-02\n\n"
        "중소기업청은 '2016년도 창업성장기술개발사업'을 시행한다고 2일 밝혔다.\n"
        "올해 사업 지원예산은 1888억원으로 전년도(1624억원) 대비 16.3%(264억원) 증가한 규모다. "
        "기술혁신개발사업 예산이 950억원으로 지난해(756억) 대비 약 200억원 가까이 늘었다.\n"
        "중소기업청은 중소기업 기술개발사업 ’16년도 예산안을 총 6288억원으로 확정했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    amounts = {
        n.props["amountKrw"] // 100_000_000 for n in facts.nodes.values() if n.cls == "Funding"
    }
    assert {1888, 950, 6288} <= amounts
    assert not {264, 200} & amounts


def test_a_range_of_days_after_a_relative_month_ends_in_that_month(tmp_path, onto):
    text = (
        "DATE: 2016-02-02\n\n"
        "중소기업청은 '2016년도 창업성장기술개발사업'을 시행한다고 2일 밝혔다.\n"
        "1차 신청은 이달 1∼29일까지 종합관리시스템으로 온라인 신청을 하면 된다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    dates = {n.props["eventDate"] for n in facts.nodes.values() if n.cls == "StatedEvent"}
    assert "2016-02-29" in dates and "2016-01-29" not in dates


def test_a_support_scale_that_grew_is_the_budget_of_the_programme_named_before(tmp_path, onto):
    text = (
        "DATE: 2013-03-20\n\n"
        "중소기업청은 ‘2013년도 연구장비 공동활용 지원사업’을 시행한다고 밝혔다.\n"
        "’13년도 지원규모는 ‘12년 대비 10% 증가한 184억원으로, 중소기업이 기술개발을 "
        "수행할 수 있을 것으로 기대된다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    funding = {
        n.props["amountKrw"] // 100_000_000: n.props["name"]
        for n in facts.nodes.values()
        if n.cls == "Funding"
    }
    assert funding[184] == "연구장비 공동활용 지원사업"


def test_the_parts_of_filings_by_applicant_are_organisations(tmp_path, onto):
    text = (
        "DATE: 2016-03-17\n\n"
        "특허청은 고체전해질 이차전지 관련 국제 특허 출원이 늘고 있다고 17일 밝혔다.\n"
        "출원인별로 살펴보면 도요타가 24건으로 가장 많았고 히타치(10건), LG화학(7건)이 뒤를 "
        "이었다. 출원인의 국적은 일본이 133건으로 가장 많고 미국(40건), 한국(20건) 순이다.\n"
        "출원인 유형별로는 중소기업이 50건(54%)으로 가장 많았고 개인(30건)이 뒤를 이었다.\n"
    )
    organizations = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert {"도요타", "히타치", "LG화학"} <= organizations
    assert not {"일본", "미국", "한국", "중소기업", "개인"} & organizations


def test_which_of_a_set_of_programmes_and_what_firms_export_name_no_programme_or_budget(
    tmp_path, onto
):
    text = (
        "DATE: 2024-01-16\n\n"
        "중소벤처기업부는 기술혁신개발사업 등 20개 사업을 폐지하고 나머지 사업은 주축사업으로 "
        "통합한다. 대규모 사업은 응용프로그램 개발을 지원한다.\n"
        "기술개발을 완료한 과제는 매출 244억원, 수출 39억원을 달성했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    programmes = set(named(facts, "Programme"))
    assert not {"나머지 사업", "주축사업", "대규모 사업", "응용프로그램"} & programmes
    amounts = {
        n.props["amountKrw"] // 100_000_000 for n in facts.nodes.values() if n.cls == "Funding"
    }
    assert 39 not in amounts


def test_a_plan_period_in_two_digit_years_dates_the_edition(tmp_path, onto):
    text = (
        "DATE: 2020-06-01\n\n"
        "방위사업청은 「’20 ~ ’34 핵심기술기획서」 일반본을 배포한다. 일반본은 "
        "「’19 ~ ’33 국방과학기술진흥정책서」에서 제시한 국방전략기술 분야의 개발 계획을 담았다.\n"
        "중소벤처기업부는 ‘21년도 중소기업 기술개발사업 통합 시행계획을 공고했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    editions = {
        n.props["name"]: (n.props.get("startYear"), n.props.get("endYear"))
        for n in facts.nodes.values()
        if n.cls == "RoadmapEdition"
    }
    assert editions["국방과학기술진흥정책서"] == (2019, 2033)
    assert editions["핵심기술기획서"] == (2020, 2034)
    assert editions["중소기업 기술개발사업 통합 시행계획"][0] == 2021


def test_listed_tasks_of_an_area_are_no_areas(tmp_path, onto):
    text = (
        "DATE: 2009-01-13\n\n"
        "정부는 녹색기술 연구개발(R&D) 종합대책에 27개 중점 기술을 담았다.\n"
        "에너지원 기술 분야에는 태양광, 바이오에너지, 원자력, 핵융합 등 4개 과제가 포함됐다.\n"
        "지원 분야는 반도체, 이차전지, 바이오 등 3개 분야다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert not {"태양광", "바이오에너지", "원자력", "핵융합"} & fields
    assert {"반도체", "이차전지", "바이오"} <= fields


def test_how_near_the_market_or_how_good_a_technology_is_names_none(tmp_path, onto):
    text = (
        "DATE: 2016-05-20\n\n"
        "미래창조과학부는 뇌과학 발전전략을 발표했다. 상용화 기술, 실용화 기술, 산학협력 기술 등 "
        "3대 기술과 세계 최고 기술을 확보하고 뇌지도, 뇌영상 기술 등 핵심기술을 개발한다.\n"
    )
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert not {"상용화 기술", "실용화 기술", "산학협력 기술", "세계 최고 기술"} & technologies


def test_a_body_named_by_what_it_does_takes_the_subject_before_it(tmp_path, onto):
    text = (
        "DATE: 2017-05-20\n\n"
        "산업통상자원부는 ‘한국 로봇산업 기술 로드맵’ 공청회를 열었다. 로드맵은 범부처 로봇산업 "
        "정책협의회가 의결한 발전방안의 후속조치다.\n"
        "전문가 80여 명이 8개 분야별 분과위원회 운영을 통해 로드맵 초안을 마련했다.\n"
    )
    organizations = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert "로봇산업 정책협의회" in organizations
    assert not {"정책협의회", "분과위원회", "분야별 분과위원회"} & organizations


def test_what_is_done_to_a_count_languages_and_ranks_are_not_what_it_counts(tmp_path, onto):
    text = (
        "DATE: 2023-06-27\n\n"
        "과학기술정보통신부는 대한민국 양자과학기술 전략을 발표했다.\n"
        "양자분야 종사인력 1만명 양성, 뿌리 새싹기업 100개 선정·육성, 로봇 3대 강국을 목표로 한다.\n"
        "©'5개국어 글로벌 경제신문'\n"
    )
    facts = facts_of(tmp_path, onto, text)
    counted = {
        n.props["value"]: n.props["countedNoun"]
        for n in facts.nodes.values()
        if n.cls == "StatedFigure"
    }
    assert counted[10000].endswith("종사인력")
    assert not {"선정·육성", "강국", "국어 글로벌"} & set(counted.values())


def test_a_line_glossed_with_its_budget_in_eok_alone_is_a_programme(tmp_path, onto):
    text = (
        "DATE: 2020-01-20\n\n"
        "중소벤처기업부는 '2020년 중소기업 R&D 지원 개요'를 설명했다. 중소기업 기술개발사업 "
        "예산은 1조 4550억이다.\n"
        "협력형 R&D는 ▲산학연 콜래보 R&D(316.6억), ▲중소기업상용화기술개발(2297억) 등이다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {"산학연 콜래보 R&D", "중소기업상용화기술개발"} <= programmes


def test_the_year_a_programme_began_with_its_object_or_as_its_implementation(tmp_path, onto):
    text = (
        "DATE: 2017-02-20\n\n"
        "중소기업청은 연구마을 지원사업 공고를 냈다. 지난 2013년 사업을 시작한 이후 예산을 "
        "확대해 왔다. 중기청은 지난 1993년 시행한 융복합기술개발사업을 통해 과제를 지원했다. "
        "팀기술개발 지원사업은 2010년도부터 20억원으로 시작해 25개 과제를 지원했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    dates = events(facts)
    assert {"2013", "1993", "2010"} <= dates


def test_a_total_the_body_a_sentence_opens_with_spends_is_its_budget(tmp_path, onto):
    text = (
        "DATE: 2025-12-22\n\n"
        "중소벤처기업부와 산업통상자원부는 2026년 기업지원 R&D사업 통합 시행계획을 공고했다.\n"
        "먼저 중기부는 올해 대비 45% 증액된 총 2조2000억원을 지원할 예정이다. "
        "산업부는 역대 최대규모인 총 5조5000억원을 지원하며, 기업은 매출 3000억원을 지원한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    funding = {
        n.props["amountKrw"] // 100_000_000: n.props["name"]
        for n in facts.nodes.values()
        if n.cls == "Funding"
    }
    assert funding[22000] == "중기부 예산"
    assert funding[55000] == "산업부 예산"
    assert 3000 not in funding


def test_a_budget_as_the_topic_is_set_at_or_amounts_to_an_amount(tmp_path, onto):
    text = (
        "DATE: 2019-08-29\n\n"
        "중소벤처기업부는 2020년 예산을 편성했다고 29일 밝혔다. 중소기업 기술개발사업에 "
        "1조4559억원을 편성했다.\n"
        "일본수출규제 관련해 편성된 예산은 총 2586억원에 달한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    amounts = {
        n.props["amountKrw"] // 100_000_000 for n in facts.nodes.values() if n.cls == "Funding"
    }
    assert 2586 in amounts


def test_a_named_fund_is_a_programme_and_a_fund_by_its_kind_is_none(tmp_path, onto):
    text = (
        "DATE: 2019-08-29\n\n"
        "중소벤처기업부는 2020년 연구개발(R&D) 예산을 편성했다고 29일 밝혔다. 모태펀드에는 "
        "소재부품장비 전용펀드도 신설하기로 했다. 중기청은 투자기업과 협력펀드를 조성해 "
        "과제를 운영한다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {"모태펀드", "소재부품장비 전용펀드"} <= programmes
    assert "협력펀드" not in programmes


def test_a_programme_run_with_a_total_and_spent_in_the_past_has_that_budget(tmp_path, onto):
    text = (
        "DATE: 2031-05-02\n\n"
        "중소벤처기업부는 해양드론 협력 기술개발사업 성과를 발표했다. 해양·극지 Drone R&D는 "
        "2021년부터 2030년까지 10년간 총사업비 1870억 원(국비)으로 운영되는 대표적인 "
        "기술개발사업이다. 해양드론 협력 기술개발사업은 지금까지 총 845개 과제에 대해 "
        "960억원을 지원했다.\n"
    )
    fundings = {(a // 100_000_000, y) for _, a, y in _fundings(facts_of(tmp_path, onto, text))}
    assert (1870, None) in fundings  # a total up to a year is no one year's budget
    assert 960 in {a for a, _ in fundings}


def test_a_linking_noun_or_an_order_word_is_no_part_of_a_name(tmp_path, onto):
    text = (
        "DATE: 2031-05-02\n\n"
        "중소기업청은 기술개발 지원계획을 발표했다. 동반성장을 위한 R&D 지원의 경우 "
        "해양드론공동투자개발사업의 대응자금을 200억원에서 365억원으로 확대한다. 다출원 "
        "기업은 한빛로보, 극지솔루션, 해양드론텍 순으로 나타났다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert "해양드론공동투자개발사업" in set(named(facts, "Programme"))
    assert not [n for n in named(facts, "Programme") if n.startswith("경우")]
    assert not [n for n in named(facts, "Organization") if n.endswith(" 순")]


def test_a_linking_noun_alone_is_no_list_item(tmp_path, onto):
    text = (
        "DATE: 2031-05-02\n\n"
        "특허청은 내년 R&D 예산을 확정했다. 지식재산 금융 규모가 10조원을 돌파한 가운데, "
        "해양드론 기술을 보유한 기업이 사업자금을 조달할 수 있도록 지원한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    everything = {str(n.props.get("name")) for n in facts.nodes.values()}
    assert "가운데" not in everything


def test_a_list_closed_by_deunggwa_gateun_is_typed_by_the_cue_after_it(tmp_path, onto):
    text = (
        "DATE: 2031-05-02\n\n"
        "산림청은 산림 R&D 로드맵을 발표했다. 산림산업에 해양드론, 극지센싱, 빙하데이터 "
        "등과 같은 4차 산업혁명 기술을 접목한다.\n"
    )
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert {"해양드론", "극지센싱", "빙하데이터"} <= technologies


def test_a_one_word_name_keeps_its_latin_abbreviation(tmp_path, onto):
    text = (
        "DATE: 2031-05-02\n\n"
        "중소벤처기업부는 스마트 제조 로드맵을 발표했다. 해양드론, 빙하데이터, "
        "증강현실(AR)·가상현실(VR), 클라우드 등 스마트 제조 관련 핵심기술을 개발한다.\n"
    )
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    # the gloss stays with its word, so the list runs on past it to its cue
    assert {"해양드론", "빙하데이터", "클라우드"} <= technologies
    assert "AR" not in technologies and "증강현실" not in technologies


def test_a_known_programme_printed_as_rnd_is_that_programme(tmp_path, onto):
    text = (
        "DATE: 2031-05-02\n\n"
        "중소벤처기업부는 기술개발사업 로드맵을 발표했다. 스케일업 팁스 R&D 신규 과제는 "
        "300개로 늘어난다. 또 ‘스케일업 팁스 R&D’는 과제당 최대 30억원을 지원한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    programmes = [n for n in facts.nodes.values() if n.cls == "Programme"]
    assert [n.props["name"] for n in programmes] == ["스케일업 팁스"]


def test_a_cue_past_a_word_with_a_case_ending_governs_no_list(tmp_path, onto):
    text = (
        "DATE: 2031-05-02\n\n"
        "해외수요처 연계 기술개발사업은 극지정부, 해양기업, 해외 현지법인 등 해외수요처로부터 "
        "신제품 기술개발을 요청받은 중소기업을 지원한다.\n"
    )
    products = set(named(facts_of(tmp_path, onto, text), "StrategicProduct"))
    assert not {"극지정부", "해양기업", "해외 현지법인"} & products


def test_a_plan_period_stated_for_the_plan_as_a_topic_dates_its_edition(tmp_path, onto):
    text = (
        "DATE: 2030-11-01\n\n"
        "해양수산부는 ‘제3기 해양드론종합발전계획’을 수립하고 올해 연말까지 확정할 계획이라고 "
        "1일 밝혔다. 제3기 해양드론종합발전계획은 2031년부터 2040년까지 기술개발 로드맵을 담는다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    editions = [n for n in facts.nodes.values() if n.cls == "RoadmapEdition"]
    assert [(e.props["startYear"], e.props.get("endYear")) for e in editions] == [(2031, 2040)]


def test_the_first_year_of_a_span_something_runs_or_is_funded_over_dates_its_start(tmp_path, onto):
    text = (
        "DATE: 2031-05-02\n\n"
        "중소벤처기업부는 해양드론 기술개발사업 성과를 발표했다. 해양드론 R&D는 2021년부터 "
        "2030년까지 10년간 운영되는 기술개발사업이다. 극지 로드맵을 위해 2024년부터 향후 "
        "10년간 총 340억원을 투입키로 했다.\n"
    )
    dates = events(facts_of(tmp_path, onto, text))
    assert {"2021", "2024"} <= dates


def test_a_count_a_body_files_counts_filings(tmp_path, onto):
    text = (
        "DATE: 2031-05-02\n\n"
        "특허청은 해양드론 특허 빅데이터 분석 결과를 발표했다. 대기업들은 평균 696건을 "
        "특허출원했다. 한빛로보는 총 37건을 특허출원하는데 그쳤다.\n"
    )
    counts = counted(facts_of(tmp_path, onto, text))
    assert {(696, "특허출원"), (37, "특허출원")} <= counts


def test_a_number_noun_with_only_a_span_before_it_counts_the_sentence_topic(tmp_path, onto):
    text = (
        "DATE: 2031-05-02\n\n"
        "특허청은 해양드론 특허 빅데이터 분석 결과를 발표했다. 해양드론 관련 국제특허출원은 "
        "2028년 764건, 2030년 1070건으로 최근 10년간 건수가 1만8290건에 이르는 것으로 "
        "집계됐다.\n"
    )
    counts = dict(counted(facts_of(tmp_path, onto, text)))
    assert counts.get(18290) == "국제특허출원"


def test_a_time_word_as_the_topic_of_a_count_is_not_what_it_counts(tmp_path, onto):
    text = (
        "DATE: 2031-05-02\n\n"
        "중소벤처기업부는 중소기업 R&D 기술개발사업 지원계획을 발표했다. "
        "중기부는 연구인력 지원사업을 운영 중이며, 지난해 1,350여명의 중소기업 인력지원에 "
        "이어 올해는 1,400명을 넘어설 전망이다.\n"
    )
    nouns = {noun for _, noun in counted(facts_of(tmp_path, onto, text))}
    assert "올해" not in nouns


def test_a_sino_korean_ordinal_or_a_glued_determiner_opens_a_word_of_a_name(tmp_path, onto):
    text = (
        "DATE: 2031-05-02\n\n"
        "특허청은 해양드론 특허 빅데이터 분석 결과를 발표했다. 위험이 없는 고체전해질 "
        "이차전지 기술 개발이 화두다. 기업들은 전고체전지 기술 개발에 박차를 가하고 있다.\n"
    )
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert {"고체전해질 이차전지 기술", "전고체전지 기술"} <= technologies
    assert not {"전지 기술", "고체전지 기술"} & technologies


def test_a_technology_printed_with_a_spaced_gisul_answers_to_its_bare_name_too(tmp_path, onto):
    text = (
        "DATE: 2031-05-02\n\n"
        "특허청은 해양드론 특허 빅데이터 분석 결과를 발표했다. 폭발 위험이 없는 "
        "극지해양 고체배터리 기술 개발이 화두다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    node = next(n for n in facts.nodes.values() if n.cls == "CoreTechnology")
    assert node.props["name"] == "극지해양 고체배터리 기술"
    assert "극지해양 고체배터리" in (node.props.get("aliases") or [])


def test_a_budget_in_a_sentence_opened_by_a_span_is_the_programme_before_it(tmp_path, onto):
    text = (
        "DATE: 2033-06-02\n\n"
        "해양드론 공통기술개발사업은 조합이 발굴한 공통애로 기술개발 과제를 지원하는 사업이다. "
        "2031년부터 총사업비의 75% 이내에서 지원하며 올해 총 42억원의 예산을 배정해 21개 "
        "과제를 선정할 예정이다.\n"
    )
    fundings = {
        (name, a // 100_000_000) for name, a, _ in _fundings(facts_of(tmp_path, onto, text))
    }
    assert ("해양드론 공통기술개발사업", 42) in fundings


def test_one_amount_listed_twice_in_a_line_funds_two_items(tmp_path, onto):
    text = (
        "DATE: 2031-10-25\n\n"
        "중소기업청은 해양드론 기술개발사업에 400억원을 투입한다. 구체적으로는 △극지형 "
        "성장도약과제(50억) △해양드론 융합형기술개발 지원(20억) △심해센터 연계형 기술개발 "
        "지원(50억) 등이다.\n"
    )
    fundings = _fundings(facts_of(tmp_path, onto, text))
    assert len([f for f in fundings if f[1] == 5_000_000_000]) == 2


def test_this_years_amount_bracketed_as_the_base_of_a_comparison_is_this_years_budget(
    tmp_path, onto
):
    text = (
        "DATE: 2031-10-25\n\n"
        "중소기업청은 해양드론 기술개발사업 2032년도 예산을 7150억원으로 확정했다고 25일 "
        "밝혔다. 이는 올해(6288억)보다 13.7% 오른 금액이다.\n"
    )
    fundings = {(a // 100_000_000, y) for _, a, y in _fundings(facts_of(tmp_path, onto, text))}
    assert {(7150, 2032), (6288, 2031)} <= fundings


def test_a_date_after_the_sentence_topic_dates_the_event_its_predicate_names(tmp_path, onto):
    text = (
        "DATE: 2031-03-25\n\n"
        "해양수산부는 민간기업과 공동으로 24일 오전 세종 해양드론센터에서 이 같은 내용을 "
        "담은 ‘해양드론 R&D 전략’을 발표했다. 해양청은 2035년까지 로드맵을 마련한다.\n"
    )
    dates = {
        (n.props["eventDate"], n.props["eventKind"])
        for n in facts_of(tmp_path, onto, text).nodes.values()
        if n.cls == "StatedEvent"
    }
    assert ("2031-03-24", "발표") in dates
    assert not [d for d, _ in dates if d.startswith("2035")]


def test_a_mark_a_budget_passes_is_no_budget(tmp_path, onto):
    text = (
        "DATE: 2031-10-25\n\n"
        "내년도 해양드론 연구개발(R&D) 예산이 사상 최초로 7000억원을 넘을 것으로 보인다. "
        "중소기업청은 해양드론 기술개발사업 2032년도 예산을 총 7150억원으로 확정했다.\n"
    )
    amounts = {a // 100_000_000 for _, a, _ in _fundings(facts_of(tmp_path, onto, text))}
    assert 7150 in amounts and 7000 not in amounts


def test_a_photo_caption_states_no_event(tmp_path, onto):
    text = (
        "DATE: 2031-07-19\n\n"
        "해양수산부는 해양드론 기술로드맵을 발표했다. 해양드론 협업공장이 2035년까지 "
        "총 6곳에 구축된다. 사진은 해양수산부 장관이 18일 "
        "세종 해양드론센터에서 열린 ‘R&D 간담회’를 주재하고 있는 모습. [사진=연합뉴스]\n"
    )
    dates = events(facts_of(tmp_path, onto, text))
    assert "2031-07-18" not in dates


def test_a_plan_of_rnd_investment_is_on_the_topic_and_a_bare_basic_plan_is_not(tmp_path, onto):
    rnd = (
        "DATE: 2031-01-13\n\n"
        "정부는 해양드론 R&D 투자를 2035년까지 연간 2조원 수준으로 높이고 21개 "
        "원천과제를 선정했다.\n"
    )
    plan = (
        "DATE: 2031-01-13\n\n"
        "보건복지부는 제5차 저출산 기본계획을 발표했다. 올해 예산은 2조원이며 21개 시군을 "
        "선정했다.\n"
    )
    assert [n for n in facts_of(tmp_path, onto, rnd).nodes.values() if n.cls == "StatedFigure"]
    assert not [
        n
        for n in facts_of(tmp_path, onto, plan).nodes.values()
        if n.cls in ("StatedFigure", "Funding", "RoadmapEdition")
    ]


def test_breakdown_parts_take_the_noun_printed_after_them(tmp_path, onto):
    text = (
        "DATE: 2031-01-20\n\n"
        "특허청은 해양드론 특허 빅데이터 분석 결과를 발표했다. 중소기업은 전자상거래, 금융 및 "
        "결재방식(3,693건), 데이터 처리 장치 및 방법(1,438건)에 관한 특허 출원이 많았다.\n"
    )
    counts = dict(counted(facts_of(tmp_path, onto, text)))
    assert counts[3693].endswith("특허 출원") and counts[1438].endswith("특허 출원")


def test_a_technology_development_run_as_a_programme_is_no_technology(tmp_path, onto):
    text = (
        "DATE: 2031-01-02\n\n"
        "중소기업청은 2031년도 기술개발사업 지원계획을 확정했다. 해양시장형 창업기술개발(이스라엘식 "
        "프로그램) 운영을 확대하고, 극지드론 제어기술개발을 추진한다.\n"
    )
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert "해양시장형 창업기술" not in technologies
    assert "극지드론 제어기술" in technologies


def test_kinds_of_task_counted_in_brackets_are_a_programmes_tracks(tmp_path, onto):
    text = (
        "DATE: 2031-12-20\n\n"
        "중소벤처기업부는 창업성장기술개발사업 계획을 발표했다. 디딤돌사업은 내년에 모두 "
        "900과제를 선정한다. 상반기에는 해양 첫걸음(430개), 극지문제해결형(20개) 등 총 450개 "
        "과제를 선정한다. 하반기에는 심해 원부자재 분야(25개)와 드론 해결사(15개) 등 총 40개 "
        "과제를 선정한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    programmes = set(named(facts, "Programme"))
    assert {"해양 첫걸음", "극지문제해결형", "드론 해결사"} <= programmes
    assert "심해 원부자재" in set(named(facts, "StrategicField"))


def test_a_total_number_noun_counts_the_word_before_the_total(tmp_path, onto):
    text = (
        "DATE: 2031-01-20\n\n"
        "특허청은 해양드론 특허 빅데이터 분석 결과를 발표했다. 이 기간 관련 특허출원 총 "
        "건수는 4435건이다.\n"
    )
    counts = dict(counted(facts_of(tmp_path, onto, text)))
    assert counts.get(4435) == "특허출원"


def test_a_count_changed_to_past_a_year_with_its_particle_counts_the_same_noun(tmp_path, onto):
    text = (
        "특허청 기술로드맵 분석에서 해양드론 충전 관련 국내 특허출원은 2007년 14건에서 "
        "2011년에는 336건으로 늘었고, 수중센서 출원은 2012년 5건에서 지난해에는 41건이 됐다.\n"
    )
    assert {(14, "특허출원"), (336, "특허출원"), (5, "출원"), (41, "출원")} <= counted(
        facts_of(tmp_path, onto, text)
    )


def test_a_report_in_a_text_dated_only_to_a_year_dates_only_what_it_reports(tmp_path, onto):
    said = "DATE: 2031\n\n해양특허청은 해양 특허 기술로드맵 통계를 정리했다고 1일 밝혔다.\n"
    assert not events(facts_of(tmp_path, onto, said))
    published = "DATE: 2031\n\n해양특허청은 해양 특허 기술로드맵 보고서를 발간한다고 9일 밝혔다.\n"
    facts = facts_of(tmp_path, onto, published)
    kinds = {n.props["eventKind"] for n in facts.nodes.values() if n.cls == "StatedEvent"}
    assert events(facts) == {"2031"} and kinds == {"발간"}


def test_what_firms_are_told_and_how_a_plan_runs_itself_are_no_bodies(tmp_path, onto):
    text = (
        "해양수산부, 졸업제 도입 등 해양기술 R&D 지원체계 확 바꾼다\n"
        "해양수산부는 해양기술 로드맵 교육에 참가한 중소기업을 대상으로 사업개요 및 참가조건, "
        "사업계획 작성 방법, 대면평가 요령 등을 설명해 과제 참여기업으로 채택될 수 있도록 "
        "지원했다.\n"
    )
    bodies = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert (
        not {"사업개요 및 참가조건", "사업계획 작성 방법", "대면평가 요령", "졸업제 도입"} & bodies
    )


def test_a_programme_described_by_its_size_term_or_standing_is_no_name(tmp_path, onto):
    text = (
        "해양수산부는 해양기술 로드맵에 따라 대규모 플래그십 프로젝트와 중장기 사업, 8대 "
        "선도사업, 컨소시엄당 프로젝트를 추진하고, 해양드론 실증사업도 시작한다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert not {
        "대규모 플래그십 프로젝트",
        "중장기 사업",
        "8대 선도사업",
        "컨소시엄당 프로젝트",
    } & (programmes)
    assert "해양드론 실증사업" in programmes


def test_a_list_marked_inside_brackets_ends_at_the_closing_bracket(tmp_path, onto):
    text = (
        "해양수산부는 기술로드맵에 따라 해양 팹리스 육성을 위한 3대 전략분야(▲해양드론 ▲극지장비 "
        "▲첨단로봇·기계)와 공공분야(▲배관 모니터링 ▲원격검침)에 300억원을 지원한다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"해양드론", "극지장비", "첨단로봇·기계"} <= fields
    assert not any(")" in f or "(" in f for f in fields)


def test_a_last_and_inside_a_list_of_bracketed_items_joins_one_item(tmp_path, onto):
    text = (
        "해양특허청 기술로드맵 분석에서 산업부문별로는 해양화학(1만9753건), 해양기계(1만7907건), "
        "해양드론(1만2123건), 광학 및 영상·음향기기(1만769건) 순으로 나타났다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert "광학 및 영상·음향기기" in fields and "광학" not in fields


def test_a_budget_stated_from_last_years_amount_to_this_years(tmp_path, onto):
    text = (
        "DATE: 2031-01-05\n\n해양수산부는 해양기술 로드맵에 따라 R&D를 지원한다. 이같은 해양드론 "
        "초격차 확보를 위한 예산은 지난해 5959억원에서 8.7% 늘어난 6477억원이다.\n"
    )
    assert {
        ("해양드론 초격차 확보를 위한 예산", 595_900_000_000, 2030),
        ("해양드론 초격차 확보를 위한 예산", 647_700_000_000, None),
    } <= _fundings(facts_of(tmp_path, onto, text))


def test_a_sentence_opening_on_the_main_budget_funds_the_programme_named_before(tmp_path, onto):
    text = (
        "해양드론 실증사업이란 해양기술 로드맵에 따라 수요처가 제안한 과제를 지원하는 "
        "사업이다. 본예산 645억 원 외에 150억 원 추경예산을 편성해 총 795억 원을 지원한다.\n"
    )
    found = {(name, eok) for name, eok, _ in _fundings_in_eok(facts_of(tmp_path, onto, text))}
    assert {
        ("해양드론 실증사업", 645),
        ("해양드론 실증사업", 150),
        ("해양드론 실증사업", 795),
    } <= found


def test_start_up_cooperation_and_proposal_tracks_named_with_gwaje_are_programmes(tmp_path, onto):
    text = (
        "해양수산부는 해양기술 로드맵에 따라 창업기업을 지원한다. 디딤돌 창업과제는 356개 과제를 "
        "선정해 214억원을 지원하고, 전략형 창업과제와 산·연협력과제, 기업제안과제를 모집한다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {"디딤돌 창업과제", "전략형 창업과제", "산·연협력과제", "기업제안과제"} <= programmes


def test_a_rate_and_its_unit_are_no_counts(tmp_path, onto):
    text = (
        "해양특허청 기술로드맵 분석에서 부산시의 해양특허 출원은 2만1000건이며, 인구 10만명당 "
        "134건에서 246건으로 늘었다. 특허 1건당 연구개발비는 2억원이다.\n"
    )
    values = {v for v, _ in counted(facts_of(tmp_path, onto, text))}
    assert 21000 in values and not {100000, 134, 246, 1} & values


def test_the_number_word_after_what_is_filed_is_no_part_of_the_counted_noun(tmp_path, onto):
    text = (
        "해양특허청 기술로드맵 분석에서 해양 지식재산권의 전체 출원건수는 39만6996건으로 늘었고, "
        "국내 상표 출원량은 55만7000여 건이다.\n"
    )
    assert {(396996, "출원"), (557000, "출원")} <= counted(facts_of(tmp_path, onto, text))


def test_a_plan_named_as_a_countermeasure_is_an_edition(tmp_path, onto):
    text = (
        "DATE: 2031-05-07\n\n해양수산부는 해양기술 기술로드맵에 따라 R&D를 추진한다. "
        "해양드론종합대책에는 수중센서 기술 등 27개 과제가 포함돼 있다.\n"
    )
    editions = named(facts_of(tmp_path, onto, text), "RoadmapEdition")
    assert editions["해양드론종합대책"]["startYear"] == 2031


def test_a_range_closed_past_onun_and_dates_listed_for_one_event(tmp_path, onto):
    text = (
        "DATE: 2031-01-29\n\n해양수산부는 해양기술 로드맵에 따라 R&D 사업에 참여할 기업을 모집한다. "
        "신청은 다음 달 11일부터 오는 3월 3일 저녁 6시까지 종합관리시스템을 통해 하면 된다. "
        "창업과제는 1차(1월25일), 2차(6월)에 나누어 공고할 예정이다.\n"
    )
    assert {"2031-02-11", "2031-03-03", "2031-01-25", "2031-06"} <= events(
        facts_of(tmp_path, onto, text)
    )


def test_an_amount_spent_with_no_programme_is_the_plans_or_the_areas(tmp_path, onto):
    text = (
        "DATE: 2031-03-02\n\n해양수산부는 기술로드맵에 따라 해양드론 종합계획을 발표했다. "
        "이를 위해 2032년부터 향후 10년간 총 3400억 원 "
        "규모 자금을 투입키로 했다. 정부는 극지장비분야에 대해 지난 11년 동안 약 2조6232억원을 "
        "전략적으로 투자해 왔다.\n"
    )
    found = {(name, eok) for name, eok, _ in _fundings_in_eok(facts_of(tmp_path, onto, text))}
    assert {("해양드론 종합계획", 3400), ("극지장비분야 투자", 26232)} <= found


def test_an_amount_given_up_to_a_limit_funds_the_programme_its_sentence_names(tmp_path, onto):
    text = (
        "해양기술 로드맵에 따라 ‘해양드론 공통 기술개발사업’은 업계 공통애로 과제에 대해 "
        "총사업비의 75%이내에서 최고 2억원까지 지원한다.\n"
    )
    found = {(name, eok) for name, eok, _ in _fundings_in_eok(facts_of(tmp_path, onto, text))}
    assert ("해양드론 공통 기술개발사업", 2) in found


def test_an_amount_reflected_in_a_budget_is_spent(tmp_path, onto):
    text = "해양기술 로드맵에 따라 해양수산부는 8개 신규 사업에 240억 반영했다.\n"
    amounts = {eok for _, eok, _ in _fundings_in_eok(facts_of(tmp_path, onto, text))}
    assert 240 in amounts


def test_how_open_or_narrow_an_area_is_names_no_field(tmp_path, onto):
    text = (
        "해양수산부는 기술로드맵에 따라 해양 양자 인터넷 등 미개척 분야 선점 기회를 발굴하고, "
        "해양드론 분야에서는 틈새 분야의 과제를 지원한다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert "해양드론" in fields and not {"미개척", "틈새"} & fields


def test_a_plan_made_last_year_is_last_years_edition(tmp_path, onto):
    text = (
        "DATE: 2031-06-09\n\n해양수산부는 기술로드맵 공청회를 열었다. 기술로드맵은 지난해 11월 "
        "15일 범부처 정책협의회가 의결한 ‘해양로봇 발전방안’의 후속조치다.\n"
    )
    editions = named(facts_of(tmp_path, onto, text), "RoadmapEdition")
    assert editions["해양로봇 발전방안"]["startYear"] == 2030


def test_the_shares_of_a_budget_are_named_after_what_each_is_for(tmp_path, onto):
    text = (
        "DATE: 2031-01-10\n\n해양수산부는 기술로드맵에 따라 올해 해양 R&D 예산 3989억원을 "
        "지원한다. 이 예산은 전년도에 비해 약 255억원 늘어난 것으로 이 중 1274억원은 신규과제, "
        "나머지 2715억원은 계속과제로 지원하게 된다.\n"
    )
    found = _fundings_in_eok(facts_of(tmp_path, onto, text))
    assert {("신규과제", 1274, None), ("계속과제", 2715, None)} <= found


def test_a_countrys_count_in_geon_is_of_what_the_text_last_called_the_patents(tmp_path, onto):
    text = (
        "특허청은 5개국의 최근 10년간 초박막 광소자 등록 특허를 조사한 결과 한국이 1520건으로 "
        "1위를 차지했다고 밝혔다. 한국 다음으로 일본(1340건)이 많았고, 이어 중국(1210건), "
        "미국(1050건) 순이었다.\n"
    )
    counts = counted(facts_of(tmp_path, onto, text))
    assert {
        (1520, "등록 특허 (한국)"),
        (1340, "등록 특허 (일본)"),
        (1210, "등록 특허 (중국)"),
        (1050, "등록 특허 (미국)"),
    } <= counts
    assert not {noun for _, noun in counts} & {"한국", "일본", "출원 (중국)"}


def test_a_count_in_geon_after_only_a_time_counts_the_filings_of_that_time(tmp_path, onto):
    text = (
        "특허청에 따르면 상반기 국내 특허출원은 총 5만1000건이다. 전년동기(4만9000건)보다 "
        "4% 늘었다. 연도별로는 2014년 39건으로 증가하기 시작해 이듬해 49건에 이르렀다.\n"
    )
    counts = counted(facts_of(tmp_path, onto, text))
    assert {
        (49000, "특허출원 (전년동기)"),
        (39, "특허출원 (2014년)"),
        (49, "특허출원 (이듬해)"),
    } <= counts
    assert not {noun for _, noun in counts} & {"전년동기", "이듬해", "동기"}
    # without filings spoken of, a time is still no counted noun
    counts = counted(facts_of(tmp_path, onto, text.replace("특허출원은", "지원과제는")))
    assert not {noun for _, noun in counts} & {"전년동기", "이듬해", "동기"}


def test_a_count_followed_by_among_picks_out_parts_and_counts_no_noun_after_it(tmp_path, onto):
    text = (
        "특허청은 최근 10년간 IP5에 출원된 해수전해 특허를 분석했다. 총 3210건 가운데 일본이 "
        "1400건(43.6%)으로 가장 많았고, 미국(610건), 중국(590건) 순이었다.\n"
    )
    counts = counted(facts_of(tmp_path, onto, text))
    assert {(1400, "특허출원 (일본)"), (610, "특허출원 (미국)"), (590, "특허출원 (중국)")} <= counts
    assert not any("가운데" in noun for _, noun in counts)
    text = "기술로드맵에 따라 해양수산부가 공고한 해양기술개발 과제 121개 가운데 111개가 대형 과제다.\n"
    text2 = "기술로드맵에 따라 해양수산부가 공고한 해양기술개발 121개 과제 가운데 111개가 대형 과제다.\n"
    for each in (text, text2):
        counts = counted(facts_of(tmp_path, onto, each))
        assert (121, "과제") in counts or (121, "해양기술개발 과제") in counts
        assert not any("가운데" in noun for _, noun in counts)


def test_the_national_assembly_is_a_body_where_it_acts_on_a_budget(tmp_path, onto):
    text = (
        "해양수산부는 지난 3일 국회 본회의에서 의결된 내년도 해양드론 기술개발사업 예산이 "
        "120억원으로 확정됐다고 밝혔다.\n"
    )
    assert "국회" in named(facts_of(tmp_path, onto, text), "Organization")
    member = "해양수산부는 국회의원과 해양드론 기술개발사업 간담회를 열었다.\n"
    assert "국회" not in named(facts_of(tmp_path, onto, member), "Organization")


def test_a_business_groups_company_may_be_named_by_capitals(tmp_path, onto):
    text = "특허청에 따르면 전고체전지 특허출원 증가율에서 삼성SDI와 한빛소재가 1·2위를 차지했다.\n"
    assert "삼성SDI" in named(facts_of(tmp_path, onto, text), "Organization")


def test_a_day_of_a_month_with_no_year_is_the_nearest_the_text_allows(tmp_path, onto):
    text = (
        "DATE: 2030-01-24\n\n해양수산부에 따르면 지난 12월 3일 국회 본회의에서 의결된 해양드론 "
        "기술개발사업 예산이 확정됐다.\n"
    )
    assert "2029-12-03" in events(facts_of(tmp_path, onto, text))
    text = (
        "DATE: 2030-12-18\n\n해양수산부는 해양드론 기술개발사업 신규과제를 19일부터 새해 1월 22일까지 "
        "공모한다.\n"
    )
    dates = events(facts_of(tmp_path, onto, text))
    assert "2031-01-22" in dates and "2030-01-22" not in dates


def test_a_later_month_of_a_sentence_that_stated_its_year_is_in_that_year(tmp_path, onto):
    text = (
        "DATE: 2030-12-22\n\n중기부는 해양드론 기술개발사업의 상반기 신규 과제를 2031년 1월 "
        "공고하고, 하반기 과제는 5월 공고할 예정이다.\n"
    )
    dates = events(facts_of(tmp_path, onto, text))
    assert {"2031-01", "2031-05"} <= dates and "2030-05" not in dates


def test_parts_in_a_bracket_glued_to_a_part_break_that_part_down(tmp_path, onto):
    text = (
        "중기부는 해양드론 기술개발사업으로 1단계 예비과제 300개(산학협력 200개, 산연협력 100개)와 "
        "2단계 실증과제 60개(산학협력 40개, 산연협력 20개) 등 총 360개 과제를 선정한다.\n"
    )
    counts = counted(facts_of(tmp_path, onto, text))
    assert {
        (200, "산학협력 예비과제"),
        (100, "산연협력 예비과제"),
        (40, "산학협력 실증과제"),
        (20, "산연협력 실증과제"),
    } <= counts
    assert not {noun for _, noun in counts} & {"산학협력", "산연협력"}


def test_a_list_whose_topic_is_an_area_of_technology_lists_technologies(tmp_path, onto):
    text = (
        "특허청은 4차 산업혁명 특허 통계집을 발간했다. 융·복합기술 분야는 해양드론-빅데이터, "
        "해양드론-사물인터넷, 극지로봇-자율운항 등이다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"해양드론-빅데이터", "해양드론-사물인터넷", "극지로봇-자율운항"} <= set(
        named(facts, "CoreTechnology")
    )
    assert not set(named(facts, "StrategicField")) & {"해양드론-빅데이터", "극지로봇-자율운항"}


def test_a_quoted_programme_name_with_a_rounds_tasks_names_the_programme(tmp_path, onto):
    text = "해양수산부는 19일부터 '2031년도 해양드론기술개발사업 신규과제'를 공모한다고 밝혔다.\n"
    programmes = named(facts_of(tmp_path, onto, text), "Programme")
    assert "해양드론기술개발사업" in programmes
    assert not any(name.endswith("신규과제") for name in programmes)


def test_a_budget_named_in_quotes_is_what_an_amount_sets(tmp_path, onto):
    text = (
        "해양수산부는 '해양드론 기술개발사업 내년도 예산'을 지난해와 비교해 13.7% 증가한 "
        "총 715억원으로 확정했다고 25일 밝혔다. 또 ''을 총 20억원으로 정했다.\n"
    )
    fundings = {name for name, _, _ in _fundings_in_eok(facts_of(tmp_path, onto, text))}
    assert "해양드론 기술개발사업 예산" in fundings


def test_a_bare_budget_raised_to_an_amount_funds_the_programme_its_sentence_names(tmp_path, onto):
    text = (
        "해양수산부는 해양드론 기술개발사업을 추진한다. 또 예산을 지난해에 비해 40억원에서 "
        "45억원으로 12% 증가시켜 극지로봇 기획지원사업을 강화한다.\n"
    )
    fundings = _fundings_in_eok(facts_of(tmp_path, onto, text))
    assert ("극지로봇 기획지원사업", 45, None) in fundings
    assert not any(name == "예산" for name, _, _ in fundings)


def test_a_count_of_filings_changed_to_another_year_is_of_that_year(tmp_path, onto):
    text = (
        "25일 특허청에 따르면 해양드론 특허출원은 지난 2024년 70건에서 2028년 530건으로 "
        "연평균 66%씩 늘었다.\n"
    )
    counts = counted(facts_of(tmp_path, onto, text))
    assert {(70, "특허출원 (2024년)"), (530, "특허출원 (2028년)")} <= counts


def test_a_kind_of_applicants_count_in_geon_is_of_its_filings(tmp_path, onto):
    text = "특허청에 따르면 해양드론 콘텐츠 특허 출원 가운데 중소기업이 75건으로 대기업을 앞섰다.\n"
    counts = counted(facts_of(tmp_path, onto, text))
    assert (75, "특허출원 (중소기업)") in counts and (75, "중소기업") not in counts


def test_an_amount_bounding_a_class_of_tasks_is_no_budget(tmp_path, onto):
    text = (
        "해양수산부는 해양드론 기술개발사업 과제 120개 가운데 110개를 100억 원 이상의 "
        "대형 과제로 기획했다. 또 총 200억원 이상의 예산을 투입한다.\n"
    )
    amounts = {amount for _, amount, _ in _fundings_in_eok(facts_of(tmp_path, onto, text))}
    assert 100 not in amounts and 200 in amounts


def test_a_business_group_named_alone_is_a_body(tmp_path, onto):
    text = (
        "특허청에 따르면 해양드론 특허출원은 LG 삼성 SK 등 국내 대표 3개사를 중심으로 늘었다. "
        "포스코가 뒤를 이었고, 설명회는 삼성동에서 열렸다.\n"
    )
    orgs = named(facts_of(tmp_path, onto, text), "Organization")
    assert {"LG", "삼성", "SK", "포스코"} <= set(orgs)
    assert "삼성동" not in orgs


def test_a_clauses_verbal_noun_and_a_time_before_a_counted_set_are_no_items(tmp_path, onto):
    text = (
        "해양수산부는 올 초부터 해양드론 기술개발사업 대상자를 모집, 이달 총 30개 기업과 협약을 "
        "체결했다.\n"
    )
    orgs = named(facts_of(tmp_path, onto, text), "Organization")
    assert not {"모집", "이달"} & set(orgs)


def test_a_centre_in_a_schedule_of_cities_is_a_venue(tmp_path, onto):
    text = (
        "해양수산부는 해양드론 기술개발사업 설명회를 연다.\n"
        "* 1. 18.(목) 광주, 빛고을컨벤션센터 / 1. 19.(금) 대전, 한밭대학교 / 1. 22.(월) 부산, "
        "한국해양드론연구원\n"
    )
    orgs = named(facts_of(tmp_path, onto, text), "Organization")
    assert "빛고을컨벤션센터" not in orgs
    assert {"한밭대학교", "한국해양드론연구원"} <= set(orgs)


def test_a_count_compared_against_is_of_its_year_and_counts_no_comparison(tmp_path, onto):
    text = (
        "특허청에 따르면 지난해 해양드론 특허 출원은 4만8245건이다. 이는 전년도인 2029년의 "
        "4만5795건 대비 5.3% 증가한 수치다.\n"
    )
    counts = counted(facts_of(tmp_path, onto, text))
    assert (45795, "특허출원 (2029년)") in counts
    assert not any(noun.startswith("대비") for _, noun in counts)


def test_what_a_patent_analysis_counts_the_patents_of_is_a_technology(tmp_path, onto):
    text = (
        "해양드론·결빙센싱·열수광물 특허 늘어\n"
        "특허청에 따르면 해양드론 분야 특허출원이 2014년 30건에서 2023년 300건으로 늘었다. "
        "극지 결빙센싱기술에 대한 PCT 국제특허출원도 늘었다. 심해 열수광물 관련 특허는 "
        "중소기업 특허출원과 함께 증가했다. 지난해 특허출원은 유효 특허 분석 결과와 같았다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    technologies = named(facts, "CoreTechnology")
    assert {"해양드론", "극지 결빙센싱기술", "심해 열수광물"} <= set(technologies)
    assert "극지 결빙센싱" in technologies["극지 결빙센싱기술"]["aliases"]
    assert not set(technologies) & {"중소기업", "지난해", "유효"}
    assert "해양드론" not in named(facts, "StrategicField")


def test_a_ranking_begun_by_a_kind_of_item_goes_on_in_the_next_sentence(tmp_path, onto):
    text = (
        "특허청에 따르면 해양드론 관련 특허출원이 늘었다. 기술 분야별로 보면 이차극지로봇"
        "(860건)이 11.5% 늘었고, 심해채굴(650건) 15.5%, 해저통신(510건)이 15.1% 늘었다. "
        "해양드론 특허를 분야별로 살펴보면 수중 항법이 3221건으로 가장 많았다. 그 뒤로는 "
        "수중음향 2292건(33%), 군집제어 961건(14%) 순이었다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"이차극지로봇", "심해채굴", "해저통신", "수중음향", "군집제어"} <= fields
    assert "극지로봇" not in fields


def test_a_technology_qualified_by_an_adjective_in_jeok_is_a_kind(tmp_path, onto):
    text = (
        "중소벤처기업부는 기술로드맵에 따라 독자적 기술을 개발하고 혁신적 기술 확보를 "
        "지원한다. 해양드론 표적탐지 기술을 개발한다.\n"
    )
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert not technologies & {"독자적 기술", "혁신적 기술"}
    assert "해양드론 표적탐지 기술" in technologies


def test_a_rankings_first_part_keeps_its_words_and_the_rest_is_no_part(tmp_path, onto):
    text = (
        "특허청에 따르면 해양드론 관련 특허출원이 늘었다. 기술별로는 군집제어 기술이 "
        "126건(27%)으로 가장 많았고, 그 다음으로 수중항법 기술 122건(26%), 기타 기술 "
        "29건(6%) 순이었다.\n"
    )
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert {"군집제어 기술", "수중항법 기술"} <= technologies
    assert not technologies & {"기술", "기타 기술"}


def test_a_patent_subject_is_printed_more_than_once(tmp_path, onto):
    text = (
        "특허청에 따르면 해양드론 특허출원이 늘었다. 해양드론 분야 특허출원은 300건이다. "
        "극지·비대면 관련 특허 확보 경쟁도 치열하다. 연평균 특허출원은 12% 늘었다.\n"
    )
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert "해양드론" in technologies
    assert not technologies & {"극지·비대면", "연평균"}


def _source(tmp_path, onto, text: str):
    from stkg.ingest.context import BuildContext
    from stkg.ingest.extract.base import Source

    path = tmp_path / "release.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    return Source(doc, BuildContext(onto, "doc", doc.text))


def test_a_new_name_starts_where_its_word_starts(tmp_path, onto):
    from stkg.ingest.extract.resolve import Found, add_entity

    source = _source(tmp_path, onto, "해당 기술은 홀로그램, 수중통신 등이다.\n")
    at = source.text.index("그램")
    add_entity(source, Found("CoreTechnology", "그램", at, at + 2, "test", 0.5))
    assert set(named(source.ctx.facts, "CoreTechnology")) == {"홀로그램"}


def test_a_figure_or_a_line_break_is_no_name(tmp_path, onto):
    from stkg.ingest.extract.resolve import Found, add_entity

    source = _source(tmp_path, onto, "* 비중: 7.17%\n\n단일기술 중 183,762(’19)\n")
    for name in ("7.17%\n\n단일기술", "183,762(’"):
        at = source.text.index(name)
        assert (
            add_entity(source, Found("CoreTechnology", name, at, at + len(name), "t", 0.5)) is None
        )
    assert not named(source.ctx.facts, "CoreTechnology")


def test_a_parts_name_joined_by_and_after_a_bracketed_share_is_whole(tmp_path, onto):
    text = (
        "특허청에 따르면 해양드론 관련 특허출원이 늘었다. 기술별로는 군집제어 기술이 "
        "126건(27%)으로 가장 많았고, 그 다음으로 수중항법 기술 98건(21%), 살수 및 양액 "
        "공급 기술 47건(10%), 해저 센서를 결합한 결합계 44건(9%) 순이었다.\n"
    )
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert "살수 및 양액 공급 기술" in technologies
    assert "양액 공급 기술" not in technologies
    assert not any(name.startswith("해저 센서를") for name in technologies)


def test_only_a_breakdown_by_applicant_names_applicants(tmp_path, onto):
    text = (
        "특허청에 따르면 해양드론 관련 특허출원이 늘었다. 주요 출원인이 사용한 소재를 "
        "기준으로 보면 티타늄계 47건(60.3%), 세라믹계 16건(20.5%), 기타 10건(12.8%)이었다.\n"
        "최근 10년간 출원인을 살펴보면 내국인이 77.9%였다.\n"
        "지난 10년간 수중기기는 총 600건이 출원됐으며, 부이 142건, 글라이더 118건 순이었다. "
        "출원인별로는 해양테크가 24건으로 가장 많았고 심해로보(10건), 딥블루(8건) 순이었다.\n"
    )
    organisations = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert {"해양테크", "심해로보", "딥블루"} <= organisations
    assert not organisations & {"티타늄계", "세라믹계", "기타", "부이", "글라이더"}


def test_a_body_counted_right_before_it_is_a_kind(tmp_path, onto):
    text = (
        "특허청에 따르면 선진 5개 해양지식관청에 출원된 특허는 늘었다. 해양드론연구원은 "
        "이번 분석을 맡았다.\n"
    )
    organisations = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert "해양드론연구원" in organisations
    assert "해양지식관청" not in organisations


def test_a_parts_name_starts_after_the_bracket_of_the_part_before(tmp_path, onto):
    text = (
        "특허청에 따르면 해양드론 특허출원이 늘었다. 해외 출원은 베트남(1395건, 31.4% 증가), "
        "인도(3826건, 14.4% 증가), 대만(3365건, 8.1% 증가) 등으로 늘었다.\n"
    )
    counted = {(value, noun) for value, noun, _ in figures(facts_of(tmp_path, onto, text))}
    assert {(3826, "출원 (인도)"), (3365, "출원 (대만)")} <= counted


def test_a_counts_topic_that_is_a_cue_an_aspect_or_a_period_names_what_is_counted(tmp_path, onto):
    text = (
        "특허청에 따르면 지난해 특허출원은 늘었다. 해양드론 분야도 1만624건으로 14.4% "
        "늘었다. 특허출원 규모가 26만건을 넘어선 국가는 일본이다. 해외 출원은 전년 같은 "
        "기간(12만3792건)보다 늘었다.\n"
    )
    counted = {(value, noun) for value, noun, _ in figures(facts_of(tmp_path, onto, text))}
    assert {(10624, "특허출원 (해양드론 분야)"), (260000, "특허출원")} <= counted
    assert (123792, "출원 (같은 기간)") in counted


def test_an_area_ranked_among_others_stays_a_field_not_a_patent_subject(tmp_path, onto):
    text = (
        "특허청에 따르면 상반기 특허출원이 늘었다. 산업별로는 해양 ICT 관련 산업 특허출원이 "
        "1만4089건으로 늘었다. 해양드론 분야 특허출원은 5672건으로 늘었다. 해양드론 기업이 "
        "늘었다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert "해양드론" in named(facts, "StrategicField")
    assert "해양드론" not in named(facts, "CoreTechnology")


def test_bulleted_items_with_figures_in_brackets_closed_by_a_cue_with_do(tmp_path, onto):
    text = (
        "해양수산부는 기술로드맵의 핵심전략기술을 늘렸다. 이밖에 △해양드론(13개→15개) "
        "△극지로봇(38개→44개) △심해채굴(0개→5개) 분야도 모두 핵심전략기술이 늘었다.\n"
        "기술분야별로 보면 ▲수중 항법기술(65%) ▲군집 제어기술(14%) 등이 있다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"해양드론", "극지로봇", "심해채굴"} <= set(named(facts, "StrategicField"))
    assert {"수중 항법기술", "군집 제어기술"} <= set(named(facts, "CoreTechnology"))


def test_an_ordinal_plan_word_and_an_announced_short_form_name_no_edition(tmp_path, onto):
    text = (
        "DATE: 2031-05-01\n\n해양드론 1차 기본계획 확정\n"
        "해수부는 '제1차 해양드론 육성 기본계획(2018∼2022)'을 확정했다. 해수부는 "
        "‘해양드론 투자로드맵 2020’(이하 투자로드맵)을 마련했다. 정부는 제2차 "
        "해양에너지기본계획을 세웠다.\n"
    )
    editions = set(named(facts_of(tmp_path, onto, text), "RoadmapEdition"))
    assert {"제1차 해양드론 육성 기본계획", "제2차 해양에너지기본계획"} <= editions
    assert not editions & {"1차 기본계획", "이하 투자로드맵"}


def test_bulleted_items_under_programmes_with_ene_are_programmes(tmp_path, onto):
    text = (
        "내년 해양청의 주요 R&D 사업에는 △해양드론 관제시스템 개발 △극지 예보지원 기술 개발 "
        "등이 포함됐다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {"해양드론 관제시스템 개발", "극지 예보지원 기술 개발"} <= programmes


def test_an_applicant_ranking_counts_each_partys_filings(tmp_path, onto):
    text = (
        "특허청에 따르면 해양드론 특허출원이 늘었다. 해양드론 최다 출원인은 해양테크㈜가 "
        "284건으로 1위를 차지했으며, 이어 ㈜심해로보가 174건, 경희대 87건, ㈜딥블루 60건, "
        "조선대 56건 순이었다.\n"
    )
    counted = {(value, noun) for value, noun, _ in figures(facts_of(tmp_path, onto, text))}
    assert {
        (284, "특허출원 (해양테크㈜)"),
        (174, "특허출원 (㈜심해로보)"),
        (56, "특허출원 (조선대)"),
    } <= counted
    assert not any("심해로보" in noun for value, noun in counted if value in (87, 60))


def test_a_later_day_of_a_sentence_continues_the_month_of_the_day_before(tmp_path, onto):
    text = (
        "DATE: 2031-01-19\n\n해양수산부는 해양드론 기술개발사업 설명회를 연다. 해수부는 18일 "
        "광주를 시작으로 19일 대전, 22일 부산 등을 돌며 '2031년 해양드론 R&D 설명회'를 "
        "열고 있다. 지난 25일에는 공청회를 열었다.\n"
    )
    dates = events(facts_of(tmp_path, onto, text))
    assert {"2031-01-18", "2031-01-22", "2030-12-25"} <= dates
    assert "2030-12-22" not in dates


def test_a_patent_subject_printed_with_and_without_gisul_is_one_technology(tmp_path, onto):
    text = (
        "해양드론 시대… 특허 출원 활발\n"
        "특허청에 따르면 해양드론 기술에 관한 국내 특허출원은 지난해 1271건으로 늘었다. "
        "해양드론 관련 특허 출원은 2007년 202건에서 늘었다.\n"
    )
    technologies = named(facts_of(tmp_path, onto, text), "CoreTechnology")
    assert "해양드론 기술" in technologies
    assert "해양드론" not in technologies


def test_a_share_and_count_bracket_and_a_filed_most_ranking_name_applicants(tmp_path, onto):
    text = (
        "특허청에 따르면 해양드론 특허출원이 늘었다. 주요 출원인으로는 해양테크(13.3%·88건)가 "
        "최다 출원인으로 나타났으며, 다음으로 딥블루(7.5%·50건), 심해로보(7.2%·48건) 등이 뒤를 "
        "이었다.\n"
        "극지로봇은 수중기술이 24건으로 가장 많이 출원했고 빙하공업(15건), 북극소재(9건) "
        "순이었다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    counted = {(value, noun) for value, noun, _ in figures(facts)}
    assert {(88, "특허출원 (해양테크)"), (50, "특허출원 (딥블루)")} <= counted
    organisations = set(named(facts, "Organization"))
    assert {"해양테크", "딥블루", "심해로보", "빙하공업", "북극소재"} <= organisations


def test_a_list_closed_by_a_plural_cue_is_typed_by_the_cue(tmp_path, onto):
    text = (
        "특허청에 따르면 해양드론 특허출원이 늘었다. 딥블루, 오션테크 등 세계적인 대형 "
        "전자·통신 업체들까지도 국내 특허출원을 본격화하고 있다.\n"
    )
    assert {"딥블루", "오션테크"} <= set(named(facts_of(tmp_path, onto, text), "Organization"))


def test_a_programme_named_only_by_whose_or_where_it_is_is_a_kind(tmp_path, onto):
    text = (
        "중소벤처기업부는 해양드론 기술개발사업을 지원한다. 부처사업과 지역사업, 국제사업, "
        "대표 R&D사업도 늘렸다. 해양드론 지역혁신사업도 새로 만들었다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert "해양드론 기술개발사업" in programmes
    assert not programmes & {"부처사업", "지역사업", "국제사업", "대표 R&D사업"}


def test_a_list_counted_as_a_set_is_typed_by_the_set_not_its_last_head(tmp_path, onto):
    text = (
        "중소벤처기업부는 기술개발사업 공고에서 해양드론, 극지탐사, 수중통신 기술 등 미래 "
        "유망 12대 전략분야를 지원한다고 밝혔다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"해양드론", "극지탐사", "수중통신"} <= set(named(facts, "StrategicField"))
    assert not {"해양드론", "극지탐사"} & set(named(facts, "CoreTechnology"))


def test_a_bulleted_item_ends_at_its_unbracketed_amount(tmp_path, onto):
    text = (
        "해양수산부는 해양드론 R&D 예산을 늘렸다. 신규 R&D 사업으로는 ▲심해 탐사 고도화 "
        "93억원: 자유공모 과제 ▲극지 관측 38억원: 빙하 20억원, 해빙 16억원 등 "
        "▲수중드론 실증기술 98억원: 시험-평가 지원 ▲해양 통신 융합기술 28억원 등이 있다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {
        "심해 탐사 고도화",
        "극지 관측",
        "수중드론 실증기술",
        "해양 통신 융합기술",
    } <= programmes
    assert not any("억원" in name for name in programmes)


def test_a_text_that_speaks_of_technology_again_and_again_is_on_the_topic(tmp_path, onto):
    # no topic word of the ontology (no 분야, 사업, 로드맵 …), but technology throughout
    text = (
        "과학기술정보통신부는 해양드론, 극지탐사, 수중통신 등 3대 국가전략기술을 발표했다. "
        "국가전략기술 육성으로 기술주권을 확보하고 기술혁신을 이끈다.\n"
    )
    assert {"해양드론", "극지탐사", "수중통신"} <= set(
        named(facts_of(tmp_path, onto, text), "StrategicField")
    )


def test_a_count_printed_after_a_bulleted_item_is_no_part_of_its_name(tmp_path, onto):
    text = (
        "해양수산부는 해양드론 R&D 과제를 선정했다. 분야별로는 △해양드론 22개(44억원) "
        "△극지탐사 19개(38억원) △수중통신 4개(8억원)다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"해양드론", "극지탐사", "수중통신"} <= fields
    assert not any(name.endswith("개") for name in fields)


def test_a_province_acting_is_its_government_and_a_place_in_it_is_not(tmp_path, onto):
    text = (
        "강원도는 도내 중소기업의 기술혁신을 위해 해양드론 기술개발사업에 80억원을 지원한다. "
        "전남도와 해양드론진흥원은 과제를 모집한다. 경북도내 기업과 충남 소재 기업도 대상이다.\n"
    )
    organisations = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert {"강원도", "전남도"} <= organisations
    assert not organisations & {"경북도", "경북도내", "충남"}


def test_a_measure_glued_to_its_number_is_no_counted_noun(tmp_path, onto):
    text = (
        "특허청에 따르면 해양드론 특허출원 건수는 직전 2년에 비해 약 2.8배(145건→403건) 증가했다.\n"
    )
    counted = {noun for _, noun, _ in figures(facts_of(tmp_path, onto, text))}
    assert "배" not in counted


def test_a_range_of_days_printed_after_its_month_dates_both_ends(tmp_path, onto):
    text = (
        "DATE: 2010-01-28\n\n해양드론 기술개발사업 R&D 신청\n\n"
        "중소기업청은 해양드론 기술개발사업을 공모한다. 신청기간은 3월 2~28일까지 온라인으로 "
        "사업계획서를 접수하면 된다.\n"
    )
    dated = {
        (n.props["eventDate"], n.props["eventKind"])
        for n in facts_of(tmp_path, onto, text).nodes.values()
        if n.cls == "StatedEvent"
    }
    assert {("2010-03-02", "접수"), ("2010-03-28", "접수")} <= dated
    assert ("2010-01-28", "접수") not in dated  # not the article's month


def test_a_range_that_closes_in_the_same_month_dates_its_last_day_there(tmp_path, onto):
    text = (
        "DATE: 2021-12-30\n\n해양드론 기술개발사업 R&D\n\n"
        "중소벤처기업부는 해양드론 기술개발사업 신규 과제 모집 계획을 공고했다. 사업 신청 "
        "기간은 내년 2월7일부터 같은 달 14일까지다.\n"
    )
    assert {"2022-02-07", "2022-02-14"} <= events(facts_of(tmp_path, onto, text))


def test_an_adverb_kiwi_reads_into_the_start_of_a_word_opens_the_noun(tmp_path, onto):
    # Kiwi reads 홀로그램 as 홀로 (an adverb) + 그램
    text = "과기정통부의 핵심기술은 홀로그램, 해양드론, 수중통신, 극지탐사 등이다.\n"
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert "홀로그램" in technologies
    assert "그램" not in technologies


def test_a_kind_of_technology_glued_to_its_stem_names_none(tmp_path, onto):
    text = (
        "해양수산부는 해양드론 R&D 사업으로 해양드론핵심원천기술을 개발하고, 심해 탐사 "
        "요소기술을 확보하며, 수중드론 충전시스템 기술을 개발한다.\n"
    )
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert "수중드론 충전시스템 기술" in technologies
    assert not technologies & {"해양드론핵심원천기술", "심해 탐사 요소기술"}


def test_what_a_plan_creates_or_advances_is_no_listed_item(tmp_path, onto):
    text = (
        "중소벤처기업부는 해양드론 기술개발사업을 통해 수출 확대, 고도화, 신시장 창출 등 3개 "
        "품목을 지원한다.\n"
    )
    products = set(named(facts_of(tmp_path, onto, text), "StrategicProduct"))
    assert not products & {"고도화", "신시장 창출"}


def test_tasks_broken_down_by_term_or_size_name_no_tracks(tmp_path, onto):
    text = (
        "중소벤처기업부는 해양드론 기술개발사업으로 장기(2개), 단기(4개), 소규모(4개) 등 모두 "
        "10개 과제를 지원한다. 상반기에는 첫걸음(430개), 도약형(20개) 등 총 450개 과제를 "
        "선정했다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {"첫걸음", "도약형"} <= programmes
    assert not programmes & {"장기", "단기", "소규모"}


def test_filings_in_a_text_on_patents_are_patent_filings_unless_a_word_says_what_else(
    tmp_path, onto
):
    text = (
        "특허청에 따르면 해양드론 특허를 출원하는 기업이 늘었다. 2009년(204건), 2010년(423건)에는 "
        "매년 두 배가량 늘었다. 상표 출원은 지난해(2만341건) 늘었다.\n"
    )
    counted = {(value, noun) for value, noun, _ in figures(facts_of(tmp_path, onto, text))}
    assert {(204, "특허출원 (2009년)"), (423, "특허출원 (2010년)")} <= counted
    assert (20341, "출원 (지난해)") in counted


def test_a_ratio_after_n_dae_is_no_count(tmp_path, onto):
    text = (
        "해양수산부의 해양드론 기술개발사업 공모에는 1186개 과제가 접수돼 평균 7.8대 1의 "
        "경쟁률을 기록했다.\n"
    )
    counted = {value for value, _, _ in figures(facts_of(tmp_path, onto, text))}
    assert 1186 in counted
    assert 7.8 not in counted


def test_a_type_of_task_is_no_programme(tmp_path, onto):
    text = (
        "중소벤처기업부는 해양드론 기술개발사업으로 품목지정형 과제와 자유공모형 과제를 "
        "모집한다. 자유공모형 과제에는 190억원을 지원한다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert "해양드론 기술개발사업" in programmes
    assert not programmes & {"품목지정형 과제", "자유공모형 과제"}


def test_a_weekday_after_a_ranges_first_day_leaves_the_range_whole(tmp_path, onto):
    text = (
        "DATE: 2024-01-10\n\n해양드론 R&D 설명회\n\n"
        "해양수산부는 해양드론 기술개발사업을 알리려 1월 18일(목)부터 22일(월)까지 ‘해양드론 "
        "연구개발(R&D) 투자방향 설명회’를 개최한다.\n"
    )
    dated = events(facts_of(tmp_path, onto, text))
    assert {"2024-01-18", "2024-01-22"} <= dated
    assert "2023-12-22" not in dated


def test_a_programme_printed_with_its_head_apart_is_known_without_it(tmp_path, onto):
    text = (
        "과학기술정보통신부는 해양드론펠로우십 사업에 1299억원을 투입해 신진 연구자의 성장을 "
        "지원한다.\n"
    )
    programmes = named(facts_of(tmp_path, onto, text), "Programme")
    assert "해양드론펠로우십" in programmes["해양드론펠로우십 사업"].get("aliases", ())


def test_a_listed_item_described_then_named_in_quotes_is_the_quoted_name(tmp_path, onto):
    text = (
        "해양수산부는 해양드론 기술개발사업과 함께 해양드론 지원센터를 연다. 센터의 주요 사업은 "
        "▲예비창업자를 위한 "
        "‘해양드론 디딤돌 프로그램’ ▲창업 7년 이내 기업을 위한 ‘해양드론 도약 프로그램’ "
        "▲수출예정 기업을 위한 ‘해양드론 수출바우처’ 등이며 단계별로 지원한다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {
        "해양드론 디딤돌 프로그램",
        "해양드론 도약 프로그램",
        "해양드론 수출바우처",
    } <= programmes
    assert not any("위한" in name for name in programmes)
    assert "수출예정 기업" not in programmes


def test_a_later_day_told_in_the_present_is_this_months_not_last_months(tmp_path, onto):
    text = (
        "DATE: 2020-01-05\n\n해양드론 설명회\n\n"
        "해양수산부가 오는 8일부터 ‘해양드론 기술개발사업 설명회’를 연다고 5일 발표했다. "
        "서울(8일)을 시작으로 광주(15일), 부산(17일) 등에서 잇따라 설명회를 연다. "
        "해양수산부는 지난 28일 해양드론 기술개발사업 계획을 발표했다.\n"
    )
    dated = events(facts_of(tmp_path, onto, text))
    assert "2020-01-17" in dated
    assert "2019-12-17" not in dated
    assert "2019-12-28" in dated  # 지난: last month's


def test_people_named_with_a_title_glued_to_their_body_are_no_listed_items(tmp_path, onto):
    text = (
        "과학기술정보통신부는 해양드론 기술개발사업단 출범식을 열었다. 출범식에는 박영호 "
        "해양드론포럼 의장, 최민수 해양로봇공학회장, 정우진 해양드론 사업단장 등 해양드론 분야 "
        "전문가들이 참석했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    names = {n.props.get("name", "") for n in facts.nodes.values()}
    assert not any(name.startswith(("박영호", "최민수", "정우진")) for name in names)


def test_a_patent_subject_may_hold_a_number_glued_to_latin_letters(tmp_path, onto):
    text = (
        "특허청에 따르면 4D 프린팅 관련 특허 출원은 2010년 20건에서 지난해 120건으로 늘었다. "
        "4D 프린팅 관련 특허 출원 가운데 IP5 특허 출원도 늘었다.\n"
    )
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert "4D 프린팅" in technologies
    assert not any(name.startswith("IP5") for name in technologies)


def test_a_programme_word_for_what_any_programme_does_names_none(tmp_path, onto):
    text = (
        "해양수산부는 해양드론 기술개발사업과 함께 해양드론 인재 발굴 및 양성 프로그램을 "
        "추진한다. 올해는 사업 프로그램을 ‘일반형’과 ‘입소형’으로 나누고 멘토링 사업도 "
        "운영한다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert "해양드론 기술개발사업" in programmes
    assert not programmes & {"양성 프로그램", "사업 프로그램", "멘토링 사업"}


def test_the_most_filed_counts_patent_filings_not_bare_filings(tmp_path, onto):
    text = (
        "특허청에 따르면 지난해 해양드론 분야 특허출원은 1만2천건이었다. 특허 최다출원 기업은 "
        "한빛해양(558건)이고, 그 뒤를 누리드론(309건)이 이었다.\n"
    )
    counted = {(value, of) for value, of, _ in figures(facts_of(tmp_path, onto, text))}
    assert (558, "특허출원 (한빛해양)") in counted


def test_a_programme_named_without_its_head_joins_the_candidate_that_lists_that_wording(
    tmp_path, onto
):
    # the headline drops 사업; the body quotes the full name, which the programme extractor
    # already gives the shorter wording as an alias: one programme, not two
    text = (
        "TIPA, 해양 디지털전환 바우처 공고…올해 120억원\n\n"
        "중소기업기술정보진흥원(TIPA)은 8일 '해양 디지털전환 바우처 사업' 참여기업 모집 공고를 "
        "냈다.\n올해 예산은 120억원으로 기업당 최대 1억원까지 지원한다.\n"
    )
    programmes = [n for n in facts_of(tmp_path, onto, text).nodes.values() if n.cls == "Programme"]
    assert [p.props["name"] for p in programmes] == ["해양 디지털전환 바우처 사업"]
    assert programmes[0].props["aliases"] == ["해양 디지털전환 바우처"]


def test_a_headline_opening_with_a_body_and_a_comma_names_who_speaks_not_a_list(tmp_path, onto):
    text = (
        "산업부, 소부장 핵심전략기술 150개로 확대\n\n"
        "산업통상자원부는 3일 소재·부품·장비 핵심전략기술을 기존 100개에서 150개로 늘린다고 "
        "밝혔다.\n새로 추가된 기술은 반도체 분야 극자외선(EUV) 포토레지스트, 디스플레이 분야 "
        "마이크로LED 전사 장비 등이다.\n분야별로는 반도체(25개→35개), 디스플레이(16개→22개) "
        "등으로 늘었다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert named(facts, "CoreTechnology") == {}


@pytest.mark.parametrize(
    "clause",
    ["건식 전극 코팅 기술이 전체의 45%를 차지했고", "건식 전극 코팅 기술이 38.2%로 가장 많았고"],
)
def test_a_technology_as_the_subject_of_its_share_of_the_filings(tmp_path, onto, clause):
    text = (
        "특허청, 라마 전지 특허 분석\n\n"
        "특허청은 2일 라마 전지 분야의 특허출원 동향을 분석한 결과를 내놓았다.\n"
        f"{clause}, 전해질 박막 공정 기술과 음극 계면 제어 기술이 뒤를 이었다.\n"
    )
    assert "건식 전극 코팅 기술" in named(facts_of(tmp_path, onto, text), "CoreTechnology")


def test_a_pair_in_apposition_to_a_qualified_cue_is_a_list(tmp_path, onto):
    text = (
        "라마부, 올해 구매연계 R&D 품목 공개\n\n"
        "중소벤처기업부는 22일 올해 구매연계형 기술개발사업으로 지원할 품목을 공개했다.\n"
        "전략제품인 라마 검사장비와 해양용 영상진단기는 지난해에 이어 지원한다.\n"
    )
    products = named(facts_of(tmp_path, onto, text), "StrategicProduct")
    assert {"라마 검사장비", "해양용 영상진단기"} <= set(products)


def test_a_pair_counted_as_two_after_a_cue_as_its_topic_is_a_list(tmp_path, onto):
    text = (
        "중소기업 기술로드맵 나왔다…분야 재편\n\n"
        "중소벤처기업부가 14일 내놓은 중소기업 기술로드맵은 전략분야를 22개로 줄였다.\n"
        "새로 생긴 분야는 라마항공과 바다기술 두 곳이다.\n"
    )
    assert {"라마항공", "바다기술"} <= set(named(facts_of(tmp_path, onto, text), "StrategicField"))


def test_a_known_programme_followed_by_its_amount_is_still_mentioned(tmp_path, onto):
    # the amount after the name is what the programme gets, not more of its name
    text = (
        "중기부 통합공고\n\n"
        "중소벤처기업부는 26일 중소기업 기술개발 지원사업 통합공고를 냈다.\n"
        "사업별 예산은 ▲중소기업기술혁신개발 4,912억원 ▲산학연 Collabo R&D 1,030억원 등이다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    known = {n.id for n in facts.nodes.values() if n.cls == "Programme"}
    assert {"programme:기술혁신", "programme:산학연협력기술개발사업"} <= known


def test_a_count_after_a_counted_set_counts_no_piece_of_the_set(tmp_path, onto):
    # ``6대 분야 100개``: 100 are what the six fields hold, not a kind of 분야
    text = (
        "라마부, 핵심기술 확대\n\n"
        "라마부는 핵심기술을 기존 6대 분야 100개에서 8대 분야 140개로 늘린다고 밝혔다.\n"
    )
    nouns = {(value, noun) for value, noun, _ in figures(facts_of(tmp_path, onto, text))}
    assert (6, "분야") in nouns and (8, "분야") in nouns
    assert not any(noun.startswith("대") for _, noun in nouns), nouns


def test_a_list_chosen_as_a_counted_set_without_etc_is_typed_by_it(tmp_path, onto):
    text = (
        "라마부, 올해 중점 분야 발표\n\n"
        "라마부는 올해 로드맵에서 라마반도체, 미래라마, 바다헬스를 3대 중점 분야로 꼽았다.\n"
        "라마부는 바다소재, 하늘부품을 중점 육성 기술로 개발한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"라마반도체", "미래라마", "바다헬스"} <= set(named(facts, "StrategicField"))
    # without a verb of choosing, the 로 says what they are developed as, not a set chosen
    assert not {"바다소재", "하늘부품"} & set(named(facts, "CoreTechnology"))


@pytest.mark.parametrize(
    ("sentence", "cls"),
    [
        ("새로 추가된 분야는 라마헬스와 '바다농업'이다.", "StrategicField"),
        ("이번에 선정된 기술은 라마 태양전지와 바다모듈원자로다.", "CoreTechnology"),
    ],
)
def test_a_pair_after_a_cue_chosen_in_a_clause_is_a_list(tmp_path, onto, sentence, cls):
    text = f"라마부 로드맵 발표\n\n라마부는 10일 올해 로드맵을 발표했다.\n{sentence}\n"
    assert len(named(facts_of(tmp_path, onto, text), cls)) == 2


@pytest.mark.parametrize(
    ("sentence", "cls"),
    [
        (
            "분야별로 보면 라마통신 분야가 가장 많았고 이어 바다기계·소재, 하늘의료 순이었다.",
            "StrategicField",
        ),
        ("산업별로는 라마반도체가 가장 많았고 바다화학, 하늘조선이 뒤를 이었다.", "StrategicField"),
        (
            "기술 분야별로는 라마 전극이 가장 많았고 이어 바다 전해질, 하늘 음극 순이었다.",
            "CoreTechnology",
        ),
    ],
)
def test_the_items_of_a_ranking_by_area_are_areas(tmp_path, onto, sentence, cls):
    text = f"라마청 로드맵 과제\n\n라마청은 3일 기술로드맵 과제 현황을 내놓았다.\n{sentence}\n"
    facts = facts_of(tmp_path, onto, text)
    assert len(named(facts, cls)) == 3, named(facts, cls)
    assert not named(facts, "StrategicProduct")  # ``…·소재`` ranked as an area


def test_what_an_area_is_to_someone_names_no_field(tmp_path, onto):
    text = (
        "라마부 로드맵 발표\n\n"
        "각 대학은 라마바이오, 바다에너지 등 특성화 분야를 중심으로 연구한다.\n"
        "라마부는 취약 분야와 주력 분야를 나눠 지원한다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"라마바이오", "바다에너지"} <= fields
    assert not {"특성화", "취약", "주력"} & fields


def test_a_listed_programme_may_end_in_building_or_proving(tmp_path, onto):
    text = (
        "라마부 내년 예산\n\n"
        "라마부는 내년 R&D 예산안을 발표했다.\n"
        "주요 사업으로는 라마반도체 핵심기술개발(100억원), 바다처리장치 팜 구축(50억원), "
        "하늘로봇 실증(30억원) 등이 있다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {"바다처리장치 팜 구축", "하늘로봇 실증"} <= programmes


def test_a_short_word_headed_by_goods_is_a_field_among_fields(tmp_path, onto):
    text = "라마부 로드맵 발표\n\n라마부는 로드맵에서 라마로봇과 신소재 분야를 지원한다.\n"
    assert {"라마로봇", "신소재"} <= set(named(facts_of(tmp_path, onto, text), "StrategicField"))


def test_a_programmes_standing_in_its_bracket_is_not_what_the_amount_funds(tmp_path, onto):
    text = (
        "라마부 내년 예산\n\n"
        "라마부는 내년 R&D 예산안을 발표했다.\n"
        "주요 사업은 ▲라마반도체 핵심기술개발(신규, 100억원) ▲바다처리장치 기술개발(계속, 50억원) 등이다.\n"
    )
    assert fundings(facts_of(tmp_path, onto, text)) == {
        ("라마반도체 핵심기술개발", 10_000_000_000),
        ("바다처리장치 기술개발", 5_000_000_000),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "라마부는 제8차 라마산업혁신계획을 수립했다.",
        "라마부는 라마산업혁신계획(2024~2028)을 수립했다.",
    ],
)
def test_a_plan_word_with_its_editions_ordinal_or_period_is_an_edition(tmp_path, onto, sentence):
    text = f"DATE: 2021-03-10\n\n라마부 계획 수립\n\n{sentence}\n라마부는 올해 기술로드맵도 함께 내놓았다.\n"
    editions = {
        (n.props["name"], n.props.get("year"))
        for n in facts_of(tmp_path, onto, text).nodes.values()
        if n.cls == "RoadmapEdition"
    }
    assert any("라마산업혁신계획" in name for name, _ in editions), editions


def test_a_plan_word_alone_is_still_no_edition(tmp_path, onto):
    text = "라마부 계획\n\n라마부는 기술로드맵을 내놓고 라마산업혁신계획도 세우기로 했다.\n"
    names = {n.props["name"] for n in facts_of(tmp_path, onto, text).nodes.values()}
    assert not any("혁신계획" in name for name in names)


def test_another_outlets_period_in_brackets_after_a_known_series_is_kept(tmp_path, onto):
    text = "DATE: 2020-11-10\n\n중기부는 10일 중소기업 기술로드맵(2021~2023)을 발표했다.\n"
    editions = [
        n for n in facts_of(tmp_path, onto, text).nodes.values() if n.cls == "RoadmapEdition"
    ]
    assert [e.id for e in editions] == ["edition:중소기업기술로드맵@2021"]
    assert (editions[0].props.get("startYear"), editions[0].props.get("endYear")) == (2021, 2023)
    assert "name" not in editions[0].props  # the official release names it


@pytest.mark.parametrize(
    "sentence",
    [
        "기술별 출원 비중은 라마 전해질이 46.2%로 가장 높았고 바다 계면 제어(21.5%), "
        "하늘 셀 공정(17.8%) 순이었다.",
        "세부 기술별로는 라마 전해질이 38%, 바다 계면 제어가 27%, 하늘 셀 공정이 21%를 차지했다.",
        "기술별로는 라마 전해질이 가장 큰 비중을 차지했고 바다 계면 제어, 하늘 셀 공정이 뒤를 이었다.",
    ],
)
def test_the_items_of_a_ranking_by_technology_are_technologies(tmp_path, onto, sentence):
    text = (
        "라마 전지 특허 동향\n\n"
        "라마청은 라마 전지 관련 특허 출원이 1,874건으로 집계됐다고 20일 밝혔다.\n"
        f"{sentence}\n"
    )
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert {"라마 전해질", "바다 계면 제어", "하늘 셀 공정"} <= technologies


def test_the_items_of_a_ranking_of_applicants_are_bodies_not_kinds_of_applicant(tmp_path, onto):
    text = (
        "라마 전지 특허 동향\n\n"
        "라마청은 라마 전지 관련 특허 출원이 1,874건으로 집계됐다고 20일 밝혔다.\n"
        "출원인 순위는 라마정밀이 1위였고 바다광학, 하늘솔루션 순이었다.\n"
        "출원인별로는 대기업이 43%로 가장 많았고 대학·연구소(29%), 외국인(12%)이 뒤를 이었다.\n"
    )
    bodies = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert {"라마정밀", "바다광학", "하늘솔루션"} <= bodies
    assert not {"대기업", "대학·연구소", "외국인"} & bodies


def test_a_pair_under_the_qualified_cue_of_a_field_pointed_back_to_is_a_list(tmp_path, onto):
    text = (
        "라마부 로드맵\n\n"
        "라마부는 올해 기술로드맵에서 라마 양식 분야를 새로 넣었다.\n"
        "이 분야 전략제품으로는 순환 여과 시스템과 수중 계측기가 꼽혔다.\n"
    )
    products = set(named(facts_of(tmp_path, onto, text), "StrategicProduct"))
    assert {"순환 여과 시스템", "수중 계측기"} <= products


@pytest.mark.parametrize(
    ("sentence", "cls", "names"),
    [
        (
            "정보 분야에서는 실내 측위 모듈과 무선 센서노드가, 에너지 분야에서는 소형 풍력 발전기와 "
            "폐열 회수 보일러가 핵심품목으로 선정됐다.",
            "StrategicProduct",
            {"실내 측위 모듈", "무선 센서노드", "소형 풍력 발전기", "폐열 회수 보일러"},
        ),
        (
            "유압 커넥터는 고압 밀봉 설계, 원격 결합 공정이, 열교환기는 극저온 용접, 정밀 가공이 "
            "핵심기술로 꼽혔다.",
            "CoreTechnology",
            {"고압 밀봉 설계", "원격 결합 공정", "극저온 용접", "정밀 가공"},
        ),
        (
            "기존 경수형 분야에서는 일체형 증기발생기와 무붕산 노심 설계가 핵심기술로 유지됐다.",
            "CoreTechnology",
            {"일체형 증기발생기", "무붕산 노심 설계"},
        ),
    ],
)
def test_the_subjects_of_a_designation_are_of_the_kind_it_names(
    tmp_path, onto, sentence, cls, names
):
    text = (
        f"DATE: 2013-02-07\n\n기술로드맵 확정\n\n라마부는 7일 기술로드맵을 확정했다.\n{sentence}\n"
    )
    assert names <= set(named(facts_of(tmp_path, onto, text), cls))


@pytest.mark.parametrize(
    "sentence",
    [
        "분야별 품목 수는 스마트공장 18개, 에너지신산업 16개, 스마트 양식 9개 등이다.",
        "전략분야별 배정액은 스마트공장 410억원, 에너지신산업 360억원, 스마트 양식 105억원이다.",
    ],
)
def test_a_measure_per_area_as_the_topic_lists_the_areas(tmp_path, onto, sentence):
    text = f"기술로드맵 확정\n\n라마부는 7일 기술로드맵을 확정했다.\n{sentence}\n"
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"스마트공장", "에너지신산업", "스마트 양식"} <= fields


def edition_years(facts: FactSet) -> set[tuple]:
    return {
        (n.props.get("name"), n.props.get("startYear"), n.props.get("endYear"))
        for n in facts.nodes.values()
        if n.cls == "RoadmapEdition"
    }


def test_an_edition_pointed_to_is_no_series_of_its_own(tmp_path, onto):
    text = (
        "DATE: 2024-12-18\n\n라마부 로드맵\n\n라마부는 18일 '2025 라마산업 기술로드맵'을 공개했다.\n"
        "반면 직전 로드맵에 있던 가상현실 분야는 빠졌다. 2020년판 로드맵 이후 네 번째 개정이다.\n"
    )
    names = {name for name, _, _ in edition_years(facts_of(tmp_path, onto, text))}
    assert names == {"라마산업 기술로드맵"}, names


def test_a_headlines_shorter_series_is_the_bodys_longer_one(tmp_path, onto):
    text = (
        "DATE: 2017-02-07\n\n라마청, 전략기술로드맵 2017-2019 확정\n\n"
        "라마청은 7일 '라마산업 전략기술로드맵 2017-2019'를 확정해 발표했다.\n"
    )
    assert edition_years(facts_of(tmp_path, onto, text)) == {
        ("라마산업 전략기술로드맵", 2017, 2019)
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "라마부는 29일 '라마 기자재 기술로드맵 2015-2019'를 발표했다.",
        "라마부는 29일 '라마 기자재 기술로드맵'을 발표했다. 로드맵은 2015년부터 2019년까지 "
        "5년간 국산화할 품목을 담았다.",
    ],
)
def test_an_editions_period_printed_after_its_title_or_in_the_next_sentence(
    tmp_path, onto, sentence
):
    text = f"DATE: 2014-10-29\n\n라마부 로드맵 발표\n\n{sentence}\n"
    assert edition_years(facts_of(tmp_path, onto, text)) == {("라마 기자재 기술로드맵", 2015, 2019)}


@pytest.mark.parametrize(
    ("sentence", "became"),
    [
        ("지난해 '라마 디바이스' 분야는 '지능형 라마기기'로 이름이 바뀌었다.", "지능형 라마기기"),
        ("기존 폐기물 처리 분야는 순환경제로 확대 개편됐다.", "순환경제"),
        ("'디지털콘텐츠' 분야는 '실감형 콘텐츠'로 통합됐다.", "실감형 콘텐츠"),
    ],
)
def test_what_a_field_is_renamed_or_merged_into_is_a_field(tmp_path, onto, sentence, became):
    text = f"DATE: 2015-03-12\n\n기술로드맵 개정\n\n라마부는 12일 '라마 기술로드맵 2015'를 발간했다.\n{sentence}\n"
    assert became in named(facts_of(tmp_path, onto, text), "StrategicField")


def test_one_subject_picked_or_presented_as_a_kind_is_of_that_kind(tmp_path, onto):
    text = (
        "DATE: 2021-11-29\n\n해양 전략 발표\n\n라마부는 29일 '라마 해양 추진전략'을 발표했다.\n"
        "항만 분야에서는 컨테이너 자동 이송 로봇이 대표 기술로 꼽혔다.\n"
        "관측 분야에서는 해양 관측 부이가 핵심품목으로 제시됐다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert "컨테이너 자동 이송 로봇" in named(facts, "CoreTechnology")
    assert "해양 관측 부이" in named(facts, "StrategicProduct")


def test_a_pair_completing_a_qualified_topic_may_end_in_a_comma(tmp_path, onto):
    text = (
        "DATE: 2024-06-10\n\n환경 로드맵\n\n라마부는 10일 '2024 라마 기술로드맵'을 공개했다.\n"
        "순환경제 분야 핵심기술로는 폐배터리 재활용과 미세플라스틱 분리 여과가, 기후적응 분야에서는 "
        "도시 열섬 예측 모델이 제시됐다.\n"
    )
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert {"폐배터리 재활용", "미세플라스틱 분리 여과"} <= technologies


def test_a_counted_topic_announced_as_following_types_the_list_after_it(tmp_path, onto):
    text = (
        "DATE: 2011-12-21\n\n극지 계획 확정\n\n라마부는 21일 '제2차 라마과학기술 기본계획'을 확정했다.\n"
        "계획이 제시한 3대 중점 분야는 다음과 같다: 극지 기후변화 예측, 극지 생물자원 활용, "
        "쇄빙 연구선 운용 기술.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    fields = set(named(facts, "StrategicField"))
    assert {"극지 기후변화 예측", "극지 생물자원 활용", "쇄빙 연구선 운용 기술"} <= fields
    assert not named(facts, "CoreTechnology")


def test_items_grouped_under_bracketed_area_labels(tmp_path, onto):
    text = (
        "DATE: 2020-09-02\n\n소부장 품목 추가\n\n라마부는 2일 라마경쟁력위원회를 열고 전략품목을 추가 지정했다.\n"
        "새로 지정된 주요 품목은 (반도체) 극자외선 펠리클, 고순도 전구체 (디스플레이) 투명 필름 "
        "(기계·금속) 초정밀 볼스크루 등이다.\n"
        "(라마) 이 문장의 괄호는 목록이 아니다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"반도체", "디스플레이", "기계·금속"} <= set(named(facts, "StrategicField"))
    assert set(named(facts, "StrategicProduct")) >= {
        "극자외선 펠리클",
        "고순도 전구체",
        "투명 필름",
        "초정밀 볼스크루",
    }
    assert "라마" not in named(facts, "StrategicField")  # one label is no list of groups


def test_a_list_stops_before_the_next_clauses_place_topic(tmp_path, onto):
    text = (
        "DATE: 2013-02-07\n\n로드맵 확정\n\n라마청은 7일 라마 기술로드맵을 확정했다.\n"
        "첨단소재 분야에는 탄소섬유 프리프레그가, 생활건강 분야에는 휴대형 분석기가 포함됐다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert not any(name.startswith("탄소섬유") for name in fields), fields


def test_a_copula_read_into_a_lists_last_item_is_no_part_of_its_name(tmp_path, onto):
    text = (
        "DATE: 2024-12-18\n\n로드맵 공개\n\n라마부는 18일 라마 기술로드맵을 공개했다.\n"
        "이번 로드맵의 전략분야는 우주항공, 양자, 애그테크, 탄소중립 소재, 디지털 헬스케어다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert "디지털 헬스케어" in fields and "디지털 헬스케어다" not in fields


@pytest.mark.parametrize(
    "sentence",
    [
        "라마청은 분석 결과를 라마부의 그린카 기술개발사업 기획에 제공한다.",
        "올해 그린카 기술개발사업 대상지로는 부산과 전남이 선정됐다.",
    ],
)
def test_a_programme_before_what_is_planned_or_chosen_in_it(tmp_path, onto, sentence):
    text = (
        f"DATE: 2010-05-13\n\n라마청 분석\n\n라마청은 13일 라마 특허 동향을 밝혔다.\n{sentence}\n"
    )
    assert "그린카 기술개발사업" in named(facts_of(tmp_path, onto, text), "Programme")


@pytest.mark.parametrize(
    "sentence",
    [
        "전략분야(4개)는 점심농업, 저녁해양, 새벽우주, 한밤보안이다.",
        "분야는 총 4개로, 점심농업, 저녁해양, 새벽우주, 한밤보안이다.",
    ],
)
def test_a_topics_own_count_may_stand_between_it_and_its_list(tmp_path, onto, sentence):
    text = f"DATE: 2022-04-10\n\n로드맵 발표\n\n라마부는 10일 올해 기술로드맵을 발표했다.\n{sentence}\n"
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"점심농업", "저녁해양", "새벽우주", "한밤보안"} <= fields


@pytest.mark.parametrize(
    ("sentence", "cls", "names"),
    [
        (
            "라마청은 IoT 게이트웨이, 웨어러블 측정기 같은 융합 제품 과제를 우대한다.",
            "StrategicProduct",
            {"IoT 게이트웨이", "웨어러블 측정기"},
        ),
        (
            "라마부는 수소차, 전기차와 같은 미래차 분야를 지원한다.",
            "StrategicField",
            {"수소차", "전기차"},
        ),
    ],
)
def test_a_list_closed_by_like_is_typed_by_the_cue_after_it(tmp_path, onto, sentence, cls, names):
    text = f"DATE: 2016-01-28\n\n라마부 공고\n\n라마부는 28일 기술로드맵 연계 과제를 공고했다.\n{sentence}\n"
    assert names <= set(named(facts_of(tmp_path, onto, text), cls))


@pytest.mark.parametrize(
    ("sentence", "cls", "name"),
    [
        (
            "디스플레이 구동칩(DDI)이 전략품목 목록에서 제외됐다.",
            "StrategicProduct",
            "디스플레이 구동칩",
        ),
        ("반면 납축전지 극판 설계는 유망기술에서 빠졌다.", "CoreTechnology", "납축전지 극판 설계"),
    ],
)
def test_an_item_dropped_from_a_kinds_list_is_of_that_kind(tmp_path, onto, sentence, cls, name):
    text = f"DATE: 2026-03-02\n\n로드맵 공개\n\n라마협회는 2일 '라마반도체 기술로드맵 2026'을 공개했다.\n{sentence}\n"
    # ``…구동칩(DDI)``: the gloss stays with the name it glosses
    assert any(n.startswith(name) for n in named(facts_of(tmp_path, onto, text), cls))


def test_the_entries_of_a_kinds_list_are_of_that_kind(tmp_path, onto):
    text = (
        "DATE: 2026-03-02\n\n로드맵 공개\n\n라마협회는 2일 '라마반도체 기술로드맵 2026'을 공개했다.\n"
        "요소기술 항목에는 칩렛 인터커넥트 설계와 저전력 컴파일러가 새로 올랐다.\n"
    )
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert {"칩렛 인터커넥트 설계", "저전력 컴파일러"} <= technologies


def test_a_list_pointed_to_takes_the_kind_the_sentence_before_counted(tmp_path, onto):
    text = (
        "DATE: 2013-05-22\n\n로봇 로드맵\n\n라마진흥원은 22일 서비스로봇 로드맵을 발표하고 12대 전략품목을 확정했다.\n"
        "목록에는 교육용 휴머노이드, 수술 보조 로봇팔, 물류창고용 자율이송차량 등이 이름을 올렸다.\n"
    )
    products = set(named(facts_of(tmp_path, onto, text), "StrategicProduct"))
    assert {"교육용 휴머노이드", "수술 보조 로봇팔", "물류창고용 자율이송차량"} <= products


def test_areas_of_a_ranking_by_technology_are_technologies(tmp_path, onto):
    text = (
        "DATE: 2016-05-03\n\n연료전지 특허 동향\n\n라마원은 3일 연료전지 특허동향 보고서를 펴냈다.\n"
        "세부 기술별로는 금속지지체 셀과 저온 작동 전해질 분야의 출원이 가장 빠르게 늘었다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"금속지지체 셀", "저온 작동 전해질"} <= set(named(facts, "CoreTechnology"))
    assert not {"금속지지체 셀", "저온 작동 전해질"} & set(named(facts, "StrategicField"))


def test_a_subject_between_a_topic_and_its_designation_is_what_is_designated(tmp_path, onto):
    text = (
        "DATE: 2026-01-12\n\nSMR 로드맵\n\n라마부는 12일 SMR 기술로드맵 개정판을 확정했다.\n"
        "가장 큰 변화는 용융염원자로가 별도 분야로 신설된 점이다.\n"
    )
    assert "변화" not in named(facts_of(tmp_path, onto, text), "StrategicField")


def test_a_cued_list_is_read_by_its_punctuation_when_kiwi_splits_its_items(tmp_path, onto):
    # Kiwi splits 자동급이기 and 고순도 into other parts of speech; the cue and the commas
    # still delimit the items
    text = (
        "DATE: 2024-03-01\n\n"
        "중기부는 올해 기술로드맵을 발표했다. 신규 전략제품은 축사 자동급이기, 해상 관측 부이, "
        "고순도 석영 도가니다. 새로 편입된 품목으로는 탄소섬유 프리프레그와 고순도 질화붕소가 "
        "꼽혔다. 바이오 분야에서는 반려견 심장사상충 진단키트가 대표 품목으로 이름을 올렸다. "
        "기존 드론 분야는 무인이동체로 이름이 바뀌었고, 로봇과 양자는 새로 추가됐다. "
        "분야별 예산은 소재 315억원, 장비 546억원이다.\n"
    )
    products = named(facts_of(tmp_path, onto, text), "StrategicProduct")
    assert {
        "축사 자동급이기",
        "해상 관측 부이",
        "고순도 석영 도가니",
        "탄소섬유 프리프레그",
        "고순도 질화붕소",
        "반려견 심장사상충 진단키트",
    } <= set(products)
    assert products["축사 자동급이기"]["extractionStatus"] == "candidate"
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    # a clause with a verb, and an item with an amount, are no names
    assert not any("바뀌었고" in f or "추가됐" in f or "억원" in f for f in fields)


def test_a_technology_passed_on_a_few_words_later_in_its_clause(tmp_path, onto):
    text = (
        "DATE: 2024-03-01\n\n"
        "특허청은 올해 기술로드맵 후속 조치를 발표했다. 한국기계연구원 연구진은 소음을 줄인 "
        "자기부상 베어링 설계 기술을 협력 기업에 이전하기로 했다. 재단은 위성영상 기반 홍수 예측 "
        "기술을 내년까지 지자체에 보급할 예정이다. 연구진은 관련 기술을 계속 살펴볼 예정이다.\n"
    )
    technologies = named(facts_of(tmp_path, onto, text), "CoreTechnology")
    assert {"자기부상 베어링 설계 기술", "위성영상 기반 홍수 예측 기술"} <= set(technologies)
    assert "관련 기술" not in technologies


def test_one_word_items_before_counted_areas_and_a_second_count_are_the_areas(tmp_path, onto):
    text = (
        "DATE: 2025-03-01\n\n"
        "중소벤처기업부는 기술로드맵을 발표했다. 로드맵은 해양레저, 스마트물류, 수소저장 등 "
        "12개 분야 312개 품목을 선정했다. 라마 무기와 보라 추진제 등 10대 분야 30개 "
        "라마전략기술이 선정됐다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"해양레저", "스마트물류", "수소저장"} <= set(named(facts, "StrategicField"))
    assert not {"해양레저", "스마트물류"} & set(named(facts, "StrategicProduct"))
    # items of more than one word stay what the second count counts
    assert {"라마 무기", "보라 추진제"} <= set(named(facts, "CoreTechnology"))


def test_one_item_after_a_topic_that_says_it_was_chosen(tmp_path, onto):
    text = (
        "DATE: 2025-03-01\n\n"
        "중소벤처기업부는 기술로드맵을 발표했다. 올해 신규로 추가된 분야는 해양레저장비다. "
        "가장 큰 분야는 바이오다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert "해양레저장비" in fields
    assert "바이오" not in fields  # one item under a topic that chose nothing is no list


def test_a_pair_chosen_as_a_set_is_a_list(tmp_path, onto):
    text = (
        "DATE: 2025-03-01\n\n"
        "중소벤처기업부는 기술로드맵을 발표했다. 정부는 해양레저와 수소저장을 새 전략분야로 "
        "지정했다. 정부는 해양레저와 협력해 로드맵을 다듬었다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert {"해양레저", "수소저장"} <= set(fields)


def test_a_programme_name_with_four_topic_words_keeps_them_all(tmp_path, onto):
    text = (
        "DATE: 2024-03-01\n\n해양수산부는 스마트양식 기술로드맵을 발표했다. 대표 사업인 스마트 "
        "수산 가공단지 조성사업 대상지로는 두 곳이 선정됐다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert "스마트 수산 가공단지 조성사업" in programmes


def test_a_committee_named_after_a_dotted_subject_written_as_one_word_is_one_body(tmp_path, onto):
    text = (
        "DATE: 2024-03-01\n\n"
        "정부는 반도체·부품·장비상생위원회를 열어 기술로드맵을 확정했다. 회의에는 "
        "시험·인증·표준협력위원회도 참석했다.\n"
    )
    orgs = named(facts_of(tmp_path, onto, text), "Organization")
    assert {"반도체·부품·장비상생위원회", "시험·인증·표준협력위원회"} <= set(orgs)
    # 반도체·부 ends like a ministry, but a dotted name lost no separator to be unglued
    assert not {"반도체·부", "부품·장비상생위원회", "표준협력위원회"} & set(orgs)


def test_a_pronoun_kiwi_reads_into_the_start_of_a_word_is_part_of_the_name(tmp_path, onto):
    # 자기 is magnetic here; Kiwi reads it as the pronoun "oneself" (자기조립: 자기/NP 조립)
    text = (
        "DATE: 2024-03-01\n\n특허청, 무선충전 특허 동향\n\n특허청은 무선충전 특허 동향을 "
        "발표했다. 연구진은 자기조립 소재와 자기공명 센서를 핵심기술로 꼽았다.\n"
    )
    technologies = named(facts_of(tmp_path, onto, text), "CoreTechnology")
    assert {"자기조립 소재", "자기공명 센서"} <= set(technologies)
    assert "조립 소재" not in technologies


def test_a_bound_noun_kiwi_reads_inside_a_nouns_word_is_part_of_the_name(tmp_path, onto):
    # Kiwi reads 건식 as 건 + 식/NNB and 차폐 as 차/NNB + 폐 in these sentences
    text = (
        "DATE: 2024-03-01\n\n환경부는 환경 R&D 기술로드맵을 발표했다. 핵심기술로는 "
        "폐배터리 건식 재활용과 미세플라스틱 분리 여과가 제시됐다. 세부 기술별 출원 건수는 "
        "코일 설계 241건, 정렬 제어 198건, 차폐 설계 58건이었다.\n"
    )
    technologies = named(facts_of(tmp_path, onto, text), "CoreTechnology")
    assert {"폐배터리 건식 재활용", "차폐 설계", "코일 설계"} <= set(technologies)
    assert not {"재활용", "폐 설계"} & set(technologies)


def test_as_many_items_as_counted_areas_before_a_second_count_are_the_areas(tmp_path, onto):
    text = (
        "DATE: 2024-03-01\n\n해양수산부는 수산 기술로드맵을 수립했다. 로드맵은 어장 환경 예측, "
        "수산물 유통 관리, 선박 자동화 등 3개 분야 24개 기술로 구성됐다. 또 심해 탐사 로봇, "
        "해저 통신망 등 5개 분야 40개 기술을 담았다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"어장 환경 예측", "수산물 유통 관리", "선박 자동화"} <= set(
        named(facts, "StrategicField")
    )
    # two examples of five areas are what the second count counts
    assert {"심해 탐사 로봇", "해저 통신망"} <= set(named(facts, "CoreTechnology"))


def test_each_products_technologies_in_turn_and_a_list_named_as_its_kind(tmp_path, onto):
    text = (
        "DATE: 2024-03-01\n\n해양수산부는 해양 기술로드맵을 발표했다. 수중 드론 충전 도크는 "
        "무선 급전 설계, 자동 도킹 제어가, 해양 관측 부이는 내부식 코팅, 저전력 통신이 "
        "핵심기술로 꼽혔다. 축사 자동급이기와 고순도 석영관이 대표 품목으로 꼽혔다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    products, technologies = named(facts, "StrategicProduct"), named(facts, "CoreTechnology")
    assert {"수중 드론 충전 도크", "해양 관측 부이"} <= set(products)
    assert {"무선 급전 설계", "자동 도킹 제어", "내부식 코팅", "저전력 통신"} <= set(technologies)
    # a list named as its kind from the sentence's start, past Kiwi's split of 자동급이기
    assert {"축사 자동급이기", "고순도 석영관"} <= set(products)


def test_a_word_ending_in_gwa_that_does_not_fit_the_sound_before_is_no_separator(tmp_path, onto):
    text = (
        "DATE: 2024-03-01\n\n해양수산부는 해양 기술로드맵을 발표했다. 이 분야 전략제품으로는 "
        "해수 여과 자동급이기와 염분 측정 부이가 꼽혔다.\n"
    )
    products = named(facts_of(tmp_path, onto, text), "StrategicProduct")
    assert {"해수 여과 자동급이기", "염분 측정 부이"} <= set(products)


def test_a_release_naming_a_reference_programme_is_on_topic_without_domain_words(tmp_path, onto):
    text = (
        "DATE: 2013-02-20\n\n중소기업청은 올해 '구매조건부 신제품개발사업' 지원 대상으로 52개 "
        "과제를 확정했다고 20일 밝혔다. 중소기업청은 올해 이 사업에 모두 380억원을 배정했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert "구매조건부 신제품개발사업" in named(facts, "Programme")
    budgets = [n for n in facts.nodes.values() if n.cls == "Funding"]
    assert budgets, "the programme's budget is read once the text is on topic"


def test_a_ranking_whose_first_is_named_with_its_cue_ranks_that_kind(tmp_path, onto):
    text = (
        "DATE: 2025-03-01\n\n중소벤처기업부는 기술로드맵을 발표했다. 이 중 해양레저 분야가 "
        "25개 제품으로 가장 많고, 이어 수소저장(21개), 스마트물류(18개) 순이다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert {"해양레저", "수소저장", "스마트물류"} <= set(fields)


def test_quoted_items_joined_and_closed_by_a_cue_without_deung_are_that_kind(tmp_path, onto):
    text = (
        "DATE: 2025-03-01\n\n중소벤처기업부는 기술로드맵을 발표했다. 올해는 '해양레저 장비'와 "
        "'수소저장'ㆍ'스마트물류' 분야가 신설됐다. 'AI'와 '로봇' 기술로드맵도 나왔다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert {"해양레저 장비", "수소저장", "스마트물류"} <= set(fields)
    assert not {"AI", "로봇"} & set(fields)  # 기술로드맵 is a roadmap: its 기술 types nothing


def test_the_header_date_is_no_year_printed_before_an_edition_opening_the_text(tmp_path, onto):
    text = "DATE: 2025-12-10\n\n중소기업 기술로드맵(2026~2028)이 공개됐다. 전략분야는 22개다.\n"
    facts = facts_of(tmp_path, onto, text)
    editions = [n for n in facts.nodes.values() if n.cls == "RoadmapEdition"]
    assert [(e.props.get("startYear"), e.props.get("endYear")) for e in editions] == [(2026, 2028)]


def test_a_budget_year_word_opens_no_programme_or_plan_name(tmp_path, onto):
    text = (
        "DATE: 2025-03-01\n\n중기부는 금년도 해양레저 기술개발사업에 500억원을 투입한다. "
        "기술로드맵도 냈다. 또 내년도 수소저장 기술로드맵을 마련한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert "해양레저 기술개발사업" in named(facts, "Programme")
    editions = {n.props.get("name"): n for n in facts.nodes.values() if n.cls == "RoadmapEdition"}
    assert "수소저장 기술로드맵" in editions
    assert editions["수소저장 기술로드맵"].props.get("startYear") == 2026  # 내년도: next year
    assert not any(str(name).startswith(("금년도", "내년도")) for name in editions)


def test_a_spaced_dash_in_a_headline_joins_no_name(tmp_path, onto):
    text = (
        "DATE: 2024-03-01\n\n해수부, 「수산 기술로드맵」 확정 - 양식·가공·유통 등 3대 분야 선정\n"
        "해양수산부는 수산 기술로드맵을 확정했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    names = {str(n.props.get("name")) for n in facts.nodes.values()}
    assert not any("확정 -" in name or "- 양식" in name for name in names)
    assert {"양식", "가공", "유통"} <= set(named(facts, "StrategicField"))


def test_a_plan_period_opened_by_a_relative_year(tmp_path, onto):
    text = (
        "DATE: 2022-03-02\n\n산림청은 올해부터 2026년까지 적용되는 '제2차 목재산업 진흥계획'을 "
        "시행한다고 2일 밝혔다. 특허 분석도 담겼다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    editions = [n for n in facts.nodes.values() if n.cls == "RoadmapEdition"]
    assert [(e.props.get("startYear"), e.props.get("endYear")) for e in editions] == [(2022, 2026)]


def test_a_former_name_in_brackets_is_an_alias_of_the_body_it_became(tmp_path, onto):
    text = (
        "DATE: 2026-01-10\n\n지식재산처(옛 특허청)는 수소저장 특허 분석 결과를 발표했다. "
        "한국해양레저진흥원(구 해양레저지원센터)도 로드맵 작성에 참여했다.\n"
    )
    orgs = named(facts_of(tmp_path, onto, text), "Organization")
    assert "지식재산처" in orgs and "특허청" not in orgs
    assert "한국해양레저진흥원" in orgs and "해양레저지원센터" not in orgs
    assert "해양레저지원센터" in orgs["한국해양레저진흥원"]["aliases"]


@pytest.mark.parametrize(
    "line",
    ["지원분야 - 해양레저, 수소저장, 스마트물류 등", "분야(3개): 해양레저, 수소저장, 스마트물류"],
)
def test_a_release_label_with_a_dash_or_a_counted_colon_opens_a_list(tmp_path, onto, line):
    text = f"DATE: 2025-03-01\n\n중소벤처기업부는 기술로드맵을 발표했다.\n{line}\n"
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert {"해양레저", "수소저장", "스마트물류"} <= set(fields)


def test_items_apart_joined_by_middle_dots_are_a_list(tmp_path, onto):
    text = (
        "DATE: 2025-03-01\n\n중소벤처기업부는 기술로드맵을 발표했다.\n"
        "품목은 해양레저(12개)·수소저장(9개)·스마트물류(7개) 분야로 나뉜다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert {"해양레저", "수소저장", "스마트물류"} <= set(fields)


def test_a_release_line_labelled_with_a_cue_lists_its_kind(tmp_path, onto):
    text = (
        "DATE: 2025-03-01\n\n중기부, 해양 기술로드맵 발표\n\n□ 주요 내용\n"
        " ○ 전략제품 : 수중 드론 충전 도크, 해양 관측 부이, 선박용 배터리 팩\n"
        " ○ 핵심기술: 자율 항법, 저전력 수중 통신 등\n"
    )
    facts = facts_of(tmp_path, onto, text)
    products = named(facts, "StrategicProduct")
    assert {"수중 드론 충전 도크", "해양 관측 부이", "선박용 배터리 팩"} <= set(products)
    assert "해양 관측 부" not in products  # Kiwi's 부 + 이 is read whole
    assert {"자율 항법", "저전력 수중 통신"} <= set(named(facts, "CoreTechnology"))


def test_a_ranking_closed_by_sun_and_a_copula_leaves_sun_out_of_the_last_item(tmp_path, onto):
    text = (
        "DATE: 2024-03-01\n\n특허청, 무선충전 특허 동향\n\n특허청은 무선충전 특허 동향을 "
        "발표했다. 주요 출원 기술은 급전 코일 설계, 수신 정렬 제어, 자기차폐 설계 순이다.\n"
    )
    technologies = named(facts_of(tmp_path, onto, text), "CoreTechnology")
    assert "자기차폐 설계" in technologies
    assert not any(name.endswith(" 순") for name in technologies)


def test_a_long_dotted_list_keeps_inner_parts_with_a_space(tmp_path, onto):
    text = (
        "DATE: 2012-03-01\n\n중소기업청은 기술로드맵을 발표했다. 로드맵은 해양레저·차세대 수소저장·"
        "스마트물류·섬유의류·지식서비스 등 5대 분야로 구성됐다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert {"해양레저", "차세대 수소저장", "스마트물류", "섬유의류", "지식서비스"} <= set(fields)


def test_a_topic_opening_with_its_count_is_a_numbered_set_of_areas(tmp_path, onto):
    text = (
        "DATE: 2022-10-28\n\n과기정통부는 국가전략기술 로드맵을 발표했다. 5대 기술은 해양레저, "
        "수소저장, 스마트물류, 섬유의류, 지식서비스다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"해양레저", "수소저장", "스마트물류"} <= set(named(facts, "StrategicField"))
    assert not {"해양레저", "수소저장"} & set(named(facts, "CoreTechnology"))


def test_a_particle_kiwi_tags_as_a_noun_and_its_case_opens_no_name():
    # Kiwi reads this 를 as NNG+JKO
    from stkg.ingest.extract.phrases import noun_phrases
    from stkg.ingest.nlp import build_pipeline

    doc = build_pipeline()("중기부는 예산의 약 40%를 로드맵 품목 과제에 우선 지원할 계획이다.")
    phrases = [p.text for p in noun_phrases(doc)]
    assert "로드맵 품목 과제" in phrases
    assert not any(p.startswith("를") for p in phrases)


def test_an_interviews_question_mark_opens_no_name(tmp_path, onto):
    text = (
        "DATE: 2018-12-20\n\n중기부 과장 인터뷰\n\nQ. 기술로드맵 품목이면 유리한가.\n"
        "A. 그렇다. 「중소기업 기술로드맵」에 포함된 전략품목으로 신청하면 가점을 받는다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    names = {str(n.props.get("name")) for n in facts.nodes.values()}
    assert not any(name.startswith(("Q.", "A.")) for name in names)


def test_a_far_year_closing_a_plans_title_is_its_horizon_not_its_edition(tmp_path, onto):
    text = (
        "DATE: 2023-05-10\n\n경북도는 '경북 수소저장 산업 로드맵 2035'를 발표했다. 특허 분석도 "
        "담겼다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    editions = [n for n in facts.nodes.values() if n.cls == "RoadmapEdition"]
    assert [e.props.get("startYear") for e in editions] == [2023]


def test_a_native_numeral_pointing_back_to_a_set_counts_nothing(tmp_path, onto):
    text = (
        "DATE: 2024-03-01\n\n중기부는 기술로드맵과 함께 해양레저 기술개발사업과 수소저장 "
        "실증사업을 발표했다. 내년 두 사업 예산은 각각 1420억원과 530억원 규모다. "
        "새로 생긴 분야는 세 분야다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    counts = {
        (n.props.get("value"), n.props.get("countedNoun"))
        for n in facts.nodes.values()
        if n.cls == "StatedFigure" and n.props.get("unit") == "count"
    }
    assert not any(noun and "예산" in noun for _, noun in counts)


def test_area_groups_take_the_kind_the_sentence_before_names(tmp_path, onto):
    text = (
        "DATE: 2022-10-28\n\n과기정통부는 국가전략기술 로드맵을 발표했다. 각 분야 아래에는 모두 "
        "30개 세부 중점기술이 지정됐다. 예를 들어 해양레저에서는 수중 드론 항법과 선체 경량화가, "
        "수소저장 분야에는 액상 수소 운반이 포함됐다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"해양레저", "수소저장"} <= set(named(facts, "StrategicField"))
    technologies = named(facts, "CoreTechnology")
    assert {"수중 드론 항법", "선체 경량화", "액상 수소 운반"} <= set(technologies)
    assert "수소저장 분야" not in named(facts, "StrategicField")


def test_area_groups_take_the_kind_their_closing_names(tmp_path, onto):
    text = (
        "DATE: 2021-05-10\n\n산업부는 소재 기술로드맵을 발표했다. 정밀화학에서는 초순수 황산과 "
        "고결정 실리카가, 해양소재에서는 내식 티타늄 박판이 대표 품목으로 다시 이름을 올렸다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"초순수 황산", "고결정 실리카", "내식 티타늄 박판"} <= set(
        named(facts, "StrategicProduct")
    )
    assert {"정밀화학", "해양소재"} <= set(named(facts, "StrategicField"))


def test_a_sentence_of_examples_lists_the_kind_the_sentence_before_names(tmp_path, onto):
    text = (
        "DATE: 2023-07-03\n\n중기부는 해양바이오 기술로드맵을 발표했다. 로드맵에는 수출을 겨냥한 "
        "전략제품도 담겼다. 해조류 생분해 필름, 어류 콜라겐 창상 드레싱 등이 대표적이다. "
        "참여 기관도 늘었다. 부경대학교, 한국해양과학기술원 등이 대표적이다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    products = set(named(facts, "StrategicProduct"))
    assert {"해조류 생분해 필름", "어류 콜라겐 창상 드레싱"} <= products
    assert not {"부경대학교", "한국해양과학기술원"} & products


def test_fields_renamed_in_quotes_without_a_cue_are_fields(tmp_path, onto):
    text = (
        "DATE: 2019-12-20\n\n중기부는 중소기업 기술로드맵을 발표했다.\n\n"
        "분야 구성도 바뀌었다. '해양레저'는 '해양관광'으로, '정밀농업'은 '스마트농업'으로 "
        "이름을 바꿨고, 항만물류와 수산가공은 '해양산업'으로 묶었다. "
        "'드론'은 항공 분야와 합쳐 '무인이동체'가 됐다. 올해 화두는 '탄소중립'이 됐다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    fields = set(named(facts, "StrategicField"))
    assert {"해양레저", "해양관광", "정밀농업", "스마트농업", "항만물류", "수산가공"} <= fields
    assert {"해양산업", "드론", "무인이동체"} <= fields
    assert "화두" not in fields and "항만물류와" not in fields


def test_text_table_columns_headed_by_a_kind_name_one_item_per_cell(tmp_path, onto):
    text = (
        "DATE: 2020-12-20\n\n중기부는 중소기업 기술로드맵을 발표했다. 분야별 대표 품목은 다음과 같다.\n\n"
        "| 분야 | 대표 전략제품 | 핵심기술 | 품목 수 |\n"
        "|---|---|---|---|\n"
        "| 해양레저 | 수중 드론 추진기 | 저소음 프로펠러 설계 | 12 |\n"
        "| 정밀농업 | 토양 수분 센서 노드 | 저전력 메시 통신 | 9 |\n"
        "| 합계 | | | 21 |\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"해양레저", "정밀농업"} <= set(named(facts, "StrategicField"))
    assert {"수중 드론 추진기", "토양 수분 센서 노드"} <= set(named(facts, "StrategicProduct"))
    assert {"저소음 프로펠러 설계", "저전력 메시 통신"} <= set(named(facts, "CoreTechnology"))
    assert "합계" not in named(facts, "StrategicField")


def test_how_long_a_plan_runs_names_no_edition(tmp_path, onto):
    text = (
        'DATE: 2016-07-20\n\n중기청은 중소기업 기술로드맵을 발표했다. 관계자는 "5년짜리 로드맵이라도 '
        '빠른 분야는 고친다"고 말했다.\n'
    )
    names = {n.props.get("name") for n in facts_of(tmp_path, onto, text).nodes.values()}
    assert not any(str(name).startswith("짜리") for name in names if name)


def test_a_period_before_the_head_alone_in_the_next_sentence_dates_the_series(tmp_path, onto):
    text = (
        "DATE: 2014-04-15\n\n올해 달라진 점은 '해양드론 기술로드맵'과의 연계다. 2013~2015 로드맵에 "
        "오른 제품을 개발하는 과제에 가점을 준다.\n"
    )
    assert ("해양드론 기술로드맵", 2013, 2015) in _editions(facts_of(tmp_path, onto, text))


def test_a_counted_cue_in_eneun_lists_what_it_holds_but_a_field_holds_no_fields(tmp_path, onto):
    text = (
        "DATE: 2019-08-05\n\n해수부는 양식 로드맵을 발표했다. 우선 지원할 12개 품목에는 사료 "
        "자동급이기와 순환여과 양식 시스템, 수중 부이가 포함됐다. 정밀화학 분야에는 액상 수지 펌프와 "
        "세라믹 노즐이 들어갔다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"사료 자동급이기", "수중 부이"} <= set(named(facts, "StrategicProduct"))
    assert not {"액상 수지 펌프", "세라믹 노즐"} & set(named(facts, "StrategicField"))


def test_a_provinces_short_name_is_an_alias_of_its_full_name_printed_too(tmp_path, onto):
    text = (
        "DATE: 2015-05-23\n\n전라남도가 해양바이오 기술로드맵을 내놨다. 전남도는 22일 최종보고회를 "
        "열었다고 밝혔다.\n"
    )
    orgs = {
        n.props["name"]: n.props
        for n in facts_of(tmp_path, onto, text).nodes.values()
        if n.cls == "Organization"
    }
    assert "전남도" not in orgs
    assert "전남도" in orgs["전라남도"].get("aliases", [])


def test_an_amount_spent_on_what_follows_it_funds_that(tmp_path, onto):
    text = (
        "DATE: 2021-03-10\n\n해수부는 해양드론 기술로드맵을 발표했다. 정부는 올해 640억원을 "
        "투입해 해양드론 핵심부품 연구개발을 지원한다. 해수부는 80억원을 들여 '수중로봇 "
        "실증지원사업'으로 중소기업 30곳의 시험을 돕는다.\n"
    )
    fundings = {
        (name, amount) for name, amount, _ in _fundings_in_eok(facts_of(tmp_path, onto, text))
    }
    assert ("해양드론 핵심부품 연구개발", 640) in fundings
    assert ("수중로봇 실증지원사업", 80) in fundings


def test_a_kind_before_a_count_in_the_genitive_is_what_is_counted(tmp_path, onto):
    text = (
        "DATE: 2021-03-10\n\n특허청은 해양드론 기술로드맵의 후보 품목 240여 개의 유효특허를 "
        "분석했다. 국내 120개의 기업이 참여했다.\n"
    )
    counts = _counts(facts_of(tmp_path, onto, text))
    assert (240, "후보 품목") in counts
    assert (240, "유효특허") not in counts and (120, "기업") in counts


def test_a_date_before_a_plan_that_came_out_dates_its_publication(tmp_path, onto):
    text = (
        "DATE: 2019-05-02\n\n해양드론 기술로드맵은 업계의 기준이 됐다. 지난해 11월 나온 2019~2021 "
        "로드맵에는 18개 분야가 실렸다. 해수부가 2016년 3월 펴낸 첫 판은 10개 분야였다.\n"
    )
    dates = {str(d) for d in events(facts_of(tmp_path, onto, text))}
    assert {"2018-11", "2016-03"} <= {d[:7] for d in dates}


def test_a_date_before_a_plan_being_drawn_up_or_revised_dates_that(tmp_path, onto):
    text = (
        "DATE: 2015-06-02\n\n해수부는 해양드론 기술로드맵을 발표했다. 해양연구원은 올해 3월부터 "
        "로드맵 개정 작업을 해왔다. 기술별 세부 로드맵은 10월까지 따로 마련하기로 했다.\n"
    )
    dates = {str(d)[:7] for d in events(facts_of(tmp_path, onto, text))}
    assert {"2015-03", "2015-10"} <= dates


def test_fields_merged_split_or_absorbed_in_quotes_are_fields(tmp_path, onto):
    text = (
        "DATE: 2023-12-20\n\n중기부는 중소기업 기술로드맵을 발표했다.\n\n"
        "분야도 바뀌었다. '해양레저'와 '해양관광' 두 분야는 '해양서비스' 하나로 합쳐졌다. "
        "'드론' 분야가 '무인이동체'에 흡수됐고, 기존 '정밀농업'과 '스마트팜' 분야를 '디지털농업'으로 "
        "합치는 한편 '바이오'는 '레드바이오'와 '그린바이오'로 쪼갰다. 수요 확산을 반영해 "
        "'스마트IT'로 바꿨다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"해양레저", "해양관광", "해양서비스", "드론", "무인이동체"} <= fields
    assert {"정밀농업", "스마트팜", "디지털농업", "레드바이오", "그린바이오"} <= fields
    assert "확산" not in fields


def test_single_words_listed_before_a_longer_quoted_programme_name_are_part_of_it(tmp_path, onto):
    text = (
        "DATE: 2020-05-06\n\n해수부는 해양드론 기술로드맵을 발표했다. 해수부는 '선박, 항만, 해양드론 "
        "스타트업 50 지원 사업'에 120개 기업이 신청했다고 밝혔다.\n"
    )
    names = {
        n.props["name"]
        for n in facts_of(tmp_path, onto, text).nodes.values()
        if n.cls == "Programme"
    }
    assert "선박, 항만, 해양드론 스타트업 50 지원 사업" in names
    assert not {"선박", "항만"} & names


def test_a_breakdown_by_a_kind_names_its_members(tmp_path, onto):
    text = (
        "DATE: 2019-11-06\n\n해수부는 해양드론 기술로드맵을 발표했다. 신청 기술분야별로는 수중 "
        "음향 23.0%(245개), 선체 제어 20.3%(216개), 해양 에너지 15.9%(169개) 순이었다. 지원 "
        "분야별로는 해양레저 30%, 수산 및 양식 23% 순으로 집계됐다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"수중 음향", "선체 제어", "해양 에너지", "해양레저", "수산 및 양식"} <= fields


def test_a_list_closed_by_an_adjective_of_number_and_the_cue_lists_that_kind(tmp_path, onto):
    text = (
        "DATE: 2018-12-10\n\n해수부는 해양드론 기술로드맵을 발표했다. 수중 음향, 선체 제어, 해양 "
        "에너지 등 다양한 분야의 연구개발 성과가 전시된다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"수중 음향", "선체 제어", "해양 에너지"} <= fields


def test_a_stage_noun_before_a_count_is_not_what_it_counts(tmp_path, onto):
    text = (
        "DATE: 2021-01-10\n\n해수부는 해양드론 기술로드맵을 발표했다. 서류 심사를 거쳐 최종 23개사가 "
        "선정된다.\n"
    )
    counts = _counts(facts_of(tmp_path, onto, text))
    assert (23, "기업") in counts and (23, "최종") not in counts


def test_both_sides_of_a_budget_change_fund_its_item_and_a_bare_bracket_is_no_budget(
    tmp_path, onto
):
    text = (
        "DATE: 2014-09-23\n\n해수부는 해양드론 기술로드맵을 발표했다. 주요 예산안은 △해양드론 실증 "
        "1014억→1058억원(44억원) △수중 통신 321억→348억원(27억원) 등이다.\n"
    )
    fundings = {
        (name, amount) for name, amount, _ in _fundings_in_eok(facts_of(tmp_path, onto, text))
    }
    assert {("해양드론 실증", 1014), ("해양드론 실증", 1058), ("수중 통신", 321)} <= fundings
    assert not {amount for _, amount in fundings} & {44, 27}


def test_a_holder_ranked_with_its_country_is_a_body(tmp_path, onto):
    text = (
        "DATE: 2021-03-10\n\n특허청은 해양드론 특허 빅데이터 분석 결과를 발표했다. 기관별로는 "
        "오션로보(핀란드)가 2,559건으로 2위, 마린텍(프랑스)이 907건으로 3위에 올랐다. "
        "반도체(30%)가 뒤를 이었다.\n"
    )
    orgs = named(facts_of(tmp_path, onto, text), "Organization")
    assert {"오션로보", "마린텍"} <= set(orgs)
    assert "반도체" not in orgs


def test_a_lists_deung_glued_to_its_last_item_closes_the_list(tmp_path, onto):
    text = (
        "DATE: 2014-06-10\n\n해수부는 해양드론 기술로드맵을 발표했다. 수중 음향, 선체 제어, 임베디드 "
        "SW등 핵심부품 기술을 개발한다.\n"
    )
    technologies = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert "임베디드 SW" in technologies
    assert not any("SW등" in t for t in technologies)


def test_a_quoted_title_under_a_task_topic_is_no_programme(tmp_path, onto):
    text = (
        "DATE: 2022-04-12\n\n해수부는 해양드론 기술로드맵을 발표했다. 이번 기업제안과제에는 "
        "‘수중 음향 센서 모듈 개발’과 ‘선체 제어 통합 플랫폼 개발’ 등 12개 과제가 선정됐다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert not {"수중 음향 센서 모듈 개발", "선체 제어 통합 플랫폼 개발"} & programmes


def test_a_list_made_a_kind_with_samda_is_that_kind(tmp_path, onto):
    text = (
        "DATE: 2022-10-28\n\n해수부는 해양드론 기술로드맵을 발표했다. 수중 분야는 수중 음향과 "
        "선체 제어, 해양 에너지를 중점기술로 삼았다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"수중 음향", "선체 제어", "해양 에너지"} <= set(named(facts, "CoreTechnology"))
    assert not {"수중 음향", "선체 제어"} & set(named(facts, "StrategicField"))


def test_area_groups_as_objects_after_an_opening_naming_their_kind(tmp_path, onto):
    text = (
        "DATE: 2022-10-28\n\n해수부는 해양드론 기술로드맵을 발표했다. 세부 기술을 보면 수중 분야에서는 "
        "고집적 음향 센서와 저전력 통신 모듈을, 선체 분야에서는 복합재 및 핵심소재와 자율 제어 "
        "알고리즘을 골랐다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    technologies = set(named(facts, "CoreTechnology"))
    assert {"고집적 음향 센서", "저전력 통신 모듈", "복합재 및 핵심소재", "자율 제어 알고리즘"} <= (
        technologies
    )
    assert {"수중", "선체"} <= set(named(facts, "StrategicField"))


def test_a_metropolitan_city_acting_is_its_government(tmp_path, onto):
    text = (
        "DATE: 2022-03-10\n\n해수부는 해양드론 기술로드맵을 발표했다. 부산시는 지역 기업 23곳을 "
        "선정했다. 울산광역시에 따르면 울산시와 울산TP가 협약을 맺었다. 서울시 소재 기업도 "
        "참여했다. 당시는 수요가 적었다.\n"
    )
    orgs = named(facts_of(tmp_path, onto, text), "Organization")
    assert {"부산시", "울산광역시"} <= set(orgs)
    assert "울산시" in orgs["울산광역시"].get("aliases", [])
    assert not {"서울시", "당시"} & set(orgs)


def test_a_headline_ratio_before_an_ellipsis_is_no_count(tmp_path, onto):
    text = (
        "해양드론 스타트업 경쟁률 34대 1...9월 선정\n\nDATE: 2020-05-06\n\n해수부는 해양드론 "
        "기술로드맵을 발표했다. 총 686개의 스타트업이 신청했다.\n"
    )
    values = {value for value, _ in _counts(facts_of(tmp_path, onto, text))}
    assert 686 in values and 34 not in values


def test_services_listed_under_a_topic_of_firms_are_no_bodies(tmp_path, onto):
    text = (
        "DATE: 2018-12-12\n\n특허청은 해양드론 기술로드맵을 발표했다. 선정기업은 △IP경영 진단·구축 "
        "△해외 출원비용 지원 △특허·디자인 전략 분석 등 3년간 다양한 지원을 받는다. 참여기업은 "
        "△오션로보 △마린텍 등이다.\n"
    )
    orgs = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert not {"IP경영 진단·구축", "해외 출원비용 지원", "특허·디자인 전략 분석"} & orgs


def test_an_office_abbreviated_by_leaving_syllables_out_is_one_body(tmp_path, onto):
    text = (
        "DATE: 2011-05-23\n\n경기지방해양수산청은 해양드론 기술로드맵을 발표했다. 경기해수청 "
        "관계자는 “과제를 늘리겠다”고 말했다.\n"
    )
    orgs = named(facts_of(tmp_path, onto, text), "Organization")
    assert "경기해수청" not in orgs
    assert "경기해수청" in orgs["경기지방해양수산청"].get("aliases", [])


def test_a_counts_cue_word_before_a_plan_name_is_no_part_of_it(tmp_path, onto):
    text = (
        "DATE: 2023-05-10\n\n해수부는 수중 음향, 선체 제어, 해양 에너지 3개 분야 해양드론 임무중심 "
        "전략로드맵을 심의·의결했다.\n"
    )
    names = {
        n.props["name"]
        for n in facts_of(tmp_path, onto, text).nodes.values()
        if n.cls == "RoadmapEdition"
    }
    assert "해양드론 임무중심 전략로드맵" in names
    assert not any(name.startswith("분야") for name in names)


def test_a_coming_day_one_before_the_articles_is_this_months(tmp_path, onto):
    text = (
        "DATE: 2018-12-07\n\n해수부는 해양드론 기술로드맵을 발표했다. 해수부는 6일부터 7일까지 "
        "부산에서 해양드론 성과물 전시회를 개최한다.\n"
    )
    dates = events(facts_of(tmp_path, onto, text))
    assert "2018-12-06" in dates and "2019-01-06" not in dates


def test_amounts_closed_by_respectively_fund_the_list_before_them(tmp_path, onto):
    text = (
        "DATE: 2011-05-23\n\n해수부는 해양드론 기술로드맵을 발표했다. 이번 과제는 수중음향과제(19개)와 "
        "선체제어과제(12개)로 구분되며 44억원, 21억원이 각각 지원된다.\n"
    )
    fundings = {
        (name, amount) for name, amount, _ in _fundings_in_eok(facts_of(tmp_path, onto, text))
    }
    assert {("수중음향과제", 44), ("선체제어과제", 21)} <= fundings


def test_names_closed_by_a_count_of_firms_are_firms(tmp_path, onto):
    text = (
        "DATE: 2021-04-12\n\n해수부는 해양드론 기술로드맵을 발표했다. 해수부는 오션텍 등 해양벤처 "
        "15개사를 선정했다. 마린로보, 씨드론 등 12개사가 참여했다. 수중 음향 등 5개 과제를 "
        "선정했다.\n"
    )
    orgs = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert {"오션텍", "마린로보", "씨드론"} <= orgs
    assert "수중 음향" not in orgs


def test_a_pair_in_apposition_to_a_kind_of_body_are_bodies(tmp_path, onto):
    text = (
        "DATE: 2021-04-12\n\n특허청은 해양드론 특허 빅데이터 분석 결과를 발표했다. 사실상 "
        "표준화기구인 IEEE와 ETSI를 포함하는 5대 표준화기구의 특허를 분석했다.\n"
    )
    orgs = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert {"IEEE", "ETSI"} <= orgs


def test_a_programme_abbreviated_with_another_head_is_one_programme(tmp_path, onto):
    text = (
        "DATE: 2020-05-06\n\n중기부는 소재·부품·장비 기술로드맵을 발표했다. '소재, 부품, 장비 "
        "스타트업 100 지원 사업'에 686개 스타트업이 신청했다. 이번 '소부장 스타트업 100 "
        "프로젝트'는 챌린지 방식으로 진행된다.\n"
    )
    programmes = named(facts_of(tmp_path, onto, text), "Programme")
    assert "소부장 스타트업 100 프로젝트" not in programmes
    assert (
        "소부장 스타트업 100 프로젝트"
        in programmes["소재, 부품, 장비 스타트업 100 지원 사업"]["aliases"]
    )


def test_a_first_year_and_a_span_before_a_plan_are_its_period(tmp_path, onto):
    text = (
        "DATE: 2012-11-27\n\n해수부가 2013년부터 3년간 적용할 해양드론 기술로드맵을 27일 확정해 "
        "발표했다.\n"
    )
    assert ("해양드론 기술로드맵", 2013, 2015) in _editions(facts_of(tmp_path, onto, text))


@pytest.mark.parametrize(
    "sentence",
    [
        "‘해양 로봇’은 독립 분야로 두기엔 과제가 적어 ‘수중 음향’ 분야와 합쳤다.",
        "이들 분야에서 94개 전략제품과 283개 핵심기술을 골랐다.",
    ],
)
def test_a_pointer_or_a_manner_before_a_field_cue_names_no_field(tmp_path, onto, sentence):
    text = f"DATE: 2021-04-12\n\n해수부는 해양드론 기술로드맵을 발표했다. {sentence}\n"
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert not {"독립", "이들"} & fields


def test_a_section_marked_topic_before_bullets_is_no_item(tmp_path, onto):
    text = (
        "DATE: 2021-04-12\n\n해수부는 해양드론 기술로드맵을 발표했다.\n□ 로드맵은 ▲수중 음향 "
        "▲선체 제어 ▲해양 에너지 등 3대 분야로 구성된다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"수중 음향", "선체 제어", "해양 에너지"} <= fields
    assert "로드맵은" not in fields


def test_the_rest_in_a_bulleted_breakdown_is_no_field(tmp_path, onto):
    text = (
        "DATE: 2021-04-12\n\n해수부는 해양드론 기술로드맵을 발표했다. 선정 기업의 기술 분야는 ① 수중 "
        "음향 19곳 ② 선체 제어 14곳 ③ 기타 9곳이다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert "기타" not in fields


def test_fields_an_edition_keeps_or_adds_are_fields(tmp_path, onto):
    text = (
        "DATE: 2025-11-19\n\n해수부는 해양드론 기술로드맵 2.0을 발표했다. 새 로드맵은 분야 체계를 "
        "다시 짰다. 대신 '해양소재'가 새로 들어왔다. 수중 음향, 선체 제어, 해양 에너지는 그대로 "
        "유지됐다. 결과적으로 분야 수는 10개 그대로다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"해양소재", "수중 음향", "선체 제어", "해양 에너지"} <= fields


def test_a_dotted_list_counted_as_many_as_its_parts_keeps_spaced_ends(tmp_path, onto):
    text = (
        "DATE: 2014-09-23\n\n해수부는 해양드론 기술로드맵을 발표했다. 첨단 수중음향·선체제어·기능성 "
        "해양소재·스마트 계류장비를 4대 주력산업으로 선정했다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"첨단 수중음향", "선체제어", "기능성 해양소재", "스마트 계류장비"} <= fields


def test_a_facility_a_programme_builds_is_part_of_its_name(tmp_path, onto):
    text = (
        "DATE: 2013-03-10\n\n해수부는 해양드론 기술로드맵을 발표했다. 해수부는 해양드론 실증센터 "
        "건립 사업에 83억원을 투입한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert "해양드론 실증센터 건립 사업" in named(facts, "Programme")
    assert "실증센터" not in named(facts, "Organization")


def test_kinds_of_bank_and_everyday_words_ending_in_bu_name_no_body(tmp_path, onto):
    text = (
        "DATE: 2022-05-02\n\n특허청은 IP금융 지원사업 계획을 발표했다. 취급은행은 국책·시중은행에서 "
        "부산은행까지 확대됐다. 운영기관은 실적을 평가해 계속 지정여부를 결정한다.\n"
    )
    orgs = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert "부산은행" in orgs
    assert not {"취급은행", "시중은행", "지정여부"} & orgs


def test_a_measure_or_a_place_names_no_technology(tmp_path, onto):
    text = (
        "DATE: 2024-03-05\n\n특허청은 지역 특허출원 분석 보고서를 발표했다. 지역에서 출원된 특허는 "
        "19만 건이다. 지역 특허출원을 WIPO 5대 기술 분야별로 살펴보면, 전기공학 분야의 비중이 "
        "39.6%로 가장 높았다.\n"
    )
    techs = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert not {"지역", "비중"} & techs


def test_a_relative_clause_before_a_cued_list_is_no_part_of_its_first_item(tmp_path, onto):
    text = (
        "DATE: 2019-08-05\n\n정부는 해양드론 기술로드맵을 발표했다. 당장 급한 20개 품목에는 외국이 "
        "수출 규제를 건 수중 음향센서와 내압 하우징, 심해용 커넥터가 포함됐다.\n"
    )
    products = set(named(facts_of(tmp_path, onto, text), "StrategicProduct"))
    assert {"수중 음향센서", "내압 하우징", "심해용 커넥터"} <= products


def test_area_groups_after_a_bracketed_label_with_glossed_areas(tmp_path, onto):
    text = (
        "DATE: 2016-12-20\n\n중기청은 해양드론 기술로드맵을 발표했다.\n ○ (제품 예시) 수중통신(UWC) "
        "분야에서는 음향 모뎀과 수중 중계기를, 3D스캐닝 분야에서는 해저 라이다를 전략제품으로 제시\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"음향 모뎀", "수중 중계기", "해저 라이다"} <= set(named(facts, "StrategicProduct"))
    assert "3D스캐닝" in named(facts, "StrategicField")


def test_an_uncued_list_takes_the_kind_its_members_were_listed_as(tmp_path, onto):
    text = (
        "DATE: 2018-11-30\n\n해양기술원은 해양 기술로드맵을 수립한다. 수중 음향, 선체 제어 등 5개 "
        "기술의 중점투자 분야를 도출할 계획이다.\n\n여기에는 수중 음향, 선체 제어, 해양 에너지, "
        "심해 소재, 지능형 계류시스템 등이 포함된다.\n"
    )
    techs = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert {"해양 에너지", "심해 소재", "지능형 계류시스템"} <= techs


def test_a_marked_comma_list_takes_the_head_noun_of_the_phrase_after_its_deung(tmp_path, onto):
    text = (
        "DATE: 2025-12-22\n\n해수부는 해양드론 기술로드맵을 발표했다. 지원 분야별로는 ▲수중드론, "
        "수상드론 등 산업 AI 확산 기술(M.AX)에 1조455억원 ▲해양환원제철 등 친환경 공정 기술에 "
        "2990억원을 투자한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"수중드론", "수상드론"} <= set(named(facts, "CoreTechnology"))
    assert not {"수중드론", "수상드론", "수중드론, 수상드론"} & set(named(facts, "StrategicField"))


def test_a_dotted_list_closed_by_deung_keeps_spaced_ends(tmp_path, onto):
    text = (
        "DATE: 2012-05-24\n\n해수부는 해양드론 기술로드맵을 발표했다. 수중 로봇·자율항법·심해 "
        "탐사 등 미래형 원천 기술 발굴에도 관심을 쏟고 있다.\n"
    )
    techs = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert {"수중 로봇", "자율항법", "심해 탐사"} <= techs


def test_a_centre_or_a_council_named_by_its_subject_keeps_it(tmp_path, onto):
    text = (
        "DATE: 2016-12-15\n\n해수부는 해양드론 기술로드맵을 발표했다. 로드맵은 신산업 "
        "민관협의회에서 논의됐다. 해양드론 상용화연구센터를 세우고, 심해로봇 연구센터를 12월에 "
        "KAIST에 설치한다.\n"
    )
    orgs = set(named(facts_of(tmp_path, onto, text), "Organization"))
    assert {"신산업 민관협의회", "해양드론 상용화연구센터", "심해로봇 연구센터"} <= orgs
    assert not {"민관협의회", "상용화연구센터"} & orgs


def test_marked_items_sharing_the_last_ones_programme_head_are_programmes(tmp_path, onto):
    text = (
        "DATE: 2022-02-16\n\n해수부는 해양드론 기술로드맵을 발표했다. 아울러 지역 인프라를 활용한 "
        "R&D 촉진을 위해 △항만공유형 공통 R&D △어촌플랫폼협력 R&D △스마트양식혁신 R&D 사업을 "
        "추진한다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert {"항만공유형 공통 R&D", "어촌플랫폼협력 R&D"} <= programmes


def test_government_rnd_opens_a_programme_name(tmp_path, onto):
    text = (
        "DATE: 2014-01-20\n\n해수부는 해양드론 기술로드맵을 발표했다. 이 사업은 그간 시행해온 정부 "
        "R&D 해양특허전략지원사업, 해양특허 전문가 파견사업 등을 통합한 것이다. 정부 R&D 사업 "
        "전반을 점검한다.\n"
    )
    programmes = set(named(facts_of(tmp_path, onto, text), "Programme"))
    assert "정부 R&D 해양특허전략지원사업" in programmes
    assert "정부 R&D 사업" not in programmes


def test_an_amount_for_here_funds_what_the_clause_before_chose(tmp_path, onto):
    text = (
        "DATE: 2011-06-21\n\n해수부는 해양드론 기술로드맵을 발표했다. 해수부는 올해 새로 37개의 "
        "과제를 선정하고 여기에 88억3000만원, 지난해부터 이어져 온 12개 과제에는 21억원을 "
        "배정키로 했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    funded = {
        (n.props["name"], n.props["amountKrw"]) for n in facts.nodes.values() if n.cls == "Funding"
    }
    assert ("과제", 8_830_000_000) in funded


def test_a_plans_past_editions_listed_by_ordinal_and_period(tmp_path, onto):
    text = (
        "DATE: 2018-12-01\n\n해수부는 해양드론 기술로드맵 착수회의를 열었다. 해양과학기술계획은 "
        "10년을 계획기간으로 하는 법정계획으로 제1차(2004~2013), 제2차(2009∼2018)까지 수립했다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    periods = {
        (n.props.get("startYear"), n.props.get("endYear"))
        for n in facts.nodes.values()
        if n.cls == "RoadmapEdition"
    }
    assert {(2004, 2013), (2009, 2018)} <= periods


def test_an_industry_listed_with_a_technology_is_no_technology(tmp_path, onto):
    text = (
        "DATE: 2025-05-27\n\n해수부는 해양드론 기술로드맵을 발표했다. 공모 과제는 건설업과 "
        "로봇·플랫폼 기술을 융합한 과제다.\n"
    )
    techs = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert "건설업" not in techs


def test_a_body_before_a_developed_technology_is_no_part_of_its_name(tmp_path, onto):
    text = (
        "DATE: 2011-06-21\n\n해수부는 해양드론 기술로드맵을 발표했다. 해수부는 올해 "
        "해양수산개발원 심해항법기술 개발에 30억원을 투입한다.\n"
    )
    techs = set(named(facts_of(tmp_path, onto, text), "CoreTechnology"))
    assert "해양수산개발원 심해항법기술" not in techs
    assert "심해항법기술" in techs


def test_a_count_before_a_noun_per_which_a_rate_is_given_is_no_count(tmp_path, onto):
    text = (
        "DATE: 2014-01-20\n\n해수부는 해양드론 기술로드맵을 발표했다. 해수부는 1개 기관당 연간 최대 "
        "3억원 규모의 자금을 지원하고, 올해 3개 기관을 대상으로 시범 시행한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    counts = {
        (n.props["value"], n.props.get("countedNoun"))
        for n in facts.nodes.values()
        if n.cls == "StatedFigure" and n.props.get("unit") == "count"
    }
    assert (3, "기관") in counts
    assert not any(value == 1 for value, _ in counts)


def test_two_names_joined_by_mit_each_printed_alone_elsewhere_are_two_items(tmp_path, onto):
    text = (
        "DATE: 2020-12-18\n\n해양 뉴딜 및 미래 해양산업, 심해·극지 등 유망분야 중점 지원\n\n해수부는 "
        "해양드론 기술로드맵을 발표했다. 해양 뉴딜의 추진과 미래 해양산업 분야의 지원에 역점을 "
        "뒀다.\n"
    )
    fields = set(named(facts_of(tmp_path, onto, text), "StrategicField"))
    assert {"해양 뉴딜", "미래 해양산업"} <= fields
    assert "해양 뉴딜 및 미래 해양산업" not in fields


def test_a_bylined_sentence_dates_its_predicate(tmp_path, onto):
    text = (
        "DATE: 2020-12-18\n\n해수부는 해양드론 기술로드맵을 발표했다.\n\n[해양신문 홍길동 기자]해양수산부는 "
        "20일 1조 2000억원 규모의 2021년 해양드론 기술개발 지원사업 통합공고를 실시한다고 밝혔다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    dates = {n.props["eventDate"] for n in facts.nodes.values() if n.cls == "StatedEvent"}
    assert "2020-12-20" in dates


def test_members_picked_out_of_a_kind_are_of_that_kind(tmp_path, onto):
    text = (
        "DATE: 2024-03-03\n\n중소벤처기업부는 이차전지 기술로드맵을 발표했다. 세부 기술 중에서는 "
        "PTFE 바인더 섬유화와 롤투롤 건식 압연이 전체 출원의 절반을 차지했다.\n"
    )
    technologies = named(facts_of(tmp_path, onto, text), "CoreTechnology")
    assert {"PTFE 바인더 섬유화", "롤투롤 건식 압연"} <= set(technologies)


def test_a_last_marked_item_goes_on_past_a_gloss_inside_it(tmp_path, onto):
    text = (
        "DATE: 2015-03-03\n\n미래부는 나노기술 산업화 전략을 발표했다. 세부적으로는 ▲3차원 나노전자소자 "
        "▲식품안전 나노센서 ▲저에너지 수처리(물정화, 담수화) 시스템 등 3대 전략분야를 선정했다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert "저에너지 수처리(물정화, 담수화) 시스템" in fields
    assert "식품안전 나노센서" in fields


def test_marked_items_each_with_a_count_are_closed_by_the_cue_after_the_last(tmp_path, onto):
    text = (
        "DATE: 2014-04-03\n\n산업부는 산업핵심기술개발사업 신규과제를 공고했다. 시스템산업에서는 "
        "△생산시스템 15개 △로봇 11개 △조선 1개 △의료기기 7개 과제 등 4개 분야에서 총 34개 과제를 "
        "지원한다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert {"생산시스템", "로봇", "조선", "의료기기"} <= set(fields)


def test_a_short_name_the_document_defines_means_its_full_name_here(tmp_path, onto):
    text = (
        "DATE: 2016-03-10\n\n중소기업기술정보진흥원은 중소기업진흥공단(이사장 홍길동, 이하 중진공) 및 "
        "중소기업유통센터(대표이사직무대행 김철수, 이하 유통센터)와 10일 R&D 평가 업무협약을 "
        "체결했다고 밝혔다. 중진공은 기술개발사업 후속 지원을 맡는다. 유통센터는 판로를 지원한다.\n"
    )
    bodies = named(facts_of(tmp_path, onto, text), "Organization")
    assert {"중소기업진흥공단", "중소기업유통센터"} <= set(bodies)
    assert "유통센터" not in bodies
    assert "중소벤처기업진흥공단" not in bodies  # the reference's body known by 중진공 today


def test_a_verb_before_a_breakdown_says_nothing_of_what_is_counted(tmp_path, onto):
    text = (
        "DATE: 2021-05-03\n\n특허청은 인공지능 의료진단 특허출원 동향을 발표했다.\n\n진단에 사용되는 "
        "의료데이터 종류별로 살펴보면 의료영상 정보를 활용한 출원이 153건(52.2%)으로 가장 많았다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    nouns = {
        n.props.get("countedNoun")
        for n in facts.nodes.values()
        if n.cls == "StatedFigure" and n.props.get("value") == 153
    }
    assert nouns == {"출원"}


def test_the_round_of_a_call_opens_no_programme_name(tmp_path, onto):
    text = (
        "DATE: 2015-11-03\n\n산업통상자원부는 ‘2015년도 제2차 산업현장핵심기술수시개발사업’ 신규 "
        "지원계획을 공고했다. 제3차 산업현장핵심기술수시개발사업에 217억원을 지원한다. 또 4차 "
        "산업혁명 대응 기술개발사업도 추진한다.\n"
    )
    programmes = named(facts_of(tmp_path, onto, text), "Programme")
    assert "산업현장핵심기술수시개발사업" in programmes
    assert "4차 산업혁명 대응 기술개발사업" in programmes
    assert not any(name.startswith("제") for name in programmes)


def test_a_quoted_technology_map_is_an_edition_and_guidance_is_not(tmp_path, onto):
    text = (
        "DATE: 2023-05-26\n\n과학기술정보통신부는 26일 '제4기 국가나노기술지도' 수립을 위한 공청회를 "
        "열었다고 밝혔다. 2023년부터 2032년까지의 나노기술 R&D 목표를 담는다. 한편 지역 "
        "중소기업에 대한 현장 기술지도도 이어진다.\n"
    )
    editions = named(facts_of(tmp_path, onto, text), "RoadmapEdition")
    assert "제4기 국가나노기술지도" in editions
    assert not any("현장" in name for name in editions)


def test_acting_together_is_no_member_of_the_list_before_it(tmp_path, onto):
    text = (
        "DATE: 2013-12-05\n\n전자신문사는 중기청, 대·중소기업협력재단과 공동으로 구매조건부 "
        "신제품개발사업의 주요 성과를 소개한다.\n"
    )
    bodies = named(facts_of(tmp_path, onto, text), "Organization")
    assert "대·중소기업협력재단" in bodies
    assert "공동" not in bodies


def test_a_programme_named_only_by_what_any_programme_does_is_a_kind(tmp_path, onto):
    text = (
        "DATE: 2014-02-03\n\n정부가 지원하는 중소·중견기업의 육성화 사업에서 올해는 소재부품 분야에 "
        "집중 투자될 전망이다. 산업핵심기술개발사업은 산업부의 대표적 중장기 R&D사업으로 창의산업에 "
        "지원한다. 시스템산업에서는 △생산시스템 15개 △로봇 11개 △의료기기 7개 과제 등 3개 분야를 "
        "지원한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    programmes = named(facts, "Programme")
    assert "산업핵심기술개발사업" in programmes
    assert not any("육성화" in name or "대표적" in name for name in programmes)
    assert "과제" not in named(facts, "StrategicField")


def test_patents_tied_by_a_relative_clause_are_of_the_glossed_name_before(tmp_path, onto):
    text = (
        "DATE: 2018-07-16\n\n특허청에 따르면 지난 10년간 알츠하이머(치매) 진단용 조영제와 관련된 "
        "특허출원 건수는 총 110건이다. 알츠하이머 진단용 조영제 개발의 중요성이 커지고 있다.\n"
    )
    technologies = named(facts_of(tmp_path, onto, text), "CoreTechnology")
    assert "알츠하이머(치매) 진단용 조영제" in technologies


def test_the_roadmap_word_opening_a_field_is_no_part_of_its_name(tmp_path, onto):
    text = (
        "DATE: 2013-05-03\n\n중소벤처기업부는 중소기업 기술로드맵을 발표했다. 로드맵 기계·소재 분야에는 "
        "초정밀 CNC 스핀들이나 경량 마그네슘 휠처럼 주력 제품과 맞닿은 품목이 적지 않다.\n"
    )
    fields = named(facts_of(tmp_path, onto, text), "StrategicField")
    assert "기계·소재" in fields
    assert not any(name.startswith("로드맵") for name in fields)


def test_a_pair_given_as_examples_of_a_kind_is_a_list(tmp_path, onto):
    text = (
        "DATE: 2013-05-03\n\n중소벤처기업부는 중소기업 기술로드맵을 발표했다. 로드맵에는 초정밀 CNC "
        "스핀들과 경량 마그네슘 휠 같은 전략제품이 담겼다. 정부는 대기업과 중소기업 같은 기업 모두를 "
        "지원한다.\n"
    )
    facts = facts_of(tmp_path, onto, text)
    assert {"초정밀 CNC 스핀들", "경량 마그네슘 휠"} <= set(named(facts, "StrategicProduct"))
    assert "대기업" not in named(facts, "Organization")


def test_a_known_programme_glued_by_a_dot_to_a_word_before_is_a_longer_name(tmp_path, onto):
    text = (
        "DATE: 2016-03-10\n\n기정원은 중견·중소기업 R&D 지원사업의 평가체계를 혁신하기 위한 "
        "업무협약을 체결했다.\n"
    )
    programmes = named(facts_of(tmp_path, onto, text), "Programme")
    assert "중견·중소기업 R&D 지원사업" in programmes
    assert "중소기업 R&D" not in programmes


def test_a_school_faculty_is_no_ministry(tmp_path, onto):
    text = (
        "DATE: 2023-04-12\n\n중기부는 중소기업 R&D 혁신 방안을 발표했다. 간담회에는 홍길동 서울대 "
        "전기공학부 교수와 김철수 한국대 기계공학부 교수가 참석했다.\n"
    )
    bodies = named(facts_of(tmp_path, onto, text), "Organization")
    assert not any(name.endswith("공학부") for name in bodies)
