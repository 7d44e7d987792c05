/*
name: edition-diff
title: What changed between two editions
description: >
  Field by field, what happened from one edition to the next: added (no predecessor),
  removed (no successor), renamed, rescoped or moved (with the change kind the source
  states), recounted (product count changed), or unchanged. With as_of, the diff as the
  graph stood that day: no row unless both editions had come into force on or before it
  (an edition comes into force on its publishedDate, else on 1 January of its startYear).
params:
  from: {type: string, description: "Earlier edition id", example: "edition:중소기업기술로드맵@2021"}
  to: {type: string, description: "Later edition id", example: "edition:중소기업기술로드맵@2022"}
  as_of: {type: date, default: null, description: "A day (YYYY-MM-DD): no row unless both editions were in force by then", example: "2022-06-01"}
example: stkg query edition-diff -p from=edition:중소기업기술로드맵@2021 -p to=edition:중소기업기술로드맵@2022
*/
MATCH (a:RoadmapEdition {id: $from}), (b:RoadmapEdition {id: $to})
WHERE $as_of IS NULL
   OR all(e IN [a, b] WHERE coalesce(e.publishedDate,
                                     CASE WHEN e.startYear IS NULL THEN null
                                          ELSE date({year: e.startYear}) END) <= $as_of)
CALL (a, b) {
  MATCH (a)-[:HAS_FIELD_VERSION]->(old:FieldVersion)
  OPTIONAL MATCH (old)-[s:SUCCEEDED_BY]->(new:FieldVersion)<-[:HAS_FIELD_VERSION]-(b)
  OPTIONAL MATCH (old)-[:IN_SECTOR]->(so:Sector)
  OPTIONAL MATCH (new)-[:IN_SECTOR]->(sn:Sector)
  RETURN old.name AS before, new.name AS after, so.name AS sectorBefore, sn.name AS sectorAfter,
         old.productCount AS countBefore, new.productCount AS countAfter,
         CASE
           WHEN new IS NULL THEN 'removed'
           WHEN s.changeKind <> 'unchanged' THEN s.changeKind
           WHEN old.productCount <> new.productCount THEN 'recounted'
           ELSE 'unchanged'
         END AS change,
         s.changeNote AS note
  UNION
  MATCH (b)-[:HAS_FIELD_VERSION]->(new:FieldVersion)
  WHERE NOT EXISTS { MATCH (:FieldVersion)<-[:HAS_FIELD_VERSION]-(a) MATCH (new)<-[:SUCCEEDED_BY]-(:FieldVersion)<-[:HAS_FIELD_VERSION]-(a) }
  OPTIONAL MATCH (new)-[:IN_SECTOR]->(sn:Sector)
  RETURN null AS before, new.name AS after, null AS sectorBefore, sn.name AS sectorAfter,
         null AS countBefore, new.productCount AS countAfter, 'added' AS change, null AS note
}
RETURN change, before, after, sectorBefore, sectorAfter, countBefore, countAfter, note
ORDER BY change, coalesce(before, after)
