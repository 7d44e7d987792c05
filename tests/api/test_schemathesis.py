"""Contract test: schemathesis, every check, over the app's own OpenAPI document.

The run is the one ``schemathesis run --checks all`` makes (its engine, in process, over
ASGI): the examples, coverage and fuzzing phases on every operation, then the stateful
phase, which follows the document's OpenAPI links from answer to request. Every check is
on but those in :data:`DISABLED_CHECKS`; an operation may widen a check where the schema
cannot state a constraint (:data:`OPERATION_CHECKS`). Both lists, with the reasons, are
also in docs/api.md. The seed is fixed, so a failure comes back on every run.

The app under test has an API key that schemathesis is not given: the write endpoints are
checked for what they answer without a valid key (401, 403), and nothing is written.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis.configuration import set_hypothesis_home_dir
from pydantic import SecretStr
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import Status, events, from_schema
from schemathesis.engine.run import PhaseName
from schemathesis.python.asgi import shutdown_lifespans

from stkg.api.app import create_app
from stkg.config.settings import Settings
from stkg.graph.driver import Graph

SEED = 4242
#: Examples per operation and phase (Hypothesis' max_examples).
EXAMPLES = 40
#: Checks left out, with the reason.
DISABLED_CHECKS = {
    "max_response_time": "a wall-clock bound fails on a loaded machine, not on a broken API; "
    "speed is measured in bench/",
}
#: Checks an operation runs with other expectations than the default, with the reason.
OPERATION_CHECKS: list[dict[str, Any]] = [
    {
        "include-path": "/cypher",
        "include-method": "POST",
        "checks": {
            # The default list, plus 400 and 408: a string the schema accepts need not be
            # Cypher (no JSON Schema states a grammar; 400 is the answer to invalid
            # Cypher), and whether a query ends within its timeout depends on the query.
            "positive_data_acceptance": {
                "expected-statuses": [
                    *("2xx", "3xx", "401", "403", "404", "409", "429", "5xx"),  # the default
                    *("400", "408"),
                ],
            },
        },
    },
]
# GET and POST /sparql: as for /cypher, a string the schema accepts need not be SPARQL
# (400 answers an invalid query, an update or SERVICE), and whether a query ends within
# STKG_SPARQL_TIMEOUT depends on the query (408)
OPERATION_CHECKS += [
    {
        "include-path": "/sparql",
        "include-method": method,
        "checks": {
            "positive_data_acceptance": {
                "expected-statuses": [
                    *("2xx", "3xx", "401", "403", "404", "409", "429", "5xx"),  # the default
                    *("400", "408"),
                ],
            },
        },
    }
    for method in ("GET", "POST")
]
# GET /fields/{id}/indicators: whether a split year falls inside the period, and whether the
# period holds two years to split, is a relation between parameters no JSON Schema of one
# parameter states (400 answers it)
OPERATION_CHECKS += [
    {
        "include-path": "/fields/{id}/indicators",
        "include-method": "GET",
        "checks": {
            "positive_data_acceptance": {
                "expected-statuses": [
                    *("2xx", "3xx", "401", "403", "404", "409", "429", "5xx"),  # the default
                    "400",
                ],
            },
        },
    }
]
# the SPARQL 1.1 Protocol's POST body is the query as text: sent as text/plain is sent
schemathesis.serializer.alias("application/sparql-query", "text/plain")
TESTING_PHASES = (
    PhaseName.EXAMPLES,
    PhaseName.COVERAGE,
    PhaseName.FUZZING,
    PhaseName.STATEFUL_TESTING,
)


def _config() -> SchemathesisConfig:
    config = SchemathesisConfig.from_dict(
        {
            "seed": SEED,
            # Hypothesis' too_slow health check times the data generation: it fails on a
            # loaded machine, whatever the API does (no other health check is off)
            "suppress-health-check": ["too_slow"],
            "generation": {"max-examples": EXAMPLES, "database": "none"},
            "operations": OPERATION_CHECKS,
        }
    )
    # as the CLI's --checks all --exclude-checks …
    config.projects.override.checks.update(
        included_check_names=["all"], excluded_check_names=list(DISABLED_CHECKS)
    )
    return config


def _failures(recorder: Any) -> list[str]:
    found = []
    for case_id, checks in recorder.checks.items():
        for check in checks:
            if check.status == Status.FAILURE:
                info = check.failure_info
                title = info.failure.title if info else ""
                message = info.failure.message if info else ""
                sample = info.code_sample if info else recorder.cases[case_id].value.path
                found.append(f"{recorder.label}: {check.name}: {title}\n{message}\n{sample}")
    return found


@pytest.fixture
def hypothesis_home(tmp_path: Path) -> Iterator[Path]:
    """Hypothesis' own files (its cache of constants) in a temporary folder, not the tree."""
    set_hypothesis_home_dir(tmp_path)
    yield tmp_path
    set_hypothesis_home_dir(None)


def test_the_api_keeps_its_openapi_contract(
    neo4j_settings: Settings, seeded: Graph, hypothesis_home: Path
) -> None:
    key = SecretStr(secrets.token_urlsafe(24))  # never given to schemathesis
    app = create_app(neo4j_settings.model_copy(update={"api_keys": [key]}))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=_config())
    failures: list[str] = []
    errors: list[str] = []
    finished: dict[PhaseName, Status] = {}
    cases: dict[PhaseName, int] = {}
    try:
        for event in from_schema(schema).execute():
            if isinstance(event, events.ScenarioFinished):
                cases[event.phase] = cases.get(event.phase, 0) + len(event.recorder.cases)
                failures.extend(_failures(event.recorder))
            elif isinstance(event, events.PhaseFinished) and event.phase.is_enabled:
                finished[event.phase.name] = event.status
            elif isinstance(event, events.NonFatalError | events.FatalError):
                errors.append(str(getattr(event, "info", None) or event.exception))
    finally:
        shutdown_lifespans()
    assert not errors, "\n\n".join(errors)
    assert not failures, f"{len(failures)} contract failures:\n\n" + "\n\n".join(failures)
    # every testing phase ran (the stateful one needs the document's links) and passed
    assert {phase: finished.get(phase) for phase in TESTING_PHASES} == dict.fromkeys(
        TESTING_PHASES, Status.SUCCESS
    ), (finished, cases)
    assert all(cases.get(phase) for phase in TESTING_PHASES), cases
