"""API throughput at N connections (wrk on loopback) next to a bare-driver loop.

    python -m bench.api_throughput [--connections 32] [--seconds 10] [--api http://127.0.0.1:8000]

Both sides run the same named query (``field-history`` for 드론, from ``queries/``) against
the same Neo4j (NEO4J_URI) at the same concurrency: wrk drives ``GET /queries/...`` on the
running API; the bare side runs the query's Cypher through the async Python driver with N
concurrent tasks. Needs ``wrk`` (Debian package ``wrk``) and a running ``stkg up``.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import shutil
import subprocess
import time
from urllib.parse import quote

from neo4j import AsyncGraphDatabase

from stkg.graph.driver import auth_for
from stkg.queries.catalog import load_catalog
from stkg.settings import get_settings

QUERY = "field-history"
PARAMS = {"field": "드론"}


def wrk(url: str, connections: int, seconds: int) -> dict[str, float]:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50_ms": _ms(p50), "p99_ms": _ms(p99),
            "errors": float(non2xx.group(1)) if non2xx else 0.0}  # fmt: skip


def _ms(match: re.Match[str] | None) -> float:
    if match is None:
        return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


async def bare(connections: int, seconds: int) -> dict[str, float]:
    settings = get_settings()
    cypher = load_catalog()[QUERY].cypher
    driver = AsyncGraphDatabase.driver(settings.neo4j_uri, auth=auth_for(settings),
                                       max_connection_pool_size=connections)  # fmt: skip
    deadline = time.perf_counter() + seconds
    latencies: list[float] = []

    async def worker() -> None:
        while time.perf_counter() < deadline:
            began = time.perf_counter()
            await driver.execute_query(cypher, PARAMS, database_=settings.neo4j_database,
                                       routing_="r")  # fmt: skip
            latencies.append((time.perf_counter() - began) * 1000)

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(connections)))
    elapsed = time.perf_counter() - began
    await driver.close()
    latencies.sort()
    return {"rps": len(latencies) / elapsed, "p50_ms": latencies[len(latencies) // 2],
            "p99_ms": latencies[int(len(latencies) * 0.99)], "errors": 0.0}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--api", default="http://127.0.0.1:8000")
    args = parser.parse_args()
    url = f"{args.api}/queries/{QUERY}?" + "&".join(f"{k}={quote(v)}" for k, v in PARAMS.items())
    api = wrk(url, args.connections, args.seconds)
    driver = asyncio.run(bare(args.connections, args.seconds))
    print("side\trps\tp50_ms\tp99_ms\terrors")
    for name, row in (("api", api), ("bare-driver", driver)):
        print(
            f"{name}\t{row['rps']:.0f}\t{row['p50_ms']:.1f}\t{row['p99_ms']:.1f}\t{row['errors']:.0f}"
        )
    print(f"api/bare throughput ratio\t{api['rps'] / driver['rps']:.2f}")


if __name__ == "__main__":
    main()
