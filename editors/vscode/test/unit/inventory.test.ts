import assert from "node:assert/strict";
import * as path from "node:path";
import { test } from "node:test";
import { findInventory, hasToolZlint, sysplexName } from "../../src/inventory";

const files = (m: Record<string, string>) => async (f: string) => m[f];

test("the nearest zlint.toml above the file, named by [sysplex] name", async () => {
  const read = files({
    "/r/zlint.toml": "[sysplex]\nname = \"OUTER\"\n",
    "/r/plex/zlint.toml": "# inventory\n[dns]\nname = \"not this\"\n[sysplex]\nname = \"PLEX1\" # the sysplex\n[systems.SYS1]\n",
  });
  assert.deepEqual(await findInventory("/r/plex/SYS1", read), { file: "/r/plex/zlint.toml", root: "/r/plex", name: "PLEX1" });
  assert.equal((await findInventory("/r/other", read))?.name, "OUTER");
  assert.equal(await findInventory("/elsewhere", read), undefined);
});

test("without a name the sysplex is named after its folder", async () => {
  const inv = await findInventory("/w/PLEXA/SYS1", files({ "/w/PLEXA/zlint.toml": "[systems.SYS1]\n" }));
  assert.equal(inv?.name, "PLEXA");
});

test("pyproject.toml counts only with [tool.zlint]", async () => {
  const read = files({
    "/a/pyproject.toml": "[project]\nname = \"x\"\n",
    "/a/b/pyproject.toml": "[tool.zlint.sysplex]\nname = 'PY'\n",
  });
  assert.deepEqual(await findInventory("/a/b/c", read), { file: path.join("/a/b", "pyproject.toml"), root: "/a/b", name: "PY" });
  assert.equal(await findInventory("/a/c", read), undefined);
  assert.ok(hasToolZlint("[ tool . zlint ]\n"));
  assert.ok(!hasToolZlint("[tool.zlintx]\n"));
});

test("sysplexName reads basic and literal strings", () => {
  assert.equal(sysplexName('[sysplex]\nname = "A\\"B"\n'), 'A"B');
  assert.equal(sysplexName("[sysplex]\nname='P2'\n"), "P2");
  assert.equal(sysplexName("name = \"top\"\n[sysplex]\n"), undefined);
});
