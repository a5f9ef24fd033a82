/**
 * Global setup of the `e2e` project (runs only when browser tests are part of the run).
 * Missing Chromium: under CI=true the run fails here; otherwise a loud banner says the browser
 * tests are being skipped.
 */
import { chromiumPath, isCI } from './chromium.ts';

export default function setup(): void {
  if (chromiumPath()) return;
  const where = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (isCI()) {
    throw new Error(
      `CI=true but Chromium is missing at ${where}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  const line = '!'.repeat(78);
  console.warn(
    [
      '',
      line,
      '!!  BROWSER TESTS SKIPPED: Chromium not found at ' + where,
      '!!  Install it with `apt-get install -y chromium` (or set CHROMIUM_PATH) to run them.',
      '!!  Under CI=true a missing Chromium is a failure.',
      line,
      '',
    ].join('\n'),
  );
}
