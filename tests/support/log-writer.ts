/**
 * A child process for the crash test of the log (tests/api/log-crash.test.ts, A22-1/A22-2): it opens
 * the services on DATABASE_URL, migrates, starts the sequencer every 20 ms and appends access events
 * from many concurrent callers, forever. Each event names one unique record (the marker); the marker
 * is printed on its own line as soon as `ledger.access` resolves, i.e. once the entry is
 * acknowledged as durable. The test kills this process with SIGKILL mid-flight.
 *
 *   DATABASE_URL=… MAMORI_SECRET_KEY=… WRITER_TAG=run1 node --import tsx tests/support/log-writer.ts
 *
 * stdout: `ready`, then one marker per line. Writes to a pipe are synchronous on Linux, so a marker
 * the parent reads was acknowledged before it was printed.
 */
import { createServices } from '../../server/app.ts';
import { systemCtx, type Ctx } from '../../server/platform/context.ts';
import { loadConfig } from '../../server/platform/config.ts';
import { migrate } from '../../server/platform/db/index.ts';

const tag = process.env.WRITER_TAG ?? 'w';
const concurrency = Number(process.env.WRITER_CONCURRENCY ?? 64);

const services = createServices({
  config: loadConfig({ ...process.env, MAMORI_DEMO: '0', LOG_LEVEL: 'silent' }),
  onLedgerError: (error, where) => process.stderr.write(`ledger ${where}: ${String(error)}\n`),
});
await migrate(services.database);
const { ledger } = services;
ledger.start({ intervalMs: 20 });

const ctx: Ctx = { ...systemCtx('crash-test'), ip: '192.0.2.1', requestId: null };
let next = 0;

async function caller(): Promise<void> {
  for (;;) {
    const marker = `${tag}-${next++}`;
    await ledger.access(ctx, {
      type: 'test.read',
      unitId: null,
      sectionId: null,
      purpose: 'crash test',
      subjectType: 'file',
      subjectId: 'f-1',
      records: [marker],
      outcome: 'ok',
    });
    process.stdout.write(`${marker}\n`);
  }
}

process.stdout.write('ready\n');
await Promise.all(Array.from({ length: concurrency }, () => caller()));
