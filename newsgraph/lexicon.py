"""General resources read from ``resources/lexicon.toml``: the outlet
gazetteer, navigation lines and highlight labels. Loaded once."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Lexicon:
    outlet_by_alias: dict[str, str]  # casefolded alias → canonical name
    navigation: frozenset[str]  # casefolded whole lines
    highlight_labels: frozenset[str]

    def canonical_outlet(self, name: str) -> str | None:
        return self.outlet_by_alias.get(" ".join(name.split()).casefold())


@cache
def lexicon() -> Lexicon:
    text = resources.files("newsgraph").joinpath("resources/lexicon.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)
    by_alias = {}
    for canonical, aliases in table["outlets"].items():
        for alias in [canonical, *aliases]:
            by_alias[alias.casefold()] = canonical
    return Lexicon(
        outlet_by_alias=by_alias,
        navigation=frozenset(x.casefold() for x in table["navigation"]["lines"]),
        highlight_labels=frozenset(x.casefold() for x in table["highlights"]["labels"]),
    )
