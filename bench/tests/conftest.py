"""Bench scripts are not a package: tests load each one from its file."""

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1]


@pytest.fixture
def bench_script() -> Callable[[str], ModuleType]:
    def load(name: str) -> ModuleType:
        spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return load


@pytest.fixture
def summary_of() -> Callable[[str], dict[str, str]]:
    def parse(output: str) -> dict[str, str]:
        """The key=value pairs of the last line, which must be the SUMMARY line."""
        last = output.strip().splitlines()[-1]
        assert last.startswith("SUMMARY ")
        return dict(pair.split("=", 1) for pair in last.split()[1:] if "=" in pair)

    return parse
