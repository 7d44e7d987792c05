"""Patent indicators per strategic product and per core technology of a field, on the
sample corpus as `stkg up` loads it (its core technologies classified by the shipped
search expressions)."""

from __future__ import annotations

import json
import re
import shlex
import statistics
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from stkg.api.app import create_app
from stkg.cli import app
from stkg.config.settings import Settings
from stkg.graph.analysis.classification import classify_patents
from stkg.graph.analysis.indicators import IndicatorParams
from stkg.graph.analysis.product_indicators import product_indicators
from stkg.graph.driver import Graph
from stkg.graph.version import advance_version
from stkg.ontology.model import load_ontology
from stkg.ontology.search_expressions import load_for_ontology

PARAMS = IndicatorParams(2015, 2024)
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def rows(sampled: Graph) -> list[dict[str, object]]:
    classify_patents(sampled, load_for_ontology(load_ontology()))
    return product_indicators(sampled, "스마트제조", PARAMS)


def _distinct_patents(graph: Graph, technologies: list[str]) -> int:
    found = graph.read(
        "MATCH (p:Patent)-[:MATCHES_TECHNOLOGY]->(t:CoreTechnology) WHERE t.id IN $ids "
        "AND p.filingDate.year >= 2015 AND p.filingDate.year <= 2024 "
        "RETURN count(DISTINCT p) AS n",
        ids=technologies,
    )
    return int(found[0]["n"])


def test_each_product_counts_the_distinct_patents_of_its_core_technologies(
    sampled: Graph, rows: list[dict[str, object]]
) -> None:
    products = [r for r in rows if r["level"] == "product"]
    assert sorted(str(r["name"]) for r in products) == [
        "AI 공정설계 솔루션",
        "AI 제품설계 지원 도구",
        "설비 예지보전 시스템",
    ]
    for product in products:
        below = [
            r for r in rows if r["level"] == "coreTechnology" and r["product"] == product["product"]
        ]
        assert below, product["name"]
        techs = [str(r["coreTechnology"]) for r in below]
        assert product["patents"] == _distinct_patents(sampled, techs) > 0
        for tech in below:
            assert tech["patents"] == _distinct_patents(sampled, [str(tech["coreTechnology"])])
            # a core technology's share is of its product's patents
            assert tech["applicationShare"] == round(
                100 * int(tech["patents"]) / int(product["patents"]),
                1,  # type: ignore[call-overload]
            )
    # the rows list each product before its core technologies
    assert rows[0]["level"] == "product"
    assert {r["edition"] for r in rows} == {"edition:중소기업기술로드맵@2022"}


def test_products_and_core_technologies_are_standardised_among_their_own_peers(
    rows: list[dict[str, object]],
) -> None:
    """The sample patents state no citations and no applicant country, so importance comes
    from growth alone and competitiveness is unset; importance is a z-score among the
    products, and separately among the core technologies."""
    for level in ("product", "coreTechnology"):
        values = [
            float(v)  # type: ignore[arg-type]
            for r in rows
            if r["level"] == level and (v := r["technologyImportance"]) is not None
        ]
        assert len(values) >= 2, level
        # z-scores over the peers of one level: mean 0 (two decimals are kept)
        assert abs(statistics.fmean(values)) < 0.01, (level, values)
    for r in rows:
        if r["technologyImportance"] is not None:
            assert r["isCore"] == (float(r["technologyImportance"]) > 0)  # type: ignore[arg-type]


def test_a_field_without_core_technologies_gives_no_rows(sampled: Graph) -> None:
    assert product_indicators(sampled, "드론", PARAMS) == []


# --- GET /fields/{id}/indicators ----------------------------------------------------------


@pytest.fixture(scope="module")
def client(
    neo4j_settings: Settings, sampled: Graph, rows: list[dict[str, object]]
) -> Iterator[TestClient]:
    advance_version(sampled)  # the patents classify wrote
    with TestClient(create_app(neo4j_settings)) as c:
        yield c


def test_the_endpoint_answers_the_same_rows(
    client: TestClient, rows: list[dict[str, object]]
) -> None:
    response = client.get("/fields/스마트제조/indicators", params={"period": "2015-2024"})
    assert response.status_code == 200, response.text
    assert response.json()["rows"] == rows
    csv = client.get("/fields/field:스마트제조/indicators", params={"_format": "csv"})
    assert csv.status_code == 200
    header = csv.text.splitlines()[0].split(",")
    assert header[:6] == ["edition", "field", "level", "product", "coreTechnology", "name"]
    assert len(csv.text.splitlines()) == len(rows) + 1


def test_the_endpoint_refuses_what_it_cannot_answer(client: TestClient) -> None:
    unknown = client.get("/fields/없는분야/indicators")
    assert unknown.status_code == 404
    assert unknown.json()["detail"] == "no strategic field is named '없는분야'."
    without = client.get("/fields/드론/indicators")
    assert without.status_code == 404
    assert (
        without.json()["detail"] == "field:드론 has no strategic products with core technologies."
    )
    one_year = client.get("/fields/스마트제조/indicators", params={"period": "2020-2020"})
    assert one_year.status_code == 400
    assert "one-year period" in one_year.json()["detail"]
    late_split = client.get(
        "/fields/스마트제조/indicators", params={"period": "2015-2024", "split_year": 2030}
    )
    assert late_split.status_code == 400
    assert "split year 2030" in late_split.json()["detail"]
    office = client.get("/fields/스마트제조/indicators", params={"offices": "KR,XX"})
    assert office.status_code == 422  # not an office: the schema says so


# --- stkg analyse field ---------------------------------------------------------------------

runner = CliRunner()


def test_the_cli_gives_the_endpoints_rows(
    cli_settings: Settings, client: TestClient, rows: list[dict[str, object]]
) -> None:
    """json and csv are the endpoint's rows and CSV, cell for cell; the table shows them."""
    as_json = runner.invoke(app, ["analyse", "field", "스마트제조", "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout) == rows
    as_csv = runner.invoke(app, ["analyse", "field", "field:스마트제조", "-f", "csv"])
    assert as_csv.exit_code == 0, as_csv.output
    api_csv = client.get("/fields/field:스마트제조/indicators", params={"_format": "csv"})
    # (the runner reads CRLF line ends back as LF)
    assert as_csv.stdout == api_csv.text.replace("\r\n", "\n")
    table = runner.invoke(app, ["analyse", "field", "스마트제조"])
    assert table.exit_code == 0, table.output
    text = " ".join(table.stdout.split())
    assert "3 product(s), 5 core technology row(s) in 1 edition(s)" in text
    assert "2015-2024 (split 2020)" in text


def test_the_cli_passes_edition_and_min_score(
    cli_settings: Settings, sampled: Graph, rows: list[dict[str, object]]
) -> None:
    strict = product_indicators(sampled, "스마트제조", PARAMS, min_score=0.95)
    # some matches of the sample score below 0.95 and some above: the option changes rows
    assert strict != rows and any(r["patents"] for r in strict)
    edition = "edition:중소기업기술로드맵@2022"
    result = runner.invoke(
        app,
        [
            "analyse",
            "field",
            "스마트제조",
            "--edition",
            edition,
            "--min-score",
            "0.95",
            "-f",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == strict


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["없는분야"], "no strategic field is named '없는분야'"),
        (["드론"], "field:드론 has no strategic products with core technologies"),
        (
            ["스마트제조", "--edition", "edition:중소기업기술로드맵@2019"],
            "field:스마트제조 has no strategic products with core technologies in "
            "'edition:중소기업기술로드맵@2019'",
        ),
        (["스마트제조", "--edition", "edition:없는판"], "no version in edition 'edition:없는판'"),
        (["https://w3id.org/stkg/id/notanid"], "no strategic field is named"),
        (["스마트제조", "--period", "2020-2020"], "a one-year period"),
    ],
)
def test_the_cli_names_what_it_cannot_find(
    cli_settings: Settings, sampled: Graph, args: list[str], named: str
) -> None:
    result = runner.invoke(app, ["analyse", "field", *args])
    assert result.exit_code == 1, result.output
    message = " ".join(result.output.split())
    assert message.startswith("error: ") and named in message, message
    assert "Traceback" not in result.output and result.stdout == ""


def _console_blocks(doc: str) -> list[tuple[str, str]]:
    """(command, output) of every ``$ stkg analyse field`` line in the doc's console blocks."""
    out = []
    for block in re.findall(r"```console\n(.*?)```", doc, flags=re.S):
        parts = re.split(r"^\$ ", block, flags=re.M)
        for part in parts[1:]:
            command, _, output = part.partition("\n")
            if command.startswith("stkg analyse field"):
                out.append((command, output))
    return out


def test_the_docs_show_what_the_cli_prints(
    cli_settings: Settings, rows: list[dict[str, object]]
) -> None:
    """docs/patent-indicators.md's csv example and error lines, run again on the samples."""
    doc = (REPO / "docs" / "patent-indicators.md").read_text(encoding="utf-8")
    examples = _console_blocks(doc)
    checked = 0
    for command, output in examples:
        args = shlex.split(command)[1:]
        if "csv" not in args and not output.startswith("error:"):
            continue  # a table: its layout follows the terminal's width
        result = runner.invoke(app, args)
        assert " ".join(result.output.split()) == " ".join(output.split()), command
        checked += 1
    assert checked >= 4, examples
