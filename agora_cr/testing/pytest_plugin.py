"""pytest plugin (entry point ``agora_cr``): the ``agora_emulator`` fixture."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from agora_cr.testing.emulator import Emulator


@pytest.fixture
def agora_emulator() -> Iterator[Emulator]:
    """A running :class:`~agora_cr.testing.Emulator`, fresh for each test (default 10 QPS limit)."""
    with Emulator() as emulator:
        yield emulator
