"""A synthetic instance graph that conforms to the shapes, of any size.

Benchmarks (``bench/ontology_bench.py``) and the RDF round-trip tests need graphs with
Korean names, lists, integers, decimals, booleans, dates, date-times and relationship
properties, large enough to measure. Every schema name comes from the ontology; the
data is written straight through Cypher (``UNWIND`` batches), not through the RDF import
whose speed is one of the things measured.

Per strategic field the graph holds about ``8 + products`` nodes, so
``generate(n_fields=10_000, products=2)`` is about 100k nodes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from stkg.graph.driver import Graph
from stkg.ontology.model import Ontology
from stkg.ontology.names import quote_name

__all__ = ["Synthetic", "generate", "write"]

_SECTORS = ("4ir", "smeGrowthBase")
_CHANGE_KINDS = ("renamed", "unchanged", "rescoped")


@dataclass
class Synthetic:
    """Nodes as (class, props by local name) and relationships as (property, a, b, props)."""

    nodes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    rels: list[tuple[str, str, str, dict[str, Any]]] = field(default_factory=list)

    def node(self, cls: str, tid: str, **props: Any) -> str:
        self.nodes.append((cls, {"id": tid, **props}))
        return tid

    def link(self, prop: str, a: str, b: str, **props: Any) -> None:
        self.rels.append((prop, a, b, props))


def generate(n_fields: int, products: int = 2) -> Synthetic:
    """A conforming graph with ``n_fields`` strategic fields across two editions."""
    s = Synthetic()
    sha = hashlib.sha256(b"synthetic").hexdigest()
    doc = s.node(
        "SourceDocument",
        f"document:{sha[:16]}",
        sha256=sha,
        title="합성 보도자료",
        publishedDate=dt.date(2022, 1, 27),
        origin="synthetic://press",
        mediaType="text/plain",
    )
    org = s.node(
        "Organization",
        "organization:중소벤처기업부",
        name="중소벤처기업부",
        nameEn="Ministry of SMEs and Startups",
        aliases=["MSS", "중기부"],
    )
    prog = s.node("Programme", "programme:창업성장", name="창업성장")
    s.link("managedBy", prog, org)
    roadmap = s.node("Roadmap", "roadmap:중소기업기술로드맵", name="중소기업 기술로드맵")
    editions = []
    for start in (2021, 2022):
        ed = s.node(
            "RoadmapEdition",
            f"edition:sme-{start}",
            name=f"{start}~{start + 2}",
            startYear=start,
            endYear=start + 2,
            fieldCount=n_fields,
            productCount=n_fields * products,
            publishedDate=dt.date(start - 1, 12, 30),
        )
        s.link("editionOf", ed, roadmap)
        s.link("preparedBy", ed, org, role="수립", evidence=[])
        editions.append(ed)
    s.link("nextEdition", editions[0], editions[1])
    sectors = [
        s.node("Sector", f"sector:{code}", name=f"부문 {code}", notation=code) for code in _SECTORS
    ]
    for i in range(n_fields):
        _field(s, i, products, editions, sectors, doc, prog)
    return s


def _field(
    s: Synthetic,
    i: int,
    products: int,
    editions: list[str],
    sectors: list[str],
    doc: str,
    prog: str,
) -> None:
    name = f"드론·개인이동수단 {i:05d}"
    fid = s.node(
        "StrategicField",
        f"field:드론{i:05d}",
        name=name,
        nameEn=f"drones {i}",
        aliases=[f"드론{i}", f"UAV-{i}"],
    )
    ev = s.node(
        "Evidence", f"evidence:{i:05d}@span", spanStart=i, spanEnd=i + 12, quote=f"{name} 분야"
    )
    s.link("citesDocument", ev, doc)
    s.link("supports", ev, fid)
    versions = []
    for ed, start in zip(editions, (2021, 2022), strict=True):
        fv = s.node(
            "FieldVersion", f"fieldversion:드론{i:05d}@{start}", name=name, productCount=products
        )
        s.link("versionOf", fv, fid)
        s.link("hasFieldVersion", ed, fv, evidence=[ev])
        s.link("inSector", fv, sectors[i % len(sectors)])
        versions.append(fv)
    s.link(
        "succeededBy",
        versions[0],
        versions[1],
        changeKind=_CHANGE_KINDS[i % 3],
        changeNote=f"비고 {i}",
        evidence=[ev, "evidence:shared"],
    )
    for j in range(products):
        pid = s.node(
            "StrategicProduct",
            f"product:드론{i:05d}-{j}",
            name=f"제품 {i}-{j}",
            citizenProposed=bool(j % 2),
            productType="technologyInnovation",
            aliases=[f"품목{i}-{j}"],
        )
        s.link("belongsToField", pid, versions[1], evidence=[ev])
    tc = s.node("TechnologyClass", f"techclass:드론{i:05d}", name=f"비행제어 {i}", level=i % 3)
    s.node(
        "PatentAnalysis",
        f"patentanalysis:드론{i:05d}",
        analysisKind="computed",
        applicationShare=round((i % 990) / 10 + 0.25, 2),
        koreaCompetitiveness=1.5,
        isCore=bool(i % 2),
        patentCount=i,
        offices=["KR", "US"],
        computedAt=dt.datetime(2024, 5, 1, 9, 30, tzinfo=dt.UTC),
    )
    s.link("analyses", f"patentanalysis:드론{i:05d}", tc)
    pat = s.node(
        "Patent",
        f"patent:KR:10-2020-{i:07d}",
        office="KR",
        applicationNumber=f"10-2020-{i:07d}",
        title=f"드론 비행 제어 장치 {i}",
        filingDate=dt.date(2020, 1 + i % 12, 1 + i % 28),
        ipcCodes=["B64C 39/02", "G05D 1/10"],
    )
    s.link("classifiedAs", pat, tc)
    fund = s.node(
        "Funding", f"funding:드론{i:05d}", amountKrw=1_000_000_000 + i, year=2022, basis="연간"
    )
    s.link("fundingFor", fund, fid)
    s.link("funds", fund, prog)


def write(graph: Graph, onto: Ontology, data: Synthetic, batch: int = 5_000) -> None:
    """MERGE the synthetic nodes and relationships, batch by batch."""
    entity, key = quote_name(onto.label("Entity")), quote_name(onto.prop("id"))
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for cls, props in data.nodes:
        groups[cls].append(
            {"id": props["id"], "props": {onto.prop(k): v for k, v in props.items()}}
        )
    for cls, rows in groups.items():
        labels = ":".join(quote_name(lbl) for lbl in onto.labels_of(cls))
        for i in range(0, len(rows), batch):
            graph.write(
                f"UNWIND $rows AS row MERGE (n:{entity} {{{key}: row.id}}) "
                f"SET n:{labels} SET n += row.props",
                rows=rows[i : i + batch],
            )
    rels: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for prop, a, b, props in data.rels:
        rels[prop].append({"a": a, "b": b, "props": {onto.prop(k): v for k, v in props.items()}})
    for prop, rows in rels.items():
        for i in range(0, len(rows), batch):
            graph.write(
                f"UNWIND $rows AS row MATCH (a:{entity} {{{key}: row.a}}) "
                f"MATCH (b:{entity} {{{key}: row.b}}) "
                f"MERGE (a)-[r:{quote_name(onto.rel(prop))}]->(b) SET r += row.props",
                rows=rows[i : i + batch],
            )
