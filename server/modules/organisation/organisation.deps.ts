import type { Authz } from '../../platform/authz/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Ledger } from '../../platform/ledger/index.ts';

/**
 * What the organisation services need. Note for every service here: authorisation (which may write a
 * denial to the ledger) runs before the transaction opens, never inside it.
 */
export interface OrganisationDeps {
  database: Database;
  ledger: Ledger;
  authz: Authz;
  clock: Clock;
}
