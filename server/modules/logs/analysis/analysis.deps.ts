import type { Authz } from '../../../platform/authz/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { Ledger } from '../../../platform/ledger/index.ts';
import type { OrganisationServices } from '../../organisation/index.ts';

/**
 * What the log analysis needs. As everywhere: authorisation (which may write a denial to the ledger)
 * runs before a transaction opens, never inside it. Appointments (who is a 特定個人情報取扱担当者) come
 * through the organisation module's service, never its repo.
 */
export interface LogAnalysisDeps {
  database: Database;
  ledger: Ledger;
  authz: Authz;
  clock: Clock;
  organisation: Pick<OrganisationServices, 'appointments'>;
}

/** A11の2 and A22-1: how long a report may wait for sign-off before it is a compliance gap. */
export const SIGN_OFF_DAYS = 7;
/** The longest period one analysis or question covers. */
export const MAX_PERIOD_DAYS = 366;
