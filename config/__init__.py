"""The floor every other package stands on: settings, the version, process helpers.

- :mod:`.settings` — every knob, read from the environment once (``Settings``);
- :mod:`.version` — the release stkg reports (User-Agent, provenance, ``/health``);
- :mod:`.processes` — pid files and detached process groups for the local Neo4j and the API.

It imports nothing else of stkg, so ``graph``, ``ingest``, ``api`` and the CLI can all use it.
"""
