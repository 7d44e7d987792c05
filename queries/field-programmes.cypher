/*
name: field-programmes
title: Programmes linked to a field's products, with the organisation that ran each then
description: >
  The R&D programmes each product of a strategic field is linked to (directly, or through
  a funding for the product), edition by edition, with the funding (amount, year, basis)
  and the organisation that ran the programme (MANAGED_BY; the first by id when several
  do) under the name it had on the link's day: as_of when given, else 1 January of the
  funding's year, else the day the link's edition came into force (its publishedDate,
  else 1 January of its startYear), else today. `managedBy` is the body the graph links,
  `organization`, `organizationName` and `organizationNameEn` the body of its line of succession that held it
  on `organizationOn` (null when none did, and all four null when no organisation runs
  the programme). With as_of, only the links of the edition of each series in force that
  day. Give a field id or name (as printed in any edition), or a field version id.
params:
  field: {type: string, description: "Field id or name, or field version id", example: "스마트제조"}
  as_of: {type: date, default: null, description: "A day (YYYY-MM-DD): the links of the editions in force then, the organisations under their names of that day", example: "2016-06-01"}
  today: {type: date, default: today, description: "The day a link with no date of its own names its organisation on (default: today, UTC)"}
  limit: {type: integer, default: 1000, minimum: 1, maximum: 10000, description: "Rows at most"}
example: stkg query field-programmes -p field=스마트제조 -p as_of=2016-06-01
*/
MATCH (v:FieldVersion)
WHERE v.id = $field OR v.name = $field
   OR EXISTS { MATCH (v)-[:VERSION_OF]->(c:StrategicField) WHERE c.id = $field OR c.name = $field }
MATCH (ed:RoadmapEdition)-[:HAS_FIELD_VERSION]->(v)
WITH DISTINCT v, ed,
     coalesce(ed.publishedDate,
              CASE WHEN ed.startYear IS NULL THEN null ELSE date({year: ed.startYear}) END) AS since
WHERE $as_of IS NULL
   OR (since <= $as_of
       AND NOT EXISTS {
         MATCH (ed)-[:EDITION_OF]->(:Roadmap)<-[:EDITION_OF]-(later:RoadmapEdition)
         WITH coalesce(later.publishedDate,
                       CASE WHEN later.startYear IS NULL THEN null
                            ELSE date({year: later.startYear}) END) AS laterSince
         WHERE since < laterSince <= $as_of
       })
MATCH (s:StrategicProduct)-[:BELONGS_TO_FIELD]->(v)
CALL (s) {
  MATCH (s)-[:LINKED_PROGRAMME]->(p:Programme) RETURN p
  UNION
  MATCH (paid:Funding)-[:FUNDING_FOR]->(s), (paid)-[:FUNDS]->(p:Programme) RETURN p
}
OPTIONAL MATCH (f:Funding)-[:FUNDS]->(p)
WHERE EXISTS { MATCH (f)-[:FUNDING_FOR]->(s) }
CALL (p) {
  OPTIONAL MATCH (p)-[:MANAGED_BY]->(org:Organization)
  RETURN org ORDER BY org.id LIMIT 1
}
WITH ed, since, v, s, p, f, org,
     coalesce($as_of, CASE WHEN f.year IS NULL THEN null ELSE date({year: f.year}) END,
              since, $today) AS day
// the name in use: the one rule (body_in_use, the asof module of the graph Cypher), verbatim
CALL (org, day) {
  CALL (org) {
    MATCH niuPath = (org)-[:`PREDECESSOR_OF`*0..32]->(niuBody:`Entity`)
    RETURN niuBody, length(niuPath) AS niuHops
    UNION
    MATCH niuPath = (niuBody:`Entity`)-[:`PREDECESSOR_OF`*1..32]->(org)
    RETURN niuBody, -length(niuPath) AS niuHops
  }
  WITH org, day, niuBody, niuHops ORDER BY abs(niuHops), niuHops
  WITH org, day, niuBody, collect(niuHops)[0] AS niuHops
  WITH niuBody, niuHops, ((niuBody.`validFrom` IS NULL OR niuBody.`validFrom` <= day) AND (niuBody.`validUntil` IS NULL OR day < niuBody.`validUntil`)) AS niuValid,
       (org.`validUntil` IS NOT NULL AND day >= org.`validUntil`) AS niuLater
  ORDER BY abs(niuHops), niuHops, niuBody.`id`
  WITH collect(niuBody) AS niuBodies, collect(niuHops) AS niuHopsList,
       collect(niuValid) AS niuValids, collect(niuLater) AS niuLaters
  WITH niuBodies, niuHopsList, niuValids, niuLaters,
       [i IN range(0, size(niuBodies) - 1) WHERE niuHopsList[i] = 0][0] AS niuMe
  RETURN CASE WHEN niuMe IS NULL THEN null
              WHEN niuValids[niuMe] THEN niuBodies[niuMe]
              ELSE niuBodies[[i IN range(0, size(niuBodies) - 1)
                              WHERE niuValids[i] AND (niuHopsList[i] > 0) = niuLaters[niuMe]][0]]
         END AS inUse,
         coalesce(size(niuBodies) > 1 OR niuBodies[niuMe].`validFrom` IS NOT NULL
                  OR niuBodies[niuMe].`validUntil` IS NOT NULL, false) AS lined
}
RETURN ed.id AS edition, v.id AS fieldVersion, v.name AS fieldName,
       s.id AS product, s.name AS productName,
       p.id AS programme, p.name AS programmeName, p.nameEn AS programmeNameEn,
       EXISTS { MATCH (s)-[:LINKED_PROGRAMME]->(p) } AS linkedDirectly,
       f.id AS funding, f.amountKrw AS amountKrw, f.year AS year, f.basis AS basis,
       org.id AS managedBy, inUse.id AS organization, inUse.name AS organizationName,
       inUse.nameEn AS organizationNameEn,
       CASE WHEN org IS NULL THEN null ELSE day END AS organizationOn
ORDER BY since, edition, product, programme, funding
LIMIT $limit
