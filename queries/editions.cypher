/*
name: editions
title: Roadmap editions
description: >
  Every roadmap edition in the graph with its series, years, stated totals and the number
  of field versions recorded for it; since, the day it came into force (its publishedDate,
  else 1 January of its startYear; null when it states neither), and inForce, whether it
  was the edition of its series in force on as_of (today when as_of is not given): the one
  that came into force last on or before that day. With as_of, only the editions in force
  on or before that day.
params:
  as_of: {type: date, default: null, description: "A day (YYYY-MM-DD): only the editions in force on or before it", example: "2021-06-01"}
example: stkg query editions -p as_of=2021-06-01
*/
MATCH (e:RoadmapEdition)
OPTIONAL MATCH (e)-[:EDITION_OF]->(r:Roadmap)
WITH e, r, coalesce($as_of, date()) AS day,
     coalesce(e.publishedDate,
              CASE WHEN e.startYear IS NULL THEN null ELSE date({year: e.startYear}) END) AS since
WHERE $as_of IS NULL OR since <= $as_of
CALL (r, day) {
  MATCH (other:RoadmapEdition)-[:EDITION_OF]->(r)
  WITH coalesce(other.publishedDate,
                CASE WHEN other.startYear IS NULL THEN null
                     ELSE date({year: other.startYear}) END) AS otherSince, day
  WHERE otherSince <= day
  RETURN max(otherSince) AS current
}
OPTIONAL MATCH (e)-[:HAS_FIELD_VERSION]->(v:FieldVersion)
RETURN e.id AS edition,
       r.name AS roadmap,
       e.startYear AS startYear,
       e.endYear AS endYear,
       e.fieldCount AS fieldCount,
       e.productCount AS productCount,
       count(v) AS fieldVersions,
       since,
       coalesce(since <= day AND (r IS NULL OR since = current), false) AS inForce
ORDER BY roadmap, edition
