import { PROVISION_CONTRACTS_ERRORS } from './errors-provision-contracts.ts';
import { PROVISION_PARTIES_ERRORS } from './errors-provision-parties.ts';
import { PROVISION_PROVISIONS_ERRORS } from './errors-provision-provisions.ts';

/** Errors of third parties (issue 9; A17–A19), one file per part. */
export const PROVISION_ERRORS = {
  ...PROVISION_PARTIES_ERRORS,
  ...PROVISION_CONTRACTS_ERRORS,
  ...PROVISION_PROVISIONS_ERRORS,
};
