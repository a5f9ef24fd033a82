#!/usr/bin/env node
// `npm test`: typecheck, lint, build the web app (when there is one), then every test with vitest.
// Stops at the first failing step with its exit code; ends with one line:
//   mamori: N passed, N failed, N skipped
// Under CI=true a skipped test fails the run. Extra arguments are passed on to `vitest run`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ci = process.env.CI === 'true';
const bin = (name) => path.join('node_modules', '.bin', name);

/** Runs a command with inherited stdio; resolves to its exit code. */
function run(label, cmd, args) {
  console.log(`\n▶ ${label}: ${[cmd, ...args].join(' ')}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit' });
    child.on('error', (err) => {
      console.error(`mamori: could not start ${cmd}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      console.log(
        `◀ ${label} ${code === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function step(label, cmd, args) {
  const code = await run(label, cmd, args);
  if (code !== 0) {
    console.error(`\nmamori: ${label} failed (exit ${code})`);
    process.exit(code);
  }
}

await step('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
await step('lint', bin('eslint'), ['.', '--max-warnings', '0']);
await step('format', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
if (fs.existsSync('vite.config.ts')) await step('build', bin('vite'), ['build', '--logLevel', 'warn']);

const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-report-'));
const report = path.join(reportDir, 'vitest.json');
const vitestCode = await run('vitest', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);

let counts;
try {
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  const passed = json.numPassedTests ?? 0;
  const failed = json.numFailedTests ?? 0;
  // Everything neither passed nor failed (skip, todo, never run) counts as skipped.
  counts = {
    passed,
    failed,
    skipped: Math.max(0, (json.numTotalTests ?? 0) - passed - failed),
    failedFiles: (json.testResults ?? []).filter(
      (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
    ),
  };
} catch (err) {
  console.error(`mamori: no vitest report (${err.message})`);
}
fs.rmSync(reportDir, { recursive: true, force: true });

let code = vitestCode;
if (!counts) {
  console.log('mamori: 0 passed, 0 failed, 0 skipped');
  process.exit(code || 1);
}
for (const file of counts.failedFiles) {
  console.error(
    `mamori: ${path.relative(process.cwd(), file.name)} failed to run: ${(file.message ?? '').split('\n')[0]}`,
  );
}
if (counts.failed > 0 || counts.failedFiles.length > 0) code ||= 1;
if (ci && counts.skipped > 0) {
  console.error(`mamori: CI=true and ${counts.skipped} test(s) were skipped; every test must run in CI.`);
  code ||= 1;
}
if (!ci && counts.skipped > 0) {
  console.warn(
    `mamori: NOTE ${counts.skipped} test(s) skipped (browser tests skip when Chromium is missing; see the banner above).`,
  );
}
console.log(`mamori: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(code);
