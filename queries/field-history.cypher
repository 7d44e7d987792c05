/*
name: field-history
title: History of a strategic field across roadmap editions
description: >
  Every version of a strategic field, edition by edition: the name as printed that year,
  its sector, its product count, and how it changed from the version before (renamed,
  rescoped, moved, ...). Give the field's current or former name, or its id. With as_of,
  the history as it stood that day: only the editions in force on or before it (an edition
  comes into force on its publishedDate, else on 1 January of its startYear); the last row
  is the version of the edition in force that day.
params:
  field: {type: string, description: "Field name as printed in any edition, or a field id", example: "드론"}
  as_of: {type: date, default: null, description: "A day (YYYY-MM-DD): only the editions in force on or before it", example: "2021-06-01"}
example: stkg query field-history -p field=드론 -p as_of=2021-06-01
*/
MATCH (f:StrategicField)
WHERE f.id = $field OR f.name = $field
   OR EXISTS { MATCH (f)<-[:VERSION_OF]-(:FieldVersion {name: $field}) }
MATCH (f)<-[:VERSION_OF]-(v:FieldVersion)<-[:HAS_FIELD_VERSION]-(e:RoadmapEdition)
WHERE $as_of IS NULL
   OR coalesce(e.publishedDate,
               CASE WHEN e.startYear IS NULL THEN null ELSE date({year: e.startYear}) END)
      <= $as_of
OPTIONAL MATCH (v)-[:IN_SECTOR]->(s:Sector)
OPTIONAL MATCH (prev:FieldVersion)-[change:SUCCEEDED_BY]->(v)
RETURN f.id AS field,
       e.id AS edition,
       e.startYear AS startYear,
       e.endYear AS endYear,
       v.id AS version,
       v.name AS name,
       s.name AS sector,
       v.productCount AS productCount,
       prev.name AS previousName,
       change.changeKind AS changeKind,
       change.changeNote AS changeNote
ORDER BY e.startYear, v.name
