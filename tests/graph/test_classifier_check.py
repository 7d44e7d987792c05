"""Checking the classifier: `stkg patents sample` and `stkg patents judge` on a generated
patent collection whose truth is known, against the real server."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from stkg.config.settings import Settings
from stkg.graph.analysis.classification import classify_patents
from stkg.graph.analysis.classifier_check import (
    CheckError,
    JudgedRow,
    draw_sample,
    estimate,
    read_judgements,
    store_evaluations,
    write_sample,
)
from stkg.graph.driver import Graph
from stkg.ingest.files import ingest_paths
from stkg.ontology.model import load_ontology
from stkg.ontology.search_expressions import load_for_ontology

TECH = "coretech:설비이상진단"
EXPRESSION = f"""
[[technology]]
id = "{TECH}"
expression = '(진단 OR diagnos*) AND (설비 OR 기계 OR 모터 OR equipment OR machine* OR motor)'
"""

# --- a collection with a known truth -------------------------------------------------------

SUBJECTS = ("설비", "모터", "회전기계", "공작기계", "펌프 설비", "압축기 설비")
SIGNALS = ("진동", "전류", "음향", "온도")
VERBS = ("고장 진단", "이상 진단", "결함 진단")
FORMS = ("장치", "방법")
#: relevant, and the expression finds them
RELEVANT = [
    f"{s} {g} 기반 {v} {f}" for s in SUBJECTS for g in SIGNALS[:2] for v in VERBS[:2] for f in FORMS
][:48]
#: relevant, but worded so the expression misses them
MISSED = ["베어링 결함 판별 장치", "Rotating machine fault identification method"]
#: matched by the expression, but about something else
FALSE_POSITIVES = ["설비 진단 결과 보고서 인쇄 장치", "기계식 진단 키트 포장 상자"]
#: near misses: a search term, not the technology
NEAR_MISSES = [
    "의료 영상 진단 장치", "혈액 진단 키트", "반려동물 피부 진단 방법", "토양 진단 시스템",
    "도장 설비 배치 방법", "설비 투자 평가 시스템", "모터 하우징 사출 금형", "기계 학습 추천 방법",
    "Medical image diagnosis apparatus", "Machine translation method",
]  # fmt: skip
NOISE = [f"이차전지 전극 {k}번째 제조 방법" for k in range(1, 21)] + [
    f"Battery separator coating process {k}" for k in range(1, 11)
]


def truth() -> dict[str, bool]:
    """Title → relevant to the technology (by construction)."""
    out = {t: True for t in RELEVANT + MISSED}
    out.update({t: False for t in FALSE_POSITIVES + NEAR_MISSES + NOISE})
    return out


def patent_list(path: Path) -> Path:
    titles = list(truth())
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["출원번호", "발명의 명칭", "출원인", "출원일", "IPC", "국가"])
        for k, title in enumerate(titles):
            year = 2015 + k % 8
            writer.writerow(
                [f"10-{year}-{1_000_000 + k:07d}", title, f"가상기업{k % 9}", f"{year}.03.0{1 + k % 9}",
                 "G05B 23/02", "KR"]
            )  # fmt: skip
    return path


def core_technology_table(path: Path) -> Path:
    path.write_text(
        "<h2>2030~2032 중소기업 기술로드맵 (가상의 예)</h2><table><tr><th>분야</th>"
        "<th>전략제품</th><th>핵심기술</th></tr><tr><td>스마트제조</td>"
        "<td>설비 예지보전 시스템</td><td>설비 이상 진단</td></tr></table>",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def collection(graph: Graph, tmp_path: Path) -> tuple[Graph, Path, str]:
    """The generated patents and the technology, classified: (graph, expression file, run)."""
    onto = load_ontology()
    files = [core_technology_table(tmp_path / "core.html"), patent_list(tmp_path / "p.csv")]
    report = ingest_paths(files, graph, onto)
    assert [d.status for d in report.documents] == ["written", "written"], report.failed
    expressions = tmp_path / "expressions.toml"
    expressions.write_text(EXPRESSION, encoding="utf-8")
    run = classify_patents(graph, load_for_ontology(load_ontology(), [expressions])).run
    assert run is not None
    return graph, expressions, run


def fill(sample_csv: str, titles: dict[str, bool] | None = None) -> str:
    """The sample with the judgement column filled from the known truth."""
    known = titles or truth()
    rows = list(csv.reader(io.StringIO(sample_csv.lstrip("\ufeff"))))
    header = rows[0]
    title, judgement = header.index("title"), header.index("judgement")
    for row in rows[1:]:
        row[judgement] = "y" if known[row[title]] else "n"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def evaluations(graph: Graph) -> list[dict[str, object]]:
    return graph.read(
        "MATCH (e:ClassifierEvaluation)-[:EVALUATES_TECHNOLOGY]->(t), "
        "(e)-[:EVALUATES_RUN]->(r:ClassificationRun) "
        "RETURN t.id AS tech, r.id AS run, e.estimatedPrecision AS precision, "
        "e.estimatedRecall AS recall, e.judgedMatches AS matches, "
        "e.judgedNonMatches AS nonMatches"
    )


# --- the workflow ------------------------------------------------------------------------


def test_a_full_sample_reports_the_true_precision_and_recall(
    collection: tuple[Graph, Path, str], tmp_path: Path
) -> None:
    graph, expressions, run = collection
    (expr,) = load_for_ontology(load_ontology(), [expressions])
    rows = draw_sample(graph, expr, 500)
    assert len(rows) == len(truth())  # every stratum is smaller than the sample: all drawn
    assert {r.run for r in rows} == {run}
    matched = {r.title for r in rows if r.matched}
    assert matched == set(RELEVANT) | set(FALSE_POSITIVES)
    out = io.StringIO()
    write_sample(rows, out)
    assert {r["judgement"] for r in csv.DictReader(io.StringIO(out.getvalue()))} == {""}
    judged = tmp_path / "judged.csv"
    judged.write_text(fill(out.getvalue()), encoding="utf-8")
    (evaluation,) = estimate(read_judgements(judged), judged)
    # the truth: 48 found, 2 found wrongly, 2 missed
    assert evaluation.precision == pytest.approx(48 / 50)
    assert evaluation.recall == pytest.approx(48 / 50)
    assert evaluation.precision >= 0.9 and evaluation.recall >= 0.9
    store_evaluations(graph, [evaluation], judged)
    store_evaluations(graph, [evaluation], judged)  # judging the same run again replaces
    assert evaluations(graph) == [
        {"tech": TECH, "run": run, "precision": 0.96, "recall": 0.96, "matches": 50,
         "nonMatches": len(truth()) - 50}
    ]  # fmt: skip


def test_the_sample_is_stratified_and_repeatable(collection: tuple[Graph, Path, str]) -> None:
    graph, expressions, _ = collection
    (expr,) = load_for_ontology(load_ontology(), [expressions])
    first = draw_sample(graph, expr, 6, seed=3)
    assert draw_sample(graph, expr, 6, seed=3) == first
    assert draw_sample(graph, expr, 6, seed=4) != first
    counts = {s: sum(r.stratum == s for r in first) for s in ("match", "near", "other")}
    assert counts == {"match": 6, "near": 3, "other": 3}
    sizes = {r.stratum: r.stratum_size for r in first}
    assert sizes["match"] == 50 and sum(sizes.values()) == len(truth())
    assert all(r.matched == (r.stratum == "match") for r in first)


def test_estimates_weight_each_stratum_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"

    def rows(stratum: str, size: int, relevant: int, judged: int) -> list[JudgedRow]:
        return [
            JudgedRow(k, TECH, stratum, size, f"patent:KR:{stratum}{k}", stratum == "match",
                      "classrun:x", k < relevant)
            for k in range(judged)
        ]  # fmt: skip

    sample = rows("match", 100, 9, 10) + rows("near", 50, 2, 10) + rows("other", 1000, 0, 10)
    (e,) = estimate(sample, path)
    # 90 of the 100 matches relevant; 10 of the 50 near misses; none elsewhere
    assert e.precision == pytest.approx(0.9)
    assert e.recall == pytest.approx(90 / 100)
    unjudged_other = rows("match", 100, 9, 10) + rows("near", 50, 2, 10)
    unjudged_other.append(
        JudgedRow(99, TECH, "other", 1000, "patent:KR:o", False, "classrun:x", None)
    )
    (partial,) = estimate(unjudged_other, path)
    assert partial.precision == pytest.approx(0.9) and partial.recall is None


# --- bad CSVs -----------------------------------------------------------------------------


def _judged_file(collection: tuple[Graph, Path, str], tmp_path: Path) -> Path:
    graph, expressions, _ = collection
    (expr,) = load_for_ontology(load_ontology(), [expressions])
    out = io.StringIO()
    write_sample(draw_sample(graph, expr, 4), out)
    path = tmp_path / "judged.csv"
    path.write_text(fill(out.getvalue()), encoding="utf-8")
    return path


def _edit(path: Path, line: int, column: str, value: str) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[line - 1][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.mark.parametrize(
    ("line", "column", "value", "message"),
    [
        (3, "judgement", "maybe", "judged.csv:3: judgement 'maybe' is neither"),
        (2, "stratumSize", "many", "judged.csv:2: stratumSize 'many'"),
        (4, "matched", "no", "judged.csv:4: matched is 'no' in the 'match' stratum"),
        (5, "run", "classrun:other", "judged.csv:5: run classrun:other differs"),
    ],
)
def test_a_bad_row_names_the_file_and_line(
    collection: tuple[Graph, Path, str],
    tmp_path: Path,
    line: int,
    column: str,
    value: str,
    message: str,
) -> None:
    path = _judged_file(collection, tmp_path)
    _edit(path, line, column, value)
    with pytest.raises(CheckError) as caught:
        estimate(read_judgements(path), path)
    assert str(caught.value).startswith(message), caught.value


def test_a_missing_column_names_the_file_and_column(
    collection: tuple[Graph, Path, str], tmp_path: Path
) -> None:
    path = _judged_file(collection, tmp_path)
    text = path.read_text(encoding="utf-8").replace(",judgement", ",verdict", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CheckError, match=r"^judged\.csv:1: no column judgement"):
        read_judgements(path)


def test_an_unknown_run_stores_nothing(collection: tuple[Graph, Path, str], tmp_path: Path) -> None:
    graph = collection[0]
    path = _judged_file(collection, tmp_path)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    run = rows[0].index("run")
    for row in rows[1:]:
        row[run] = "classrun:19990101T000000000000Z-gone"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    with pytest.raises(CheckError, match="no classification run classrun:1999"):
        store_evaluations(graph, estimate(read_judgements(path), path), path)
    assert evaluations(graph) == []


# --- the CLI ------------------------------------------------------------------------------


def _cli(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"NEO4J_URI": settings.neo4j_uri, "PATH": "/usr/bin:/bin", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "stkg.cli", "patents", *args],
        env=env, capture_output=True, text=True, timeout=180,
    )  # fmt: skip


def test_cli_sample_then_judge(
    collection: tuple[Graph, Path, str], tmp_path: Path, neo4j_settings: Settings
) -> None:
    graph, expressions, run = collection
    sample = tmp_path / "표본.csv"
    drawn = _cli(neo4j_settings, "sample", "--tech", TECH, "--n", "500", "-e", str(expressions),
                 "-o", str(sample))  # fmt: skip
    assert drawn.returncode == 0, drawn.stderr
    assert "50 of 50 match" in drawn.stderr
    sample.write_text(fill(sample.read_text(encoding="utf-8-sig")), encoding="utf-8-sig")
    judged = _cli(neo4j_settings, "judge", str(sample), "--json")
    assert judged.returncode == 0, judged.stderr
    (reported,) = json.loads(judged.stdout)
    assert (reported["precision"], reported["recall"]) == (pytest.approx(0.96),) * 2
    assert reported["stored"] is True
    assert [(e["run"], e["precision"], e["recall"]) for e in evaluations(graph)] == [
        (run, 0.96, 0.96)
    ]
    # a bad judgement: the command fails, naming the file and line, and stores nothing new
    _edit(sample, 2, "judgement", "아마도")
    graph.write("MATCH (e:ClassifierEvaluation) DETACH DELETE e")
    refused = _cli(neo4j_settings, "judge", str(sample))
    assert refused.returncode != 0
    assert "표본.csv:2" in refused.stderr + refused.stdout
    assert evaluations(graph) == []


def test_the_named_query_lists_the_evaluation(
    collection: tuple[Graph, Path, str], tmp_path: Path
) -> None:
    from stkg.queries.catalog import load_catalog

    graph, _, run = collection
    path = _judged_file(collection, tmp_path)
    store_evaluations(graph, estimate(read_judgements(path), path), path)
    query = load_catalog()["classifier-evaluations"]
    (row,) = graph.read(query.cypher, **query.bind({"technology": "설비 이상 진단"}))
    assert (row["technology"], row["run"], row["latest"]) == (TECH, run, True)
    assert row["judgedMatches"] == 4 and 0 <= row["precision"] <= 1
    assert graph.read(query.cypher, **query.bind({"technology": "techclass:없음"})) == []
