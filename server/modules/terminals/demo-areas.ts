import type { AreaInput } from '../../../shared/api/terminals.ts';
import { systemCtx } from '../../platform/context.ts';
import type { Database } from '../../platform/db/index.ts';
import type { TerminalsModule } from './index.ts';

/** The demo's areas: [unit code, section name or null for the unit's own, kind, area name]. */
const DEMO_AREAS: [string, string | null, AreaInput['kind'], string][] = [
  ['hq', '給与係', 'handling_area', '給与係 取扱区域'], // A11の2: 給与係 handles My Numbers
  ['hq', '総務課', 'general', '総務課 執務室'],
  ['tokyo', null, 'general', '東京高専 事務部'],
  ['tokyo', '教務係', 'general', '教務係 執務室'],
];

/**
 * Adds the demo organisation's terminal areas (A29, A11の2) through the area service, as the system.
 * No address ranges: the demo is opened from wherever it runs.
 */
export async function loadDemoAreas(deps: { database: Database; terminals: TerminalsModule }): Promise<void> {
  const db = deps.database.db;
  const system = systemCtx('system:demo');
  for (const [unitCode, sectionName, kind, name] of DEMO_AREAS) {
    const unit = await db.selectFrom('units').select('id').where('code', '=', unitCode).executeTakeFirst();
    if (!unit) continue;
    const section = sectionName
      ? await db
          .selectFrom('sections')
          .select('id')
          .where('unit_id', '=', unit.id)
          .where('name', '=', sectionName)
          .executeTakeFirst()
      : null;
    if (sectionName && !section) continue;
    await deps.terminals.areas.create(system, {
      unitId: unit.id,
      sectionId: section?.id ?? null,
      kind,
      name,
      addressRanges: [],
    });
  }
}
