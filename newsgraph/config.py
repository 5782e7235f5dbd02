"""Settings: packaged defaults < user file < NEWSGRAPH_* env < CLI flags.

The result is one frozen ``Settings`` object passed down explicitly.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

USER_FILE = "newsgraph.toml"


@dataclass(frozen=True, slots=True)
class Settings:
    ingest_max_article_mb: float
    ingest_batch_size: int
    store_timeout_s: float
    nlp_batch_size: int
    nlp_processes: int

    @property
    def max_article_chars(self) -> int:
        return int(self.ingest_max_article_mb * 1024 * 1024)


def _flatten(table: dict[str, Any], origin: str) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for section, values in table.items():
        if not isinstance(values, dict):
            raise ConfigError(f"{origin}: [{section}] must be a table of settings")
        for key, value in values.items():
            flat[f"{section}_{key}"] = value
    return flat


def _coerce(name: str, value: Any, kind: type, origin: str) -> Any:
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{origin}: {name} must be {kind.__name__}, got {value!r}") from None


def _apply(settings: Settings, values: dict[str, Any], origin: str) -> Settings:
    known = {f.name: f for f in fields(Settings)}
    changes = {}
    for name, value in values.items():
        if name not in known:
            raise ConfigError(f"{origin}: unknown setting {name!r}; known: {', '.join(sorted(known))}")
        kind = float if known[name].type == "float" else int
        changes[name] = _coerce(name, value, kind, origin)
    return replace(settings, **changes)


def defaults() -> Settings:
    text = resources.files("newsgraph").joinpath("defaults.toml").read_text(encoding="utf-8")
    flat = _flatten(tomllib.loads(text), "defaults.toml")
    return Settings(**flat)


def load_settings(config_file: Path | None = None, overrides: dict[str, Any] | None = None,
                  environ: dict[str, str] | None = None) -> Settings:
    settings = defaults()
    path = config_file or (Path(USER_FILE) if Path(USER_FILE).is_file() else None)
    if path is not None:
        try:
            table = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read settings ({exc})") from None
        settings = _apply(settings, _flatten(table, str(path)), str(path))
    env = os.environ if environ is None else environ
    from_env = {k[len("NEWSGRAPH_"):].lower(): v for k, v in env.items() if k.startswith("NEWSGRAPH_")}
    settings = _apply(settings, from_env, "environment")
    return _apply(settings, {k: v for k, v in (overrides or {}).items() if v is not None}, "command line")
