import { describe, expect, it } from 'vitest';
import { databases } from '../../../tests/support/databases.ts';
import { testServices } from '../../../tests/support/test-services.ts';
import { systemCtx } from '../../platform/context.ts';
import { loadDemo } from '../organisation/demo/load-demo.ts';

describe.each(databases)('the demo organisation’s terminal areas on %s', (kind) => {
  it('has a 取扱区域 for 本部 給与係 (My Number work, A11の2) and general areas', async () => {
    const services = await testServices(kind);
    await loadDemo(services);
    const areas = await services.terminals.areas.list(systemCtx('test'));
    expect(areas.map((a) => [a.unitName, a.sectionName, a.kind, a.name])).toEqual(
      expect.arrayContaining([
        [expect.any(String), '給与係', 'handling_area', '給与係 取扱区域'],
        [expect.any(String), '教務係', 'general', '教務係 執務室'],
      ]),
    );
  }, 120_000);
});
