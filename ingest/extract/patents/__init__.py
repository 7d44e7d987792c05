"""Patent lists (CSV/XLSX exports of patent searches): their parsing and their facts.

- :mod:`.parse` — header recognition, row parsing and validation into a ``PatentList``;
- :mod:`.facts` — the patents of a list, their applicants and the technology they belong to.

The ``grid-tables`` extractor (:mod:`stkg.ingest.extract.tables.extractor`) runs both over
a document's grids.
"""
