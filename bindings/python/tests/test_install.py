"""The package under test is the installed wheel, complete."""

from __future__ import annotations

from pathlib import Path

import agora_token
from conftest import SOURCE_TREE


def test_imported_from_site_packages_not_the_source_tree() -> None:
    location = Path(agora_token.__file__).resolve()
    assert SOURCE_TREE not in location.parents, location
    assert "site-packages" in location.parts, location


def test_wheel_ships_stubs_and_py_typed() -> None:
    pkg = Path(agora_token.__file__).parent
    assert (pkg / "py.typed").is_file()
    assert (pkg / "_agora_token.pyi").is_file()
    assert any(p.name.startswith("_agora_token") and p.suffix in (".so", ".pyd") for p in pkg.iterdir())


def test_version() -> None:
    assert agora_token.__version__.count(".") == 2
