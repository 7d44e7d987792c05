"""A relationship's evidence (its ``evidence`` id list → Evidence → SourceDocument).

Used by the API routes; every value is a parameter."""

RELATIONSHIP_EXISTS = """
MATCH (a:Entity {id: $start})-[r]->(b:Entity {id: $end})
WHERE type(r) = $type
RETURN count(r) AS n
"""


RELATIONSHIP_EVIDENCE = """
MATCH (a:Entity {id: $start})-[r]->(b:Entity {id: $end})
WHERE type(r) = $type
UNWIND coalesce(r.evidence, []) AS eid
MATCH (x:Evidence {id: eid})-[:CITES_DOCUMENT]->(d:SourceDocument)
RETURN DISTINCT d.id AS document,
       d.origin AS origin,
       d.title AS title,
       x.id AS evidence,
       x.spanStart AS spanStart,
       x.spanEnd AS spanEnd,
       x.tableId AS tableId,
       x.tableRow AS tableRow,
       x.tableColumn AS tableColumn,
       x.page AS page,
       x.quote AS quote
ORDER BY origin, spanStart
LIMIT $limit
"""
