"""Statements in the prose of press releases: their parsing and their facts, side by side.

- :mod:`.parse` — :func:`~.parse.extract_statements`, the rules over sentence and bullet
  units (:mod:`.units`): editions (:mod:`.roadmaps`, :mod:`.timeline`), changes
  (:mod:`.changes`), examples (:mod:`.examples`), organisations (:mod:`.organisations`)
  and the patent method (:mod:`.patents`);
- :mod:`.model` — the typed statements, each tied to its span;
- :mod:`.facts` — the nodes and relationships the statements support;
- :mod:`.extractor` — the ``statements`` extractor of the registry.
"""
