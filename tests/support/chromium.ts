/** Where Debian's Chromium is, if it is installed (no vitest or playwright imports: used by setups). */
import fs from 'node:fs';

/** CHROMIUM_PATH, else /usr/bin/chromium; undefined when that file is missing. */
export function chromiumPath(): string | undefined {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  try {
    fs.accessSync(candidate, fs.constants.X_OK);
    return candidate;
  } catch {
    return undefined;
  }
}

export const isCI = (): boolean => process.env.CI === 'true';
