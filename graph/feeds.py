"""Feed subscriptions and web-document versions in the graph: the Cypher web ingest needs.

``stkg.ingest.web.store.FeedStore`` turns these rows into its ``Feed`` and
``HeldVersion`` records; the documents themselves are written by ``FactWriter``.
Every schema name comes from the ontology. Each write changes one feed node (and, when it
goes, its relationships) and names it in the graph version's journal, so the SPARQL store
reloads that node and its neighbours instead of rebuilding.
"""

from __future__ import annotations

from typing import Any

from stkg.graph.driver import Graph
from stkg.graph.version import touching
from stkg.ontology.model import Ontology
from stkg.ontology.names import quote_name

_KEYS = (
    "id",
    "feedUrl",
    "feedKeywords",
    "feedFields",
    "name",
    "httpEtag",
    "httpLastModified",
    "lastPolled",
    "origin",
    "sha256",
    "retrievedAt",
)


class FeedRecords:
    """Reads and writes ``Feed`` nodes and asks which version of a web document is held."""

    def __init__(self, graph: Graph, onto: Ontology) -> None:
        self.graph = graph
        self._e = quote_name(onto.label("Entity"))
        self._feed = quote_name(onto.label("Feed"))
        self._feed_labels = ":".join(quote_name(label) for label in onto.labels_of("Feed"))
        self._doc = quote_name(onto.label("SourceDocument"))
        self._supersedes = quote_name(onto.rel("supersedes"))
        #: ontology local name → Neo4j property key
        self.keys = {n: onto.prop(n) for n in _KEYS}
        self._p = {n: quote_name(key) for n, key in self.keys.items()}

    def subscribe(self, feed_id: str, url: str, keywords: list[str], fields: list[str]) -> None:
        """Create the feed or change its filter (its validators are kept)."""
        p = self._p
        with touching(nodes=[feed_id]):
            self.graph.write(
                f"MERGE (f:{self._e} {{{p['id']}: $id}}) SET f:{self._feed_labels} "
                f"SET f.{p['feedUrl']} = $url, f.{p['feedKeywords']} = $keywords, "
                f"f.{p['feedFields']} = $fields",
                id=feed_id,
                url=url,
                keywords=keywords,
                fields=fields,
            )

    def unsubscribe(self, feed_id: str) -> bool:
        p = self._p
        with touching(nodes=[feed_id]):  # its neighbours are reloaded with it
            rows = self.graph.write(
                f"MATCH (f:{self._feed} {{{p['id']}: $id}}) DETACH DELETE f RETURN count(*) AS n",
                id=feed_id,
            )
        return bool(rows and rows[0]["n"])

    def feeds(self) -> list[dict[str, Any]]:
        """Every feed as ``id, url, keywords, fields, name, etag, last_modified, last_polled``."""
        p = self._p
        return self.graph.read(
            f"MATCH (f:{self._feed}) RETURN f.{p['id']} AS id, f.{p['feedUrl']} AS url, "
            f"f.{p['feedKeywords']} AS keywords, f.{p['feedFields']} AS fields, "
            f"f.{p['name']} AS name, f.{p['httpEtag']} AS etag, "
            f"f.{p['httpLastModified']} AS last_modified, f.{p['lastPolled']} AS last_polled "
            f"ORDER BY url"
        )

    def update(self, feed_id: str, props: dict[str, Any]) -> None:
        """Set ``props`` (Neo4j property keys, see :attr:`keys`) on the feed."""
        p = self._p
        with touching(nodes=[feed_id]):
            self.graph.write(
                f"MATCH (f:{self._feed} {{{p['id']}: $id}}) SET f += $props",
                id=feed_id,
                props=props,
            )

    def held_version(self, origin: str) -> dict[str, Any] | None:
        """``id, sha, etag, last_modified`` of the newest document read from ``origin``."""
        p = self._p
        rows = self.graph.read(
            f"MATCH (d:{self._doc} {{{p['origin']}: $origin}}) "
            f"WHERE NOT ()-[:{self._supersedes}]->(d) "
            f"RETURN d.{p['id']} AS id, d.{p['sha256']} AS sha, d.{p['httpEtag']} AS etag, "
            f"d.{p['httpLastModified']} AS last_modified "
            f"ORDER BY d.{p['retrievedAt']} DESC LIMIT 1",
            origin=origin,
        )
        return rows[0] if rows else None
