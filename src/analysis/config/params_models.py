"""The typed parameters of a report: one model per section of ``params/*.yml``.

These models are the one place where the parameters are defined: their names, types, defaults and
Dutch descriptions (which editors show through ``params/schema.json``). Loading, merging the
municipal base file with a period file and the Dutch error messages live in
:mod:`analysis.config.params`.

Every model refuses unknown fields (``extra="forbid"``) and converts nothing silently
(``strict=True``): ``editie: 1.0`` is a number, not the text ``"1.0"``, and is refused. Leaf types
carry their own Dutch error message ("verwacht tekst, gevonden 3").

Sections can be read as attributes (``params.privacy.min_cel``) and, for older callers, as
mappings (``params.privacy["min_cel"]``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    PrivateAttr,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from analysis.core.codes import REGION_RE, Periode
from analysis.core.errors import ParamsError

# ----------------------------------------------------------------------------------- leaf types


def _fail(kind: str, what: str, value: Any) -> PydanticCustomError:
    return PydanticCustomError(
        kind, "verwacht {what}, gevonden {gevonden}", {"what": what, "gevonden": repr(value)}
    )


def _text(value: Any) -> str:
    if isinstance(value, str) and value.strip():
        return value
    raise _fail("tekst", "tekst", value)


def _integer(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _fail("geheel_getal", "geheel getal", value)


def _number(value: Any) -> int | float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    raise _fail("getal", "getal", value)


def _region(value: Any) -> str:
    if isinstance(value, str) and REGION_RE.match(value):
        return value
    raise _fail("regiocode", "CBS-regiocode zoals GM0397 of NL01", value)


def _period(value: Any) -> Periode:
    if isinstance(value, int | str) and not isinstance(value, bool):
        try:
            return Periode(value)
        except ValueError:
            pass
    raise _fail(
        "periode", "periode: een jaartal van vier cijfers (2025) of een halfjaar (2026H1)", value
    )


def _year_period(value: Any) -> Periode:
    period = _period(value)
    if period.is_halfjaar:
        raise _fail("jaar", "een heel jaar (jaartal van vier cijfers)", value)
    return period


def _version(value: Any) -> str:
    if isinstance(value, str) and value.strip() and all(p.isdigit() for p in value.split(".")):
        return value
    raise _fail("versie", 'versienummer als tekst, zoals "1.0" of "1.1"', value)


Tekst = Annotated[str, PlainValidator(_text), WithJsonSchema({"type": "string", "minLength": 1})]
Geheel = Annotated[int, PlainValidator(_integer), WithJsonSchema({"type": "integer"})]
Getal = Annotated[int | float, PlainValidator(_number), WithJsonSchema({"type": "number"})]
Regiocode = Annotated[
    str,
    PlainValidator(_region),
    WithJsonSchema({"type": "string", "pattern": REGION_RE.pattern}),
]
_PERIOD_SCHEMA = {
    "anyOf": [
        {"type": "integer", "minimum": 1000, "maximum": 9999},
        {"type": "string", "pattern": r"^\d{4}(H[12])?$"},
    ]
}
PeriodeVeld = Annotated[
    Periode,
    PlainValidator(_period),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(_PERIOD_SCHEMA),
]
JaarPeriode = Annotated[
    Periode,
    PlainValidator(_year_period),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"anyOf": [{"type": "integer"}, {"type": "string", "pattern": r"^\d{4}$"}]}),
]
Versie = Annotated[
    str,
    PlainValidator(_version),
    WithJsonSchema({"type": "string", "pattern": r"^\d+(\.\d+)*$"}),
]
Band = Literal["laag", "midden", "hoog"]


class Sectie(BaseModel):
    """Base of every section: strict, no unknown fields, readable as a mapping too."""

    model_config = ConfigDict(extra="forbid", strict=True)

    def __getitem__(self, key: str) -> Any:
        """``section["field"]``, as when the parameters were plain dicts."""
        if key not in type(self).model_fields:
            raise KeyError(key)
        return getattr(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        """``section.get("field", default)``: the default only when the value is empty (None)."""
        value = self[key]
        return default if value is None else value


# -------------------------------------------------------------------------- municipal sections


class Regio(Sectie):
    """A region of the report: a CBS code and the name readers see."""

    code: Regiocode = Field(description="CBS-regiocode, bijvoorbeeld GM0397 of NL01")
    naam: Tekst = Field(description="naam zoals de lezer hem ziet")


class Gemeente(Regio):
    """The municipality the report is about."""

    regio_naam: Tekst | None = Field(None, description="naam van de regio (bijv. de GGD-regio)")


class Vergelijking(Sectie):
    """What the municipality is compared with."""

    gemeenten: list[Regio] = Field(description="vergelijkingsgemeenten, in de volgorde van tonen")
    regio: Regio | None = Field(None, description="de regio, bijv. de GGD-regio")
    land: Regio = Field(description="het land als maatstaf: {code: NL01, naam: Nederland}")


class Beleidsplan(Sectie):
    """The policy plan being evaluated."""

    titel: Tekst = Field(description="titel van het beleidsplan")
    looptijd: list[Geheel] = Field(description="eerste en laatste jaar, bijv. [2025, 2028]")
    visie: Tekst | None = Field(
        None, description="de visie van het plan in de woorden van het plan"
    )
    vorig_plan: Tekst | None = Field(None, description="titel van het vorige plan")


class Privacy(Sectie):
    """Disclosure thresholds (CBS practice)."""

    min_cel: Geheel = Field(10, description="tellingen onder dit aantal worden niet gepubliceerd")
    afronding: Geheel = Field(5, description="tellingen uit registraties afgerond op dit veelvoud")
    min_n_percentage: Geheel = Field(
        50, description="percentages uit enquêtes alleen bij minstens zoveel respondenten"
    )

    @classmethod
    def of(cls, value: Privacy | dict[str, Any] | None) -> Privacy:
        """The thresholds from a ``Privacy``, a (partial) mapping or ``None`` (all defaults).

        Examples
        --------
        >>> Privacy.of({"min_cel": 5}).afronding, Privacy.of(None).min_cel
        (5, 10)
        """
        if isinstance(value, Privacy):
            return value
        return cls.model_validate(dict(value or {}))


class DementiePlan(Sectie):
    """An estimate of the number of people with dementia as the plan gives it."""

    jaar: Geheel
    aantal: Getal
    bron: Tekst


class Demografie(Sectie):
    """Settings of the Demografie chapter."""

    basisjaar: Geheel | None = Field(
        None, description="groei wordt gemeten ten opzichte van dit jaar"
    )
    prognosejaren: list[Geheel] | None = Field(None, description="jaren van de prognose")
    dementie_plan: list[DementiePlan] | None = None


class Scenario(Sectie):
    """An assumption of the Wmo demand forecast (not a prediction)."""

    naam: Tekst = Field(description="naam van het scenario, bijv. 'gelijk gebruik'")
    groei: Getal = Field(description="jaarlijkse verandering van het gebruik als fractie (-0.01)")
    variant: Tekst = Field(description="variant van de bevolkingsprognose (laag, midden, hoog)")
    band: Band = Field(description="rand van de bandbreedte: laag, midden of hoog")
    toelichting: Tekst | None = None


class Referentie(Sectie):
    """A national reference figure that is not in the datasets."""

    waarde: Getal
    periode: Tekst
    omschrijving: Tekst | None = None
    bron: Tekst


class Bronvermelding(Sectie):
    """A publication cited in the text by title, publisher and date (not a dataset)."""

    titel: Tekst
    uitgever: Tekst
    datum: Tekst = Field(description="de datum zoals de bron hem noemt, bijv. december 2024")
    url: Tekst | None = None


class Wmo(Sectie):
    """Settings of the Wmo chapters (use, forecast)."""

    basisperiode: JaarPeriode | None = Field(
        None,
        description="basisjaar van de vraagprognose (een heel jaar); standaard het jaar vóór de "
        "periode",
    )
    prognosejaren: list[Geheel] | None = Field(None, description="jaren van de vraagprognose")
    scenarios: list[Scenario] | None = Field(
        None, description="precies één scenario per band laag, midden en hoog"
    )
    referentie_75plus: Referentie | None = None
    agenda_themas: list[Tekst] | None = Field(
        None, description="thema's of hoofdstuk van de uitvoeringsagenda voor dit hoofdstuk"
    )
    merendeel_75plus: Tekst | None = None
    methodebreuk: Bronvermelding | None = Field(
        None, description="de publicatie over de methodewijziging van CBS (december 2024)"
    )


class Termijn(Sectie):
    """A legal term of the Wmo 2015 (a law, not a choice; here so a change of law needs no code)."""

    stap: Tekst = Field(description="naam van de stap, bijv. onderzoek")
    weken: Geheel = Field(description="de termijn in weken")
    omschrijving: Tekst
    reeks: Tekst = Field(description="de reeks die deze stap apart zou meten")
    artikel: Tekst = Field(description="het wetsartikel")


class Doorlooptijd(Sectie):
    """Which legal steps a throughput series in the data spans."""

    indicator: Tekst = Field(description="de indicator in loket_meldingen")
    reeks: Tekst
    stappen: list[Tekst] = Field(description="stappen uit toegang.termijnen")


class Toegang(Sectie):
    """Settings of the Toegang chapter: legal terms and what each throughput series spans."""

    termijnen: list[Termijn]
    doorlooptijden: list[Doorlooptijd]


class AgendaThemas(Sectie):
    """Themes (or chapter) of the action agenda per chapter of the Sociale basis part."""

    mantelzorg: list[Tekst] | None = None
    vrijwillige_inzet: list[Tekst] | None = None
    kwetsbaarheid: list[Tekst] | None = None
    dementie: list[Tekst] | None = None


class Voortgang(Sectie):
    """The indicator in the data that would show an action point's progress."""

    actie: Tekst = Field(description="Nr. van het actiepunt in de uitvoeringsagenda, bijv. A04")
    indicator: Tekst


class Dementie(Sectie):
    """How the dementia estimate is derived from the plan's own figure."""

    basisjaar: Geheel
    basis_leeftijden: list[Geheel]
    doeljaar: Geheel | None = None
    toelichting: Tekst | None = None


class SocialeBasis(Sectie):
    """Settings of the chapters of the Sociale basis part."""

    agenda_themas: AgendaThemas = Field(default_factory=AgendaThemas)
    afronding_schatting: Geheel = Field(
        10, description="geschatte aantallen (aandeel x bevolking) afgerond op dit veelvoud"
    )
    voortgang: list[Voortgang] | None = None
    mantelzorg_landelijk: Tekst | None = None
    kwetsbaarheid_definitie: Tekst | None = None
    dementie: Dementie | None = None


class Verhouding(Sectie):
    """An assumed number of extra homes of a type per number of older inhabitants."""

    woningtype: Tekst
    laag: Getal = Field(description="lage aanname: woningen per 'per' inwoners van de basisgroep")
    midden: Getal = Field(description="centrale aanname")
    hoog: Getal = Field(description="hoge aanname")
    basis: Tekst = Field("75+", description="de basisgroep, bijv. 75+ (75 jaar of ouder)")
    per: Getal = Field(1000, description="de noemer van de verhouding")
    toelichting: Tekst | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Verhouding:
        if not 0 <= self.laag <= self.midden <= self.hoog:
            raise PydanticCustomError(
                "verhouding",
                "verwacht 0 ≤ laag ≤ midden ≤ hoog, gevonden {laag}, {midden}, {hoog}",
                {"laag": self.laag, "midden": self.midden, "hoog": self.hoog},
            )
        if self.per <= 0:
            raise PydanticCustomError("verhouding", "verwacht per groter dan 0")
        return self


class Vraag(Sectie):
    """Indicative housing demand: explicit, editable assumptions."""

    doeljaren: list[Geheel] = Field(default_factory=list)
    toelichting: Tekst | None = None
    ratios: list[Verhouding]


class ProgrammaDoel(Sectie):
    """A national target of the housing programme."""

    woningtype: Tekst
    aantal: Getal
    omschrijving: Tekst | None = None


class LandelijkProgramma(Sectie):
    """The national programme the housing ratios are derived from."""

    naam: Tekst
    bron: Tekst | None = None
    doeljaar: Geheel
    basis_75plus: Getal
    basis_jaar: Geheel
    doelen: list[ProgrammaDoel]


class Wonen(Sectie):
    """Settings of the Wonen en zorg chapter."""

    visie: Tekst | None = None
    basisjaar: Geheel | None = Field(None, description="groei ten opzichte van dit jaar (= 100)")
    vraag: Vraag | None = None
    landelijk_programma: LandelijkProgramma | None = None
    agenda_themas: list[Tekst] | None = None
    ambitie: Tekst | None = None


class Agenda(Sectie):
    """Settings of the Uitvoeringsagenda chapter."""

    ambitie: Tekst | None = None
    norm_achter: Geheel = Field(
        0, description="'op koers' bij ten hoogste zoveel actiepunten achter op schema"
    )
    norm_op_schema: Getal | None = Field(
        None, description="norm voor het aandeel op schema; leeg: oordeel op de richting"
    )


class Samenvatting(Sectie):
    """Settings of the Samenvatting page."""

    visie_zin: Tekst | None = None
    inleiding: str = ""


class Wijziging(Sectie):
    """One published version of the period's edition and why it exists."""

    versie: Versie = Field(description='versienummer als tekst: "1.1"')
    toelichting: Tekst


# ------------------------------------------------------------------------------------- the whole

#: Fields that belong to one period: only in ``params/<periode>.yml``, never in the base file.
PERIOD_FIELDS = ("periode", "editie", "vorige_periode", "wijzigingen")


class Params(Sectie):
    """The validated parameters of one period: the municipal base file merged with the period file.

    Attributes are typed sections (``params.wmo.scenarios[0].groei``); ``get("a.b.c")`` gives the
    same values as plain data for older callers and refuses a path that does not exist.
    """

    periode: PeriodeVeld = Field(description="de rapportageperiode: 2025 of 2026H1")
    editie: Versie = Field(description='versie van de editie, als tekst: "1.0"')
    vorige_periode: PeriodeVeld | None = Field(
        None, description="de periode om mee te vergelijken; leeg: geen vorige editie"
    )
    titel: Tekst | None = Field(None, description="standaard: 'Wmo-monitor <periode>'")
    gemeente: Gemeente = Field(description="de gemeente waarover het rapport gaat")
    vergelijking: Vergelijking = Field(description="waarmee de gemeente wordt vergeleken")
    beleidsplan: Beleidsplan = Field(description="het beleidsplan dat wordt geëvalueerd")
    privacy: Privacy = Field(
        default_factory=Privacy, description="drempels voor kleine aantallen (CBS-praktijk)"
    )
    demografie: Demografie = Field(default_factory=Demografie, description="hoofdstuk Demografie")
    wmo: Wmo = Field(default_factory=Wmo, description="hoofdstukken Wmo-gebruik en Vraagprognose")
    toegang: Toegang | None = Field(None, description="hoofdstuk Toegang: wettelijke termijnen")
    sociale_basis: SocialeBasis = Field(
        default_factory=SocialeBasis, description="hoofdstukken van het deel Sociale basis"
    )
    wonen: Wonen = Field(default_factory=Wonen, description="hoofdstuk Wonen en zorg")
    agenda: Agenda = Field(default_factory=Agenda, description="hoofdstuk Uitvoeringsagenda")
    samenvatting: Samenvatting = Field(
        default_factory=Samenvatting, description="de pagina Samenvatting"
    )
    wijzigingen: list[Wijziging] = Field(
        default_factory=list,
        description="een regel per gepubliceerde versie: waarom die versie bestaat",
    )

    _bestanden: tuple[Path, ...] = PrivateAttr(default=())

    @model_validator(mode="after")
    def _derived_defaults(self) -> Params:
        if self.vorige_periode is not None and self.vorige_periode.sort_key() >= (
            self.periode.sort_key()
        ):
            raise PydanticCustomError(
                "vorige_periode",
                "vorige_periode {vorige} ligt niet vóór de periode {periode}",
                {"vorige": str(self.vorige_periode), "periode": str(self.periode)},
            )
        if self.titel is None:
            self.titel = f"Wmo-monitor {self.periode.label}"
        if self.wmo.basisperiode is None:
            self.wmo.basisperiode = Periode(self.periode.jaar - 1)
        return self

    # ------------------------------------------------------------------ where it came from

    @property
    def bestanden(self) -> tuple[Path, ...]:
        """The files read, base file first (``params/gemeente.yml``, ``params/2025.yml``)."""
        return self._bestanden

    @property
    def path(self) -> Path:
        """The period's own file (``params/2025.yml``)."""
        return self._bestanden[-1]

    @property
    def bestandsnamen(self) -> list[str]:
        """The files read as the reader knows them: ``["params/gemeente.yml", "params/2025.yml"]``."""
        return [f"params/{file.name}" for file in self._bestanden]

    @property
    def sha256(self) -> str:
        """One fingerprint of every file read: changes when the base or the period file changes."""
        digest = hashlib.sha256()
        for file in self._bestanden:
            digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
        return digest.hexdigest()

    @property
    def data(self) -> dict[str, Any]:
        """The whole validated document as plain data (defaults filled in), e.g. for a record."""
        return self.model_dump(mode="json")

    # ------------------------------------------------------------------ short cuts

    @property
    def gemeente_code(self) -> str:
        """CBS code of the municipality, e.g. ``"GM0397"``."""
        return self.gemeente.code

    @property
    def gemeente_naam(self) -> str:
        """Name of the municipality."""
        return self.gemeente.naam

    @property
    def land(self) -> Regio:
        """The national benchmark (``land["code"]`` and ``land.code`` both work)."""
        return self.vergelijking.land

    @property
    def regio(self) -> Regio | None:
        """The region (e.g. the GGD region) when given."""
        return self.vergelijking.regio

    def regions(self) -> dict[str, str]:
        """All region codes of the report mapped to their names, municipality first."""
        out = {self.gemeente.code: self.gemeente.naam}
        for g in self.vergelijking.gemeenten:
            out[g.code] = g.naam
        if self.vergelijking.regio:
            out[self.vergelijking.regio.code] = self.vergelijking.regio.naam
        out[self.land.code] = self.land.naam
        return out

    def get(self, dotted: str, default: Any = None) -> Any:  # noqa: ANN401
        """A value by dotted path as plain data, e.g. ``params.get("wmo.basisperiode")``.

        ``default`` is returned only when the field exists but is empty (an optional section or
        value that the params leave out). A path that is not a parameter at all raises a
        :class:`~analysis.core.errors.ParamsError`, so a typo never passes silently. Prefer the
        typed attributes (``params.wmo.basisperiode``) in new code.
        """
        node: Any = self
        owner: type[BaseModel] | None = type(self)
        for part in dotted.split("."):
            owner = _child_model(owner, part, dotted)
            node = getattr(node, part) if node is not None else None
        if node is None:
            return default
        if isinstance(node, BaseModel):
            return node.model_dump(mode="json")
        if isinstance(node, list):
            return [x.model_dump(mode="json") if isinstance(x, BaseModel) else x for x in node]
        return node


def _child_model(owner: type[BaseModel] | None, name: str, dotted: str) -> type[BaseModel] | None:
    """The model class of field ``name`` of ``owner`` (None for a leaf); raise on an unknown name."""
    if owner is None or name not in owner.model_fields:
        known = ", ".join(sorted(owner.model_fields)) if owner else "geen: dit is geen groep"
        raise ParamsError(f"bestaat niet in de parameters (wel: {known})", field=dotted)
    return section_type(owner.model_fields[name].annotation)


def section_type(annotation: Any) -> type[BaseModel] | None:  # noqa: ANN401
    """The section model of an annotation (``X | None`` → ``X``); None for leaves and lists."""
    if get_origin(annotation) in (Union, UnionType):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        annotation = inner[0] if len(inner) == 1 else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None
