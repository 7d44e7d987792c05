"""Candidate entities awaiting review (``stkg review``).

Every value is a parameter."""

CANDIDATES = """
MATCH (n:Entity {extractionStatus: 'candidate'})
WHERE $label IS NULL OR $label IN labels(n)
OPTIONAL MATCH (n)<-[:SUPPORTS]-(x:Evidence)-[:CITES_DOCUMENT]->(d:SourceDocument)
WITH n, count(DISTINCT d) AS documents, collect(DISTINCT x.extractedBy) AS extractors,
     max(x.confidence) AS confidence, collect(DISTINCT x.quote)[..3] AS quotes
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name,
       n.aliases AS aliases, documents, extractors, confidence, quotes
ORDER BY documents DESC, confidence DESC, id
LIMIT $limit
"""

NODE = """
MATCH (n:Entity {id: $id})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name,
       n.aliases AS aliases, n.extractionStatus AS status
"""

SET_STATUS = """
MATCH (n:Entity {id: $id}) SET n.extractionStatus = $status RETURN n.id AS id
"""

#: The candidate's evidence now supports the target, which gains its name as an alias.
MERGE_INTO = """
MATCH (c:Entity {id: $id}), (t:Entity {id: $into})
OPTIONAL MATCH (c)<-[s:SUPPORTS]-(x:Evidence)
FOREACH (_ IN CASE WHEN x IS NULL THEN [] ELSE [1] END | MERGE (x)-[:SUPPORTS]->(t))
DELETE s
WITH DISTINCT c, t
SET t.aliases = coalesce(t.aliases, []) +
    [a IN [c.name] + coalesce(c.aliases, []) WHERE NOT a IN coalesce(t.aliases, []) AND a <> t.name]
DETACH DELETE c
RETURN t.id AS id
"""
