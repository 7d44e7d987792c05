"""`stkg patents classify` on a generated patent collection whose answer is known.

Each technology has a Korean/English vocabulary; patents are written from it (the truth),
from no vocabulary at all (noise), and as near-misses: the right words with an excluded
term, outside the IPC scope, at another office, filed too early, or a Latin word that only
begins like a term. Two true patents share a family, so only one of them may be linked.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stkg.cli import app
from stkg.config.settings import Settings
from stkg.graph.analysis.classification import classify_patents
from stkg.graph.driver import Graph
from stkg.ontology.model import load_ontology
from stkg.ontology.search_expressions import (
    SearchExpressionError,
    load_for_ontology,
    parse_expression,
)

ONTO = load_ontology()
runner = CliRunner()

EXPRESSIONS = """\
# written for the test
[[technology]]
id = "techclass:모니터링"
expression = '(모니터링 OR monitoring OR 감시) AND (설비 OR equipment OR machine*)'
ipc = ["G05B 23", "G01H"]
offices = ["KR", "US", "JP"]
filed = "2015-"

[[technology]]
id = "techclass:예측"
expression = '''
(예측 OR predict* OR "remaining useful life" OR 잔존수명)
  AND NOT (주가 OR "stock price")
'''
exclude_ipc = ["G06Q 40"]

[[technology]]
id = "coretech:배터리진단"
expression = '(배터리 OR battery OR 이차전지) AND (진단 OR diagnos* OR "state of health")'
ipc = ["H01M", "G01R 31"]
"""

VOCAB = {
    "techclass:모니터링": (["설비 상태 모니터링", "equipment monitoring", "machine monitoring",
                          "설비 이상 감시", "monitoring of machines"], ["G05B 23/02", "G01H 1/00"]),
    "techclass:예측": (["고장 시점 예측", "remaining useful life", "predicting wear",
                       "잔존수명 추정", "failure prediction"], ["G06N 20/00"]),
    "coretech:배터리진단": (["배터리 상태 진단", "battery diagnosis", "이차전지 진단",
                            "battery state of health", "diagnosing battery cells"],
                           ["H01M 10/48", "G01R 31/36"]),
}  # fmt: skip
FILLER = ["장치", "방법", "시스템", "apparatus", "method", "using sensor data", "데이터 기반",
          "for factories", "학습 모델", "neural network", "제어", "control"]  # fmt: skip
NOISE = ["반도체 식각 장치", "음식물 포장 용기", "wireless antenna array", "접이식 의자",
         "coffee brewing method", "차량 시트 구조", "optical lens coating"]  # fmt: skip


def _collection(seed: int = 7) -> tuple[list[dict], dict[str, set[str]]]:
    rng = random.Random(seed)
    rows: list[dict] = []
    truth: dict[str, set[str]] = {t: set() for t in VOCAB}

    def add(title: str, abstract: str, ipc: list[str], office: str = "KR", year: int = 2020,
            family: str | None = None, truth_of: str | None = None) -> str:  # fmt: skip
        pid = f"patent:{office}:g{len(rows)}"
        rows.append({"id": pid, "title": title, "abstract": abstract, "claims": None,
                     "ipc": ipc, "office": office, "date": dt.date(year, 3, 1),
                     "family": family})  # fmt: skip
        if truth_of:
            truth[truth_of].add(pid)
        return pid

    for tech, (terms, codes) in VOCAB.items():
        for i in range(40):
            title = f"{rng.choice(terms)} {rng.choice(FILLER)}"
            abstract = f"{rng.choice(FILLER)} {rng.choice(terms)} {rng.choice(FILLER)}"
            if i % 3 == 0:  # the term only in the abstract
                title = f"{rng.choice(FILLER)} {rng.choice(FILLER)}"
            add(title, abstract, [rng.choice(codes)], office=rng.choice(["KR", "US", "JP"]),
                year=rng.randint(2016, 2024), truth_of=tech)  # fmt: skip
    for _ in range(150):
        add(f"{rng.choice(NOISE)} {rng.choice(FILLER)}", rng.choice(NOISE), ["B65D 81/00"])
    # near-misses: right words, wrong scope or an excluded term
    add("설비 상태 모니터링 장치", "equipment monitoring", ["B65D 81/00"])  # IPC out of scope
    add("설비 상태 모니터링 장치", "equipment monitoring", ["G05B 23/02"], office="CN")
    add("설비 상태 모니터링 장치", "equipment monitoring", ["G05B 23/02"], year=2012)
    add("설비 모니터 케이스", "a casing for a machine monitor", ["G05B 23/02"])  # 모니터 ≠ 모니터링
    add("주가 예측 시스템", "stock price prediction", ["G06N 20/00"])  # excluded term
    add("판매량 예측 장치", "demand prediction for banks", ["G06Q 40/02"])  # excluded IPC
    add("배터리 팩 냉각 구조", "battery pack cooling", ["H01M 10/60"])  # no diagnosis term
    add("배터리 진단 장치", "battery diagnosis", ["B60L 58/12"])  # IPC out of scope
    add("predictable battery diagnostics casing", "a casing", ["B65D 81/00"])  # IPC
    # one family filed twice: only the earlier member is linked
    first = add("배터리 상태 진단 방법", "battery diagnosis", ["H01M 10/48"], year=2019,
                family="F1", truth_of="coretech:배터리진단")  # fmt: skip
    add("배터리 상태 진단 방법", "battery diagnosis", ["H01M 10/48"], office="US", year=2020,
        family="F1")  # fmt: skip
    assert first in truth["coretech:배터리진단"]
    return rows, truth


TECHNOLOGY_CLASSES = "UNWIND $ids AS tid CREATE (:Entity:TechnologyClass {id: tid})"
CORE_TECHNOLOGIES = "UNWIND $ids AS tid CREATE (:Entity:CoreTechnology {id: tid})"

PATENTS = """
UNWIND $rows AS row
CREATE (p:Entity:Patent {id: row.id, name: row.title, title: row.title,
        abstract: row.abstract, office: row.office, filingDate: row.date,
        ipcCodes: row.ipc, familyId: row.family})
"""

LINKS = """
MATCH (p:Patent)-[r:MATCHES_TECHNOLOGY]->(t:Entity)
RETURN t.id AS tech, p.id AS patent, r.matchScore AS score, r.matchedTerms AS terms,
       r.expressionHash AS hash, r.classifiedIn AS run
ORDER BY tech, patent
"""

RUNS = "MATCH (r:ClassificationRun) RETURN r.id AS id, r.linksAdded AS added ORDER BY id"


def _build(graph: Graph) -> dict[str, set[str]]:
    rows, truth = _collection()
    graph.write(TECHNOLOGY_CLASSES, ids=[t for t in VOCAB if t.startswith("techclass:")])
    graph.write(CORE_TECHNOLOGIES, ids=[t for t in VOCAB if t.startswith("coretech:")])
    graph.write(PATENTS, rows=rows)
    return truth


def _expressions(tmp_path: Path, text: str = EXPRESSIONS) -> Path:
    path = tmp_path / "test-technologies.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_precision_and_recall_per_technology(graph: Graph, tmp_path: Path) -> None:
    truth = _build(graph)
    expressions = load_for_ontology(ONTO, [_expressions(tmp_path)])
    report = classify_patents(graph, expressions)
    assert report.run is not None and report.removed == 0 and report.changed == 0
    links = graph.read(LINKS)
    for tech, expected in truth.items():
        found = {r["patent"] for r in links if r["tech"] == tech}
        hits = len(found & expected)
        precision, recall = hits / len(found), hits / len(expected)
        assert precision >= 0.9 and recall >= 0.9, (tech, precision, recall,
                                                     sorted(found ^ expected))  # fmt: skip
    by_tech = {t.technology: t for t in report.technologies}
    assert by_tech["coretech:배터리진단"].collapsed == 1
    sample = next(r for r in links if r["tech"] == "coretech:배터리진단")
    assert 0 < sample["score"] <= 1 and sample["run"] == report.run
    assert any(t.startswith(("title:", "abstract:")) for t in sample["terms"])
    assert any(t.startswith("ipc:") for t in sample["terms"])
    hashes = {e.technology: e.hash for e in expressions}
    assert all(r["hash"] == hashes[r["tech"]] for r in links)
    assert graph.read(RUNS)[0]["added"] == len(links)


def test_rerun_changes_nothing_and_a_change_is_incremental(graph: Graph, tmp_path: Path) -> None:
    _build(graph)
    expressions = load_for_ontology(ONTO, [_expressions(tmp_path)])
    first = classify_patents(graph, expressions)
    links, runs = graph.read(LINKS), graph.read(RUNS)
    again = classify_patents(graph, expressions)
    assert again.run is None and (again.added, again.changed, again.removed) == (0, 0, 0)
    assert graph.read(LINKS) == links and graph.read(RUNS) == runs
    # one patent loses its terms: one link removed, every other link keeps its run
    gone = next(r["patent"] for r in links if r["tech"] == "techclass:예측")
    graph.write("MATCH (p:Patent {id: $id}) SET p.title = '접이식 의자', p.abstract = ''", id=gone)
    third = classify_patents(graph, expressions)
    assert third.run is not None and (third.added, third.changed, third.removed) == (0, 0, 1)
    after = graph.read(LINKS)
    assert len(after) == len(links) - 1 and all(r["run"] == first.run for r in after)
    assert len(graph.read(RUNS)) == 2


def test_syntax_error_names_file_and_line_and_writes_nothing(
    graph: Graph, tmp_path: Path, cli_settings: Settings
) -> None:
    _build(graph)
    good = _expressions(tmp_path)
    bad = tmp_path / "broken.toml"
    bad.write_text(
        '[[technology]]\nid = "techclass:예측"\nexpression = """\n예측 OR\n  (predict* AND\n"""\n'
        '\n[[technology]]\nid = "techclass:모니터링"\nexpression = "모니터링"\nipc = ["G05B 23", "X99"]\n',
        encoding="utf-8",
    )
    with pytest.raises(SearchExpressionError) as caught:
        load_for_ontology(ONTO, [good, bad])
    where = {(i.path.name, i.line) for i in caught.value.issues}
    assert ("broken.toml", 5) in where  # the unclosed parenthesis, inside the multi-line string
    assert ("broken.toml", 11) in where  # X99 is no IPC symbol
    result = runner.invoke(app, ["patents", "classify", "-e", str(good), "-e", str(bad)])
    assert result.exit_code == 1
    assert "broken.toml:5:" in result.output and "broken.toml:11:" in result.output
    assert "Traceback" not in result.output
    assert graph.read(LINKS) == [] and graph.read(RUNS) == []
    # the good file alone classifies through the same command
    ok = runner.invoke(app, ["patents", "classify", "-e", str(good)])
    assert ok.exit_code == 0, ok.output
    assert len(graph.read(RUNS)) == 1 and graph.read(LINKS)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [("a AND", 1, 3), ("a OR (b", 1, 6), ('"open', 1, 1), ("a\nb)", 2, 2), ("NOT a", 1, 1)],
)
def test_expression_syntax_errors(text: str, line: int, column: int) -> None:
    from stkg.ontology.search_expressions import ExpressionSyntaxError

    with pytest.raises(ExpressionSyntaxError) as caught:
        parse_expression(text)
    assert (caught.value.line, caught.value.column) == (line, column)


def test_shipped_expressions_load() -> None:
    found = load_for_ontology(ONTO)
    assert found and all(len(e.hash) == 16 for e in found)


def test_sample_patents_link_to_their_technologies(graph: Graph) -> None:
    """The shipped expressions on the two sample patent lists (what `stkg up` loads): every
    sample patent reaches the sub-technology its list names, and the named query counts
    them by year and office."""
    from stkg.ingest.files import ingest_paths
    from stkg.queries.catalog import load_catalog

    samples = Path(__file__).resolve().parents[2] / "samples"
    lists = [samples / "07_manufacturing_ai_patents_kr.csv",
             samples / "08_manufacturing_ai_patents_en.xlsx"]  # fmt: skip
    report = ingest_paths(lists, graph, ONTO)
    assert [d.status for d in report.documents] == ["written", "written"]
    classify_patents(graph, load_for_ontology(ONTO))
    listed = graph.read(
        "MATCH (p:Patent)-[:CLASSIFIED_AS]->(t:TechnologyClass) RETURN p.id AS p, t.id AS t"
    )
    matched = {(r["p"], r["t"]) for r in graph.read(LINKS.replace("ORDER BY tech, patent", ""))
               for r in [{"p": r["patent"], "t": r["tech"]}]}  # fmt: skip
    assert len(listed) == 40
    assert all((r["p"], r["t"]) in matched for r in listed)
    assert len(matched) <= len(listed) + 4  # few links beyond the lists' own classes
    query = load_catalog()["technology-patents"]
    rows = graph.read(query.cypher, **query.bind({"technology": "techclass:진단"}))
    search = [r for r in rows if r["link"] == "search"]
    listed_rows = [r for r in rows if r["link"] == "list"]
    assert sum(r["patents"] for r in search) == sum(r["patents"] for r in listed_rows) == 6
    assert all(0 < r["meanScore"] <= 1 for r in search)
    assert len(rows) <= 2 * 5 * 6  # counts per link, year and office, never per patent


def test_an_ingested_kipris_export_is_classified_by_its_abstracts_and_claims(
    graph: Graph, tmp_path: Path
) -> None:
    """Titles that say nothing, abstracts and claims that do: the expression reaches them
    only because the export's 요약 and 대표청구항 columns are read, and the two members of
    one family (패밀리번호) count once, the earlier filed. Every patent is invented."""
    from stkg.ingest.files import ingest_paths

    rows = [
        ["출원번호", "출원일자", "발명의명칭", "출원인", "요약", "대표청구항", "패밀리번호"],
        ["1020210123456", "2021.03.02", "공작기계 관리 장치", "가온정밀",
         "설비의 진동을 분석하여 고장을 진단한다.", "", "F-1"],
        ["1020220000111", "2022.01.10", "공작기계 관리 방법", "가온정밀", "",
         "진동 센서 및 진단부를 포함하는 방법.", "F-1"],
        ["1020210222222", "2021.04.01", "모터 관리 장치", "다온", "모터의 진단.",
         "1. 진동 센서를 포함하는 장치.", ""],
        ["1020210333333", "2021.05.01", "공구 거치대", "다온", "공구를 거치하는 받침대.",
         "", ""],
    ]  # fmt: skip
    export = tmp_path / "kipris-export.csv"
    export.write_text("\n".join(",".join(row) for row in rows), encoding="utf-8")
    report = ingest_paths([export], graph, ONTO)
    assert [d.status for d in report.documents] == ["written"]
    stored = graph.read(
        "MATCH (p:Patent) RETURN p.id AS id, p.abstract AS abstract, p.claims AS claims, "
        "p.familyId AS family ORDER BY id"
    )
    by_id = {r["id"].rsplit(":", 1)[1]: r for r in stored}
    assert by_id["10-2021-0123456"]["abstract"] == "설비의 진동을 분석하여 고장을 진단한다."
    assert by_id["10-2022-0000111"]["claims"] == "진동 센서 및 진단부를 포함하는 방법."
    assert [r["family"] for r in stored] == ["F-1", None, None, "F-1"]

    graph.write(TECHNOLOGY_CLASSES, ids=["techclass:진동진단"])
    text = "[[technology]]\nid = \"techclass:진동진단\"\nexpression = '진동 AND 진단'\n"
    classify_patents(graph, load_for_ontology(ONTO, [_expressions(tmp_path, text)]))
    links = graph.read(LINKS)
    assert [(r["patent"], sorted(r["terms"])) for r in links] == [
        ("patent:KR:10-2021-0123456", ["abstract:진단", "abstract:진동"]),
        ("patent:KR:10-2021-0222222", ["abstract:진단", "claims:진동"]),
    ]


def test_the_patents_are_read_once_in_pages_whatever_the_number_of_expressions(
    graph: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three expressions, one pass: the collection is read page by page once (not once per
    expression), and small pages give the same links as one large page."""
    from stkg.graph.analysis import classification
    from stkg.graph.cypher import classification as cypher

    _build(graph)
    count = graph.read("MATCH (p:Patent) RETURN count(p) AS n")[0]["n"]
    expressions = load_for_ontology(ONTO, [_expressions(tmp_path)])
    assert len(expressions) == 3
    queries: list[str] = []
    read = graph.read

    def counted(query: str, **params: object) -> list[dict]:
        queries.append(query)
        return read(query, **params)  # type: ignore[arg-type]

    monkeypatch.setattr(classification, "PAGE", 40)
    monkeypatch.setattr(graph, "read", counted)
    classify_patents(graph, expressions, dry_run=True)
    small = classify_patents(graph, expressions)
    assert queries.count(cypher.PATENT_PAGE) == 2 * (count // 40 + 1)
    assert cypher.CANDIDATES not in queries
    links = graph.read(LINKS)
    monkeypatch.setattr(classification, "PAGE", 5000)
    graph.write("MATCH ()-[r:MATCHES_TECHNOLOGY]->() DELETE r")
    large = classify_patents(graph, expressions)
    assert [(r["tech"], r["patent"], r["terms"]) for r in graph.read(LINKS)] == [
        (r["tech"], r["patent"], r["terms"]) for r in links
    ]
    assert [(t.candidates, t.matched, t.collapsed) for t in small.technologies] == [
        (t.candidates, t.matched, t.collapsed) for t in large.technologies
    ]


def test_needles_are_found_whatever_the_spacing_and_only_in_the_fields_searched(
    tmp_path: Path,
) -> None:
    from stkg.graph.analysis.classification import Needles

    text = """\
[[technology]]
id = "techclass:a"
expression = '"공정 설계" OR layout*'
fields = ["title"]

[[technology]]
id = "techclass:b"
expression = '설계 AND 검증'
"""
    a, b = load_for_ontology(ONTO, [_expressions(tmp_path, text)])
    needles = Needles([a, b])
    assert needles.candidates({"title": "공정설계 장치", "abstract": None}) == {0, 1}
    assert needles.candidates({"title": "장치", "abstract": "공정 설계 방법"}) == {1}
    assert needles.candidates({"title": "LAYOUTS of dies", "claims": ""}) == {0}
    assert needles.candidates({"title": "die placement", "abstract": "측정"}) == set()


def test_links_are_written_in_batches_and_a_run_cut_short_is_completed_by_the_next(
    graph: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each batch of links is a transaction of its own (Neo4j caps a transaction's memory).
    A run that fails after its first batch keeps no finishedAt and the links it wrote;
    the next run writes the rest, and the links equal those of an uncut run."""
    from stkg.graph.analysis import classification

    _build(graph)
    expressions = load_for_ontology(ONTO, [_expressions(tmp_path)])
    classify_patents(graph, expressions)
    whole = [(r["tech"], r["patent"], r["terms"]) for r in graph.read(LINKS)]
    graph.write("MATCH (n:ClassificationRun) DETACH DELETE n")
    graph.write("MATCH ()-[r:MATCHES_TECHNOLOGY]->() DELETE r")

    monkeypatch.setattr(classification, "BATCH", 10)
    writes = 0
    execute_write = graph.execute_write

    def failing(work, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal writes
        writes += 1
        if writes == 3:  # the run node, one batch of links, then the server goes away
            raise ConnectionError("server gone")
        return execute_write(work, **kwargs)

    monkeypatch.setattr(graph, "execute_write", failing)
    with pytest.raises(ConnectionError):
        classify_patents(graph, expressions)
    monkeypatch.setattr(graph, "execute_write", execute_write)
    cut = graph.read("MATCH (r:ClassificationRun) RETURN r.finishedAt AS f, r.linksAdded AS a")
    assert len(cut) == 1 and cut[0]["f"] is None and cut[0]["a"] == len(whole)
    assert len(graph.read(LINKS)) == 10

    again = classify_patents(graph, expressions)
    assert again.added == len(whole) - 10 and again.changed == again.removed == 0
    assert [(r["tech"], r["patent"], r["terms"]) for r in graph.read(LINKS)] == whole
    runs = graph.read(
        "MATCH (r:ClassificationRun) RETURN r.finishedAt IS NULL AS cut ORDER BY r.startedAt"
    )
    assert [r["cut"] for r in runs] == [True, False]


def test_a_patent_list_is_classified_as_it_is_ingested_and_only_its_patents_are_read(
    graph: Graph, cli_settings: Settings
) -> None:
    """`stkg ingest` of a patent list classifies its patents by the shipped expressions at
    once; a second list's ingest reads and links its own patents only, leaving the first
    list's links to the run that wrote them. The two runs together equal one full run."""
    import json

    samples = Path(__file__).resolve().parents[2] / "samples"
    first = runner.invoke(app, ["ingest", str(samples / "07_manufacturing_ai_patents_kr.csv"),
                                "--json"])  # fmt: skip
    assert first.exit_code == 0, first.output
    classified = json.loads(first.stdout)["classification"]
    assert classified["added"] >= 20 and classified["removed"] == 0
    links_07 = graph.read(LINKS)
    assert {r["run"] for r in links_07} == {classified["run"]}

    second = runner.invoke(app, ["ingest", str(samples / "08_manufacturing_ai_patents_en.xlsx")])
    assert second.exit_code == 0, second.output
    assert "patents classified:" in second.output
    links = graph.read(LINKS)
    later = [r for r in links if r["run"] != classified["run"]]
    assert later and {r["patent"] for r in later}.isdisjoint(r["patent"] for r in links_07)
    assert [r for r in links if r["run"] == classified["run"]] == links_07

    again = classify_patents(graph, load_for_ontology(ONTO))
    assert (again.added, again.changed, again.removed, again.run) == (0, 0, 0, None)
