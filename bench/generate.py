"""A deterministic, realistic roadmap-and-patents graph of any size, as user writes.

    from bench.generate import Scale, skeleton, patent_documents

The benchmark at scale (``python -m bench``) needs a graph shaped like the real one:
several roadmap editions, about 40 strategic fields with a version per edition, about 300
strategic products, about 3,000 core technologies, R&D programmes with funding, and
``--scale`` patents whose applicants are skewed (a few filers hold most patents, as in any
patent landscape), with filing dates and IPC codes. Everything is written through the
path users run — :class:`~stkg.graph.facts.FactSet` +
:meth:`~stkg.graph.writer.FactWriter.write_document` — one "document" per ``batch``
patents, so each batch is one transaction, exactly as ingest does it.

The roadmap part does not grow with ``--scale`` (a roadmap has ~40 fields however many
patents are analysed); the applicant pool does (one applicant per ~100 patents, at least
50, at most 20,000). Same ``seed`` and scale → the same graph, row for row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from stkg.graph.facts import FactSet

__all__ = [
    "PatentRow",
    "Scale",
    "document",
    "patent_document",
    "patent_documents",
    "patent_facts",
    "patents",
    "skeleton",
]

EDITION_YEARS = (2019, 2021, 2022, 2024)
SECTORS = (("4ir", "4차 산업혁명"), ("smeGrowthBase", "중소기업 성장기반"))
OFFICES = ("KR", "US", "JP", "CN", "EP")
CHANGE_KINDS = ("unchanged", "renamed", "rescoped")
#: IPC main groups a core technology may be classified under (realistic codes)
IPC_GROUPS = (
    "G06N 3/08",
    "G06N 20/00",
    "G06F 16/90",
    "G06Q 10/06",
    "G06Q 50/04",
    "G06T 7/00",
    "H04L 67/12",
    "H04W 4/70",
    "B64C 39/02",
    "G05D 1/10",
    "B25J 9/16",
    "G05B 19/418",
    "H01M 10/052",
    "H01L 21/67",
    "A61B 5/00",
    "G16H 50/20",
    "B60L 53/80",
    "C12N 15/10",
    "F24S 20/00",
    "B33Y 10/00",
    "G01N 33/48",
    "H02J 7/00",
    "B29C 64/10",
    "G08G 5/00",
)
MINISTRY = "organization:중소벤처기업부"
ROADMAP = "roadmap:중소기업기술로드맵"


@dataclass(frozen=True)
class Scale:
    """How many of each thing the generated graph holds for ``patents`` patents."""

    patents: int
    fields: int = 40
    products: int = 300
    core_technologies: int = 3000
    programmes: int = 12
    seed: int = 7

    @property
    def applicants(self) -> int:
        return min(20_000, max(50, self.patents // 100))


@dataclass(frozen=True)
class PatentRow:
    """One patent as the bulk loaders see it (also the CSV row for ``LOAD CSV``)."""

    id: str
    office: str
    number: str
    filing_date: dt.date
    citations: int
    ipc: tuple[str, ...]
    applicant: str
    core_technology: str

    def csv_row(self) -> dict[str, str]:
        return {
            "id": self.id,
            "office": self.office,
            "number": self.number,
            "filingDate": self.filing_date.isoformat(),
            "citations": str(self.citations),
            "ipc": ";".join(self.ipc),
            "applicant": self.applicant,
            "coretech": self.core_technology,
        }

    @classmethod
    def from_csv_row(cls, row: dict[str, str]) -> PatentRow:
        """The row :meth:`csv_row` wrote, read back (typed as the writer expects)."""
        return cls(
            id=row["id"],
            office=row["office"],
            number=row["number"],
            filing_date=dt.date.fromisoformat(row["filingDate"]),
            citations=int(row["citations"]),
            ipc=tuple(row["ipc"].split(";")),
            applicant=row["applicant"],
            core_technology=row["coretech"],
        )


def field_id(i: int) -> str:
    return f"field:bench{i:02d}"


def programme_id(i: int) -> str:
    return f"programme:bench{i:02d}"


def edition_id(year: int) -> str:
    return f"edition:bench@{year}"


def core_technology_id(i: int) -> str:
    return f"coretech:bench{i:04d}"


def applicant_id(i: int) -> str:
    return f"organization:benchapplicant{i:05d}"


def document(name: str, content: str) -> dict[str, Any]:
    """SourceDocument properties for one generated batch (stable id from its content)."""
    sha = hashlib.sha256(content.encode()).hexdigest()
    return {
        "id": f"document:{sha[:16]}",
        "sha256": sha,
        "origin": f"bench://{name}",
        "title": f"generated {name}",
        "mediaType": "text/csv",
    }


def skeleton(scale: Scale) -> FactSet:
    """Roadmap editions, fields and their versions, products, core technologies,
    programmes with funding, and the applicant pool: everything but the patents."""
    rng = random.Random(scale.seed)
    facts = FactSet()
    facts.node("Organization", MINISTRY, name="중소벤처기업부", country="KR")
    facts.node("Roadmap", ROADMAP, name="중소기업 기술로드맵")
    for code, name in SECTORS:
        facts.node("Sector", f"sector:{code}", name=name, notation=code)
    editions = _editions(facts, scale)
    versions = _fields(facts, scale, rng)
    products = _products(facts, scale, versions, rng)
    _core_technologies(facts, scale, products, rng)
    _programmes(facts, scale, editions, versions, products, rng)
    for i in range(scale.applicants):
        korean = i % 3 == 0
        facts.node(
            "Organization",
            applicant_id(i),
            name=f"출원인{i:05d}" if korean else f"Applicant {i:05d}",
            country="KR" if korean else OFFICES[1 + i % 4],
        )
    return facts


def _editions(facts: FactSet, scale: Scale) -> list[str]:
    editions = []
    for year in EDITION_YEARS:
        ed = facts.node(
            "RoadmapEdition",
            edition_id(year),
            name=f"{year}~{year + 2}",
            startYear=year,
            endYear=year + 2,
            fieldCount=scale.fields,
            productCount=scale.products,
        )
        facts.rel("editionOf", ed, ROADMAP)
        facts.rel("preparedBy", ed, MINISTRY)
        editions.append(ed)
    for a, b in itertools.pairwise(editions):
        facts.rel("nextEdition", a, b)
    return editions


def _fields(facts: FactSet, scale: Scale, rng: random.Random) -> list[list[str]]:
    """Per field, its versions edition by edition, chained by ``succeededBy``."""
    out = []
    for i in range(scale.fields):
        fid = facts.node("StrategicField", field_id(i), name=f"전략분야{i:02d}")
        chain = []
        for year in EDITION_YEARS:
            v = facts.node(
                "FieldVersion",
                f"fieldversion:bench{i:02d}@{year}",
                name=f"전략분야{i:02d}",
                productCount=scale.products // scale.fields,
            )
            facts.rel("versionOf", v, fid)
            facts.rel("hasFieldVersion", edition_id(year), v)
            facts.rel("inSector", v, f"sector:{SECTORS[i % 2][0]}")
            chain.append(v)
        for a, b in itertools.pairwise(chain):
            facts.rel("succeededBy", a, b, changeKind=rng.choice(CHANGE_KINDS))
        out.append(chain)
    return out


def _products(
    facts: FactSet, scale: Scale, versions: list[list[str]], rng: random.Random
) -> list[str]:
    products = []
    for i in range(scale.products):
        pid = facts.node(
            "StrategicProduct",
            f"product:bench{i:03d}",
            name=f"전략품목{i:03d}",
            citizenProposed=rng.random() < 0.1,
        )
        chain = versions[i % scale.fields]
        facts.rel("belongsToField", pid, chain[rng.randrange(len(chain))])
        products.append(pid)
    return products


def _core_technologies(
    facts: FactSet, scale: Scale, products: list[str], rng: random.Random
) -> None:
    for i in range(scale.core_technologies):
        cid = facts.node("CoreTechnology", core_technology_id(i), name=f"핵심기술{i:04d}")
        facts.rel("hasCoreTechnology", products[i % len(products)], cid)
        if rng.random() < 0.2:  # some core technologies serve two products
            facts.rel("hasCoreTechnology", rng.choice(products), cid)


def _programmes(
    facts: FactSet,
    scale: Scale,
    editions: list[str],
    versions: list[list[str]],
    products: list[str],
    rng: random.Random,
) -> None:
    for i in range(scale.programmes):
        pid = facts.node("Programme", programme_id(i), name=f"R&D사업{i:02d}")
        facts.rel("managedBy", pid, MINISTRY)
        for year, ed in zip(EDITION_YEARS, editions, strict=True):
            facts.rel("linkedProgramme", ed, pid)
            fund = facts.node(
                "Funding",
                f"funding:bench{i:02d}@{year}",
                amountKrw=rng.randrange(10, 500) * 100_000_000,
                year=year,
                basis="연간",
            )
            facts.rel("funds", fund, pid)
            facts.rel("fundingFor", fund, ed)
        for chain in rng.sample(versions, k=min(5, len(versions))):
            facts.rel("linkedProgramme", rng.choice(chain), pid)
        for product in rng.sample(products, k=min(10, len(products))):
            facts.rel("linkedProgramme", product, pid)


def patents(scale: Scale) -> Iterator[PatentRow]:
    """``scale.patents`` patents: Zipf-skewed applicants, mildly skewed core technologies,
    filings 2010-2024 growing over time, one or two IPC codes each."""
    rng = random.Random(scale.seed + 1)
    applicants = _cumulative([1 / (r + 1) ** 1.1 for r in range(scale.applicants)])
    techs = _cumulative([1 / (r + 1) ** 0.5 for r in range(scale.core_technologies)])
    years = list(range(2010, 2025))
    year_weights = _cumulative([1.12 ** (y - 2010) for y in years])
    for i in range(scale.patents):
        tech = rng.choices(range(scale.core_technologies), cum_weights=techs)[0]
        year = rng.choices(years, cum_weights=year_weights)[0]
        office = OFFICES[i % len(OFFICES)]
        ipc: tuple[str, ...] = (IPC_GROUPS[tech % len(IPC_GROUPS)],)
        if rng.random() < 0.4:
            ipc += (IPC_GROUPS[(tech * 7 + 3) % len(IPC_GROUPS)],)
        yield PatentRow(
            id=f"patent:{office}:bench-{i:07d}",
            office=office,
            number=f"bench-{i:07d}",
            filing_date=dt.date(year, 1 + i % 12, 1 + i % 28),
            citations=int(rng.expovariate(1 / 3.0)),
            ipc=tuple(dict.fromkeys(ipc)),
            applicant=applicant_id(rng.choices(range(scale.applicants), cum_weights=applicants)[0]),
            core_technology=core_technology_id(tech),
        )


def _cumulative(weights: list[float]) -> list[float]:
    return list(itertools.accumulate(weights))


def patent_facts(rows: list[PatentRow]) -> FactSet:
    """One batch of patents as facts: the patent, its applicant and its core technology."""
    facts = FactSet()
    for p in rows:
        facts.node(
            "Patent",
            p.id,
            office=p.office,
            applicationNumber=p.number,
            filingDate=p.filing_date,
            citationCount=p.citations,
            ipcCodes=list(p.ipc),
        )
        facts.rel("appliedBy", p.id, p.applicant)
        facts.rel("hasPatent", p.core_technology, p.id)
    return facts


def patent_documents(
    rows: Iterator[PatentRow] | list[PatentRow], batch: int
) -> Iterator[tuple[dict[str, Any], FactSet, int]]:
    """(document, facts, patent count) per ``batch`` patents: one transaction each."""
    iterator = iter(rows)
    for n in itertools.count():
        chunk = list(itertools.islice(iterator, batch))
        if not chunk:
            return
        yield (*patent_document(n, chunk), len(chunk))


def patent_document(n: int, chunk: list[PatentRow]) -> tuple[dict[str, Any], FactSet]:
    """The ``n``-th batch of patents as one document and its facts."""
    doc = document(f"patents/{n:05d}", f"{chunk[0].id}..{chunk[-1].id}:{len(chunk)}")
    return doc, patent_facts(chunk)
