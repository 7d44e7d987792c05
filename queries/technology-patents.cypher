/*
name: technology-patents
title: Patents of a technology or product by filing year and office
description: >
  How many patents a technology has, per filing year and patent office: the patents that
  `stkg patents classify` matched to it by its search expression (link `search`, with the
  mean match score) beside the ones a patent list classified under it (link `list`). A
  technology class counts its sub-classes too; a strategic product counts its core
  technologies. One row per link, year and office, never one per patent.
params:
  technology: {type: string, description: "Id or name of a technology class, core technology or strategic product", example: "제조 AI"}
  minScore: {type: number, default: 0, minimum: 0, maximum: 1, description: "Leave out search matches scoring below this"}
example: stkg query technology-patents -p technology="제조 AI"
*/
MATCH (root:Entity)
WHERE (root:TechnologyClass OR root:CoreTechnology OR root:StrategicProduct)
  AND (root.id = $technology OR root.name = $technology)
CALL (root) {
  MATCH (root)-[:HAS_CORE_TECHNOLOGY]->(t:CoreTechnology) RETURN t
  UNION
  MATCH (t:TechnologyClass)-[:BROADER_TECHNOLOGY*0..3]->(root) RETURN t
  UNION
  MATCH (t:CoreTechnology) WHERE t = root RETURN t
}
MATCH (p:Patent)-[link:MATCHES_TECHNOLOGY|CLASSIFIED_AS]->(t)
WHERE link.matchScore IS NULL OR link.matchScore >= $minScore
WITH root, p, CASE type(link) WHEN 'CLASSIFIED_AS' THEN 'list' ELSE 'search' END AS kind,
     max(link.matchScore) AS score
RETURN root.name AS technology,
       kind AS link,
       p.filingDate.year AS year,
       p.office AS office,
       count(DISTINCT p) AS patents,
       round(avg(score), 3) AS meanScore
ORDER BY link, year, office
