"""One exception tree for detente (the httpx ``_exceptions.py`` habit).

    DetenteError                  base: every error detente raises on purpose
    ├── UserInputError            the user gave something we cannot use (CLI exits 2, no traceback)
    │   ├── InputError            an input file or line cannot be read as an article
    │   ├── DictionaryError       a dictionary file has a malformed entry
    │   ├── SettingsError         an unknown setting or a bad value
    │   └── StoreError            a database file cannot be used (newer schema, not detente's, locked, missing)
    ├── ModelNotInstalledError    the spaCy model package is missing (install hint in the message)
    └── PipelineError             a stage is mis-wired (a field it reads has no producer)

Messages name the bad value, where it came from (file and line) and what would be valid. Errors on one
article are not raised out of the pipeline: they become a ``Problem`` on that article.
"""

from __future__ import annotations


class DetenteError(Exception):
    """Base of every error detente raises on purpose."""


class UserInputError(DetenteError):
    """Something the user supplied cannot be used; the CLI prints the message and exits 2."""


class _Located:
    """An error about a place in a file: the message starts with ``path:line:``."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = f"{path}:{line}: " if path and line else (f"{path}: " if path else "")
        super().__init__(f"{where}{message}")


class InputError(_Located, UserInputError):
    """An input file or record cannot be read as an article."""


class DictionaryError(_Located, UserInputError):
    """A dictionary file has an entry that cannot be read."""


class SettingsError(UserInputError):
    """An unknown setting name or a value of the wrong type."""


class StoreError(UserInputError):
    """A database file cannot be used: it was written by a newer detente, is not a detente store, is
    locked by another process, or does not exist where a query expects one."""


class ModelNotInstalledError(DetenteError):
    """The spaCy model package is not installed; detente never downloads one at run time."""


class PipelineError(DetenteError):
    """The pipeline is mis-wired: a stage reads a field that no earlier stage adds."""
