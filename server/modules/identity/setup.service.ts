import type { SetupInput } from '../../../shared/api/identity.ts';
import { AppError } from '../../platform/errors.ts';
import { systemCtx, type Ctx } from '../../platform/context.ts';
import type { OrganisationServices } from '../organisation/index.ts';
import type { IdentityService } from './identity.service.ts';
import type { PasswordPolicyService } from './password-policy.service.ts';

/**
 * First run without the demo (MAMORI_DEMO=0): the first システム管理者 is created in the browser with a
 * one-time token printed on the console, or by `mamori admin create`.
 */
export function createSetupService(deps: {
  organisation: OrganisationServices;
  identity: IdentityService;
  passwords: PasswordPolicyService;
}) {
  const { organisation, identity } = deps;

  /** Whether no active administrator exists (yet, or any more: the last one has left). */
  async function needed(): Promise<boolean> {
    const admins = await organisation.appointments.list(systemCtx('setup'), {
      role: 'system_administrator',
      status: 'current',
    });
    for (const a of admins) if ((await organisation.people.get(a.personId))?.active === 1) return false;
    return true;
  }

  /**
   * Creates a person with a password and the system_administrator appointment at the headquarters
   * (created when the organisation is still empty). Used by setup (with the token) and the CLI.
   */
  async function createAdministrator(
    ctx: Ctx,
    input: Omit<SetupInput, 'token'> & { unitCode?: string | undefined },
  ): Promise<string> {
    // A21-2: the stored policy applies to the first administrator's password too.
    await deps.passwords.assertAcceptable(input.password, {
      employeeNumber: input.employeeNumber,
      names: [input.familyName, input.givenName, input.familyNameKana, input.givenNameKana],
    });
    const unit = await organisation.units.ensureHeadquarters(ctx, input.unitCode);
    const person = await organisation.people.create(ctx, {
      employeeNumber: input.employeeNumber,
      familyName: input.familyName,
      givenName: input.givenName,
      familyNameKana: input.familyNameKana,
      givenNameKana: input.givenNameKana,
      email: input.email,
      kind: 'staff',
      title: 'システム管理者',
      unitId: unit.id,
    });
    await organisation.appointments.appoint(ctx, {
      role: 'system_administrator',
      personId: person.id,
      basis: ctx.actor.label.startsWith('cli') ? 'mamori admin create による登録' : '初期設定による登録',
    });
    await identity.setPassword(person.id, input.employeeNumber, input.password);
    return person.id;
  }

  async function createFirstAdministrator(input: SetupInput): Promise<string> {
    if (!(await needed())) throw new AppError('setup.already_done');
    if (!(await identity.checkSetupToken(input.token))) throw new AppError('setup.invalid_token');
    const personId = await createAdministrator(systemCtx('setup'), input);
    await identity.consumeSetupToken();
    return personId;
  }

  return { needed, createAdministrator, createFirstAdministrator };
}

export type SetupService = ReturnType<typeof createSetupService>;
