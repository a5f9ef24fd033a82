/**
 * What the facilities tests over HTTP share (issue 11): the organisation of the tests with its
 * 総括管理者 and 監査責任者, a client per person, the caller's notices, temporary folders and
 * polling of work that runs in the background (backups and restore tests, A27). Every person is
 * fictional.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { NotificationView } from '../../shared/api/approvals.ts';
import type { Clock } from '../../server/platform/clock.ts';
import type { DatabaseKind } from '../support/databases.ts';
import { buildOrg, type PersonKey } from '../support/org-fixture.ts';
import { bodyOf } from '../support/provision-fixture.ts';
import { apiHarness, sessionClient, type HttpClient } from './support/http-client.ts';

/** buildOrg with the 総括管理者 (director1) and the 監査責任者 (auditor) appointed; `as(person)` signs in. */
export async function facilityHarness(
  kind: DatabaseKind,
  opts: { env?: NodeJS.ProcessEnv; clock?: Clock } = {},
) {
  const api = await apiHarness(kind, {
    org: false,
    ...(opts.env ? { env: opts.env } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  const o = await buildOrg(api.services);
  await o.appoint('president', 'chief_manager', 'director1');
  await o.appoint('president', 'audit_officer', 'auditor');
  const as = (p: PersonKey): Promise<HttpClient> => sessionClient(api.app, api.services, o.people[p]);
  return { ...api, o, as };
}

/** The caller's notices of one kind (room.inspection_due, system.check_due …). */
export const inbox = async (c: HttpClient, kind: string) =>
  bodyOf<{ notifications: NotificationView[] }>(await c.get('/api/notifications')).notifications.filter(
    (n) => n.kind === kind,
  );

/** A temporary folder, removed when the test ends. */
export function tmp(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mamori-${name}-`));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Polls a run or restore test (202, in the background) until it has ended. */
export async function settled<T extends { status: string }>(c: HttpClient, url: string): Promise<T> {
  for (let i = 0; i < 1200; i++) {
    const v = bodyOf<T>(await c.get(url));
    if (v.status !== 'running') return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} still running`);
}
