"""Scoring extraction against hand-checked gold facts (``stkg eval``).

:mod:`.gold` reads the gold files, :mod:`.predicted` turns what a document put in the
graph into the same shape, :mod:`.score` matches the two per category.
"""
