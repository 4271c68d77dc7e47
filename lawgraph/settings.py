"""One settings object, read from the environment, that refuses keys it does not know."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, SecretStr

from lawgraph.errors import LawgraphError

REPO_ROOT = Path(__file__).resolve().parents[1]

#: environment variable → settings field
ENV_KEYS: dict[str, str] = {
    "NEO4J_URI": "neo4j_uri",
    "NEO4J_USER": "neo4j_user",
    "NEO4J_PASSWORD": "neo4j_password",
    "NEO4J_DATABASE": "neo4j_database",
    "LAWGRAPH_DATA_DIR": "data_dir",
    "LAWGRAPH_HOME": "home",
    "LAWGRAPH_BACKEND": "backend",
    "LAWGRAPH_QUERY_TIMEOUT_MS": "query_timeout_ms",
    "LAWGRAPH_ROW_CAP": "row_cap",
    "LAWGRAPH_RDF_BASE": "rdf_base",
}


class SettingsError(LawgraphError, ValueError):
    """An unknown or malformed setting."""


class Settings(BaseModel):
    """Where the data and the stores are, and how queries are bounded.

    >>> Settings.from_env({"LAWGRAPH_ROW_CAP": "50"}).row_cap
    50
    >>> Settings.from_env({"LAWGRAPH_ROWCAP": "50"})  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    lawgraph.settings.SettingsError: unknown setting LAWGRAPH_ROWCAP
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"
    data_dir: Path = REPO_ROOT / "data"
    home: Path = REPO_ROOT / ".lawgraph"
    backend: Literal["embedded", "neo4j"] | None = None
    query_timeout_ms: int = 10_000
    row_cap: int = 1_000
    rdf_base: str = "https://lawgraph.example.org/id/"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        env = os.environ if environ is None else environ
        unknown = sorted(k for k in env if k.startswith("LAWGRAPH_") and k not in ENV_KEYS)
        if unknown:
            raise SettingsError(f"unknown setting {', '.join(unknown)} (known: {', '.join(ENV_KEYS)})")
        values: dict[str, object] = {field: env[key] for key, field in ENV_KEYS.items() if env.get(key)}
        values.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return cls(**values)
        except Exception as exc:  # pydantic's message names the field
            raise SettingsError(str(exc)) from None

    @property
    def default_backend(self) -> Literal["embedded", "neo4j"]:
        """Neo4j when NEO4J_URI is set, else the embedded store."""
        return self.backend or ("neo4j" if self.neo4j_uri else "embedded")
