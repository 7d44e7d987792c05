/*
name: series-flow
title: Fields flowing through every edition of a roadmap series
description: >
  Every edition of a roadmap series with all its field versions and the crosswalk
  mappings between consecutive editions: one row holding `editions` (in the order they
  came into force, each with since, the day it did: its publishedDate, else 1 January of
  its startYear), `nodes` (field versions with edition, year, sector, field concepts and
  product count) and `edges` (mappings with SKOS relation, change kind, basis and
  confidence; a dropped field's edge has no target, a new field's no source). The
  picture behind a Sankey or alluvial chart of the whole series, where field-lineage
  follows one field. By default only stated and reviewed mappings; `include=proposed`
  adds the proposed ones. With as_of, the series as it stood that day: only the editions
  in force on or before it, and the mappings between them (a field is shown dropped only
  once the next edition came in). Give the roadmap's id (the part after roadmap: will do) or name, or an edition's id.
params:
  series: {type: string, description: "Roadmap id (with or without roadmap:) or name, or the id of one of its editions", example: "중소기업기술로드맵"}
  include: {type: string, enum: [reviewed, proposed], default: reviewed, description: "reviewed: stated and reviewed mappings; proposed: also the proposed ones"}
  as_of: {type: date, default: null, description: "A day (YYYY-MM-DD): only the editions in force on or before it", example: "2021-06-01"}
example: stkg query series-flow -p series=중소기업기술로드맵 -p include=proposed
*/
MATCH (r:Roadmap)
WHERE r.id = $series OR r.id = 'roadmap:' + $series OR r.name = $series
   OR EXISTS { MATCH (:RoadmapEdition {id: $series})-[:EDITION_OF]->(r) }
WITH r ORDER BY r.id LIMIT 1
WITH r, CASE $include WHEN 'proposed' THEN ['stated', 'reviewed', 'proposed']
                      ELSE ['stated', 'reviewed'] END AS bases
CALL (r) {
  MATCH (e:RoadmapEdition)-[:EDITION_OF]->(r)
  WITH e, coalesce(e.publishedDate,
                   CASE WHEN e.startYear IS NULL THEN null
                        ELSE date({year: e.startYear}) END) AS since
  WHERE $as_of IS NULL OR since <= $as_of
  OPTIONAL MATCH (e)-[:HAS_FIELD_VERSION]->(v:FieldVersion)
  WITH e, since, count(v) AS fieldVersions
  ORDER BY since, e.startYear, e.id
  RETURN collect({id: e.id, name: e.name, startYear: e.startYear, endYear: e.endYear,
                  since: since, fieldVersions: fieldVersions}) AS editions,
         collect(e.id) AS kept
}
CALL (kept) {
  UNWIND kept AS eid
  MATCH (e:RoadmapEdition {id: eid})-[:HAS_FIELD_VERSION]->(v:FieldVersion)
  OPTIONAL MATCH (v)-[:IN_SECTOR]->(s:Sector)
  OPTIONAL MATCH (v)-[:VERSION_OF]->(f:StrategicField)
  WITH e, v, s, collect(f.id) AS fields
  ORDER BY e.startYear, e.id, s.name, v.name
  RETURN collect({id: v.id, name: v.name, edition: e.id, year: e.startYear, sector: s.name,
                  fields: fields, productCount: v.productCount}) AS nodes
}
CALL (kept, bases) {
  UNWIND kept AS eid
  MATCH (fe:RoadmapEdition {id: eid})<-[:FROM_EDITION]-(m:CrosswalkMapping)-[:TO_EDITION]->(te:RoadmapEdition)
  WHERE te.id IN kept AND m.mappingBasis IN bases
  OPTIONAL MATCH (m)-[:MAPS_FROM]->(a:FieldVersion)
  OPTIONAL MATCH (m)-[:MAPS_TO]->(b:FieldVersion)
  WITH fe, m, a, b
  WHERE a IS NOT NULL OR b IS NOT NULL
  ORDER BY fe.startYear, fe.id, coalesce(a.name, ''), coalesce(b.name, ''), m.id
  RETURN collect({id: m.id, source: a.id, target: b.id, relation: m.mappingRelation,
                  change: m.mappingChange, basis: m.mappingBasis,
                  confidence: m.mappingConfidence, note: m.mappingNote}) AS edges
}
RETURN r.id AS series, r.name AS name, editions, nodes, edges
