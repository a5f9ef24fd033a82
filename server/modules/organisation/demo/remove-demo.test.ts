import { describe, expect, it } from 'vitest';
import { databases } from '../../../../tests/support/databases.ts';
import { testServices } from '../../../../tests/support/test-services.ts';
import { loadDemo, removeDemo } from './load-demo.ts';

// `npx mamori demo remove`: the demo organisation goes entirely, with everything issue 3 hangs on
// it (credentials, password history, second factors, terminals and areas, SSO providers) and the
// register's files (issue 5), and the
// removal is in the ledger.
describe.each(databases)('removing the demo organisation on %s', (kind) => {
  it('leaves no unit, person, factor or terminal behind, and records the removal', async () => {
    const services = await testServices(kind);
    await loadDemo(services);
    const db = services.database.db;
    const count = async (
      table:
        | 'units'
        | 'people'
        | 'credentials'
        | 'mfa_totp'
        | 'terminal_areas'
        | 'register_files'
        | 'register_versions',
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('people')).toBeGreaterThan(1000);
    expect(await count('mfa_totp')).toBeGreaterThan(0);
    expect(await count('terminal_areas')).toBeGreaterThan(0);
    expect(await count('register_files')).toBe(26);

    await removeDemo(services);
    for (const table of [
      'units',
      'people',
      'credentials',
      'mfa_totp',
      'terminal_areas',
      'register_files',
      'register_versions',
    ] as const)
      expect(await count(table), table).toBe(0);
    expect(await services.ledger.count(db, { type: 'demo.removed' })).toBe(1);
  }, 180_000);
});
