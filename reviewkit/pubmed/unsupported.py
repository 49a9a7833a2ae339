"""A query the local server cannot evaluate faithfully: refused, sent as an ``<ERROR>``."""

from __future__ import annotations

from reviewkit.errors import UserError


class UnsupportedQuery(UserError):
    """A query the local server cannot evaluate faithfully."""
