"""Classifying patents by technology search expressions (``stkg patents classify``).

Every value is a parameter; the Python side (:mod:`stkg.graph.analysis.classification`)
evaluates the boolean expression exactly, these statements only read and write."""

#: The technology nodes that exist among the ids asked for.
TECHNOLOGIES = """
UNWIND $ids AS tid
MATCH (t:Entity {id: tid})
WHERE t:CoreTechnology OR t:TechnologyClass
RETURN t.id AS id, t.name AS name
"""

#: Patents in scope (office, filing years) whose searched texts hold at least one needle of
#: one expression: a superset of its matches, from which `stkg patents sample` draws near
#: misses (classifying reads every patent once instead: PATENT_PAGE).
CANDIDATES = """
MATCH (p:Patent)
WHERE ($offices IS NULL OR p.office IN $offices)
  AND ($start IS NULL OR p.filingDate >= $start)
  AND ($end IS NULL OR p.filingDate <= $end)
WITH p,
     CASE WHEN 'title' IN $fields THEN toLower(coalesce(p.title, '')) ELSE '' END AS title,
     CASE WHEN 'abstract' IN $fields THEN toLower(coalesce(p.abstract, '')) ELSE '' END
       AS abstract,
     CASE WHEN 'claims' IN $fields THEN toLower(coalesce(p.claims, '')) ELSE '' END AS claims
WHERE any(n IN $needles WHERE title CONTAINS n OR abstract CONTAINS n OR claims CONTAINS n
          OR replace(title, ' ', '') CONTAINS n OR replace(abstract, ' ', '') CONTAINS n
          OR replace(claims, ' ', '') CONTAINS n)
RETURN p.id AS id, p.title AS title, p.abstract AS abstract, p.claims AS claims,
       p.office AS office, p.filingDate AS filed, p.familyId AS family,
       coalesce(p.ipcCodes, []) + coalesce(p.cpcCodes, []) AS codes
"""

#: One page of the one pass over every patent (keyset on the id the Patent constraint
#: indexes): the texts an expression searches, and what its scope and families need.
PATENT_PAGE = """
MATCH (p:Patent)
WHERE p.id > $after
WITH p ORDER BY p.id LIMIT $limit
RETURN p.id AS id, p.title AS title, p.abstract AS abstract, p.claims AS claims,
       p.office AS office, p.filingDate AS filed, p.familyId AS family,
       coalesce(p.ipcCodes, []) + coalesce(p.cpcCodes, []) AS codes
"""

#: The patents some documents state, and the other members of their families (a family
#: counts once, so its members are decided together).
DOCUMENT_PATENTS = """
UNWIND $documents AS doc
MATCH (:SourceDocument {id: doc})<-[:CITES_DOCUMENT]-(:Evidence)-[:SUPPORTS]->(p:Patent)
WITH collect(DISTINCT p) AS listed
CALL (listed) {
  UNWIND listed AS p
  MATCH (kin:Patent {familyId: p.familyId})
  RETURN collect(DISTINCT kin) AS kin
}
UNWIND listed + kin AS p
RETURN DISTINCT p.id AS id
ORDER BY id
"""

#: Some patents, by id: PATENT_PAGE's columns.
PATENTS_BY_ID = """
UNWIND $ids AS pid
MATCH (p:Patent {id: pid})
RETURN p.id AS id, p.title AS title, p.abstract AS abstract, p.claims AS claims,
       p.office AS office, p.filingDate AS filed, p.familyId AS family,
       coalesce(p.ipcCodes, []) + coalesce(p.cpcCodes, []) AS codes
"""

#: The match links some patents have to the technologies.
EXISTING_OF = """
UNWIND $patents AS pid
MATCH (p:Patent {id: pid})-[r:MATCHES_TECHNOLOGY]->(t:Entity)
WHERE t.id IN $techs
RETURN t.id AS tech, p.id AS patent, r.matchScore AS score, r.matchedTerms AS terms,
       r.expressionHash AS hash
"""

#: The match links the technologies have now.
EXISTING_ALL = """
UNWIND $techs AS tech
MATCH (p:Patent)-[r:MATCHES_TECHNOLOGY]->(:Entity {id: tech})
RETURN tech, p.id AS patent, r.matchScore AS score, r.matchedTerms AS terms,
       r.expressionHash AS hash
"""

#: The match links a technology has now.
EXISTING = """
MATCH (p:Patent)-[r:MATCHES_TECHNOLOGY]->(t:Entity {id: $tech})
RETURN p.id AS patent, r.matchScore AS score, r.matchedTerms AS terms,
       r.expressionHash AS hash, r.classifiedIn AS run
"""

#: A run as it starts: what it is about to write (its finishedAt comes last, by FINISH).
RUN = """
CREATE (run:Entity:ClassificationRun {id: $id})
SET run.name = $name, run.startedAt = $started,
    run.softwareVersion = $version, run.linksAdded = $added, run.linksChanged = $changed,
    run.linksRemoved = $removed
"""

FINISH = """
MATCH (run:ClassificationRun {id: $id})
SET run.finishedAt = $finished
"""

UPSERT = """
UNWIND $rows AS row
MATCH (p:Patent {id: row.patent})
MATCH (t:Entity {id: row.tech})
MERGE (p)-[r:MATCHES_TECHNOLOGY]->(t)
SET r.matchScore = row.score, r.matchedTerms = row.terms, r.expressionHash = row.hash,
    r.classifiedIn = $run
"""

REMOVE = """
UNWIND $rows AS row
MATCH (:Patent {id: row.patent})-[r:MATCHES_TECHNOLOGY]->(:Entity {id: row.tech})
DELETE r
"""

# --- checking the classifier: `stkg patents sample` and `stkg patents judge` ---------------

#: Every patent id, for drawing the patents no search term reaches.
PATENT_IDS = """
MATCH (p:Patent)
RETURN p.id AS id
ORDER BY id
"""

#: What a person needs to judge a patent.
PATENT_DETAILS = """
UNWIND $ids AS pid
MATCH (p:Patent {id: pid})
OPTIONAL MATCH (p)-[:APPLIED_BY]->(o:Organization)
WITH p, o ORDER BY o.name
WITH p, collect(o.name) AS applicants
RETURN p.id AS id, p.title AS title, p.office AS office, p.filingDate AS filed,
       coalesce(p.ipcCodes, []) AS ipc, applicants
"""

#: Whether the technologies and runs a judged sample names are in the graph.
EVALUATION_TARGETS = """
UNWIND $rows AS row
OPTIONAL MATCH (t:Entity {id: row.tech})
WHERE t:CoreTechnology OR t:TechnologyClass
OPTIONAL MATCH (run:ClassificationRun {id: row.run})
RETURN row.tech AS tech, row.run AS run, t IS NOT NULL AS hasTech, run IS NOT NULL AS hasRun
"""

#: One evaluation per technology and run; judging the same run again replaces it.
EVALUATION = """
UNWIND $rows AS row
MATCH (t:Entity {id: row.tech})
WHERE t:CoreTechnology OR t:TechnologyClass
MATCH (run:ClassificationRun {id: row.run})
MERGE (e:Entity {id: row.id})
SET e:ClassifierEvaluation, e.name = row.name, e.estimatedPrecision = row.precision,
    e.estimatedRecall = row.recall, e.judgedMatches = row.judgedMatches,
    e.judgedNonMatches = row.judgedNonMatches, e.evaluatedAt = $at
MERGE (e)-[:EVALUATES_TECHNOLOGY]->(t)
MERGE (e)-[:EVALUATES_RUN]->(run)
RETURN count(e) AS written
"""
