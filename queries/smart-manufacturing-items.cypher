/*
name: smart-manufacturing-items
title: Strategic items of an edition by area, field and type
description: >
  The strategic products (items) of an edition with their area (sector), strategic field
  and product type (technology-innovation or demand-side), optionally filtered by type.
params:
  edition: {type: string, description: "Edition id", example: "edition:스마트제조전략기술로드맵@2025"}
  type: {type: string, default: null, enum: [technologyInnovation, demandSide], description: "Only this product type"}
example: stkg query smart-manufacturing-items -p edition=edition:스마트제조전략기술로드맵@2025 -p type=demandSide
*/
MATCH (e:RoadmapEdition {id: $edition})-[:HAS_FIELD_VERSION]->(v:FieldVersion)<-[:BELONGS_TO_FIELD]-(p:StrategicProduct)
WHERE $type IS NULL OR p.productType = $type
OPTIONAL MATCH (v)-[:IN_SECTOR]->(s:Sector)
RETURN s.name AS area, v.name AS field, p.productType AS type, p.name AS item
ORDER BY area, field, type, item
