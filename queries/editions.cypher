/*
name: editions
title: Roadmap editions
description: >
  Every roadmap edition in the graph with its series, years, stated totals and the number
  of field versions recorded for it.
params: {}
example: stkg query editions
*/
MATCH (e:RoadmapEdition)
OPTIONAL MATCH (e)-[:EDITION_OF]->(r:Roadmap)
OPTIONAL MATCH (e)-[:HAS_FIELD_VERSION]->(v:FieldVersion)
RETURN e.id AS edition,
       r.name AS roadmap,
       e.startYear AS startYear,
       e.endYear AS endYear,
       e.fieldCount AS fieldCount,
       e.productCount AS productCount,
       count(v) AS fieldVersions
ORDER BY roadmap, edition
