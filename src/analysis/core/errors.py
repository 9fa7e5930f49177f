"""Exceptions of the report pipeline.

Every error a user can cause carries enough context to fix it: the file, and where they apply the
row (1-based, as a spreadsheet shows it, header = row 1) and the column. The command line turns them
into one clear line and a non-zero exit code.
"""

from __future__ import annotations


class ReportError(Exception):
    """Base class for every error the pipeline reports to a user."""

    exit_code = 1

    def __init__(self, message: str, *, file: str | None = None) -> None:
        self.message = message
        self.file = file
        super().__init__(self.__str__())

    def __str__(self) -> str:  # pragma: no cover - trivial
        return f"{self.file}: {self.message}" if self.file else self.message


class DataError(ReportError):
    """A dataset violates its manifest entry or schema.

    Examples
    --------
    >>> str(DataError("verwacht een geheel getal ≥ 0, gevonden 'abc'",
    ...     file="data/wmo.csv", row=3, column="waarde"))
    "data/wmo.csv, rij 3, kolom 'waarde': verwacht een geheel getal ≥ 0, gevonden 'abc'"
    """

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.row = row
        self.column = column
        super().__init__(message, file=file)

    def __str__(self) -> str:
        where = [self.file] if self.file else []
        if self.row is not None:
            where.append(f"rij {self.row}")
        if self.column is not None:
            where.append(f"kolom '{self.column}'")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class DataErrors(DataError):
    """Several data problems reported at once (used by ``wmo-rapport check``)."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


class NotSupplied(DataError):
    """An optional municipal dataset (``optioneel: true``) has not been supplied (yet).

    Not a defect: a chapter catches it and says plainly that the data were not supplied, and the
    checks skip it. The message names the template the municipality can fill in.

    Examples
    --------
    >>> str(NotSupplied("wachttijden"))
    "dataset 'wachttijden' is nog niet aangeleverd (sjabloon: data/templates/wachttijden.csv)"
    """

    def __init__(self, name: str, *, file: str | None = None) -> None:
        self.dataset = name
        super().__init__(
            f"dataset '{name}' is nog niet aangeleverd (sjabloon: data/templates/{name}.csv)",
            file=file,
        )


class PrivacyError(DataError):
    """A dataset holds person-level data, which the pipeline refuses."""

    exit_code = 3


class ParamsError(ReportError):
    """A ``params/<periode>.yml`` file is missing, malformed or has a wrong field.

    Examples
    --------
    >>> str(ParamsError("veld ontbreekt", file="params/2025.yml", field="gemeente.code"))
    "params/2025.yml, veld 'gemeente.code': veld ontbreekt"
    """

    exit_code = 4

    def __init__(self, message: str, *, file: str | None = None, field: str | None = None) -> None:
        self.field = field
        super().__init__(message, file=file)

    def __str__(self) -> str:
        where = [self.file] if self.file else []
        if self.field:
            where.append(f"veld '{self.field}'")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class BuildError(ReportError):
    """A chapter failed to execute, or the book could not be built."""

    exit_code = 5


class FetchError(ReportError):
    """Fetching public data (CBS OData) failed; existing data is left untouched."""

    exit_code = 6


class PublishError(ReportError):
    """Publishing an edition was refused or failed; published editions are left untouched."""

    exit_code = 7
