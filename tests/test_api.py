from __future__ import annotations

import storyweave


def test_every_public_name_resolves() -> None:
    for name in storyweave.__all__:
        assert getattr(storyweave, name) is not None, name


def test_unknown_name_is_an_attribute_error() -> None:
    import pytest

    with pytest.raises(AttributeError):
        storyweave.no_such_thing  # noqa: B018
