"""The loader's promises: all or nothing per document, versions replace, nothing partial."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j.exceptions import CypherTypeError

from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.graph.facts import EvidenceRef, FactSet
from stkg.graph.writer import FactWriter, SchemaViolation
from stkg.ingest.files import ingest_paths
from stkg.ontology.model import load_ontology


def counts(graph: Graph) -> tuple[int, int]:
    info = graph.server_info()
    return info.nodes, info.relationships


def _doc(id_: str = "document:test") -> dict[str, object]:
    return {"id": id_, "sha256": id_ * 2, "origin": "memory/test.txt"}


def test_a_failure_mid_document_leaves_the_graph_as_it_was(graph: Graph) -> None:
    writer = FactWriter(graph, load_ontology())
    facts = FactSet()
    ev = EvidenceRef(quote="드론", start=0, end=2)
    facts.node("StrategicField", "field:드론", ev, name="드론")
    facts.node("StrategicField", "field:로봇", ev, name="로봇")
    facts.rel("nextEdition", "edition:a", "edition:b")  # endpoints absent: matched as nothing
    # a map is not a valid property value: Neo4j refuses it after the first batches ran
    facts.node("Sector", "sector:bad", ev, name={"not": "allowed"})
    before = counts(graph)
    with pytest.raises(CypherTypeError):
        writer.write_document(_doc(), facts)
    assert counts(graph) == before == (0, 0)


def test_unknown_schema_names_fail_before_anything_is_written(graph: Graph) -> None:
    writer = FactWriter(graph, load_ontology())
    facts = FactSet()
    facts.node("StrategicField", "field:x", productCont=3)
    with pytest.raises(SchemaViolation, match="productCont"):
        writer.write_document(_doc(), facts)
    facts = FactSet()
    facts.node("StrategicFeld", "field:x")
    with pytest.raises(LookupError, match="StrategicField"):
        writer.write_document(_doc(), facts)
    assert counts(graph) == (0, 0)


def test_changed_document_replaces_its_facts_and_keeps_history(
    graph: Graph, tmp_path: Path
) -> None:
    onto = load_ontology()
    doc = tmp_path / "note.txt"
    doc.write_text("중기부와 KISTA가 함께 로드맵을 수립했다.\n", encoding="utf-8")
    first = ingest_paths([doc], graph, onto)
    assert first.documents[0].status == "written"
    mentioned = graph.read(
        "MATCH (x:Evidence)-[:SUPPORTS]->(o:Organization) RETURN collect(DISTINCT o.id) AS ids"
    )[0]["ids"]
    assert sorted(mentioned) == ["organization:중소벤처기업부", "organization:한국특허전략개발원"]

    doc.write_text("지재처가 특허 분석을 맡는다.\n", encoding="utf-8")
    second = ingest_paths([doc], graph, onto)
    assert second.documents[0].status == "written"
    rows = graph.read(
        "MATCH (x:Evidence)-[:SUPPORTS]->(o:Organization) MATCH (x)-[:CITES_DOCUMENT]->(d) "
        "RETURN o.id AS org, d.sha256 AS sha"
    )
    assert {r["org"] for r in rows} == {"organization:지식재산처"}, "only the new version's facts"
    history = graph.read(
        "MATCH (new:SourceDocument)-[:SUPERSEDES]->(old:SourceDocument) "
        "RETURN new.origin AS origin, old.origin AS old_origin"
    )
    assert history == [{"origin": doc.as_posix(), "old_origin": doc.as_posix()}]
    # reference individuals the old version mentioned are retracted as evidence, not deleted
    kept = graph.read(
        "MATCH (o:Organization {id: 'organization:한국특허전략개발원'}) RETURN count(o) AS n"
    )
    assert kept == [{"n": 1}]


def test_a_file_that_goes_back_to_an_earlier_version_is_current_again(
    graph: Graph, tmp_path: Path
) -> None:
    onto = load_ontology()
    doc = tmp_path / "note.txt"
    versions = ["중기부와 KISTA가 함께 로드맵을 수립했다.\n", "지재처가 특허 분석을 맡는다.\n"]
    results = []
    for text in [*versions, versions[0]]:
        doc.write_text(text, encoding="utf-8")
        results.append(ingest_paths([doc], graph, onto).documents[0])
    first, second, back = results
    assert [r.status for r in results] == ["written", "written", "written"]
    assert back.document == first.document and back.superseded == second.document
    supported = graph.read(
        "MATCH (x:Evidence)-[:SUPPORTS]->(o:Organization) RETURN collect(DISTINCT o.id) AS ids"
    )[0]["ids"]
    assert sorted(supported) == ["organization:중소벤처기업부", "organization:한국특허전략개발원"]
    heads = graph.read(
        "MATCH (d:SourceDocument {origin: $origin}) WHERE NOT ()-[:SUPERSEDES]->(d) "
        "RETURN collect(d.id) AS ids",
        origin=doc.as_posix(),
    )
    assert heads == [{"ids": [first.document]}]
    # and once more the same content: unchanged
    assert ingest_paths([doc], graph, onto).documents[0].status == "unchanged"


def test_unreadable_file_is_reported_and_nothing_is_written(graph: Graph, tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 8)
    good = tmp_path / "good.txt"
    good.write_text("중기부 발표\n", encoding="utf-8")
    report = ingest_paths([junk, good], graph, load_ontology())
    assert [d.status for d in report.documents] == ["failed", "written"]
    assert "junk.txt" in (report.documents[0].error or "")
    origins = graph.read("MATCH (d:SourceDocument) RETURN collect(d.origin) AS o")[0]["o"]
    assert origins == [good.as_posix()]


def _tsv_sample(folder: Path) -> Path:
    """The sample patent list (CSV) rewritten as a TSV file."""
    import csv
    import io

    sample = Path(__file__).resolve().parents[2] / "samples" / "07_manufacturing_ai_patents_kr.csv"
    rows = list(csv.reader(io.StringIO(sample.read_bytes().decode("cp949"))))
    target = folder / "patents.tsv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter="\t").writerows(rows)
    return target


MEDIA_TYPE_OF = "MATCH (d:SourceDocument) RETURN d.mediaType AS mediaType"


def test_a_tsv_file_in_a_folder_is_ingested(graph: Graph, tmp_path: Path) -> None:
    from stkg.ingest.files import expand_paths

    tsv = _tsv_sample(tmp_path)
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")  # not a document format: skipped
    assert expand_paths([tmp_path]) == [tsv]
    report = ingest_paths(expand_paths([tmp_path]), graph, load_ontology())
    assert [(d.path, d.status) for d in report.documents] == [(tsv, "written")], report
    assert report.documents[0].nodes > 0
    assert graph.read(MEDIA_TYPE_OF) == [{"mediaType": "text/tab-separated-values"}]


def test_a_tsv_file_is_ingested_through_the_api(
    graph: Graph, neo4j_settings: Settings, tmp_path: Path
) -> None:
    from fastapi.testclient import TestClient
    from pydantic import SecretStr

    from stkg.api.app import create_app

    tsv = _tsv_sample(tmp_path)
    settings = neo4j_settings.model_copy(update={"api_keys": [SecretStr("k")]})
    with TestClient(create_app(settings)) as client:
        files = [("files", (tsv.name, tsv.read_bytes(), "text/tab-separated-values"))]
        response = client.post("/ingest", files=files, headers={"X-API-Key": "k"})
    assert response.status_code == 200, response.text
    documents = response.json()["documents"]
    assert [(d["file"], d["status"]) for d in documents] == [("patents.tsv", "written")]
    assert documents[0]["nodes"] > 0
    assert graph.read(MEDIA_TYPE_OF) == [{"mediaType": "text/tab-separated-values"}]
