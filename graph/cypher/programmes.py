"""Programme links: what an edition, a programme or an entity is linked to, with funding.

Used by the API routes; every value is a parameter. ``PROGRAMME_LINKS`` keeps the links of
the editions in ``$editions`` (a list of edition ids; null: every link), and the links to no
edition when ``$undated``; ``ENTITY_PROGRAMMES`` the links carried by editions in
``$editions``, their field versions and nodes of no edition.

Every row also names the organisation that ran the programme (``managedBy``; the first
by id when several do) and, by the one rule of
:func:`stkg.graph.cypher.asof.body_in_use`, the body of its line of succession that held
it on the link's day (``organization``, ``organizationName``, ``organizationNameEn``;
that day in ``organizationOn``): ``$asOf`` when given, else 1 January of the funding's
``year``, else the day the link's edition came into force, else ``$today`` (a link with
neither). A programme no organisation runs has null in all five."""

from __future__ import annotations

from stkg.graph.cypher.asof import body_in_use, edition_start


def _run_by(carry: str, funding: str, edition: str) -> str:
    """Cypher after the rows ``carry`` (a WITH list) hold programme ``p``: its managing
    body and the body in use on the link's day (see the module's docstring)."""
    return f"""
CALL (p) {{
  OPTIONAL MATCH (p)-[:MANAGED_BY]->(org:Organization)
  RETURN org ORDER BY org.id LIMIT 1
}}
WITH {carry}, org,
     coalesce($asOf, CASE WHEN {funding}.year IS NULL THEN null
                          ELSE date({{year: {funding}.year}}) END,
              {edition_start(edition)}, $today) AS day
{body_in_use("org", "day")}
"""


#: The names of the columns :data:`ORGANIZATION_COLUMNS` adds.
ORGANIZATION_COLUMN_NAMES = (
    "managedBy",
    "organization",
    "organizationName",
    "organizationNameEn",
    "organizationOn",
)

#: The columns every programme link adds about the organisation that ran it.
ORGANIZATION_COLUMNS = """org.id AS managedBy, inUse.id AS organization,
       inUse.name AS organizationName, inUse.nameEn AS organizationNameEn,
       CASE WHEN org IS NULL THEN null ELSE day END AS organizationOn"""

EDITION_LINKS = (
    """
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
"""
    + _run_by("e, subject, p, f", "f", "e")
    + """
RETURN subject.id AS subject, subject.name AS subjectName, labels(subject) AS subjectLabels,
       p.id AS programme, p.name AS programmeName, p.nameEn AS programmeNameEn,
       f.id AS funding, f.amountKrw AS amountKrw, f.year AS year, f.basis AS basis,
       """
    + ORGANIZATION_COLUMNS
    + """
ORDER BY CASE WHEN $byProgramme THEN programme ELSE subject END,
         CASE WHEN $byProgramme THEN subject ELSE programme END, funding
LIMIT $limit
"""
)


PROGRAMME_LINKS = (
    """
MATCH (p:Programme {id: $id})
CALL (p) {
  MATCH (x:Entity)-[:LINKED_PROGRAMME]->(p) RETURN x
  UNION
  MATCH (f:Funding)-[:FUNDS]->(p), (f)-[:FUNDING_FOR]->(x:Entity) RETURN x
}
OPTIONAL MATCH (x)-[:BELONGS_TO_FIELD*0..1]->(:FieldVersion)
               <-[:HAS_FIELD_VERSION]-(owner:RoadmapEdition)
WITH p, x, CASE WHEN x:RoadmapEdition THEN x ELSE owner END AS ed
WITH p, x, ed, ed.id AS edition
WHERE $editions IS NULL OR edition IN $editions OR (edition IS NULL AND $undated)
OPTIONAL MATCH (f:Funding)-[:FUNDS]->(p)
WHERE EXISTS { MATCH (f)-[:FUNDING_FOR]->(x) }
"""
    + _run_by("p, x, ed, edition, f", "f", "ed")
    + """
RETURN DISTINCT x.id AS linked, x.name AS linkedName, labels(x) AS linkedLabels,
       edition, EXISTS { MATCH (x)-[:LINKED_PROGRAMME]->(p) } AS linkedDirectly,
       f.id AS funding, f.amountKrw AS amountKrw, f.year AS year, f.basis AS basis,
       """
    + ORGANIZATION_COLUMNS
    + """
ORDER BY edition, linked, funding
LIMIT $limit
"""
)


ENTITY_PROGRAMMES = (
    """
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
WITH via, CASE WHEN via:RoadmapEdition THEN via ELSE owner END AS ed
WHERE $editions IS NULL OR ed IS NULL OR ed.id IN $editions
CALL (via, ed) {
  // a product's link is dated by the first edition that lists it (not filtered by it)
  OPTIONAL MATCH (via)-[:BELONGS_TO_FIELD]->(:FieldVersion)
                 <-[:HAS_FIELD_VERSION]-(first:RoadmapEdition)
  WITH ed, first ORDER BY """
    + edition_start("first")
    + """
  WITH ed, head(collect(first)) AS earliest
  RETURN coalesce(ed, earliest) AS dated
}
CALL (via) {
  MATCH (via)-[:LINKED_PROGRAMME]->(p:Programme) RETURN p
  UNION
  MATCH (f:Funding)-[:FUNDING_FOR]->(via), (f)-[:FUNDS]->(p:Programme) RETURN p
}
OPTIONAL MATCH (f:Funding)-[:FUNDS]->(p)
WHERE EXISTS { MATCH (f)-[:FUNDING_FOR]->(via) }
"""
    + _run_by("via, dated, p, f", "f", "dated")
    + """
RETURN p.id AS programme, p.name AS programmeName, p.nameEn AS programmeNameEn,
       via.id AS via, labels(via) AS viaLabels,
       f.id AS funding, f.amountKrw AS amountKrw, f.year AS year, f.basis AS basis,
       """
    + ORGANIZATION_COLUMNS
    + """
ORDER BY programme, via, funding
LIMIT $limit
"""
)
