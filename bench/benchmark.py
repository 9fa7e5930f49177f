"""Benchmark of the build (issue 9): ``make bench`` or ``python bench/benchmark.py``.

Measures, in one run on this machine, on a temporary copy of the project (the user's ``_build``
is never touched), each as a whole process (``python`` start-up and imports included):

* **naive**: papermill each chapter in sequence into a temporary folder (one ``papermill``
  process per chapter), then ``jupyter-book build`` with execution off;
* **koud** (cold): ``build`` with an empty build folder;
* **niets gewijzigd** (no-op): ``build`` again, nothing changed;
* **één dataset gewijzigd**: one value in one dataset changed (manifest sha256 refreshed), then
  ``build``; checks that exactly the chapters that read it were executed;
* **ondergrens** (lower bound of a cold build): the slowest single chapter + the book build, both
  taken from the naive run;
* **piekgeheugen**: the largest resident set of the whole process tree during a cold build
  (sampled from ``/proc`` every 50 ms), and the largest single process (``/usr/bin/time -v``).

Writes ``bench/resultaten.json`` and prints a table. ``--project demo`` (the default when
``data/manifest.yml`` does not exist yet) benchmarks a generated project of six chapters that
load data and draw a chart each, like the real chapters.

Machine-wide caches are warm in every variant alike (the Vega bundle from vl-convert, made once
per vl-convert version; Python's bytecode), as they are on a user's machine after a first build.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
RUN_BUILD = """
import json, sys
from pathlib import Path
from analysis.pipeline.build import build
r = build(sys.argv[2], root=Path(sys.argv[1]), say=lambda m: None)
Path(sys.argv[3]).write_text(json.dumps({"executed": r.executed, "book_built": r.book_built}))
"""
TARGETS = {"koud_vs_naief": 0.7, "nietsgewijzigd_vs_koud": 0.05, "eendataset_vs_koud": 0.5}


# ------------------------------------------------------------------------------ measuring


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            stat = Path(f"/proc/{d}/stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            rss[int(d)] = int(Path(f"/proc/{d}/statm").read_text().split()[1]) * page
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(d))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total


def run(cmd: list[str], env: dict[str, str], cwd: Path | None = None) -> dict[str, float]:
    """Run a whole process; return wall seconds, peak tree RSS (MB) and max single RSS (MB)."""
    time_bin = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else "")
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = [time_bin, "-v", "-o", tf.name, *cmd] if time_bin else cmd
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            full, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        peak = [0]
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                peak[0] = max(peak[0], _tree_rss(proc.pid))
                stop.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        out, _ = proc.communicate()
        secs = time.perf_counter() - t0
        stop.set()
        sampler.join()
        if proc.returncode != 0:
            raise SystemExit(f"mislukt ({proc.returncode}): {' '.join(cmd)}\n{out[-3000:]}")
        single = 0.0
        if time_bin:
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", Path(tf.name).read_text())
            single = int(m.group(1)) / 1024 if m else 0.0
    return {"seconden": secs, "piek_boom_mb": peak[0] / 2**20, "piek_proces_mb": single}


def project_env(root: Path) -> dict[str, str]:
    env = {**os.environ, "WMO_PROJECT_ROOT": str(root), "PYTHONHASHSEED": "0"}
    env["PYTHONPATH"] = os.pathsep.join([str(root / "src"), env.get("PYTHONPATH", "")]).strip(
        os.pathsep
    )
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


# --------------------------------------------------------------------------- the projects


def copy_project(dest: Path) -> Path:
    """Copy the real project's sources (no _build, no .git) into ``dest`` and commit them."""
    dest.mkdir(parents=True)
    for name in ("_config.yml", "_toc.yml", "pyproject.toml"):
        shutil.copy(ROOT / name, dest / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", ".ipynb_checkpoints")
    for name in ("_static", "chapters", "params", "src", "data"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    _git(dest)
    return dest


DEMO_CHAPTER = """\
from analysis.present import charts
from analysis.present import report
ctx = report.chapter(periode)
df = ctx.load("{dataset}")
tabel = (df[df.gemeente_code == ctx.code]
         .rename(columns={{"periode": "Jaar", "leeftijd": "Leeftijd", "waarde": "Aantal"}})
         [["Jaar", "Leeftijd", "Aantal"]])
fig = charts.line_chart(tabel, name="{name}", x="Jaar", y="Aantal", color="Leeftijd",
                        title="Aantal inwoners per leeftijdsgroep", subtitle="aantal personen",
                        description="Lijnen per leeftijdsgroep", sources=[df])
fig.show()
report.glue("n", int(tabel.Aantal.sum()))
"""


def demo_project(dest: Path) -> Path:
    """A generated project like the real one: six chapters, three datasets, a chart each."""
    import nbformat

    sys.path.insert(0, str(ROOT))
    from tests.conftest import write_dataset

    dest.mkdir(parents=True)
    for name in ("_config.yml", "pyproject.toml"):
        shutil.copy(ROOT / name, dest / name)
    shutil.copytree(ROOT / "_static", dest / "_static")
    shutil.copytree(ROOT / "params", dest / "params")
    shutil.copytree(
        ROOT / "src", dest / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    for i, ds in enumerate(("tel", "woon", "zorg")):
        rows = ["gemeente_code,periode,leeftijd,waarde,aandeel"]
        for year in range(2010, 2026):
            for g, (lo, hi) in (("GM0397", (27000, 6000)), ("GM0392", (130000, 30000))):
                young, old = lo + 37 * (year - 2010) + i, hi + 91 * (year - 2010) + i
                share = round(100 * old / (young + old), 1)
                rows.append(f"{g},{year},0-64,{young},{100 - share:.1f}")
                rows.append(f"{g},{year},65+,{old},{share:.1f}")
        write_dataset(dest / "data", ds, "\n".join(rows) + "\n")
    chapters = dest / "chapters"
    chapters.mkdir()
    (chapters / "index.md").write_text("# Demo-rapport\n\nVoor de benchmark.\n", "utf-8")
    names = []
    for k in range(6):
        name, dataset = f"hoofdstuk{k + 1}", ("tel", "woon", "zorg")[k % 3]
        nb = nbformat.v4.new_notebook()
        nb.metadata = {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        }
        nb.cells = [
            nbformat.v4.new_markdown_cell(f"# Hoofdstuk {k + 1}\n\nLeest `{dataset}`."),
            nbformat.v4.new_code_cell('periode = "2025"'),
            nbformat.v4.new_code_cell(DEMO_CHAPTER.format(dataset=dataset, name=name)),
            nbformat.v4.new_markdown_cell("Samen {glue}`n` inwoners."),
        ]
        nb.cells[1].metadata["tags"] = ["parameters"]
        for j, c in enumerate(nb.cells, 1):
            c["id"] = f"cel-{j:02d}"
        nbformat.write(nb, chapters / f"{name}.ipynb")
        names.append(name)
    toc = "format: jb-book\nroot: chapters/index\nchapters:\n" + "".join(
        f"  - file: chapters/{n}\n" for n in names
    )
    (dest / "_toc.yml").write_text(toc, "utf-8")
    _git(dest)
    return dest


def _git(dest: Path) -> None:
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost"]
    subprocess.run(["git", "init", "-q"], cwd=dest, check=True)
    subprocess.run(["git", "add", "-A"], cwd=dest, check=True)
    subprocess.run([*git, "commit", "-qm", "benchmark"], cwd=dest, check=True)


# ------------------------------------------------------------------------------ variants


def naive(root: Path, periode: str, work: Path) -> dict[str, object]:
    """Papermill each chapter in sequence, then jupyter-book build (execution off)."""
    from analysis.pipeline.pages import toc_pages
    from analysis.present.assets import vega_bundle

    book = work / "boek"
    if book.exists():
        shutil.rmtree(book)
    shutil.copytree(root / "_static", book / "_static")
    (book / "_static" / "vega-bundle.js").write_bytes(vega_bundle())
    cfg = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    cfg.setdefault("execute", {})["execute_notebooks"] = "off"
    (book / "_config.yml").write_text(yaml.safe_dump(cfg, allow_unicode=True), "utf-8")
    shutil.copy(root / "_toc.yml", book / "_toc.yml")
    env = project_env(root)
    chapters: dict[str, float] = {}
    t0 = time.perf_counter()
    for page in toc_pages(root):
        target = book / page.path.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not page.is_notebook:
            shutil.copy(page.path, target)
            continue
        r = run(
            [
                str(BIN / "papermill"),
                str(page.path),
                str(target),
                "-r",
                "periode",
                periode,
                "--cwd",
                str(root),
                "--no-progress-bar",
            ],
            env,
        )
        chapters[page.label] = r["seconden"]
    jb = run([str(BIN / "jupyter-book"), "build", str(book), "--builder", "html"], env)
    total = time.perf_counter() - t0
    return {"seconden": total, "hoofdstukken": chapters, "boek_seconden": jb["seconden"]}


def ours(root: Path, periode: str, work: Path) -> dict[str, object]:
    out = work / "uitkomst.json"
    r = run([sys.executable, "-c", RUN_BUILD, str(root), periode, str(out)], project_env(root))
    r.update(json.loads(out.read_text()))
    return r


def change_one_dataset(root: Path) -> tuple[str, list[str]]:
    """Change one value in the dataset read by the fewest chapters; return it and its readers."""
    from analysis.config.manifest import load_manifest, refresh_hashes

    state = json.loads(next((root / "_build").glob("*/state.json")).read_text())
    readers: dict[str, list[str]] = {}
    for doc, ch in state["chapters"].items():
        for name in ch["inputs"]["datasets"]:
            readers.setdefault(name, []).append(Path(doc).name)
    name = min(sorted(readers), key=lambda n: len(readers[n]))
    folder = root / "data"
    path = folder / load_manifest(folder)[name]["file"]
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    header = lines[0].rstrip("\r\n").split(",")
    col = header.index("waarde") if "waarde" in header else len(header) - 1
    for i in range(len(lines) - 1, 0, -1):
        cells = lines[i].rstrip("\r\n").split(",")
        if re.fullmatch(r"\d*[1-9]", cells[col] or ""):
            cells[col] = cells[col][:-1] + str(int(cells[col][-1]) - 1)
            lines[i] = ",".join(cells) + "\n"
            break
    else:
        lines.append("\n")  # no whole count found: one byte more, still valid
    path.write_text("".join(lines), encoding="utf-8")
    refresh_hashes(folder)
    return name, sorted(readers[name])


def machine() -> dict[str, object]:
    cpu = "onbekend"
    with open("/proc/cpuinfo", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": round(mem, 1),
        "python": platform.python_version(),
        "systeem": platform.platform(),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--project",
        choices=["echt", "demo"],
        default=None,
        help="het echte project (standaard als data/manifest.yml bestaat) of demo",
    )
    ap.add_argument("--periode", default="2025")
    ap.add_argument("--herhalingen", type=int, default=3, help="metingen per variant (mediaan)")
    ap.add_argument("--uitvoer", default=str(ROOT / "bench" / "resultaten.json"))
    args = ap.parse_args(argv)
    kind = args.project or ("echt" if (ROOT / "data" / "manifest.yml").is_file() else "demo")
    sys.path.insert(0, str(ROOT / "src"))
    from analysis.present.assets import vega_bundle

    vega_bundle()  # machine-wide cache, warm for every variant alike
    # other work on the machine makes every figure slower: record the load (1-minute average)
    load_start = round(os.getloadavg()[0], 2)
    print(
        f"Benchmark ({kind}-project, periode {args.periode}, {args.herhalingen}× per variant)",
        flush=True,
    )
    m: dict[str, list] = {k: [] for k in ("naief", "koud", "nietsgewijzigd", "eendataset")}
    extra: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="wmo-bench-") as tmp:
        base = Path(tmp)
        src = (copy_project if kind == "echt" else demo_project)(base / "bron")
        for i in range(args.herhalingen):
            root = base / f"p{i}"
            shutil.copytree(src, root, symlinks=True)
            work = base / f"w{i}"
            work.mkdir()
            # alternate the order so neither variant always runs on a warmer machine
            order = ("naief", "koud") if i % 2 == 0 else ("koud", "naief")
            for variant in order:
                if variant == "naief":
                    r = naive(root, args.periode, work)
                else:
                    r = ours(root, args.periode, work)
                    assert r["book_built"], "koude bouw bouwde geen boek"
                m[variant].append(r)
                print(f"  {variant:15s} {r['seconden']:6.1f} s", flush=True)
            r = ours(root, args.periode, work)
            assert r["executed"] == [] and not r["book_built"], r
            m["nietsgewijzigd"].append(r)
            print(f"  {'nietsgewijzigd':15s} {r['seconden']:6.2f} s", flush=True)
            name, readers = change_one_dataset(root)
            r = ours(root, args.periode, work)
            r["dataset"], r["verwacht"] = name, readers
            assert sorted(r["executed"]) == readers, (r["executed"], readers)
            m["eendataset"].append(r)
            print(
                f"  {'eendataset':15s} {r['seconden']:6.1f} s  ({name}: "
                f"{', '.join(r['executed'])})",
                flush=True,
            )
            shutil.rmtree(root, ignore_errors=True)
            shutil.rmtree(work, ignore_errors=True)
        extra["hoofdstukken"] = len(m["naief"][0]["hoofdstukken"])

    def med(k: str, field: str = "seconden") -> float:
        return statistics.median(float(r[field]) for r in m[k])

    lower = [max(r["hoofdstukken"].values()) + r["boek_seconden"] for r in m["naief"]]
    mach = machine()
    mach["belasting_begin_eind"] = [load_start, round(os.getloadavg()[0], 2)]
    res = {
        "machine": mach,
        "project": kind,
        "periode": args.periode,
        "herhalingen": args.herhalingen,
        "hoofdstukken": extra["hoofdstukken"],
        "mediaan_seconden": {
            "naief": med("naief"),
            "koud": med("koud"),
            "nietsgewijzigd": med("nietsgewijzigd"),
            "eendataset": med("eendataset"),
            "ondergrens": statistics.median(lower),
        },
        "verhoudingen": {
            "koud_vs_naief": med("koud") / med("naief"),
            "nietsgewijzigd_vs_koud": med("nietsgewijzigd") / med("koud"),
            "eendataset_vs_koud": med("eendataset") / med("koud"),
            "koud_vs_ondergrens": med("koud") / statistics.median(lower),
        },
        "doelen": TARGETS,
        "uitgevoerd_bij_nietsgewijzigd": sorted(
            {c for r in m["nietsgewijzigd"] for c in r["executed"]}
        ),
        "eendataset": {
            "dataset": m["eendataset"][0]["dataset"],
            "uitgevoerd": sorted(m["eendataset"][0]["executed"]),
        },
        "piekgeheugen_mb": {
            "koud_procesboom": med("koud", "piek_boom_mb"),
            "koud_grootste_proces": med("koud", "piek_proces_mb"),
        },
        "metingen": m,
    }
    res["gehaald"] = {k: res["verhoudingen"][k] <= v for k, v in TARGETS.items()}
    Path(args.uitvoer).write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print_table(res)
    return 0 if all(res["gehaald"].values()) else 1


def print_table(res: dict) -> None:
    s, v, mc = res["mediaan_seconden"], res["verhoudingen"], res["machine"]
    print(
        f"\nMachine: {mc['nproc']} kernen, {mc['cpu']}, {mc['ram_gb']} GB RAM, belasting "
        f"{mc['belasting_begin_eind'][0]} → {mc['belasting_begin_eind'][1]}; "
        f"{res['project']}-project, {res['hoofdstukken']} hoofdstukken, "
        f"mediaan van {res['herhalingen']}"
    )
    rows = [
        ("naïef (papermill na elkaar + jupyter-book)", s["naief"], "", ""),
        ("koude bouw", s["koud"], f"{v['koud_vs_naief']:.2f} × naïef", "≤ 0,70"),
        (
            "niets gewijzigd",
            s["nietsgewijzigd"],
            f"{v['nietsgewijzigd_vs_koud']:.3f} × koud",
            "≤ 0,05",
        ),
        (
            f"één dataset gewijzigd ({res['eendataset']['dataset']}: "
            f"{', '.join(res['eendataset']['uitgevoerd'])})",
            s["eendataset"],
            f"{v['eendataset_vs_koud']:.2f} × koud",
            "≤ 0,50",
        ),
        (
            "ondergrens (traagste hoofdstuk + boek)",
            s["ondergrens"],
            f"koud = {v['koud_vs_ondergrens']:.2f} × ondergrens",
            "",
        ),
    ]
    print(f"{'variant':62s} {'s':>7s}  {'verhouding':26s} doel")
    for name, secs, ratio, target in rows:
        print(f"{name:62s} {secs:7.2f}  {ratio:26s} {target}")
    pm = res["piekgeheugen_mb"]
    print(
        f"piekgeheugen koude bouw: {pm['koud_procesboom']:.0f} MB (hele procesboom), "
        f"grootste proces {pm['koud_grootste_proces']:.0f} MB"
    )
    print(
        "doelen gehaald: "
        + ", ".join(f"{k} {'ja' if ok else 'NEE'}" for k, ok in res["gehaald"].items())
    )


if __name__ == "__main__":
    sys.exit(main())
