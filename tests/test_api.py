from __future__ import annotations

import subprocess
import sys

import storyweave


def test_every_public_name_resolves() -> None:
    for name in storyweave.__all__:
        assert getattr(storyweave, name) is not None, name


def test_unknown_name_is_an_attribute_error() -> None:
    import pytest

    with pytest.raises(AttributeError):
        storyweave.no_such_thing  # noqa: B018


def test_render_is_the_function_even_after_its_package_was_imported() -> None:
    # importing a submodule binds the package attribute to the module; a user who imported
    # storyweave.render.json first must still get the function from `from storyweave import`
    code = (
        "import storyweave.render.json\n"
        "from storyweave import render, brief, read\n"
        "assert all(callable(f) for f in (render, brief, read)), (render, brief, read)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
