"""Three ways to load the same patent rows, timed: stkg's writer and its two anchors.

* stkg: :meth:`FactWriter.write_documents` reading the same CSV file, one document (= one
  transaction) per ``batch`` patents — the path every user write takes;
* anchor 1: Neo4j's own ``LOAD CSV WITH HEADERS … CALL { … } IN TRANSACTIONS`` of the same
  rows from a CSV file in the server's import directory — what the database does natively;
* anchor 2: the naive client, one MERGE transaction per row — what not batching costs.

Each loader MERGEs on ``Entity.id`` (the unique constraint ``stkg ontology sync`` makes)
and links the patent to its applicant and core technology, so the rows written are the
same; the patents are deleted between loaders.
"""

from __future__ import annotations

import csv
import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.generate import PatentRow, patent_document
from stkg.graph.driver import Graph
from stkg.graph.facts import FactSet
from stkg.graph.writer import FactWriter

__all__ = ["LoadTiming", "delete_patents", "load_csv", "naive", "stkg_writer", "write_csv"]

CSV_NAME = "stkg-bench-patents.csv"
CSV_HEADER = ("id", "office", "number", "filingDate", "citations", "ipc", "applicant", "coretech")

#: the body both anchors run for one row (LOAD CSV gives strings, so does the naive client)
ROW_BODY = """
  MATCH (c:Entity {id: row.coretech})
  MATCH (o:Entity {id: row.applicant})
  MERGE (p:Entity {id: row.id})
  SET p:Patent, p.office = row.office, p.applicationNumber = row.number,
      p.filingDate = date(row.filingDate), p.citationCount = toInteger(row.citations),
      p.ipcCodes = split(row.ipc, ';')
  MERGE (c)-[:HAS_PATENT]->(p)
  MERGE (p)-[:APPLIED_BY]->(o)
"""
LOAD_CSV = "LOAD CSV WITH HEADERS FROM $url AS row CALL (row) {%s} IN TRANSACTIONS OF %d ROWS"
NAIVE = "WITH $row AS row" + ROW_BODY
PATENT_ORIGINS = "bench://patents/"
DELETE_DOCUMENTS = "MATCH (d:SourceDocument) WHERE d.origin STARTS WITH $prefix DETACH DELETE d"
DELETE_PATENTS = "MATCH (p:Patent) CALL (p) { DETACH DELETE p } IN TRANSACTIONS OF 10000 ROWS"


@dataclass(frozen=True)
class LoadTiming:
    rows: int
    seconds: float

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else float("inf")


def write_csv(path: Path, rows: Iterable[PatentRow]) -> int:
    """The rows as the CSV ``LOAD CSV WITH HEADERS`` reads; returns how many."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=CSV_HEADER)
        writer.writeheader()
        for row in rows:
            writer.writerow(row.csv_row())
            count += 1
    return count


def load_csv(graph: Graph, file_name: str, rows: int, batch: int) -> LoadTiming:
    """``LOAD CSV … IN TRANSACTIONS`` (an auto-commit query, as Neo4j requires)."""
    statement = LOAD_CSV % (ROW_BODY, int(batch))
    began = time.perf_counter()
    with graph.driver.session(database=graph.database) as session:
        session.run(statement, url=f"file:///{file_name}").consume()
    return LoadTiming(rows, time.perf_counter() - began)


def naive(graph: Graph, rows: list[PatentRow]) -> LoadTiming:
    """One managed transaction per row, as a client that never batches does it."""
    began = time.perf_counter()
    for row in rows:
        graph.write(NAIVE, row=row.csv_row())
    return LoadTiming(len(rows), time.perf_counter() - began)


def read_csv(path: Path) -> Iterator[PatentRow]:
    """The rows of a file :func:`write_csv` wrote."""
    with path.open(encoding="utf-8", newline="") as source:
        for row in csv.DictReader(source):
            yield PatentRow.from_csv_row(row)


def stkg_writer(
    writer: FactWriter,
    csv_path: Path,
    batch: int,
    progress: Callable[[int], None] | None = None,
) -> LoadTiming:
    """The same CSV file LOAD CSV read, through ``FactWriter.write_documents``.

    ``batch`` patents per document, one transaction each; the CSV is parsed and the next
    document's facts built in a background thread while the current one is written (what
    ``write_documents`` does for every bulk write). The clock covers reading the file, as
    LOAD CSV's does.
    """
    counts: list[int] = []

    def documents() -> Iterator[tuple[dict[str, Any], FactSet]]:
        rows = read_csv(csv_path)
        for n in itertools.count():
            chunk = list(itertools.islice(rows, batch))
            if not chunk:
                return
            counts.append(len(chunk))
            yield patent_document(n, chunk)

    done = 0
    began = time.perf_counter()
    for i, _summary in enumerate(writer.write_documents(documents())):
        done += counts[i]
        if progress is not None:
            progress(done)
    return LoadTiming(done, time.perf_counter() - began)


def delete_patents(graph: Graph) -> None:
    """Remove every patent (and its relationships) between two loaders."""
    with graph.driver.session(database=graph.database) as session:
        session.run(DELETE_PATENTS).consume()


def delete_patent_documents(graph: Graph) -> None:
    """Remove the documents of patent batches, so the same batches can be written anew."""
    graph.write(DELETE_DOCUMENTS, prefix=PATENT_ORIGINS)


def patent_count(graph: Graph) -> int:
    return int(graph.read("MATCH (p:Patent) RETURN count(p) AS n")[0]["n"])
