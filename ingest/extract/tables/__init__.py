"""Tables: their parsing and the facts they state, side by side.

- :mod:`.parse` — :func:`~.parse.extract_tables`, every recogniser over a document's text:
  :mod:`.field_counts`, :mod:`.overview`, :mod:`.smart_manufacturing`,
  :mod:`.patent_tables`, on the line and cell splitting of :mod:`.layout`;
  :mod:`.structured` reads the same field-count table from a format's own grid, and
  :mod:`.core_technologies` the product → core-technology tables of any grid;
- :mod:`.model` — the typed rows, each value carrying its evidence;
- :mod:`.facts` — the nodes and relationships each kind of table asserts;
- :mod:`.extractor` — the two extractors of the registry (grid and text tables).
"""
