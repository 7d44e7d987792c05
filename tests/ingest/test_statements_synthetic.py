"""The statement rules on made-up releases: other numbers, names and layouts."""

from __future__ import annotations

import datetime as dt

import pytest

from stkg.ingest.errors import IngestError
from stkg.ingest.extract.statements.parse import StatementError, extract_statements
from stkg.ingest.extract.statements.units import squash

SM = "smart_manufacturing_strategic_technology"
SME = "sme_technology"


def _check_spans(text: str, spanned: object) -> None:
    assert squash(text[spanned.start : spanned.end]) == squash(spanned.text)  # type: ignore[attr-defined]


def test_programme_and_budget_change_with_trillions() -> None:
    text = (
        "연계지원을 넓힐 예정이다.\n"
        "   * (대상사업) ’23년 3개 사업 → ’24년 6개 사업(혁신성장, 글로벌 R&D, 지역특화 등)\n"
        "(지원예산) ’23년 1,024억원 → ’24년 1조 2,000억원(계속과제 기준)\n"
    )
    st = extract_statements(text, source="made-up.txt")
    link = st.programme_link
    assert link.programmes == (3, 6)
    assert link.budget == (102_400_000_000, 1_200_000_000_000)
    assert link.budget_basis == "계속과제 기준"
    assert [p.value for p in link.named_programmes] == ["혁신성장", "글로벌 R&D", "지역특화"]
    assert link.named_partial and st.warnings == []
    for c in st.changes:
        _check_spans(text, c.before)
        _check_spans(text, c.after)


def test_bare_arrow_change_takes_its_kind_from_the_words_before() -> None:
    text = "◦ 연계하는 대상 R&D 사업을 늘리고 (4→7개), 예산도 확대(’24년 90억원→’25년 130억원)\n"
    st = extract_statements(text, source="x.txt")
    kinds = {c.kind: (c.before.value, c.after.value) for c in st.changes}
    assert kinds == {"programmes": (4, 7), "budget": (9_000_000_000, 13_000_000_000)}


def test_complete_programme_list_shorter_than_stated_is_a_warning() -> None:
    text = "* (대상사업) ’23년 3개 사업 → ’24년 6개 사업(혁신성장, 글로벌 R&D, 지역특화)\n"
    st = extract_statements(text, source="x.txt")
    assert not st.programme_link.named_partial
    assert [w.message for w in st.warnings] == ["6 programmes stated, 3 named"]
    assert text[st.warnings[0].start : st.warnings[0].end] == "6개"


def test_stated_delta_that_disagrees_is_a_warning() -> None:
    text = "◦ 디지털 관련 품목 대폭 확대 (’23년 100개→’24년 130개, +20)\n"
    st = extract_statements(text, source="x.txt")
    (change,) = st.changes
    assert change.kind == "related_products" and change.delta and change.delta.value == 20
    assert len(st.warnings) == 1 and "+20" in st.warnings[0].message


def test_increase_and_support_period() -> None:
    text = (
        "- ‘23년 대비 3개 분야, 15개 품목 증가\n"
        "* 수출바우처 지원기간을 현행 2년에서 최대 5년까지로 연장\n"
    )
    st = extract_statements(text, source="x.txt")
    (inc,) = st.increases
    assert inc.reference_year and inc.reference_year.value == 2023 and inc.direction == 1
    assert [(n, c.value) for n, c in inc.counts] == [("분야", 3), ("품목", 15)]
    (period,) = st.programme_link.support_periods
    assert period.subject.value == "수출바우처 지원기간"
    assert (period.before_years.value, period.after_years.value) == (2, 5)


def test_editions_from_title_relative_words_and_publication() -> None:
    text = (
        "- 「2030 스마트제조 전략기술로드맵(2031~2033)」 두 기관 공동 착수 -\n\n"
        "지난해 추진된 로드맵에서는 5대 전략분야를 대상으로 총 40개 전략 품목을 도출하였다.\n\n"
        "올해는 더 넓은 발굴((‘29)40개 품목 → (‘30)60개 이상의 품목)을 추진한다.\n\n"
        "한편, 올해 추진하는 스마트제조 전략기술로드맵은 내년('31) 하반기에 공개될 예정이다.\n"
    )
    st = extract_statements(text, source="x.txt")
    assert st.reference_year == 2030
    new = st.edition(SM, 2030)
    assert new is not None and new.name == "2030 스마트제조 전략기술로드맵"
    assert new.status == "started" and new.years == (2031, 2033)
    assert new.publication and new.publication.label == "2031 하반기"
    assert [t.label for t in new.targets] == ["60개 이상"]
    old = st.edition(SM, 2029)
    assert old is not None and old.status == "previous"
    assert (old.total("fields"), old.total("products")) == (5, 40)


def test_sme_edition_from_a_wrapped_title_with_year_range() -> None:
    text = (
        "2025년 3월 4일(화) 조간부터 보도하여 주시기 바랍니다.\n\n"
        "□ ｢2025~2027년 중소기업\n기술개발 일정계획(로드맵)｣ 발표(28개 분야, 190개 품목)\n"
    )
    st = extract_statements(text, source="x.txt")
    assert st.released and st.released.value == dt.date(2025, 3, 4)
    (ed,) = st.editions
    assert ed.series == SME and ed.name == "2025~2027 중소기업 기술로드맵"
    assert ed.status == "announced"
    assert (ed.total("fields"), ed.total("products")) == (28, 190)
    _check_spans(text, ed.mentions[0].title)


def test_conflicting_edition_totals_warn() -> None:
    text = (
        "□ ｢2025~2027년 중소기업 기술일정계획(로드맵)｣ 발표(28개 분야, 190개 품목)\n\n"
        "□ ’25~’27 중소기업 기술일정계획(로드맵) 주요 내용\n"
        "◦ 총 28개 분야, 195개 품목을 전략제품으로 선정\n"
    )
    st = extract_statements(text, source="x.txt")
    assert any("195" in w.message and "190" in w.message for w in st.warnings)


def test_aliases_roles_joint_action_and_publishers() -> None:
    text = (
        "농촌진흥청(청장 나가상, 이하 ‘농진청’)과 산업통상자원부(장관 다가상, 이하 ‘산업부’)는 "
        "「2027 스마트농업 기술로드맵」 수립을 공동 추진한다고 밝혔다.\n\n"
        "한국산업기술평가관리원(이하, KEIT)과 한국농업기술진흥원(이하, 농진원)이 협력한다. "
        "KEIT는 기술 수요조사와 평가를 담당하고, 농진원은 현장 실증 분석을 지원한다.\n"
    )
    st = extract_statements(text, source="x.txt")
    assert st.publishers == ["농촌진흥청", "산업통상자원부"]
    keit = st.organisation("KEIT")
    assert keit and keit.name.value == "한국산업기술평가관리원"
    assert [r.value for r in keit.roles] == ["기술 수요조사와 평가"]
    assert [r.value for r in st.organisation("농진원").roles] == ["현장 실증 분석"]  # type: ignore[union-attr]
    joint = [j for j in st.joint_actions if "공동" in j.action.value]
    assert [p.value for p in joint[0].parties] == ["농촌진흥청", "산업통상자원부"]
    (mention,) = st.roadmap_mentions
    assert mention.series is None and mention.edition_year and mention.edition_year.value == 2027


def test_citizen_proposals_with_a_name_broken_over_lines() -> None:
    text = (
        "생활 밀접 분야(교통, 주거, 교육 등 3개)의 국민 제안품목 12개*도 반영했\n\n다.\n\n"
        "   * 해상 구조 드론 체제\n\n(플랫폼), 휴대용 정수장치 등\n\n"
        "◦ 아이디어 공모를 통해 발굴된 국민 제안품목 12개 반영\n"
        "     * 총 40개 품목을 발굴하여 전문가평가를 거쳐 12개 선정\n"
    )
    st = extract_statements(text, source="x.txt")
    cp = st.citizen_proposals
    assert cp is not None
    assert cp.discovered and cp.discovered.value == 40
    assert {s.value for s in cp.selected} == {12}
    assert [f.value for f in cp.fields] == ["교통", "주거", "교육"]
    assert [e.value for e in cp.examples] == ["해상 구조 드론 체제(플랫폼)", "휴대용 정수장치"]
    assert [m.value for m in cp.methods] == ["아이디어 공모"]
    for e in cp.examples:
        _check_spans(text, e)
    assert st.warnings == []


def test_new_field_sentence_with_more_products_than_stated_warns() -> None:
    text = "* 수소 분야를 신설하여 수전해 스택, 저장 용기, 충전 노즐 등 2개 품목을 신규 선정\n"
    st = extract_statements(text, source="x.txt")
    (field,) = st.new_fields
    assert field.field.value == "수소"
    assert [p.value for p in field.products] == ["수전해 스택", "저장 용기", "충전 노즐"]
    assert any("3 products listed, 2 stated" in w.message for w in st.warnings)


def test_patent_method_steps_offices_and_selection() -> None:
    text = (
        "- (분석 절차) ①특허 검색식 설계 → ②유효특허 선별 → ③지표 산출\n"
        "- 한국, 미국, 독일에 출원 또는 등록된 특허를 대상으로 DB를 구축\n"
        "   * (로봇 센서) 2개 세부기술의 경우에는 총 1,234건의 유효특허 선별\n"
        "⇒ 10개 분야 중 2개 분야(촉각, 시각, 청각)를 유망기술 분야로 도출\n"
    )
    st = extract_statements(text, source="x.txt")
    pm = st.patent_method
    assert pm.steps and [s.value for s in pm.steps.items] == [
        "특허 검색식 설계",
        "유효특허 선별",
        "지표 산출",
    ]
    assert pm.steps.label and pm.steps.label.value == "분석 절차"
    assert [(o.literal.value, o.code) for o in pm.offices] == [
        ("한국", "KR"),
        ("미국", "US"),
        ("독일", "DE"),
    ]
    (valid,) = pm.valid_patents
    assert valid.count.value == 1234 and valid.scope and valid.scope.value == "로봇 센서"
    assert any("2 selected, 3 listed" in w.message for w in st.warnings)


def test_promising_tasks_box_and_count_mismatch() -> None:
    text = (
        "예시 로봇 분야 유망기술과제 발굴 ▶ 협동 로봇 분야 2개 과제 발굴\n\n"
        "① 특허 군집 분석 - 주제별 묶음 -\t② 유망기술 과제 발굴\n"
        "\t<ol> (1) 힘 제어 기술 (2) 안전 감지 기술 (3) 경로 계획 기술</ol>\n"
    )
    st = extract_statements(text, source="x.txt")
    (box,) = st.patent_method.promising_tasks
    assert box.area.value == "협동 로봇"
    assert box.method and [m.value for m in box.method.items] == [
        "특허 군집 분석",
        "유망기술 과제 발굴",
    ]
    assert box.tasks and [t.value for t in box.tasks.items] == [
        "힘 제어 기술",
        "안전 감지 기술",
        "경로 계획 기술",
    ]
    assert any("2 tasks stated, 3 listed" in w.message for w in st.warnings)


def test_classification_counts_and_strategy() -> None:
    text = (
        "작년 디지털 물류 2.5 전략에 따라 분석 범위를 확대한다.\n"
        "* 물류기술 분류(안) : 3개 대분류, 9개 중분류, 27개 소분류\n"
    )
    st = extract_statements(text, source="x.txt")
    (cls,) = st.patent_method.classifications
    assert cls.scheme and cls.scheme.value == "물류기술 분류(안)"
    assert [(k, v.value) for k, v in cls.levels] == [("대분류", 3), ("중분류", 9), ("소분류", 27)]
    assert [p.name.value for p in st.policies if p.kind == "strategy"] == ["디지털 물류 2.5 전략"]


def test_typo_needs_the_document_to_confirm_the_correct_word() -> None:
    confirmed = "「특히 데이터 기반 혁신 지원사업」을 연다. 특허 데이터는 중요하다.\n"
    unconfirmed = "특히 데이터 분야가 중요하다. 「특히 데이터 기반 혁신 지원사업」을 연다.\n"
    a = extract_statements(confirmed, source="a.txt")
    b = extract_statements(unconfirmed, source="b.txt")
    assert [p.name for p in a.programmes] == ["특허 데이터 기반 혁신 지원사업"]
    assert [p.name for p in b.programmes] == ["특히 데이터 기반 혁신 지원사업"] and b.typos == []


@pytest.mark.parametrize("bad", ["", "   \n\t", "abc\x00def"])
def test_bad_input_names_the_source(bad: str) -> None:
    with pytest.raises(StatementError) as info:
        extract_statements(bad, source="broken.txt")
    assert isinstance(info.value, IngestError) and "broken.txt" in str(info.value)
