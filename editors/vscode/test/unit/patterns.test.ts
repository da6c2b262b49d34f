import assert from "node:assert/strict";
import { test } from "node:test";
import { globToRegExp, languageFor, nameCandidates } from "../../src/patterns";

const DEFAULTS = { tcpip: ["PROFILE*", "TCPIP*", "*.TCPIP", "OBEY*"], izuprm: ["IZUPRM*"] };

test("globs: * and ?, case-insensitive, whole name, other characters literal", () => {
  assert.ok(globToRegExp("PROFILE*").test("profile.tcpip"));
  assert.ok(globToRegExp("IZUPRM??").test("IZUPRM0A"));
  assert.ok(!globToRegExp("IZUPRM??").test("IZUPRM0AB"));
  assert.ok(globToRegExp("*.TCPPARMS(PROF*)").test("SYS1.TCPPARMS(PROFA)"));
  assert.ok(!globToRegExp("A.B").test("AxB"));
});

test("Zowe Explorer members are known by member, data set and DSN(MEMBER)", () => {
  assert.deepEqual(nameCandidates({ scheme: "zowe-ds", path: "/lpar1/SYS1.TCPPARMS/PROFA" }).sort(),
    ["PROFA", "SYS1.TCPPARMS", "SYS1.TCPPARMS(PROFA)"].sort());
  assert.equal(languageFor({ scheme: "zowe-ds", path: "/lpar1/SYS1.TCPPARMS/PROFA" }, DEFAULTS), undefined);
  assert.equal(languageFor({ scheme: "zowe-ds", path: "/lpar1/SYS1.TCPPARMS/PROFA" },
    { ...DEFAULTS, tcpip: ["*.TCPPARMS(PROF*)"] }), "zos-tcpip");
  assert.equal(languageFor({ scheme: "zowe-ds", path: "/lpar1/USER.PARMLIB/IZUPRM00" }, DEFAULTS), "zos-izuprm");
  assert.equal(languageFor({ scheme: "zowe-ds", path: "/lpar1/TCPIP.PROFILE.SYS1" }, DEFAULTS), "zos-tcpip");
  assert.equal(languageFor({ scheme: "zowe-uss", path: "/lpar1/u/me/obeyfile" }, DEFAULTS), "zos-tcpip");
});

test("files: the server's name rules; other files are left alone", () => {
  assert.equal(languageFor({ scheme: "file", path: "/ws/SYS1/PROFILE.TCPIP" }, DEFAULTS), "zos-tcpip");
  assert.equal(languageFor({ scheme: "file", path: "/ws/SYS1/IZUPRM0A" }, DEFAULTS), "zos-izuprm");
  assert.equal(languageFor({ scheme: "file", path: "/ws/x/stack.tcpip" }, DEFAULTS), "zos-tcpip");
  assert.equal(languageFor({ scheme: "file", path: "/ws/notes.txt" }, DEFAULTS), undefined);
  assert.equal(languageFor({ scheme: "file", path: "/ws/SYS1.PARMLIB(IZUPRM00)" }, DEFAULTS), "zos-izuprm");
});
