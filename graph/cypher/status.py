"""Whether the ontology has been synced into the graph (``/ready``).

Used by the API routes; every value is a parameter."""

CONSTRAINT_EXISTS = """
SHOW CONSTRAINTS YIELD name WHERE name = $constraint RETURN count(*) AS constraints
"""


SCHEMA_NODES = """
MATCH (c:OntologyClass) RETURN count(c) AS classes, max(c.ontologyVersion) AS version
"""
