"""The generated JavaScript, evaluated by Node.js: it parses, and every text survives exactly.

Node reads the Klaro file as a classic script and the cookieconsent file as an ES module
(with a stand-in ``vanilla-cookieconsent`` that records the configuration), then prints the
configuration as JSON, RegExp literals as ``{"$regex": source}``.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from consent_tui.core import store
from consent_tui.core.export import registry
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.model import Catalogue, text_in
from tests.conftest import ROOT, sample_paths

HOSTILE = ROOT / "tests" / "golden" / "banners" / "hostile.toml"
NODE = shutil.which("node")
REPLACER = (
    "(k, v) => Object.prototype.toString.call(v) === '[object RegExp]' "
    "? { $regex: v.source, flags: v.flags } : v"
)
KLARO_RUNNER = f"""
const fs = require("fs"), vm = require("vm");
const context = {{}};
vm.runInNewContext(fs.readFileSync(process.argv[2], "utf8"), context);
process.stdout.write(JSON.stringify(context.klaroConfig, {REPLACER}));
"""
CC_STUB = "export function run(config) { globalThis.ran = config; return Promise.resolve(); }\n"
CC_RUNNER = f"""
import {{ config, ready, CookieConsent, translations }} from "./config.mjs";
await ready;
if (globalThis.ran !== config || typeof CookieConsent.run !== "function") process.exit(3);
// Each language is a function the library calls to load it: it sets that language's
// service labels and returns its texts. The default language is loaded last.
const labels = {{}};
for (const lang of Object.keys(translations).reverse()) {{
  if (config.language.translations[lang]() !== translations[lang]) process.exit(4);
  labels[lang] = Object.values(config.categories).flatMap(
    c => Object.entries(c.services).map(([id, s]) => [id, s.label]));
}}
const shown = {{ ...config, language: {{ ...config.language, translations }}, labels }};
process.stdout.write(JSON.stringify(shown, {REPLACER}));
"""

pytestmark = pytest.mark.skipif(
    NODE is None and os.environ.get("CI") != "true", reason="node is not installed"
)


def run_node(args: list[str], cwd: Path) -> Any:
    assert NODE is not None, "node is required on CI"
    done = subprocess.run(
        [NODE, *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=60
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def klaro_config(catalogue: Catalogue, tmp_path: Path) -> Any:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "config.js").write_text(render("klaro", catalogue), encoding="utf-8")
    (tmp_path / "run.cjs").write_text(KLARO_RUNNER, encoding="utf-8")
    return run_node(["run.cjs", "config.js"], tmp_path)


def cc_config(catalogue: Catalogue, tmp_path: Path) -> Any:
    package = tmp_path / "node_modules" / "vanilla-cookieconsent"
    package.mkdir(parents=True)
    (package / "package.json").write_text(
        '{"name": "vanilla-cookieconsent", "type": "module", "exports": "./index.js"}'
    )
    (package / "index.js").write_text(CC_STUB)
    (tmp_path / "config.mjs").write_text(render("cookieconsent", catalogue), encoding="utf-8")
    (tmp_path / "run.mjs").write_text(CC_RUNNER, encoding="utf-8")
    return run_node(["run.mjs"], tmp_path)


def render(fmt: str, catalogue: Catalogue) -> str:
    return registry.get(fmt).render(catalogue, ExportOptions()).text


def ui_contact(lang: str) -> str:
    return {"en": "Questions about cookies:", "fr": "Une question sur les cookies :"}[lang]


def matches(regex: dict[str, str], name: str) -> bool:
    return re.fullmatch(regex["$regex"], name) is not None


@pytest.mark.parametrize("path", [*sample_paths(), HOSTILE], ids=lambda p: p.stem)
def test_both_files_evaluate_to_one_entry_per_service(path: Path, tmp_path: Path) -> None:
    catalogue = store.load(path).catalogue
    klaro = klaro_config(catalogue, tmp_path / "k")
    assert len(klaro["services"]) == len(catalogue.services)
    assert set(klaro["translations"]) == set(catalogue.languages)
    cc = cc_config(catalogue, tmp_path / "c")
    listed = [sid for category in cc["categories"].values() for sid in category["services"]]
    assert listed == list(catalogue.services)
    assert set(cc["language"]["translations"]) == set(catalogue.languages)


def test_klaro_texts_survive_exactly(tmp_path: Path) -> None:
    catalogue = store.load(HOSTILE).catalogue
    config = klaro_config(catalogue, tmp_path)
    for lang in catalogue.languages:
        for pid, purpose in catalogue.purposes.items():
            got = config["translations"][lang]["purposes"][pid]
            assert got == {
                "title": text_in(purpose.title, lang),
                "description": text_in(purpose.description, lang),
            }
        for entry, service in zip(config["services"], catalogue.services.values(), strict=True):
            texts = entry["translations"][lang]
            assert texts["title"] == f"{service.provider} – {text_in(service.function, lang)}"
            assert texts["description"].startswith(text_in(service.description, lang) + " ")
            for cookie in service.cookies:
                assert f"{cookie.name} (" in texts["description"]
    assert config["htmlTexts"] is False
    for lang in catalogue.languages:  # fr's javascript: URL is refused: en's is used
        assert config["translations"][lang]["privacyPolicyUrl"] == (
            "https://hostile.example/cookies?a=1&b=2"
        )
    evil = config["services"][1]
    assert evil["name"] == "evil-svc-x"
    assert evil["required"] is False and config["services"][0]["required"] is True
    first, second = evil["cookies"]  # the lone "*" is not there
    assert matches(first, "_ga_TEST") and not matches(first, "x_ga_TEST")
    assert matches(second, 'evil"</script><!--abc')
    assert config["services"][0]["cookies"] == ["session", "x.y+z(1)[2]{3}|^$?/\\"]


def test_cookieconsent_texts_survive_exactly(tmp_path: Path) -> None:
    catalogue = store.load(HOSTILE).catalogue
    config = cc_config(catalogue, tmp_path)
    assert config["revision"] == 2
    necessary = config["categories"]["necessary"]
    assert (necessary["enabled"], necessary["readOnly"]) == (True, True)
    assert "autoClear" not in necessary and list(necessary["services"]) == ["site"]
    label = html.unescape(necessary["services"]["site"]["label"])
    site = catalogue.services["site"]
    assert label == f"{site.provider} – {text_in(site.function, 'en')}"
    tracking = config["categories"]["tracking"]
    names = tracking["autoClear"]["cookies"]
    assert len(names) == 2
    assert matches(names[0]["name"], "_ga_TEST")
    assert tracking["services"]['evil\'svc "x"']["cookies"] == names
    for lang in catalogue.languages:
        modal = config["language"]["translations"][lang]
        intro = text_in(catalogue.policy.intro, lang)
        description = modal["consentModal"]["description"]
        assert description.endswith(" {{revisionMessage}}")
        assert html.unescape(description.removesuffix(" {{revisionMessage}}")) == intro
        assert "<" not in description  # plain text, no markup
        footer = modal["consentModal"]["footer"]
        assert footer.startswith('<a href="https://hostile.example/cookies?a=1&amp;b=2">')
        sections = modal["preferencesModal"]["sections"]
        assert html.unescape(sections[0]["description"]) == intro
        for section, (cid, category) in zip(
            sections[1:], catalogue.categories.items(), strict=False
        ):
            assert section["linkedCategory"] == cid
            assert html.unescape(section["title"]) == text_in(category.title, lang)
            assert html.unescape(section["description"]) == text_in(category.description, lang)
            services = [s for s in catalogue.services.values() if s.category == cid]
            rows = section["cookieTable"]["body"]
            cookies = [c for s in services for c in s.cookies]
            assert len(rows) == len(cookies)
            for row, cookie in zip(rows, cookies, strict=True):
                assert html.unescape(row["name"]).startswith(cookie.name or "")
                assert html.unescape(row["description"]) == text_in(cookie.description, lang)
        more = sections[-1]["description"]
        contact = '<a href="mailto:evil@hostile.example?subject=%22%3E%3Cscript%3E">'
        assert more.startswith(f"{html.escape(ui_contact(lang))} {contact}")


def test_cookieconsent_labels_follow_the_loaded_language(tmp_path: Path) -> None:
    """Loading a language sets every service label in it; the default one is loaded last."""
    catalogue = store.load(HOSTILE).catalogue
    config = cc_config(catalogue, tmp_path)
    for lang in catalogue.languages:
        labels = {sid: html.unescape(label) for sid, label in config["labels"][lang]}
        assert labels == {
            sid: f"{s.provider} – {text_in(s.function, lang)}"
            for sid, s in catalogue.services.items()
        }
    default = [label for _, label in config["labels"][catalogue.default_language]]
    assert [s["label"] for c in config["categories"].values() for s in c["services"].values()] == (
        default
    )
