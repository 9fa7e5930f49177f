"""``python -m analysis.data.sources.synthetic``: see :func:`analysis.data.sources.synthetic.main`."""

from analysis.data.sources.synthetic import main

raise SystemExit(main())
