"""The graph version: one node that every committed write advances (``stkg.graph.version``).

``ADVANCE`` ends every write transaction :class:`~stkg.graph.driver.Graph` runs, so the
version moves exactly when a write commits, in any process. It only updates the node
that is there (``ontology sync`` and ``restore`` create it with ``ENSURE``): a test
wiping the graph leaves no version node behind, and an API without one caches nothing.
Every value is a parameter.

``ADVANCE`` also appends the write to the node's journal (``writeJournal``): the tag it
replaced and what it changed, when it can say (a source document, the nodes of some
classes, named nodes: ``stkg.graph.version.scope_entry``), so a copy of the graph (the
SPARQL store, :mod:`stkg.graph.sparql`) can tell what changed since the tag it holds.

``CLASS_MEMBERS``: the nodes of the labels ``$labels`` (a class-scoped write's nodes)."""

CLASS_MEMBERS = """
UNWIND $labels AS label
MATCH (n:$(label))
RETURN n.id AS id
"""

READ = """
MATCH (v:GraphVersion)
RETURN v.graphVersion AS version, v.versionTag AS tag
ORDER BY v.graphVersion DESC
LIMIT 1
"""

#: ``$scope``: what the write changed, when it can say (the id of the source document it
#: wrote, or ``@`` and the classes whose nodes alone it changed, or a JSON object naming
#: the nodes it changed with either), else ``""``; the journal
#: keeps the last ``$keep`` writes (``stkg.graph.version.JOURNAL``).
ADVANCE = """
MATCH (v:GraphVersion)
WITH v, coalesce(v.versionTag, '') + ' ' + $scope AS entry
SET v.graphVersion = coalesce(v.graphVersion, 0) + 1,
    v.writeJournal = (coalesce(v.writeJournal, []) + [entry])[-$keep..],
    v.versionTag = randomUUID()
"""

#: The version and the journal of the writes that led to it (``stkg.graph.version``).
READ_JOURNAL = """
MATCH (v:GraphVersion)
RETURN v.graphVersion AS version, v.versionTag AS tag, coalesce(v.writeJournal, []) AS journal
ORDER BY v.graphVersion DESC
LIMIT 1
"""

#: The node, created when missing (``ADVANCE``, which ends the same transaction, moves it).
ENSURE = """
MERGE (v:Entity {id: $id})
ON CREATE SET v:GraphVersion, v.graphVersion = 0
"""
