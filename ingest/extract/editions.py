"""Roadmap and plan editions named in prose, in any outlet's wording.

An edition is a noun phrase whose word ends in a plan head (…로드맵, …기본계획, …종합계획,
…시행계획, …추진전략, …이행계획, …기획서, …정책서), or a quoted name ending in
로드맵/계획/전략/방안/청사진.
The series is the name without its year; the year is a year or period printed just before
it in the same sentence (``2022~2024 중소기업 기술로드맵``), else the year the document
prints with the same series elsewhere, else the document's own year. A series that a
reference roadmap answers to (its label or altLabel) takes that roadmap's name, so five
outlets' wordings land on one ``RoadmapEdition``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from stkg.ingest.extract.base import Source
from stkg.ingest.extract.dates import RELATIVE_YEARS
from stkg.ingest.extract.organizations import institution_confidence
from stkg.ingest.extract.phrases import QUOTED, SENTENCE_END, text_of, token_range
from stkg.ingest.extract.programmes import NOT_NAME_WORDS
from stkg.ingest.extract.resolve import resolve
from stkg.ingest.normalize import name_key

HEADS = (
    "로드맵",
    "기본계획",
    "종합계획",
    "시행계획",
    "전략로드맵",
    "진흥계획",
    "육성계획",
    "추진전략",
    "이행계획",
    "실행계획",
    "기획서",
    "정책서",
    # plans named as countermeasures or innovation and development plans (``녹색기술종합대책``,
    # ``정부 R&D 혁신방안``, ``로봇산업 발전방안``)
    "종합대책",
    "혁신방안",
    "발전방안",
)
#: Heads trusted only in quotes: ``청사진`` or ``전략`` alone is often a figure of speech, and
#: ``기술지도``, the roadmap's older Korean name (``‘제4기 국가나노기술지도’``), is also
#: technical guidance (``현장 기술지도``).
QUOTED_HEADS = (*HEADS, "계획", "전략", "방안", "로드맵(안)", "청사진", "기술지도")
GENERIC = frozenset(
    name_key(n)
    for n in [
        "로드맵",
        "기술로드맵",
        "전략로드맵",
        "기술",
        "로드맵",
        "계획",
        "기본계획",
        "종합계획",
        "시행계획",
        "추진계획",
        "세부계획",
        "중장기계획",
        "기술개발계획",
        "전략",
        "방안",
        "추진방안",
        "추진전략",
        "이행계획",
        "실행계획",
        "세부이행계획",
        "세부실행계획",
        "세부",
        "추진계획",
        "발전전략",
        "종합대책",
        "혁신방안",
        "발전방안",
        "기획서",
        "정책서",
        "청사진",
        "기술지도",
    ]
)
#: Words that qualify any plan and name no series (``중장기 기술로드맵``, ``R&D 로드맵``).
GENERIC_QUALIFIERS = frozenset(
    name_key(n)
    for n in [
        "중장기",
        "중·장기",
        "중장기적",
        "중단기",
        "중단기적",
        # the plan the text is about, pointed to: ``금번 로드맵``, ``이번 로드맵``, and the
        # short form a text announces for it: ``(이하 투자로드맵)``
        "금번",
        "이하",
        "이번",
        "민·관",
        "민관",
        "합동",
        "개별기업",
        "기업별",
        "개별",
        "R&D",
        "기술",
        "개발",
        "기술개발",
        "연구개발",
        "연구",
        "세부",
        "분야별",
        "연차별",
        "연도별",
        "단계별",
        "향후",
        "차기",
        "신규",
        "정부",
        "국가",
        # what any plan is or had done to it: ``법정 기본계획``, ``2019 수립 로드맵``
        "법정",
        "수립",
        "기존",
        "최초",
        # an earlier or later edition pointed to, not named: ``직전 로드맵``, ``반면 직전 로드맵``
        "직전",
        "이전",
        "지난",
        "반면",
        "한편",
        "판",  # ``2020년판 로드맵``: the year's edition
        # an office's yearly work, not a roadmap: ``주요업무 추진계획``, ``주요정책 추진전략``
        "주요",
        "주요업무",
        "업무",
        "주요정책",
    ]
)
_YEARS = re.compile(
    r"(?P<a>(?:19|20)\d{2})\s*(?:년)?\s*(?:[~∼\-–]\s*(?P<b>(?:19|20)?\d{2,4})\s*년?)?"
)
_LEADING_YEAR = re.compile(
    r"^(?:(?:19|20)\d{2}\s*(?:년도?판?|판)?\s*(?:[~∼\-–]\s*(?:19|20)?\d{2,4}\s*년?)?\s*"
    # a year in two digits, as releases print it: ``‘26년도 …시행계획``
    r"|[’‘']?(?P<yy>\d{2})\s*년도?\s+)"
)
MAX_WORDS = 4
EXTRACTOR = "editions"
#: The mark of a year in two digits (``’19``).
QUOTE_YEAR = "’‘'"
#: A period in two-digit years right before a name (``’19 ~ ’33 ``), and the end of one a
#: name read from a phrase may start with (``33 ``).
_SHORT_PERIOD = re.compile(
    r"[’‘']\s?(?P<a>\d{2})\s*[~∼\-–]\s*[’‘']?\s?(?P<b>\d{2})\s*(?:년도?)?\s*$"
)
_SHORT_YEAR = re.compile(r"[’‘']\s?(?P<yy>\d{2})\s*년도?\s*$")
_PERIOD_END = re.compile(r"\d{2}\s*(?:년도?)?\s+")
SHORT_PERIOD_REACH = 16


class Editions:
    name = EXTRACTOR
    needs_nlp = True
    needs_topic = True

    def __call__(self, source: Source) -> None:
        doc = source.analysis
        spans: list[tuple[int, int]] = []
        for phrase in source.phrases:
            if not any(head in phrase.text for head in (*HEADS, *KNOWN_HEADS, *QUOTED_HEADS)):
                continue
            words = phrase.words()
            for n, (w_start, w_end) in enumerate(words):
                word = _word_text(doc, (w_start, w_end))
                known_only = not word.endswith(HEADS)
                if known_only and word.endswith(QUOTED_HEADS):
                    # ``제8차 산업기술혁신계획``, ``…혁신전략(2024~2028)``: a plan word is an
                    # edition's head where an ordinal or a period says which edition
                    w_at, w_end_at = doc[w_start].idx, doc[w_end - 1].idx + len(doc[w_end - 1].text)
                    known_only = not _edition_marked(source.text, w_at, w_end_at)
                if known_only and not word.endswith(KNOWN_HEADS):
                    continue
                if n + 1 < len(words) and _PROGRAMME_AFTER.match(
                    text_of(doc), doc[words[n + 1][0]].idx
                ):
                    continue  # ``중소기업 기술로드맵 사업``: a programme named after the plan
                first = n
                while first > 0 and n - first + 1 < MAX_WORDS:
                    prev_end = words[first - 1][1]
                    prev = _word_text(doc, words[first - 1])
                    if prev in NOT_NAME_WORDS or institution_confidence(
                        prev, doc[prev_end - 1].text
                    ):
                        break
                    first -= 1
                while first < n and _LONE_CUE.fullmatch(_word_text(doc, words[first])):
                    first += 1  # ``3개 분야 국가전략기술 … 로드맵``: the count's cue, no name
                start = doc[words[first][0]].idx
                end = doc[w_end - 1].idx + len(doc[w_end - 1].text)
                version = _VERSION.match(source.text, end)
                if version:  # ``수소 기술개발 로드맵 2.0``: the version names its edition
                    end = version.end()
                if known_only:  # ``국가 특허전략 청사진``: only as a series the reference knows
                    start = _known_series_start(source, start, end)
                    if start is None:
                        continue
                spans.append((start, end))
        short_forms: dict[str, tuple[int, int]] = {}  # ``(이하 X)``: X → the full name's span
        renamed: list[tuple[str, int, int]] = []  # a series X of ``(이하 X)``, the full name's span
        quoted = [*QUOTED.finditer(source.text), *_QUOTED_SHORT_FORM.finditer(source.text)]
        for m in {m.start(1): m for m in quoted}.values():
            # a slogan before the name: ‘돈이 되는 R&D, 중소벤처 R&D 혁신방안’
            inner = m.group(1).rsplit(",", 1)[-1].strip()
            short = _SHORT_FORM.search(inner)  # ``…시행계획(이하 통합시행계획)``
            inner = inner[: short.start()] if short else inner
            bare = re.sub(r"\s*\((?:안|案)\)$", "", inner)
            if bare.endswith(QUOTED_HEADS):
                start = m.start(1) + m.group(1).index(inner)
                spans.append((start, start + len(bare)))
                if short:
                    short_forms[name_key(short["short"])] = (start, start + len(bare))
            elif short and short["short"].endswith(QUOTED_HEADS):
                # ‘2021~2023년 중소기업 기술개발 단계별 이행안(이하 중소기업 기술로드맵)’:
                # a name of no plan head whose short form is a series names its edition
                start = m.start(1) + m.group(1).index(inner)
                renamed.append((short["short"], start, start + len(bare)))
        spans = [(s, e) for s, e in spans if not _a_clause(doc, s, e)]
        named = [n for n in (_named(source.text, s, e) for s, e in spans) if n is not None]
        for series, s, e in renamed:
            full = _named(source.text, s, e)
            if full is not None and full[3]:
                named.append((series, full[1], full[2], full[3]))
        full_of = {
            key: full
            for key, (s, e) in short_forms.items()
            if (full := _named(source.text, s, e)) is not None
        }
        named = [  # a short form the document announced names the full edition
            (full_of[k][0], start, end, years or full_of[k][3])
            if (k := name_key(series)) in full_of
            else (series, start, end, years)
            for series, start, end, years in named
        ]
        shortened = _shortened([series for series, _, _, _ in named])
        named = [(shortened.get(series, series), s, e, years) for series, s, e, years in named]
        near = _near_known(source, [series for series, _, _, _ in named])
        named = [(near.get(series, series), s, e, years) for series, s, e, years in named]
        base = source.as_of.year if source.as_of else None  # a date, or the year it dates itself to
        named = [  # ``‘2035 이차전지 … 로드맵’을 연내 수립``: 2035 is its horizon, no edition
            (series, start, end, [] if _horizon(source.text, start, end, years, base) else years)
            for series, start, end, years in named
        ]
        named = [  # ``올해부터 2026년까지 적용되는 ‘…계획’``: a period from a relative year
            (series, start, end, _relative_period(source.text, start, base) or years)
            for series, start, end, years in named
        ]
        named = [  # ``‘…로드맵’을 내년 1월까지 수립``: dated by when it is made
            (series, start, end, years or _made_in(source.text, start, end, base))
            for series, start, end, years in named
        ]
        # a series the document dates once (``‘2019∼2033 …정책서’``) is that edition where
        # it is named again without a year, not an edition of the document's own year
        dated: dict[str, set[int]] = {}
        for series, _, _, years in named:
            if years:
                dated.setdefault(name_key(series), set()).add(years[0])
        for series, start, end, years in named:
            stated = dated.get(name_key(series), set())
            if not years and len(stated) == 1:
                years = [next(iter(stated))]
            _add(source, series, start, end, years)
        _past_editions(source)


#: A plan as a sentence's topic, then its editions by ordinal and period: ``에너지기술개발계획은
#: … 제1차(2006~2015), 제2차(2011∼2020), 제3차(2014~2023)까지 수립했다``.
_SERIES_TOPIC = re.compile(
    r"(?<![가-힣A-Za-z])(?P<series>[가-힣A-Za-z·]{2,24}(?:"
    + "|".join(QUOTED_HEADS)
    + r"))(?:은|는)\s"
)
_ORDINAL_PERIOD = re.compile(
    r"제?\s?\d{1,2}\s?차\s*[(（]\s*(?P<a>(?:19|20)\d{2})\s*(?:년\s*)?[~∼\-–]\s*"
    r"(?P<b>(?:19|20)\d{2})\s*(?:년\s*)?[)）]"
)


def _past_editions(source: Source) -> None:
    """The editions a plan's topic sentence lists by ordinal and period, two at least."""
    text = source.text
    for topic in _SERIES_TOPIC.finditer(text):
        end = SENTENCE_END.search(text, topic.end())
        stop = end.start() if end else len(text)
        runs = list(_ORDINAL_PERIOD.finditer(text, topic.end(), stop))
        if len(runs) < 2:
            continue
        for run in runs:
            years = [int(run["a"]), int(run["b"])]
            if years[0] <= years[1]:
                _add(source, topic["series"], topic.start("series"), topic.end("series"), years)


#: A programme head as the word after a plan's name.
_PROGRAMME_AFTER = re.compile(r"(?:사업|프로그램)(?!화|자|단|비|장)")
#: Hanja abbreviations headlines print for the words of a series (``中企 기술로드맵``).
HANJA = {"中企": "중소기업", "中小企業": "중소기업"}
_HANJA = re.compile("|".join(sorted(HANJA, key=len, reverse=True)))


#: A version printed after a plan's head (``로드맵 2.0``, ``전략 3.0``).
_VERSION = re.compile(r"\s?\d{1,2}\.\d(?![\d.])")
#: Plan heads that say the plan is a programme's own (how it supports, selects, runs).
PROGRAMME_PLANS = ("지원계획", "운영계획", "모집계획", "선정계획", "사업계획")
#: A quoted name too long for :data:`QUOTED` that announces its short form inside the
#: quotes: ``‘2021~2023년 중소기업 기술개발 단계별 이행안(이하 중소기업 기술로드맵)’``.
_QUOTED_SHORT_FORM = re.compile(
    r"[‘'“\"「『]([^‘’'“”\"「」『』\n]{2,60}?[(（]\s*이하\s*[^()（）]+[)）])[’'”\"」』]"
)
#: The short form a document announces for a name: ``(이하 통합시행계획)``.
_SHORT_FORM = re.compile(r"\s*[(（]\s*이하\s*(?P<short>[^()（）]+?)\s*[)）]$")
#: Heads trusted outside quotes only in the name of a series the reference data knows.
KNOWN_HEADS = ("청사진",)


def _known_series_start(source: Source, start: int, end: int) -> int | None:
    """Where the longest reference series ending at ``end`` starts within the span."""
    text = source.text[start:end]
    cuts = [0] + [m.end() for m in re.finditer(r"\s+", text)]
    for cut in cuts:
        if resolve(source.ctx.onto, "Roadmap", _LEADING_YEAR.sub("", text[cut:])) is not None:
            return start + cut
    return None


def _a_clause(doc: Doc, start: int, end: int) -> bool:
    """Whether a span holds a verb's ending: ``‘… 기회를 늘려갈 계획’`` says what will be
    done, it names no plan."""
    first, last = token_range(doc, start, end)
    return any(t.tag_.split("+")[-1] in CLAUSE_TAGS for t in doc[first:last])


#: Kiwi tags of verb endings (adnominal, connective, final).
CLAUSE_TAGS = frozenset({"ETM", "EC", "EF"})


#: An ordinal up to two words before a plan word: ``제8차 산업기술혁신계획``.
_ORDINAL_BEFORE = re.compile(r"(?:^|\s)제?\d{1,2}차\s+(?:[^\s,.]+\s+){0,2}$")


def _edition_marked(text: str, start: int, end: int) -> bool:
    """Whether a plan word at ``start``–``end`` is printed with its edition's ordinal
    before it or its period in brackets after it (``…전략(2024~2028)``), which make a figure
    of speech a named plan."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(
        _ORDINAL_BEFORE.search(text, max(line_start, start - 24), start)
        or ((m := _BRACKETED_YEARS.match(text, end)) is not None and bool(m["b"] or m["bb"]))
    )


#: A count as a word of a plan's name (``4대``, ``3개``, ``5가지``): it names no series.
#: An ordinal word: ``1차``, ``제2차``.
_ORDINAL_WORD = re.compile(r"제?\d{1,2}차")
_COUNTED_WORD = re.compile(r"\d+\s*(?:대|개|가지)")
#: A kind's cue word alone, left by a count before it (``3개 분야``).
_LONE_CUE = re.compile(r"분야|부문|품목|제품")


def _word_text(doc: Doc, word: tuple[int, int]) -> str:
    """The text of a phrase's word, given as its token range."""
    return text_of(doc)[doc[word[0]].idx : doc[word[1] - 1].idx + len(doc[word[1] - 1].text)]


#: A bound word a figure's unit takes (``3년짜리``, ``5년간``), which Kiwi may split from it.
_BOUND_AFTER_FIGURE = re.compile(r"(?:짜리|째|간|여|가량|동안)\s")


def _named(text: str, start: int, end: int) -> tuple[str, int, int, list[int]] | None:
    """The series a span names, the span without trailing marks, and the years printed
    with it; None for a generic plan word."""
    printed = text[start:end].rstrip("*※†")
    end = start + len(printed)
    cut = _PERIOD_END.match(printed) if start and text[start - 1] in QUOTE_YEAR else None
    if cut and _SHORT_PERIOD.search(
        text, max(0, start - SHORT_PERIOD_REACH), start + cut.end()
    ):  # ``’19 ~ ’33 국방과학기술진흥정책서``: the period's end is no part of the name
        start, printed = start + cut.end(), printed[cut.end() :]
    lead = _LEADING_YEAR.match(printed)
    series = printed[lead.end() :] if lead else printed
    substantive = [
        w  # ``부처별``, ``기관별``: a word that distributes names no series
        for w in series.split()[:-1]
        if name_key(w) not in GENERIC_QUALIFIERS
        and not w.endswith("별")
        and not _COUNTED_WORD.fullmatch(w)  # ``4대 추진전략``: the parts of a plan, counted
    ]
    ordinals_only = substantive and all(_ORDINAL_WORD.fullmatch(w) for w in substantive)
    if ordinals_only and name_key(series.split()[-1]) in GENERIC:
        return None  # ``1차 기본계획``: which plan of a series it does not name
    if not substantive and (name_key(series.split()[-1]) in GENERIC or len(series.split()) > 1):
        return None
    if _BOUND_AFTER_FIGURE.match(series) and re.search(
        r"\d\s*[년개월]$", text[max(0, start - 4) : start]
    ):
        return None  # ``3년짜리 로드맵``: how long a plan runs, which plan it does not say
    if len(series.split()) > 1 and series.split()[0].endswith("별"):
        return None  # ``분야별 투자 전략 기술로드맵``: one plan per field, no one series
    if name_key(series) in GENERIC or len(name_key(series)) < 4:
        return None
    if name_key(series).endswith(PROGRAMME_PLANS):
        return (
            None  # ``팁스 창업팀 지원계획``: a programme's yearly plan, no roadmap or policy plan
        )
    series = re.sub(r"[*※†]+(?=\s)", "", series)  # a footnote mark inside the name
    short = _SHORT_PERIOD.search(text, max(0, start - SHORT_PERIOD_REACH), start)
    years, period = _years_before(text, start, printed), _period_before(text, start)
    if short:  # ``’19 ~ ’33 …``: a period in two-digit years right before the name
        years = [2000 + int(short["a"]), 2000 + int(short["b"])]
    if not years or (len(years) == 1 and years[0] in period):
        years = period or years  # ``2016년부터 2018년까지의 ‘…’``: the period, not its end
    return series, start, end, years or _years_after(text, end) or _period_stated(text, series)


def _near_known(source: Source, names: list[str]) -> dict[str, str]:
    """Names one syllable away from a series the reference knows, which the same document
    also names, mapped to it: ``중소기업형 기술로드맵`` and a misprinted ``중소기업 기슬로드맵``
    beside ``중소기업 기술로드맵`` are that series, not editions of their own."""
    known = [n for n in dict.fromkeys(names) if resolve(source.ctx.onto, "Roadmap", n)]
    near = {
        name: next((s for s in known if _one_apart(name_key(name), name_key(s))), None)
        for name in dict.fromkeys(names)
        if name not in known
    }
    return {name: series for name, series in near.items() if series is not None}


def _shortened(names: list[str]) -> dict[str, str]:
    """Names that end another series the document names, mapped to it: a headline's
    ``전략기술로드맵 2017-2019`` is the ``중소기업 전략기술로드맵`` of the body."""
    unique = list(dict.fromkeys(names))
    out = {}
    for name in unique:
        key = name_key(name)
        longer = [o for o in unique if name_key(o) != key and name_key(o).endswith(key)]
        if len(longer) == 1:  # never a choice between two series
            out[name] = longer[0]
    return out


def _one_apart(a: str, b: str) -> bool:
    """Whether two keys differ by one Hangul syllable put in or changed (never a digit)."""
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) != len(b):
        short, long = sorted((a, b), key=len)
        return any(
            "가" <= c <= "힣" and long[:i] + long[i + 1 :] == short for i, c in enumerate(long)
        )
    changed = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(changed) == 1 and all("가" <= c <= "힣" for c in changed[0])


def _add(source: Source, series: str, start: int, end: int, years: list[int]) -> None:
    ctx = source.ctx
    base = source.as_of.year if source.as_of else None  # a date, or the year it dates itself to
    if not years and base is not None:
        years = [base + _relative_offset(source.text, start)]
    year = years[0] if years else None
    if year is None:
        return
    version = _VERSION.search(series)
    if version and version.end() == len(series):  # ``… 로드맵 2.0``: an edition of ``… 로드맵``
        edition_name, series = series, series[: version.start()]
    else:
        edition_name = ""
    reference = resolve(ctx.onto, "Roadmap", _HANJA.sub(lambda m: HANJA[m[0]], series))
    series_name = reference.labels.ko if reference is not None and reference.labels.ko else series
    evidence = replace(ctx.span(start, end), extractor=EXTRACTOR, confidence=0.7)
    eid = ctx.edition_id(edition_name or series_name, year)
    props: dict[str, object] = {"name": edition_name or series_name}
    if years and len(years) == 2:
        props.update(startYear=years[0], endYear=years[1])
    else:
        props["startYear"] = year
    if reference is not None:
        # a reference series' editions are named by the releases that announce them
        # (:mod:`.statements`); other outlets' wordings only add evidence and the plan period
        # they print (``중소기업 기술로드맵(2021~2023)``), never rename
        props = {k: props[k] for k in ("startYear", "endYear")} if "endYear" in props else {}
    ctx.facts.node("RoadmapEdition", eid, evidence, **props)
    roadmap = (
        reference.id if reference is not None and reference.id else ctx.id("Roadmap", series_name)
    )
    ctx.facts.node("Roadmap", roadmap, evidence, name=series_name)
    ctx.facts.rel("editionOf", eid, roadmap, evidence)


def _relative_offset(text: str, start: int) -> int:
    """``지난해 10월 수립한 …전략``: a relative year word shortly before the name."""
    window = text[max(0, start - 24) : start]
    hits = [(window.rfind(w), off) for w, off in RELATIVE_YEARS.items() if w in window]
    return max(hits)[1] if hits else 0


#: The act that makes a plan, right after its name: ``… 로드맵 수립``, ``‘…’을 발표``.
_MADE = r"[」』’”'\"]?\s*(?:을|를)?\s*"
_ACTS = r"(?:수립|발표|마련|확정|공개)"
#: The act dated by a relative year word: ``‘…로드맵’을 내년 1월까지 수립``.
_MADE_WHEN = re.compile(
    _MADE
    + r"(?P<when>"
    + "|".join(RELATIVE_YEARS)
    + r")\s*(?:\d{1,2}\s*월\s*)?(?:까지|중|초|말)?\s*"
    + _ACTS
)
_MADE_NOW = re.compile(_MADE + _ACTS)
#: A year opening the sentence as its topic: ``2014년에는 …``.
_TOPIC_YEAR = re.compile(r"\s*(?P<y>(?:19|20)\d{2})\s*년(?:에는|에|엔|도)?\s")


#: How many years after the document a year leading a plan's name can be its edition's.
HORIZON = 3


def _horizon(text: str, start: int, end: int, years: list[int], base: int | None) -> bool:
    """Whether the one year leading or closing a plan's name is the year it aims at, not its
    edition's: more than :data:`HORIZON` years after the document (``2035 이차전지 산업기술
    로드맵`` in a 2026 release, ``2030 …전략``, ``… 산업 로드맵 2030`` in a 2023 one)."""
    if base is None or len(years) != 1 or years[0] <= base + HORIZON:
        return False
    bare = rf"{years[0]}(?!\s*년|\d)"
    # printed bare before or at the name's start (``2030년 시행계획`` is that year's), or as
    # the title's last word
    return (
        re.search(bare, text[max(0, start - 14) : start + 5]) is not None
        or re.match(rf"[」』’”'\"]?\s*{bare}", text[end : end + 8]) is not None
    )


def _made_in(text: str, start: int, end: int, base: int | None) -> list[int]:
    """The year the text says the named plan is made in: ``‘…로드맵’을 내년 1월까지
    수립`` (the year after the document's), ``2014년에는 … 로드맵 수립 등`` (the year the
    sentence is about)."""
    when = _MADE_WHEN.match(text, end)
    if when and base is not None:
        return [base + RELATIVE_YEARS[when["when"]]]
    made = _MADE_BEFORE.search(text, max(0, start - 60), start)
    if made and base is not None:
        # ``지난해 11월 15일 … 의결한 ‘로봇산업 발전방안’``: made last year, before the text
        return [base + RELATIVE_YEARS[made["when"]]]
    if _MADE_NOW.match(text, end):
        sentence = re.split(r"[.?!\n]\s", text[max(0, start - 120) : start])[-1]
        topic = _TOPIC_YEAR.match(sentence)
        if topic:
            return [int(topic["y"])]
    return []


#: Before a plan's name, the relative year it was made in, in its clause: ``지난해 발표한 ‘…’``.
_MADE_BEFORE = re.compile(
    rf"(?P<when>{'|'.join(w for w, offset in RELATIVE_YEARS.items() if offset < 0)})"
    r"(?:\s*\d{1,2}\s*월(?:\s*\d{1,2}\s*일)?)?\s+(?:[^\s.,]+\s+){0,3}?"
    r"(?:발표|수립|확정|의결|마련|발간)(?:한|된|했던|됐던)\s*[‘'\"“「『]?$"
)


#: A period or a date in brackets right after the name: ``(2031~2033)``, ``(‘18.12)``.
_BRACKETED_YEARS = re.compile(
    r"[」』’”'\"]?\s*[(（]\s*(?:(?P<a>(?:19|20)\d{2})|[’‘'](?P<yy>\d{2}))"
    r"(?:\s*[~∼\-–]\s*(?:(?P<b>(?:19|20)\d{2})|[’‘']?(?P<bb>\d{2}))(?!\d))?[^()（）]{0,8}[)）]"
)


#: A period spelled out right after a plan as its sentence's topic: ``제3기 …계획은
#: 2011년부터 2020년까지``, ``…로드맵은 2021~2023년``.
_TOPIC_PERIOD = re.compile(
    r"[」』’”'\"`]?\s*(?:은|는)\s+(?P<a>(?:19|20)\d{2})\s*(?:년\s*부터|년?\s*[~∼\-–])"
    r"\s*(?P<b>(?:19|20)\d{2})\s*년"
)


def _period_stated(text: str, series: str) -> list[int]:
    """The plan period a sentence about the series states anywhere in the text
    (``‘제3기 …계획’을 수립하고 …. 제3기 …계획은 2011년부터 2020년까지 …``)."""
    for m in re.finditer(re.escape(series), text):
        period = _years_after(text, m.end())
        if len(period) == 2 and _TOPIC_PERIOD.match(text, m.end()):
            return period
    # ``‘해양플랜트 기자재 기술로드맵’을 발표했다. 로드맵은 2015년부터 2019년까지 …``: the
    # next sentence, about the plan by its head alone
    head = next((h for h in _ANAPHOR_HEADS if series.endswith(h)), None)
    if head is None:
        return []
    again = re.compile(rf"\s*(?:이번\s+|올해\s+)?{head}")
    for m in re.finditer(re.escape(series), text):
        end = SENTENCE_END.search(text, m.end())
        anaphor = again.match(text, end.end()) if end else None
        topic = _TOPIC_PERIOD.match(text, anaphor.end()) if anaphor else None
        if topic and int(topic["b"]) > int(topic["a"]):
            return [int(topic["a"]), int(topic["b"])]
        # ``‘중소기업 기술로드맵’과의 연계다. 2013~2015 로드맵에 오른 …``: the period
        # opening the next sentence, before the head alone
        before = _PERIOD_HEAD.match(text, end.end()) if end else None
        if before and before["head"] == head and int(before["b"]) > int(before["a"]):
            return [int(before["a"]), int(before["b"])]
    return []


#: A period right before a plan's head alone: ``2013~2015 로드맵``, ``2017-2019년 계획``.
_PERIOD_HEAD = re.compile(
    r"\s*(?P<a>(?:19|20)\d{2})\s*[~∼\-]\s*(?P<b>(?:19|20)\d{2})년?\s*(?P<head>[가-힣]+?)"
    r"(?:에|은|는|이|가|을|를|의|과|와|에서|에는|부터)?(?=\s)"
)


#: Plan heads a text names its plan by again in the next sentence (``로드맵은 …``).
_ANAPHOR_HEADS = ("로드맵", "계획", "전략", "방안")


def _years_after(text: str, end: int) -> list[int]:
    topic = _TOPIC_PERIOD.match(text, end)
    if topic and int(topic["b"]) > int(topic["a"]):
        return [int(topic["a"]), int(topic["b"])]
    trailing = _TRAILING_YEARS.match(text, end)
    if trailing:  # ``‘중소기업 전략기술로드맵 2017-2019’``: the edition's year or period
        a, b = int(trailing["a"]), int(trailing["b"]) if trailing["b"] else None
        return [a, b] if b is not None and b > a else [a]
    m = _BRACKETED_YEARS.match(text, end)
    if m is None:
        return []
    a = int(m["a"]) if m["a"] else 2000 + int(m["yy"])
    b = int(m["b"]) if m["b"] else (a // 100 * 100 + int(m["bb"]) if m["bb"] else None)
    return [a, b] if b is not None and b > a else [a]


#: A year or period printed as the last words of a plan's title: ``‘… 기술로드맵 2015’``,
#: ``‘… 전략기술로드맵 2017-2019’`` (not a year that dates something else: ``2015년``).
_TRAILING_YEARS = re.compile(
    r"\s(?P<a>(?:19|20)\d{2})(?:\s*[~∼\-–]\s*(?P<b>(?:19|20)\d{2}))?(?![\d.년])"
    r"(?=\s*[」』’”'\"]|\s*(?:을|를|이|가|은|는|의|에|과|와|으로|로)?[\s,.)])"
)


#: A plan period spelled out: ``2021년부터 2023년까지``.
_PERIOD = re.compile(r"(?P<a>(?:19|20)\d{2})\s*년\s*부터\s*(?P<b>(?:19|20)\d{2})\s*년\s*까지")
#: How far back in its sentence a spelled-out period is the plan's.
PERIOD_REACH = 80


#: A plan period opened by a relative year: ``올해부터 2026년까지``.
_RELATIVE_PERIOD = re.compile(
    r"(?P<rel>" + "|".join(RELATIVE_YEARS) + r")\s*부터\s*(?P<b>(?:19|20)\d{2})\s*년\s*까지"
)


def _sentence_before(text: str, start: int) -> str:
    """The name's sentence before it, within :data:`PERIOD_REACH` characters."""
    return re.split(r"[.?!\n]\s", text[max(0, start - PERIOD_REACH) : start])[-1]


def _relative_period(text: str, start: int, base: int | None) -> list[int]:
    """``올해부터 2026년까지 적용되는 ‘…’``: a period from a relative year, earlier in the
    name's sentence, resolved against the document's year."""
    if base is None:
        return []
    found = list(_RELATIVE_PERIOD.finditer(_sentence_before(text, start)))
    if not found:
        return []
    a, b = base + RELATIVE_YEARS[found[-1]["rel"]], int(found[-1]["b"])
    return [a, b] if b > a else []


def _period_before(text: str, start: int) -> list[int]:
    """``2021년부터 2023년까지 향후 3년간 … ‘중소기업 기술로드맵’``: a period spelled out
    earlier in the name's sentence is its plan period."""
    before = _sentence_before(text, start)
    found = list(_PERIOD.finditer(before))
    if not found:
        # ``2013년부터 3년간 적용할 중소기업 기술로드맵``: a first year and a span
        spans = list(_SPAN_FROM.finditer(before))
        if not spans or not 2 <= int(spans[-1]["n"]) <= MAX_SPAN:
            return []
        first = int(spans[-1]["a"])
        return [first, first + int(spans[-1]["n"]) - 1]
    if int(found[-1]["b"]) < int(found[-1]["a"]):
        return []
    return [int(found[-1]["a"]), int(found[-1]["b"])]


#: A plan period as its first year and how many years it runs: ``2013년부터 3년간``.
_SPAN_FROM = re.compile(
    r"(?P<a>(?:19|20)\d{2})\s*년\s*부터\s*(?:향후\s*)?(?P<n>\d{1,2})\s*년\s*(?:간|동안)"
)
#: The longest span a plan period so printed may run.
MAX_SPAN = 30


def _years_before(text: str, start: int, printed: str) -> list[int]:
    """A year or a period printed in the name or just before it (within a few characters)."""
    lead = _LEADING_YEAR.match(printed)
    if lead and lead["yy"]:
        return [2000 + int(lead["yy"])]
    short = _SHORT_YEAR.search(text, max(text.rfind("\n", 0, start) + 1, start - 8), start)
    if short:  # ``‘21년도 중소기업 … 시행계획``: the year printed in two digits before it
        return [2000 + int(short["yy"])]
    # within the name's line: a header's ``DATE: 2025-12-10`` dates the document, not the plan
    line_start = text.rfind("\n", 0, start) + 1
    window = text[max(line_start, start - 14) : start] + printed[:14]
    found = list(_YEARS.finditer(window))
    if not found:
        return []
    m = found[-1] if not _LEADING_YEAR.match(printed) else found[0]
    a = int(m["a"])
    if m["b"]:
        b = m["b"]
        end = int(b) if len(b) == 4 else (a // 100) * 100 + int(b[-2:])
        return [a, end] if end >= a else [a]
    return [a]
