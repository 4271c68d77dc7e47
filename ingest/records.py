"""Pydantic models of the data files (docs/data-format.md): one class per kind of entry.

They check the shape of each entry (required keys, types, vocabularies — the vocabularies are the schema's,
``graph/schema/lawgraph.yaml``, as generated into :mod:`lawgraph.graph.schema_data`); cross-entry checks
(unknown or duplicate ids, dangling references, sources that resolve) live in :mod:`ingest.build`.
"""

from __future__ import annotations

from typing import Annotated, Any

from lawgraph.graph.model import Label
from lawgraph.graph.schema_data import (
    DispositionValue,
    FactGroupValue,
    RuleCondition,
    RuleConditionValue,
    StanceValue,
    StatuteKindValue,
    StatuteLinkValue,
)
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

KebabId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
PlatformId = Annotated[str, StringConstraints(pattern=r"^platform:[a-z0-9]+(?:-[a-z0-9]+)*$")]
SourceRef = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9:_-]+#\S+$")]
Sources = Annotated[list[SourceRef], Field(min_length=1)]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
IsoDate = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Ref(Strict):
    """One item of a reference list: a target id, its own sources (or the entry's), properties."""

    target: NonEmpty
    sources: list[SourceRef] | None = None
    note_en: str | None = None


def _coerce_refs(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, list):
        return [{"target": item} if isinstance(item, str) else item for item in value]
    return value


RefList = Annotated[list[Ref], Field(default_factory=list)]


class KnowledgeEntry(Strict):
    id: KebabId
    name_zh: NonEmpty
    name_en: NonEmpty
    summary_en: NonEmpty
    sources: Sources
    aliases_zh: list[str] = Field(default_factory=list)
    aliases_en: list[str] = Field(default_factory=list)
    notes_en: str | None = None


class _WithRefs(KnowledgeEntry):
    @field_validator("*", mode="before")
    @classmethod
    def _refs(cls, value: Any, info: Any) -> Any:
        field = cls.model_fields.get(info.field_name)
        if field is not None and field.annotation == list[Ref]:
            return _coerce_refs(value)
        return value


class DoctrineEntry(_WithRefs):
    justifies: RefList
    related: RefList


class ObligationEntry(_WithRefs):
    tier: str | None = None
    category: str | None = None
    part_of: KebabId | None = None


class ConceptEntry(KnowledgeEntry):
    """LiabilityForm, DutyStandard, ProofRule, Defense: nothing beyond the common keys."""


class FactEntry(KnowledgeEntry):
    group: FactGroupValue


class IssueEntry(_WithRefs):
    concerns: RefList


class Argument(Strict):
    publication: NonEmpty
    stance: StanceValue
    section: str | None = None
    sources: list[SourceRef] | None = None

    @field_validator("section", mode="before")
    @classmethod
    def _section_as_text(cls, value: Any) -> Any:
        return None if value is None else str(value)


class PositionEntry(_WithRefs):
    answers: RefList
    advocates: RefList
    based_on: RefList
    elaborates: RefList
    argued_by: list[Argument] = Field(default_factory=list)


class RuleEntry(_WithRefs):
    framework: KebabId
    tier: int | None = None
    condition: RuleConditionValue = RuleCondition.ALL.value
    requires: Annotated[list[KebabId], Field(min_length=1)]
    excludes: list[KebabId] = Field(default_factory=list)
    yields: Annotated[list[Ref], Field(min_length=1)]
    party: str = "platform"
    grounded_in: RefList
    no_article_reason: str | None = None
    illustrated_by: RefList

    @model_validator(mode="after")
    def _article_or_reason(self) -> RuleEntry:
        if not self.grounded_in and not self.no_article_reason:
            raise ValueError("a rule needs grounded_in articles or a no_article_reason")
        return self


class PlatformEntry(Strict):
    id: PlatformId
    name_zh: NonEmpty
    name_en: NonEmpty
    summary_en: str | None = None
    sources: Sources


class StatuteLinkEntry(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    type: StatuteLinkValue
    from_: NonEmpty = Field(alias="from")
    to: NonEmpty
    sources: Sources
    note_en: str | None = None


class HeldEntry(Strict):
    form: KebabId
    party: NonEmpty
    share: float | None = Field(default=None, ge=0.0, le=1.0)
    sources: list[SourceRef] | None = None
    note_en: str | None = None


class AppealEntry(Strict):
    case: NonEmpty
    disposition: DispositionValue
    sources: list[SourceRef] | None = None


class InvolvementEntry(Strict):
    platform: PlatformId
    role: NonEmpty
    sources: list[SourceRef] | None = None


class DiscussionEntry(Strict):
    publication: NonEmpty
    section: str | None = None
    sources: list[SourceRef] | None = None

    @field_validator("section", mode="before")
    @classmethod
    def _section_as_text(cls, value: Any) -> Any:
        return None if value is None else str(value)


class CaseEntry(Strict):
    case_number: str | None
    id: Annotated[str, StringConstraints(pattern=r"^unnumbered:[a-z0-9]+(?:-[a-z0-9]+)*$")] | None = None
    name_zh: NonEmpty
    court_name_zh: str | None = None
    year: int | None = None
    summary_en: NonEmpty
    holding_en: NonEmpty
    outcome_en: NonEmpty
    facts: RefList
    applies: RefList
    relies_on: RefList
    held: list[HeldEntry] = Field(default_factory=list)
    appeal_of: AppealEntry | None = None
    platforms: list[InvolvementEntry] = Field(default_factory=list)
    discussed_by: Annotated[list[DiscussionEntry], Field(min_length=1)]
    vagueness_en: str | None = None
    sources: Sources

    @field_validator("facts", "applies", "relies_on", mode="before")
    @classmethod
    def _refs(cls, value: Any) -> Any:
        return _coerce_refs(value)

    @field_validator("held")
    @classmethod
    def _shares_at_most_one(cls, held: list[HeldEntry]) -> list[HeldEntry]:
        shares = [h.share for h in held if h.share is not None]
        if sum(shares) > 1.0 + 1e-9:
            raise ValueError(f"shares of one case sum to {sum(shares):g}, more than 1")
        return held

    @model_validator(mode="after")
    def _number_or_id(self) -> CaseEntry:
        if self.case_number is None and self.id is None:
            raise ValueError("a case with no case_number needs an id 'unnumbered:<slug>'")
        if self.case_number is not None and self.id is not None:
            raise ValueError("give either case_number or an unnumbered id, not both")
        if not self.held and not self.vagueness_en:
            raise ValueError("a case with no holding (held: []) must say why in vagueness_en")
        return self


class PublicationEntry(Strict):
    id: KebabId
    title_zh: str | None = None
    title_en: str | None = None
    authors: list[str] = Field(default_factory=list)
    year: int | None = None
    venue: str | None = None
    file: str | None = None
    cites: list[KebabId] = Field(default_factory=list)
    sources: Sources
    notes_en: str | None = None

    @model_validator(mode="after")
    def _has_title(self) -> PublicationEntry:
        if not (self.title_zh or self.title_en):
            raise ValueError("a publication needs title_zh or title_en")
        return self


class ExternalArticle(Strict):
    number: int
    suffix: int | None = None
    label_zh: str
    note_en: str | None = None


class ExternalStatute(Strict):
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9-]*$")]
    title_zh: NonEmpty
    title_en: NonEmpty
    kind: StatuteKindValue
    promulgated: IsoDate | None = None
    effective: IsoDate | None = None
    repealed: IsoDate | None = None
    sources: Sources
    articles: list[ExternalArticle] = Field(default_factory=list)


class CatalogStatute(Strict):
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9-]*$")]
    files: Annotated[list[str], Field(min_length=1)]
    title_en: NonEmpty
    kind: StatuteKindValue
    promulgated: IsoDate | None = None
    effective: IsoDate | None = None
    repealed: IsoDate | None = None


#: section name of knowledge files → (entry model, label); ``statute_links`` entries are relationships, no node
KNOWLEDGE_SECTIONS: dict[str, tuple[type[BaseModel], Label | None]] = {
    "doctrines": (DoctrineEntry, Label.DOCTRINE),
    "obligations": (ObligationEntry, Label.OBLIGATION),
    "liability_forms": (ConceptEntry, Label.LIABILITY_FORM),
    "duty_standards": (ConceptEntry, Label.DUTY_STANDARD),
    "proof_rules": (ConceptEntry, Label.PROOF_RULE),
    "defenses": (ConceptEntry, Label.DEFENSE),
    "facts": (FactEntry, Label.FACT),
    "issues": (IssueEntry, Label.ISSUE),
    "positions": (PositionEntry, Label.POSITION),
    "rules": (RuleEntry, Label.RULE),
    "platforms": (PlatformEntry, Label.PLATFORM),
    "statute_links": (StatuteLinkEntry, None),
}
