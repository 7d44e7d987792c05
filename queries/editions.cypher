/*
name: editions
title: Roadmap editions
description: >
  Every roadmap edition in the graph with its series, years, stated totals and the number
  of field versions recorded for it; since, the day it came into force (its publishedDate,
  else 1 January of its startYear; null when it states neither); started, whether it had
  come into force by as_of; and inForce, whether it was the edition of its series in force
  on as_of: the one that came into force last on or before that day. as_of is today (UTC)
  when not given.
params:
  as_of: {type: date, default: today, description: "The day (YYYY-MM-DD) started and inForce are answered for; today (UTC) when not given", example: "2021-06-01"}
example: stkg query editions -p as_of=2021-06-01
*/
MATCH (e:RoadmapEdition)
OPTIONAL MATCH (e)-[:EDITION_OF]->(r:Roadmap)
WITH e, r,
     coalesce(e.publishedDate,
              CASE WHEN e.startYear IS NULL THEN null ELSE date({year: e.startYear}) END) AS since
CALL (r) {
  MATCH (other:RoadmapEdition)-[:EDITION_OF]->(r)
  WITH coalesce(other.publishedDate,
                CASE WHEN other.startYear IS NULL THEN null
                     ELSE date({year: other.startYear}) END) AS otherSince
  WHERE otherSince <= $as_of
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
       coalesce(since <= $as_of, false) AS started,
       coalesce(since <= $as_of AND (r IS NULL OR since = current), false) AS inForce
ORDER BY roadmap, edition
