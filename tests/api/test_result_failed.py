"""A result whose transaction failed because Neo4j went away is a 503, not a 500.

The outage test (``tests/reliability/test_outage.py``) meets this as a race: a query running
while the server stops ends in the driver's ``ResultFailedError``, raised *from* the error
that ended the transaction. Here the error chains are built directly, so the rule is
checked every run, not only when the race happens.
"""

from __future__ import annotations

import pytest
from neo4j.exceptions import ClientError, ResultFailedError, ServiceUnavailable, SessionExpired

from stkg.api.problems import server_went_away


def _failed_from(cause: BaseException) -> ResultFailedError:
    try:
        try:
            raise cause
        except BaseException as inner:
            raise ResultFailedError(None, "The result has failed.") from inner
    except ResultFailedError as failed:
        return failed


@pytest.mark.parametrize(
    "cause",
    [ServiceUnavailable("gone"), SessionExpired("expired"), ConnectionResetError("reset")],
)
def test_a_result_failed_by_the_server_going_away_is_unavailability(cause) -> None:
    assert server_went_away(_failed_from(cause))


def test_a_result_failed_by_the_query_itself_is_not() -> None:
    error = ClientError("Neo.ClientError.Statement.SyntaxError")
    assert not server_went_away(_failed_from(error))
