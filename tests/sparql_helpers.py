"""What the SPARQL store's tests compare: a store that caught up with the graph against a
store built from scratch (``stkg.graph.sparql``)."""

from __future__ import annotations

import pyoxigraph as ox

from stkg.graph.driver import Graph
from stkg.graph.sparql import SparqlStore, build_store, solutions
from stkg.graph.version import read_version
from stkg.ontology.ids import INSTANCE_NS
from stkg.ontology.model import Ontology


def rows(store: SparqlStore, query: str) -> list[dict[str, object]]:
    answer, _ = store.query(query, max_rows=1000, timeout=30)
    return list(solutions(answer))


def instances(store: ox.Store) -> set[ox.Triple]:
    """Every triple about an instance (the ontology's blank nodes differ from store to
    store; the instances' triples must not)."""
    return {
        q.triple
        for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(INSTANCE_NS)
    }


def same_as_a_rebuild(store: SparqlStore, graph: Graph, onto: Ontology) -> None:
    held, _ = store.current()
    fresh, _ = build_store(graph, onto)
    extra, missing = instances(held) - instances(fresh), instances(fresh) - instances(held)
    assert not extra and not missing, (sorted(map(str, extra))[:5], sorted(map(str, missing))[:5])


def caught_up_incrementally(store: SparqlStore, graph: Graph, onto: Ontology) -> None:
    """The store follows the writes since it last caught up without a rebuild, and holds
    what a store built from scratch holds."""
    rebuilds = store.rebuilds
    store.current()
    assert store.status is not None and store.status.last_sync is not None
    sync = store.status.last_sync
    assert (sync.mode, store.rebuilds) == ("incremental", rebuilds), sync.reason
    assert store.status.version == read_version(graph)
    same_as_a_rebuild(store, graph, onto)
