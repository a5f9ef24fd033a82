import type { Clock } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';

/** What the demo loader gives each part's `loadDemo<Part>` (issue 11): people, places and the clock. */
export interface DemoWhere {
  ctxOf(employeeNumber: string): Promise<Ctx>;
  personId(employeeNumber: string): string;
  unitId(code: string): string;
  sectionId(path: string): string;
  clock: Clock;
}
