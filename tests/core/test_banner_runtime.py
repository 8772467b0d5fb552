"""The banner runtime (consent mode signals, refused storage cleared), run by Node.js.

Each test builds the plan of a small catalogue with the real exporters, runs the runtime in
a fresh ``vm`` context whose page ``gtag`` records its calls (or that has none), with
in-memory local and session storage, then plays the library's callbacks as Klaro or
vanilla-cookieconsent would call them. The real libraries are in tests/browser.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from consent_tui.core import store
from consent_tui.core.export import banner_runtime, consent_snippet, cookieconsent, klaro
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.model import Catalogue

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(
    NODE is None and os.environ.get("CI") != "true", reason="node is not installed"
)
HARNESS = r"""
const fs = require("fs"), vm = require("vm");
const runtime = fs.readFileSync(process.argv[2], "utf8");
const scenario = fs.readFileSync(process.argv[3], "utf8");
const setup = JSON.parse(fs.readFileSync(process.argv[4], "utf8"));
function storage(keys) {
  const items = new Map(keys.map((k) => [k, "1"]));
  return {
    get length() { return items.size; },
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => { items.delete(k); },
    keys: () => [...items.keys()],
  };
}
const context = {
  calls: [], setTimeout, localStorage: storage(setup.local), sessionStorage: storage(setup.session),
};
if (setup.gtag) context.gtag = function () { context.calls.push(Array.from(arguments)); };
vm.createContext(context);
vm.runInContext("var runtime = " + runtime + ";", context);
const run = vm.runInContext("(async () => {\n" + scenario + "\n})", context);
run().then((result) => {
  const kind = (a) => Object.prototype.toString.call(a);
  const layer = (context.dataLayer || []).map((a) => [kind(a), Array.from(a)]);
  process.stdout.write(JSON.stringify({
    calls: context.calls, layer, result,
    local: context.localStorage.keys(), session: context.sessionStorage.keys(),
  }));
});
"""

CATALOGUE = """\
format_version = 1
[policy]
site_name = "Example"
[banner]
wait_for_update = 500
ads_data_redaction = true
region = ["EEA+UK+CH", "US-CA"]
[categories.necessary]
title = "Necessary"
consent = false
consent_mode = ["security_storage"]
[categories.statistics]
title = "Statistics"
consent = true
consent_mode = ["analytics_storage"]
[categories.marketing]
title = "Marketing"
consent = true
consent_mode = ["ad_storage", "ad_user_data", "ad_personalization"]
[categories.social]
title = "Social"
consent = true
consent_mode = ["personalization_storage"]
[services.site]
category = "necessary"
cookies = [{ name = "shared-*", type = "local_storage", duration = "persistent" }]
[services.ga]
category = "statistics"
cookies = [
  { name = "ga-state", type = "local_storage", duration = "persistent" },
  { name = "ga-tab-*", type = "session_storage", duration = "session" },
  { name = "shared-*", type = "local_storage", duration = "persistent" },
]
[services.matomo]
category = "statistics"
consent_mode = []
cookies = [{ name = "pk-*", type = "local_storage", duration = "persistent" }]
[services.ads]
category = "marketing"
"""
DENIED_DEFAULT = {
    "ad_storage": "denied",
    "analytics_storage": "denied",
    "ad_user_data": "denied",
    "ad_personalization": "denied",
    "personalization_storage": "denied",
    "security_storage": "granted",
    "wait_for_update": 500,
}


def load() -> Catalogue:
    return store.from_text(CATALOGUE).catalogue


def run(
    tmp_path: Path,
    plan: banner_runtime.Plan,
    scenario: str,
    *,
    gtag: bool = True,
    local: tuple[str, ...] = (),
    session: tuple[str, ...] = (),
    before: str = "",
) -> Any:
    assert NODE is not None, "node is required on CI"
    (tmp_path / "harness.cjs").write_text(HARNESS, encoding="utf-8")
    (tmp_path / "runtime.js").write_text(before + banner_runtime.script(plan), encoding="utf-8")
    (tmp_path / "scenario.js").write_text(scenario, encoding="utf-8")
    setup = {"gtag": gtag, "local": list(local), "session": list(session)}
    (tmp_path / "setup.json").write_text(json.dumps(setup), encoding="utf-8")
    done = subprocess.run(
        [NODE, "harness.cjs", "runtime.js", "scenario.js", "setup.json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def klaro_plan() -> banner_runtime.Plan:
    return klaro.runtime_plan(load(), [])


def cc_plan() -> banner_runtime.Plan:
    catalogue = load()
    return cookieconsent.runtime_plan(catalogue, cookieconsent.category_services(catalogue, []), [])


def region(result: Any) -> list[str]:
    codes: list[str] = result["calls"][0][2]["region"]
    return codes


def test_default_denies_every_type_that_needs_consent_before_anything_else(
    tmp_path: Path,
) -> None:
    result = run(tmp_path, klaro_plan(), "return null;")
    first, *rest = result["calls"]
    assert first[:2] == ["consent", "default"]
    assert {k: v for k, v in first[2].items() if k != "region"} == DENIED_DEFAULT
    assert rest == [["set", "ads_data_redaction", True]]
    codes = region(result)
    assert codes[-1] == "US-CA" and len(codes) == 30 + 7 + 2 + 1  # EEA, EU territories, GB, CH
    assert {"FR", "DE", "NO", "IS", "LI", "GB", "CH", "RE", "GP"} <= set(codes)
    assert "EU" not in codes and "UK" not in codes
    assert result["layer"] == []  # the page's own gtag was used, no dataLayer made


def test_without_a_gtag_the_runtime_defines_the_standard_queue(tmp_path: Path) -> None:
    result = run(tmp_path, klaro_plan(), "return typeof gtag;", gtag=False)
    assert result["result"] == "function"
    kinds = {kind for kind, _ in result["layer"]}
    assert kinds == {"[object Arguments]"}  # as Google's own snippet pushes them
    assert [args[:2] for _, args in result["layer"]] == [
        ["consent", "default"],
        ["set", "ads_data_redaction"],
    ]


def test_a_second_copy_sends_no_second_default(tmp_path: Path) -> None:
    snippet = consent_snippet.render(load(), ExportOptions()).text
    result = run(tmp_path, klaro_plan(), "return null;", before=snippet + "\n")
    commands = [c[:2] for c in result["calls"]]
    assert commands == [["consent", "default"], ["set", "ads_data_redaction"]]


KLARO_CHOICE = """
const config = { services: ["site", "ga", "matomo", "ads"].map((name) => ({ name })) };
runtime.klaro(config);
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
function apply(consents, confirmed) {
  for (const service of config.services) {
    const accepted = consents[service.name] === true;
    (accepted ? service.onAccept : service.onDecline)({ service, confirmed });
  }
}
const marks = [];
apply({ site: true }, false);  // first visit, no choice yet
await tick(); marks.push(calls.length);
apply({ site: true, ga: true, matomo: false, ads: false }, true);  // accepts GA only
await tick(); marks.push(calls.length);
apply({ site: true }, false);  // consents reset: Google must hear it
await tick(); marks.push(calls.length);
return marks;
"""


def test_klaro_updates_after_a_choice_and_after_a_withdrawal(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        klaro_plan(),
        KLARO_CHOICE,
        local=("ga-state", "pk-1", "shared-x", "other"),
        session=("ga-tab-1",),
    )
    calls = result["calls"]
    assert result["result"] == [2, 3, 4]  # nothing before the first choice
    updates = [c[2] for c in calls if c[:2] == ["consent", "update"]]
    assert updates[0] == {
        "ad_storage": "denied",
        "analytics_storage": "granted",  # GA is its only holder: matomo opted out
        "ad_user_data": "denied",
        "ad_personalization": "denied",
        "personalization_storage": "denied",  # a category without services: Klaro cannot ask
        "security_storage": "granted",
    }
    assert updates[1]["analytics_storage"] == "denied"
    # refused in the end: GA's and matomo's keys go; "shared-x" is also the site's: kept
    assert result["local"] == ["shared-x", "other"]
    assert result["session"] == []


CC_CHOICE = """
const accepted = { necessary: ["site"], statistics: ["ga"], marketing: [], social: [] };
const refused = new Set();
const library = {
  acceptedCategory: (c) =>
    !refused.has(c) && c in accepted && (accepted[c].length > 0 || c === "social"),
  acceptedService: (s, c) => (accepted[c] || []).includes(s),
};
const config = {};
runtime.cookieconsent(library, config);
config.onConsent({});
accepted.statistics = [];  // withdrawn
config.onChange({});
accepted.statistics = ["ga"];  // the library may list services of a refused category
refused.add("statistics");
config.onChange({});
return null;
"""


def test_cookieconsent_updates_on_consent_and_on_change(tmp_path: Path) -> None:
    result = run(tmp_path, cc_plan(), CC_CHOICE, local=("ga-state", "pk-1", "other"))
    updates = [c[2] for c in result["calls"] if c[:2] == ["consent", "update"]]
    assert len(updates) == 3
    assert updates[0]["analytics_storage"] == "granted"
    assert updates[0]["personalization_storage"] == "granted"  # its category was accepted
    assert updates[0]["ad_storage"] == "denied"
    assert updates[1]["analytics_storage"] == "denied"
    assert updates[2]["analytics_storage"] == "denied"
    assert result["local"] == ["other"]


def test_every_service_of_a_mapped_category_must_be_accepted(tmp_path: Path) -> None:
    """matomo opts out with consent_mode = []; without that, both would hold the type."""
    text = CATALOGUE.replace("consent_mode = []\n", "")
    catalogue = store.from_text(text).catalogue
    plan = cookieconsent.runtime_plan(catalogue, cookieconsent.category_services(catalogue, []), [])
    result = run(tmp_path, plan, CC_CHOICE)
    updates = [c[2] for c in result["calls"] if c[:2] == ["consent", "update"]]
    assert updates[0]["analytics_storage"] == "denied"  # GA accepted, matomo not


def test_the_snippet_takes_accepted_categories_or_services(tmp_path: Path) -> None:
    snippet = consent_snippet.render(load(), ExportOptions()).text
    scenario = """
consentTuiConsentMode.update({ categories: ["statistics"] });
consentTuiConsentMode.update({ services: ["ads"] });
consentTuiConsentMode.update({});
return null;
"""
    plan: banner_runtime.Plan = {"types": [], "holders": [], "storage": []}
    plan |= {"wait": None, "region": None, "redaction": None, "passthrough": None}
    result = run(tmp_path, plan, scenario, before=snippet + "\n")
    updates = [c[2] for c in result["calls"] if c[:2] == ["consent", "update"]]
    assert [u["analytics_storage"] for u in updates] == ["granted", "denied", "denied"]
    assert [u["ad_storage"] for u in updates] == ["denied", "granted", "denied"]
    assert all(u["security_storage"] == "granted" for u in updates)


def test_a_catalogue_without_mapping_sends_nothing(tmp_path: Path) -> None:
    catalogue = store.from_text(CATALOGUE.replace("consent_mode", "x_mode")).catalogue
    plan = klaro.runtime_plan(catalogue, [])
    assert plan["types"] == [] and banner_runtime.needed(plan)  # storage still cleared
    result = run(tmp_path, plan, "return typeof consentTuiConsentMode;")
    assert result["calls"] == [] and result["result"] == "undefined"


def test_the_runtime_source_has_no_angle_brackets() -> None:
    """Safe to inline in <script> whatever the parser: no <!--, no </script>, no -->."""
    source = banner_runtime.runtime_source()
    assert "<" not in source and ">" not in source
