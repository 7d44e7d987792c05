/*
name: provenance
title: Where a fact came from
description: >
  The evidence behind a node: each source document, the character span or table cell,
  the page it is printed on (PDF), and the quoted text. For a relationship, pass the id of its start node and the
  relationship type to see the evidence listed on the relationship itself.
params:
  id: {type: string, description: "Node id", example: "fieldversion:드론@중소기업기술로드맵@2021"}
  limit: {type: integer, default: 100, minimum: 1, maximum: 1000}
example: stkg query provenance -p id=fieldversion:드론@중소기업기술로드맵@2021
*/
MATCH (n:Entity {id: $id})<-[:SUPPORTS]-(x:Evidence)-[:CITES_DOCUMENT]->(d:SourceDocument)
RETURN d.id AS document,
       d.origin AS origin,
       d.title AS title,
       x.id AS evidence,
       x.spanStart AS spanStart,
       x.spanEnd AS spanEnd,
       x.tableId AS tableId,
       x.tableRow AS tableRow,
       x.tableColumn AS tableColumn,
       x.page AS page,
       x.quote AS quote
ORDER BY origin, spanStart
LIMIT $limit
