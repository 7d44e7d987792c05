/*
name: indicators-compared
title: Computed and published patent indicators side by side
description: >
  For a technology class and every class below it: the published indicators (analysisKind
  published, read from a source's table) beside the latest computed ones (analysisKind
  computed, from `stkg analyse patents`), with the difference computed − published for
  application share, technology importance and Korea competitiveness, and whether the
  core / strength / focus flags agree. A class with neither kind of analysis is left out.
params:
  technology: {type: string, description: "Id or name of a technology class", example: "제조 AI"}
  period: {type: string, default: null, description: "Only computed analyses of this period (e.g. 2015-2024); default the latest of any period"}
example: stkg query indicators-compared -p technology="제조 AI"
*/
MATCH (root:TechnologyClass)
WHERE root.id = $technology OR root.name = $technology
MATCH (t:TechnologyClass)-[:BROADER_TECHNOLOGY*0..8]->(root)
WITH DISTINCT t
OPTIONAL MATCH (pub:PatentAnalysis)-[:ANALYSES]->(t)
WHERE pub.analysisKind = 'published'
WITH t, pub ORDER BY pub.id
WITH t, collect(pub)[0] AS pub
OPTIONAL MATCH (cmp:PatentAnalysis)-[:ANALYSES]->(t)
WHERE cmp.analysisKind = 'computed' AND ($period IS NULL OR cmp.period = $period)
WITH t, pub, cmp ORDER BY cmp.computedAt DESC, cmp.id
WITH t, pub, collect(cmp)[0] AS cmp
WHERE pub IS NOT NULL OR cmp IS NOT NULL
OPTIONAL MATCH (t)-[:BROADER_TECHNOLOGY]->(parent:TechnologyClass)
RETURN t.id AS technology,
       t.name AS name,
       parent.name AS class,
       pub.applicationShare AS publishedShare,
       cmp.applicationShare AS computedShare,
       round(cmp.applicationShare - pub.applicationShare, 2) AS shareDifference,
       pub.technologyImportance AS publishedImportance,
       cmp.technologyImportance AS computedImportance,
       round(cmp.technologyImportance - pub.technologyImportance, 2) AS importanceDifference,
       pub.koreaCompetitiveness AS publishedCompetitiveness,
       cmp.koreaCompetitiveness AS computedCompetitiveness,
       round(cmp.koreaCompetitiveness - pub.koreaCompetitiveness, 2) AS competitivenessDifference,
       pub.isCore AS publishedCore,
       cmp.isCore AS computedCore,
       pub.koreaStrength AS publishedStrength,
       cmp.koreaStrength AS computedStrength,
       pub.isFocus AS publishedFocus,
       cmp.isFocus AS computedFocus,
       CASE WHEN pub IS NULL OR cmp IS NULL THEN null
            ELSE pub.isCore = cmp.isCore AND pub.koreaStrength = cmp.koreaStrength
                 AND pub.isFocus = cmp.isFocus END AS flagsAgree,
       cmp.growthRate AS computedGrowthRate,
       cmp.citationIndex AS computedCitationIndex,
       cmp.activityIndex AS computedActivityIndex,
       cmp.patentCount AS computedPatentCount,
       cmp.period AS computedPeriod,
       cmp.offices AS computedOffices,
       cmp.computedAt AS computedAt,
       pub.id AS publishedAnalysis,
       cmp.id AS computedAnalysis
ORDER BY size([(t)-[:BROADER_TECHNOLOGY*1..8]->(root) | 1]), class, name
