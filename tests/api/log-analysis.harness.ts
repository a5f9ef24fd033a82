/**
 * The organisation fixture over HTTP for the log-analysis tests, with a clock the test moves, and
 * helpers that write access events at chosen Tokyo times through the ledger (as the vault will).
 */
import { onTestFinished } from 'vitest';
import { createHttpApp, type Services } from '../../server/app.ts';
import { createAuthz } from '../../server/platform/authz/index.ts';
import type { Ctx } from '../../server/platform/context.ts';
import type { AccessEvent } from '../../server/platform/ledger/index.ts';
import {
  createLogAnalysis,
  logAnalysisPolicies,
  logAnalysisRoutes,
  type LogAnalysis,
} from '../../server/modules/logs/analysis/index.ts';
import type { DatabaseKind } from '../support/databases.ts';
import { buildOrg, type Org, type PersonKey } from '../support/org-fixture.ts';
import { testServices } from '../support/test-services.ts';
import type { HttpClient } from './support/http-client.ts';
import { sessionClient, type HttpApp } from './support/http-client.ts';
import { toTokyoDate, type Clock } from '../../server/platform/clock.ts';
import { TEST_NOW } from '../support/test-services.ts';

/** The instant of a Tokyo wall-clock time, e.g. '2026-11-23 10:00'. */
export const tokyo = (wallClock: string) =>
  new Date(Date.parse(`${wallClock.replace(' ', 'T')}:00.000+09:00`)).toISOString();

/** A clock the test sets to any instant (events in the past, the job on a Monday). */
export class SettableClock implements Clock {
  private at = new Date(TEST_NOW);
  now = () => new Date(this.at);
  today = () => toTokyoDate(this.at);
  set(iso: string) {
    this.at = new Date(iso);
  }
  advanceDays(days: number) {
    this.at = new Date(this.at.getTime() + days * 86_400_000);
  }
}

export interface AnalysisHarness {
  services: Services;
  analysis: LogAnalysis;
  app: HttpApp;
  org: Org;
  clock: SettableClock;
  browserOf(person: PersonKey): Promise<HttpClient>;
  /** An access event by a person at a Tokyo time (terminal 'pc-1' unless told null). */
  access(person: PersonKey, at: string, event: Partial<AccessEvent>, terminal?: string | null): Promise<void>;
}

export async function analysisHarness(kind: DatabaseKind): Promise<AnalysisHarness> {
  const clock = new SettableClock();
  const services = await testServices(kind, { clock });
  const org = await buildOrg(services);
  const app = await createHttpApp(services, { ready: true });
  onTestFinished(() => app.close());
  // Until server/app.ts wires the module, the harness does (same deps, the module's own policies).
  const wired = (services as Services & { logAnalysis?: LogAnalysis }).logAnalysis;
  let analysis: LogAnalysis;
  if (wired) analysis = wired;
  else {
    const { database, ledger, organisation } = services;
    const authz = createAuthz({ policies: logAnalysisPolicies, database, ledger });
    analysis = createLogAnalysis({ database, ledger, authz, clock, organisation });
    logAnalysisRoutes(app, analysis);
    organisation.gaps.addSource(analysis.gaps);
  }
  const ctxOf = new Map<PersonKey, Ctx>();
  return {
    services,
    analysis,
    app,
    org,
    clock,
    browserOf: (person) => sessionClient(app, services, org.people[person]),
    async access(person, at, event, terminal = 'pc-1') {
      const ctx = ctxOf.get(person) ?? (await org.as(person));
      ctxOf.set(person, ctx);
      const now = clock.now();
      clock.set(tokyo(at));
      try {
        await services.ledger.access(
          { ...ctx, terminal },
          {
            type: 'vault.record_read',
            unitId: org.units.tokyo,
            sectionId: org.sections.tokyoKyomu,
            purpose: '成績処理',
            subjectType: 'file',
            subjectId: 'file-1',
            records: ['rec-1'],
            outcome: 'ok',
            ...event,
          },
        );
      } finally {
        clock.set(now.toISOString());
      }
    },
  };
}
