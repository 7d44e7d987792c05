"""Analyses computed from the graph: patent counts per technology and year
(:mod:`.patent_counts`), the indicators computed from them (:mod:`.indicators`, pure
Python), their store in the graph (:mod:`.indicator_store`) and the run that ties the
three together (:mod:`.patent_analysis`).
"""
