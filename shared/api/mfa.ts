import { z } from 'zod';
import { ROLES } from '../roles.ts';
import { sessionView } from './identity.ts';

/** Shapes of the second factor at sign-in (A21): TOTP, recovery codes, security keys. */
export const SECOND_FACTOR_METHODS = ['totp', 'webauthn', 'recovery'] as const;
export type SecondFactorMethod = (typeof SECOND_FACTOR_METHODS)[number];

/** POST /api/auth/login when a second factor is still to give: the challenge cookie is set. */
export const secondFactorAnswer = z.object({
  secondFactor: z.object({
    methods: z.array(z.enum(SECOND_FACTOR_METHODS)),
    /** Nothing is enrolled yet and the person's role requires a second factor: enrol first. */
    enrolmentRequired: z.boolean(),
  }),
});
export type SecondFactorAnswer = z.infer<typeof secondFactorAnswer>;

/** The login answer: the session, or the second step. */
export const loginAnswer = z.union([sessionView, secondFactorAnswer]);
export type LoginAnswer = z.infer<typeof loginAnswer>;
export const isSecondFactor = (a: LoginAnswer): a is SecondFactorAnswer => 'secondFactor' in a;

export const codeInput = z.object({ code: z.string().trim().min(1).max(40) });

export const totpSetupView = z.object({
  /** The base32 seed, to type into an authenticator app that cannot scan. */
  secret: z.string(),
  uri: z.string(),
  /** The otpauth URI as a QR code, a data: URL of a PNG. */
  qrDataUrl: z.string(),
});
export type TotpSetupView = z.infer<typeof totpSetupView>;

export const recoveryCodesView = z.object({ codes: z.array(z.string()) });

/** Enrolment during sign-in: the session, and the recovery codes shown once. */
export const enrolledSignInView = z.object({ session: sessionView, recoveryCodes: z.array(z.string()) });

export const securityKeyView = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});

export const factorsView = z.object({
  /** A second factor is mandatory for this person (their role, or a vault grant). */
  mandatory: z.boolean(),
  totp: z.object({ createdAt: z.string(), lastUsedAt: z.string().nullable() }).nullable(),
  securityKeys: z.array(securityKeyView),
  recoveryCodesRemaining: z.number().int(),
});
export type FactorsView = z.infer<typeof factorsView>;

export const mfaSettingsView = z.object({ mandatoryRoles: z.array(z.enum(ROLES)) });
export type MfaSettingsView = z.infer<typeof mfaSettingsView>;

export const securityKeyNameInput = z.object({ name: z.string().trim().min(1).max(60) });
/** A WebAuthn response from @simplewebauthn/browser, passed through to the server library. */
export const webauthnResponseInput = z.object({ response: z.record(z.string(), z.unknown()) });
export const webauthnRegisterInput = webauthnResponseInput.extend({ name: z.string().trim().min(1).max(60) });
/** Options for @simplewebauthn/browser (shape checked by that library). */
export const webauthnOptionsView = z.object({ options: z.looseObject({ challenge: z.string() }) });
