import assert from "node:assert/strict";
import { test } from "node:test";
import { commandFor, expandPath, findOnPath, findServer, lspArgs, Probe, subcommandArgs } from "../../src/discovery";

/** A machine with the given executables and (optionally) a Python extension interpreter. */
function machine(over: Partial<Probe> & { executables?: string[]; withZparse?: string[] } = {}): Probe & { probed: string[] } {
  const exes = new Set(over.executables ?? []);
  const zp = new Set(over.withZparse ?? []);
  const probed: string[] = [];
  return {
    settingPath: "",
    workspaceFolder: "/ws",
    home: "/home/me",
    pythonInterpreter: async () => undefined,
    hasZparse: async (p) => { probed.push(p); return zp.has(p); },
    isExecutable: async (f) => exes.has(f),
    pathEnv: "/usr/local/bin:/usr/bin",
    platform: "linux",
    probed,
    ...over,
  };
}

test("zlint.path wins over everything else", async () => {
  const m = machine({ settingPath: "/opt/z/bin/zlint", executables: ["/opt/z/bin/zlint", "/usr/bin/zlint", "/py/python3"],
    pythonInterpreter: async () => "/py/python3", withZparse: ["/py/python3"] });
  assert.deepEqual(await findServer(m), { found: true, zlint: { command: "/opt/z/bin/zlint", args: [], source: "setting" } });
  assert.deepEqual(m.probed, [], "the interpreter is not probed when the setting names the server");
});

test("zlint.path that is not executable is an error, not a silent fallback", async () => {
  const r = await findServer(machine({ settingPath: "/nope/zlint", executables: ["/usr/bin/zlint"] }));
  assert.equal(r.found, false);
  assert.match(!r.found ? r.reason : "", /zlint\.path is "\/nope\/zlint"/);
});

test("zlint.path expands ~ and ${workspaceFolder} and is relative to the workspace", async () => {
  const m = machine({ executables: ["/home/me/.venv/bin/zlint", "/ws/.venv/bin/zlint"] });
  assert.equal(expandPath("~/.venv/bin/zlint", m), "/home/me/.venv/bin/zlint");
  assert.equal(expandPath("${workspaceFolder}/.venv/bin/zlint", m), "/ws/.venv/bin/zlint");
  assert.equal(expandPath(".venv/bin/zlint", m), "/ws/.venv/bin/zlint");
  assert.equal(expandPath("${env:ZHOME}/zlint", m, { ZHOME: "/z" }), "/z/zlint");
  const r = await findServer({ ...m, settingPath: ".venv/bin/zlint" });
  assert.deepEqual(r, { found: true, zlint: { command: "/ws/.venv/bin/zlint", args: [], source: "setting" } });
});

test("zlint.path may name a Python interpreter: it runs -m zparse.cli", async () => {
  assert.deepEqual(commandFor("/v/bin/python3.12", "setting"), { command: "/v/bin/python3.12", args: ["-m", "zparse.cli"], source: "setting" });
  assert.deepEqual(commandFor("C:\\v\\Scripts\\python.exe", "setting").args, ["-m", "zparse.cli"]);
  assert.deepEqual(commandFor("/v/bin/zlint", "setting").args, []);
});

test("the Python extension's interpreter is used when it has zparse", async () => {
  const m = machine({ pythonInterpreter: async () => "/py/bin/python", executables: ["/py/bin/python", "/usr/bin/zlint"],
    withZparse: ["/py/bin/python"] });
  const r = await findServer(m);
  assert.deepEqual(r, { found: true, zlint: { command: "/py/bin/python", args: ["-m", "zparse.cli"], source: "python" } });
  assert.deepEqual(lspArgs(r.found ? r.zlint : commandFor("x", "path"), ["--x"]), ["-m", "zparse.cli", "lsp", "--x"]);
});

test("an interpreter without zparse falls through to PATH", async () => {
  const m = machine({ pythonInterpreter: async () => "/py/bin/python", executables: ["/py/bin/python", "/usr/bin/zlint"] });
  assert.deepEqual(await findServer(m), { found: true, zlint: { command: "/usr/bin/zlint", args: [], source: "path" } });
  assert.deepEqual(m.probed, ["/py/bin/python"]);
});

test("a failing Python extension API falls through to PATH", async () => {
  const m = machine({ pythonInterpreter: async () => { throw new Error("not activated"); }, executables: ["/usr/local/bin/zlint"] });
  assert.deepEqual(await findServer(m), { found: true, zlint: { command: "/usr/local/bin/zlint", args: [], source: "path" } });
});

test("PATH is searched in order; empty entries are skipped", async () => {
  const m = machine({ pathEnv: "::/a:/b", executables: ["/b/zlint", "/a/zlint"] });
  assert.equal(await findOnPath("zlint", m), "/a/zlint");
});

test("Windows: PATHEXT and ; separators", async () => {
  const m = machine({ platform: "win32", pathEnv: "C:\\x;C:\\py\\Scripts", pathExt: ".COM;.EXE",
    executables: ["C:\\py\\Scripts\\zlint.EXE"] });
  assert.equal(await findOnPath("zlint", m), "C:\\py\\Scripts\\zlint.EXE");
});

test("nothing found: the reason says what was tried", async () => {
  const none = await findServer(machine());
  assert.deepEqual(none, { found: false, reason: "zlint is not on PATH" });
  const withPy = await findServer(machine({ pythonInterpreter: async () => "/py/python", executables: ["/py/python"] }));
  assert.equal(withPy.found, false);
  assert.match(!withPy.found ? withPy.reason : "", /\/py\/python\) has no zparse\[lsp\], and zlint is not on PATH/);
});

test("subcommands keep the module prefix", () => {
  assert.deepEqual(subcommandArgs(commandFor("/p/python", "python"), "report", "/ws", "--format", "html"),
    ["-m", "zparse.cli", "report", "/ws", "--format", "html"]);
  assert.deepEqual(subcommandArgs(commandFor("/p/zlint", "path"), "explain", "HA301"), ["explain", "HA301"]);
});
