"""One root exception for policykg; translated to HTTP problems or CLI messages only at the edges."""


class PolicykgError(Exception):
    """Root of every error policykg raises on purpose."""


class InputError(PolicykgError):
    """An input file or record cannot be read; the message names the file (and line)."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        where = ""
        if source is not None:
            where = f"{source}:{line}: " if line is not None else f"{source}: "
        super().__init__(where + message)
        self.source = source
        self.line = line


class NotFoundError(PolicykgError):
    """A requested id or name does not exist in the store."""


class ValidationError(PolicykgError):
    """A parameter or record violates the schema or the record contract."""


class StoreError(PolicykgError):
    """A store failed to read or write; nothing was half-written."""


class CorruptStoreError(StoreError):
    """The embedded store file is corrupt or not a policykg graph; it is left untouched."""


class StoreUnavailableError(StoreError):
    """The backend (Neo4j) cannot be reached."""
