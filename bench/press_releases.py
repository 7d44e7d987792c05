"""Deterministic generator of Korean press releases about technology roadmaps.

    python -m bench.press_releases OUT_DIR [--count 1000] [--seed 7]

Each release is written in this project's own words from templates: a title, a few
paragraphs naming ministries and agencies by full name or alias, budgets in 억원, year
ranges, counts, and a space-aligned two-edition field table in the layout Korean releases
use (caption, header, sector lines, rows with notes, subtotals). Same seed, same files.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

FIELDS = [
    "인공지능",
    "빅데이터",
    "5G+",
    "블록체인",
    "서비스플랫폼",
    "실감형콘텐츠",
    "드론",
    "지능형로봇",
    "스마트제조",
    "자율주행차",
    "시스템반도체",
    "스마트시티",
    "바이오",
    "의료기기",
    "전기·수소차",
    "신재생에너지",
    "이차전지",
    "양자기술",
    "우주항공",
    "디지털트윈",
    "산업보안",
    "푸드테크",
    "스마트농업",
    "수소에너지",
    "첨단소재",
    "반도체·디스플레이 장비",
    "정밀기계",
    "일반기계",
    "섬유",
    "금속",
    "세라믹",
    "유기소재",
    "복합소재",
    "전기전자부품",
    "스마트물류",
    "해양기술",
    "원전해체",
    "탄소저감",
    "자원순환",
    "헬스케어",
]
RENAMES = {"드론": "드론·개인이동수단", "스마트시티": "스마트도시", "바이오": "바이오헬스"}
ORGS = [
    "중소벤처기업부",
    "중기부",
    "지식재산처",
    "지재처",
    "TIPA",
    "KISTA",
    "중소기업기술정보진흥원",
    "한국특허전략개발원",
]
SECTORS = [("4차", "산업혁명"), ("중소기업", "성장기반")]


def release(rng: random.Random, index: int) -> str:
    year = rng.randint(2018, 2030)
    yy0, yy1 = f"{(year - 1) % 100:02d}", f"{year % 100:02d}"
    org_a, org_b = rng.sample(ORGS, 2)
    budget0, budget1 = rng.randint(200, 900), rng.randint(300, 1500)
    n0, n1 = rng.randint(1, 4), rng.randint(3, 8)
    fields = rng.sample(FIELDS, rng.randint(10, 24))
    lines = [
        f"{org_a}, {year}~{year + 2}년 기술로드맵 {index}호 발표",
        "",
        f"□ {org_a}는 {org_b}와 함께 「{year}~{year + 2}년 중소기업 기술로드맵」을 공개했다.",
        f"□ 연계 사업은 ’{yy0}년 {n0}개 사업 → ’{yy1}년 {n1}개 사업으로 늘고, 예산은 "
        f"’{yy0}년 {budget0}억원 → ’{yy1}년 {budget1}억원(신규과제 기준)으로 바뀐다.",
        f"□ 올해 로드맵은 {len(fields)}개 분야를 다루며 전문가 평가를 거쳐 품목을 골랐다.",
        "",
        f"< ’{yy1}년도 기술로드맵 전략분야 및 제품 개요 >",
        " 구분",
        f"’{yy0}년 ’{yy1}년",
        "",
        "비고",
        "전략분야 제품(개) 전략분야 제품(개)",
        "",
    ]
    half = len(fields) // 2
    for (top, bottom), block in zip(SECTORS, (fields[:half], fields[half:]), strict=True):
        lines += [top, bottom, ""]
        total0 = total1 = 0
        for name in block:
            c0, c1 = rng.randint(3, 16), rng.randint(3, 16)
            total0, total1 = total0 + c0, total1 + c1
            if name in RENAMES and rng.random() < 0.5:
                lines.append(f"{name} {c0} {RENAMES[name]} {c1} 명칭·범위 변경")
            else:
                lines.append(f"{name} {c0} {name} {c1}")
            lines.append("")
        lines += [f"소계 {total0} 소계 {total1}", ""]
    lines += ["※ 이 문서는 성능 측정을 위해 생성한 예제이다.", ""]
    return "\n".join(lines)


def generate(out: Path, count: int, seed: int) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        path = out / f"release_{i:05d}.txt"
        path.write_text(release(rng, i), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = generate(args.out, args.count, args.seed)
    print(f"{len(paths)} releases in {args.out}")


if __name__ == "__main__":
    main()
