/**
 * A22-2 wired end to end: each signed checkpoint reaches the witnesses outside the database — the
 * witness folder, and mail to the current 監査責任者 — and the status page says they are current.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogStatusView } from '../../shared/api/logs.ts';
import { systemCtx } from '../../server/platform/context.ts';
import { openNote, parseCheckpointText, parseVerifierKey } from '../../server/platform/ledger/note.ts';
import { databases } from '../support/databases.ts';
import { mailParts, startSmtp } from '../support/smtp.ts';
import { apiHarness } from './support/http-client.ts';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(() => smtp.close());

describe.each(databases)('witnesses of the log on %s', (kind) => {
  it('writes every checkpoint to the witness folder and mails the latest to the 監査責任者', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-witness-'));
    const api = await apiHarness(kind, { env: { LOG_WITNESS_DIR: dir, SMTP_URL: smtp.url } });
    const { services } = api;
    const ctx = systemCtx('test');
    // The 監査責任者 (A8, a 監事) is who receives the mail.
    const officer = await services.organisation.people.create(ctx, {
      employeeNumber: 'K0001',
      familyName: '監査',
      givenName: '花子',
      familyNameKana: 'カンサ',
      givenNameKana: 'ハナコ',
      email: 'kansa@example.invalid',
      kind: 'officer',
      title: '監事',
      unitId: api.org.hq.id,
      sectionId: null,
    });
    await services.organisation.appointments.appoint(ctx, {
      role: 'audit_officer',
      personId: officer.id,
      basis: '文部科学大臣任命',
    });
    const before = smtp.messages.length;
    await services.ledger.sequence();

    const note = fs.readFileSync(path.join(dir, 'checkpoint'), 'utf8');
    const latest = await services.ledger.latestCheckpoint(services.database.db);
    expect(note).toBe(latest!.note);
    expect(parseCheckpointText(openNote(note, parseVerifierKey(services.ledger.verifierKey))).treeSize).toBe(
      latest!.treeSize,
    );

    const mails = smtp.messages.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['kansa@example.invalid']);
    expect([...mailParts(mails[0]!.raw).values()]).toContain(latest!.note);

    const chief = await api.signedIn(api.org.chiefManager.employeeNumber);
    const status = (await chief.get('/api/log/status')).json<LogStatusView>();
    expect(
      status.witnesses.map((w) => ({ kind: w.kind, configured: w.configured, current: w.current })),
    ).toEqual([
      { kind: 'directory', configured: true, current: true },
      { kind: 'mail', configured: true, current: true },
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows witnesses that are not configured as such', async () => {
    const api = await apiHarness(kind);
    await api.services.ledger.sequence();
    const chief = await api.signedIn(api.org.chiefManager.employeeNumber);
    const status = (await chief.get('/api/log/status')).json<LogStatusView>();
    expect(status.witnesses.map((w) => ({ kind: w.kind, configured: w.configured }))).toEqual([
      { kind: 'directory', configured: false },
      { kind: 'mail', configured: false },
    ]);
  });
});
