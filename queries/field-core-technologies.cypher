/*
name: field-core-technologies
title: Products and core technologies of a strategic field, down to patents and applicants
description: >
  The strategic products a field lists in each edition, the core technologies each rests
  on with the development goal and yearly goals the roadmap sets for it, and the patents
  `stkg patents classify` matched to each core technology: how many, how many applicants,
  and the applicants holding the most of them. One row per product and core technology,
  never one per patent (`technology-patents` breaks a product or technology down by year
  and office).
params:
  field: {type: string, description: "Id or name of a strategic field, or the name one edition prints for it", example: "스마트제조"}
  edition: {type: string, default: "", description: "Only this edition (id); every edition when empty"}
  minScore: {type: number, default: 0, minimum: 0, maximum: 1, description: "Leave out search matches scoring below this"}
  applicants: {type: integer, default: 3, minimum: 0, maximum: 50, description: "How many applicants to name per core technology"}
example: stkg query field-core-technologies -p field=스마트제조
*/
MATCH (f:StrategicField)<-[:VERSION_OF]-(v:FieldVersion)<-[:HAS_FIELD_VERSION]-(e:RoadmapEdition)
WHERE (f.id = $field OR f.name = $field OR v.name = $field)
  AND ($edition = '' OR e.id = $edition)
MATCH (p:StrategicProduct)-[:BELONGS_TO_FIELD]->(v)
MATCH (p)-[h:HAS_CORE_TECHNOLOGY]->(t:CoreTechnology)
CALL (t) {
  OPTIONAL MATCH (pt:Patent)-[m:MATCHES_TECHNOLOGY]->(t)
  WHERE m.matchScore >= $minScore
  RETURN collect(DISTINCT pt) AS patents
}
CALL (patents) {
  UNWIND patents AS pt
  MATCH (pt)-[:APPLIED_BY]->(o:Organization)
  WITH o, count(DISTINCT pt) AS held
  ORDER BY held DESC, o.name
  RETURN count(o) AS applicantCount, collect(o.name)[..$applicants] AS topApplicants
}
RETURN e.id AS edition,
       v.name AS field,
       p.name AS product,
       t.id AS coreTechnology,
       t.name AS name,
       h.developmentGoal AS developmentGoal,
       h.yearlyGoals AS yearlyGoals,
       size(patents) AS patents,
       applicantCount AS applicants,
       topApplicants
ORDER BY edition, field, product, name
