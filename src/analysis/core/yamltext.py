"""Reading YAML text fast: libyaml's parser when installed, with PyYAML's Python parser's results.

The project reads the same YAML files in every chapter (the data manifest, the dataset schemas,
the key indicators, the params); PyYAML's pure-Python parser takes a tenth of a second for each
of the larger ones. :func:`safe_load` parses with libyaml's safe loader (``yaml.CSafeLoader``),
which builds the objects with the same safe constructor as :func:`yaml.safe_load`; a text it
refuses is parsed again by :func:`yaml.safe_load`, so invalid YAML raises exactly the error (and
message) it raised before. ``tests/test_yamltext.py`` checks both give the same objects for every
YAML file in the repository.
"""

from __future__ import annotations

from typing import Any

import yaml

_C_LOADER = getattr(yaml, "CSafeLoader", None)


def safe_load(text: str | bytes) -> Any:  # noqa: ANN401 - whatever the document holds
    """Parse one YAML document like :func:`yaml.safe_load`, with libyaml when installed.

    Examples
    --------
    >>> safe_load("a: [1, 2]\\nb: ja\\nc: 2025-01-01")
    {'a': [1, 2], 'b': 'ja', 'c': datetime.date(2025, 1, 1)}
    >>> safe_load("") is None
    True
    """
    if _C_LOADER is not None:
        try:
            return yaml.load(text, Loader=_C_LOADER)  # noqa: S506 - the safe loader
        except yaml.YAMLError:
            pass  # parsed again below for the Python parser's error and message
    return yaml.safe_load(text)
