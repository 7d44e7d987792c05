"""Reading a whole database for a backup's manifest, what a restore would replace, and
emptying it (``stkg.graph.wipe``).

The fingerprint reads every node and relationship; nodes are named by their key property
(``$key``, then ``$alt``; both are parameters, the ontology supplies them), never by
Neo4j's element ids, so a store loaded from a dump fingerprints like the one dumped.
"""

FINGERPRINT_NODES = """
MATCH (n)
WHERE none(label IN labels(n) WHERE label IN $exclude)
RETURN coalesce(n[$key], n[$alt]) AS key, labels(n) AS labels, properties(n) AS props
"""

FINGERPRINT_RELATIONSHIPS = """
MATCH (a)-[r]->(b)
WHERE none(label IN labels(a) WHERE label IN $exclude)
  AND none(label IN labels(b) WHERE label IN $exclude)
WITH a, r, b, coalesce(a[$key], a[$alt]) AS start, coalesce(b[$key], b[$alt]) AS end
RETURN start, CASE WHEN start IS NULL THEN properties(a) END AS startProps,
       type(r) AS type,
       end, CASE WHEN end IS NULL THEN properties(b) END AS endProps,
       properties(r) AS props
"""

COUNTS = """
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
"""

#: Whether any node carries the label ``$label`` (the instance graph: ``Entity``) and
#: not ``$version`` (the graph version node, there once the ontology is synced).
HAS_LABELLED_NODE = """
RETURN EXISTS { MATCH (n) WHERE $label IN labels(n) AND NOT $version IN labels(n) } AS found
"""


#: Every node and relationship in one write transaction (a graph of up to a batch).
DELETE_ALL = "MATCH (n) DETACH DELETE n"

#: Every relationship, then every node, ``$rows`` per transaction; ``IN TRANSACTIONS``
#: commits batch by batch, so these run only as auto-commit queries.
DELETE_IN_BATCHES = (
    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF $rows ROWS",
    "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF $rows ROWS",
)
