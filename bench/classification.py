"""Time ``stkg patents classify`` on N generated patents and T technologies whose answer is
known, beside what Neo4j's own full-text index takes to answer the same terms.

    python -m bench.classification [-n 100000] [-t 1000] [--batch 20000] [--seed 7]

Starts a Neo4j of its own (:mod:`bench.private_neo4j`, in a temporary folder removed
afterwards), syncs the ontology's schema, and writes T technology classes and N patents
(``UNWIND`` batches of plain ``CREATE``: the load is set-up, not what is measured). Every
technology has a vocabulary of two Korean and two English words of its own; its
expression is ``(K1 OR E1) AND (K2 OR E2*)``. A patent is, by turns:

* **true** for one technology: a title with K1 or E1 and an abstract with K2 or an
  inflected E2 (``E2s``, ``E2ing``), among filler words;
* a **near miss**: K1 or E1 only (one half of the expression);
* **noise**: filler words only.

Filler words and technology words come from disjoint syllable pools, so only the
technology words can make a match. Then it times:

* ``classify_patents`` over every expression (cold: first run after the load; the links
  are written), then again (warm: nothing changes, nothing is written), with precision
  and recall against the known answer and this process's peak RSS;
* the **lineage walk** of ``GET /lineage`` from product 0 down two hops: its core
  technologies, and their patents, as groups where a technology has more than 50;
* the **anchor**: a full-text index over the patents' title and abstract (Lucene, the
  ``cjk`` analyzer stkg's name index uses), queried once per technology for its four
  words, the time summed. It finds candidates only: Lucene's tokens are not the
  space-insensitive Korean substrings and whole English words the expressions define.

Prints one markdown table.
"""

from __future__ import annotations

import argparse
import itertools
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from neo4j import RoutingControl

from bench.private_neo4j import private_neo4j
from bench.query_latency import Latency, percentile
from stkg.graph.analysis.classification import classify_patents
from stkg.graph.driver import Graph, get_driver
from stkg.graph.lineage import walk
from stkg.graph.schema import sync
from stkg.ontology.model import load_ontology
from stkg.ontology.search_expressions import SearchExpression, load_for_ontology
from stkg.queries.catalog import load_catalog

#: Syllables of the technology words and of the filler words: disjoint, so filler never
#: spells a technology word (Korean terms match with the spaces taken out).
TECH_SYLLABLES = "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허고노도로모보소오조초"
FILLER_SYLLABLES = "규뉴듀류뮤뷰슈유쥬츄큐튜퓨휴그느드르므브스으즈츠크트프흐기니디리미비시이지치"
LATIN = "bcdfghjklmnpqrstvwxz"
VOWELS = "aeiou"

#: Core technologies, ten per strategic product (the chain the named query walks).
TECHNOLOGIES = """
UNWIND $rows AS row
CREATE (t:Entity:CoreTechnology {id: row.tech, name: row.tech})
MERGE (p:Entity:StrategicProduct {id: row.product, name: row.product})
CREATE (p)-[:HAS_CORE_TECHNOLOGY]->(t)
"""
PATENTS = """
UNWIND $rows AS row
CREATE (:Entity:Patent {id: row.id, title: row.title, abstract: row.abstract,
        office: row.office, filingDate: date(row.filed), ipcCodes: row.ipc})
"""
FULLTEXT = (
    "CREATE FULLTEXT INDEX bench_patent_texts IF NOT EXISTS FOR (p:Patent) ON EACH "
    "[p.title, p.abstract] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"
)
QUERY_FULLTEXT = (
    "CALL db.index.fulltext.queryNodes('bench_patent_texts', $q) YIELD node RETURN count(node) AS n"
)


@dataclass(frozen=True)
class Vocabulary:
    korean: tuple[str, str]
    english: tuple[str, str]


def _word(rng: random.Random, syllables: str, size: int) -> str:
    return "".join(rng.choice(syllables) for _ in range(size))


def _latin(rng: random.Random, size: int) -> str:
    return "".join(rng.choice(LATIN if i % 2 == 0 else VOWELS) for i in range(size))


def vocabularies(count: int, rng: random.Random) -> list[Vocabulary]:
    """``count`` vocabularies, no word shared and no word inside another's."""
    seen: set[str] = set()
    out: list[Vocabulary] = []
    while len(out) < count:
        words = (_word(rng, TECH_SYLLABLES, 4), _word(rng, TECH_SYLLABLES, 4))
        latin = (_latin(rng, 9), _latin(rng, 9))
        if {*words, *latin} & seen or words[0] == words[1] or latin[0] == latin[1]:
            continue
        seen.update((*words, *latin))
        out.append(Vocabulary(words, latin))
    return out


def expressions_toml(vocabs: list[Vocabulary]) -> str:
    tables = []
    for i, v in enumerate(vocabs):
        expr = f"({v.korean[0]} OR {v.english[0]}) AND ({v.korean[1]} OR {v.english[1]}*)"
        tables.append(f"[[technology]]\nid = \"coretech:bench{i}\"\nexpression = '{expr}'\n")
    return "\n".join(tables)


def patents(
    n: int, vocabs: list[Vocabulary], rng: random.Random, truth: set[tuple[str, str]]
) -> Iterator[dict[str, Any]]:
    """The patent rows, one at a time; the true (patent, technology) pairs go to ``truth``."""
    offices = ("KR", "US", "JP", "CN", "EP")

    def filler(words: int) -> list[str]:
        return [
            _word(rng, FILLER_SYLLABLES, 2) if rng.random() < 0.6 else _latin(rng, 6)
            for _ in range(words)
        ]

    for i in range(n):
        pid = f"patent:KR:bench-{i:07d}"
        title, abstract = filler(4), filler(30)
        kind = i % 3
        tech = rng.randrange(len(vocabs))
        v = vocabs[tech]
        if kind < 2:
            title.insert(rng.randrange(5), rng.choice((v.korean[0], v.english[0])))
        if kind == 0:
            second = rng.choice((v.korean[1], v.english[1] + rng.choice(("s", "ing", "ed"))))
            abstract.insert(rng.randrange(31), second)
            truth.add((pid, f"coretech:bench{tech}"))
        yield {
            "id": pid,
            "title": " ".join(title),
            "abstract": " ".join(abstract),
            "office": offices[i % 5],
            "filed": f"{2010 + i % 15}-0{1 + i % 9}-1{i % 9}",
            "ipc": ["G06N 3/08"],
        }


def load(
    graph: Graph, vocabs: list[Vocabulary], rows: Iterator[dict[str, Any]], batch: int
) -> float:
    """Write the technologies and the patents, ``batch`` at a time (only a batch in memory)."""
    began = time.perf_counter()
    sync(graph)
    graph.write(
        TECHNOLOGIES,
        rows=[
            {"tech": f"coretech:bench{i}", "product": f"product:bench{i // 10}"}
            for i in range(len(vocabs))
        ],
    )
    while chunk := list(itertools.islice(rows, batch)):
        graph.write(PATENTS, rows=chunk)
    return time.perf_counter() - began


def classify(
    graph: Graph, expressions: list[SearchExpression], truth: set[tuple[str, str]]
) -> dict[str, float]:
    began = time.perf_counter()
    report = classify_patents(graph, expressions)
    seconds = time.perf_counter() - began
    found = {
        (r["p"], r["t"])
        for r in graph.read(
            "MATCH (p:Patent)-[:MATCHES_TECHNOLOGY]->(t) RETURN p.id AS p, t.id AS t"
        )
    }
    hits = len(found & truth)
    return {
        "seconds": seconds,
        "written": report.added + report.changed + report.removed,
        "precision": hits / len(found) if found else 0.0,
        "recall": hits / len(truth) if truth else 0.0,
        "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def anchor(graph: Graph, vocabs: list[Vocabulary]) -> dict[str, float]:
    began = time.perf_counter()
    with graph.driver.session(database=graph.database) as session:
        session.run(FULLTEXT).consume()
        session.run("CALL db.awaitIndexes(3600)").consume()
    built = time.perf_counter() - began
    began = time.perf_counter()
    candidates = 0
    for v in vocabs:
        q = f"{v.korean[0]} OR {v.english[0]} OR {v.korean[1]} OR {v.english[1]}*"
        candidates += graph.read(QUERY_FULLTEXT, q=q)[0]["n"]
    return {"build": built, "seconds": time.perf_counter() - began, "candidates": candidates}


def chain(graph: Graph, runs: int) -> Latency:
    """The named query ``technology-patents`` for product 0 (its ten core technologies'
    patents by filing year and office) through the bare driver, ``runs`` times."""
    query = load_catalog()["technology-patents"]
    params = query.bind({"technology": "product:bench0"})
    if not graph.rows(query.cypher, params, max_rows=1).rows:
        raise RuntimeError("technology-patents: no rows for product:bench0")
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        graph.driver.execute_query(
            query.cypher, params, database_=graph.database, routing_=RoutingControl.READ
        )
        samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return Latency(runs, *(percentile(samples, q) for q in (50, 95, 99)))


def lineage(graph: Graph, runs: int) -> tuple[Latency, int, int]:
    """``GET /lineage``'s walk from product 0 down two hops (its ten core technologies, then
    their patents, each core technology's a group once it has more than the default 50),
    ``runs`` times; with the nodes drawn and the patents standing in groups."""
    shown = walk(graph, "product:bench0", direction="down", depth=2)
    grouped = sum(g["count"] for g in shown["groups"])
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        walk(graph, "product:bench0", direction="down", depth=2)
        samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return (
        Latency(runs, *(percentile(samples, q) for q in (50, 95, 99))),
        len(shown["nodes"]),
        grouped,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.classification", description=__doc__)
    parser.add_argument("-n", type=int, default=100_000, help="patents to generate")
    parser.add_argument("-t", type=int, default=1000, help="technologies (expressions)")
    parser.add_argument("--batch", type=int, default=20_000, help="patents per write")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=200, help="timed runs of the chain query")
    args = parser.parse_args(argv)
    progress: Callable[[str], None] = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731
    rng = random.Random(args.seed)
    vocabs = vocabularies(args.t, rng)
    truth: set[tuple[str, str]] = set()
    rows = patents(args.n, vocabs, rng, truth)
    with tempfile.TemporaryDirectory(prefix="stkg-classify-bench-") as tmp:
        folder = Path(tmp)
        toml = folder / "bench.toml"
        toml.write_text(expressions_toml(vocabs), encoding="utf-8")
        expressions = load_for_ontology(load_ontology(), [toml])
        with private_neo4j(folder / "home") as server:
            settings = server.settings.model_copy(update={"neo4j_timeout": 3600.0})
            graph = Graph(get_driver(settings), settings.neo4j_database)
            progress(f"loading {args.n:,} patents and {args.t:,} technologies")
            loaded = load(graph, vocabs, rows, args.batch)
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            progress(f"loaded in {loaded:.0f} s; classifying")
            cold = classify(graph, expressions, truth)
            progress(f"cold {cold['seconds']:.1f} s; again")
            warm = classify(graph, expressions, truth)
            progress("the chain query")
            latency = chain(graph, args.runs)
            progress("the lineage walk")
            walked, drawn, grouped = lineage(graph, args.runs)
            progress("the full-text anchor")
            lucene = anchor(graph, vocabs)
            graph.driver.close()
    print(f"| patents | technologies | true links | classify, cold (links written) | "
          f"classify, warm (nothing to write) | precision / recall | "
          f"peak RSS: loaded → classified | "
          f"full-text index: build / {args.t:,} queries (candidates) | "
          f"chain query p50 / p95 / p99 ({args.runs} runs) | "
          f"lineage walk p50 / p95 / p99: nodes drawn, patents in groups |")  # fmt: skip
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(
        f"| {args.n:,} | {args.t:,} | {len(truth):,} | {cold['seconds']:.1f} s "
        f"({cold['written']:,.0f}) | {warm['seconds']:.1f} s | "
        f"{cold['precision']:.3f} / {cold['recall']:.3f} | "
        f"{before:,.0f} → {warm['rss_mib']:,.0f} MiB | "
        f"{lucene['build']:.1f} s / {lucene['seconds']:.1f} s ({lucene['candidates']:,}) | "
        f"{latency.p50:.1f} / {latency.p95:.1f} / {latency.p99:.1f} ms | "
        f"{walked.p50:.1f} / {walked.p95:.1f} / {walked.p99:.1f} ms: {drawn:,}, {grouped:,} |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
