"""The start-up and the book phase of a build (issue 17.4): what a build starts, and when.

- the command line and the build module load without pandas (the chapters need it, the
  build's own process does not);
"""

from __future__ import annotations

import os
import subprocess
import sys
from types import SimpleNamespace

from tests.conftest import ROOT


def test_build_command_loads_without_pandas():
    code = (
        "import sys, analysis.cli, analysis.pipeline.build\n"
        "print(sorted(m for m in ('pandas', 'numpy', 'altair') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"


def test_search_index_stems_each_word_once_with_the_same_stems():
    from sphinx.search.nl import SearchDutch

    from analysis.pipeline import assemble, stems

    words = ["zorgvragers", "gemeenten", "voorzieningen", "zorgvragers", "Gemeenten", "wonen"]
    plain = SearchDutch({})
    memo = SearchDutch({})
    calls: list[str] = []
    inner = memo.stemmer.stemWord
    memo.stemmer.stemWord = lambda w: calls.append(w) or inner(w)
    app = SimpleNamespace(builder=SimpleNamespace(indexer=SimpleNamespace(lang=memo)))
    stems.memoise_stem(app, None, "hoofdstuk")
    stems.memoise_stem(app, None, "volgend-hoofdstuk")  # a second page: no second wrapper
    assert [memo.stem(w) for w in words] == [plain.stem(w) for w in words]
    assert [plain.stem(w) for w in words[:3]] == ["zorgvrager", "meen", "voorzien"]
    assert calls == ["zorgvragers", "gemeenten", "voorzieningen", "gemeenten", "wonen"]
    assert memo.stem.cache_info().hits == 1
    assert (
        stems.__name__
        in assemble.book_config(ROOT, _params(), "stempel", "2025-01-01")["sphinx"][
            "extra_extensions"
        ]
    )


def _params():
    from analysis.config.params import load_params

    saved = os.environ.get("WMO_PROJECT_ROOT")
    os.environ["WMO_PROJECT_ROOT"] = str(ROOT)
    try:
        return load_params("2025")
    finally:
        if saved is None:
            os.environ.pop("WMO_PROJECT_ROOT")
        else:
            os.environ["WMO_PROJECT_ROOT"] = saved
