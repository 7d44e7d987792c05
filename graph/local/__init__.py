"""The local Neo4j server: Java 17 and Maven, no Docker (:mod:`.server`, ``neo4j-pom.xml``)."""
