"""Amounts of money bound to what they fund: ``‘소재·부품 기술개발’에 2718억원``,
``반도체·디스플레이 315억원``, ``창업성장기술개발사업 예산은 1745억원``.

For each amount (the pipeline's MONEY quantities) the target is the nearest noun phrase
before it in the same sentence, stepping over particles, quantity words (총, 모두, 약) and
budget words (예산, 규모, 사업비), and never past a verb or another amount. Only a final
mark ends a sentence, never a line break: a flattened table prints a row's name and its
amounts on lines of their own. A second amount
with no target of its own (``3조7400억원에서 4조1200억원으로``) shares the previous one's.
Each becomes a ``Funding`` named after its target; a target that is a programme the
document names is linked with ``funds``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from stkg.ingest.extract.base import Source
from stkg.ingest.extract.dates import RELATIVE_YEARS
from stkg.ingest.extract.phrases import (
    CHANGE_WORDS,
    OPENING_QUOTES,
    QUOTE_MARKS,
    QUOTED,
    SENTENCE_END_TAG,
    SPAN_OF_TIME,
    is_nominal,
    sentence_first,
    sentence_last,
    text_of,
)
from stkg.ingest.normalize import name_key

#: Words of time and extent printed right before an amount, never part of what it funds
#: (``기존 12억원에서 최고 30억원으로``, ``향후 3년간``).
BEFORE_AMOUNT = frozenset(["기존", "향후", "내년도", "금년도", "당해", "최고", "평균", "이내"])
#: Words between a target and its amount that are not the target.
SKIPPED_WORDS = frozenset(
    [
        "총",
        "모두",
        "약",
        *RELATIVE_YEARS,
        *BEFORE_AMOUNT,
        "예산",
        "규모",
        "사업비",
        "총액",
        "재원",
        "예산안",
        "정부",
        "R&D",
        "예산은",
        "전년대비",
        "대비",
        "당초",
        "최대",
        "최소",
        "연간",
        "매년",
        "각각",
        "이상",
        "가량",
        "처음",
        "최초",
        "역대",
        "사상",
        *("과제당", "기업당", "건당", "대상"),  # to whom (``과제당 20억원``)
        # a programme's standing in the budget (``…기술개발(신규, 100억원)``)
        *("신규", "계속", "신설", "증액", "감액"),
    ]
)
#: Money that is no funding: what a company earns or is worth (``직전연도 매출 20억원 이하``).
NOT_FUNDING = (
    "매출",
    "매출액",
    "수출",  # ``매출 244억원, 수출 39억원``: what firms earned
    "수출액",
    "자본금",
    "시가총액",
    "영업이익",
    "순이익",
    "연봉",
    "손실",
    "시장",  # ``3조원 규모의 시장``: what a market is worth
    "시장규모",
    "시장 규모",
    "시가",  # ``장비 11만여종(시가 5조9천억원)``: what things are worth
    "생산",  # ``ICT 생산 240조원``: what an industry produces
    "생산액",
    "이전료",  # ``특허이전료``: what a licence earns
)
#: Closing quotes: the phrase before an amount may be a quoted name.
CLOSING = "’”」』'\""
#: A bare programme head after a quoted name is the name's (``‘…’ 사업에 50억원``).
GENERIC_HEADS = frozenset(["사업", "프로그램", "과제"])
_YEAR = re.compile(r"((?:19|20)\d{2})년")
#: After a year, the end of a span up to it (``2028년까지``, ``2028년 까지``).
_UNTIL = re.compile(r"\s*까지")
#: After an amount, words that make it a change of a budget, not the budget: ``147억원(1.8%)
#: 증가한``, ``862억원 늘어난``, ``499억원에 달하는 예산이 추가로``.
_CHANGE = re.compile(
    r"\s*[)）]?\s*(?:[(（]\s*[\d.,]+\s*%\s*[)）])?\s*(?:이|가|을|를)?\s*"
    r"(?:(?:가까이|가량|정도|이상|넘게|남짓)\s*)?"
    rf"(?P<change>{CHANGE_WORDS}|증액|감액|삭감|(?:에\s*달하는\s*)?예산이\s*추가)"
)
#: A change as the noun its budget is named with (``R&D 예산 증가``): the printed verb's
#: noun, or the printed noun itself.
CHANGE_NOUNS = (
    ("늘", "증가"),
    ("많", "증가"),
    ("줄", "감소"),
    ("적", "감소"),
    ("예산", "추가"),
    ("달하", "추가"),
)
#: A target that is the base a change is measured from (``전년도(1624억원) 대비``), no budget.
_COMPARED = re.compile(r"(?:대비|보다)$|\d")
#: The basis of an amount that is a change of a budget, not a budget (``stkg:basis``).
CHANGE_BASIS = "증감액"
#: After an amount, words that make it a mark a budget passes, not the budget: ``7000억원을
#: 넘을 것으로``, ``1조원을 돌파``.
_THRESHOLD = re.compile(r"\s*(?:을|를)\s*(?:넘|돌파|웃돌|상회)")
#: After an amount, a bound that makes it a size class of what follows (``100억 원 이상의
#: 대형통합형 과제``), not a budget (``100억원 이상의 예산을``).
_SIZE_CLASS = re.compile(
    r"\s*(?:이상|이하|미만|초과)의\s+(?!(?:예산|사업비|자금|재원|규모|R&D|연구개발|정부|국비))"
)
#: Words that date an amount to the year before the text's.
LAST_YEAR_WORDS = tuple(w for w, offset in RELATIVE_YEARS.items() if offset == -1)
#: A last-year word with the amount it dates and the comparison after it: ``전년 6659억원
#: 대비``, ``지난해 6288억원 보다``.
_LAST_YEAR_AMOUNT = re.compile(
    rf"(?:{'|'.join(LAST_YEAR_WORDS)})(?:도)?\s*[(（]?\s*(?:예산\s*)?\d[\d,.\s조억천백만]*원?"
    r"\s*[)）]?\s*(?:대비|보다|에서|에\s*비해)"
    # ``(내년 예산은 …) 올해(6288억)보다 13.7% 오른``: this year's, bracketed as the base
    r"|(?:올해|금년)\s*[(（]\s*\d[\d,.\s조억천백만]*원?\s*[)）]\s*(?:대비|보다)"
)
MAX_STEPS = 12
EXTRACTOR = "budgets"


class Budgets:
    name = EXTRACTOR
    needs_nlp = True
    needs_topic = True

    def __call__(self, source: Source) -> None:
        doc, ctx = source.analysis, source.ctx
        previous: tuple[int, str] | None = None  # (end token of the last amount, its target)
        respective: dict[int, str] = {}  # amount start token → its item of a 각각 list
        # amount → the Funding this extractor made for it, and the programme it funds
        made: dict[int, tuple[str, str | None, str]] = {}
        made_at: dict[int, int] = {}  # amount → where it was first stated
        stated: str | None = None  # the name of the budget stated last
        for ent in doc.ents:
            if ent.label_ != "MONEY" or not isinstance(ent._.value, int):
                continue
            found = _target(doc, ent.start)
            target = respective.get(ent.start) or (found[0] if found else None)
            shared = _SHARE_FOR.match(text_of(doc), ent.end_char)
            if shared and _SHARE_OF.search(
                text_of(doc), max(0, ent.start_char - 40), ent.start_char
            ):
                # ``이 중 1274억원은 신규과제, 나머지 2715억원은 계속과제로 지원``: the shares of
                # a budget, each named after it
                target, found = shared["what"], None
            if found and ent.start not in respective:
                respective.update(_respectively(doc, ent.start, found))
                target = respective.get(ent.start, target)
            if ent.start not in respective:
                respective.update(_respective_items_before(doc, ent.start))
                target = respective.get(ent.start, target)
            if (
                target is None
                and previous is not None
                and _same_sentence(doc, previous[0], ent.start)
            ):
                target = previous[1]
            if _AFTER_A_CHANGE.search(
                text_of(doc), max(0, ent.start_char - 30), ent.start_char
            ) and _BARE_BRACKET.match(text_of(doc), ent.end_char):
                continue  # ``1014억→1058억원(44억원)``: by how much, printed bare
            spent_on = _spent_on(text_of(doc), ent.end_char)
            if spent_on and (target is None or (found and _topic(doc, *found))):
                # ``6,700억원을 투입해 10대 핵심기술 연구개발을 지원한다``, ``해수부는 120억원을
                # 들여 ‘…지원사업’으로 …을 돕는다``: what the amount is spent on, after it (the
                # sentence's topic is who spends)
                target = spent_on
            if target is None and (
                _INVESTED.match(text_of(doc), ent.end_char)
                or _AS_FUNDS.match(text_of(doc), ent.end_char)
                or _RUN_WITH.match(text_of(doc), ent.end_char)
            ):
                target = _programme_in_sentence(source, ent.start)
            if target is None and _INVESTED.match(text_of(doc), ent.end_char):
                # ``정부는 A 발전전략을 수립해 2029년까지 총 1조원을 투입``, ``이를 위해 … 총
                # 1,550억원이 투자``: the plan its sentence names, or the one it refers back to
                target = _plan_in_sentence(source, ent.start)
            if target is None and _RUN_WITH.match(text_of(doc), ent.end_char):
                # ``X는 … 총사업비 3770억원으로 운영되는 … 사업이다``: what is run with it
                opening = _OPENING_NAME.match(text_of(doc), _sentence_start(doc, ent.start))
                target = opening["who"] if opening else None
            if target is None and _last_year(doc, ent):
                # ``올해 예산은 전년 6659억원 대비 9.3% 감소``: last year's budget of the
                # programme the paragraph is about, or of the budget stated last
                target = (
                    _programme_before(source, ent.start, paragraph=True)
                    or stated
                    or _programme_before(source, ent.start)
                    # ``이같은 … 확보를 위한 예산은 지난해 5959억원에서``: the sentence's budget
                    or _changed_budget(doc, ent.start, base=True)
                )
            if target is None:
                # ``X 예산은 전년대비 2.6% 증액된 4,117억원``: the budget its sentence is about
                target = _changed_budget(doc, ent.start)
            if target is None and _AFTER_SPAN.search(text_of(doc), 0, ent.start_char):
                # ``과제는 … 2년간 최대 5억원을 지원``, ``‘…R&D’를 신설해 4년간 최대 60억원``:
                # each funded item over a span, what the sentence is about or has just made
                target = _topic_or_object(doc, ent.start)
            if target is None and (
                _SET_TO.match(text_of(doc), ent.end_char)
                or _AMOUNTS_TO.match(text_of(doc), ent.end_char)
            ):
                # ``R&D 예산을 … 2조원으로 편성``, ``R&D 지원액이 … 1조 4550억에 달한다``
                target = _budget_object(doc, ent.start)
                if target in BUDGET_WORDS:
                    # ``예산을 … 55억원으로 증가시켜 R&D 기획지원사업을 강화``: a budget of no
                    # name is the programme's its sentence names
                    target = _named_in_sentence(source, ent.start) or target
            if target is None and _OF_BUDGET.match(text_of(doc), ent.end_char):
                # ``중기부는 … 1조4885억원의 예산을 편성``: the budget of who the sentence is about
                opening = _OPENING_TOPIC.match(text_of(doc), _sentence_start(doc, ent.start))
                who = opening["who"] if opening else _topic_or_object(doc, ent.start)
                # ``X사업은 … 사업이다. … 올해 총 42억원의 예산을 배정해``: no topic of its own,
                # the sentence goes on about the programme the one before it names
                target = f"{who} 예산" if who else _programme_in_sentence(source, ent.start)
            if target is None and _TOTAL_SPENT.match(text_of(doc), ent.end_char):
                target = _body_spending(source, ent.start)
            sized = _SIZED.match(text_of(doc), ent.end_char)
            what = (sized["quoted"] or sized["what"]) if sized else None
            if what and what.endswith(NOT_FUNDING):
                continue  # ``3조원 규모의 시장``: what a market is worth, whoever's it is
            if what and (target is None or (found and _topic(doc, *found))):
                # ``총 262억 규모의 기술개발 자금을 지원``; ``중기부는 1조원 규모의 ‘…공고’를``:
                # the sentence's topic is who spends, what the amount is the size of is funded
                target = what
            if target is not None and _bare_budget_word(target):
                target = _programme_before(source, ent.start) or target
            if target is None and _BARE_BUDGET.fullmatch(
                text_of(doc), _sentence_start(doc, ent.start), ent.start_char
            ):
                target = _programme_before(source, ent.start)
            change = _CHANGE.match(text_of(doc), ent.end_char)
            if target is not None:
                previous = (ent.end, target)
            elif change:
                # ``이 예산은 전년도에 비해 약 255억원 늘어난``: a change of the budget stated
                # last (which does not name the amounts after it)
                target = stated
            if target is None or not name_key(target):
                continue  # nothing funded, or nothing but marks and spaces
            if _THRESHOLD.match(text_of(doc), ent.end_char):
                continue  # ``7000억원을 넘을 것으로``: a mark passed, not the budget
            if _SIZE_CLASS.match(text_of(doc), ent.end_char):
                continue  # ``100억 원 이상의 대형통합형 과제``: a class of tasks by size
            if target.endswith(NOT_FUNDING):
                continue
            year = _year(source, text_of(doc)[_sentence_start(doc, ent.start) : ent.end_char])
            programme = ctx.id("Programme", target)
            funded = programme if programme in ctx.facts.nodes else None
            basis = None
            if change and _COMPARED.search(target):
                continue  # ``지난해(756억) 대비 약 200억원 늘었다``: a change of no named budget
            if change:
                # ``R&D 예산은 … 3815억원 늘어난 1조4559억원``: by how much the budget changed,
                # kept as a change named so, funding no programme (the next amount is the budget)
                target = f"{target} {change_noun(change['change'])}"
                funded, basis = None, CHANGE_BASIS
            span = ctx.span(ent.start_char, ent.end_char)
            earlier = made.get(ent._.value)
            # ``△A과제(50억) △B 지원(50억)``: one sentence listing the amount twice funds two
            first_at = made_at.get(ent._.value)
            listed = (
                first_at is not None
                and first_at >= _sentence_start(doc, ent.start)
                and "\n" not in text_of(doc)[first_at : ent.start_char]
            )
            if earlier is not None and not listed and _one_budget(earlier, target, funded):
                # one amount printed twice (the headline and the text, ``이번 공모는 총
                # 1049억원``): one budget, named after the programme when one of them is
                fid, was_funded, _ = earlier
                ctx.facts.node("Funding", fid, span, **({"name": target} if funded else {}))
                stated = str(ctx.facts.nodes[fid].props["name"])
                if funded and not was_funded:
                    ctx.facts.rel("funds", fid, funded, span)
                    made[ent._.value] = (fid, funded, target)
                continue
            key = f"{ctx.document_id.split(':', 1)[1]}@{name_key(target)}@{ent._.value}"
            fid = ctx.raw_id("Funding", key)
            ctx.facts.node(
                "Funding", fid, span, name=target, amountKrw=ent._.value, year=year, basis=basis
            )
            made.setdefault(ent._.value, (fid, funded, target))
            made_at.setdefault(ent._.value, ent.start_char)
            stated = target
            if funded:
                ctx.facts.rel("funds", fid, funded, span)


def change_noun(printed: str) -> str:
    """The noun of a printed change (``늘어난`` → ``증가``; ``증액`` stays)."""
    word = printed.split()[0]
    return next((noun for stem, noun in CHANGE_NOUNS if word.startswith(stem)), word)


#: After an amount as a topic, what that share of a budget is for: ``1274억원은 신규과제,``,
#: ``2715억원은 계속과제로``.
_SHARE_FOR = re.compile(
    r"\s*(?:은|는)\s+(?P<what>[가-힣A-Za-z·]+(?:\s[가-힣A-Za-z·]+)?)(?:으로|로|에|,)(?=\s)"
)
#: Before an amount, words that make it a share of one stated before: ``이 중``, ``나머지``.
_SHARE_OF = re.compile(r"(?:이\s?중|그\s?중|나머지)\s*(?:[^\s,.]+\s+){0,2}$")


#: Heads of a target that names one programme or task of its own.
_OWN_HEADS = ("사업", "과제", "프로그램")


def _one_budget(earlier: tuple[str, str | None, str], target: str, funded: str | None) -> bool:
    """Whether an amount printed again for ``target`` is the budget made for it before:
    not when each funds a programme of its own, or each target is a programme or task by
    its head (``A 과제(50억원)``, ``B 프로그램(50억원)``)."""
    _, was_funded, was_target = earlier
    if was_funded is not None and funded not in (None, was_funded):
        return False
    own = (name_key(t).endswith(_OWN_HEADS) for t in (was_target, target))
    return not all(own) or name_key(was_target) == name_key(target)


#: After an amount, a verb that says it is spent: ``총 1조원을 지원할``, ``2조745억원이 투입``.
_INVESTED = re.compile(
    r"\s*(?:이상|가량|정도)?\s*(?:규모\s*(?:의\s*)?(?:자금|재원)\s*)?(?:(?:의\s*)?예산\s*)?"
    # ``약 2조6232억원을 전략적으로 투자해``, ``3400억 원 규모 자금을 투입키로``
    r"(?:을|를|이|가"
    # ``최고 2억원까지 지원``, ``6억원 한도 내에서 …를 지원``, ``1500만원까지 자금을 지원``: a limit
    r"|\s*(?:까지|한도\s*(?:내에서|내|로|까지)|이내(?:에서|로)?)(?:\s*[가-힣]+(?:을|를))?)"
    r"\s*(?:집중\s*|추가로\s*|[가-힣]+적으로\s*)?(?:투입|투자|지원|편성|배정|출연|반영)"
    r"(?:하|할|한|해|했|되|된|됐|될|키|$|\s)"
)

#: After an amount, the money it is (``약 1550억원의 R&D 자금으로 … 사업을 지원``): spent on
#: what the sentence names, as :data:`_INVESTED` is.
_AS_FUNDS = re.compile(
    r"\s*의\s+(?:(?:R&D|연구개발|정부|지원|사업)\s*)?(?:자금|예산|재원|사업비)(?:으로|을|를|이|가)"
)

#: After an amount, a programme run with it (``총사업비 3770억원으로 운영되는 … 사업``): the
#: budget of the programme the sentence names, as :data:`_INVESTED` is.
_RUN_WITH = re.compile(
    r"\s*(?:[(（][^()（）\n]{1,15}[)）])?\s*(?:규모\s*)?"
    r"(?:으로|로)\s*(?:운영|추진|시행)(?:되|된|될|돼|하는|한)"
)


#: An amount in brackets right after the second side of a change (``694억→765억원(``).
_AFTER_A_CHANGE = re.compile(
    r"(?:→|->|⟶|➡|⇒)\s*\d[\d,.]*\s?[십백천]?[조억][\d,.\s십백천만]*원?\s*[(（]\s*$"
)
#: A bracket holding the amount alone.
_BARE_BRACKET = re.compile(r"\s*[)）]")
#: An amount spent, then what on: a quoted programme it runs (``들여 ‘…사업’으로``) or
#: the object of the support it pays for (``투입해 10대 핵심기술 연구개발을 지원한다``).
_SPENT = re.compile(r"\s*(?:을|를)\s+(?:들여|투입해|투입하여|투자해|투자하여)\s+")
_SPENT_ON_QUOTED = re.compile(
    rf"[{re.escape(OPENING_QUOTES)}](?P<what>[^\n{re.escape(OPENING_QUOTES)}]{{2,40}}?)"
    r"[’'”\"」』](?:으로|로)\s"
)
_SPENT_ON_OBJECT = re.compile(
    r"(?P<what>(?:[가-힣A-Za-z0-9·&]+\s){0,4}?[가-힣A-Za-z0-9·&]*[가-힣A-Za-z0-9&])(?:을|를)\s+"
    r"(?:[가-힣]+\s+)?(?:지원|돕|육성|추진|개발|확보|구축)"
)
#: Words that end a clause, never inside what an amount is spent on.
_CLAUSE_WORD = re.compile(r"(?:은|는|이|가|의|에|에서|으로|로|하고|해|하는|한|된|될)$")


def _spent_on(text: str, end: int) -> str | None:
    spent = _SPENT.match(text, end)
    if spent is None:
        return None
    quoted = _SPENT_ON_QUOTED.match(text, spent.end())
    if quoted:
        return quoted["what"]
    obj = _SPENT_ON_OBJECT.match(text, spent.end())
    if obj is None or any(_CLAUSE_WORD.search(w) for w in obj["what"].split()[:-1]):
        return None
    return obj["what"]


def _programme_mentions(source: Source, start: int, end: int) -> list[tuple[int, str]]:
    """``(offset, name)`` of each programme the document names between two offsets."""
    return _mentions(source, "Programme", start, end)


def _mentions(source: Source, cls: str, start: int, end: int) -> list[tuple[int, str]]:
    """``(offset, name)`` of each node of ``cls`` the document names between two offsets."""
    return [
        (e.start, str(n.props["name"]))
        for n in source.ctx.facts.nodes.values()
        if n.cls == cls and n.props.get("name")
        for e in n.evidence
        if e.start is not None and start <= e.start < end
    ]


def _named_in_sentence(source: Source, money_start: int) -> str | None:
    """The programme the sentence of an amount names, the nearest if it names several."""
    doc = source.analysis
    start, at = _sentence_start(doc, money_start), doc[money_start].idx
    named = _programme_mentions(source, start, _sentence_end(doc, money_start))
    return min((abs(offset - at), name) for offset, name in named)[1] if named else None


def _programme_in_sentence(source: Source, money_start: int) -> str | None:
    """An amount spent with no name before it (``이 사업을 통해 … 총 1조원을 지원``) funds
    the programme its sentence names, the nearest if it names several."""
    doc = source.analysis
    start, at = _sentence_start(doc, money_start), doc[money_start].idx
    named = _named_in_sentence(source, money_start)
    if named:
        return named
    if _THIS_PROGRAMME.search(text_of(doc)[start:at]):
        before = _programme_mentions(source, 0, start)  # ``이 사업을 통해``: the last before
        return max(before)[1] if before else None
    if start == 0 or _own_topic(doc, money_start):
        return None  # ``기업은 … 1억원을 투자해``: the sentence says who spends it
    # ``X사업은 … 사업이다. 올해 … 1179억원을 지원할 계획이다``: a sentence with no topic of
    # its own goes on about the one programme the sentence before it names
    k = money_start
    while k > 0 and doc[k].idx >= start:
        k -= 1
    previous = {name for _, name in _programme_mentions(source, _sentence_start(doc, k), start)}
    return previous.pop() if len(previous) == 1 else None


def _plan_in_sentence(source: Source, money_start: int) -> str | None:
    """The plan (edition) an amount spent with no programme is for: the nearest its
    sentence names, or, in a sentence that refers back (``이를 위해``), the last plan or
    programme its paragraph named before it."""
    doc = source.analysis
    start, at = _sentence_start(doc, money_start), doc[money_start].idx
    named = _mentions(source, "RoadmapEdition", start, _sentence_end(doc, money_start))
    if named:
        return min((abs(offset - at), name) for offset, name in named)[1]
    area = _INTO_AREA.search(text_of(doc), start, at)
    if area is not None:  # ``정부는 나노기술분야에 대해 지난 11년 동안 약 2조6232억원을``
        return f"{area['what']} 투자"
    if not _FOR_THIS.match(text_of(doc), start):
        return None
    opening = text_of(doc).rfind("\n\n", 0, start) + 1
    before = [
        *_mentions(source, "RoadmapEdition", opening, start),
        *_programme_mentions(source, opening, start),
    ]
    return max(before)[1] if before else None


#: An area an amount is spent on, printed before it: ``나노기술분야에 대해``.
_INTO_AREA = re.compile(r"(?<![가-힣])(?P<what>[가-힣A-Za-z·]+\s?(?:분야|산업))에\s*대해(?:서)?\s")
#: A sentence that opens by referring back to what was said: ``이를 위해``, ``이를 위해서``.
_FOR_THIS = re.compile(r"\s*(?:또\s*|특히\s*)?(?:이를|이 같은 목표를|이를 달성하기)\s*위해")


#: Topic and subject particles (``기업은``, ``정부가``).
TOPIC_TAGS = ("JX", "JKS")


#: Particles Kiwi tags as JX that mark no topic but a span or an addition (``2011년부터``,
#: ``…까지``, ``…도``).
NOT_TOPIC_PARTICLES = frozenset(["부터", "까지", "도", "만"])


def _own_topic(doc: Doc, money_start: int) -> bool:
    """Whether the sentence names its own topic or subject before the amount; a time
    word's (``지난해엔``, ``올해는``) is none."""
    k = money_start - 1
    while k > 0 and doc[k].tag_ != SENTENCE_END_TAG:
        if (
            doc[k].tag_.split("+")[-1] in TOPIC_TAGS
            and doc[k].text not in NOT_TOPIC_PARTICLES
            and doc[k - 1].text not in RELATIVE_YEARS
        ):
            return True
        k -= 1
    return False


#: After an amount, what the amount is the size of (``262억 규모의 기술개발 자금을``): one to
#: three words up to their particle (not 으 of 으로), or a quoted name (``규모의 ‘…공고’``).
#: An amount that is a budget by the words after it: ``1조4885억원의 예산을`` (not ``…의 예산
#: 절감 효과``, a saving).
_OF_BUDGET = re.compile(
    r"\s*의\s+(?:(?:R&D|연구개발)\s+)?(?:예산|사업비)(?:을|를|이|가|은|는|으로|로)\s"
)
#: After an amount, a ministry's spending verb: ``총 2조2000억원을 지원할 예정이다``.
_TOTAL_SPENT = re.compile(r"\s*(?:을|를)\s*(?:지원|투입|투자)(?:할|한|하|했|해)")


def _body_spending(source: Source, money_start: int) -> str | None:
    """``(먼저) 중기부는 올해 대비 45% 증액된 총 2조2000억원을 지원할 예정이다``: a total a
    body the sentence opens with spends is that body's budget, when the amount is a total
    (``총``) and the body is one the document names."""
    doc = source.analysis
    start = _sentence_start(doc, money_start)
    head = text_of(doc)[start : doc[money_start].idx]
    if not re.search(r"총\s*(?:약\s*)?$", head):
        return None
    opening = _OPENING_BODY.match(head)
    if opening is None:
        return None
    who = opening["who"]
    bodies = {
        str(n.props.get("name")) for n in source.ctx.facts.nodes.values() if n.cls == "Organization"
    } | {
        e.quote
        for n in source.ctx.facts.nodes.values()
        if n.cls == "Organization"
        for e in n.evidence
        if e.quote
    }
    return f"{who} 예산" if who in bodies else None


#: A sentence's opening body, past a connective (``먼저 중기부는``, ``산업부는``).
_OPENING_BODY = re.compile(
    r"\s*(?:(?:먼저|또|또한|한편|아울러|특히)\s+)?(?P<who>[가-힣A-Za-z&·]{2,20})(?:은|는)\s"
)
#: The topic a sentence opens with (``중기부는``, ``중소벤처기업부는``).
_OPENING_TOPIC = re.compile(r"\s*(?P<who>[가-힣A-Za-z&·]{2,20})(?:은|는)\s")
#: A name of up to four words a sentence opens with as its topic (``산·학·연 Collabo R&D는``).
_OPENING_NAME = re.compile(r"\s*(?P<who>[^\s,.]{2,}(?:\s[^\s,.]+){0,3}?)(?:은|는)\s")
_SIZED = re.compile(
    r"\s*규모의\s+(?:[‘“「『'\"](?P<quoted>[^’”」』'\"\n]{2,40})[’”」』'\"]"
    r"|(?P<what>[가-힣A-Za-z&·]+(?:\s[가-힣A-Za-z&·]+){0,2}?)"
    r"(?<!으)(?:을|를|이|가|은|는|에|으로|로)(?=\s))"
)


def _topic(doc: Doc, name: str, start: int) -> bool:
    """Whether the phrase ``name`` found at token ``start`` is its sentence's topic
    (``중기부는``)."""
    return re.match(r"[은는]\s", text_of(doc)[doc[start].idx + len(name) :]) is not None


#: After an amount, a verb that sets a budget at it: ``5천6백억원으로 편성``, ``규모로 책정``.
_SET_TO = re.compile(
    r"\s*(?:규모\s*)?(?:으로|로)\s*(?:[\d.]+\s*%\s*)?(?:편성|책정|확정|증액|증가|확대|늘)"
)
#: After an amount, what a budget amounts to: ``1조 4550억에 달한다``, ``…원에 이른다``.
_AMOUNTS_TO = re.compile(r"\s*(?:규모\s*)?에\s*(?:달|이르|이른)")
#: Budget words an object of such a verb ends in (``중소기업 연구개발 지원 예산을``).
BUDGET_WORDS = ("예산", "예산안", "사업비", "지원액", "투자액")


#: A time word before a budget word in a budget's name (``… 내년도 예산``): it dates the
#: budget, it names no part of it.
_DATED_BUDGET = re.compile(r"\s*(?:내년도?|올해|금년도?|(?:19|20)\d{2}년도?)\s+(?=예산)")


def _budget_object(doc: Doc, money_start: int) -> str | None:
    """The budget its sentence sets at an amount: the last phrase ending in 예산 with an
    object particle before the amount (``2026년 중소벤처 R&D 예산을 … 2조2000억원으로``),
    or as its subject (``‘…’ 분야 기술개발 예산이 … 9193억원으로 편성됐다``)."""
    opening = _sentence_start(doc, money_start)
    for i in range(money_start - 1, 0, -1):
        if doc[i].idx < opening:
            break
        if doc[i].text not in ("을", "를", "이", "가", "은", "는"):
            continue
        before = text_of(doc)[: doc[i].idx]
        # ``'중소기업 기술개발사업 내년도 예산'을``: the budget's name in quotes
        name = before.rstrip(CLOSING)
        quoted = name != before and name.endswith(BUDGET_WORDS)
        opened = max(name.rfind(q) for q in OPENING_QUOTES) if quoted else -1
        if quoted and opened >= opening and name[opened + 1 :].strip():
            return _DATED_BUDGET.sub(" ", name[opened + 1 :]).strip()
        if before.endswith(BUDGET_WORDS):
            start, end = _phrase_back(doc, i - 1)
            while start < end and (_numeric(doc[start].text) or doc[start].ent_type_):
                start += 1  # ``2026년 …``: the year dates the budget, it names no part of it
            if start > 0 and doc[start - 1].text in CLOSING:
                start, _ = _phrase_back(doc, start - 1)  # ``‘…’ 분야 예산이``: the quoted name too
            name = text_of(doc)[doc[start].idx : doc[end].idx + len(doc[end].text)]
            return QUOTE_MARKS.sub("", name)
    return None


#: A sentence that opens on a budget with no name: ``올해 예산은 10억원이다``.
_BARE_BUDGET = re.compile(
    r"\s*(?:(?:올해|내년|금년|올|총|전체)\s*)?(?:(?:지원|정부)\s*)?"
    # ``본예산 645억 원 외에``: the main budget, before a supplementary one
    r"(?:(?:본|추경\s?)?예산|사업비|총사업비|사업\s*규모)"
    r"\s*(?:은|는|이|가)?"
    r"\s*(?:총|약)?\s*$"
)


def _programme_before(source: Source, money_start: int, *, paragraph: bool = False) -> str | None:
    """``X사업을 진행하고 있다. 올해 예산은 10억원이다``: a budget with no name is the
    programme's that the paragraph named last before it (the document, if the paragraph
    names none and ``paragraph`` is false)."""
    at = source.analysis[money_start].idx
    opening = text_of(source.analysis).rfind("\n\n", 0, at) + 1
    before = _programme_mentions(source, opening, at)
    if not before and not paragraph:
        before = _programme_mentions(source, 0, at)
    return max(before)[1] if before else None


def _last_year(doc: Doc, ent: Span) -> bool:
    """Whether the amount ``ent`` is last year's, printed to compare this year's with
    (``전년 6659억원 대비``, ``지난해 6288억원 보다``)."""
    opening = max(0, ent.start_char - 12)
    return any(
        m.end() >= ent.end_char and m.start() < ent.start_char
        for m in _LAST_YEAR_AMOUNT.finditer(text_of(doc), opening)
    )


#: A sentence about a budget that then says how it changed, up to the amount it came to:
#: ``국토교통 연구개발(R&D) 예산은 전년대비 2.6% 증액된``.
_CHANGED_BUDGET = re.compile(
    r"(?P<what>[^\s,.]+(?:\s[^\s,.]+){0,3}?\s?(?:예산|사업비|지원\s?규모|지원액))\s*(?:은|는|이|가)\s+"
    r"(?:[^.,]|(?<=\d)\.(?=\d)){0,30}?"
    r"(?:(?:증액|증가|감액|감소|확대|축소)(?:된|한|돼|되어|해)|늘어난|줄어든)\s*$"
)


#: A sentence about a budget whose amount last year comes first: ``… 예산은 지난해``.
_BASE_BUDGET = re.compile(
    r"(?P<what>[^\s,.]+(?:\s[^\s,.]+){0,5}?\s?(?:예산|사업비|지원\s?규모|지원액))\s*(?:은|는|이|가)\s+"
    rf"(?:{'|'.join(LAST_YEAR_WORDS)})(?:도)?\s*$"
)


def _changed_budget(doc: Doc, money_start: int, *, base: bool = False) -> str | None:
    """The budget a sentence is about, where the amount follows how it changed, or, for
    the ``base`` it changed from, where the amount follows the budget's year word (``X
    예산은 지난해 5959억원에서``)."""
    start = _sentence_start(doc, money_start)
    pattern = _BASE_BUDGET if base else _CHANGED_BUDGET
    m = pattern.search(text_of(doc), start, doc[money_start].idx)
    if m is None:
        return None
    what: list[str] = []
    for word in reversed(m["what"].split(" ")):  # back to a particle, a number or a time word
        purpose = what[:1] == ["위한"] and re.search(r"[을를]$", word)  # ``…를 위한 예산``
        if (
            what
            and not purpose
            and (re.search(r"[은는이가을를에의]$|\d", word) or word in SKIPPED_WORDS)
        ):
            break
        what.insert(0, word)
    name = " ".join(what)
    if name in BUDGET_WORDS:  # ``X에 투자되는 사업비는``: the budget of what it is spent on
        spent = _SPENT_ON.search(text_of(doc), start, m.start("what") + len(m["what"]))
        return _OF_THESE.sub("", spent["what"]) if spent else None
    return name or None


#: ``이 중 …``: of the amount just stated, not part of what the share is spent on.
_OF_THESE = re.compile(r"^(?:(?:이|그)\s?)?중\s+")
#: What a budget word is spent on, before it: ``지식재산 창출·보호·활용에 투자되는 사업비``.
_SPENT_ON = re.compile(
    r"(?P<what>[^\s,.]+(?:\s[^\s,.]+){0,3}?)에\s*(?:투자|투입|지원|배정|편성|사용|쓰이)(?:되는|될|된|는)\s+"
    rf"(?:{'|'.join(BUDGET_WORDS)})$"
)


#: A programme referred back to: ``이 사업``, ``동 사업``, ``해당 사업``.
_THIS_PROGRAMME = re.compile(r"(?:^|\s)(?:이|동|해당|본|이번)\s*사업")


#: The verb that says what an amount is for, after its object (``…을 위해(서는)``).
_FOR_PURPOSE = re.compile(r"위해(?:서)?|위하여")


def _target(doc: Doc, money_start: int) -> tuple[str, int] | None:
    """The name of what the amount at ``money_start`` funds, and its first token."""
    i, steps = money_start - 1, 0
    bare: tuple[str, int] | None = None  # ``지원예산은``: the target if nothing names one
    while i >= 0 and steps < MAX_STEPS:
        token = doc[i]
        tag = token.tag_.split("+")[0]
        if tag == SENTENCE_END_TAG or token.ent_type_ == "MONEY":
            return bare
        if tag.startswith("W_"):
            return bare  # a web address, a serial or a date (``DATE: 2010-10-27``) ends it
        if tag == "SSO" and QUOTED.match(text_of(doc), token.idx):
            return None  # ``‘최대 2억원 지원’``: an amount in quoted terms funds no name before
        if _FOR_PURPOSE.fullmatch(token.text) and i > 0 and doc[i - 1].text in ("을", "를"):
            i, steps = i - 2, steps + 1  # ``인력 양성을 위해서는 444억원``: what it is for
            continue
        if tag.startswith(("V", "E", "XSV", "XSA")):
            return bare
        if token.text in POINTING_PLACES and tag == "NP":
            # ``83개의 과제를 선정하고 여기에 189억원``: what the clause before chose
            return _object_before(doc, i) or bare
        if token.text in ")）" and i > 0 and "(" not in token.text:
            opening = _opening_bracket(doc, i)
            if opening is not None:  # ``A사업(구 B사업)의 예산은``: the name before the aside
                i, steps = opening - 1, steps + 1
                continue
        if token.text in BEFORE_AMOUNT:
            i, steps = i - 1, steps + 1  # ``해양드론사업은 기존 12억원에서``: since when
            continue
        if is_nominal(token) or token.text in CLOSING:
            start, end = _phrase_back(doc, i)
            if (
                start > 0
                and SPAN_OF_TIME.fullmatch(doc[start].text)
                and doc[start - 1].tag_ == "NNB"
            ):
                # ``6개월간 기술 검증과``: how long, then what; ``2년간 최대 5억원``: how long,
                # so on before its number
                span, start = start, start + 1
                if start > end or doc[start].text in SKIPPED_WORDS:
                    i, steps = span - 3, steps + 1
                    continue
            text = text_of(doc)[doc[start].idx : doc[end].idx + len(doc[end].text)].strip(
                "‘’“”「」『』'\" "
            )
            if text in GENERIC_HEADS and start > 0 and doc[start - 1].text in CLOSING:
                start, _ = _phrase_back(doc, start - 1)  # ‘…’ 사업에 50억원: the quoted name
                text = text_of(doc)[doc[start].idx + 1 : doc[end].idx].strip("‘’“”「」『』'\" ")
            if text and _bare_budget_word(text):
                bare = bare or (text, start)
            elif text and text not in SKIPPED_WORDS and not _numeric(text):
                return text, start
            i = start - 1
        else:
            i -= 1
        steps += 1
    return bare


#: Pronouns that point back to what the clause before named (``… 선정하고 여기에``).
POINTING_PLACES = frozenset(["여기", "이곳", "이들"])
#: How far back the object a pronoun points to may stand.
OBJECT_REACH = 8


def _object_before(doc: Doc, at: int) -> tuple[str, int] | None:
    """The object of the clause right before token ``at``, in its sentence (``과제를
    선정하고``)."""
    first = sentence_first(doc, at)
    for i in range(at - 1, max(first, at - OBJECT_REACH) - 1, -1):
        if doc[i].tag_ == "JKO" and i > first and is_nominal(doc[i - 1]):
            start, end = _phrase_back(doc, i - 1)
            text = text_of(doc)[doc[start].idx : doc[end].idx + len(doc[end].text)]
            return text, start
    return None


#: Words that say whose or what kind of budget, not what it funds (``지원예산``).
BUDGET_MODIFIERS = ("지원", "정부", "총", "전체", "연간", "올해", "금년", "내년")
_BARE_BUDGET_WORD = re.compile(
    rf"(?:(?:{'|'.join(BUDGET_MODIFIERS)})\s*)+(?:{'|'.join(BUDGET_WORDS)})"
    r"|(?:\S*\d+\s*년도?\s*)?(?:지원\s?규모|지원액)"
)


def _bare_budget_word(text: str) -> bool:
    """A budget word that names nothing (``창업성장기술개발사업의 지원예산은``): what it
    funds comes before it."""
    return _BARE_BUDGET_WORD.fullmatch(text) is not None


def _opening_bracket(doc: Doc, close: int) -> int | None:
    """The token that opens the bracket closed at ``close``, in the same sentence."""
    k = close - 1
    while k >= 0 and close - k < 20 and doc[k].tag_ != SENTENCE_END_TAG:
        if doc[k].text in "(（":
            return k
        k -= 1
    return None


def _respectively(doc: Doc, money_start: int, target: tuple[str, int]) -> dict[int, str]:
    """``A와 B에 각각 100억원, 50억원``: each amount of the run after 각각 funds its item.

    Only when the items before 각각 (joined by 와/과, 및 or commas) are exactly as many as
    the amounts after it; otherwise nothing, and every amount keeps the nearest target.
    """
    if money_start == 0 or doc[money_start - 1].text != "각각":
        return {}
    amounts = [ent.start for ent in _amount_run(doc, money_start)]
    items = [target]
    while len(items) < len(amounts):
        joint = items[-1][1] - 1
        if joint < 1 or doc[joint].text not in LIST_JOINERS:
            return {}
        start, end = _phrase_back(doc, joint - 1)
        text = text_of(doc)[doc[start].idx : doc[end].idx + len(doc[end].text)].strip(
            "‘’“”「」『』'\" "
        )
        if not is_nominal(doc[end]) or not text or _numeric(text):
            return {}
        items.append((text, start))
    first = items[-1][1]
    if len(amounts) < 2 or (first > 0 and doc[first - 1].text in LIST_JOINERS):
        return {}  # one amount, or more items than amounts
    return dict(zip(amounts, (text for text, _ in reversed(items)), strict=True))


#: The tokens that join the members of a list: a comma, 와/과, 및.
LIST_JOINERS = frozenset({",", "와", "과", "및"})


def _amount_run(doc: Doc, money_start: int) -> list[Span]:
    """The amounts listed from the one at token ``money_start`` on, joined by nothing but
    list joiners (``100억원, 50억원``)."""
    amounts: list[Span] = []
    k = money_start
    for ent in doc.ents:
        if ent.start < money_start or ent.label_ != "MONEY":
            continue
        between = [t.text for t in doc[k : ent.start]]
        if amounts and (not between or any(w not in LIST_JOINERS for w in between)):
            break
        amounts.append(ent)
        k = ent.end
    return amounts


#: One item of a list the amounts after it fund in turn: a word or two, a short bracket.
_ITEM = r"[가-힣A-Za-z][가-힣A-Za-z0-9·&\-]*(?:\s?[(（][^()（）]{1,20}[)）])?"
#: What joins two items: 와/과 before a space (or after a bracket), a comma, 및.
_JOINT = r"(?:(?<=[)）])(?:와|과)\s*|(?:와|과)\s+|,\s*|\s및\s)"
#: Items joined by 와/과, 및 or commas, closed by a particle (``A(19개)와 B(12개)로``).
_ITEMS_BEFORE = re.compile(
    rf"(?<![가-힣A-Za-z0-9])(?P<items>{_ITEM}(?:{_JOINT}{_ITEM})+)"
    r"(?:로|으로|에|에는|는|은|이|가|을|를)\s"
)
_ITEM_SEPARATOR = re.compile(_JOINT)
#: What closes a run of amounts given in turn: ``44억원, 21억원이 각각``.
_IN_TURN_AFTER = re.compile(r"\s*(?:이|가|을|를|은|는)?\s*각각\s")


def _respective_items_before(doc: Doc, money_start: int) -> dict[int, str]:
    """``과제는 A(19개)와 B(12개)로 구분되며 44억원, 21억원이 각각 지원된다``: a run of
    amounts closed by 각각 funds, in turn, the items of the last list before it in its
    sentence, when they are as many."""
    amounts = _amount_run(doc, money_start)
    if len(amounts) < 2 or (money_start > 0 and doc[money_start - 1].text in LIST_JOINERS):
        return {}
    text = text_of(doc)
    if not _IN_TURN_AFTER.match(text, amounts[-1].end_char):
        return {}
    start = _sentence_start(doc, money_start)
    lists = list(_ITEMS_BEFORE.finditer(text, start, amounts[0].start_char))
    if not lists:
        return {}
    items = [
        re.sub(r"\s?[(（][^()（）]*[)）]$", "", item).strip()
        for item in _ITEM_SEPARATOR.split(lists[-1]["items"])
    ]
    if len(items) != len(amounts) or not all(items):
        return {}
    return {ent.start: item for ent, item in zip(amounts, items, strict=True)}


def _phrase_back(doc: Doc, end: int) -> tuple[int, int]:
    """The noun phrase ending at token ``end`` (a closing quote takes the quoted span)."""
    if doc[end].text in CLOSING:
        opening = "‘“「『" + (doc[end].text if doc[end].text in "'\"" else "")
        k = end - 1
        while (
            k >= 0
            and doc[k].text not in opening
            and end - k < 20
            and doc[k].tag_ != SENTENCE_END_TAG
        ):
            k -= 1
        # no opening quote close enough in the sentence: no quoted name ends here
        return (k, end) if k >= 0 and doc[k].text in opening else (end, end)
    k = end
    while k > 0 and doc[k - 1].whitespace_ in ("", " "):
        if doc[k - 1].text in ")）":
            k = _gloss_start(doc, k - 1) or k  # ``연구개발(R&D) 예산``: the gloss is the name's
            if doc[k].text not in "(（":
                break
            continue
        if not is_nominal(doc[k - 1]):
            break
        if doc[k - 1].text in SKIPPED_WORDS or doc[k - 1].ent_type_ == "MONEY":
            break
        k -= 1
    return k, end


def _gloss_start(doc: Doc, closing: int) -> int | None:
    """The opening bracket of a short gloss closed at token ``closing`` that glues to the
    noun before it (``연구개발(R&D)``), or None."""
    for k in range(closing - 1, max(closing - 6, 0), -1):
        if doc[k].text in "(（":
            glued = doc[k - 1].whitespace_ == "" and is_nominal(doc[k - 1])
            return k if glued else None
        if doc[k].tag_ == SENTENCE_END_TAG:
            return None
    return None


#: A span of time right before an amount (``2년간 최대 5억원``).
_AFTER_SPAN = re.compile(r"\d+\s*(?:년|개월)\s*(?:간|동안)\s*(?:최대|최고|총|약)?\s*$")


def _topic_or_object(doc: Doc, money_start: int) -> str | None:
    """The last phrase before the amount, in its sentence, marked as the topic or the
    object (``자유공모형 과제는``, ``‘글로벌 팁스 R&D’를``)."""
    opening = _sentence_start(doc, money_start)
    for i in range(money_start - 1, 0, -1):
        if doc[i].idx < opening:
            return None
        if doc[i].text in ("은", "는", "을", "를") and doc[i].tag_ in ("JX", "JKO"):
            start, end = _phrase_back(doc, i - 1)
            text = text_of(doc)[doc[start].idx : doc[end].idx + len(doc[end].text)]
            name = text.strip("‘’“”「」『』'\" ")
            if end > start and not _numeric(name) and name not in SKIPPED_WORDS:
                return name  # not one word (``20개 과제를``, ``접수를``): a head, an act
    return None


def _numeric(text: str) -> bool:
    return not re.search(r"[가-힣A-Za-z]{2}", text)


def _sentence_start(doc: Doc, i: int) -> int:
    """Where the sentence holding token ``i`` starts (a character offset)."""
    return doc[sentence_first(doc, i)].idx


def _sentence_end(doc: Doc, i: int) -> int:
    """Where the sentence holding token ``i`` ends (after its final mark)."""
    last = doc[sentence_last(doc, i)]
    return last.idx + len(last.text)


def _same_sentence(doc: Doc, a: int, b: int) -> bool:
    return all(doc[k].tag_ != SENTENCE_END_TAG for k in range(a, b))


def _year(source: Source, clause: str) -> int | None:
    years = list(_YEAR.finditer(clause))
    if years:
        # ``2019년부터 2028년까지 … 3770억원``: a total up to a year is no one year's budget
        return None if _UNTIL.match(clause, years[-1].end()) else int(years[-1][1])
    base = source.as_of.year if source.as_of else None  # a date, or the year it dates itself to
    if base is None:
        return None
    # the relative year word nearest the amount; "전년 대비", "지난해보다" compare, they do
    # not date
    found = [
        (m.start(), offset)
        for word, offset in RELATIVE_YEARS.items()
        for m in re.finditer(rf"{word}(?!도?\s*(?:대비|보다|에\s*비해))", clause)
        # ``전년 6659억원 대비``: the word dates the amount it compares, not those after it
        if not _LAST_YEAR_AMOUNT.match(clause, m.start())
    ]
    return base + max(found)[1] if found else None
