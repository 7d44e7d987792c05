"""Crosswalk mappings between consecutive editions (``stkg crosswalk``, ``stkg review``).

Every value is a parameter; vocabulary values (``$stated``, ``$proposed``, …) are passed
by :mod:`stkg.graph.crosswalk`, which takes them from the ontology."""

#: Editions that list at least one field version, with their series.
EDITIONS = """
MATCH (e:RoadmapEdition)-[:EDITION_OF]->(r:Roadmap)
WHERE $series IS NULL OR r.id IN $ids OR r.name = $series
MATCH (e)-[:HAS_FIELD_VERSION]->(v:FieldVersion)
RETURN r.id AS series, e.id AS edition, e.startYear AS startYear, count(v) AS fields
"""

#: The field versions of some editions, with sector, products and core technologies.
VERSIONS = """
UNWIND $editions AS eid
MATCH (e:RoadmapEdition {id: eid})-[:HAS_FIELD_VERSION]->(v:FieldVersion)
OPTIONAL MATCH (v)-[:IN_SECTOR]->(s:Sector)
OPTIONAL MATCH (p:StrategicProduct)-[:BELONGS_TO_FIELD]->(v)
OPTIONAL MATCH (p)-[:HAS_CORE_TECHNOLOGY]->(c:CoreTechnology)
RETURN eid AS edition, v.id AS id, v.name AS name, s.id AS sector,
       collect(DISTINCT p.id) AS products, collect(DISTINCT c.id) AS technologies
ORDER BY v.id
"""

#: Successions documents state, with the editions of both ends.
SUCCESSIONS = """
MATCH (a:FieldVersion)-[s:SUCCEEDED_BY]->(b:FieldVersion)
MATCH (ea:RoadmapEdition)-[:HAS_FIELD_VERSION]->(a)
MATCH (eb:RoadmapEdition)-[:HAS_FIELD_VERSION]->(b)
RETURN a.id AS source, a.name AS sourceName, b.id AS target, b.name AS targetName,
       ea.id AS fromEdition, eb.id AS toEdition, s.changeKind AS change,
       s.changeNote AS note, coalesce(s.evidence, []) AS evidence
"""

#: Write stated mappings (one per succession); their evidence supports them too.
UPSERT_STATED = """
UNWIND $rows AS row
MATCH (a:FieldVersion {id: row.source}), (b:FieldVersion {id: row.target})
MATCH (f:RoadmapEdition {id: row.fromEdition}), (t:RoadmapEdition {id: row.toEdition})
MERGE (m:Entity:CrosswalkMapping {id: row.id})
SET m.name = row.name, m.mappingBasis = $stated, m.mappingRelation = row.relation,
    m.mappingChange = row.change, m.mappingNote = row.note, m.mappingConfidence = 1.0
MERGE (m)-[rf:MAPS_FROM]->(a)
MERGE (m)-[rt:MAPS_TO]->(b)
SET rf.evidence = row.evidence, rt.evidence = row.evidence
MERGE (m)-[:FROM_EDITION]->(f)
MERGE (m)-[:TO_EDITION]->(t)
WITH m, row
UNWIND row.evidence AS xid
MATCH (x:Evidence {id: xid})
MERGE (x)-[:SUPPORTS]->(m)
"""

#: Stated mappings whose succession no longer exists (a superseded document).
DROP_STALE_STATED = """
MATCH (m:CrosswalkMapping {mappingBasis: $stated})
WHERE NOT m.id IN $keep
DETACH DELETE m
RETURN count(*) AS removed
"""

#: Write reviewed mappings; the ends must exist in the graph.
UPSERT_REVIEWED = """
UNWIND $rows AS row
MATCH (f:RoadmapEdition {id: row.fromEdition}), (t:RoadmapEdition {id: row.toEdition})
OPTIONAL MATCH (a:Entity {id: row.source})
OPTIONAL MATCH (b:Entity {id: row.target})
WITH row, f, t, a, b
WHERE (row.source IS NULL OR a IS NOT NULL) AND (row.target IS NULL OR b IS NOT NULL)
MERGE (m:Entity:CrosswalkMapping {id: row.id})
SET m.name = row.name, m.mappingBasis = $reviewed, m.mappingRelation = row.relation,
    m.mappingChange = row.change, m.mappingNote = row.note, m.mappingConfidence = 1.0,
    m.reviewDecision = row.decision, m.reviewedBy = row.by, m.reviewedAt = row.at
MERGE (m)-[:FROM_EDITION]->(f)
MERGE (m)-[:TO_EDITION]->(t)
FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | MERGE (m)-[:MAPS_FROM]->(a))
FOREACH (_ IN CASE WHEN b IS NULL THEN [] ELSE [1] END | MERGE (m)-[:MAPS_TO]->(b))
RETURN m.id AS id
"""

#: Mappings by id (any basis): rejected proposals, corrected targets.
DELETE_MAPPINGS = """
UNWIND $ids AS mid
MATCH (m:CrosswalkMapping {id: mid})
WHERE m.mappingBasis <> $stated
DETACH DELETE m
"""

#: What stated and reviewed mappings already cover between two editions.
COVERED = """
MATCH (m:CrosswalkMapping)-[:FROM_EDITION]->(:RoadmapEdition {id: $from})
MATCH (m)-[:TO_EDITION]->(:RoadmapEdition {id: $to})
WHERE m.mappingBasis <> $proposed
OPTIONAL MATCH (m)-[:MAPS_FROM]->(a:Entity)
OPTIONAL MATCH (m)-[:MAPS_TO]->(b:Entity)
RETURN m.id AS id, a.id AS source, b.id AS target
"""

#: The proposed mappings between two editions, as a comparable signature.
PROPOSED = """
MATCH (m:CrosswalkMapping {mappingBasis: $proposed})-[:FROM_EDITION]->(:RoadmapEdition {id: $from})
MATCH (m)-[:TO_EDITION]->(:RoadmapEdition {id: $to})
OPTIONAL MATCH (m)-[:MAPS_FROM]->(a:Entity)
OPTIONAL MATCH (m)-[:MAPS_TO]->(b:Entity)
RETURN m.id AS id, a.id AS source, b.id AS target, m.mappingRelation AS relation,
       m.mappingChange AS change, m.mappingConfidence AS confidence,
       m.mappingMethod AS method
"""

DELETE_PROPOSED = """
MATCH (m:CrosswalkMapping {mappingBasis: $proposed})-[:FROM_EDITION]->(:RoadmapEdition {id: $from})
MATCH (m)-[:TO_EDITION]->(:RoadmapEdition {id: $to})
DETACH DELETE m
"""

RUN = """
MERGE (run:Entity:CrosswalkRun {id: $id})
SET run.name = $name, run.startedAt = $started, run.finishedAt = $finished,
    run.softwareVersion = $version, run.mappingMethod = $method
"""

#: Write the proposals of one edition pair, each linked to the run that computed it.
UPSERT_PROPOSED = """
MATCH (f:RoadmapEdition {id: $from}), (t:RoadmapEdition {id: $to})
MATCH (run:CrosswalkRun {id: $run})
UNWIND $rows AS row
MERGE (m:Entity:CrosswalkMapping {id: row.id})
SET m.name = row.name, m.mappingBasis = $proposed, m.mappingRelation = row.relation,
    m.mappingChange = row.change, m.mappingConfidence = row.confidence,
    m.nameSimilarity = row.nameSimilarity, m.sharedItems = row.sharedItems,
    m.mappingMethod = $method
MERGE (m)-[:FROM_EDITION]->(f)
MERGE (m)-[:TO_EDITION]->(t)
MERGE (m)-[:PROPOSED_IN]->(run)
WITH m, row
OPTIONAL MATCH (a:Entity {id: row.source})
OPTIONAL MATCH (b:Entity {id: row.target})
FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | MERGE (m)-[:MAPS_FROM]->(a))
FOREACH (_ IN CASE WHEN b IS NULL THEN [] ELSE [1] END | MERGE (m)-[:MAPS_TO]->(b))
"""

#: Mappings to review (``stkg review list --mappings``), most uncertain first.
LIST = """
MATCH (m:CrosswalkMapping)
WHERE m.mappingBasis IN $bases
MATCH (m)-[:FROM_EDITION]->(f:RoadmapEdition), (m)-[:TO_EDITION]->(t:RoadmapEdition)
WHERE $edition IS NULL OR f.id = $edition OR t.id = $edition
OPTIONAL MATCH (m)-[:MAPS_FROM]->(a:Entity)
OPTIONAL MATCH (m)-[:MAPS_TO]->(b:Entity)
RETURN m.id AS id, m.mappingBasis AS basis, m.mappingRelation AS relation,
       m.mappingChange AS change, m.mappingConfidence AS confidence,
       a.id AS source, a.name AS sourceName, b.id AS target, b.name AS targetName,
       f.id AS fromEdition, t.id AS toEdition
ORDER BY m.mappingConfidence, m.id
LIMIT $limit
"""

#: One mapping with its ends and editions.
MAPPING = """
MATCH (m:CrosswalkMapping {id: $id})
MATCH (m)-[:FROM_EDITION]->(f:RoadmapEdition), (m)-[:TO_EDITION]->(t:RoadmapEdition)
OPTIONAL MATCH (m)-[:MAPS_FROM]->(a:Entity)
OPTIONAL MATCH (m)-[:MAPS_TO]->(b:Entity)
RETURN m.id AS id, m.mappingBasis AS basis, m.mappingRelation AS relation,
       m.mappingChange AS change, m.mappingConfidence AS confidence,
       a.id AS source, b.id AS target, f.id AS fromEdition, t.id AS toEdition
"""

#: The edition a field version is listed by.
EDITION_OF_VERSION = """
MATCH (e:RoadmapEdition)-[:HAS_FIELD_VERSION]->(v:FieldVersion {id: $id})
RETURN e.id AS edition, v.name AS name
"""
