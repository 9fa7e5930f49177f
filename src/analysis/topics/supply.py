"""Optional municipal datasets: load them when supplied, say so plainly when not.

Some monitoring items of the plan rest on data only the municipality or a partner holds (the
Wmo-klankbordgroep's signals, waiting times, the Veilig Thuis waiting list, clients per product
category). Their manifest entries say ``optioneel: true``; when such a file has not been supplied the
loader raises :class:`~analysis.core.errors.NotSupplied` and the chapter section shows
:func:`not_supplied` instead of figures.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.core.errors import NotSupplied


def optional(ctx: Any, name: str) -> pd.DataFrame | None:  # noqa: ANN401 - a chapter context
    """Dataset ``name`` loaded through the chapter context, or ``None`` when it was not supplied.

    Only a missing optional dataset gives ``None``; any other data error still stops the build.

    Examples
    --------
    >>> class Ctx:
    ...     def load(self, name):
    ...         raise NotSupplied(name)
    >>> optional(Ctx(), "wachttijden") is None
    True
    """
    try:
        return ctx.load(name)
    except NotSupplied:
        return None


def not_supplied(wat: str, levert: str) -> str:
    """The plain sentence for a section whose data have not been supplied yet.

    Parameters
    ----------
    wat
        What is missing, as the subject of a plural sentence ("De wachttijden").
    levert
        Who supplies the figures ("de gemeente", "Veilig Thuis").

    Examples
    --------
    >>> not_supplied("De signalen van de Wmo-klankbordgroep", "de gemeente")
    'De signalen van de Wmo-klankbordgroep zijn nog niet aangeleverd. Deze gegevens levert de gemeente; zodra ze er zijn, staan ze hier.'
    """
    return (
        f"{wat} zijn nog niet aangeleverd. Deze gegevens levert {levert}; "
        "zodra ze er zijn, staan ze hier."
    )
