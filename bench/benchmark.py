"""Benchmark of the build (issues 9 and 17): ``make bench`` or ``python bench/benchmark.py``.

Measures, in one run on this machine, on a temporary copy of the project (the user's ``_build``
is never touched), with the real chapters, each variant as a whole process (start-up and imports
included), and prints the ratios:

* **naief**: papermill each chapter in sequence (one ``papermill`` process per chapter, a fresh
  kernel each), then ``jupyter-book build`` with execution off;
* **koud** (cold): ``build`` with an empty build folder (warm kernels, the default);
* **koud, verse kernels**: the same with ``--verse-kernels`` (a fresh kernel per chapter), for
  the gain of warm kernels and the memory they cost;
* **ondergrens** (lower bound of a cold build): the slowest single chapter + the book build, both
  from the naive run;
* **niets gewijzigd** (no-op): ``build`` again, nothing changed;
* **tekstwijziging**: a sentence added to a Markdown cell of one chapter, then ``build``; checks
  that no chapter was executed and that exactly that chapter's text was remade;
* **tekstwijziging in bekijk**: the same edit while ``wmo-rapport bekijk`` runs, once it says
  it is warm (book builder and kernels loaded): the time from saving the file until the new
  edition is served (what a writer waits for);
* **één dataset gewijzigd**: one value in the dataset read by the fewest chapters (manifest
  sha256 refreshed), then ``build``; checks that exactly its readers were executed;
* **piekgeheugen** of the cold builds: the largest sum over the whole process tree, sampled from
  ``/proc`` every 50 ms, of the proportional set size (PSS: a page shared by n processes counts
  1/n in each, so forked kernels are not counted many times over) and of the resident set size.

Writes ``bench/resultaten.json`` and prints a table; the exit code is 0 when every target is met.
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
import urllib.request
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
RUN_BUILD = """
import json, sys
from pathlib import Path
from analysis.pipeline.chapters import early_kernels
root, periode, result, out, kind = sys.argv[1:6]
out_root = Path(out) if out else None
# as `wmo-rapport build` does: warm kernels started first when everything will run
early = None if kind == "vers" else early_kernels(
    Path(root), periode, force=False, out_root=out_root)
from analysis.pipeline.build import build
r = build(periode, root=Path(root), say=lambda m: None, out_root=out_root,
          warm=kind != "vers", early=early)
Path(result).write_text(json.dumps(
    {"executed": r.executed, "prose": r.prose, "book_built": r.book_built}))
"""
#: ratio: (target, comparison); "≤" targets.
TARGETS = {
    "koud_vs_naief": 0.3,
    "koud_vs_ondergrens": 1.3,
    "tekst_vs_koud": 0.1,
    "nietsgewijzigd_vs_koud": 0.05,
    "eendataset_vs_koud": 0.5,
    "geheugen_warm_vs_vers": 1.25,
}
VARIANTS = ("naief", "koud", "koud_vers", "nietsgewijzigd", "tekst", "tekst_bekijk", "eendataset")


# ------------------------------------------------------------------------------ measuring


def _tree(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            stat = Path(f"/proc/{d}/stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(d))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def _sid(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[4])
    except (OSError, IndexError, ValueError):
        return None


def tree_memory(pid: int) -> tuple[int, int]:
    """(PSS, RSS) in bytes of a process and all its descendants (from /proc).

    Processes that started a session of their own (the kernels and helpers of a build do) are
    descendants too: the tree follows parent links.
    """
    pss = rss = 0
    for p in _tree(pid):
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    pss += int(line.split()[1]) * 1024
                elif line.startswith("Rss:"):
                    rss += int(line.split()[1]) * 1024
        except OSError:
            continue
    return pss, rss


def run(cmd: list[str], env: dict[str, str], *, memory: bool = False) -> dict[str, float]:
    """Run a whole process; return its wall seconds (``memory``: and the peak PSS and RSS of its
    process tree in MB, sampled every 0,1 s)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    peak = [0, 0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            pss, rss = tree_memory(proc.pid)
            peak[0], peak[1] = max(peak[0], pss), max(peak[1], rss)
            stop.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    if memory:
        sampler.start()
    out, _ = proc.communicate()
    secs = time.perf_counter() - t0
    stop.set()
    if memory:
        sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"mislukt ({proc.returncode}): {' '.join(cmd)}\n{out[-3000:]}")
    result = {"seconden": secs}
    if memory:
        result |= {"piek_pss_mb": peak[0] / 2**20, "piek_rss_mb": peak[1] / 2**20}
    return result


def project_env(root: Path) -> dict[str, str]:
    env = {**os.environ, "WMO_PROJECT_ROOT": str(root), "PYTHONHASHSEED": "0"}
    env["PYTHONPATH"] = os.pathsep.join([str(root / "src"), env.get("PYTHONPATH", "")]).strip(
        os.pathsep
    )
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


# --------------------------------------------------------------------------- the project


def copy_project(dest: Path) -> Path:
    """Copy the real project's sources (no _build, no .git) into ``dest`` and commit them."""
    dest.mkdir(parents=True)
    for name in ("_config.yml", "_toc.yml", "pyproject.toml"):
        shutil.copy(ROOT / name, dest / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", ".ipynb_checkpoints")
    for name in ("_static", "chapters", "params", "src", "data"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost"]
    subprocess.run(["git", "init", "-q"], cwd=dest, check=True)
    subprocess.run(["git", "add", "-A"], cwd=dest, check=True)
    subprocess.run([*git, "commit", "-qm", "benchmark"], cwd=dest, check=True)
    return dest


# ------------------------------------------------------------------------------ variants


def naive(root: Path, periode: str, work: Path) -> dict[str, Any]:
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
        cmd = [str(BIN / "papermill"), str(page.path), str(target), "-r", "periode", periode]
        r = run([*cmd, "--cwd", str(root), "--no-progress-bar"], env)
        chapters[page.label] = r["seconden"]
    jb = run([str(BIN / "jupyter-book"), "build", str(book), "--builder", "html"], env)
    total = time.perf_counter() - t0
    return {"seconden": total, "hoofdstukken": chapters, "boek_seconden": jb["seconden"]}


def ours(
    root: Path, periode: str, work: Path, *, out: str = "", kind: str = "", memory: bool = False
) -> dict[str, Any]:
    """One ``build`` as a whole process (``out``: another build folder; ``kind="vers"``)."""
    result = work / "uitkomst.json"
    cmd = [sys.executable, "-c", RUN_BUILD, str(root), periode, str(result), out, kind]
    r: dict[str, Any] = dict(run(cmd, project_env(root), memory=memory))
    r.update(json.loads(result.read_text()))
    return r


def edit_prose(root: Path) -> str:
    """Add a sentence to the first Markdown cell of a chapter; return the chapter's name."""
    from analysis.pipeline.pages import toc_pages

    page = next(p for p in toc_pages(root) if p.is_notebook and p.label != "bronnen")
    nb = json.loads(page.path.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
    text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
    cell["source"] = text + f"\n\nEen zin erbij om {time.time_ns()}."
    page.path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return page.label


def prose_in_preview(root: Path, periode: str) -> dict[str, Any]:
    """Seconds from saving a prose edit until ``wmo-rapport bekijk`` serves the new edition."""
    cmd = [str(BIN / "wmo-rapport"), "bekijk", "--periode", periode, "--poort", "0"]
    proc = subprocess.Popen(
        cmd,
        cwd=root,
        env=project_env(root),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines: list[str] = []
    try:
        url = _read_until(proc, lines, r"(http://127\.0\.0\.1:\d+/)")
        _read_until(proc, lines, r"Klaar in")
        # the book builder and the kernels have loaded: a writer's edit, not the start-up
        _read_until(proc, lines, r"^Warm: ")
        status = url + "__bekijk__"
        before = _get_json(status)["versie"]
        time.sleep(1.0)  # the watcher's first snapshot is taken; the machine is quiet again
        t0 = time.perf_counter()
        name = edit_prose(root)
        while (now := _get_json(status))["versie"] == before or now["bezig"]:
            time.sleep(0.01)
        secs = time.perf_counter() - t0
        built = _read_until(proc, lines, r"Klaar in ([\d.]+) s")
        return {
            "seconden": secs,
            "bouw_seconden": float(built),
            "hoofdstuk": name,
            "uitgevoerd": [line for line in lines if ": uitvoeren (" in line],
        }
    finally:
        proc.send_signal(2)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()
            raise SystemExit("bekijk stopte niet binnen 60 s na Ctrl-C") from None


def _read_until(proc: subprocess.Popen[str], lines: list[str], pattern: str) -> str:
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.append(line)
        m = re.search(pattern, line)
        if m:
            return m.group(1) if m.groups() else line
    raise SystemExit("bekijk stopte onverwacht:\n" + "".join(lines[-30:]))


def _get_json(url: str) -> dict[str, Any]:
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.loads(r.read())


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
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
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


# ------------------------------------------------------------------------------- one round


def one_round(src: Path, base: Path, i: int, periode: str) -> dict[str, dict[str, Any]]:
    """Every variant once, on a fresh copy of the project."""
    root, work = base / f"p{i}", base / f"w{i}"
    shutil.copytree(src, root, symlinks=True)
    work.mkdir()
    m: dict[str, dict[str, Any]] = {}
    # alternate the order so no variant always runs on a warmer (or busier) machine
    order = ("naief", "koud_vers", "koud") if i % 2 == 0 else ("koud", "koud_vers", "naief")
    for variant in order:
        if variant == "naief":
            m[variant] = naive(root, periode, work)
        elif variant == "koud_vers":
            out = str(root / "_build_vers")
            m[variant] = ours(root, periode, work, out=out, kind="vers", memory=True)
        else:
            m[variant] = ours(root, periode, work, memory=True)
            assert m[variant]["book_built"], "koude bouw bouwde geen boek"
        _show(variant, m[variant])
    m["nietsgewijzigd"] = ours(root, periode, work)
    assert m["nietsgewijzigd"]["executed"] == [] and not m["nietsgewijzigd"]["book_built"]
    _show("nietsgewijzigd", m["nietsgewijzigd"])
    name = edit_prose(root)
    m["tekst"] = r = ours(root, periode, work)
    assert r["executed"] == [] and r["prose"] == [name] and r["book_built"], r
    r["hoofdstuk"] = name
    _show("tekst", r)
    m["tekst_bekijk"] = r = prose_in_preview(root, periode)
    assert r["uitgevoerd"] == [], r
    _show("tekst_bekijk", r)
    name, readers = change_one_dataset(root)
    m["eendataset"] = r = ours(root, periode, work)
    r["dataset"], r["verwacht"] = name, readers
    assert sorted(r["executed"]) == readers, (r["executed"], readers)
    _show("eendataset", r)
    shutil.rmtree(root, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    return m


def _show(variant: str, r: dict[str, Any]) -> None:
    extra = f"  piek {r['piek_pss_mb']:.0f} MB PSS" if "piek_pss_mb" in r else ""
    print(f"  {variant:15s} {r['seconden']:7.2f} s{extra}", flush=True)


# ---------------------------------------------------------------------------------- results


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


def summarise(m: dict[str, list[dict[str, Any]]], rounds: int, periode: str) -> dict[str, Any]:
    """Medians, ratios (each taken per round, then the median), targets met."""

    def med(k: str, field: str = "seconden") -> float:
        return statistics.median(float(r[field]) for r in m[k])

    lower = [max(r["hoofdstukken"].values()) + r["boek_seconden"] for r in m["naief"]]

    def per_round(a: str, b: str, fa: str = "seconden", fb: str = "seconden") -> float:
        return statistics.median(x[fa] / y[fb] for x, y in zip(m[a], m[b], strict=True))

    ratios = {
        "koud_vs_naief": per_round("koud", "naief"),
        "koud_vs_ondergrens": statistics.median(
            r["seconden"] / lo for r, lo in zip(m["koud"], lower, strict=True)
        ),
        "tekst_vs_koud": per_round("tekst_bekijk", "koud"),
        "tekst_build_vs_koud": per_round("tekst", "koud"),
        "nietsgewijzigd_vs_koud": per_round("nietsgewijzigd", "koud"),
        "eendataset_vs_koud": per_round("eendataset", "koud"),
        "koud_vs_koud_vers": per_round("koud", "koud_vers"),
        "geheugen_warm_vs_vers": per_round("koud", "koud_vers", "piek_pss_mb", "piek_pss_mb"),
    }
    return {
        "periode": periode,
        "herhalingen": rounds,
        "hoofdstukken": len(m["naief"][0]["hoofdstukken"]),
        "mediaan_seconden": {k: med(k) for k in VARIANTS}
        | {"ondergrens": statistics.median(lower)},
        "verhoudingen": ratios,
        "doelen": TARGETS,
        "gehaald": {k: ratios[k] <= v for k, v in TARGETS.items()},
        "piekgeheugen_mb": {
            k: {"pss": med(k, "piek_pss_mb"), "rss": med(k, "piek_rss_mb")}
            for k in ("koud", "koud_vers")
        },
        "tekst": {"hoofdstuk": m["tekst"][0]["hoofdstuk"], "uitgevoerd": m["tekst"][0]["executed"]},
        "eendataset": {
            "dataset": m["eendataset"][0]["dataset"],
            "uitgevoerd": sorted(m["eendataset"][0]["executed"]),
        },
        "metingen": m,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--periode", default="2025")
    ap.add_argument("--herhalingen", type=int, default=3, help="metingen per variant (mediaan)")
    ap.add_argument("--uitvoer", default=str(ROOT / "bench" / "resultaten.json"))
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from analysis.present.assets import vega_bundle

    vega_bundle()  # machine-wide cache, warm for every variant alike
    load_start = round(os.getloadavg()[0], 2)
    print(
        f"Benchmark (echte hoofdstukken, periode {args.periode}, {args.herhalingen}×)", flush=True
    )
    m: dict[str, list[dict[str, Any]]] = {k: [] for k in VARIANTS}
    with tempfile.TemporaryDirectory(prefix="wmo-bench-") as tmp:
        base = Path(tmp)
        src = copy_project(base / "bron")
        for i in range(args.herhalingen):
            print(f"Ronde {i + 1}", flush=True)
            for k, r in one_round(src, base, i, args.periode).items():
                m[k].append(r)
    res = {"machine": machine(), **summarise(m, args.herhalingen, args.periode)}
    res["machine"]["belasting_begin_eind"] = [load_start, round(os.getloadavg()[0], 2)]
    Path(args.uitvoer).write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print_table(res)
    return 0 if all(res["gehaald"].values()) else 1


def print_table(res: dict[str, Any]) -> None:
    s, v, mc = res["mediaan_seconden"], res["verhoudingen"], res["machine"]
    pm = res["piekgeheugen_mb"]
    print(
        f"\nMachine: {mc['nproc']} kernen, {mc['cpu']}, {mc['ram_gb']} GB RAM, belasting "
        f"{mc['belasting_begin_eind'][0]} → {mc['belasting_begin_eind'][1]}; "
        f"{res['hoofdstukken']} hoofdstukken, mediaan van {res['herhalingen']}"
    )
    rows = [
        ("naïef (papermill na elkaar + jupyter-book)", s["naief"], "", ""),
        ("koude bouw (warme kernels)", s["koud"], f"{v['koud_vs_naief']:.2f} × naïef", "≤ 0,30"),
        (
            "ondergrens (traagste hoofdstuk + boek)",
            s["ondergrens"],
            f"koud = {v['koud_vs_ondergrens']:.2f} × ondergrens",
            "≤ 1,30",
        ),
        ("koude bouw, verse kernels", s["koud_vers"], f"koud = {v['koud_vs_koud_vers']:.2f} ×", ""),
        (
            f"tekstwijziging in bekijk ({res['tekst']['hoofdstuk']}: 0 uitgevoerd)",
            s["tekst_bekijk"],
            f"{v['tekst_vs_koud']:.3f} × koud",
            "≤ 0,10",
        ),
        (
            "tekstwijziging, wmo-rapport build",
            s["tekst"],
            f"{v['tekst_build_vs_koud']:.3f} × koud",
            "",
        ),
        (
            "niets gewijzigd",
            s["nietsgewijzigd"],
            f"{v['nietsgewijzigd_vs_koud']:.3f} × koud",
            "≤ 0,05",
        ),
        (
            f"één dataset ({res['eendataset']['dataset']}: "
            f"{', '.join(res['eendataset']['uitgevoerd'])})",
            s["eendataset"],
            f"{v['eendataset_vs_koud']:.2f} × koud",
            "≤ 0,50",
        ),
    ]
    print(f"{'variant':62s} {'s':>7s}  {'verhouding':28s} doel")
    for name, secs, ratio, target in rows:
        print(f"{name:62s} {secs:7.2f}  {ratio:28s} {target}")
    print(
        f"piekgeheugen koude bouw (PSS, hele procesboom): warm {pm['koud']['pss']:.0f} MB, "
        f"verse kernels {pm['koud_vers']['pss']:.0f} MB = {v['geheugen_warm_vs_vers']:.2f} × "
        f"(doel ≤ 1,25); RSS-som {pm['koud']['rss']:.0f} / {pm['koud_vers']['rss']:.0f} MB"
    )
    print(
        "doelen gehaald: "
        + ", ".join(f"{k} {'ja' if ok else 'NEE'}" for k, ok in res["gehaald"].items())
    )


if __name__ == "__main__":
    sys.exit(main())
