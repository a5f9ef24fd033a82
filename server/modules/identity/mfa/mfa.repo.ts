import type { Executor } from '../../../platform/db/index.ts';
import type { MfaChallengeTable, MfaWebauthnCredentialTable } from '../../../platform/db/schema-mfa.ts';

/** Reads and writes of the second-factor tables; every method takes the database or a transaction. */
export const mfaRepo = {
  totp: (db: Executor, personId: string) =>
    db.selectFrom('mfa_totp').selectAll().where('person_id', '=', personId).executeTakeFirst(),
  async putPendingTotp(db: Executor, personId: string, sealed: string, now: string) {
    await db.deleteFrom('mfa_totp').where('person_id', '=', personId).execute();
    await db
      .insertInto('mfa_totp')
      .values({
        person_id: personId,
        secret_sealed: sealed,
        confirmed_at: null,
        last_step: null,
        created_at: now,
        last_used_at: null,
      })
      .execute();
  },
  /** Records an accepted step; false when a later-or-equal step was already used (replay, or a race). */
  async useTotpStep(db: Executor, personId: string, step: number, now: string, confirm: boolean) {
    const res = await db
      .updateTable('mfa_totp')
      .set({ last_step: step, last_used_at: now, ...(confirm ? { confirmed_at: now } : {}) })
      .where('person_id', '=', personId)
      .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },
  deleteTotp: (db: Executor, personId: string) =>
    db.deleteFrom('mfa_totp').where('person_id', '=', personId).execute(),

  unusedRecoveryCodes: (db: Executor, personId: string) =>
    db
      .selectFrom('mfa_recovery_codes')
      .select(['id', 'code_hash'])
      .where('person_id', '=', personId)
      .where('used_at', 'is', null)
      .execute(),
  async replaceRecoveryCodes(
    db: Executor,
    personId: string,
    rows: { id: string; code_hash: string }[],
    now: string,
  ) {
    await db.deleteFrom('mfa_recovery_codes').where('person_id', '=', personId).execute();
    if (rows.length)
      await db
        .insertInto('mfa_recovery_codes')
        .values(rows.map((r) => ({ ...r, person_id: personId, created_at: now, used_at: null })))
        .execute();
  },
  async useRecoveryCode(db: Executor, id: string, now: string) {
    const res = await db
      .updateTable('mfa_recovery_codes')
      .set({ used_at: now })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },
  deleteRecoveryCodes: (db: Executor, personId: string) =>
    db.deleteFrom('mfa_recovery_codes').where('person_id', '=', personId).execute(),

  credentials: (db: Executor, personId: string) =>
    db
      .selectFrom('mfa_webauthn_credentials')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('created_at')
      .execute(),
  credentialById: (db: Executor, credentialId: string) =>
    db
      .selectFrom('mfa_webauthn_credentials')
      .selectAll()
      .where('credential_id', '=', credentialId)
      .executeTakeFirst(),
  insertCredential: (db: Executor, row: MfaWebauthnCredentialTable) =>
    db.insertInto('mfa_webauthn_credentials').values(row).execute(),
  useCredential: (db: Executor, id: string, counter: number, now: string) =>
    db
      .updateTable('mfa_webauthn_credentials')
      .set({ counter, last_used_at: now })
      .where('id', '=', id)
      .execute(),
  deleteCredential: (db: Executor, personId: string, id: string) =>
    db
      .deleteFrom('mfa_webauthn_credentials')
      .where('person_id', '=', personId)
      .where('id', '=', id)
      .executeTakeFirst(),
  deleteCredentials: (db: Executor, personId: string) =>
    db.deleteFrom('mfa_webauthn_credentials').where('person_id', '=', personId).execute(),

  challenge: (db: Executor, id: string) =>
    db.selectFrom('mfa_challenges').selectAll().where('id', '=', id).executeTakeFirst(),
  insertChallenge: (db: Executor, row: MfaChallengeTable) =>
    db.insertInto('mfa_challenges').values(row).execute(),
  setAttempts: (db: Executor, id: string, attempts: number) =>
    db.updateTable('mfa_challenges').set({ attempts }).where('id', '=', id).execute(),
  setWebauthnChallenge: (db: Executor, id: string, challenge: string | null) =>
    db.updateTable('mfa_challenges').set({ webauthn_challenge: challenge }).where('id', '=', id).execute(),
  deleteChallenge: (db: Executor, id: string) =>
    db.deleteFrom('mfa_challenges').where('id', '=', id).execute(),
  deleteChallengesOf: (db: Executor, personId: string) =>
    db.deleteFrom('mfa_challenges').where('person_id', '=', personId).execute(),
  deleteExpiredChallenges: (db: Executor, now: string) =>
    db.deleteFrom('mfa_challenges').where('expires_at', '<=', now).execute(),
};
