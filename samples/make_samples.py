"""Write the stkg sample corpus: one small document per reader format.

Run with the project's Python from the repository root::

    .venv/bin/python samples/make_samples.py            # rewrites the files in samples/
    .venv/bin/python samples/make_samples.py OUT_DIR    # writes them elsewhere

The texts are written for stkg (facts and figures from public roadmap announcements, in
our own words); the patents are invented. Output is byte-for-byte reproducible so the
generated files can be committed and a test can check they are current: zip members get
a fixed timestamp, order and compression level, office metadata is replaced by a fixed
``docProps/core.xml``, and nothing is random. (Deflate output depends on the zlib build;
all mainstream zlib 1.2/1.3 builds agree, zlib-ng may not.)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import openpyxl
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
FIXED_TIME = (2024, 1, 1, 0, 0, 0)
FIXED_STAMP = "2024-01-01T00:00:00Z"
CREATOR = "stkg samples"

# --- zip containers -----------------------------------------------------------------------


def zip_bytes(members: list[tuple[str, bytes]]) -> bytes:
    """A zip of ``members`` in order, with fixed times and attributes.

    ``mimetype`` is stored (HWPX, like ODF/EPUB, wants it uncompressed); the rest is
    deflated at a fixed level.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.create_system = 3
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=9)
    return out.getvalue()


def repack(data: bytes, replace: dict[str, bytes]) -> bytes:
    """Rewrite an office file's zip deterministically, swapping the members in ``replace``."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        missing = set(replace) - set(names)
        if missing:
            raise RuntimeError(f"expected members not in the package: {sorted(missing)}")
        members = [(name, replace.get(name) or archive.read(name)) for name in names]
    return zip_bytes(members)


def core_xml(title: str) -> bytes:
    """Office core properties with fixed dates (the libraries stamp the current time)."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        "<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>{CREATOR}</dc:creator>"
        f"<cp:lastModifiedBy>{CREATOR}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED_STAMP}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED_STAMP}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


# --- 01: press-release style summary, UTF-8 ----------------------------------------------

ROADMAP_2022 = "\n".join(
    [
        "[stkg 예제] 2022~2024 중소기업 기술로드맵 요약",
        "",
        "이 글은 stkg 예제로 새로 쓴 요약이며 공식 보도자료가 아니다.",
        "기준일: 2022년 1월 27일 / 발표 기관: 중소벤처기업부",
        "",
        "중소벤처기업부가 앞으로 3년 동안 중소기업이 개발에 나설 만한 기술을 묶은 "
        "「2022~2024 중소기업 기술로드맵」을 내놓았다.",
        "새 로드맵에는 32개 전략분야와 224개 전략제품이 담겼다. "
        "한 해 앞선 2021~2023 로드맵이 30개 분야, 197개 제품이었으니 "
        "분야는 2개, 제품은 27개가 늘어난 셈이다.",
        "",
        "■ 부문별 변화",
        "- 4차산업혁명 부문: 20개 분야·138개 제품에서 23개 분야·178개 제품으로 커졌다.",
        "- 중소기업 성장기반 부문: 10개 분야·59개 제품에서 9개 분야·46개 제품으로 줄었다.",
        "- 새 분야: CCUS(탄소 포집·활용·저장) 분야가 8개 제품으로 생겼고, "
        "성장기반 부문에는 복합소재 분야가 생겼다.",
        "- 부문 이동: 조선은 미래형선박으로, 식품은 기능성식품으로 바뀌어 "
        "4차산업혁명 부문에 들어갔다.",
        "- 이름·범위 조정: 드론은 드론·개인이동수단으로, IoT는 스마트홈으로, "
        "친환경소재·자원순환은 자원순환·에너지재활용으로 바뀌었다.",
        "- 이름만 바뀐 분야: 유기화학은 유기소재로, 무기화학은 세라믹으로 불린다.",
        "",
        "■ R&D 지원사업 연계",
        "로드맵 제품을 과제로 받아 주는 중소기업 R&D 지원사업이 "
        "2021년 2개에서 2022년 5개로 늘었다. "
        "창업성장, 기술혁신, 상용화 R&D가 대표적이다.",
        "연계 예산은 신규과제 기준으로 512억원에서 879억원으로 불어났다.",
        "",
        "■ 국민 제안",
        "국민이 낸 제품 아이디어 57건을 검토해 25개 제품을 로드맵에 넣었다. "
        "재난안전, 환경, 건강 쪽 제안이 두드러졌다.",
        "",
        "전체 로드맵은 smroadmap.smtech.go.kr 에 공개되어 있다.",
        "",
    ]
)

# --- 02: a note in CP949 -----------------------------------------------------------------

PARTNERSHIP_2026 = "\n".join(
    [
        "[stkg 예제] 지식재산처·중소벤처기업부, 스마트제조 전략기술로드맵 함께 만든다",
        "",
        "이 글은 stkg 예제로 새로 쓴 요약이며 공식 보도자료가 아니다. (문자 인코딩: CP949)",
        "",
        "지식재산처와 중소벤처기업부가 「2026 스마트제조 전략기술로드맵」 작업을 함께 시작했다.",
        "이 로드맵은 2027년부터 2029년까지를 내다보며, "
        "2027년 상반기에 공개하는 것이 목표다. "
        "담을 기술 품목은 100개 이상으로 잡았다.",
        "",
        "역할은 이렇게 나눈다.",
        "- 중소기업기술정보진흥원(TIPA): 산업과 기술을 분석해 전략품목을 뽑는다.",
        "- 한국특허전략개발원(KISTA): 특허 빅데이터로 기술을 분석한다.",
        "",
        "기술분류는 대분류 4개, 중분류 7개, 소분류 34개로 짜고, "
        "방향은 'AI 기반 스마트제조 3.0 전략'에 맞춘다.",
        "",
        "직전 판인 2025 스마트제조 전략기술로드맵은 7개 전략분야에서 49개 품목을 골랐다. "
        "품목은 도전적인 기술을 겨냥한 기술혁신형과 "
        "현장 수요가 큰 기술을 겨냥한 수요기업 활용형으로 나뉜다.",
        "",
        "지식재산처의 특허 빅데이터 기반 산업혁신 지원사업은 "
        "2023년 10개, 2024년 20개, 2025년 12개 분야를 분석했다. "
        "분석 대상 특허는 한국, 미국, 일본, 중국, 유럽 특허청의 출원이다.",
        "",
    ]
)

# --- 03: html page with a field table ----------------------------------------------------

FIELD_ROWS: list[tuple[str, str, str, str, str, str]] = [
    ("4차산업혁명", "인공지능", "8", "인공지능", "9", ""),
    ("4차산업혁명", "빅데이터", "6", "빅데이터", "8", ""),
    ("4차산업혁명", "드론", "4", "드론·개인이동수단", "6", "명칭·범위 변경"),
    ("4차산업혁명", "스마트제조", "16", "스마트제조", "15", ""),
    ("4차산업혁명", "IoT", "6", "스마트홈", "7", "명칭·범위 변경"),
    ("4차산업혁명", "-", "-", "미래형선박", "7", "성장기반→4차산업혁명"),
    ("4차산업혁명", "-", "-", "CCUS", "8", "신설"),
    ("중소기업 성장기반", "유기화학", "7", "유기소재", "5", "명칭 변경"),
    ("중소기업 성장기반", "조선", "8", "-", "-", "4차산업혁명으로 이동"),
    ("중소기업 성장기반", "-", "-", "복합소재", "5", "신설"),
    ("합계", "30개 분야", "197", "32개 분야", "224", ""),
]


def html_page() -> str:
    return table_page(
        title="중소기업 기술로드맵 분야별 전략제품 수 (stkg 예제)",
        heading="중소기업 기술로드맵: 두 판의 분야별 전략제품 수",
        intro="""stkg 예제로 만든 페이지이며 공식 자료가 아니다. 중소벤처기업부가 펴낸
  2021~2023 판(30개 분야, 197개 제품)과 2022~2024 판(32개 분야, 224개 제품)에서
  몇 개 분야를 골라 나란히 놓았다.""",
        caption="분야별 전략제품 수 (일부)",
        head=("부문", "2021~2023 분야", "제품 수", "2022~2024 분야", "제품 수", "비고"),
        rows=FIELD_ROWS,
        note="""비고의 '신설'은 새로 생긴 분야, '명칭·범위 변경'은 이름과 다루는 범위가
  함께 바뀐 분야를 뜻한다.""",
    )


def table_page(
    *,
    title: str,
    heading: str,
    intro: str,
    caption: str,
    head: tuple[str, ...],
    rows: Sequence[tuple[str, ...]],
    note: str,
) -> str:
    """An HTML page of one table between an introduction and a note (samples 03, 09, 10)."""
    header = "".join(f"<th>{name}</th>" for name in head)
    body = "\n".join(
        "      <tr>" + "".join(f"<td>{value}</td>" for value in row) + "</tr>" for row in rows
    )
    return f"""\
<!DOCTYPE html>
<html lang="ko">
<head>
  <meta charset="utf-8">
  <title>{title}</title>
</head>
<body>
  <h1>{heading}</h1>
  <p>{intro}</p>
  <table>
    <caption>{caption}</caption>
    <thead>
      <tr>{header}</tr>
    </thead>
    <tbody>
{body}
    </tbody>
  </table>
  <p>{note}</p>
</body>
</html>
"""


# --- 09, 10: field lists of two more edition pairs (no correspondence stated) -----------

#: Each row names a field of one edition only: these pages list the fields edition by
#: edition and leave the correspondence to the reader (``stkg crosswalk propose``). The
#: answer key is ``expected-mappings.csv``.
FIELD_LIST_2019_2020: list[tuple[str, str, str, str, str, str]] = [
    ("4차산업혁명", "인공지능", "7", "-", "-", ""),
    ("4차산업혁명", "빅데이터", "5", "-", "-", ""),
    ("4차산업혁명", "드론", "3", "-", "-", ""),
    ("4차산업혁명", "스마트제조", "14", "-", "-", ""),
    ("4차산업혁명", "사물인터넷", "6", "-", "-", ""),
    ("4차산업혁명", "가상현실", "4", "-", "-", ""),
    ("4차산업혁명", "증강현실", "3", "-", "-", ""),
    ("4차산업혁명", "-", "-", "인공지능", "8", ""),
    ("4차산업혁명", "-", "-", "빅 데이터", "6", ""),
    ("4차산업혁명", "-", "-", "드론", "4", ""),
    ("4차산업혁명", "-", "-", "스마트 제조", "15", ""),
    ("4차산업혁명", "-", "-", "IoT", "6", ""),
    ("4차산업혁명", "-", "-", "가상·증강현실", "6", ""),
    ("4차산업혁명", "-", "-", "로봇", "4", ""),
    ("중소기업 성장기반", "유기화학", "7", "-", "-", ""),
    ("중소기업 성장기반", "조선", "8", "-", "-", ""),
    ("중소기업 성장기반", "에너지", "9", "-", "-", ""),
    ("중소기업 성장기반", "바이오", "6", "-", "-", ""),
    ("중소기업 성장기반", "섬유", "4", "-", "-", ""),
    ("중소기업 성장기반", "-", "-", "유기화학", "7", ""),
    ("중소기업 성장기반", "-", "-", "조선", "8", ""),
    ("중소기업 성장기반", "-", "-", "신재생에너지", "5", ""),
    ("중소기업 성장기반", "-", "-", "에너지저장", "4", ""),
    ("중소기업 성장기반", "-", "-", "바이오헬스", "7", ""),
]

FIELD_LIST_2022_2023: list[tuple[str, str, str, str, str, str]] = [
    ("4차산업혁명", "인공지능", "9", "-", "-", ""),
    ("4차산업혁명", "빅데이터", "8", "-", "-", ""),
    ("4차산업혁명", "드론·개인이동수단", "6", "-", "-", ""),
    ("4차산업혁명", "스마트제조", "15", "-", "-", ""),
    ("4차산업혁명", "스마트홈", "7", "-", "-", ""),
    ("4차산업혁명", "미래형선박", "7", "-", "-", ""),
    ("4차산업혁명", "CCUS", "8", "-", "-", ""),
    ("4차산업혁명", "-", "-", "인공지능", "10", ""),
    ("4차산업혁명", "-", "-", "빅데이터", "8", ""),
    ("4차산업혁명", "-", "-", "드론", "4", ""),
    ("4차산업혁명", "-", "-", "개인이동수단", "3", ""),
    ("4차산업혁명", "-", "-", "스마트제조", "16", ""),
    ("4차산업혁명", "-", "-", "스마트홈", "7", ""),
    ("4차산업혁명", "-", "-", "CCUS·수소", "9", ""),
    ("4차산업혁명", "-", "-", "스마트물류", "5", ""),
    ("중소기업 성장기반", "유기소재", "5", "-", "-", ""),
    ("중소기업 성장기반", "복합소재", "5", "-", "-", ""),
    ("중소기업 성장기반", "-", "-", "미래형선박", "6", ""),
    ("중소기업 성장기반", "-", "-", "유기·복합소재", "8", ""),
]


def field_list_page(
    years: tuple[str, str], counts: tuple[str, str], rows: Sequence[tuple[str, ...]], note: str
) -> str:
    return table_page(
        title=f"중소기업 기술로드맵 {years[0]} 판과 {years[1]} 판의 분야 목록 (stkg 예제)",
        heading=f"중소기업 기술로드맵: {years[0]} 판과 {years[1]} 판의 분야 목록",
        intro=(
            "stkg 예제로 지어낸 페이지이며 공식 자료가 아니다. 분야 이름과 제품 수는 예제를 위해\n"
            f"  만든 것이다. 두 판({counts[0]}, {counts[1]})의 분야를 판별로 따로 적었고, "
            "어느 분야가\n"
            "  어느 분야로 이어졌는지는 적지 않았다."
        ),
        caption="판별 분야와 제품 수 (예제)",
        head=("부문", f"{years[0]} 분야", "제품 수", f"{years[1]} 분야", "제품 수", "비고"),
        rows=rows,
        note=note,
    )


def field_list_2019_2020() -> str:
    return field_list_page(
        ("2019~2021", "2020~2022"),
        ("12개 분야", "12개 분야"),
        FIELD_LIST_2019_2020,
        "예제 세계에서 가상·증강현실, 로봇, 신재생에너지, 에너지저장, 바이오헬스 분야는 "
        "2021~2023 판에 이어지지 않는다.",
    )


def field_list_2022_2023() -> str:
    return field_list_page(
        ("2022~2024", "2023~2025"),
        ("9개 분야", "10개 분야"),
        FIELD_LIST_2022_2023,
        "2022~2024 판의 분야는 이 예제 모음의 다른 페이지에 실린 아홉 분야만 적었다.",
    )


# --- 04: docx with a programme table -----------------------------------------------------


def docx_bytes() -> bytes:
    word = docx.Document()
    word.add_heading("기술로드맵과 R&D 지원사업 연계 (stkg 예제)", level=1)
    word.add_paragraph(
        "이 문서는 stkg 예제로 새로 쓴 것이며 공식 문서가 아니다. 중소벤처기업부는 "
        "중소기업 기술로드맵의 전략제품을 R&D 지원사업의 과제 주제와 연결하고 있다."
    )
    word.add_paragraph(
        "2022~2024 로드맵부터 연계 사업이 2개에서 5개로 늘었고, 신규과제 기준 연계 예산은 "
        "2021년 512억원에서 2022년 879억원이 되었다."
    )
    rows = [
        ("지원사업", "2021년", "2022년", "비고"),
        ("창업성장", "-", "연계", "창업기업 기술개발"),
        ("기술혁신", "-", "연계", "중소기업 기술혁신 과제"),
        ("상용화 R&D", "-", "연계", "시장 수요 연계 과제"),
        ("연계 사업 수", "2개", "5개", ""),
        ("연계 예산(신규과제)", "512억원", "879억원", ""),
    ]
    table = word.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    word.add_paragraph("표의 '-'는 그해 연계 여부를 이 예제에서 다루지 않는다는 뜻이다.")
    out = io.BytesIO()
    word.save(out)
    return repack(out.getvalue(), {"docProps/core.xml": core_xml("R&D 지원사업 연계")})


# --- 05: hwpx with a smart-manufacturing table -------------------------------------------

HWPX_NS = (
    'xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app" '
    'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" '
    'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
    'xmlns:hc="http://www.hancom.co.kr/hwpml/2011/core" '
    'xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head"'
)

#: (area, strategic field, technology-innovation items, demand-side items) of the 2025 edition
SMART_MANUFACTURING_2025: list[tuple[str, str, int, int]] = [
    ("지능형 서비스", "제조AI / 빅데이터", 6, 4),
    ("지능형 서비스", "CPS / 디지털트윈", 3, 3),
    ("정보화 솔루션", "생산관리 시스템", 3, 6),
    ("정보화 솔루션", "물류관리 시스템", 1, 5),
    ("자동화 기기", "식별시스템 / 머신비전", 2, 4),
    ("연결화 기기", "제어시스템 / 컨트롤러", 2, 4),
    ("연결화 기기", "통신 네트워크 장비", 1, 5),
]


def hwpx_para(text: str, inner: str = "") -> str:
    return (
        '<hp:p id="0" paraPrIDRef="0" styleIDRef="0" pageBreak="0" columnBreak="0" merged="0">'
        f'<hp:run charPrIDRef="0"><hp:t>{escape(text)}</hp:t>{inner}</hp:run></hp:p>'
    )


def hwpx_cell(text: str, row: int, col: int, row_span: int = 1) -> str:
    return (
        '<hp:tc name="" header="0" hasMargin="0" protect="0" editable="0" dirty="0" '
        'borderFillIDRef="1"><hp:subList id="" textDirection="HORIZONTAL" '
        f'lineWrap="BREAK" vertAlign="CENTER">{hwpx_para(text)}</hp:subList>'
        f'<hp:cellAddr colAddr="{col}" rowAddr="{row}"/>'
        f'<hp:cellSpan colSpan="1" rowSpan="{row_span}"/>'
        '<hp:cellSz width="10000" height="1000"/></hp:tc>'
    )


def hwpx_table() -> str:
    rows = [["영역", "전략분야", "기술혁신형", "수요기업 활용형", "계"]]
    spans: list[int] = []
    for index, (area, field, innovative, demand) in enumerate(SMART_MANUFACTURING_2025):
        first = index == 0 or SMART_MANUFACTURING_2025[index - 1][0] != area
        span = sum(1 for entry in SMART_MANUFACTURING_2025 if entry[0] == area) if first else 0
        spans.append(span)
        rows.append([area, field, str(innovative), str(demand), str(innovative + demand)])
    innovative = sum(entry[2] for entry in SMART_MANUFACTURING_2025)
    demand = sum(entry[3] for entry in SMART_MANUFACTURING_2025)
    rows.append(["합계", "7개 분야", str(innovative), str(demand), str(innovative + demand)])
    spans = [1, *spans, 1]
    trs = []
    for r, row in enumerate(rows):
        cells = [
            hwpx_cell(value, r, c, row_span=spans[r] if c == 0 else 1)
            for c, value in enumerate(row)
            if not (c == 0 and spans[r] == 0)  # covered by the area cell above
        ]
        trs.append(f"<hp:tr>{''.join(cells)}</hp:tr>")
    return (
        f'<hp:tbl id="1" rowCnt="{len(rows)}" colCnt="5" cellSpacing="0" borderFillIDRef="1">'
        '<hp:sz width="50000" height="9000"/>' + "".join(trs) + "</hp:tbl>"
    )


def hwpx_bytes() -> bytes:
    body = (
        hwpx_para("2025 스마트제조 전략기술로드맵 품목 구성 (stkg 예제)")
        + hwpx_para(
            "stkg 예제로 새로 쓴 문서이며 공식 문서가 아니다. 2025년 판은 4개 영역, "
            "7개 전략분야에 걸쳐 49개 품목을 담았고, 품목마다 기술혁신형 또는 "
            "수요기업 활용형으로 유형을 붙였다."
        )
        + hwpx_para("영역·분야별 품목 수는 아래 표와 같다.", inner=hwpx_table())
        + hwpx_para("제조AI / 빅데이터 분야가 10개 품목으로 가장 많다.")
    )
    section = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><hs:sec {HWPX_NS}>{body}</hs:sec>'
    )
    members = [
        ("mimetype", b"application/hwp+zip"),
        (
            "version.xml",
            b'<?xml version="1.0"?><hv:HCFVersion tagetApplication="WORDPROCESSOR" major="5" '
            b'minor="1" xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version"/>',
        ),
        (
            "META-INF/container.xml",
            b'<?xml version="1.0"?><ocf:container '
            b'xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container"><ocf:rootfiles>'
            b'<ocf:rootfile full-path="Contents/content.hpf" '
            b'media-type="application/hwpml-package+xml"/></ocf:rootfiles></ocf:container>',
        ),
        (
            "Contents/header.xml",
            f'<?xml version="1.0"?><hh:head {HWPX_NS} version="1.4" secCnt="1"/>'.encode(),
        ),
        (
            "Contents/content.hpf",
            b'<?xml version="1.0"?><opf:package xmlns:opf="http://www.idpf.org/2007/opf/"/>',
        ),
        ("Contents/section0.xml", section.encode()),
    ]
    return zip_bytes(members)


# --- 06: pdf with a Korean text layer ----------------------------------------------------

# Type0 font, Identity-H, with a ToUnicode CMap mapping each 2-byte code to the same code
# point: the text layer is UTF-16BE, which is all a text extractor needs (no glyphs).
TO_UNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
1 beginbfrange
<0000> <FFFF> <0000>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end"""

PDF_PAGES: list[list[str]] = [
    [
        "특허 빅데이터 기반 기술분석 절차 (stkg 예제)",
        "stkg 예제로 새로 쓴 문서이며 공식 문서가 아니다.",
        "한국특허전략개발원(KISTA)은 네 단계로 유망기술을 찾는다.",
        "1단계: 기술분류체계 정립",
        "2단계: 특허DB 구축 (한국, 미국, 일본, 중국, 유럽 특허)",
        "3단계: 유망기술 도출 (특허지표 분석)",
        "4단계: R&D과제 발굴 (빅데이터 심층분석, 전문가 자문 등)",
        "중소기업기술정보진흥원(TIPA)은 산업과 기술을 분석해 전략품목을 도출한다.",
    ],
    [
        "제조 AI 세부기술별 특허지표",
        "세부기술 / 출원점유율 / 기술중요도 / 한국경쟁력",
        "공정설계 / 6.5% / 1.78 / -0.31",
        "제품설계 / 18.4% / 0.38 / 0.19",
        "공정 재설계 / 33.7% / -0.05 / 0.07",
        "모니터링 / 20.4% / -0.04 / 0.53",
        "진단 / 28.2% / 1.54 / 0.62",
        "예측 / 19.8% / 1.90 / 0.51",
        "설비건전성 분야의 유효특허는 8,608건이다.",
    ],
]


def _pdf_stream(data: bytes) -> bytes:
    return f"<< /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"


def _pdf_page(lines: list[str]) -> bytes:
    shown = b"".join(
        b"<" + line.encode("utf-16-be").hex().encode() + b"> Tj T*\n" for line in lines
    )
    return b"BT /F1 11 Tf 60 760 Td 16 TL\n" + shown + b"ET"


def pdf_bytes(
    pages: list[bytes] | None = None, title: str = "stkg 예제: 특허 빅데이터 분석"
) -> bytes:
    """The PDF of ``pages`` (content streams; by default ``PDF_PAGES`` as lines of text)."""
    if pages is None:
        pages = [_pdf_page(lines) for lines in PDF_PAGES]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in once the page objects are numbered
        b"<< /Type /Font /Subtype /Type0 /BaseFont /HYSMyeongJo-Medium /Encoding /Identity-H"
        b" /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HYSMyeongJo-Medium"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
        _pdf_stream(TO_UNICODE),
        b"<< /Title <FEFF"
        + title.encode("utf-16-be").hex().upper().encode()
        + b"> /Producer (stkg samples) >>",
    ]
    kids = []
    for content in pages:
        number = len(objects) + 1
        kids.append(f"{number} 0 R")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
            b" /Resources << /Font << /F1 3 0 R >> >>" + f" /Contents {number + 1} 0 R >>".encode()
        )
        objects.append(_pdf_stream(content))
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    return _pdf_serialize(objects, info=6)


def _pdf_serialize(objects: list[bytes], info: int) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info} 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# --- 07/08: invented patent lists ---------------------------------------------------------

#: sub-technology → (Korean titles, English titles, IPC codes). Everything here is invented.
TECHNOLOGIES: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "공정설계": (
        (
            "강화학습 기반 공정 조건 설계 장치 및 방법",
            "디지털 트윈을 이용한 사출 공정 설계 시스템",
            "생산 라인 배치를 최적화하는 공정 설계 방법",
            "용접 공정 변수 자동 설계 장치",
        ),
        (
            "Reinforcement-learning apparatus for designing process conditions",
            "Injection process design system using a digital twin",
            "Process design method optimising production line layout",
            "Automatic welding parameter design apparatus",
        ),
        "G05B 19/418; G06N 3/08",
    ),
    "제품설계": (
        (
            "생성형 모델을 이용한 부품 형상 설계 방법",
            "설계 이력 기반 제품 설계안 추천 시스템",
            "경량 구조물 위상 최적화 설계 장치",
            "고객 요구사항 기반 제품 사양 자동 설계 시스템",
        ),
        (
            "Generative design method for part geometry",
            "Product design recommendation system based on design history",
            "Topology optimisation apparatus for lightweight structures",
            "System designing product specifications from customer requirements",
        ),
        "G06F 30/27; G06N 3/0475",
    ),
    "공정 재설계": (
        (
            "불량 원인 분석 결과에 따른 공정 재설계 방법",
            "공정 변경 영향 예측 기반 재설계 지원 시스템",
            "에너지 사용량을 줄이는 공정 재배치 장치",
        ),
        (
            "Process redesign method driven by defect root-cause analysis",
            "Redesign support system predicting the effect of process changes",
            "Process rearrangement apparatus reducing energy use",
        ),
        "G05B 19/418; G06Q 10/06",
    ),
    "모니터링": (
        (
            "진동 센서 데이터를 이용한 설비 상태 모니터링 장치",
            "엣지 컴퓨팅 기반 설비 실시간 모니터링 시스템",
            "열화상 영상 기반 설비 과열 감시 방법",
        ),
        (
            "Equipment condition monitoring apparatus using vibration sensor data",
            "Edge-computing system for real-time equipment monitoring",
            "Thermal-image method for watching equipment overheating",
        ),
        "G05B 23/02; G01H 1/00",
    ),
    "진단": (
        (
            "여러 모델을 묶은 앙상블 방식의 설비 고장 진단 방법",
            "음향 신호를 이용한 회전기계 결함 진단 장치",
            "전류 파형 기반 모터 이상 진단 시스템",
            "비정형 작업 기록을 활용한 설비 진단 방법",
        ),
        (
            "Equipment fault diagnosis method combining several models",
            "Acoustic defect diagnosis apparatus for rotating machines",
            "Motor anomaly diagnosis system based on current waveforms",
            "Equipment diagnosis method using unstructured maintenance logs",
        ),
        "G05B 23/02; G06N 20/20",
    ),
    "예측": (
        (
            "설비 잔여 수명 예측 장치 및 방법",
            "시계열 데이터 기반 고장 시점 예측 시스템",
            "공구 마모량 예측 방법",
        ),
        (
            "Apparatus and method for predicting remaining useful life of equipment",
            "Failure time prediction system based on time-series data",
            "Method for predicting tool wear",
        ),
        "G06N 20/00; G06Q 10/20",
    ),
}

APPLICANTS_KO = (
    "(주)한결스마트팩토리",
    "가온에이아이 주식회사",
    "누리대학교 산학협력단",
    "다솜정밀(주)",
    "미르로보틱스 주식회사",
    "한빛기계연구원",
    "(주)라온공정솔루션",
)
APPLICANTS_EN = (
    "Hangyeol Smart Factory Co., Ltd.",
    "Gaon AI Inc.",
    "Lakeside Machines, Inc.",
    "Sakura Kikai K.K.",
    "Qingyun Smart Equipment Co., Ltd.",
    "Oberland Sensorik GmbH",
    "Nuri University Industry-Academic Cooperation Foundation",
)
OFFICE_CYCLE = ("KR", "KR", "US", "KR", "JP", "CN", "KR", "EP", "KR", "US")
PATENT_COUNT = 20


def _patent_date(index: int, base_year: int) -> dt.date:
    return dt.date(base_year + index % 5, (index * 5) % 12 + 1, (index * 7) % 28 + 1)


def _number(office: str, year: int, serial: int, *, prefixed: bool) -> str:
    """An invented application number in the office's usual spelling."""
    if office == "KR":
        return f"{'KR ' if prefixed else ''}10-{year}-{serial:07d}"
    if office == "US":
        series = 16 + (year - 2019) // 2
        text = f"{series}/{serial // 1000 % 1000:03d},{serial % 1000:03d}"
        return f"US {text}" if prefixed else text
    if office == "JP":
        return f"{'JP' if prefixed else ''}{year}-{serial % 1_000_000:06d}"
    if office == "CN":
        return f"{'CN' if prefixed else ''}{year}1{serial % 10_000_000:07d}.{serial % 9}"
    return f"{'EP' if prefixed else ''}{year % 100}{serial % 1_000_000:06d}.{serial % 7}"


def _patent_rows(*, english: bool, base_year: int, serial_base: int) -> list[list[object]]:
    techs = list(TECHNOLOGIES)
    used: dict[str, int] = {}
    rows: list[list[object]] = []
    for index in range(PATENT_COUNT):
        tech = techs[index % len(techs)]
        titles_ko, titles_en, ipc = TECHNOLOGIES[tech]
        titles = titles_en if english else titles_ko
        title = titles[used.get(tech, 0) % len(titles)]
        used[tech] = used.get(tech, 0) + 1
        office = OFFICE_CYCLE[index % len(OFFICE_CYCLE)]
        filed = _patent_date(index, base_year)
        serial = serial_base + 4099 * index
        number = _number(office, filed.year, serial, prefixed=english)
        names = APPLICANTS_EN if english else APPLICANTS_KO
        applicants = names[index % len(names)]
        if index % 4 == 3:  # some joint applications
            applicants += "; " + names[(index + 2) % len(names)]
        date: object = filed if english else filed.strftime("%Y.%m.%d")
        rows.append([index + 1, number, title, applicants, date, ipc, office, tech])
    return rows


def patents_csv_bytes() -> bytes:
    header = ["번호", "출원번호", "발명의 명칭", "출원인", "출원일", "IPC", "국가", "세부기술"]
    rows = _patent_rows(english=False, base_year=2019, serial_base=901_234)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *rows])
    return buffer.getvalue().encode("cp949")


def patents_xlsx_bytes() -> bytes:
    header = [
        "No.",
        "Application Number",
        "Title",
        "Applicant(s)",
        "Filing Date",
        "IPC",
        "Office",
        "Technology",
    ]
    rows = _patent_rows(english=True, base_year=2020, serial_base=950_321)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Patents"
    sheet.append(["Manufacturing AI patent list (invented sample data for stkg)"])
    sheet.append([])
    sheet.append(header)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for cell in sheet["E"][3:]:
        cell.number_format = "yyyy-mm-dd"
    out = io.BytesIO()
    book.save(out)
    return repack(out.getvalue(), {"docProps/core.xml": core_xml("Manufacturing AI patents")})


# --- 11: xlsx with the core technologies of some products -------------------------------

CORE_TECHNOLOGY_TITLE = (
    "[stkg 예제] 2022~2024 중소기업 기술로드맵 전략제품별 핵심기술 (공식 자료가 아님)"
)
CORE_TECHNOLOGY_YEARS = ("2022", "2023", "2024")
#: (field, product, core technology, development goal, goals for 2022, 2023 and 2024); an
#: empty field or product continues the one above (merged cells in the sheet).
CORE_TECHNOLOGY_ROWS: list[tuple[str, str, str, str, str, str, str]] = [
    ("스마트제조", "AI 공정설계 솔루션", "공정 설계 최적화", "설계 검토 시간 50% 단축",
     "공정 데이터 수집 체계", "설계안 추천 모델", "현장 적용 3곳"),
    ("", "설비 예지보전 시스템", "설비 상태 모니터링", "수집 주기 1초 이하",
     "센서 5종 연동", "엣지 전처리", "센서 10종, 1초 주기"),
    ("", "", "설비 이상 진단", "진단 정확도 95%", "85%", "90%", "95%"),
    ("", "", "잔존수명 예측", "예측 오차 10% 이내", "20%", "15%", "10%"),
    ("", "AI 제품설계 지원 도구", "제품 형상 설계 최적화", "부품 무게 20% 경량화",
     "설계 이력 데이터셋", "형상 생성 모델", "시제품 2종 검증"),
    ("빅데이터", "제조 데이터 플랫폼", "제조 데이터 표준화", "표준 항목 200개",
     "항목 정의", "변환 도구", "업종 3곳 적용"),
]  # fmt: skip


def core_technologies_xlsx_bytes() -> bytes:
    """A sheet like the roadmap reports' product tables: field and product cells merged
    over their rows, 연차별 목표 merged over one column per year."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "핵심기술"
    sheet.append([CORE_TECHNOLOGY_TITLE])
    sheet.append([])
    sheet.append(["전략분야", "전략제품", "핵심기술", "개발목표", "연차별 목표", None, None])
    sheet.append([None, None, None, None, *CORE_TECHNOLOGY_YEARS])
    for column in "ABCD":
        sheet.merge_cells(f"{column}3:{column}4")
    sheet.merge_cells("E3:G3")
    for cell in (*sheet[3], *sheet[4]):
        cell.font = Font(bold=True)
    first_row = 5
    for row in CORE_TECHNOLOGY_ROWS:
        sheet.append([value or None for value in row])
    last_row = first_row + len(CORE_TECHNOLOGY_ROWS) - 1
    for column, index in (("A", 0), ("B", 1)):  # merge each run of continued cells
        start = first_row
        for offset in range(1, len(CORE_TECHNOLOGY_ROWS) + 1):
            row = first_row + offset
            if row > last_row or CORE_TECHNOLOGY_ROWS[offset][index]:
                if row - 1 > start:
                    sheet.merge_cells(f"{column}{start}:{column}{row - 1}")
                start = row
    sheet.append([])
    sheet.append(["제품과 기술, 목표는 stkg 예제로 지어낸 것이다."])
    out = io.BytesIO()
    book.save(out)
    return repack(out.getvalue(), {"docProps/core.xml": core_xml("전략제품별 핵심기술")})


# --- 12: a pdf report page with a ruled core-technology table ---------------------------

#: The font of ``pdf_bytes`` without glyph widths: every character is one em wide.
PDF_TABLE_FONT = 8
#: Column boundaries (points from the left) and header texts.
PDF_TABLE_COLUMNS = (40, 95, 190, 300, 410, 465, 520, 575)
PDF_TABLE_ROW = 34
#: (row, column, row span, column span, lines) of every cell; a cell's lines as printed.
#: The 2022–2024 edition's 인공지능 field (a field of 03); products, technologies and goals
#: are invented. The first goal is one line wrapped by the cell's width (its first line
#: fills the cell); the two technologies beside it are one per line.
PDF_TABLE_CELLS: list[tuple[int, int, int, int, list[str]]] = [
    (0, 0, 2, 1, ["전략분야"]),
    (0, 1, 2, 1, ["전략제품"]),
    (0, 2, 2, 1, ["핵심기술"]),
    (0, 3, 2, 1, ["개발목표"]),
    (0, 4, 1, 3, ["연차별 목표"]),
    (1, 4, 1, 1, ["2022"]),
    (1, 5, 1, 1, ["2023"]),
    (1, 6, 1, 1, ["2024"]),
    (2, 0, 3, 1, ["인공지능"]),
    (2, 1, 2, 1, ["AI 외관 검사", "시스템"]),
    (2, 2, 1, 1, ["결함 영상 분할", "소량 데이터 학습"]),
    (2, 3, 1, 1, ["검출률 99% 이상,", "오탐률 1% 이하"]),
    (2, 4, 1, 1, ["95%"]),
    (2, 5, 1, 1, ["97%"]),
    (2, 6, 1, 1, ["99%"]),
    (3, 2, 1, 1, ["검사 모델 경량화"]),
    (3, 3, 1, 1, ["추론 20ms 이하"]),
    (3, 4, 1, 1, ["100ms"]),
    (3, 5, 1, 1, ["50ms"]),
    (3, 6, 1, 1, ["20ms"]),
    (4, 1, 1, 1, ["상담 에이전트"]),
    (4, 2, 1, 1, ["한국어 의도 분류"]),
    (4, 3, 1, 1, ["의도 분류 정확도 90%"]),
    (4, 4, 1, 1, ["80%"]),
    (4, 5, 1, 1, ["85%"]),
    (4, 6, 1, 1, ["90%"]),
]
PDF_TABLE_PAGES: list[list[str]] = [
    [
        "2022~2024 중소기업 기술로드맵 전략제품별 핵심기술 (stkg 예제)",
        "stkg 예제로 새로 쓴 문서이며 공식 문서가 아니다. 제품과 기술, 목표는 지어낸 것이다.",
        "로드맵 보고서는 전략제품마다 핵심기술과 개발목표, 연차별 목표를 표로 싣는다.",
        "다음 쪽의 표가 인공지능 분야의 전략제품과 핵심기술이다.",
    ],
    ["2022~2024 중소기업 기술로드맵 — 인공지능 분야 전략제품별 핵심기술"],
]


def _pdf_text(x: float, y: float, text: str, size: int) -> bytes:
    shown = text.encode("utf-16-be").hex().encode()
    return f"BT /F1 {size} Tf {x:g} {y:g} Td <".encode() + shown + b"> Tj ET\n"


def _pdf_table(top: float) -> bytes:
    """The ruled grid of ``PDF_TABLE_CELLS``: one stroked rectangle per cell (a merged
    cell draws no line inside it), its lines of text from its top-left corner."""
    out = bytearray(b"0.5 w\n")
    xs = PDF_TABLE_COLUMNS
    for row, column, row_span, col_span, lines in PDF_TABLE_CELLS:
        x0, x1 = xs[column], xs[column + col_span]
        y1 = top - row * PDF_TABLE_ROW
        y0 = y1 - row_span * PDF_TABLE_ROW
        out += f"{x0} {y0} {x1 - x0} {y1 - y0} re S\n".encode()
        for index, line in enumerate(lines):
            baseline = y1 - 12 - index * (PDF_TABLE_FONT + 3)
            out += _pdf_text(x0 + 3, baseline, line, PDF_TABLE_FONT)
    return bytes(out)


def pdf_table_bytes() -> bytes:
    """Two A4 pages: a page of text, then a heading and the ruled table."""
    pages = []
    for number, lines in enumerate(PDF_TABLE_PAGES):
        content = b"".join(_pdf_text(50, 780 - 18 * i, line, 10) for i, line in enumerate(lines))
        if number == 1:
            content += _pdf_table(top=740)
        pages.append(content)
    return pdf_bytes(pages, title="stkg 예제: 전략제품별 핵심기술 (PDF)")


# --- the corpus --------------------------------------------------------------------------

SAMPLES: dict[str, Callable[[], bytes]] = {
    "01_sme_roadmap_2022.txt": lambda: ROADMAP_2022.encode("utf-8"),
    "02_ip_sme_smart_manufacturing.txt": lambda: PARTNERSHIP_2026.encode("cp949"),
    "03_roadmap_field_products.html": lambda: html_page().encode("utf-8"),
    "04_rnd_programme_linkage.docx": docx_bytes,
    "05_smart_manufacturing_2025.hwpx": hwpx_bytes,
    "06_patent_bigdata_method.pdf": lambda: pdf_bytes(),
    "07_manufacturing_ai_patents_kr.csv": patents_csv_bytes,
    "08_manufacturing_ai_patents_en.xlsx": patents_xlsx_bytes,
    "09_roadmap_fields_2019_2020.html": lambda: field_list_2019_2020().encode("utf-8"),
    "10_roadmap_fields_2022_2023.html": lambda: field_list_2022_2023().encode("utf-8"),
    "11_core_technologies.xlsx": core_technologies_xlsx_bytes,
    "12_core_technologies.pdf": pdf_table_bytes,
}


def generate(out_dir: Path) -> list[Path]:
    """Write every sample file into ``out_dir``; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in SAMPLES.items():
        path = out_dir / name
        path.write_bytes(make())
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    out_dir = Path(argv[1]) if len(argv) > 1 else HERE
    for path in generate(out_dir):
        print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
