"""The one Jinja2 environment: autoescape on for every template, whatever its name."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import format as fmt

TEMPLATES = Path(__file__).parent / "templates"

environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                          trim_blocks=True, lstrip_blocks=True)
environment.filters["short_id"] = fmt.short_id
environment.filters["date"] = fmt.date_label
environment.filters["speaker"] = fmt.speaker_name
environment.filters["source_name"] = fmt.source_name
environment.filters["mark_terms"] = fmt.mark_terms
environment.globals["query"] = lambda **params: urlencode({k: v for k, v in params.items() if v not in (None, "")})
templates = Jinja2Templates(env=environment)
