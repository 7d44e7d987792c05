"""Reading entities: by id, with neighbours, a class page by page, a source document.

Used by the API routes; every value is a parameter."""

ENTITY_BY_ID = """
MATCH (n:Entity {id: $id})
RETURN n.id AS id, labels(n) AS labels, n.name AS name, n.nameEn AS nameEn
"""


ENTITY = "MATCH (n:Entity {id: $id}) RETURN n"


NEIGHBOURS = """
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (n)-[r]->(m:Entity) RETURN type(r) AS type, 'out' AS direction, m
  UNION ALL
  MATCH (n)<-[r]-(m:Entity) RETURN type(r) AS type, 'in' AS direction, m
}
WITH type, direction, m
WHERE $evidence OR NOT m:Evidence
RETURN type, direction, m.id AS id, labels(m) AS labels, m.name AS name, m.nameEn AS nameEn
ORDER BY type, direction, id
LIMIT $limit
"""


#: ``{pattern}`` is ``-[r:`TYPE`]->`` or ``<-[r:`TYPE`]-`` with a relationship type checked
#: against the ontology (:func:`stkg.graph.lineage.quoted_types`): a typed expansion, so a
#: page of a node's 2,314 patents reads those relationships and no others.
NEIGHBOUR_PAGE = """
MATCH (n:Entity {id: $id})
MATCH (n){pattern}(m:Entity)
WHERE ($after IS NULL OR m.id > $after)
  AND ($q IS NULL
       OR toLower(coalesce(m.name, m.title, '')) CONTAINS $q
       OR toLower(coalesce(m.nameEn, '')) CONTAINS $q)
RETURN m.id AS id, coalesce(m.name, m.title) AS name, m.nameEn AS nameEn,
       labels(m) AS labels, properties(m) AS properties, properties(r) AS relationship
ORDER BY m.id
LIMIT $limit
"""


#: ``{label}`` is replaced by a label checked against the ontology (see terms.quoted_label).
CLASS_PAGE = """
MATCH (n:{label})
WHERE ($after IS NULL OR n.id > $after)
  AND ($q IS NULL
       OR toLower(coalesce(n.name, '')) CONTAINS $q
       OR toLower(coalesce(n.nameEn, '')) CONTAINS $q)
RETURN n.id AS id, n.name AS name, n.nameEn AS nameEn, labels(n) AS labels
ORDER BY n.id
LIMIT $limit
"""


DOCUMENT = """
MATCH (d:SourceDocument {id: $id})
RETURN d.id AS id, d.origin AS origin, d.sha256 AS sha256, d.title AS title,
       d.mediaType AS mediaType
"""
