"""Meta-tests: the public API, settings and commands are documented."""

from __future__ import annotations

import dataclasses

import pytest

import newsgraph
from newsgraph.cli import app
from newsgraph.config import Settings, defaults, load_settings

from .conftest import ROOT


def test_docs_all_is_sorted_and_complete():
    assert newsgraph.__all__ == sorted(newsgraph.__all__)
    for name in newsgraph.__all__:
        assert hasattr(newsgraph, name), name


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(Settings)])
def test_docs_every_setting_is_documented(field):
    section, key = field.split("_", 1)
    text = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert f"`{section}.{key}`" in text and f"NEWSGRAPH_{field.upper()}" in text


def test_docs_settings_flow_defaults_file_env_flags(tmp_path):
    config = tmp_path / "n.toml"
    config.write_text("[ingest]\nmax_article_mb = 2\nbatch_size = 10\n")
    settings = load_settings(config, {"ingest_batch_size": 3}, environ={"NEWSGRAPH_INGEST_MAX_ARTICLE_MB": "1.5"})
    assert (settings.ingest_max_article_mb, settings.ingest_batch_size) == (1.5, 3)
    assert defaults().ingest_batch_size == 200


def test_docs_readme_starts_with_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme[:600]
    assert "make demo" in head and "make test" in head
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


@pytest.mark.parametrize("command", sorted(c.name or c.callback.__name__ for c in app.registered_commands
                                            if c.callback.__name__ != "version"))
def test_docs_every_command_is_in_the_readme(command):
    assert f"newsgraph {command}" in (ROOT / "README.md").read_text(encoding="utf-8")
