import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createServices } from '../server/app.ts';
import { systemClock } from '../server/platform/clock.ts';
import { loadConfig } from '../server/platform/config.ts';
import { openBenchDb, type BenchOptions } from './support.ts';

/**
 * The whole application's services on a fresh benchmark database and data folder, without the demo,
 * on the wall clock; `close` stops the log's sequencer and removes both.
 */
export async function benchServices(opts: BenchOptions, name: string) {
  const target = await openBenchDb(opts);
  const dataDir = fs.mkdtempSync(path.join(opts.dir, `${name}-`));
  const services = createServices({
    config: loadConfig({
      MAMORI_DEMO: '0',
      LOG_LEVEL: 'silent',
      MAMORI_SECRET_KEY: crypto.randomBytes(32).toString('base64'),
      DATA_DIR: dataDir,
    }),
    database: target.database,
    clock: systemClock,
  });
  const close = async () => {
    await services.ledger.stop();
    await target.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { services, close };
}
