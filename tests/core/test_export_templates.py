"""Templates: the user's folder and --template override the bundled ones, in a sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest

from consent_tui.core.export import registry
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.export.templating import TemplateError
from consent_tui.core.model import Catalogue
from consent_tui.core.store import load, load_text
from tests.conftest import SAMPLES


@pytest.fixture
def catalogue() -> Catalogue:
    return load(SAMPLES / "opendatasoft.toml").catalogue


def render(catalogue: Catalogue, fmt: str, **options: object) -> str:
    return registry.get(fmt).render(catalogue, ExportOptions(**options)).text  # type: ignore[arg-type]


def test_a_template_in_the_user_folder_replaces_the_bundled_one(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    (tmp_path / "policy.md.j2").write_text("{{ doc.title }} for {{ doc.site_name }}\n")
    assert render(catalogue, "markdown", templates_dir=tmp_path) == (
        "Cookies policy for Kering Group data portal\n"
    )
    assert render(catalogue, "html", templates_dir=tmp_path).startswith("<!DOCTYPE html>")


def test_a_missing_user_folder_is_fine(catalogue: Catalogue, tmp_path: Path) -> None:
    default = render(catalogue, "text")
    assert render(catalogue, "text", templates_dir=tmp_path / "nope") == default


def test_template_option_extends_the_bundled_template(catalogue: Catalogue, tmp_path: Path) -> None:
    template = tmp_path / "policy.html.j2"  # same name as the bundled one: no recursion
    template.write_text(
        '{% extends "bundled/policy.html.j2" %}\n'
        '{% block head %}<link rel="stylesheet" href="/site.css">{% endblock %}\n'
    )
    html = render(catalogue, "html", template=template, lang="fr")
    assert '<link rel="stylesheet" href="/site.css">' in html
    assert "<h1>Politique relative aux cookies</h1>" in html


def test_template_option_wins_over_the_user_folder(catalogue: Catalogue, tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "policy.txt.j2").write_text("folder\n")
    chosen = tmp_path / "mine.j2"
    chosen.write_text("{% include 'part.j2' %} {{ width }}\n")
    (tmp_path / "part.j2").write_text("included")
    text = render(catalogue, "text", template=chosen, templates_dir=tmp_path / "folder", width=99)
    assert text == "included 99\n"


def test_markdown_templates_escape_every_value(tmp_path: Path) -> None:
    catalogue = load_text(
        'format_version = 1\n[policy]\ntitle = "<b>[x](javascript:y)</b> {{ z }}"\n'
    )
    template = tmp_path / "t.j2"
    template.write_text("# {{ doc.title }}\n{{ doc.title | md_raw }}\n")
    text = render(catalogue, "markdown", template=template)
    assert text.splitlines() == [
        "# &lt;b&gt;\\[x\\](javascript:y)&lt;/b&gt; &#123;&#123; z &#125;&#125;",
        "<b>[x](javascript:y)</b> {{ z }}",
    ]


def test_html_templates_autoescape(tmp_path: Path) -> None:
    catalogue = load_text('format_version = 1\n[policy]\ntitle = "<script>x</script>"\n')
    template = tmp_path / "t.j2"
    template.write_text("<h1>{{ doc.title }}</h1>")
    assert render(catalogue, "html", template=template) == (
        "<h1>&lt;script&gt;x&lt;/script&gt;</h1>\n"
    )


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ doc.__class__ }}",
        "{{ doc.labels.clear() }}",
        "{{ doc.notes.__len__ }}",
    ],
)
def test_the_sandbox_refuses_unsafe_code(catalogue: Catalogue, tmp_path: Path, source: str) -> None:
    template = tmp_path / "evil.j2"
    template.write_text(source)
    with pytest.raises(TemplateError) as caught:
        render(catalogue, "text", template=template)
    assert str(template) in str(caught.value)


def test_a_syntax_error_names_file_and_line(catalogue: Catalogue, tmp_path: Path) -> None:
    template = tmp_path / "broken.j2"
    template.write_text("line one\n{% for x in %}\n")
    with pytest.raises(TemplateError) as caught:
        render(catalogue, "markdown", template=template)
    assert caught.value.location == f"{template}:2"
    assert "template syntax error" in caught.value.message


def test_an_undefined_variable_is_an_error(catalogue: Catalogue, tmp_path: Path) -> None:
    template = tmp_path / "typo.j2"
    template.write_text("{{ doc.titel }}")
    with pytest.raises(TemplateError, match="titel"):
        render(catalogue, "html", template=template)


def test_a_missing_include_is_an_error(catalogue: Catalogue, tmp_path: Path) -> None:
    template = tmp_path / "inc.j2"
    template.write_text("{% include 'nowhere.j2' %}")
    with pytest.raises(TemplateError, match=r"template not found: nowhere\.j2"):
        render(catalogue, "html", template=template)
