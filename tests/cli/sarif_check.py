"""The key requirements of the SARIF 2.1.0 schema that GitHub code scanning
relies on, checked by hand (the schema itself is not downloaded: no network).

Each check names the schema property it enforces; ``validate`` returns the
list of problems (empty when the log is acceptable).
"""

from __future__ import annotations

from typing import Any

LEVELS = {"none", "note", "warning", "error"}
COLUMN_KINDS = {"utf16CodeUnits", "unicodeCodePoints"}


def _region(region: Any, where: str, out: list[str]) -> None:
    if not isinstance(region, dict):
        out.append(f"{where}: region must be an object")
        return
    for key in ("startLine", "startColumn", "endLine", "endColumn"):
        v = region.get(key)
        if not isinstance(v, int) or v < 1:
            out.append(f"{where}.{key}: must be an integer >= 1 (got {v!r})")
            return
    if region["endLine"] < region["startLine"]:
        out.append(f"{where}: endLine before startLine")
    if region["endLine"] == region["startLine"] and region["endColumn"] < region["startColumn"]:
        out.append(f"{where}: endColumn before startColumn on one line")


def _physical(loc: Any, where: str, out: list[str]) -> None:
    if not isinstance(loc, dict):
        out.append(f"{where}: physicalLocation must be an object")
        return
    art = loc.get("artifactLocation")
    if not isinstance(art, dict) or not isinstance(art.get("uri"), str) or not art["uri"]:
        out.append(f"{where}.artifactLocation.uri: required string")
    else:
        uri = art["uri"]
        if "\\" in uri or uri.startswith("/") or "://" in uri:
            out.append(f"{where}.artifactLocation.uri: {uri!r} is not a relative URI reference")
    _region(loc.get("region"), f"{where}.region", out)


def validate(log: Any) -> list[str]:
    """Problems of a SARIF log (a parsed JSON object)."""
    out: list[str] = []
    if not isinstance(log, dict):
        return ["the log must be a JSON object"]
    if log.get("version") != "2.1.0":
        out.append(f"version must be '2.1.0' (got {log.get('version')!r})")
    schema = log.get("$schema")
    if not isinstance(schema, str) or "sarif" not in schema or "2.1.0" not in schema:
        out.append(f"$schema must name the SARIF 2.1.0 schema (got {schema!r})")
    runs = log.get("runs")
    if not isinstance(runs, list) or not runs:
        return [*out, "runs must be a non-empty array"]
    for r, run in enumerate(runs):
        w = f"runs[{r}]"
        driver = run.get("tool", {}).get("driver") if isinstance(run.get("tool"), dict) else None
        if not isinstance(driver, dict) or not isinstance(driver.get("name"), str) or not driver["name"]:
            out.append(f"{w}.tool.driver.name: required string")
            continue
        rules = driver.get("rules", [])
        ids = []
        for i, rule in enumerate(rules):
            if not isinstance(rule, dict) or not isinstance(rule.get("id"), str) or not rule["id"]:
                out.append(f"{w}.tool.driver.rules[{i}].id: required string")
                continue
            ids.append(rule["id"])
            for key in ("shortDescription", "fullDescription", "help"):
                if key in rule and not isinstance(rule[key].get("text"), str):
                    out.append(f"{w}.tool.driver.rules[{i}].{key}.text: required string")
            level = rule.get("defaultConfiguration", {}).get("level", "warning")
            if level not in LEVELS:
                out.append(f"{w}.tool.driver.rules[{i}].defaultConfiguration.level: {level!r}")
        if len(ids) != len(set(ids)):
            out.append(f"{w}.tool.driver.rules: ids are not unique")
        if run.get("columnKind", "unicodeCodePoints") not in COLUMN_KINDS:
            out.append(f"{w}.columnKind: {run.get('columnKind')!r}")
        results = run.get("results")
        if not isinstance(results, list):
            out.append(f"{w}.results: required array")
            continue
        for k, res in enumerate(results):
            rw = f"{w}.results[{k}]"
            if not isinstance(res.get("ruleId"), str) or res["ruleId"] not in ids:
                out.append(f"{rw}.ruleId: {res.get('ruleId')!r} is not a rule of the driver")
            elif "ruleIndex" in res and ids[res["ruleIndex"]] != res["ruleId"]:
                out.append(f"{rw}.ruleIndex does not point at ruleId")
            if res.get("level") not in LEVELS:
                out.append(f"{rw}.level: {res.get('level')!r} not in {sorted(LEVELS)}")
            msg = res.get("message")
            if not isinstance(msg, dict) or not isinstance(msg.get("text"), str) or not msg["text"]:
                out.append(f"{rw}.message.text: required non-empty string")
            locs = res.get("locations")
            if not isinstance(locs, list) or not locs:
                out.append(f"{rw}.locations: required non-empty array")
            else:
                for j, loc in enumerate(locs):
                    _physical(loc.get("physicalLocation"), f"{rw}.locations[{j}].physicalLocation", out)
            related_ids = []
            for j, rel in enumerate(res.get("relatedLocations", [])):
                related_ids.append(rel.get("id"))
                _physical(rel.get("physicalLocation"), f"{rw}.relatedLocations[{j}].physicalLocation", out)
            if len(related_ids) != len(set(related_ids)):
                out.append(f"{rw}.relatedLocations: ids are not unique")
            fps = res.get("partialFingerprints", {})
            if not isinstance(fps, dict) or not all(isinstance(v, str) for v in fps.values()):
                out.append(f"{rw}.partialFingerprints: must map names to strings")
    return out
