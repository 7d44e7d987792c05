"""The graph version: one node that every committed write advances (``stkg.graph.version``).

``ADVANCE`` ends every write transaction :class:`~stkg.graph.driver.Graph` runs, so the
version moves exactly when a write commits, in any process. It only updates the node
that is there (``ontology sync`` and ``restore`` create it with ``ENSURE``): a test
wiping the graph leaves no version node behind, and an API without one caches nothing.
Every value is a parameter."""

READ = """
MATCH (v:GraphVersion)
RETURN v.graphVersion AS version, v.versionTag AS tag
ORDER BY v.graphVersion DESC
LIMIT 1
"""

ADVANCE = """
MATCH (v:GraphVersion)
SET v.graphVersion = coalesce(v.graphVersion, 0) + 1, v.versionTag = randomUUID()
"""

#: The node, created when missing (``ADVANCE``, which ends the same transaction, moves it).
ENSURE = """
MERGE (v:Entity {id: $id})
ON CREATE SET v:GraphVersion, v.graphVersion = 0
"""
