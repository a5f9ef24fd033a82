import type { Authz } from '../../platform/authz/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { OrgStructure, SectionFacts } from '../../../shared/api/organisation.ts';

/** What the register needs; authorisation runs before any transaction opens. */
export interface RegisterDeps {
  database: Database;
  ledger: Ledger;
  authz: Authz;
  clock: Clock;
  section(id: string): Promise<SectionFacts | null>;
  /** Names of units (full names for the public) and sections by id. */
  names(): Promise<{ units: Map<string, string>; sections: Map<string, string> }>;
  /** Codes and names of units and sections, to resolve those written in an imported register. */
  structure(): Promise<OrgStructure>;
}
