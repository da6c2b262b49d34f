// Which documents are z/OS TCP/IP profiles or IZUPRMxx members, by name:
// files, and members opened from Zowe Explorer (zowe-ds:/PROFILE/DSN/MEMBER).

export type ZosLanguage = "zos-tcpip" | "zos-izuprm";
export const LANGUAGES: readonly ZosLanguage[] = ["zos-tcpip", "zos-izuprm"];
export const REMOTE_SCHEMES: readonly string[] = ["zowe-ds", "zowe-uss"];

export interface FilePatterns {
  tcpip: readonly string[];
  izuprm: readonly string[];
}

/** `*` and `?` wildcards, case-insensitive, the whole name. */
export function globToRegExp(glob: string): RegExp {
  let re = "";
  for (const ch of glob) {
    if (ch === "*") re += ".*";
    else if (ch === "?") re += ".";
    else re += ch.replace(/[\\^$.|+()[\]{}]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "i");
}

/** The names a document is known by: its file name, and for a data set member the member,
 * the data set and `DSN(MEMBER)`. */
export function nameCandidates(uri: { scheme: string; path: string }): string[] {
  const parts = uri.path.split("/").filter(Boolean);
  const base = parts[parts.length - 1] ?? "";
  const out = new Set<string>([base]);
  const member = /^([^()]+)\(([^()]+)\)$/.exec(base); // SYS1.TCPPARMS(PROFILE)
  if (member) {
    out.add(member[1]).add(member[2]);
  }
  if (uri.scheme === "zowe-ds" && parts.length >= 3) {
    // zowe-ds:/<profile>/<data set>/<member>
    const dsn = parts[1];
    out.add(dsn).add(`${dsn}(${base})`);
  }
  return [...out].filter(Boolean);
}

/** The language a name pattern gives the document, if any (IZUPRMxx patterns first). */
export function languageFor(uri: { scheme: string; path: string }, patterns: FilePatterns): ZosLanguage | undefined {
  const names = nameCandidates(uri);
  const hit = (globs: readonly string[]) =>
    globs.some((g) => { const re = globToRegExp(g); return names.some((n) => re.test(n)); });
  if (hit(patterns.izuprm)) return "zos-izuprm";
  if (hit(patterns.tcpip)) return "zos-tcpip";
  return undefined;
}

export function isRemote(uri: { scheme: string }): boolean {
  return REMOTE_SCHEMES.includes(uri.scheme);
}
