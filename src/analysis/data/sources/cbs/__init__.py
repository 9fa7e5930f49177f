"""The CBS source: fetch public StatLine tables and convert them into the report's datasets.

Modules, in the order a fetch uses them:

- :mod:`~analysis.data.sources.cbs.registry`  what to fetch (``data/bronnen/cbs_reeksen.yml``)
- :mod:`~analysis.data.sources.cbs.client`    HTTP: retries with backoff, JSON checks, paging
- :mod:`~analysis.data.sources.cbs.layout`    column and category keys found by their titles
- :mod:`~analysis.data.sources.cbs.download`  one CBS table to tidy rows
- :mod:`~analysis.data.sources.cbs.convert`   CBS tables to the report's datasets
- :mod:`~analysis.data.sources.cbs.snapshot`  file names, manifest entries, placing all or nothing
- :mod:`~analysis.data.sources.cbs.fetch`     the whole fetch, all or nothing
- :mod:`~analysis.data.sources.cbs.command`   ``wmo-rapport data fetch``

with the small helpers ``periods`` (CBS period keys), ``status`` (CBS symbols as a status) and
``text`` (title comparison).
"""
