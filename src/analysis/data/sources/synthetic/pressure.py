"""Stand-ins for the pressures the plan and the Begroting 2026 name: waiting and delivery times of
huishoudelijke ondersteuning and hulpmiddelen, the Veilig Thuis waiting list, and the signals of the
Wmo-klankbordgroep. No real figure exists for any of them (the documents only say that waiting
times grow); the levels are assumptions, stated in ``standin.yml``."""

from __future__ import annotations

from typing import Any

from analysis.data.sources.common import Produced
from analysis.data.sources.synthetic.run import Run


def quarters(first: str, last: str) -> list[str]:
    """Quarter codes from ``first`` to ``last`` (``2024Q1`` … ``2026Q2``).

    Examples
    --------
    >>> quarters("2025Q3", "2026Q2")
    ['2025Q3', '2025Q4', '2026Q1', '2026Q2']
    """
    out = []
    for y in range(int(first[:4]), int(last[:4]) + 1):
        out += [f"{y}Q{q}" for q in range(1, 5) if first <= f"{y}Q{q}" <= last]
    return out


def halves(first: str, last: str) -> list[str]:
    """Half-year codes from ``first`` to ``last``.

    Examples
    --------
    >>> halves("2025H1", "2026H1")
    ['2025H1', '2025H2', '2026H1']
    """
    out = []
    for y in range(int(first[:4]), int(last[:4]) + 1):
        out += [f"{y}H{h}" for h in (1, 2) if first <= f"{y}H{h}" <= last]
    return out


def noisy_count(rng: Any, mean: float, spread: float) -> int:  # noqa: ANN401 - numpy Generator
    """One draw around ``mean`` (normal, sd ``spread``), rounded to a whole number ≥ 0.

    Examples
    --------
    >>> import numpy as np
    >>> noisy_count(np.random.default_rng(1), 10.0, 0.0), noisy_count(np.random.default_rng(1), -5.0, 0.0)
    (10, 0)
    """
    return max(0, int(round(rng.normal(mean, spread))))


def wachttijden(run: Run) -> Produced:
    """Median days until support starts or an aid is delivered, and the number waiting, per quarter."""
    cfg = run.settings("wachttijden")
    rng = run.random(cfg["zaad"])
    periods = quarters(*cfg["kwartalen"])
    rows = []
    for i, per in enumerate(periods):
        for provision, levels in cfg["niveau"].items():
            for indicator, spec in levels.items():
                mean = spec["start"] * (1 + spec["groei_per_kwartaal"]) ** i
                value = noisy_count(rng, mean, spec["spreiding"])
                rows.append(
                    {
                        "gemeente_code": run.region,
                        "periode": per,
                        "voorziening": provision,
                        "indicator": indicator,
                        "waarde": value,
                        "eenheid": spec["eenheid"],
                    }
                )
    return Produced(rows)


def veilig_thuis_wachtlijst(run: Run) -> Produced:
    """Reports from the municipality waiting at Veilig Thuis at the end of a quarter, and the mean wait."""
    cfg = run.settings("veilig_thuis_wachtlijst")
    rng = run.random(cfg["zaad"])
    rows = []
    for per in quarters(*cfg["kwartalen"]):
        for indicator, spec in cfg["niveau"].items():
            value = noisy_count(rng, spec["gemiddeld"], spec["spreiding"])
            rows.append(
                {
                    "gemeente_code": run.region,
                    "periode": per,
                    "indicator": indicator,
                    "waarde": value,
                    "eenheid": spec["eenheid"],
                }
            )
    return Produced(rows)


def klankbordgroep_signalen(run: Run) -> Produced:
    """Signals of the Wmo-klankbordgroep per half-year, theme and kind (counts, no text)."""
    cfg = run.settings("klankbordgroep_signalen")
    rng = run.random(cfg["zaad"])
    rows = []
    for per in halves(*cfg["halfjaren"]):
        for theme, mean in cfg["signalen_per_halfjaar"].items():
            for kind, share in cfg["soorten"].items():
                n = int(rng.poisson(mean * share))
                if n:
                    rows.append(
                        {
                            "gemeente_code": run.region,
                            "periode": per,
                            "thema": theme,
                            "soort": kind,
                            "aantal": n,
                            "samenvatting": None,
                        }
                    )
    return Produced(rows)
