"""The shared test helpers are one module: `from conftest import …` (every test folder's way)
finds the tests/conftest.py that pytest loaded, not a second copy of it."""

from __future__ import annotations

import conftest


def test_from_conftest_is_the_module_pytest_loaded(request):
    loaded = [
        plugin
        for plugin in request.config.pluginmanager.get_plugins()
        if getattr(plugin, "__file__", None) == conftest.__file__
    ]
    assert loaded == [conftest]
