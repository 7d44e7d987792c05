"""What the SPARQL store (``stkg.graph.sparql``) reads to follow the documents written
since it last read the graph, and to reload the nodes they touched. Every value is a
parameter.

A document touches its *family* (every version of it: the source documents with its
``origin``), the evidence citing them, the nodes that evidence supports and the ingest
runs that processed them (``CORE``); the store reloads those nodes and their neighbours
(``NEIGHBOURS``: the ends of every relationship they have, which a document may have
written without evidence), each with the relationships that leave it (``SUBJECTS``,
``SUBJECT_RELATIONSHIPS``)."""

#: The family, evidence, supported nodes and runs of the documents ``$documents``.
CORE = """
UNWIND $documents AS doc
MATCH (w:Entity {id: doc}) WHERE w:SourceDocument
MATCH (d:SourceDocument {origin: w.origin})
WITH DISTINCT d
RETURN d.id AS id, d.origin AS origin,
  COLLECT { MATCH (x:Evidence)-[:CITES_DOCUMENT]->(d) RETURN x.id } AS evidence,
  COLLECT {
    MATCH (x:Evidence)-[:CITES_DOCUMENT]->(d) MATCH (x)-[:SUPPORTS]->(n:Entity)
    RETURN DISTINCT n.id
  } AS supported,
  COLLECT { MATCH (r:IngestRun)-[:PROCESSED_DOCUMENT]->(d) RETURN r.id } AS runs
"""

#: The nodes at the other end of any relationship of the nodes ``$ids`` (at most
#: ``$limit``; the version node never).
NEIGHBOURS = """
UNWIND $ids AS id
MATCH (:Entity {id: id})--(m:Entity)
WHERE NOT m:GraphVersion
RETURN DISTINCT m.id AS id
LIMIT $limit
"""

#: The nodes ``$ids`` as the export reads them (the version node never).
SUBJECTS = """
UNWIND $ids AS id
MATCH (n:Entity {id: id}) WHERE NOT n:GraphVersion
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
"""

#: The relationships leaving the nodes ``$ids``, as the export reads them.
SUBJECT_RELATIONSHIPS = """
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
RETURN a.id AS a, type(r) AS t, b.id AS b, labels(b) AS bl, properties(r) AS props
"""
