"""``python -m analysis.data.sources.reference``: see :func:`analysis.data.sources.reference.main`."""

from analysis.data.sources.reference import main

raise SystemExit(main())
