// End-to-end test of the zlint extension in a real VS Code: code-server (VS Code
// 1.100 for the browser) with the .vsix installed, driven through Debian's
// chromium by playwright-core. Run by test-editor.sh, which sets:
//   CODE_SERVER  the code-server executable     VSIX     the extension package
//   ZLINT        the zlint executable (.venv)   EXAMPLE  examples/zosmf-ha-broken
//   OUT          the output folder (screenshots, logs, the workspace copy)
//
// It opens a copy of examples/zosmf-ha-broken, opens SYS2's profile from the
// explorer and checks, from the page: the language and the sysplex in the status
// bar; the Problems panel lists the findings `zlint check` reports for the whole
// sysplex (so HA301, the cross-system DESTIP finding in SYS1's profile, too); the
// server's hover; the quick fix "Suppress TCP104 on this line" edits the line and
// the finding goes away; IZU204's fix quotes the key ring; the HA report webview
// shows both systems. Every wait is bounded; the caller also puts a timeout on it.

import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (run make test-editor)`);
  return v;
};
const CODE_SERVER = env("CODE_SERVER");
const VSIX = env("VSIX");
const ZLINT = env("ZLINT");
const OUT = env("OUT");
const EXAMPLE = env("EXAMPLE");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const STEP_MS = 60_000;

const shots = path.join(OUT, "screenshots");
const ws = path.join(OUT, "workspace", path.basename(EXAMPLE));
const userData = path.join(OUT, "user-data");
const extDir = path.join(OUT, "extensions");
fs.mkdirSync(shots, { recursive: true });
fs.cpSync(EXAMPLE, ws, { recursive: true });

const t0 = Date.now();
const log = (msg) => console.log(`e2e [${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
const children = [];
let browser;

function cleanup() {
  for (const c of children) {
    try { process.kill(-c.pid, "SIGKILL"); } catch { /* already gone */ }
  }
}
process.on("exit", cleanup);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => { cleanup(); process.exit(1); });

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function until(what, fn, ms = STEP_MS) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) { last = e; }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out after ${ms / 1000} s waiting for ${what}${last ? ` (last error: ${last.message})` : ""}`);
}

// ---------------------------------------------------------------- what zlint check says
const check = spawnSync(ZLINT, ["check", ".", "--format", "json", "--no-source"], { cwd: ws, encoding: "utf8", timeout: 60_000 });
if (check.status !== 0 && check.status !== 1) throw new Error(`zlint check failed (${check.status}): ${check.stderr}`);
const findings = JSON.parse(check.stdout).diagnostics
  .map((d) => ({ code: d.code, file: path.normalize(d.path), line: d.range.start.line }));
if (findings.length < 3) throw new Error(`zlint check reports only ${findings.length} findings for ${ws}`);
log(`zlint check: ${findings.map((f) => `${f.code} ${f.file}:${f.line}`).join(", ")}`);

// ---------------------------------------------------------------- code-server
const settings = {
  "zlint.path": ZLINT,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "telemetry.telemetryLevel": "off",
  "editor.hover.delay": 150,
  "editor.minimap.enabled": false,
  "workbench.editor.enablePreview": false,
  "problems.sortOrder": "position",
  "chat.commandCenter.enabled": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "git.enabled": false,
  "git.openRepositoryInParentFolders": "never",
};
fs.mkdirSync(path.join(userData, "User"), { recursive: true });
fs.writeFileSync(path.join(userData, "User", "settings.json"), JSON.stringify(settings, null, 2));
const config = path.join(OUT, "code-server.yaml");
fs.writeFileSync(config, "auth: none\ncert: false\n");
const common = ["--config", config, "--user-data-dir", userData, "--extensions-dir", extDir];
const csEnv = { ...process.env, XDG_CONFIG_HOME: path.join(OUT, "xdg-config"), XDG_DATA_HOME: path.join(OUT, "xdg-data") };

log(`installing ${path.basename(VSIX)}`);
const installed = execFileSync(CODE_SERVER, [...common, "--install-extension", VSIX, "--force"],
  { encoding: "utf8", env: csEnv, timeout: 120_000 });
fs.writeFileSync(path.join(OUT, "install-extension.log"), installed);
const listed = execFileSync(CODE_SERVER, [...common, "--list-extensions", "--show-versions"], { encoding: "utf8", env: csEnv, timeout: 120_000 });
if (!/^zparse\.zlint@/m.test(listed)) throw new Error(`the extension is not installed: ${listed}`);
log(`installed: ${listed.trim()}`);

const port = await freePort();
const csLog = fs.openSync(path.join(OUT, "code-server.log"), "w");
const cs = spawn(CODE_SERVER, [...common, "--bind-addr", `127.0.0.1:${port}`, "--auth", "none", "--disable-telemetry",
  "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override", "--ignore-last-opened", ws],
{ env: csEnv, stdio: ["ignore", csLog, csLog], detached: true });
children.push(cs);
const base = `http://127.0.0.1:${port}`;
await until("code-server to answer", async () => (await fetch(`${base}/healthz`)).ok, 90_000);
log(`code-server is up on ${base}`);

// ---------------------------------------------------------------- the browser
browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
const page = await context.newPage();
const consoleLog = fs.createWriteStream(path.join(OUT, "browser-console.log"));
page.on("console", (m) => consoleLog.write(`${m.type()}: ${m.text()}\n`));
page.setDefaultTimeout(STEP_MS);

const shot = async (name) => {
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
  log(`screenshot ${name}.png`);
};

async function command(title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible" });
  await input.fill(`>${title}`);
  const row = page.locator(".quick-input-widget .monaco-list-row", { hasText: title }).first();
  await row.waitFor({ state: "visible" });
  await input.press("Enter");
  await page.locator(".quick-input-widget").waitFor({ state: "hidden" });
}

const reEsc = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Expand `folder` in the explorer (only one folder is ever expanded, so file names are unique) and open `file`. */
async function openFromExplorer(folder, file) {
  const rows = page.locator(".explorer-folders-view .monaco-list-row");
  const byName = (name) => rows.filter({ has: page.locator(".label-name", { hasText: new RegExp(`^${reEsc(name)}$`) }) });
  const dir = byName(folder).first();
  await dir.waitFor({ state: "visible" });
  if ((await dir.getAttribute("aria-expanded")) !== "true") await dir.click();
  await until(`${folder} to expand`, async () => (await dir.getAttribute("aria-expanded")) === "true");
  const item = byName(file);
  await until(`${folder}/${file} in the explorer`, async () => (await item.count()) === 1);
  await item.click();
  await page.locator(".tabs-container .tab.active", { hasText: file }).waitFor({ state: "visible" });
  await page.locator(".editor-group-container.active .monaco-editor .view-lines").first().waitFor({ state: "visible" });
}

/** The active editor's text, as the editor model has it (lines in order). */
async function editorLines() {
  return page.evaluate(() => {
    const lines = [...document.querySelectorAll(".editor-group-container.active .monaco-editor .view-lines .view-line")];
    return lines.map((l) => ({ top: parseFloat(l.style.top), text: l.textContent.replace(/\u00a0/g, " ") }))
      .sort((a, b) => a.top - b.top).map((l) => l.text);
  });
}

/** A token of the active editor: the span with exactly `text` on the line that contains `lineText`. */
function token(lineText, text) {
  return page.locator(".editor-group-container.active .monaco-editor .view-lines .view-line", { hasText: lineText })
    .locator("span > span", { hasText: new RegExp(`^${text.replace(/[.()]/g, "\\$&")}$`) }).first();
}

/** The Problems panel's findings: [{file: "SYS1/PROFILE.TCPIP", code, line}] (the panel is maximized so that
 * every row renders). File rows and finding rows are told apart by their tree level (related information is level 3). */
async function problems() {
  return page.evaluate(() => {
    const out = [];
    let file = null;
    for (const row of document.querySelectorAll(".markers-panel .monaco-list-row")) {
      const label = row.getAttribute("aria-label") || "";
      const level = row.getAttribute("aria-level");
      if (level === "1") {
        const m = /problems? in file (.+) of folder (.+)$/.exec(label);
        file = m ? `${m[2]}/${m[1]}` : label;
      } else if (level === "2") {
        const code = /zlint\(?([A-Z]+\d{3})\b/.exec(row.textContent || "");
        const line = / at line (\d+) and character \d+/.exec(label);
        out.push({ file, code: code ? code[1] : null, line: line ? Number(line[1]) : null, label });
      }
    }
    return out;
  });
}

/** Choose an entry of the code action menu with the keyboard (the menu's pointer guard eats clicks). */
async function pickAction(menu, title) {
  for (let i = 0; i < 12; i++) {
    const focused = menu.locator(".monaco-list-row.focused");
    if ((await focused.count()) && (await focused.first().innerText()).includes(title)) {
      await page.keyboard.press("Enter");
      await menu.waitFor({ state: "hidden" });
      return;
    }
    await page.keyboard.press("ArrowDown");
    await page.waitForTimeout(100);
  }
  throw new Error(`no "${title}" in the code action menu: ${await menu.innerText()}`);
}

let failed = false;
try {
  await page.goto(`${base}/?folder=${encodeURIComponent(ws)}`);
  await page.locator(".monaco-workbench").waitFor({ state: "visible", timeout: 90_000 });
  log("workbench loaded");
  await page.locator(".explorer-folders-view").waitFor({ state: "visible" });

  // --- open SYS2's profile from the explorer
  await openFromExplorer("SYS2", "PROFILE.TCPIP");
  log("opened SYS2/PROFILE.TCPIP");
  const mode = page.locator(".statusbar-item#status\\.editor\\.mode");
  await until("the language mode z/OS TCP/IP profile", async () => /z\/OS TCP\/IP profile/.test(await mode.innerText()));
  await until("the status bar to show the sysplex PLEX1", async () =>
    /zlint: PLEX1/.test(await page.locator(".part.statusbar").innerText()));
  log("status bar: language z/OS TCP/IP profile, sysplex PLEX1");
  // The grammar: statement keywords are tokens of their own (used below to hover and click).
  await token("VIPADISTRIBUTE", "VIPADISTRIBUTE").waitFor({ state: "visible" });

  // --- the Problems panel: every finding of the whole sysplex
  await page.keyboard.press("Control+Shift+M");
  await page.locator(".markers-panel").waitFor({ state: "visible" });
  await command("View: Toggle Maximized Panel");
  let rows = [];
  const want = findings.map((f) => `${f.code} ${f.file}:${f.line}`).sort();
  const seenKey = (r) => `${r.code} ${r.file}:${r.line}`;
  await until(`the Problems panel to list ${want.length} findings`, async () => {
    rows = await problems();
    return rows.length >= want.length && rows.every((r) => r.code && r.line);
  }, 90_000);
  const got = rows.map(seenKey).sort();
  fs.writeFileSync(path.join(OUT, "problems.json"), JSON.stringify(rows, null, 2));
  await shot("1-problems-whole-sysplex");
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    throw new Error(`Problems panel:\n  ${got.join("\n  ")}\nzlint check:\n  ${want.join("\n  ")}`);
  }
  if (!got.some((g) => g.startsWith("HA301 SYS1"))) throw new Error("no cross-system HA301 finding in SYS1's profile");
  log(`Problems panel lists the ${got.length} findings of zlint check, HA301 in SYS1/PROFILE.TCPIP among them`);
  await command("View: Toggle Maximized Panel");

  // --- hover (the server's text: what the statement does)
  await page.locator(".editor-group-container.active .monaco-editor .view-lines").first().click();
  const kw = token("VIPABACKUP", "VIPABACKUP");
  await kw.hover();
  const hover = page.locator(".monaco-hover:not(.hidden) .monaco-hover-content, .monaco-resizable-hover .monaco-hover-content").first();
  let hoverText = "";
  await until("the hover on VIPABACKUP", async () => {
    hoverText = (await hover.innerText()).trim();
    // The server's text: the syntax, and the values in effect read from this profile (rank 100).
    return /VIPABACKUP \[rank\]/.test(hoverText) && /In effect: rank 100/.test(hoverText);
  }, 30_000);
  await page.waitForTimeout(400); // the hover fades in
  await shot("2-hover");
  log(`hover: ${hoverText.slice(0, 160).replace(/\s+/g, " ")}...`);
  await page.keyboard.press("Escape");

  // --- quick fix: "Suppress TCP104 on this line" on SYS2's VIPADISTRIBUTE
  await token("VIPADISTRIBUTE", "198.51.100.10").click();
  await page.keyboard.press("Control+Period");
  const menu = page.locator(".action-widget");
  await menu.waitFor({ state: "visible" });
  await until("the quick fixes of TCP104", async () => /Suppress TCP104 on this line/.test(await menu.innerText()));
  const menuText = await menu.innerText();
  if (!/Explain TCP104/.test(menuText)) throw new Error(`no "Explain TCP104" action in the menu: ${menuText}`);
  await shot("3-quick-fix-menu");
  await pickAction(menu, "Suppress TCP104 on this line");
  await until("the suppression comment in the line", async () =>
    (await editorLines()).some((l) => /VIPADISTRIBUTE .*198\.51\.100\.10 ; zlint: ignore\[TCP104\]/.test(l)));
  await until("TCP104 to leave the Problems panel", async () => !(await problems()).some((r) => r.code === "TCP104"));
  await shot("4-quick-fix-applied");
  log("quick fix applied: TCP104 suppressed on its line, gone from Problems");

  // --- a certain fix in SYS2's IZUPRM0B: IZU204 quotes the key ring name
  await openFromExplorer("SYS2", "IZUPRM0B");
  await until("the language mode of IZUPRM0B", async () => /IZUPRMxx/.test(await mode.innerText()));
  await token("KEYRING_NAME", "IZUKeyring.IZUDFLT").click();
  await page.keyboard.press("Control+Period");
  await menu.waitFor({ state: "visible" });
  await until("IZU204's fix", async () => /quote the value/.test(await menu.innerText()));
  await pickAction(menu, "quote the value");
  await until("the quoted key ring", async () => (await editorLines()).some((l) => /KEYRING_NAME\('IZUKeyring\.IZUDFLT'\)/.test(l)));
  await until("IZU204 to leave the Problems panel", async () => !(await problems()).some((r) => r.code === "IZU204"));
  await shot("5-izu204-fixed");
  log("quick fix applied: IZU204's value quoted");

  // --- the HA report webview
  await command("zlint: Show HA report");
  const frame = page.frameLocator("iframe.webview").frameLocator("iframe#active-frame");
  let reportText = "";
  await until("the HA report to render", async () => {
    reportText = await frame.locator("body").innerText({ timeout: 2000 });
    return /SYS1/.test(reportText) && /SYS2/.test(reportText) && /PLEX1/.test(reportText);
  });
  await page.waitForTimeout(500);
  await shot("6-ha-report");
  log(`HA report: ${reportText.slice(0, 120).replace(/\s+/g, " ")}...`);
  log("PASS");
} catch (e) {
  failed = true;
  console.error(`e2e: FAIL: ${e && e.stack ? e.stack : e}`);
  try {
    await page.screenshot({ path: path.join(shots, "failure.png") });
    fs.writeFileSync(path.join(OUT, "failure.html"), await page.content());
    console.error(`e2e: the page at the failure: ${path.join(shots, "failure.png")}, ${path.join(OUT, "failure.html")}`);
  } catch { /* the browser is gone */ }
} finally {
  await browser?.close().catch(() => undefined);
  cleanup();
  consoleLog.end();
}
process.exit(failed ? 1 : 0);
