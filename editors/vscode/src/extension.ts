// The zlint extension: starts `zlint lsp` with vscode-languageclient and adds the
// commands, the status bar item and the language detection around it.

import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vscode from "vscode";
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from "vscode-languageclient/node";
import { describe, Discovery, findServer, INSTALL_COMMAND, lspArgs, subcommandArgs, ZlintCommand } from "./discovery";
import { findInventory, Inventory } from "./inventory";
import { FilePatterns, isRemote, LANGUAGES, languageFor, ZosLanguage } from "./patterns";
import { RestartBudget } from "./restart";

const SOURCE = "zlint";
const MAX_BACKGROUND = 40;

let ext: Zlint | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<Zlint> {
  ext = new Zlint(context);
  await ext.start();
  return ext;
}

export async function deactivate(): Promise<void> {
  await ext?.stopClient();
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  error?: string;
}

function run(command: string, args: string[], cwd: string | undefined, timeoutMs = 60_000): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024, windowsHide: true },
      (err, stdout, stderr) => {
        const code = err && typeof (err as NodeJS.ErrnoException).code === "number" ? (err as unknown as { code: number }).code
          : err ? null : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr), error: err && code === null ? err.message : undefined });
      });
  });
}

async function readIfFile(file: string): Promise<string | undefined> {
  try {
    return await fs.promises.readFile(file, "utf8");
  } catch {
    return undefined;
  }
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    const st = await fs.promises.stat(file);
    if (!st.isFile()) return false;
    await fs.promises.access(file, process.platform === "win32" ? fs.constants.F_OK : fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Python extension's interpreter for a resource (both of its API generations). */
async function pythonInterpreter(resource: vscode.Uri | undefined): Promise<string | undefined> {
  const py = vscode.extensions.getExtension("ms-python.python");
  if (!py) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const api: any = py.isActive ? py.exports : await py.activate();
  const envs = api?.environments;
  if (envs?.getActiveEnvironmentPath) {
    const active = envs.getActiveEnvironmentPath(resource);
    const resolved = envs.resolveEnvironment ? await envs.resolveEnvironment(active) : undefined;
    const exe = resolved?.executable?.uri?.fsPath ?? active?.path;
    if (exe) return exe;
  }
  const details = api?.settings?.getExecutionDetails?.(resource);
  const cmd: string[] | undefined = details?.execCommand;
  return cmd && cmd.length === 1 ? cmd[0] : undefined;
}

class Zlint implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;
  private zlint: ZlintCommand | undefined;
  private readonly output = vscode.window.createOutputChannel("zlint");
  private readonly trace = vscode.window.createOutputChannel("zlint (trace)");
  private readonly status = vscode.window.createStatusBarItem("zlint.status", vscode.StatusBarAlignment.Left, 10);
  private readonly budget = new RestartBudget();
  private readonly inventories = new Map<string, Promise<Inventory | undefined>>();
  private readonly background = new Map<string, string>(); // member uri -> inventory root
  private readonly reopened = new Map<string, number>();
  private readonly expanded = new Set<string>();
  private report: { panel: vscode.WebviewPanel; inventory: Inventory } | undefined;
  private zoweHintShown = false;
  private notFoundShown = false;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.status.name = "zlint";
    context.subscriptions.push(this, this.output, this.trace, this.status);
  }

  dispose(): void {
    this.report?.panel.dispose();
  }

  // ------------------------------------------------------------------ set-up
  async start(): Promise<void> {
    const c = this.context.subscriptions;
    c.push(
      vscode.commands.registerCommand("zlint.showReport", () => this.showReport()),
      vscode.commands.registerCommand("zlint.explainRule", (arg?: unknown) => this.explain(arg)),
      vscode.commands.registerCommand("zlint.restartServer", () => this.restart()),
      vscode.workspace.onDidOpenTextDocument((d) => this.opened(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.closed(d)),
      vscode.workspace.onDidSaveTextDocument((d) => this.saved(d)),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateStatus()),
      vscode.workspace.onDidChangeConfiguration((e) => this.configChanged(e)),
      vscode.languages.registerCodeActionsProvider(LANGUAGES.map((language) => ({ language })), new ExplainActions(),
        { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    );
    for (const d of vscode.workspace.textDocuments) await this.opened(d);
    if (!this.client) {
      const inventories = await vscode.workspace.findFiles("**/zlint.toml", "**/node_modules/**", 1);
      if (inventories.length) await this.ensureClient();
    }
    this.updateStatus();
  }

  private get patterns(): FilePatterns {
    const cfg = vscode.workspace.getConfiguration("zlint");
    return { tcpip: cfg.get<string[]>("files.tcpip", []), izuprm: cfg.get<string[]>("files.izuprm", []) };
  }

  private isZos(d: vscode.TextDocument): boolean {
    return (LANGUAGES as readonly string[]).includes(d.languageId);
  }

  private async opened(d: vscode.TextDocument): Promise<void> {
    if (d.languageId === "plaintext") {
      const lang = languageFor(d.uri, this.patterns);
      if (lang) {
        await vscode.languages.setTextDocumentLanguage(d, lang); // reopens the document with that language
        return;
      }
    }
    if (!this.isZos(d)) return;
    await this.ensureClient();
    if (isRemote(d.uri)) this.zoweHint();
    else if (d.uri.scheme === "file") void this.openSysplex(d.uri);
    this.updateStatus();
  }

  private closed(d: vscode.TextDocument): void {
    const root = this.background.get(d.uri.toString());
    if (root === undefined || !this.enabledBackground()) return;
    // VS Code releases documents opened in the background after a few minutes: reopen the
    // member while a document of its sysplex is still open (at most once a minute each).
    const key = d.uri.toString();
    const last = this.reopened.get(key) ?? 0;
    if (Date.now() - last < 60_000) return;
    const stillUsed = vscode.workspace.textDocuments.some((o) => this.isZos(o) && o.uri.scheme === "file" &&
      !this.background.has(o.uri.toString()) && o.uri.fsPath.startsWith(root + path.sep));
    if (!stillUsed) {
      this.background.delete(key);
      this.expanded.delete(root);
      return;
    }
    this.reopened.set(key, Date.now());
    setTimeout(() => void vscode.workspace.openTextDocument(d.uri).then(undefined, () => undefined), 200);
  }

  private saved(d: vscode.TextDocument): void {
    const r = this.report;
    if (r && d.uri.scheme === "file" && (d.uri.fsPath === r.inventory.file || d.uri.fsPath.startsWith(r.inventory.root + path.sep))) {
      void this.renderReport(r.panel, r.inventory);
    }
  }

  private configChanged(e: vscode.ConfigurationChangeEvent): void {
    if (["zlint.path", "zlint.args", "zlint.debounce"].some((k) => e.affectsConfiguration(k))) {
      void this.restart();
    }
  }

  private enabledBackground(): boolean {
    return vscode.workspace.getConfiguration("zlint").get<boolean>("sysplexDiagnostics", true);
  }

  // ------------------------------------------------------------------ server
  private async discover(): Promise<Discovery> {
    const cfg = vscode.workspace.getConfiguration("zlint");
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return findServer({
      settingPath: cfg.get<string>("path", ""),
      workspaceFolder: folder?.scheme === "file" ? folder.fsPath : undefined,
      home: os.homedir(),
      pythonInterpreter: () => pythonInterpreter(folder),
      hasZparse: async (python) => (await run(python, ["-c", "import zparse.cli, pygls"], undefined, 20_000)).code === 0,
      isExecutable,
      pathEnv: process.env.PATH ?? "",
      platform: process.platform,
      pathExt: process.env.PATHEXT,
    });
  }

  ensureClient(): Promise<void> {
    if (this.client) return Promise.resolve();
    if (!this.starting) {
      this.starting = this.startClient().finally(() => { this.starting = undefined; });
    }
    return this.starting;
  }

  private async startClient(): Promise<void> {
    const found = await this.discover();
    if (!found.found) {
      this.zlint = undefined;
      this.output.appendLine(`zlint: no language server: ${found.reason}`);
      this.updateStatus();
      if (!this.notFoundShown) {
        this.notFoundShown = true;
        void this.notFound(found.reason);
      }
      return;
    }
    this.zlint = found.zlint;
    const cfg = vscode.workspace.getConfiguration("zlint");
    const args = lspArgs(found.zlint, cfg.get<string[]>("args", []));
    this.output.appendLine(`zlint: starting ${describe(found.zlint)}: ${[found.zlint.command, ...args].join(" ")}`);
    const serverOptions: ServerOptions = { command: found.zlint.command, args, options: { env: { ...process.env } } };
    const clientOptions: LanguageClientOptions = {
      documentSelector: LANGUAGES.map((language) => ({ language })),
      outputChannel: this.output,
      traceOutputChannel: this.trace,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions: { debounce: cfg.get<number>("debounce", 30) },
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/{zlint.toml,pyproject.toml}") },
      errorHandler: {
        error: () => ({ action: ErrorAction.Continue }),
        closed: () => {
          if (this.budget.crashed()) {
            this.output.appendLine(`zlint: the server stopped; restarting it (${this.budget.recent} of ${this.budget.max})`);
            return { action: CloseAction.Restart };
          }
          void vscode.window.showErrorMessage(
            `zlint: the language server stopped ${this.budget.recent} times in a few minutes and is not restarted. ` +
            "See the output channel \"zlint\", then run \"zlint: Restart server\".", "Show log", "Restart server")
            .then((pick) => {
              if (pick === "Show log") this.output.show();
              if (pick === "Restart server") void this.restart();
            });
          return { action: CloseAction.DoNotRestart };
        },
      },
    };
    const client = new LanguageClient("zlint", "zlint", serverOptions, clientOptions);
    client.onDidChangeState((e) => {
      if (e.newState === State.Stopped || e.newState === State.Running) this.updateStatus();
    });
    this.client = client;
    try {
      await client.start();
    } catch (e) {
      this.output.appendLine(`zlint: the server did not start: ${e}`);
      void vscode.window.showErrorMessage(`zlint: the language server did not start (${describe(found.zlint)}). ` +
        "See the output channel \"zlint\".", "Show log").then((p) => { if (p) this.output.show(); });
    }
    this.updateStatus();
  }

  private async notFound(reason: string): Promise<void> {
    const pick = await vscode.window.showWarningMessage(
      `zlint: the zlint language server was not found (${reason}). Install it with \`${INSTALL_COMMAND}\`, ` +
      "or set zlint.path to the zlint executable.", "Copy install command", "Open settings");
    if (pick === "Copy install command") await vscode.env.clipboard.writeText(INSTALL_COMMAND);
    if (pick === "Open settings") await vscode.commands.executeCommand("workbench.action.openSettings", "zlint.path");
  }

  async stopClient(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    if (c) {
      try {
        await c.stop(5000);
      } catch (e) {
        this.output.appendLine(`zlint: stopping the server: ${e}`);
      }
    }
  }

  private async restart(): Promise<void> {
    await this.starting;
    await this.stopClient();
    this.budget.reset();
    this.notFoundShown = false;
    await this.ensureClient();
  }

  // ------------------------------------------------------------------ sysplex
  private inventoryOf(uri: vscode.Uri): Promise<Inventory | undefined> {
    if (uri.scheme !== "file") return Promise.resolve(undefined);
    const dir = path.dirname(uri.fsPath);
    let hit = this.inventories.get(dir);
    if (!hit) {
      hit = findInventory(dir, readIfFile);
      this.inventories.set(dir, hit);
      setTimeout(() => this.inventories.delete(dir), 5000);
    }
    return hit;
  }

  /** Open the sysplex's other members (not shown), so that the server publishes their findings too. */
  private async openSysplex(uri: vscode.Uri): Promise<void> {
    if (!this.enabledBackground() || this.background.has(uri.toString())) return;
    const inv = await this.inventoryOf(uri);
    if (!inv || this.expanded.has(inv.root)) return;
    this.expanded.add(inv.root);
    const files = await vscode.workspace.findFiles(new vscode.RelativePattern(inv.root, "**/*"),
      "**/{node_modules,.git,.venv,venv,__pycache__}/**", 2000);
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const members = files.filter((f) => languageFor(f, this.patterns) || /\.tcpip$/i.test(f.path))
      .sort((a, b) => a.fsPath.localeCompare(b.fsPath));
    if (members.length > MAX_BACKGROUND) {
      this.output.appendLine(`zlint: ${inv.root} has ${members.length} members; the Problems panel shows the findings ` +
        `of the first ${MAX_BACKGROUND} and of the files you open`);
    }
    for (const m of members.slice(0, MAX_BACKGROUND)) {
      if (open.has(m.toString())) continue;
      this.background.set(m.toString(), inv.root);
      try {
        const d = await vscode.workspace.openTextDocument(m);
        if (d.languageId === "plaintext") {
          const lang = languageFor(m, this.patterns) ?? "zos-tcpip";
          await vscode.languages.setTextDocumentLanguage(d, lang);
        }
      } catch (e) {
        this.output.appendLine(`zlint: cannot open ${m.fsPath}: ${e}`);
      }
    }
  }

  private zoweHint(): void {
    if (this.zoweHintShown || this.context.globalState.get<boolean>("zlint.zoweHintDismissed")) return;
    this.zoweHintShown = true;
    void vscode.window.showInformationMessage(
      "zlint checks members opened from Zowe Explorer on their own (the per-member rules). " +
      "The whole-sysplex checks need a local folder with a zlint.toml that lists each system's members.",
      "Don't show again").then((p) => {
      if (p) void this.context.globalState.update("zlint.zoweHintDismissed", true);
    });
  }

  private async updateStatus(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !this.isZos(doc)) {
      this.status.hide();
      return;
    }
    if (!this.zlint && !this.starting) {
      this.status.text = "$(error) zlint: no server";
      this.status.tooltip = `The zlint language server was not found: install it with ${INSTALL_COMMAND} or set zlint.path`;
      this.status.command = { title: "Open settings", command: "workbench.action.openSettings", arguments: ["zlint.path"] };
      this.status.show();
      return;
    }
    const running = this.client?.state === State.Running;
    const mark = running ? "$(check)" : "$(sync~spin)";
    if (isRemote(doc.uri) || doc.uri.scheme !== "file") {
      this.status.text = `${mark} zlint: this member alone`;
      this.status.tooltip = "Checked on its own (per-member rules). The whole-sysplex checks need a local folder with zlint.toml.";
      this.status.command = undefined;
    } else {
      const inv = await this.inventoryOf(doc.uri);
      if (vscode.window.activeTextEditor?.document !== doc) return;
      if (inv) {
        this.status.text = `${mark} zlint: ${inv.name}`;
        this.status.tooltip = `Sysplex ${inv.name} (${inv.file}). Click for the HA report.`;
        this.status.command = "zlint.showReport";
      } else {
        this.status.text = `${mark} zlint: no zlint.toml`;
        this.status.tooltip = "No zlint.toml in this folder or above: the file is checked on its own (per-file rules).";
        this.status.command = undefined;
      }
    }
    this.status.show();
  }

  // ------------------------------------------------------------------ commands
  private async needZlint(): Promise<ZlintCommand | undefined> {
    await this.ensureClient();
    if (!this.zlint) {
      const found = await this.discover();
      if (found.found) this.zlint = found.zlint;
      else void this.notFound(found.reason);
    }
    return this.zlint;
  }

  private async reportInventory(): Promise<Inventory | undefined> {
    const doc = vscode.window.activeTextEditor?.document;
    const fromDoc = doc ? await this.inventoryOf(doc.uri) : undefined;
    if (fromDoc) return fromDoc;
    const found = await vscode.workspace.findFiles("**/zlint.toml", "**/node_modules/**", 50);
    const invs = (await Promise.all(found.map((u) => findInventory(path.dirname(u.fsPath), readIfFile))))
      .filter((i): i is Inventory => i !== undefined);
    if (invs.length <= 1) return invs[0];
    const pick = await vscode.window.showQuickPick(invs.map((i) => ({ label: i.name, description: i.file, inv: i })),
      { placeHolder: "Which sysplex?" });
    return pick?.inv;
  }

  private async showReport(): Promise<void> {
    const inv = await this.reportInventory();
    if (!inv) {
      void vscode.window.showWarningMessage("zlint: no zlint.toml for the HA report: open a member of a sysplex " +
        "(a folder with a zlint.toml) first.");
      return;
    }
    let panel = this.report?.panel;
    if (!panel) {
      panel = vscode.window.createWebviewPanel("zlint.report", `HA report: ${inv.name}`,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false, enableFindWidget: true });
      panel.onDidDispose(() => { this.report = undefined; });
    } else {
      panel.reveal(undefined, true);
    }
    panel.title = `HA report: ${inv.name}`;
    this.report = { panel, inventory: inv };
    await this.renderReport(panel, inv);
  }

  private async renderReport(panel: vscode.WebviewPanel, inv: Inventory): Promise<void> {
    const zlint = await this.needZlint();
    if (!zlint) return;
    const r = await run(zlint.command, subcommandArgs(zlint, "report", inv.root, "--format", "html"), inv.root);
    if (this.report?.panel !== panel) return;
    if (r.code !== 0 || !r.stdout.includes("<html")) {
      const why = (r.stderr || r.error || `exit code ${r.code}`).trim();
      this.output.appendLine(`zlint report ${inv.root}: ${why}`);
      panel.webview.html = page(`<h1>HA report: ${esc(inv.name)}</h1><p>zlint report failed:</p><pre>${esc(why)}</pre>`);
      return;
    }
    panel.webview.html = withCsp(r.stdout);
  }

  private async explain(arg?: unknown): Promise<void> {
    let code = typeof arg === "string" ? arg : arg instanceof vscode.Diagnostic ? codeOf(arg) : undefined;
    if (!code) {
      const editor = vscode.window.activeTextEditor;
      const here = editor ? vscode.languages.getDiagnostics(editor.document.uri)
        .filter((d) => d.source === SOURCE && d.range.contains(editor.selection.active)) : [];
      const codes = [...new Set(here.map(codeOf).filter((c): c is string => !!c))];
      if (codes.length === 1) code = codes[0];
      else if (codes.length > 1) code = await vscode.window.showQuickPick(codes, { placeHolder: "Which rule?" });
      else code = await vscode.window.showInputBox({ prompt: "zlint code or rule name", placeHolder: "HA301" });
    }
    if (!code) return;
    const zlint = await this.needZlint();
    if (!zlint) return;
    const r = await run(zlint.command, subcommandArgs(zlint, "explain", code), undefined);
    if (r.code !== 0) {
      void vscode.window.showErrorMessage(`zlint explain ${code}: ${(r.stderr || r.error || "failed").trim()}`);
      return;
    }
    const doc = await vscode.workspace.openTextDocument({ language: "markdown", content: `# ${r.stdout}` });
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: false });
  }
}

/** "Explain CODE" next to the server's quick fixes, for every zlint finding in the range. */
class ExplainActions implements vscode.CodeActionProvider {
  provideCodeActions(_doc: vscode.TextDocument, _range: vscode.Range, ctx: vscode.CodeActionContext): vscode.CodeAction[] {
    const seen = new Set<string>();
    const out: vscode.CodeAction[] = [];
    for (const d of ctx.diagnostics) {
      const code = d.source === SOURCE ? codeOf(d) : undefined;
      if (!code || seen.has(code)) continue;
      seen.add(code);
      const a = new vscode.CodeAction(`Explain ${code} (zlint explain)`, vscode.CodeActionKind.QuickFix);
      a.command = { title: a.title, command: "zlint.explainRule", arguments: [code] };
      a.diagnostics = [d];
      out.push(a);
    }
    return out;
  }
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === "object" ? String(c.value) : String(c);
}

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);
}

const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;">`;

/** The report's own page, with a policy that allows its inline style and nothing else. */
export function withCsp(html: string): string {
  const m = /<head[^>]*>/i.exec(html);
  return m ? html.slice(0, m.index + m[0].length) + CSP + html.slice(m.index + m[0].length) : CSP + html;
}

function page(body: string): string {
  return `<!DOCTYPE html><html><head>${CSP}</head><body>${body}</body></html>`;
}

export type { ZosLanguage };
