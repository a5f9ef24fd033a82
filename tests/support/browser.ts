/**
 * Browser-test harness: Debian's Chromium through playwright-core, the real Mamori server as a
 * child process, and an axe-core (WCAG 2.1 AA) check.
 *
 *   describe.skipIf(!chromiumAvailable())('sign-in', () => {
 *     let server: RunningServer; let browser: Browser;
 *     beforeAll(async () => { server = await startServer(); browser = await launchBrowser(); });
 *     afterAll(async () => { await browser?.close(); await server?.stop(); });
 *     it('…', async () => { const page = await openPage(browser); await page.goto(server.url); await expectNoAxeViolations(page); });
 *   });
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { chromiumPath, isCI } from './chromium.ts';
import { freePort } from './ports.ts';

export type { Browser, Page } from 'playwright-core';

/**
 * True when browser tests can run. Outside CI a missing Chromium makes them skip (e2e-setup prints
 * the banner); under CI=true this returns true regardless, so the tests run and fail loudly.
 */
export function chromiumAvailable(): boolean {
  return chromiumPath() !== undefined || isCI();
}

/** Launches headless Chromium with the flags our machines need. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath)
    throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A page in its own context (own cookies), Japanese locale and Tokyo time by default.
 * Use this rather than browser.newPage(): axe-core needs pages made from a context.
 * Close with `page.context().close()`.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', ...options });
  return context.newPage();
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  port: number;
  /** The server's data directory (a fresh temp dir unless DATA_DIR was given). */
  dataDir: string;
  /** Everything the server printed to stdout so far. */
  stdout(): string;
  /** Everything the server printed to stderr so far. */
  stderr(): string;
  /** SIGTERM, then waits for the exit (SIGKILL after 10 s); removes the temp data dir. Idempotent. */
  stop(): Promise<void>;
}

export interface StartServerOptions {
  /** Script to run with tsx (default server/main.ts, relative to the repo root). */
  entry?: string;
  /** How long to wait for /healthz (default 60 s). */
  timeoutMs?: number;
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Spawns `node --import tsx <entry>` with PORT (free), DATA_DIR (fresh temp dir), LOG_LEVEL=warn and
 * `env`, and resolves once GET /healthz answers 200.
 */
export async function startServer(
  env: Record<string, string> = {},
  options: StartServerOptions = {},
): Promise<RunningServer> {
  const port = await freePort();
  const ownDataDir = env.DATA_DIR === undefined;
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-e2e-'));
  const entry = path.resolve(repoRoot, options.entry ?? 'server/main.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exitCode: number | null | undefined;
  child.once('exit', (code, signal) => (exitCode = code ?? (signal ? -1 : null)));

  const url = `http://127.0.0.1:${port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (ownDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const server: RunningServer = { url, port, dataDir, stdout: () => out, stderr: () => err, stop };

  // Loading the demo (organisation, register, vault) takes tens of seconds on a busy 2-core machine.
  const deadline = Date.now() + (options.timeoutMs ?? 110_000);
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      await stop();
      throw new Error(
        `server exited (code ${exitCode}) before /healthz answered\n--- stdout ---\n${out}\n--- stderr ---\n${err}`,
      );
    }
    if (await healthy(url)) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(
    `server did not answer /healthz within ${options.timeoutMs ?? 110_000} ms\n--- stdout ---\n${out}\n--- stderr ---\n${err}`,
  );
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
    await res.body?.cancel();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the page (made with openPage); throws listing every violation. */
export async function expectNoAxeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  if (violations.length === 0) return;
  const lines = violations.map((v) => {
    const targets = v.nodes.map(
      (n) =>
        `      ${n.target.join(' ')}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
    );
    return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})\n${targets.join('\n')}`;
  });
  throw new Error(`${violations.length} accessibility violation(s) on ${page.url()}:\n${lines.join('\n')}`);
}

/**
 * The real app for one describe block: starts the server (demo organisation, fresh data folder,
 * RATE_LIMIT_PER_MINUTE high, plus `env`) and Chromium before its tests, stops both after them.
 *
 *   const app = demoApp();
 *   it('…', async () => { const page = await openPage(app.browser); await page.goto(app.server.url); });
 */
export function demoApp(env: Record<string, string> = {}): { server: RunningServer; browser: Browser } {
  const app = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    app.server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000', ...env });
    app.browser = await launchBrowser();
  });
  afterAll(async () => {
    // Each may be missing when starting failed; the failure is reported by beforeAll.
    const started = app as Partial<typeof app>;
    await started.browser?.close();
    await started.server?.stop();
  });
  return app;
}
