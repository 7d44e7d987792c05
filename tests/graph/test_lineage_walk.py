"""The lineage walk itself (graph.lineage.walk): its node cap, and asking a few origins at
a time, on the seeded graph."""

from __future__ import annotations

import pytest

from stkg.graph import lineage
from stkg.graph.driver import Graph
from stkg.graph.lineage import walk

START = "edition:중소기업기술로드맵@2022"


def _shape(graph: dict) -> tuple[set[str], set[str], set[str]]:
    return (
        {n["id"] for n in graph["nodes"]},
        {e["id"] for e in graph["edges"]},
        {g["id"] for g in graph["groups"]},
    )


def test_asking_one_origin_at_a_time_walks_the_same_graph(
    seeded: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = walk(seeded, START, direction="down", depth=3, limit=8)
    grouped = walk(seeded, START, direction="down", depth=2, limit=40)
    assert len(grouped["nodes"]) > 30 and whole["groups"]
    monkeypatch.setattr(lineage, "FRONTIER_CHUNK", 1)
    assert _shape(walk(seeded, START, direction="down", depth=3, limit=8)) == _shape(whole)
    assert _shape(walk(seeded, START, direction="down", depth=2, limit=40)) == _shape(grouped)


def test_the_node_cap_truncates_and_keeps_the_nearest(seeded: Graph) -> None:
    whole = walk(seeded, START, direction="down", depth=2)
    assert whole["truncated"] is False and len(whole["nodes"]) > 12
    capped = walk(seeded, START, direction="down", depth=2, max_nodes=12)
    assert capped["truncated"] is True and len(capped["nodes"]) == 12
    degrees = {n["id"]: n["degree"] for n in whole["nodes"]}
    assert all(degrees[n["id"]] == n["degree"] for n in capped["nodes"])
    # nothing of a later hop is kept while a nearer node was left out
    kept = {n["id"] for n in capped["nodes"]}
    deepest = max(n["degree"] for n in capped["nodes"])
    assert all(i in kept for i, d in degrees.items() if d < deepest)
    ids = kept
    assert all(e["source"] in ids and e["target"] in ids for e in capped["edges"])
