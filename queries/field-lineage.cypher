/*
name: field-lineage
title: Long lineage of a strategic field through every edition
description: >
  A field followed through every edition of its series along the crosswalk mappings
  between consecutive editions, forwards and backwards, splits and merges included: one
  row holding the DAG, `nodes` (field versions with edition, year, sector and field concepts) and `edges`
  (mappings with SKOS relation, change kind, basis and confidence; a dropped field's edge
  has no target, a new field's no source). By default only stated and reviewed mappings
  are followed; `include=proposed` adds the proposed ones. Give a field id or name, a
  name printed in any edition, or a field version id. With as_of, the lineage as it stood
  that day: only the versions of editions in force on or before it (an edition comes into
  force on its publishedDate, else on 1 January of its startYear) and the mappings between
  them, a field dropped only once the next edition came in; no row when none was in force.
params:
  field: {type: string, description: "Field id or name, or field version id", example: "드론"}
  include: {type: string, enum: [reviewed, proposed], default: reviewed, description: "reviewed: stated and reviewed mappings; proposed: also the proposed ones"}
  as_of: {type: date, default: null, description: "A day (YYYY-MM-DD): only the editions in force on or before it", example: "2022-06-01"}
example: stkg query field-lineage -p field=드론 -p include=proposed
*/
MATCH (v:FieldVersion)
WHERE v.id = $field OR v.name = $field
   OR EXISTS { MATCH (v)-[:VERSION_OF]->(f:StrategicField) WHERE f.id = $field OR f.name = $field }
WITH collect(v) AS starts,
     CASE $include WHEN 'proposed' THEN ['stated', 'reviewed', 'proposed']
                   ELSE ['stated', 'reviewed'] END AS bases
WHERE size(starts) > 0
CALL (starts, bases) {
  UNWIND starts AS s
  OPTIONAL MATCH (s) ((:FieldVersion)<-[:MAPS_FROM]-(m:CrosswalkMapping)-[:MAPS_TO]->(:FieldVersion)
                      WHERE m.mappingBasis IN bases){1,40} (later:FieldVersion)
  WITH s, collect(DISTINCT later) AS after
  OPTIONAL MATCH (earlier:FieldVersion) ((:FieldVersion)<-[:MAPS_FROM]-(m:CrosswalkMapping)-[:MAPS_TO]->(:FieldVersion)
                      WHERE m.mappingBasis IN bases){1,40} (s)
  WITH s, after, collect(DISTINCT earlier) AS before
  UNWIND [s] + after + before AS x
  RETURN collect(DISTINCT x) AS reached
}
CALL (reached, bases) {
  UNWIND reached AS v
  MATCH (v)<-[:MAPS_FROM|MAPS_TO]-(m:CrosswalkMapping)
  WHERE m.mappingBasis IN bases
  WITH DISTINCT m
  MATCH (m)-[:FROM_EDITION]->(fe:RoadmapEdition), (m)-[:TO_EDITION]->(te:RoadmapEdition)
  WHERE $as_of IS NULL
     OR (coalesce(fe.publishedDate, CASE WHEN fe.startYear IS NULL THEN null
                                         ELSE date({year: fe.startYear}) END) <= $as_of
         AND coalesce(te.publishedDate, CASE WHEN te.startYear IS NULL THEN null
                                             ELSE date({year: te.startYear}) END) <= $as_of)
  OPTIONAL MATCH (m)-[:MAPS_FROM]->(a:FieldVersion)
  OPTIONAL MATCH (m)-[:MAPS_TO]->(b:FieldVersion)
  WITH m, a, b ORDER BY fe.startYear, coalesce(a.name, ''), coalesce(b.name, '')
  RETURN collect({id: m.id, source: a.id, target: b.id, relation: m.mappingRelation,
                  change: m.mappingChange, basis: m.mappingBasis,
                  confidence: m.mappingConfidence, note: m.mappingNote}) AS edges,
         collect(a) + collect(b) AS ends
}
UNWIND reached + ends AS v
WITH DISTINCT edges, v
MATCH (e:RoadmapEdition)-[:HAS_FIELD_VERSION]->(v)
WHERE $as_of IS NULL
   OR coalesce(e.publishedDate, CASE WHEN e.startYear IS NULL THEN null
                                     ELSE date({year: e.startYear}) END) <= $as_of
OPTIONAL MATCH (v)-[:IN_SECTOR]->(s:Sector)
OPTIONAL MATCH (v)-[:VERSION_OF]->(f:StrategicField)
WITH edges, v, e, s, collect(f.id) AS fields ORDER BY e.startYear, v.name
RETURN collect({id: v.id, name: v.name, edition: e.id, year: e.startYear, sector: s.name,
                fields: fields, productCount: v.productCount}) AS nodes,
       edges
