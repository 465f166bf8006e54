"""Our HTML pages: a package's Jinja2 templates with autoescape, and its stylesheets and
scripts put in whole. User text only ever reaches a page through an escaping template."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup


class Templates:
    """The ``templates`` folder of ``package``."""

    def __init__(self, package: str) -> None:
        self._package = package
        self._environment = Environment(loader=PackageLoader(package, "templates"),
                                        autoescape=select_autoescape(["j2"]),
                                        keep_trailing_newline=True)

    def render(self, name: str, **values: Any) -> str:
        return self._environment.get_template(name).render(**values)

    def asset(self, name: str) -> Markup:
        """A stylesheet or script of ours, inserted as it is."""
        return Markup(files(self._package).joinpath("templates", name).read_text("utf-8"))
