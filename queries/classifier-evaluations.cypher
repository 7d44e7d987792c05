/*
name: classifier-evaluations
title: Precision and recall of the search expressions, as judged
description: >
  The classifier evaluations `stkg patents judge` stored: per technology and
  classification run, the precision and recall estimated from a sample a person judged,
  how many matches and non-matches were judged, and when. `latest` says whether the run is
  still the newest one that wrote the technology's links (a later run may have changed
  what the sample saw).
params:
  technology: {type: string, default: "", description: "Id or name of a core technology or technology class; every technology when empty", example: "coretech:설비이상진단"}
example: stkg query classifier-evaluations
*/
MATCH (e:ClassifierEvaluation)-[:EVALUATES_TECHNOLOGY]->(t:Entity),
      (e)-[:EVALUATES_RUN]->(run:ClassificationRun)
WHERE $technology = '' OR t.id = $technology OR t.name = $technology
CALL (t) {
  OPTIONAL MATCH (:Patent)-[m:MATCHES_TECHNOLOGY]->(t)
  RETURN max(m.classifiedIn) AS newest
}
RETURN t.id AS technology,
       t.name AS name,
       run.id AS run,
       run.id = newest AS latest,
       e.estimatedPrecision AS precision,
       e.estimatedRecall AS recall,
       e.judgedMatches AS judgedMatches,
       e.judgedNonMatches AS judgedNonMatches,
       toString(e.evaluatedAt) AS evaluatedAt
ORDER BY technology, evaluatedAt DESC
