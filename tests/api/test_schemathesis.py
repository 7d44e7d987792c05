"""Property-based contract test: schemathesis over the app's own OpenAPI schema.

Every operation gets generated requests (valid and invalid ones); no answer may be a 5xx,
and every documented answer must match its schema (errors included: problem+json). The
schemathesis pytest plugin's lazy fixture loader does not run on this pytest, so the test
drives the operations' Hypothesis strategies itself.
"""

from __future__ import annotations

import time

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.python.asgi import shutdown_lifespans
from schemathesis.specs.openapi.checks import response_schema_conformance

from stkg.api.app import create_app
from stkg.config.settings import Settings
from stkg.graph.driver import Graph

EXAMPLES = 8
#: Write endpoints need keys and run ingest; they get their own tests.
SKIPPED = {"POST /ingest"}


def test_every_operation_conforms_and_never_fails(neo4j_settings: Settings, seeded: Graph) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(neo4j_settings))
    failures: list[str] = []
    checked = []
    started = time.monotonic()
    try:
        for result in schema.get_all_operations():
            operation = result.ok()
            label = f"{operation.method.upper()} {operation.path}"
            if label in SKIPPED:
                continue
            strategy = operation.as_strategy(generation_mode=GenerationMode.POSITIVE) | (
                operation.as_strategy(generation_mode=GenerationMode.NEGATIVE)
            )

            @given(case=strategy)
            @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                      suppress_health_check=list(HealthCheck))  # fmt: skip
            def check(case: schemathesis.Case) -> None:
                case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])

            try:
                check()
            except Exception as exc:  # one operation's failure must not hide the others'
                failures.append(f"{label}: {exc}")
            checked.append(label)
    finally:
        shutdown_lifespans()
    assert len(checked) >= 15, checked
    assert not failures, "\n\n".join(failures)
    assert time.monotonic() - started < 60
