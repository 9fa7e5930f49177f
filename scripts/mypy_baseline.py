"""Type check with a baseline: mypy's errors are compared with ``.ci/mypy-baseline.txt``.

- an error that is not in the baseline fails the check (new code is typed);
- an error of the baseline that mypy no longer reports also fails, until the baseline is
  shrunk with ``--update`` (so the baseline only ever gets shorter);
- ``--update`` refuses to add errors: it writes the baseline only when nothing is new.

The baseline lists errors as ``file: [code] message``; they are compared without file and line
(``[code] message``, as a multiset), so moving code within or between modules does not count as
a new error. Run by ``make typecheck`` and ``.ci/run``::

    .venv/bin/python scripts/mypy_baseline.py [--update]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / ".ci" / "mypy-baseline.txt"
_ERROR = re.compile(
    r"^(?P<file>[^:\s]+\.py):\d+(?::\d+)?: error: (?P<msg>.*?)(?:\s+\[(?P<code>[\w-]+)\])?$"
)


def normalise(output: str) -> Counter[str]:
    """mypy's error lines as ``file: [code] message`` keys with their counts.

    Examples
    --------
    >>> normalise("src/a.py:3: error: Bad thing  [arg-type]\\nsrc/a.py: note: x\\n")
    Counter({'src/a.py: [arg-type] Bad thing': 1})
    """
    found: Counter[str] = Counter()
    for line in output.splitlines():
        m = _ERROR.match(line.strip())
        if m:
            found[f"{m['file']}: [{m['code'] or 'misc'}] {m['msg']}"] += 1
    return found


def read_baseline(path: Path = BASELINE) -> Counter[str]:
    """The baseline file as keys with counts (comment lines start with ``#``)."""
    if not path.is_file():
        return Counter()
    lines = path.read_text(encoding="utf-8").splitlines()
    return Counter(line for line in lines if line.strip() and not line.startswith("#"))


def _without_file(errors: Counter[str]) -> Counter[str]:
    found: Counter[str] = Counter()
    for key, n in errors.items():
        found[key.split(": ", 1)[-1]] += n
    return found


def compare(current: Counter[str], baseline: Counter[str]) -> tuple[list[str], list[str]]:
    """``(new, fixed)``: errors beyond the baseline, and baseline entries no longer reported
    (compared as ``[code] message``: the file may change when code moves).

    Examples
    --------
    >>> compare(Counter({"a.py: [x] m": 2, "b.py: [y] n": 1}), Counter({"c.py: [x] m": 1,
    ...         "a.py: [z] o": 1}))
    (['[x] m', '[y] n'], ['[z] o'])
    """
    cur, base = _without_file(current), _without_file(baseline)
    return sorted((cur - base).elements()), sorted((base - cur).elements())


def write_baseline(current: Counter[str], path: Path = BASELINE) -> None:
    header = (
        "# mypy errors accepted for now (scripts/mypy_baseline.py). This list may only shrink:\n"
        "# fix an error, then run `python scripts/mypy_baseline.py --update`.\n"
    )
    body = "".join(f"{k}\n" for k in sorted(current.elements()))
    path.write_text(header + body, encoding="utf-8")


def run_mypy() -> str:
    cmd = [sys.executable, "-m", "mypy", "--no-error-summary", "--no-pretty"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode not in (0, 1):  # 2: mypy itself failed (configuration, crash)
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"mypy kon niet draaien (exitcode {proc.returncode})")
    return proc.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="mypy met een basislijn die alleen krimpt.")
    parser.add_argument("--update", action="store_true", help="basislijn inkorten")
    args = parser.parse_args(argv)
    current = normalise(run_mypy())
    if args.update and not BASELINE.is_file():  # the first baseline: everything as it is
        write_baseline(current)
        print(f"basislijn aangemaakt: {sum(current.values())} fout(en)")
        return 0
    new, fixed = compare(current, read_baseline())
    if new:
        print(f"{len(new)} nieuwe typefout(en) (niet in {BASELINE.relative_to(ROOT)}):")
        print("\n".join(f"  {e}" for e in new))
        return 1
    if fixed and not args.update:
        print(f"{len(fixed)} fout(en) uit de basislijn zijn opgelost; kort de basislijn in met")
        print("  python scripts/mypy_baseline.py --update")
        print("\n".join(f"  {e}" for e in fixed))
        return 1
    if args.update and fixed:
        write_baseline(current)
        print(f"basislijn bijgewerkt: {sum(current.values())} fout(en)")
    print(f"typecontrole: geen nieuwe fouten ({sum(current.values())} in de basislijn)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
