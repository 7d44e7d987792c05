"""Generated patent data with a known answer, for the indicator tests and benchmark.

A two-level technology tree (a root, two classes, sub-technologies under each) and N
patents. Each sub-technology has a weight (its expected share of patents), a chance
that a patent has a Korean applicant, a yearly growth factor of filings and a mean
forward-citation count, so whoever builds the data knows which sub-technology must come
out most competitive or most important. Patents are written with ``UNWIND`` batches of
plain ``CREATE`` statements (fresh ids), not through the per-document fact writer,
because writing a million patents is set-up, not what is measured. Patents get no
``name`` (it is optional), which spares the full-text index a million updates.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from stkg.graph.driver import Graph

__all__ = [
    "TREE",
    "PatentRow",
    "SubTechnology",
    "generate",
    "write",
    "write_organizations",
    "write_tree",
]

OFFICES = ("KR", "US", "JP", "CN", "EP")
ROOT = "techclass:합성ai"


@dataclass(frozen=True)
class SubTechnology:
    id: str
    name: str
    parent: str
    weight: float  # relative number of patents
    korean: float  # chance a patent has a Korean applicant
    growth: float  # filings multiply by this every year
    citations: float  # mean forward citations per patent


#: Built-in answer: 예측 has by far the most Korean applicants (highest competitiveness);
#: 진단 grows fastest and is cited most (highest importance); 모니터링 the reverse of both.
TREE: tuple[SubTechnology, ...] = (
    SubTechnology("techclass:공정설계", "공정설계", "techclass:설계", 1.0, 0.20, 1.05, 3.0),
    SubTechnology("techclass:제품설계", "제품설계", "techclass:설계", 2.0, 0.25, 1.10, 4.0),
    SubTechnology("techclass:공정재설계", "공정재설계", "techclass:설계", 3.0, 0.15, 1.00, 2.0),
    SubTechnology("techclass:모니터링", "모니터링", "techclass:설비건전성", 2.0, 0.05, 0.90, 1.0),
    SubTechnology("techclass:진단", "진단", "techclass:설비건전성", 2.5, 0.20, 1.35, 9.0),
    SubTechnology("techclass:예측", "예측", "techclass:설비건전성", 1.5, 0.60, 1.05, 3.0),
)
CLASSES = {"techclass:설계": "설계", "techclass:설비건전성": "설비건전성"}


@dataclass(frozen=True)
class PatentRow:
    id: str
    office: str
    number: str
    filing_date: dt.date
    citations: int
    technology: str
    applicant: str  # organization id


def organizations(korean: int = 100, foreign: int = 300) -> list[tuple[str, str, str]]:
    """(id, name, country) of the applicant pool: Korean first, then foreign ones."""
    countries = ("US", "JP", "CN", "DE", "FR", "TW")
    orgs = [(f"organization:합성출원인{i}", f"합성출원인{i}", "KR") for i in range(korean)]
    orgs += [
        (f"organization:syntheticapplicant{i}", f"Synthetic Applicant {i}", countries[i % 6])
        for i in range(foreign)
    ]
    return orgs


def generate(
    n: int,
    *,
    start: int = 2015,
    end: int = 2024,
    tree: Sequence[SubTechnology] = TREE,
    seed: int = 7,
) -> Iterator[PatentRow]:
    """``n`` patents spread over ``tree`` by weight and over the years by growth."""
    rng = random.Random(seed)
    orgs = organizations()
    korean = [o[0] for o in orgs if o[2] == "KR"]
    foreign = [o[0] for o in orgs if o[2] != "KR"]
    years = list(range(start, end + 1))
    year_weights = {t.id: [t.growth ** (y - start) for y in years] for t in tree}
    techs = rng.choices(tree, weights=[t.weight for t in tree], k=n)
    for i, tech in enumerate(techs):
        year = rng.choices(years, weights=year_weights[tech.id])[0]
        office = OFFICES[i % len(OFFICES)]
        applicant = rng.choice(korean if rng.random() < tech.korean else foreign)
        yield PatentRow(
            id=f"patent:{office}:synthetic-{i}",
            office=office,
            number=f"synthetic-{i}",
            filing_date=dt.date(year, 1 + i % 12, 1 + i % 28),
            citations=int(rng.expovariate(1 / tech.citations)),
            technology=tech.id,
            applicant=applicant,
        )


TREE_WRITE = """
MERGE (root:Entity {id: $root})
SET root:TechnologyClass, root.name = $rootName, root.level = 1
WITH root
UNWIND $classes AS row
MERGE (c:Entity {id: row.id})
SET c:TechnologyClass, c.name = row.name, c.level = row.level
WITH c, row
MATCH (parent:Entity {id: row.parent})
MERGE (c)-[:BROADER_TECHNOLOGY]->(parent)
"""

ORGS_WRITE = """
UNWIND $rows AS row
MERGE (o:Entity {id: row.id})
SET o:Organization, o.name = row.name, o.country = row.country
"""

PATENTS_WRITE = """
MATCH (t:TechnologyClass {id: $technology})
UNWIND $rows AS row
MATCH (o:Organization {id: row.applicant})
CREATE (p:Entity:Patent {id: row.id, office: row.office,
        applicationNumber: row.number, filingDate: row.filingDate,
        citationCount: row.citations})
CREATE (p)-[:CLASSIFIED_AS]->(t)
CREATE (p)-[:APPLIED_BY]->(o)
"""


def write_tree(graph: Graph, tree: Sequence[SubTechnology] = TREE) -> None:
    """The root, its classes and the sub-technologies, then the applicant pool."""
    classes = [{"id": k, "name": v, "level": 2, "parent": ROOT} for k, v in CLASSES.items()]
    classes += [{"id": t.id, "name": t.name, "level": 3, "parent": t.parent} for t in tree]
    graph.write(TREE_WRITE, root=ROOT, rootName="합성 AI", classes=classes)
    write_organizations(graph)


def write_organizations(graph: Graph) -> None:
    """The applicant pool (Korean and foreign organizations with their country)."""
    orgs = [{"id": i, "name": n, "country": c} for i, n, c in organizations()]
    graph.write(ORGS_WRITE, rows=orgs)


def write(
    graph: Graph,
    patents: Iterator[PatentRow] | Sequence[PatentRow],
    *,
    batch: int = 20_000,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write patents in batches (one transaction each, grouped by technology)."""
    written = 0
    pending: dict[str, list[dict[str, object]]] = {}
    count = 0

    def flush() -> None:
        for technology, rows in pending.items():
            graph.write(PATENTS_WRITE, technology=technology, rows=rows)
        pending.clear()

    for p in patents:
        pending.setdefault(p.technology, []).append(
            {
                "id": p.id,
                "number": p.number,
                "office": p.office,
                "filingDate": p.filing_date,
                "citations": p.citations,
                "applicant": p.applicant,
            }
        )
        count += 1
        if count % batch == 0:
            flush()
            written = count
            if progress is not None:
                progress(written)
    flush()
    if progress is not None:
        progress(count)
    return count
