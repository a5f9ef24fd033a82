import type { VaultDeps } from './vault.deps.ts';

/**
 * Suspension of use of records (issue 12; 法98–103 利用停止): a record suspended for some of its
 * file's purposes is refused for those purposes and still served for the others. STUB: the remedies
 * helper writes it and its enforcement in the vault's records, changes and exports.
 */
export function createSuspensions(deps: VaultDeps) {
  void deps;
  return {};
}

export type Suspensions = ReturnType<typeof createSuspensions>;
