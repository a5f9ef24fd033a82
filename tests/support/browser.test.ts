/** The browser harness itself, against a tiny stand-in server written to a temp dir. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  expectNoAxeViolations,
  launchBrowser,
  openPage,
  startServer,
  type Browser,
  type RunningServer,
} from './browser.ts';

const standIn = `
import http from 'node:http';
const pages = {
  '/': '<!doctype html><html lang="ja"><head><title>テスト</title></head><body><main><h1>守り</h1><p>本文</p></main></body></html>',
  '/bad': '<!doctype html><html><head><title>bad</title></head><body><img src="x.png"><input type="text"></body></html>',
};
http.createServer((req, res) => {
  if (req.url === '/healthz') { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"status":"ok"}'); return; }
  const body = pages[req.url];
  res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body ?? 'not found');
}).listen(Number(process.env.PORT), '127.0.0.1', () => {
  console.log('setup token: ' + process.env.MAMORI_DEMO + '-' + process.env.DATA_DIR);
});
process.on('SIGTERM', () => process.exit(0));
`;

describe.skipIf(!chromiumAvailable())('browser harness', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-standin-'));
    fs.writeFileSync(path.join(dir, 'server.mjs'), standIn);
    server = await startServer({ MAMORI_DEMO: '0' }, { entry: path.join(dir, 'server.mjs') });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts the server, captures stdout, and passes env', () => {
    expect(server.stdout()).toContain(`setup token: 0-${server.dataDir}`);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('drives Chromium and passes axe on an accessible page', async () => {
    const page = await openPage(browser);
    await page.goto(server.url);
    await expect(page.locator('h1').textContent()).resolves.toBe('守り');
    await expectNoAxeViolations(page);
  });

  it('reports axe violations', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}/bad`);
    await expect(expectNoAxeViolations(page)).rejects.toThrow(/image-alt|html-has-lang|label/);
  });

  it('stops the server', async () => {
    await server.stop();
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    expect(fs.existsSync(server.dataDir)).toBe(false);
  });
});

describe('startServer failures', () => {
  it('reports a server that exits early, with its output', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-standin-'));
    fs.writeFileSync(path.join(dir, 'crash.mjs'), "console.error('no database'); process.exit(3);");
    await expect(startServer({}, { entry: path.join(dir, 'crash.mjs') })).rejects.toThrow(
      /code 3[\s\S]*no database/,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
