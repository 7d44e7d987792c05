"""Organisations, their short names and roles, joint actions, named programmes, policies.

Korean releases define short names inline: ``농촌진흥청(청장 나가상, 이하 ‘농진청’)``,
``중소기업기술정보진흥원(이하, TIPA)``; later sentences use the short name
(``TIPA는 … 도출을 담당하고``). Organisations defined with a head (장관, 처장, …) are the
publishers. Programmes appear as 「…사업」 titles; a word the document itself spells
correctly elsewhere (``특허 빅데이터``) corrects a slip in a title (``특히 빅데이터``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from stkg.ingest.extract.statements.model import (
    AliasDefinition,
    JointAction,
    NamedProgramme,
    Organisation,
    Policy,
    SourceTypo,
    Spanned,
)
from stkg.ingest.extract.statements.units import Unit
from stkg.ingest.normalize import name_key

__all__ = [
    "CONFUSABLE_WORDS",
    "find_aliases",
    "find_joint_actions",
    "find_policies",
    "find_programmes",
    "find_roles",
    "find_typos",
    "organisations_from",
    "publishers_of",
]

_ALIAS = re.compile(
    r"(?P<name>[가-힣A-Za-z·]{2,30})\s*\(\s*(?:(?P<title>[가-힣]{1,10})\s+(?P<person>[가-힣]{2,4})"
    r"\s*,\s*)?이하\s*,?\s*[‘'\"“]?(?P<alias>[^’'\"”),]{1,20}?)[’'\"”]?\s*\)"
)
#: A body's name with its head's title glued on (``…진흥원장``, ``…청장``, ``…처장``).
_HEADED_BODY = re.compile(r"[가-힣]{3,}(?:원|청|처)장$")
#: Titles of the head of a ministry or agency; a definition with one names a publisher.
_HEAD_TITLES = ("장관", "처장", "청장", "차관", "원장", "위원장", "본부장", "실장")
_CONTACT = re.compile(r"문의\s*:\s*(?P<org>[가-힣]+(?:부|처|청|원|위원회))")
#: Words a typist swaps for a near-homograph; the document's own usage must confirm a fix.
CONFUSABLE_WORDS = {"특히": "특허"}
_PARTICLE = re.compile(r"(?<=..)(?:와|과|를|을|이|가|는|은|의|에|로|도)$")
_JOINT_ACT = r"공동\s*(?:착수|추진|수립|발표|개발|주최)|협업|협력"
_STRATEGY = re.compile(r"\d+(?:\.\d+)?\s*전략")
_TIME_WORDS = {"작년", "지난해", "올해", "금년", "내년", "이번", "특히", "또한"}
_DRIVER_ANCHOR = re.compile(r"\s*등[을를]?\s*(?:고려|반영)")
_SINGLE_DRIVER = re.compile(
    r"(?P<d>[가-힣A-Za-z]+(?:\s[가-힣A-Za-z]+)?)의\s*(?:정책적\s*)?중요성[을를]\s*고려"
)
_DRIVER_SUFFIX = re.compile(r"\s*(?:의)?\s*(?:정책적\s*)?(?:중요성|가속화|대응|확산|강화)$")
_DISCOURSE = {"특히", "또한", "한편", "이에", "아울러"}


def find_aliases(unit: Unit) -> list[AliasDefinition]:
    out = []
    for m in _ALIAS.finditer(unit.flat):
        start, end = m.span("name")
        if _HEADED_BODY.search(m["name"]):
            end -= 1  # ``중소기업기술정보진흥원장(이하 기정원)``: the body its head leads
        out.append(
            AliasDefinition(
                name=unit.text_at(start, end),
                alias=unit.text_at(*m.span("alias")),
                head_title=unit.text_at(*m.span("title")) if m.group("title") else None,
                head_name=unit.text_at(*m.span("person")) if m.group("person") else None,
                quote=unit.quote,
            )
        )
    return out


#: Heads of a defined name that make it a thing, not a body: ``정보통신기술 연구개발(이하 ICT
#: R&D)`` defines a short name for an activity.
NOT_BODY_HEADS = ("개발", "사업", "전략", "계획", "포럼", "기술", "지원", "정책", "로드맵")


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` can be a short name of ``name``: Latin letters (``TIPA``), or Hangul
    syllables taken from the name in order (``농진청`` of ``농촌진흥청``). ``오후(이하 한국시각)``
    and ``시청률(이하 동일기준)`` define a convention of the text, not a body's short name."""
    if re.search(r"[A-Za-z]", short):
        return True
    rest = iter(name)
    return all(ch in rest for ch in short if "가" <= ch <= "힣")


def organisations_from(aliases: Sequence[AliasDefinition]) -> list[Organisation]:
    """One organisation per defined name, collecting every short name given to it."""
    orgs: dict[str, Organisation] = {}
    for d in aliases:
        if d.head_title is None and (
            d.name.value.endswith(NOT_BODY_HEADS) or not _abbreviates(d.alias.value, d.name.value)
        ):
            continue
        org = orgs.setdefault(d.name.value, Organisation(name=d.name))
        if all(a.value != d.alias.value for a in org.aliases):
            org.aliases.append(d.alias)
        org.head_title = org.head_title or d.head_title
        org.head_name = org.head_name or d.head_name
    return list(orgs.values())


def _names(orgs: Sequence[Organisation]) -> dict[str, str]:
    """Every spelling (name or alias) → the organisation's full name."""
    out = {o.name.value: o.name.value for o in orgs}
    out.update({a.value: o.name.value for o in orgs for a in o.aliases})
    return out


def _names_pattern(names: dict[str, str]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def find_roles(units: Sequence[Unit], orgs: Sequence[Organisation]) -> None:
    """``KEIT는 기술 수요조사와 평가를 담당하고`` → role of TIPA (in place)."""
    names = _names(orgs)
    if not names:
        return
    pattern = re.compile(
        rf"(?<![가-힣A-Za-z])(?P<who>{_names_pattern(names)})\s*(?:은|는|이|가)\s+"
        r"(?P<role>[^,.“”「」]{3,40}?)\s*[을를]\s*(?:담당|지원|수행|맡)"
    )
    by_name = {o.name.value: o for o in orgs}
    for unit in units:
        for m in pattern.finditer(unit.flat):
            org = by_name[names[m.group("who")]]
            org.roles.append(unit.text_at(*m.span("role")))


def find_joint_actions(units: Sequence[Unit], orgs: Sequence[Organisation]) -> list[JointAction]:
    """``지재처-중기부 공동 착수``, ``A(…)와 B(…)는 … 공동 착수``, ``A와 B가 협업``."""
    names = _names(orgs)
    if len(names) < 2:
        return []
    party = rf"(?:{_names_pattern(names)})(?:\([^()]*\))?"
    pattern = re.compile(
        rf"(?P<a>{party})\s*(?:-|–|와|과|및|,)\s*(?P<b>{party})(?P<gap>[^.]{{0,120}}?)"
        rf"(?P<act>{_JOINT_ACT})"
    )
    out = []
    for unit in units:
        for m in pattern.finditer(unit.flat):
            parties = tuple(
                unit.spanned(
                    names[_bare(m.group(g))], m.start(g), m.start(g) + len(_bare(m.group(g)))
                )
                for g in ("a", "b")
            )
            if parties[0].value == parties[1].value:
                continue
            out.append(JointAction(parties, unit.text_at(*m.span("act")), unit.quote))
    return out


def _bare(party: str) -> str:
    return party.split("(", 1)[0]


def find_typos(units: Sequence[Unit]) -> list[SourceTypo]:
    """``특히 빅데이터`` where the document also writes ``특허 빅데이터``: a confirmed slip."""
    text = " ".join(u.flat for u in units)
    out = []
    for wrong, right in CONFUSABLE_WORDS.items():
        for unit in units:
            for m in re.finditer(rf"{wrong}\s+(?P<w>[가-힣A-Za-z]+)", unit.flat):
                stem = _PARTICLE.sub("", m.group("w"))
                if re.search(rf"{right}\s*{re.escape(stem)}", text):
                    literal = unit.spanned(f"{wrong} {stem}", m.start(), m.start("w") + len(stem))
                    out.append(SourceTypo(literal, f"{right} {stem}", unit.quote))
    return out


def find_programmes(
    units: Sequence[Unit], orgs: Sequence[Organisation], typos: Sequence[SourceTypo]
) -> list[NamedProgramme]:
    """「…사업」 titles, with the organisation that runs them and a corrected spelling."""
    names = _names(orgs)
    owner_re = (
        re.compile(rf"(?P<o>{_names_pattern(names)})\s*(?:은|는|이|가)\s*$") if names else None
    )
    out = []
    for unit in units:
        for m in re.finditer(r"[「｢『](?P<t>[^」｣』]{2,60}사업)[」｣』]", unit.flat):
            title = unit.text_at(*m.span("t"))
            corrected = title.value
            for t in typos:
                if title.start <= t.literal.start < title.end:
                    corrected = corrected.replace(t.literal.value, t.corrected)
            owner = owner_re.search(unit.flat[: m.start()]) if owner_re else None
            out.append(
                NamedProgramme(
                    title,
                    corrected if corrected != title.value else None,
                    names[owner.group("o")] if owner else None,
                    unit.quote,
                )
            )
    return out


def find_policies(units: Sequence[Unit]) -> list[Policy]:
    """Strategies (``AI 기반 스마트제조 3.0 전략``) and drivers (``디지털 전환 … 등을 고려``)."""
    found: list[Policy] = []
    for unit in units:
        if unit.is_table_row:
            continue
        found.extend(Policy(s, "strategy", unit.quote) for s in _strategies(unit))
        if re.search(r"품목|제품|로드\s?맵", unit.flat):
            found.extend(Policy(d, "driver", unit.quote) for d in _drivers(unit))
    seen: set[str] = set()
    out = []
    for p in found:
        key = name_key(p.name.value)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _strategies(unit: Unit) -> list[Spanned[str]]:
    out = []
    for m in _STRATEGY.finditer(unit.flat):
        words = list(re.finditer(r"\S+", unit.flat[: m.start()]))
        start = m.start()
        for w in reversed(words[-4:]):
            t = w.group()
            if t in _TIME_WORDS or _PARTICLE.search(t) or re.search(r"[^가-힣A-Za-z0-9+\-]", t):
                break
            start = w.start()
        if start < m.start():
            out.append(unit.text_at(start, m.end()))
    return out


def _drivers(unit: Unit) -> list[Spanned[str]]:
    out: list[Spanned[str]] = []
    for anchor in _DRIVER_ANCHOR.finditer(unit.flat):
        end = anchor.start()
        items = []
        while True:
            comma = unit.flat.rfind(",", unit.body_start, end)
            start = comma + 1 if comma >= 0 else unit.body_start
            item = unit.flat[start:end].strip()
            words = item.split()
            if not words or len(words) > 3 or words[0] in _DISCOURSE or _PARTICLE.search(words[-1]):
                break
            items.append((start, end))
            if comma < 0:
                break
            end = comma
        out.extend(_driver(unit, a, b) for a, b in reversed(items))
    for m in _SINGLE_DRIVER.finditer(unit.flat):
        out.append(_driver(unit, *m.span("d")))
    return [d for d in out if d.value]


def _driver(unit: Unit, a: int, b: int) -> Spanned[str]:
    """The policy named in a driver phrase: ``디지털 전환 가속화`` → ``디지털 전환``."""
    while a < b and unit.flat[a] == " ":
        a += 1
    text = unit.flat[a:b].rstrip()
    cut = _DRIVER_SUFFIX.search(text)
    return unit.text_at(a, a + (cut.start() if cut else len(text)))


def publishers_of(units: Sequence[Unit], orgs: Sequence[Organisation]) -> list[str]:
    """Organisations introduced with their head (장관, 처장 …), else the contact line's."""
    heads = [o.name.value for o in orgs if o.head_title and o.head_title.value in _HEAD_TITLES]
    if heads:
        return heads
    for unit in units:
        m = _CONTACT.search(unit.flat)
        if m:
            return [m.group("org")]
    return []
