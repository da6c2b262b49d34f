// The sysplex a file belongs to: the nearest zlint.toml (or pyproject.toml with
// [tool.zlint]) above it, as `zlint check` and the server find it.

import * as path from "path";

export interface Inventory {
  /** The inventory file. */
  file: string;
  /** Its folder (the root of the sysplex). */
  root: string;
  /** `[sysplex] name`, else the folder's name (as zlint names it). */
  name: string;
}

export type ReadFile = (file: string) => Promise<string | undefined>;

/** The `[table]` a TOML line opens, or undefined. */
function header(line: string): string | undefined {
  const m = /^\s*\[\s*([A-Za-z0-9_.\-" ]+?)\s*\]\s*(#.*)?$/.exec(line);
  return m ? m[1].replace(/\s*\.\s*/g, ".").replace(/"/g, "") : undefined;
}

/** `name = "..."` of the sysplex table (`sysplex`, or `tool.zlint.sysplex` in pyproject.toml). */
export function sysplexName(toml: string, table = "sysplex"): string | undefined {
  let current = "";
  for (const line of toml.split(/\r?\n/)) {
    const h = header(line);
    if (h !== undefined) {
      current = h;
      continue;
    }
    if (current !== table) continue;
    const m = /^\s*name\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')/.exec(line);
    if (m) return m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : m[2];
  }
  return undefined;
}

export function hasToolZlint(toml: string): boolean {
  return toml.split(/\r?\n/).some((l) => {
    const h = header(l);
    return h === "tool.zlint" || (h !== undefined && h.startsWith("tool.zlint."));
  });
}

/** The inventory for a file in `startDir`: the nearest one in that folder or above. */
export async function findInventory(startDir: string, read: ReadFile): Promise<Inventory | undefined> {
  let dir = path.resolve(startDir);
  for (;;) {
    const toml = await read(path.join(dir, "zlint.toml"));
    if (toml !== undefined) {
      return { file: path.join(dir, "zlint.toml"), root: dir, name: sysplexName(toml) ?? path.basename(dir) };
    }
    const py = await read(path.join(dir, "pyproject.toml"));
    if (py !== undefined && hasToolZlint(py)) {
      return { file: path.join(dir, "pyproject.toml"), root: dir, name: sysplexName(py, "tool.zlint.sysplex") ?? path.basename(dir) };
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}
