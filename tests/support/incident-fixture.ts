/**
 * Incidents (issue 8; A34–A35, 法68) over HTTP: the organisation of org-fixture.ts with the people the
 * chain names, register files to report on, signed-in clients and input builders.
 *
 *   reporter     清水 (tokyoKyomuStaff1), staff of 東京 教務係 without a role
 *   manager      佐藤 (tokyoKyomuHead), 教務係's 保護管理者 (A6) — the incident's first actor (A34-3)
 *   chief        小林 (tokyoPrincipal), 東京's 総括保護管理者 (A5) — A34-4, 法68②, A35
 *   chiefManager 青木 (director1), the 総括管理者 (A4) — ministries, the PPC (A34-6, -7, 法68①)
 *   outsider     瀬川 (tokyoToshoHead), 東京 図書係: same unit, no part in it
 *   stranger     土屋 (nagaokaStaff), 長岡
 * Every person is fictional.
 */
import { expect } from 'vitest';
import type { Services } from '../../server/app.ts';
import type { Clock } from '../../server/platform/clock.ts';
import type { FactsInput, IncidentView, ReportInput } from '../../shared/api/incidents.ts';
import { apiHarness, sessionClient, type HttpClient, type Response } from '../api/support/http-client.ts';
import type { DatabaseKind } from './databases.ts';
import { buildOrg, type PersonKey } from './org-fixture.ts';
import { fileAt } from './register-fixture.ts';

/** 知った日時 of the tests: 2026-11-28 10:00 in Tokyo (the clock stands at 2026-11-30 09:30 JST). */
export const AWARE_AT = '2026-11-28T10:00:00+09:00';
/** A time after 知った日時 and before now, for containment and steps. */
export const LATER = '2026-11-29T09:00:00+09:00';

export type IncidentOrg = Awaited<ReturnType<typeof buildIncidentOrg>>;

/** The organisation with the 総括管理者 and 監査責任者 appointed and a registered file per section used. */
export async function buildIncidentOrg(services: Services) {
  const org = await buildOrg(services);
  await org.appoint('president', 'chief_manager', 'director1');
  await org.appoint('president', 'audit_officer', 'auditor');
  const file = (unit: 'tokyo' | 'nagaoka', section: string, name: string) =>
    fileAt(services, { unitId: org.units[unit], sectionId: section }, 'registered', { name });
  return {
    ...org,
    tokyoFile: await file('tokyo', org.sections.tokyoKyomu, '学籍ファイル'),
    toshoFile: await file('tokyo', org.sections.tokyoTosho, '図書貸出ファイル'),
    nagaokaFile: await file('nagaoka', org.sections.nagaokaKyomu, '長岡 学籍ファイル'),
  };
}

export const reportBody = (over: Partial<ReportInput> = {}): ReportInput => ({
  summary: '教務係のUSBメモリ（学籍データ入り）を紛失したおそれがある',
  awareAt: AWARE_AT,
  fileIds: [],
  systems: '教務係 USBメモリ No.1',
  actionsTaken: '係内の机・キャビネットを捜索した',
  ...over,
});

/** What a complete investigation records (A34-3): cause, damage, items and the number of persons. */
export const completeFacts = (over: Partial<FactsInput> = {}): FactsInput => ({
  cause: '持ち出し後に会議室へ置き忘れた',
  damage: '現時点で不正利用は確認されていない',
  items: '学生番号、氏名、学科',
  personsCount: 10,
  ...over,
});

/** Asserts the status and answers the body as an incident view. */
export function viewOf(res: Response, status = 200): IncidentView {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<IncidentView>();
}

/** Services, the HTTP app, the organisation and a signed-in client per person of the chain. */
export async function incidentHarness(kind: DatabaseKind, opts: { clock?: Clock } = {}) {
  const api = await apiHarness(kind, { org: false, ...(opts.clock ? { clock: opts.clock } : {}) });
  const o = await buildIncidentOrg(api.services);
  const as = (person: PersonKey): Promise<HttpClient> =>
    sessionClient(api.app, api.services, o.people[person]);
  const c = {
    reporter: await as('tokyoKyomuStaff1'),
    manager: await as('tokyoKyomuHead'),
    chief: await as('tokyoPrincipal'),
    chiefManager: await as('director1'),
    auditor: await as('auditor'),
    outsider: await as('tokyoToshoHead'),
    stranger: await as('nagaokaStaff'),
  };

  /** 清水 reports (on 東京 教務係's file unless told otherwise); the new incident. */
  async function report(over: Partial<ReportInput> = {}, by: HttpClient = c.reporter) {
    return viewOf(await by.post('/api/incidents', reportBody({ fileIds: [o.tokyoFile], ...over })), 201);
  }
  /** The manager records the facts; the incident. */
  const facts = async (id: string, over: Partial<FactsInput> = {}, by: HttpClient = c.manager) =>
    viewOf(await by.put(`/api/incidents/${id}/facts`, completeFacts(over)));
  /** Records a step as done (at LATER). */
  const step = (id: string, stepName: string, by: HttpClient, over: Record<string, unknown> = {}) =>
    by.post(`/api/incidents/${id}/steps`, { step: stepName, at: LATER, ...over });
  /** Audit events of a type about an incident. */
  const audit = (type: string, subjectId?: string) =>
    api.services.ledger.list(api.services.database.db, { type, ...(subjectId ? { subjectId } : {}) });

  return { ...api, o, as, c, report, facts, step, audit };
}
