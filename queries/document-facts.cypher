/*
name: document-facts
title: Everything one document asserts
description: >
  Each node that evidence from the document supports, with its class, its properties,
  the text the document prints for it (the quotes of its evidence) and the names of what
  it funds, is for or counts. `stkg eval` reads documents back with
  this query to score extraction against gold facts.
params:
  origin: {type: string, required: true, description: "The document's origin (path or URL)", example: "samples/01_sme_roadmap_2022.txt"}
  limit: {type: integer, default: 1000, minimum: 1, maximum: 10000}
example: stkg query document-facts -p origin=samples/01_sme_roadmap_2022.txt
*/
MATCH (d:SourceDocument {origin: $origin})<-[:CITES_DOCUMENT]-(x:Evidence)-[:SUPPORTS]->(n:Entity)
WITH n, collect(DISTINCT x.quote) AS printed
OPTIONAL MATCH (n)-[:FUNDING_FOR|FUNDS|QUANTIFIES]->(t:Entity)
WITH n, printed, collect(t.name) AS linked
RETURN [l IN labels(n) WHERE l <> 'Entity'] AS labels,
       properties(n) AS props,
       printed,
       linked
ORDER BY props.id
LIMIT $limit
