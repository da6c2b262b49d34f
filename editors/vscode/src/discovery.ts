// Finding the zlint language server: the setting `zlint.path`, else the Python
// extension's selected interpreter (`python -m zparse.cli`), else `zlint` on PATH.
// Pure logic (no `vscode` import): every look at the machine goes through `Probe`,
// so the unit tests drive it with fakes.

import * as path from "path";

export const INSTALL_COMMAND = "pip install 'zparse[lsp]'";

/** How to run zlint: `command ...args SUBCOMMAND`. */
export interface ZlintCommand {
  command: string;
  args: string[];
  /** Where it was found. */
  source: "setting" | "python" | "path";
}

export type Discovery =
  | { found: true; zlint: ZlintCommand }
  | { found: false; reason: string };

export interface Probe {
  /** `zlint.path` as the user wrote it ("" when unset). */
  settingPath: string;
  /** The first workspace folder (for `${workspaceFolder}` and relative paths). */
  workspaceFolder?: string;
  home?: string;
  /** The Python extension's selected interpreter, if that extension is there. */
  pythonInterpreter(): Promise<string | undefined>;
  /** Whether `python -c "import zparse.cli, pygls"` succeeds. */
  hasZparse(python: string): Promise<boolean>;
  isExecutable(file: string): Promise<boolean>;
  pathEnv: string;
  platform: string;
  /** PATHEXT on Windows. */
  pathExt?: string;
}

const PYTHON_NAME = /^python(\d+(\.\d+)*)?(\.exe)?$/i;

/** `~`, `${workspaceFolder}`, `${userHome}` and `${env:NAME}` expanded; relative paths from the workspace folder. */
export function expandPath(value: string, probe: Pick<Probe, "workspaceFolder" | "home" | "platform">,
                           env: Record<string, string | undefined> = process.env): string {
  let p = value.trim();
  if (probe.home && (p === "~" || p.startsWith("~/") || p.startsWith("~\\"))) {
    p = probe.home + p.slice(1);
  }
  p = p.replace(/\$\{(workspaceFolder|userHome|env:([^}]+))\}/g, (whole, what: string, name?: string) => {
    if (what === "workspaceFolder") return probe.workspaceFolder ?? whole;
    if (what === "userHome") return probe.home ?? whole;
    return env[name ?? ""] ?? "";
  });
  const lib = probe.platform === "win32" ? path.win32 : path.posix;
  if (!lib.isAbsolute(p) && probe.workspaceFolder && (p.includes("/") || p.includes("\\"))) {
    p = lib.join(probe.workspaceFolder, p);
  }
  return p;
}

/** The first executable `name` on PATH. */
export async function findOnPath(name: string, probe: Pick<Probe, "pathEnv" | "platform" | "pathExt" | "isExecutable">): Promise<string | undefined> {
  const win = probe.platform === "win32";
  const lib = win ? path.win32 : path.posix;
  const exts = win ? (probe.pathExt || ".EXE;.CMD;.BAT").split(";").filter(Boolean) : [""];
  for (const dir of probe.pathEnv.split(win ? ";" : ":")) {
    if (!dir) continue;
    for (const ext of exts) {
      const cand = lib.join(dir, name + ext);
      if (await probe.isExecutable(cand)) return cand;
    }
  }
  return undefined;
}

/** A command for an executable: a Python interpreter runs `-m zparse.cli`, anything else is zlint itself. */
export function commandFor(executable: string, source: ZlintCommand["source"]): ZlintCommand {
  const base = executable.split(/[\\/]/).pop() ?? executable;
  return PYTHON_NAME.test(base)
    ? { command: executable, args: ["-m", "zparse.cli"], source }
    : { command: executable, args: [], source };
}

export async function findServer(probe: Probe): Promise<Discovery> {
  if (probe.settingPath.trim()) {
    const exe = expandPath(probe.settingPath, probe);
    if (await probe.isExecutable(exe)) return { found: true, zlint: commandFor(exe, "setting") };
    return { found: false, reason: `the setting zlint.path is "${probe.settingPath}", which is not an executable file` };
  }
  let python: string | undefined;
  try {
    python = await probe.pythonInterpreter();
  } catch {
    python = undefined;
  }
  if (python && await probe.isExecutable(python) && await probe.hasZparse(python)) {
    return { found: true, zlint: { command: python, args: ["-m", "zparse.cli"], source: "python" } };
  }
  const onPath = await findOnPath("zlint", probe);
  if (onPath) return { found: true, zlint: commandFor(onPath, "path") };
  const tried = python ? `the selected Python interpreter (${python}) has no zparse[lsp], and ` : "";
  return { found: false, reason: `${tried}zlint is not on PATH` };
}

/** The arguments that start the language server. */
export function lspArgs(zlint: ZlintCommand, extra: readonly string[]): string[] {
  return [...zlint.args, "lsp", ...extra];
}

/** The arguments of another subcommand (`report`, `explain`). */
export function subcommandArgs(zlint: ZlintCommand, ...args: string[]): string[] {
  return [...zlint.args, ...args];
}

export function describe(zlint: ZlintCommand): string {
  const how = { setting: "zlint.path", python: "the selected Python interpreter", path: "PATH" }[zlint.source];
  return `${[zlint.command, ...zlint.args].join(" ")} (from ${how})`;
}
