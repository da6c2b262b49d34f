// The TextMate grammars, tokenized as VS Code does (vscode-textmate with the
// Oniguruma regex engine VS Code uses).
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { before, test } from "node:test";
import * as oniguruma from "vscode-oniguruma";
import * as tm from "vscode-textmate";

const ROOT = path.resolve(__dirname, "..", "..");
let registry: tm.Registry;

before(async () => {
  const wasm = fs.readFileSync(path.join(ROOT, "node_modules", "vscode-oniguruma", "release", "onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  registry = new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope: string) => {
      const name = scope.replace(/^source\./, "");
      const file = path.join(ROOT, "syntaxes", `${name}.tmLanguage.json`);
      return tm.parseRawGrammar(fs.readFileSync(file, "utf8"), file);
    },
  });
});

/** [text, last scope] of every token of `lines`; neighbours with the same scopes are one token, as in
 * VS Code's editor (the parmlib grammar steps over plain characters one at a time). */
async function tokens(scope: string, lines: string[]): Promise<[string, string][]> {
  const grammar = await registry.loadGrammar(scope);
  assert.ok(grammar, scope);
  let state = tm.INITIAL;
  const out: [string, string][] = [];
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, state);
    const merged: { text: string; scopes: string }[] = [];
    for (const t of r.tokens) {
      const text = line.slice(t.startIndex, t.endIndex);
      const scopes = t.scopes.join(" ");
      const last = merged[merged.length - 1];
      if (last && last.scopes === scopes) last.text += text;
      else merged.push({ text, scopes });
    }
    for (const m of merged) {
      if (m.text.trim()) out.push([m.text.trim(), m.scopes.split(" ").pop() as string]);
    }
    state = r.ruleStack;
  }
  return out;
}

const scopeOf = (toks: [string, string][], text: string) => toks.find(([t]) => t === text)?.[1];

test("profile: statements in every accepted abbreviation, not shorter", async () => {
  const toks = await tokens("source.zos-tcpip", [
    "VIPADYNAMIC", "  VIPADIST DEFINE DISTM HOTSTANDBY 198.51.100.10", "  vipadistribute define", "  VIPADIS x", "ENDVIPADYN",
  ]);
  assert.equal(scopeOf(toks, "VIPADYNAMIC"), "keyword.control.statement.zos-tcpip");
  assert.equal(scopeOf(toks, "VIPADIST"), "keyword.other.zos-tcpip");
  assert.equal(scopeOf(toks, "vipadistribute"), "keyword.other.zos-tcpip");
  assert.equal(scopeOf(toks, "DISTM"), "keyword.other.zos-tcpip");
  assert.equal(scopeOf(toks, "ENDVIPADYN"), "keyword.other.zos-tcpip");
  assert.notEqual(scopeOf(toks, "VIPADIS"), "keyword.other.zos-tcpip", "VIPADIS is shorter than VIPADISTribute's minimum");
  assert.equal(scopeOf(toks, "198.51.100.10"), "constant.numeric.ipv4.zos-tcpip");
});

test("profile: comments, symbols, addresses with prefixes", async () => {
  const toks = await tokens("source.zos-tcpip", [
    "; TCP/IP profile of &SYSNAME.", "HOME 10.1.1.1/24 ETH1 ; VIPABACKUP here is a comment", "IPCONFIG6 DYNAMICXCF 2001:db8::1",
  ]);
  assert.equal(toks[0][1], "comment.line.semicolon.zos-tcpip");
  assert.equal(toks.length >= 1 && toks[0][0], "; TCP/IP profile of &SYSNAME.");
  assert.equal(scopeOf(toks, "HOME"), "keyword.control.statement.zos-tcpip");
  assert.equal(scopeOf(toks, "10.1.1.1/24"), "constant.numeric.ipv4.zos-tcpip");
  assert.equal(scopeOf(toks, "; VIPABACKUP here is a comment"), "comment.line.semicolon.zos-tcpip");
  assert.equal(scopeOf(toks, "2001:db8::1"), "constant.numeric.ipv6.zos-tcpip");
});

test("parmlib: statements, quoted values, comments, columns 72-80 out of the statement", async () => {
  const data = "HTTP_SSL_PORT(443) /* the port */";
  const line = data.padEnd(71, " ") + "SEQ00010";
  const toks = await tokens("source.zos-izuprm", [line, "KEYRING_NAME('IZUKeyring.IZUDFLT')", "/* a comment that runs".padEnd(71) + "12345678", "   on */ AUTOSTART(LOCAL)"]);
  assert.equal(scopeOf(toks, "HTTP_SSL_PORT"), "keyword.control.statement.zos-izuprm");
  assert.equal(scopeOf(toks, "443"), "constant.numeric.zos-izuprm");
  assert.equal(scopeOf(toks, "SEQ00010"), "comment.line.ignored-columns.zos-izuprm");
  assert.equal(scopeOf(toks, "'IZUKeyring.IZUDFLT'"), "string.quoted.single.zos-izuprm");
  assert.equal(scopeOf(toks, "12345678"), "comment.line.ignored-columns.zos-izuprm", "columns 72-80 inside a comment");
  assert.equal(scopeOf(toks, "AUTOSTART"), "keyword.control.statement.zos-izuprm", "the comment ended on the next line");
  assert.equal(scopeOf(toks, "LOCAL"), "source.zos-izuprm", "a value, not a keyword");
});
