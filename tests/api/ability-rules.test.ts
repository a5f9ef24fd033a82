/**
 * Issue 3, authorisation core: the session view carries the person's abilities as CASL rules, and
 * the browser, rebuilding them (web/app/ability.ts does exactly this), decides every object the way
 * the server does. Checked for each actor of the matrix organisation over objects inside and
 * outside their scope.
 */
import { createMongoAbility, subject } from '@casl/ability';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../server/app.ts';
import { ROLES } from '../../shared/roles.ts';
import { databases } from '../support/databases.ts';
import { testServices } from '../support/test-services.ts';
import { ACTORS, buildMatrixOrg, SIGNED_IN } from './authz-matrix.table.ts';
import type { Org } from '../support/org-fixture.ts';

describe.each(databases)('abilities sent to the browser on %s', (kind) => {
  let services: Services;
  let org: Org;

  beforeAll(async () => {
    services = await testServices(kind);
    org = (await buildMatrixOrg(services)).org;
  });

  it('decide like the server for every actor, action and object in and out of scope', async () => {
    const { units, sections } = org;
    const objects: [string, string, Record<string, unknown>][] = [];
    for (const unitId of [units.hq, units.tokyo, units.nagaoka]) {
      objects.push(['update', 'Person', { unitId }], ['create', 'Section', { unitId }]);
      objects.push(['import', 'Person', { unitId }], ['read', 'Gaps', { unitId }]);
    }
    for (const role of ROLES)
      for (const sectionId of [sections.tokyoKyomu, sections.tokyoTosho, sections.nagaokaKyomu]) {
        const unitId = sectionId === sections.nagaokaKyomu ? units.nagaoka : units.tokyo;
        objects.push(['appoint', 'Appointment', { role, unitId, sectionId }]);
        objects.push(['end', 'Appointment', { role, unitId, sectionId }]);
      }
    let allowed = 0;
    for (const actor of SIGNED_IN) {
      const ctx = await org.as(ACTORS[actor].person);
      const view = await services.identity.sessionView({ ...ctx, locale: null, sessionId: null }, 'token');
      const browser = createMongoAbility(view.abilityRules);
      for (const [action, type, object] of objects) {
        const server = services.authz.can(ctx, action, type, object);
        expect(browser.can(action, subject(type, { ...object })), `${actor} ${action} ${type}`).toBe(server);
        if (server) allowed++;
      }
    }
    // The comparison means something only if both answers occur.
    expect(allowed).toBeGreaterThan(0);
    expect(allowed).toBeLessThan(SIGNED_IN.length * objects.length);
  });
});
