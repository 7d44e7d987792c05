"""Reading the graph "as of" a day: an organisation's line of succession, names valid then.

An organisation carries ``validFrom`` (first day under its name, inclusive) and
``validUntil`` (first day no longer under it, exclusive), and ``predecessorOf`` links it to
the body that replaced it; ``stkg ontology sync`` writes the link from the predecessor to
its successor. A node with neither bound is valid on every day.

Every schema name comes from the ontology; every value is a parameter (``$id``, ``$asOf``,
a ``neo4j`` ``Date``).
"""

from __future__ import annotations

from functools import cache

from stkg.ontology.model import load_ontology
from stkg.ontology.names import quote_name

#: Links followed at most, each way, from the organisation asked for.
MAX_HOPS = 32


def _names() -> dict[str, str]:
    onto = load_ontology()
    names = {
        "entity": onto.label("Entity"),
        "pred": onto.rel("predecessorOf"),
        **{k: onto.prop(k) for k in ("id", "name", "nameEn", "validFrom", "validUntil")},
    }
    return {k: quote_name(v) for k, v in names.items()}


@cache
def lined_labels() -> frozenset[str]:
    """The node labels of the classes whose nodes can have a line of succession: the
    domains of ``predecessorOf``, ``validFrom`` and ``validUntil``. A node with none of them
    is itself on every day, so :func:`names_in_use` need not be asked about it."""
    onto = load_ontology()
    classes = {
        *onto.object_property("predecessorOf").domain,
        *(c for k in ("validFrom", "validUntil") for c in onto.datatype_property(k).domain),
    }
    return frozenset(onto.label(c) for c in classes)


def _valid(var: str, n: dict[str, str], day: str = "$asOf") -> str:
    """Cypher: whether ``day`` (``$asOf`` unless told) falls in ``var``'s
    [validFrom, validUntil) interval."""
    return (
        f"(({var}.{n['validFrom']} IS NULL OR {var}.{n['validFrom']} <= {day}) "
        f"AND ({var}.{n['validUntil']} IS NULL OR {day} < {var}.{n['validUntil']}))"
    )


def body_in_use(org: str, day: str) -> str:
    """Cypher, the one rule for the name in use: a ``CALL`` subquery that, for the
    organisation in variable ``org`` (may be null) and the ``Date`` in variable ``day``,
    returns ``inUse``, the body of ``org``'s line of succession that held it on ``day``,
    and ``lined``, whether ``org`` has a line at all (a validity interval or a
    ``predecessorOf`` link; a node of no line is itself on every day).

    The body is ``org`` itself when its [validFrom, validUntil) interval holds the day;
    else, when the day is on or after its ``validUntil``, the nearest successor whose
    interval holds it, otherwise the nearest predecessor whose interval does; null when
    none does, or when ``org`` is null. Nearest is fewest ``predecessorOf`` links, then
    the smaller id. The subquery always returns one row, so it drops no row of the query
    around it. ``/lineage``'s and ``/entities``' ``nameInUse`` and the programme links'
    organisation columns all run this text; the named query ``field-programmes`` holds
    it verbatim (a test compares them)."""
    n = _names()
    valid = _valid("niuBody", n, day)
    until = f"{org}.{n['validUntil']}"
    return f"""CALL ({org}, {day}) {{
  CALL ({org}) {{
    MATCH niuPath = ({org})-[:{n["pred"]}*0..{MAX_HOPS}]->(niuBody:{n["entity"]})
    RETURN niuBody, length(niuPath) AS niuHops
    UNION
    MATCH niuPath = (niuBody:{n["entity"]})-[:{n["pred"]}*1..{MAX_HOPS}]->({org})
    RETURN niuBody, -length(niuPath) AS niuHops
  }}
  WITH {org}, {day}, niuBody, niuHops ORDER BY abs(niuHops), niuHops
  WITH {org}, {day}, niuBody, collect(niuHops)[0] AS niuHops
  WITH niuBody, niuHops, {valid} AS niuValid,
       ({until} IS NOT NULL AND {day} >= {until}) AS niuLater
  ORDER BY abs(niuHops), niuHops, niuBody.{n["id"]}
  WITH collect(niuBody) AS niuBodies, collect(niuHops) AS niuHopsList,
       collect(niuValid) AS niuValids, collect(niuLater) AS niuLaters
  WITH niuBodies, niuHopsList, niuValids, niuLaters,
       [i IN range(0, size(niuBodies) - 1) WHERE niuHopsList[i] = 0][0] AS niuMe
  RETURN CASE WHEN niuMe IS NULL THEN null
              WHEN niuValids[niuMe] THEN niuBodies[niuMe]
              ELSE niuBodies[[i IN range(0, size(niuBodies) - 1)
                              WHERE niuValids[i] AND (niuHopsList[i] > 0) = niuLaters[niuMe]][0]]
         END AS inUse,
         coalesce(size(niuBodies) > 1 OR niuBodies[niuMe].{n["validFrom"]} IS NOT NULL
                  OR niuBodies[niuMe].{n["validUntil"]} IS NOT NULL, false) AS lined
}}"""


@cache
def names_in_use() -> str:
    """For each of ``$ids`` (one row each that exists), the body of its line of succession
    that held it on ``$asOf`` by :func:`body_in_use`: ``of``, ``lined``, and the body's
    ``id``, ``name``, ``nameEn``, ``validFrom``, ``validUntil`` (null when none held it)."""
    n = _names()
    return f"""
UNWIND $ids AS of
MATCH (org:{n["entity"]} {{{n["id"]}: of}})
WITH of, org, $asOf AS day
{body_in_use("org", "day")}
RETURN of, lined, inUse.{n["id"]} AS id, inUse.{n["name"]} AS name,
       inUse.{n["nameEn"]} AS nameEn, inUse.{n["validFrom"]} AS validFrom,
       inUse.{n["validUntil"]} AS validUntil
ORDER BY of
"""


@cache
def succession_line() -> str:
    """The line of succession through ``$id``: the node itself (``hops`` 0), its successors
    (``hops`` > 0, following ``predecessorOf`` forwards) and its predecessors (``hops`` < 0,
    backwards), each with its interval and whether ``$asOf`` falls in it; nearest first."""
    return _lines("WITH $id AS of")


def _lines(source: str) -> str:
    n = _names()
    return f"""
{source}
MATCH (n:{n["entity"]} {{{n["id"]}: of}})
CALL (n) {{
  MATCH p = (n)-[:{n["pred"]}*0..{MAX_HOPS}]->(m:{n["entity"]})
  RETURN m, length(p) AS hops
  UNION
  MATCH p = (m:{n["entity"]})-[:{n["pred"]}*1..{MAX_HOPS}]->(n)
  RETURN m, -length(p) AS hops
}}
WITH of, m, hops ORDER BY abs(hops)
WITH of, m, collect(hops)[0] AS hops
RETURN of, m.{n["id"]} AS id, m.{n["name"]} AS name, m.{n["nameEn"]} AS nameEn,
       m.{n["validFrom"]} AS validFrom, m.{n["validUntil"]} AS validUntil, hops,
       {_valid("m", n)} AS valid
ORDER BY of, abs(hops), hops, id
"""


def edition_in_force(var: str, day: str = "$asOf") -> str:
    """Cypher: whether edition ``var`` was the edition of its series in force on ``day``:
    it had come into force by then (:func:`edition_start`) and no later edition of its
    series (``editionOf``) had (the rule of ``stkg.api.asof.in_force``)."""
    onto = load_ontology()
    edition, roadmap = (quote_name(onto.label(k)) for k in ("RoadmapEdition", "Roadmap"))
    of = quote_name(onto.rel("editionOf"))
    return (
        f"({edition_start(var)} <= {day} AND NOT EXISTS {{ "
        f"MATCH ({var})-[:{of}]->(:{roadmap})<-[:{of}]-(laterEd:{edition}) "
        f"WHERE {edition_start(var)} < {edition_start('laterEd')} <= {day} }})"
    )


def _ranked_as_of(node: str, score: str) -> str:
    """Cypher after rows of hits ``node`` with ``score``: the hits ranked for ``$asOf``.

    A name is in use on the day when the hit's [validFrom, validUntil) interval holds it;
    for a field version (the name printed in one edition), when its edition was the one
    of its series in force that day; for a field concept, when its version in the edition
    in force bears the concept's name. A field version found by its name also finds its
    field concept, under that name: a field renamed before the day (IoT → 스마트홈 in
    2022) is found by the name it had then and ranked by that hit's score, while its
    former name is found as one no longer in use. A product listed under a field version
    of a dated edition is in use while an edition listing it is in force (one listed only
    by undated editions keeps its own interval). Per hit, ``validOnDate`` says whether
    any of its names found was in use, and ``score`` is the best score among those that
    were (else among all), ``nameOnDate`` the name in use that was found with that best
    score (null when none was); in use first, then by score. ``$label`` applies to the
    hit."""
    onto = load_ontology()
    n = _names()
    version, field, edition, product = (
        quote_name(onto.label(k))
        for k in ("FieldVersion", "StrategicField", "RoadmapEdition", "StrategicProduct")
    )
    of, has, under = (
        quote_name(onto.rel(k)) for k in ("versionOf", "hasFieldVersion", "belongsToField")
    )
    printed = f"EXISTS {{ MATCH (pe:{edition})-[:{has}]->({node}) WHERE {edition_in_force('pe')} }}"
    listed = f"({node})-[:{under}]->(:{version})<-[:{has}]-"
    return f"""
CALL ({node}, {score}) {{
  RETURN {node} AS hit, {score} AS hitScore, {node}.{n["name"]} AS hitName,
    CASE
      WHEN {node}:{version} AND EXISTS {{ (:{edition})-[:{has}]->({node}) }} THEN {printed}
      WHEN {node}:{field}
           AND EXISTS {{ ({node})<-[:{of}]-(:{version})<-[:{has}]-(:{edition}) }}
      THEN EXISTS {{
        MATCH ({node})<-[:{of}]-(cv:{version})<-[:{has}]-(ce:{edition})
        WHERE cv.{n["name"]} = {node}.{n["name"]} AND {edition_in_force("ce")}
      }}
      WHEN {node}:{product}
           AND EXISTS {{ MATCH {listed}(de:{edition}) WHERE {edition_start("de")} IS NOT NULL }}
      THEN EXISTS {{ MATCH {listed}(le:{edition}) WHERE {edition_in_force("le")} }}
      ELSE {_valid(node, n)}
    END AS hitValid
  UNION
  MATCH ({node}:{version})-[:{of}]->(concept:{field})
  RETURN concept AS hit, {score} AS hitScore, {node}.{n["name"]} AS hitName,
         {printed} AS hitValid
}}
WITH hit, hitScore, hitValid, hitName
WHERE ($label IS NULL OR $label IN labels(hit)) AND hit.{n["id"]} IS NOT NULL
WITH hit, hitScore, hitValid, hitName ORDER BY hitScore DESC
WITH hit, max(CASE WHEN hitValid THEN hitScore END) AS validScore, max(hitScore) AS anyScore,
     collect(CASE WHEN hitValid THEN hitName END)[0] AS nameOnDate
WITH hit, validScore IS NOT NULL AS validOnDate, coalesce(validScore, anyScore) AS score,
     nameOnDate
RETURN hit.{n["id"]} AS id, hit.{n["name"]} AS name, hit.{n["nameEn"]} AS nameEn,
       labels(hit) AS labels, score, validOnDate, nameOnDate
"""


@cache
def fulltext_as_of() -> str:
    """``graph.cypher.search.FULLTEXT`` ranked for ``$asOf`` (:func:`_ranked_as_of`): the
    hits whose names were in use that day first (then by score), ``validOnDate`` on every
    row."""
    return f"""
CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
{_ranked_as_of("node", "score")}
ORDER BY validOnDate DESC, score DESC, id
LIMIT $limit
"""


@cache
def contains_as_of() -> str:
    """``graph.cypher.search.CONTAINS`` ranked for ``$asOf`` (:func:`_ranked_as_of`)."""
    onto = load_ontology()
    n = _names()
    aliases = quote_name(onto.prop("aliases"))
    name, name_en = (f"toLower(coalesce(x.{n[k]}, ''))" for k in ("name", "nameEn"))
    return f"""
MATCH (x:{n["entity"]})
WHERE ({name} CONTAINS $q OR {name_en} CONTAINS $q
       OR any(a IN coalesce(x.{aliases}, []) WHERE toLower(a) CONTAINS $q))
WITH x, CASE WHEN {name} = $q OR {name_en} = $q
                  OR any(a IN coalesce(x.{aliases}, []) WHERE toLower(a) = $q)
             THEN 1.0 ELSE 0.5 END AS score
{_ranked_as_of("x", "score")}
ORDER BY validOnDate DESC, score DESC, size(coalesce(name, '')), id
LIMIT $limit
"""


def edition_start(var: str) -> str:
    """Cypher: the day edition ``var`` came into force — its ``publishedDate`` when stated,
    else 1 January of its ``startYear`` (the first year of its plan period); null when it
    states neither (an undated edition is in force on no day)."""
    onto = load_ontology()
    published, start = (quote_name(onto.prop(k)) for k in ("publishedDate", "startYear"))
    return (
        f"coalesce({var}.{published}, CASE WHEN {var}.{start} IS NULL THEN null "
        f"ELSE date({{year: {var}.{start}}}) END)"
    )


@cache
def editions() -> str:
    """Every roadmap edition with its series and the day it came into force (``since``).

    The edition of a series in force on a day is the one with the latest ``since`` on or
    before that day (:func:`stkg.api.asof.in_force` picks it)."""
    onto = load_ontology()
    edition, roadmap = (quote_name(onto.label(k)) for k in ("RoadmapEdition", "Roadmap"))
    of = quote_name(onto.rel("editionOf"))
    i, start, end, published = (
        quote_name(onto.prop(k)) for k in ("id", "startYear", "endYear", "publishedDate")
    )
    return f"""
MATCH (e:{edition})
OPTIONAL MATCH (e)-[:{of}]->(r:{roadmap})
WITH e, min(r.{i}) AS series
RETURN e.{i} AS edition, series, {edition_start("e")} AS since,
       e.{published} AS publishedDate, e.{start} AS startYear, e.{end} AS endYear
ORDER BY series, since, edition
"""


@cache
def editions_of() -> str:
    """The edition of each of the nodes ``$ids`` that belongs to one: an edition is its own,
    a field version the edition that lists it (``hasFieldVersion``); other nodes are left
    out (they carry no edition, so no date)."""
    onto = load_ontology()
    entity, edition = (quote_name(onto.label(k)) for k in ("Entity", "RoadmapEdition"))
    has = quote_name(onto.rel("hasFieldVersion"))
    i = quote_name(onto.prop("id"))
    return f"""
UNWIND $ids AS id
MATCH (n:{entity} {{{i}: id}})
OPTIONAL MATCH (e:{edition})-[:{has}]->(n)
WITH id, CASE WHEN n:{edition} THEN n.{i} ELSE e.{i} END AS edition
WHERE edition IS NOT NULL
RETURN id, edition
"""
