import { z } from 'zod';

/** Shapes of the single sign-on API (issue 3, A21), shared by the server and the web forms. */

export const SSO_KINDS = ['oidc', 'saml'] as const;
export type SsoKind = (typeof SSO_KINDS)[number];
/** Which attribute of the IdP identifies an existing person: mail, or eduPersonPrincipalName. */
export const SSO_MATCH_BY = ['email', 'eppn'] as const;
export type SsoMatchBy = (typeof SSO_MATCH_BY)[number];

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));
const optionalUrl = optional(500).refine((v) => v === null || /^https?:\/\/[^\s]+$/.test(v), 'url');
const pem = z
  .string()
  .trim()
  .max(20_000)
  .optional()
  .nullable()
  .transform((v) => (v ? v : null))
  .refine(
    (v) => v === null || /^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/.test(v),
    'pem',
  );

/** What an administrator sees of a provider: the client secret only as "set" or not. */
export const ssoProviderView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  kind: z.enum(SSO_KINDS),
  displayName: z.string(),
  enabled: z.boolean(),
  matchBy: z.enum(SSO_MATCH_BY),
  issuerUrl: z.string().nullable(),
  clientId: z.string().nullable(),
  clientSecretSet: z.boolean(),
  idpSsoUrl: z.string().nullable(),
  idpCert: z.string().nullable(),
  idpEntityId: z.string().nullable(),
  spEntityId: z.string().nullable(),
  updatedAt: z.string(),
});
export type SsoProviderView = z.infer<typeof ssoProviderView>;

const fields = {
  displayName: z.string().trim().min(1).max(100),
  enabled: z.boolean(),
  matchBy: z.enum(SSO_MATCH_BY),
  issuerUrl: optionalUrl,
  clientId: optional(300),
  /** Omitted or empty on edit: the stored secret is kept. */
  clientSecret: optional(1000),
  idpSsoUrl: optionalUrl,
  idpCert: pem,
  idpEntityId: optional(500),
  spEntityId: optional(500),
};

export const ssoProviderCreate = z.object({ unitId: z.uuid(), kind: z.enum(SSO_KINDS), ...fields });
export type SsoProviderCreate = z.input<typeof ssoProviderCreate>;
export const ssoProviderUpdate = z.object(fields);
export type SsoProviderUpdate = z.input<typeof ssoProviderUpdate>;

/** What the login page lists: enabled providers only, nothing secret. */
export const ssoPublicProvider = z.object({
  id: z.uuid(),
  unitName: z.string(),
  displayName: z.string(),
  kind: z.enum(SSO_KINDS),
});
export type SsoPublicProvider = z.infer<typeof ssoPublicProvider>;
