"""The API's settings: one class, read from environment variables, served as a dependency.

Every setting has an environment variable (listed on each field); ``get_settings`` builds the
object once per process and tests override it with ``app.dependency_overrides``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from policykg.graph.cache import DEFAULT_SIZE as DEFAULT_CACHE_SIZE

class Settings(BaseSettings):
    """Settings of the policykg API (environment variable names in each field's alias)."""

    model_config = SettingsConfigDict(case_sensitive=False, extra="ignore", populate_by_name=True)

    backend: Literal["embedded", "neo4j"] = Field("embedded", validation_alias="POLICYKG_BACKEND")
    store_path: Path | None = Field(None, validation_alias="POLICYKG_STORE", description=(
        "Embedded store file; default $XDG_DATA_HOME/policykg/graph.json (~/.local/share)."))
    neo4j_uri: str = Field("bolt://127.0.0.1:7687", validation_alias="NEO4J_URI")
    neo4j_user: str = Field("neo4j", validation_alias="NEO4J_USER")
    neo4j_password: SecretStr = Field(SecretStr("policykg-local"), validation_alias="NEO4J_PASSWORD")
    neo4j_database: str = Field("neo4j", validation_alias="NEO4J_DATABASE")
    neo4j_retry_seconds: float = Field(3.0, ge=0, validation_alias="POLICYKG_NEO4J_RETRY_SECONDS", description=(
        "How long a read retries while Neo4j is unreachable before the API answers 503."))
    api_key: SecretStr | None = Field(None, validation_alias="POLICYKG_API_KEY")
    max_body_bytes: int = Field(10 * 1024 * 1024, gt=0, validation_alias="POLICYKG_MAX_BODY_BYTES")
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, validation_alias="POLICYKG_CORS_ORIGINS")
    host: str = Field("127.0.0.1", validation_alias="POLICYKG_HOST")
    port: int = Field(8000, gt=0, lt=65536, validation_alias="POLICYKG_PORT")
    cache_size: int = Field(DEFAULT_CACHE_SIZE, ge=0, validation_alias="POLICYKG_CACHE_SIZE", description=(
        "Answers to named questions kept while the graph is unchanged (0: none)."))
    retry_after_seconds: int = Field(10, gt=0, validation_alias="POLICYKG_RETRY_AFTER")

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        """Accept a comma-separated list (``https://a.example,https://b.example``) or a list."""
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @field_validator("api_key", mode="before")
    @classmethod
    def _empty_key_is_none(cls, value: object) -> object:
        """An empty POLICYKG_API_KEY means "no key configured": writes stay refused."""
        return None if value in ("", None) else value


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read from the environment once."""
    return Settings()
