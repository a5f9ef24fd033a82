import type { Services } from '../../../app.ts';
import { AppError } from '../../../platform/errors.ts';
import { demoRepo } from '../../organisation/demo/demo.repo.ts';
import { stepOf, totpCode, TOTP_PERIOD } from './totp.ts';

/**
 * The one published TOTP seed of every demo sign-in (fictional, like the demo password): add it to an
 * authenticator app, or print the current code with `npx mamori demo totp <職員番号>`.
 * Never use it outside a demo.
 */
export const DEMO_TOTP_SECRET = 'MAMORI2DEMO2TOTP2KOSEN2FICTIONAL';

/** Enrols the demo seed for the demo sign-ins (called by loadDemo). */
export async function enrolDemoTotp(services: Services, personIds: string[]): Promise<void> {
  for (const id of personIds) await services.mfa.enrolTotpDirectly(id, DEMO_TOTP_SECRET);
}

/** The current code of a demo account; refused unless the demo organisation is loaded. */
export async function demoTotpCode(
  services: Services,
  employeeNumber: string,
): Promise<{ code: string; secondsLeft: number }> {
  if (!(await demoRepo.isLoaded(services.database.db))) throw new AppError('request.not_found');
  const person = await services.organisation.people.byEmployeeNumber(employeeNumber);
  const secret = person ? await services.mfa.totpSecretOf(person.id) : null;
  if (!person || secret !== DEMO_TOTP_SECRET) throw new AppError('request.not_found');
  const now = services.clock.now();
  const step = stepOf(now);
  const secondsLeft = TOTP_PERIOD - (Math.floor(now.getTime() / 1000) % TOTP_PERIOD);
  return { code: totpCode(secret, step), secondsLeft };
}
