"""The project's one reader of the environment: every variable lawgraph uses, typed, with its default.

:meth:`Settings.from_env` reads the environment (or a mapping given to it) through pydantic-settings;
``Settings(...)`` alone is the defaults plus its keywords and reads nothing. A ``LAWGRAPH_*`` variable
the model does not know is refused (a typo must not pass silently). ``docs/settings.md`` is generated
from the model (:func:`settings_table`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, EnvSettingsSource, PydanticBaseSettingsSource, SettingsConfigDict

from lawgraph.errors import LawgraphError

REPO_ROOT = Path(__file__).resolve().parents[1]
PREFIX = "LAWGRAPH_"

#: the default row cap: the most rows one query returns (CLI, dashboard, library, console). The largest
#: result a dashboard page reads is 1,260 rows on the bundled data (statute_articles for the Civil Code)
#: and 6,006 at 100,000 synthetic cases (the neighbourhood of ECL:38(2), the statute page's graph;
#: benchmarks/results/latest.json): 10,000 fits both and still bounds a console query's memory. A result
#: cut at the cap is flagged everywhere, and reasoning (``outcomes``) refuses one.
ROW_CAP = 10_000


class SettingsError(LawgraphError, ValueError):
    """An unknown or malformed setting."""


class Settings(BaseSettings):
    """Where the data and the stores are, and how queries are bounded.

    >>> Settings.from_env({"LAWGRAPH_ROW_CAP": "50"}).row_cap
    50
    >>> Settings.from_env({"LAWGRAPH_NEO4J_BUILD_DIR": "/tmp/x"}).neo4j_build_dir
    PosixPath('/tmp/x')
    >>> Settings.from_env({"NEO4J_PASSWORD": "s3cret"}).neo4j_password
    SecretStr('**********')
    >>> Settings.from_env({"LAWGRAPH_ROWCAP": "50"})  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    lawgraph.settings.SettingsError: unknown setting LAWGRAPH_ROWCAP
    """

    model_config = SettingsConfigDict(env_prefix=PREFIX, extra="forbid", frozen=True, populate_by_name=True,
                                      env_ignore_empty=True)

    neo4j_uri: str | None = Field(None, validation_alias="NEO4J_URI",
                                  description="Neo4j's Bolt URI; when set, Neo4j is the default store")
    neo4j_user: str = Field("neo4j", validation_alias="NEO4J_USER", description="Neo4j user")
    neo4j_password: SecretStr | None = Field(None, validation_alias="NEO4J_PASSWORD",
                                             description="Neo4j password (never printed)")
    neo4j_database: str = Field("neo4j", validation_alias="NEO4J_DATABASE", description="Neo4j database")
    data_dir: Path = Field(REPO_ROOT / "data", description="the data folder the store is built from")
    home: Path = Field(REPO_ROOT / ".lawgraph",
                       description="where the embedded store and the load lock live")
    backend: Literal["embedded", "neo4j"] | None = Field(
        None, description="the default store (else neo4j when NEO4J_URI is set, embedded otherwise)")
    query_timeout_ms: int = Field(10_000, gt=0, description="time limit of one query (ms)")
    row_cap: int = Field(ROW_CAP, gt=0, description="most rows one query returns; a cut result is flagged")
    rdf_base: str = Field("https://lawgraph.example.org/id/", description="base IRI of exported RDF resources")
    allow_wipe: bool = Field(False, description="let tests and the bench wipe the Neo4j at NEO4J_URI "
                                                "(else they refuse and start their own)")
    neo4j_build_dir: Path | None = Field(None, description="build cache of the local test Neo4j "
                                                           "(default neo4j-local/target)")
    test_neo4j_home: Path | None = Field(None, description="home of the Neo4j the test session starts "
                                                           "(default a temporary folder)")
    java_home: Path | None = Field(None, validation_alias="JAVA_HOME",
                                   description="the JDK of the local Neo4j (else java on PATH)")
    mvn: str | None = Field(None, validation_alias="MVN",
                            description="Maven for the local Neo4j's build (else mvn on PATH)")

    @classmethod
    def settings_customise_sources(cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
                                   env_settings: PydanticBaseSettingsSource,
                                   dotenv_settings: PydanticBaseSettingsSource,
                                   file_secret_settings: PydanticBaseSettingsSource,
                                   ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)  # the environment is read by from_env only (it may be given a mapping)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """The settings of ``environ`` (default: the process's environment), ``overrides`` (not None) on top."""
        env = os.environ if environ is None else environ
        known = env_names()
        unknown = sorted(k for k in env if k.startswith(PREFIX) and k not in known)
        if unknown:
            raise SettingsError(f"unknown setting {', '.join(unknown)} "
                                f"(known: {', '.join(k for k in known if k.startswith(PREFIX))})")
        values: dict[str, Any] = _MappingSource(cls, env)()
        values.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return cls(**values)
        except ValidationError as exc:
            raise SettingsError("; ".join(_problem(e) for e in exc.errors())) from None

    @property
    def default_backend(self) -> Literal["embedded", "neo4j"]:
        """Neo4j when NEO4J_URI is set, else the embedded store."""
        return self.backend or ("neo4j" if self.neo4j_uri else "embedded")


class _MappingSource(EnvSettingsSource):
    """pydantic-settings' environment source (prefix, aliases, parsing) over any mapping."""

    def __init__(self, settings_cls: type[BaseSettings], environ: Mapping[str, str]) -> None:
        self._environ = environ
        super().__init__(settings_cls)

    def _load_env_vars(self) -> Mapping[str, str | None]:  # case-insensitive, as pydantic-settings' own
        return {k.lower(): v for k, v in self._environ.items() if v != ""}


def env_name(name: str, field: FieldInfo) -> str:
    """The environment variable of a settings field."""
    return field.validation_alias if isinstance(field.validation_alias, str) else PREFIX + name.upper()


def env_names() -> dict[str, str]:
    """Environment variable → settings field, for every variable the project reads.

    >>> env_names()["LAWGRAPH_ROW_CAP"], env_names()["NEO4J_URI"]
    ('row_cap', 'neo4j_uri')
    """
    return {env_name(name, field): name for name, field in Settings.model_fields.items()}


def _problem(error: Any) -> str:
    field = str(error["loc"][0]) if error.get("loc") else ""
    variable = next((k for k, v in env_names().items() if v == field or k == field), field)
    return f"{variable}: {error['msg']}"


def render_settings_doc() -> str:
    """``docs/settings.md``: every setting, generated from :class:`Settings` (``lawgraph docs`` writes it)."""
    return ("# Settings\n\n"
            "<!-- generated from lawgraph/settings.py by `lawgraph docs`; do not edit -->\n\n"
            "Every environment variable lawgraph reads, read in one place (`lawgraph.settings.Settings`, "
            "pydantic-settings). An unknown `LAWGRAPH_*` variable is refused (`error: unknown setting …`, "
            "exit 2); no secret has a default, and the password is never printed.\n\n"
            + settings_table())


def settings_table() -> str:
    """Every setting as a Markdown table."""
    lines = ["| variable | default | what |", "|---|---|---|"]
    for name, field in Settings.model_fields.items():
        default = field.default
        if isinstance(default, Path):
            shown = f"`{default.relative_to(REPO_ROOT)}/` in the checkout" if default.is_relative_to(REPO_ROOT) \
                else f"`{default}`"
        else:
            shown = "—" if default is None else f"`{default}`"
        lines.append(f"| `{env_name(name, field)}` | {shown} | {field.description} |")
    return "\n".join(lines) + "\n"
