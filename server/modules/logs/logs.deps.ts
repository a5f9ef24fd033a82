import type { Authz } from '../../platform/authz/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { WitnessStatus } from '../../platform/ledger/witnesses.ts';

/** What the log screens need; authorisation runs before any transaction opens. */
export interface LogsDeps {
  database: Database;
  ledger: Ledger;
  authz: Authz;
  clock: Clock;
  /** Names of units and sections by id (the organisation module's). */
  names(): Promise<{ units: Map<string, string>; sections: Map<string, string> }>;
  /** Where the witnesses stand against the latest tree size. */
  witnessStatus(latestTreeSize: number): Promise<WitnessStatus[]>;
}
