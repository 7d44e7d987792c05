/*
name: edition-fields
title: Strategic fields of a roadmap edition
description: >
  The fields of one edition with their sector and product count, and the stated
  edition totals. Editions are named by id (see `stkg query editions`).
params:
  edition: {type: string, description: "Edition id", example: "edition:중소기업기술로드맵@2022"}
example: stkg query edition-fields -p edition=edition:중소기업기술로드맵@2022
*/
MATCH (e:RoadmapEdition {id: $edition})-[:HAS_FIELD_VERSION]->(v:FieldVersion)
OPTIONAL MATCH (v)-[:IN_SECTOR]->(s:Sector)
OPTIONAL MATCH (p:StrategicProduct)-[:BELONGS_TO_FIELD]->(v)
RETURN s.name AS sector,
       v.name AS field,
       v.productCount AS productCount,
       count(p) AS productsListed,
       e.fieldCount AS editionFieldCount,
       e.productCount AS editionProductCount
ORDER BY sector, field
