"""Cypher the services run, one module per graph concern.

Analyst-facing, named queries live in ``queries/*.cypher``; the statements here are the
ones only code runs (API routes, the CLI). No route or ingest module holds Cypher text.
"""
