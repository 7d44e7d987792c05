"""Programme links: what an edition, a programme or an entity is linked to, with funding.

Used by the API routes; every value is a parameter. ``PROGRAMME_LINKS`` keeps the links of
the editions in ``$editions`` (a list of edition ids; null: every link), and the links to no
edition when ``$undated``; ``ENTITY_PROGRAMMES`` the links carried by editions in
``$editions``, their field versions and nodes of no edition."""

EDITION_LINKS = """
MATCH (e:RoadmapEdition {id: $edition})
CALL (e) {
  MATCH (e)-[:LINKED_PROGRAMME]->(p:Programme) RETURN e AS subject, p
  UNION
  MATCH (f:Funding)-[:FUNDING_FOR]->(e), (f)-[:FUNDS]->(p:Programme) RETURN e AS subject, p
  UNION
  MATCH (e)-[:HAS_FIELD_VERSION]->(v:FieldVersion)-[:LINKED_PROGRAMME]->(p:Programme)
  RETURN v AS subject, p
  UNION
  MATCH (e)-[:HAS_FIELD_VERSION]->(:FieldVersion)<-[:BELONGS_TO_FIELD]-(s:StrategicProduct)
  MATCH (s)-[:LINKED_PROGRAMME]->(p:Programme)
  RETURN s AS subject, p
}
OPTIONAL MATCH (f:Funding)-[:FUNDS]->(p)
WHERE EXISTS { MATCH (f)-[:FUNDING_FOR]->(t) WHERE t = subject OR t = e }
RETURN subject.id AS subject, subject.name AS subjectName, labels(subject) AS subjectLabels,
       p.id AS programme, p.name AS programmeName, p.nameEn AS programmeNameEn,
       f.id AS funding, f.amountKrw AS amountKrw, f.year AS year, f.basis AS basis
ORDER BY CASE WHEN $byProgramme THEN programme ELSE subject END,
         CASE WHEN $byProgramme THEN subject ELSE programme END, funding
LIMIT $limit
"""


PROGRAMME_LINKS = """
MATCH (p:Programme {id: $id})
CALL (p) {
  MATCH (x:Entity)-[:LINKED_PROGRAMME]->(p) RETURN x
  UNION
  MATCH (f:Funding)-[:FUNDS]->(p), (f)-[:FUNDING_FOR]->(x:Entity) RETURN x
}
OPTIONAL MATCH (x)-[:BELONGS_TO_FIELD*0..1]->(:FieldVersion)
               <-[:HAS_FIELD_VERSION]-(owner:RoadmapEdition)
WITH p, x, CASE WHEN x:RoadmapEdition THEN x.id ELSE owner.id END AS edition
WHERE $editions IS NULL OR edition IN $editions OR (edition IS NULL AND $undated)
OPTIONAL MATCH (f:Funding)-[:FUNDS]->(p)
WHERE EXISTS { MATCH (f)-[:FUNDING_FOR]->(x) }
RETURN DISTINCT x.id AS linked, x.name AS linkedName, labels(x) AS linkedLabels,
       edition, EXISTS { MATCH (x)-[:LINKED_PROGRAMME]->(p) } AS linkedDirectly,
       f.id AS funding, f.amountKrw AS amountKrw, f.year AS year, f.basis AS basis
ORDER BY edition, linked, funding
LIMIT $limit
"""


ENTITY_PROGRAMMES = """
MATCH (n:Entity {id: $id})
CALL (n) {
  RETURN n AS via
  UNION
  MATCH (n)-[:BELONGS_TO_FIELD]->(v:FieldVersion) RETURN v AS via
  UNION
  MATCH (n)<-[:VERSION_OF]-(v:FieldVersion) RETURN v AS via
  UNION
  MATCH (n)-[:BELONGS_TO_FIELD]->(:FieldVersion)<-[:HAS_FIELD_VERSION]-(e:RoadmapEdition)
  RETURN e AS via
  UNION
  MATCH (n)<-[:VERSION_OF]-(:FieldVersion)<-[:HAS_FIELD_VERSION]-(e:RoadmapEdition)
  RETURN e AS via
  UNION
  MATCH (n)<-[:HAS_FIELD_VERSION]-(e:RoadmapEdition) RETURN e AS via
}
OPTIONAL MATCH (owner:RoadmapEdition)-[:HAS_FIELD_VERSION]->(via)
WITH via, CASE WHEN via:RoadmapEdition THEN via.id ELSE owner.id END AS viaEdition
WHERE $editions IS NULL OR viaEdition IS NULL OR viaEdition IN $editions
CALL (via) {
  MATCH (via)-[:LINKED_PROGRAMME]->(p:Programme) RETURN p
  UNION
  MATCH (f:Funding)-[:FUNDING_FOR]->(via), (f)-[:FUNDS]->(p:Programme) RETURN p
}
OPTIONAL MATCH (f:Funding)-[:FUNDS]->(p)
WHERE EXISTS { MATCH (f)-[:FUNDING_FOR]->(via) }
RETURN p.id AS programme, p.name AS programmeName, p.nameEn AS programmeNameEn,
       via.id AS via, labels(via) AS viaLabels,
       f.id AS funding, f.amountKrw AS amountKrw, f.year AS year, f.basis AS basis
ORDER BY programme, via, funding
LIMIT $limit
"""
