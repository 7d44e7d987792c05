/*
name: patent-indicators
title: Patent indicators of a technology classification
description: >
  Published (and computed, when present) patent indicators of each sub-technology under a
  technology class: application share (%), technology importance, Korea competitiveness,
  and the core / strength / focus flags.
params:
  technology: {type: string, description: "Name or id of a technology class", example: "제조 AI"}
example: stkg query patent-indicators -p technology="제조 AI"
*/
MATCH (root:TechnologyClass)
WHERE root.id = $technology OR root.name = $technology
MATCH (sub:TechnologyClass)-[:BROADER_TECHNOLOGY*0..3]->(root)
MATCH (a:PatentAnalysis)-[:ANALYSES]->(sub)
OPTIONAL MATCH (sub)-[:BROADER_TECHNOLOGY]->(parent:TechnologyClass)
RETURN parent.name AS class,
       sub.name AS subTechnology,
       a.analysisKind AS kind,
       a.applicationShare AS applicationShare,
       a.technologyImportance AS technologyImportance,
       a.koreaCompetitiveness AS koreaCompetitiveness,
       a.isCore AS isCore,
       a.koreaStrength AS koreaStrength,
       a.isFocus AS isFocus
ORDER BY class, subTechnology, kind
