"""newsgraph's exceptions.

The hierarchy::

    NewsgraphError            (code, message with cause and fix)
     ├── ConfigError          a setting is missing or malformed
     ├── PipelineError        stages in an order that breaks their contracts
     ├── StoreError           the database cannot be opened or is not ours
     └── QueryError           a search query or filter the user must fix

Bad *input files* are not exceptions: ingest turns them into
``models.Rejected`` values so that the rest of a batch goes on. Only the
edges (CLI, API) turn these errors into messages and exit codes.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class ConfigError(NewsgraphError):
    code = "E100"


class PipelineError(NewsgraphError):
    code = "E200"


class StoreError(NewsgraphError):
    code = "E300"


class QueryError(NewsgraphError):
    code = "E400"
