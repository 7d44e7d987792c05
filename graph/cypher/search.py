"""Finding entities by name: the full-text index when online, a substring match otherwise.

Used by the API routes; every value is a parameter."""

INDEX_ONLINE = """
SHOW FULLTEXT INDEXES YIELD name, state
WHERE name = $index AND state = 'ONLINE'
RETURN count(*) AS n
"""


FULLTEXT = """
CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
WHERE ($label IS NULL OR $label IN labels(node)) AND node.id IS NOT NULL
RETURN node.id AS id, node.name AS name, node.nameEn AS nameEn, labels(node) AS labels,
       score
ORDER BY score DESC, id
LIMIT $limit
"""


CONTAINS = """
MATCH (n:Entity)
WHERE ($label IS NULL OR $label IN labels(n))
  AND (toLower(coalesce(n.name, '')) CONTAINS $q
       OR toLower(coalesce(n.nameEn, '')) CONTAINS $q
       OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS $q))
WITH n, CASE WHEN toLower(coalesce(n.name, '')) = $q OR toLower(coalesce(n.nameEn, '')) = $q
                  OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) = $q)
             THEN 1.0 ELSE 0.5 END AS score
RETURN n.id AS id, n.name AS name, n.nameEn AS nameEn, labels(n) AS labels, score
ORDER BY score DESC, size(coalesce(n.name, '')), id
LIMIT $limit
"""
