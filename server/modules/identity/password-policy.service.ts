import type {
  PasswordPolicyInput,
  PasswordPolicyView,
  PolicyReviewInput,
} from '../../../shared/api/password.ts';
import type { GapView } from '../../../shared/api/organisation.ts';
import type { Authz } from '../../platform/authz/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { actorPersonId } from '../../platform/context.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { OrganisationServices } from '../organisation/index.ts';
import { identityRepo } from './identity.repo.ts';
import { brokenRules, DEFAULT_RULES, hashPassword, rejectPassword, verifyPassword } from './password.ts';
import { passwordRepo, POLICY_ID, type PasswordPolicyRow } from './password.repo.ts';

/** A21-2: a new policy is due for review one year after it is first read. */
const addYear = (isoDay: string) => `${Number(isoDay.slice(0, 4)) + 1}${isoDay.slice(4)}`;

const present = (row: PasswordPolicyRow, today: string): PasswordPolicyView => ({
  minLength: row.min_length,
  maxLength: row.max_length,
  requiredClasses: row.required_classes,
  maxAgeDays: row.max_age_days,
  historyCount: row.history_count,
  nextReviewOn: row.next_review_on,
  reviewOverdue: row.next_review_on < today,
  reviewedAt: row.reviewed_at,
  reviewNote: row.review_note,
  updatedAt: row.updated_at,
});

/** Policy values as audited (before/after): settings only, never a hash or a password. */
const settings = (row: PasswordPolicyRow) => ({
  minLength: row.min_length,
  maxLength: row.max_length,
  requiredClasses: row.required_classes,
  maxAgeDays: row.max_age_days,
  historyCount: row.history_count,
  nextReviewOn: row.next_review_on,
});

/**
 * The organisation's password policy (A21-2): defaults after NIST SP 800-63B, options an institution
 * may turn on (character classes, maximum age, history), a review schedule whose overdue review is a
 * compliance gap, and the check every place that sets a password applies.
 */
export function createPasswordPolicyService(deps: {
  database: Database;
  ledger: Ledger;
  authz: Authz;
  clock: Clock;
  organisation: OrganisationServices;
}) {
  const { database, ledger, authz, clock, organisation } = deps;
  const db = database.db;

  /** The stored policy; the defaults are stored on first use. */
  async function current(): Promise<PasswordPolicyRow> {
    const row = await passwordRepo.policy(db);
    if (row) return row;
    await passwordRepo.insertPolicyIfMissing(db, {
      id: POLICY_ID,
      min_length: DEFAULT_RULES.minLength,
      max_length: DEFAULT_RULES.maxLength,
      required_classes: DEFAULT_RULES.requiredClasses,
      max_age_days: null,
      history_count: 0,
      next_review_on: addYear(clock.today()),
      reviewed_at: null,
      reviewed_by: null,
      review_note: null,
      updated_at: clock.now().toISOString(),
      updated_by: null,
    });
    return (await passwordRepo.policy(db))!;
  }

  /** The policy as shown to the people who may read it (システム管理者, 総括管理者, 監査責任者). */
  async function view(ctx: Ctx): Promise<PasswordPolicyView> {
    await authz.assertCan(ctx, 'read', 'PasswordPolicy');
    return present(await current(), clock.today());
  }

  /** The rules a signed-in person needs to choose a password (the change page shows them). */
  async function rulesFor(): Promise<PasswordPolicyView> {
    return present(await current(), clock.today());
  }

  /** Changes the policy's options; audited with before and after. システム管理者 only. */
  async function update(ctx: Ctx, input: PasswordPolicyInput): Promise<PasswordPolicyView> {
    await authz.assertCan(ctx, 'update', 'PasswordPolicy');
    if (input.maxLength < input.minLength) throw new AppError('request.invalid');
    const before = await current();
    await database.transaction(async (tx) => {
      await passwordRepo.updatePolicy(tx, {
        min_length: input.minLength,
        max_length: input.maxLength,
        required_classes: input.requiredClasses,
        max_age_days: input.maxAgeDays,
        history_count: input.historyCount,
        updated_at: clock.now().toISOString(),
        updated_by: actorPersonId(ctx),
      });
      const after = (await passwordRepo.policy(tx))!;
      await ledger.audit(tx, ctx, {
        type: 'password.policy_changed',
        subjectType: 'PasswordPolicy',
        subjectId: POLICY_ID,
        before: settings(before),
        after: settings(after),
      });
    });
    return present((await passwordRepo.policy(db))!, clock.today());
  }

  /** A21-2: records that the policy was reviewed (who, when, note) and when it is next due; audited. */
  async function review(ctx: Ctx, input: PolicyReviewInput): Promise<PasswordPolicyView> {
    await authz.assertCan(ctx, 'review', 'PasswordPolicy');
    if (input.nextReviewOn <= clock.today())
      throw new AppError('request.invalid', {
        details: [{ path: 'nextReviewOn', code: 'future_date' }],
      });
    const before = await current();
    await database.transaction(async (tx) => {
      await passwordRepo.updatePolicy(tx, {
        next_review_on: input.nextReviewOn,
        reviewed_at: clock.now().toISOString(),
        reviewed_by: actorPersonId(ctx),
        review_note: input.note,
      });
      await ledger.audit(tx, ctx, {
        type: 'password.policy_reviewed',
        subjectType: 'PasswordPolicy',
        subjectId: POLICY_ID,
        before: { nextReviewOn: before.next_review_on, reviewedAt: before.reviewed_at },
        after: { nextReviewOn: input.nextReviewOn },
      });
    });
    return present((await passwordRepo.policy(db))!, clock.today());
  }

  /** A21-2: an overdue review of the policy, as a compliance gap for the gaps list. */
  async function gaps(): Promise<GapView[]> {
    const row = await current();
    if (row.next_review_on >= clock.today()) return [];
    return [
      {
        kind: 'review_overdue',
        role: 'system_administrator',
        scopeKind: 'organisation',
        unitId: null,
        unitName: null,
        sectionId: null,
        sectionName: null,
        appointmentIds: [],
        article: 'A21の2',
      },
    ];
  }

  /**
   * Throws 422 password.rejected (with each broken rule) unless the password meets the policy for
   * this person: length, common list, context words, repetition, classes, and reuse of the last N.
   */
  async function assertAcceptable(
    password: string,
    person: { id?: string; employeeNumber: string; names?: (string | null)[] },
  ): Promise<void> {
    const policy = await current();
    const broken = brokenRules(
      password,
      {
        minLength: policy.min_length,
        maxLength: policy.max_length,
        requiredClasses: policy.required_classes,
      },
      { employeeNumber: person.employeeNumber, names: person.names ?? [] },
    );
    if (person.id && policy.history_count > 0 && broken.length === 0) {
      const previous = await passwordRepo.history(db, person.id, policy.history_count);
      for (const p of previous)
        if (await verifyPassword(p.password_hash, password)) {
          broken.push('reused');
          break;
        }
    }
    if (broken.length > 0) rejectPassword(broken);
  }

  /** The context words of a stored person: employee number, names and their readings. */
  async function contextOf(personId: string) {
    const p = await organisation.people.get(personId);
    if (!p) throw new AppError('organisation.person_not_found');
    return {
      id: p.id,
      employeeNumber: p.employee_number,
      names: [p.family_name, p.given_name, p.family_name_kana, p.given_name_kana],
    };
  }

  /**
   * Stores a new password (hash) for a person with a history row, inside the caller's transaction.
   * `mustChange`: a temporary password set by someone else, to be changed at the next sign-in.
   */
  async function store(
    tx: Executor,
    personId: string,
    passwordHash: string,
    opts: { mustChange: boolean; by: string | null },
  ): Promise<void> {
    const now = clock.now().toISOString();
    await identityRepo.setCredential(tx, personId, passwordHash, now);
    const [last] = await passwordRepo.history(tx, personId, 1);
    await passwordRepo.addHistory(tx, {
      id: newId(),
      person_id: personId,
      seq: (last?.seq ?? 0) + 1,
      password_hash: passwordHash,
      set_at: now,
      must_change: opts.mustChange ? 1 : 0,
      set_by: opts.by,
    });
  }

  /** Whether the person must change their password before anything else (temporary or too old). */
  async function changeRequired(personId: string, policy?: PasswordPolicyRow): Promise<boolean> {
    const [latest] = await passwordRepo.history(db, personId, 1);
    if (!latest) return false;
    // Called on every signed-in API request (the gate): a temporary password needs no policy read.
    if (latest.must_change === 1) return true;
    return isChangeRequired(latest, policy ?? (await current()));
  }

  function isChangeRequired(latest: { set_at: string; must_change: number }, policy: PasswordPolicyRow) {
    if (latest.must_change === 1) return true;
    if (policy.max_age_days === null) return false;
    return Date.parse(latest.set_at) + policy.max_age_days * 86_400_000 <= clock.now().getTime();
  }

  return {
    current,
    view,
    rulesFor,
    update,
    review,
    gaps,
    assertAcceptable,
    contextOf,
    store,
    changeRequired,
    isChangeRequired,
    hashPassword,
  };
}

export type PasswordPolicyService = ReturnType<typeof createPasswordPolicyService>;
