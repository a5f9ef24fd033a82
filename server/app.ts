import fs from 'node:fs';
import path from 'node:path';
import type { RouteOptions } from 'fastify';
import { fileURLToPath } from 'node:url';
import { createAuthz } from './platform/authz/index.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { migrate, openDatabase, type Database } from './platform/db/index.ts';
import { createServer } from './platform/http/create-server.ts';
import { createLedger } from './platform/ledger/index.ts';
import { createKeys, loadMasterKey, type Keys } from './platform/keys.ts';
import {
  createAccountAdminService,
  createIdentityService,
  createPasswordPolicyService,
  createSetupService,
  createSignInThrottle,
  identityPolicies,
  identityRoutes,
  metaOf,
  passwordChangeGate,
  passwordRoutes,
} from './modules/identity/index.ts';
import {
  createOrganisationModule,
  organisationPolicies,
  organisationRoutes,
} from './modules/organisation/index.ts';
import {
  createMfaService,
  createWebauthnService,
  mfaPolicies,
  mfaRoutes,
} from './modules/identity/mfa/index.ts';
import { createStaffImport, staffImportRoutes } from './modules/organisation/staff-import/index.ts';
import {
  createTerminalsModule,
  terminalCookieOf,
  terminalsPolicies,
  terminalsRoutes,
} from './modules/terminals/index.ts';
import { createSsoModule, ssoPolicies, ssoRoutes } from './modules/sso/index.ts';
import { createLogsModule, logsPolicies, logsRoutes } from './modules/logs/index.ts';
import { createLogAnalysis, logAnalysisPolicies, logAnalysisRoutes } from './modules/logs/analysis/index.ts';
import { createRegisterModule, registerPolicies, registerRoutes } from './modules/register/index.ts';
import { createVaultModule, vaultPolicies, vaultRoutes } from './modules/vault/index.ts';
import { approvalsPolicies, approvalsRoutes, createApprovalsModule } from './modules/approvals/index.ts';
import { createHandlingModule, handlingPolicies, handlingRoutes } from './modules/handling/index.ts';
import { createProvisionModule, provisionPolicies, provisionRoutes } from './modules/provision/index.ts';
import { createIncidentsModule, incidentsPolicies, incidentsRoutes } from './modules/incidents/index.ts';
import { createTrainingModule, trainingPolicies, trainingRoutes } from './modules/training/index.ts';
import { auditsPolicies, auditsRoutes, createAuditsModule } from './modules/audits/index.ts';
import { createOversightModule, oversightPolicies, oversightRoutes } from './modules/oversight/index.ts';
import { complianceRoutes, compliancePolicies, createComplianceModule } from './modules/compliance/index.ts';
import { createFacilitiesModule, facilitiesPolicies, facilitiesRoutes } from './modules/facilities/index.ts';
import { createRequestsModule, requestsPolicies, requestsRoutes } from './modules/requests/index.ts';
import { createOpenIncidentGaps } from './modules/incidents/open-gaps.ts';
import { createRegisterGaps } from './modules/register/gaps.ts';
import { createClauseGaps } from './modules/provision/contracts/clause-gaps.ts';
import { createEvidenceSources } from './evidence.ts';
import { createFileKekProvider, type KekProvider } from './platform/crypto/index.ts';
import { createScheduler } from './platform/jobs/index.ts';
import { createMailer } from './platform/mail/index.ts';
import { createWitnessRunner, witnessesFromConfig } from './platform/ledger/witnesses.ts';
import { systemCtx } from './platform/context.ts';
import { AppError } from './platform/errors.ts';
import { ROLE_RULES, type Role } from '../shared/roles.ts';

// WEB_ROOT lets a developer serve another build of the web app (e.g. one built into .tmp/).
const webRoot = process.env.WEB_ROOT
  ? path.resolve(process.env.WEB_ROOT)
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');

/** The services every entry point (HTTP, CLI, jobs) calls, wired once. */
export function createServices(opts: {
  config: Config;
  database?: Database;
  clock?: Clock;
  keys?: Keys;
  /** The vault's key-encryption keys (default: the key file VAULT_KEY_FILE, created on first start). */
  kek?: KekProvider;
  /** Told of every failure of the log's writer, sequencer or witnesses (main.ts logs it). */
  onLedgerError?: (error: unknown, where: string) => void;
}) {
  const { config } = opts;
  const keys = opts.keys ?? createKeys(loadMasterKey(config.secretKey, config.dataDir));
  const database = opts.database ?? openDatabase(config.databaseUrl);
  const clock = opts.clock ?? systemClock;
  // A22-2: checkpoints are signed with a key derived from the secret key, which is not in the database.
  const ledger = createLedger({
    clock,
    database,
    signingSeed: keys.derive('log-checkpoint-ed25519'),
    origin: config.logOrigin,
    onError: (error, where) => opts.onLedgerError?.(error, where),
  });
  const authz = createAuthz({
    policies: [
      ...organisationPolicies,
      ...identityPolicies,
      ...mfaPolicies,
      ...terminalsPolicies,
      ...ssoPolicies,
      ...logsPolicies,
      ...logAnalysisPolicies,
      ...registerPolicies,
      ...vaultPolicies,
      ...approvalsPolicies,
      ...handlingPolicies,
      ...provisionPolicies,
      ...incidentsPolicies,
      ...trainingPolicies,
      ...auditsPolicies,
      ...oversightPolicies,
      ...compliancePolicies,
      ...facilitiesPolicies,
      ...requestsPolicies,
    ],
    database,
    ledger,
  });
  const organisation = createOrganisationModule({ database, ledger, authz, clock });
  // A21-2: the password policy (its overdue review is a compliance gap) and the sign-in throttle.
  const passwords = createPasswordPolicyService({ database, ledger, authz, clock, organisation });
  organisation.gaps.addSource(passwords.gaps);
  // A22-1: weekly and on-demand analysis of the log; an unsigned report is a compliance gap.
  const logAnalysis = createLogAnalysis({ database, ledger, authz, clock, organisation });
  organisation.gaps.addSource(logAnalysis.gaps);
  const scheduler = createScheduler({
    database,
    clock,
    onError: (job, error) => opts.onLedgerError?.(error, `job ${job}`),
  });
  scheduler.add(logAnalysis.job);
  const throttle = createSignInThrottle({
    database,
    keys,
    clock,
    lockoutFailures: config.lockoutFailures,
    lockoutMinutes: config.lockoutMinutes,
    slowdownMaxSeconds: config.loginSlowdownMaxSeconds,
  });
  const identity = createIdentityService({
    database,
    ledger,
    authz,
    clock,
    organisation,
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionMaxHours: config.sessionMaxHours,
    lockoutFailures: config.lockoutFailures,
    lockoutMinutes: config.lockoutMinutes,
    passwords,
    throttle,
  });
  const setup = createSetupService({ organisation, identity, passwords });
  const accounts = createAccountAdminService({
    database,
    ledger,
    authz,
    clock,
    organisation,
    passwords,
    throttle,
    sessionIdleMinutes: config.sessionIdleMinutes,
  });
  const mfa = createMfaService({
    database,
    ledger,
    authz,
    clock,
    keys,
    organisation,
    identity,
    lockoutFailures: config.lockoutFailures,
    lockoutMinutes: config.lockoutMinutes,
  });
  identity.useSecondFactor(mfa.gate);
  const webauthn = createWebauthnService({ database, ledger, clock, organisation, mfa });
  const staffImport = createStaffImport({ database, ledger, authz, clock, organisation });
  const terminals = createTerminalsModule({ database, ledger, authz, clock, keys });
  const sso = createSsoModule({ database, ledger, authz, clock, keys, identity });
  // A22-2: every checkpoint also goes to witnesses outside the database (a directory, mail to the
  // 監査責任者), so that a rewritten database cannot rewrite history unnoticed.
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  if (config.logWitnessDir && config.logWitnessDirIsDemo)
    fs.mkdirSync(config.logWitnessDir, { recursive: true });
  const witnesses = createWitnessRunner({
    database,
    clock,
    witnesses: witnessesFromConfig(config, {
      mailer,
      verifierKey: ledger.verifierKey,
      recipients: async () => {
        const officers = await organisation.appointments.list(systemCtx('log-witness'), {
          role: 'audit_officer',
          status: 'current',
        });
        const people = await Promise.all(officers.map((a) => organisation.people.get(a.personId)));
        return people.flatMap((p) => (p?.email ? [p.email] : []));
      },
    }),
  });
  ledger.onCheckpoint((cp) => witnesses.onCheckpoint(cp.note, cp));
  const logs = createLogsModule({
    database,
    ledger,
    authz,
    clock,
    names: () => organisation.units.names(),
    witnessStatus: (size) => witnesses.status(database.db, size),
  });
  // A20: the register of personal information files.
  const register = createRegisterModule({
    database,
    ledger,
    authz,
    clock,
    section: (id) => organisation.sections.facts(id),
    names: () => organisation.units.names(),
    structure: () => organisation.units.structure(),
  });
  // Issue 6: the vault of held personal information (A11, A25, A26).
  const vaultKek = opts.kek ?? createFileKekProvider(config.vaultKeyFile);
  const vault = createVaultModule({
    database,
    ledger,
    authz,
    clock,
    kek: vaultKek,
    indexMaster: keys.derive('vault-blind-index'),
    registerFile: (fileId) => register.files.vaultFacts(fileId),
    requireTerminal: (ctx, required) => terminals.requireTerminal(ctx, required),
    terminalFits: (ctx, required) => terminals.terminalFits(ctx, required),
    person: async (id) => {
      const p = await organisation.people.get(id);
      return p ? { name: `${p.family_name} ${p.given_name}`, active: p.active === 1 } : null;
    },
    names: () => organisation.units.names(),
    // Bound late: handling (below) is built on the vault.
    exportNeedsApproval: async (fileId) => (await handling.rules.requirement(fileId, 'export')) !== 'none',
    fileDisposed: (fileId) => handling.disposal.fileDisposed(fileId),
    // Bound late: training (issue 10, below) may require a completed course before a grant (A10).
    trainingHold: (personId) => training.hold(personId, 'vault_grant'),
  });
  organisation.gaps.addSource(vault.grants.gaps);
  const personFacts = async (id: string) => {
    const p = await organisation.people.get(id);
    return p ? { name: `${p.family_name} ${p.given_name}`, email: p.email, active: p.active === 1 } : null;
  };
  // Issue 7: one approval engine (ADR 0008), routed by appointment (A5, A6, A12).
  const approvals = createApprovalsModule({
    database,
    ledger,
    authz,
    clock,
    mailer,
    publicOrigin: config.publicOrigin ?? `http://localhost:${config.port}`,
    appointed: async (level, unitId, sectionId) => {
      const held = await organisation.appointments.list(systemCtx('approvals'), {
        role: level,
        status: 'current',
      });
      return held
        .filter((a) => (level === 'protection_manager' ? a.sectionId === sectionId : a.unitId === unitId))
        .map((a) => a.personId);
    },
    person: personFacts,
    names: () => organisation.units.names(),
    fileName: async (fileId) => (await register.files.vaultFacts(fileId))?.name ?? null,
  });
  for (const job of approvals.jobs) scheduler.add(job);
  // Issue 7: copying, sending, media, correction, disposal, use outside the purpose, the usage ledger.
  const handling = createHandlingModule({
    database,
    ledger,
    authz,
    clock,
    kek: vaultKek,
    approvals: approvals.approvals,
    notifications: approvals.notifications,
    vault,
    fileFacts: (fileId) => register.files.vaultFacts(fileId),
    person: personFacts,
    names: () => organisation.units.names(),
    exportsDir: path.join(config.dataDir, 'exports'),
    // Bound late: provision (issue 9, below) decides whether a copy may go to an outside party (A18).
    provisionFor: (fileId, partyId, day) => provision.provisions.activeFor(fileId, partyId, day),
    provisionsOfFile: (fileId) => provision.provisions.byFile(fileId),
    recordProvision: (tx, ctx, provisionId, act) =>
      provision.provisions.recordActWithin(tx, ctx, provisionId, act),
    partyName: async (partyId) => (await provision.parties.facts(partyId))?.name ?? null,
  });
  for (const job of handling.jobs) scheduler.add(job);
  // A14, A16: media overdue for return and usage ledgers left unsigned are compliance gaps.
  organisation.gaps.addSource(handling.movements.gaps);
  organisation.gaps.addSource(handling.usage.gaps);
  // Issue 8: incidents (A34–A35, 法68), told in the approval engine's inbox and mail.
  const incidents = createIncidentsModule({
    database,
    ledger,
    authz,
    clock,
    notifications: approvals.notifications,
    appointed: async (role, unitId, sectionId) => {
      const held = await organisation.appointments.list(systemCtx('incidents'), { role, status: 'current' });
      return held
        .filter((a) =>
          role === 'protection_manager'
            ? a.sectionId === sectionId
            : role === 'chief_protection_manager'
              ? a.unitId === unitId
              : true,
        )
        .map((a) => a.personId);
    },
    person: personFacts,
    sectionPeople: async (sectionId) =>
      (await organisation.people.search(systemCtx('incidents'), { sectionId, limit: 200 })).items
        .filter((p) => p.active)
        .map((p) => ({ id: p.id, name: `${p.familyName} ${p.givenName}` })),
    names: () => organisation.units.names(),
    structure: () => organisation.units.structure(),
    registerFiles: async (unitId) =>
      (await register.files.list(systemCtx('incidents'), { unitId })).files.map((f) => ({
        id: f.id,
        name: f.name,
        unitId: f.unitId,
        sectionId: f.sectionId,
        registered: f.state === 'registered',
      })),
    fileFacts: (fileId) => register.files.vaultFacts(fileId),
    hasGrant: async (personId, fileId) => (await vault.grants.inForce(personId, fileId)) !== null,
    recordFile: (recordId) => vault.fileOfRecord(recordId),
    approvalByNumber: (number) => approvals.approvals.rowByNumber(number),
  });
  for (const job of incidents.jobs) scheduler.add(job);
  // An incident past a due date (A34, 法68①) is a compliance gap.
  organisation.gaps.addSource(incidents.gaps);
  // Issue 9: outside parties, provision under agreement (A18), outsourcing (A19).
  const provision = createProvisionModule({
    database,
    ledger,
    authz,
    clock,
    approvals: approvals.approvals,
    notifications: approvals.notifications,
    vault,
    fileFacts: (fileId) => register.files.vaultFacts(fileId),
    person: personFacts,
    names: () => organisation.units.names(),
    appointed: async (role, unitId, sectionId) => {
      const held = await organisation.appointments.list(systemCtx('provision'), { role, status: 'current' });
      return held
        .filter((a) => (a.sectionId ? a.sectionId === sectionId : a.unitId ? a.unitId === unitId : true))
        .map((a) => a.personId);
    },
    sectionUnit: async (sectionId) => (await organisation.sections.facts(sectionId))?.unitId ?? null,
    documentsDir: path.join(config.dataDir, 'provision'),
  });
  for (const job of provision.jobs) scheduler.add(job);
  organisation.gaps.addSource(provision.gaps);
  // Issue 10: oversight — training (A10), audits (A36), inspections, evaluation, the committee and
  // the rest (A9, A37–A41), and the compliance overview over every module's gaps.
  const oversightBase = {
    database,
    ledger,
    authz,
    clock,
    notifications: approvals.notifications,
    person: personFacts,
    names: () => organisation.units.names(),
    structure: () => organisation.units.structure(),
    roster: () => organisation.roster(),
    appointed: async (role: Role, unitId: string | null, sectionId: string | null) => {
      const held = await organisation.appointments.list(systemCtx('oversight'), { role, status: 'current' });
      const scope = ROLE_RULES[role].scope;
      return held
        .filter((a) =>
          scope === 'section' ? a.sectionId === sectionId : scope === 'unit' ? a.unitId === unitId : true,
        )
        .map((a) => a.personId);
    },
  };
  const training = createTrainingModule({
    ...oversightBase,
    documentsDir: path.join(config.dataDir, 'training'),
    grants: {
      holders: () => vault.grants.holders(),
      suspendFor: (personId, courseTitle) => vault.grants.suspendFor(personId, courseTitle),
      resumeFor: (personId) => vault.grants.resumeFor(personId),
      sectionsOf: (personId) => vault.grants.sectionsOf(personId),
    },
  });
  for (const job of training.jobs) scheduler.add(job);
  organisation.gaps.addSource(training.gaps);
  organisation.appointments.useTrainingGate(async (personId, role) => {
    if (role !== 'mynumber_handler') return;
    const hold = await training.hold(personId, 'mynumber_handler');
    if (hold)
      throw new AppError('training.required', { details: [{ path: 'personId', code: hold.courseId }] });
  });
  const audits = createAuditsModule({
    ...oversightBase,
    documentsDir: path.join(config.dataDir, 'audits'),
    // Bound late: the sources read modules built below (oversight).
    evidence: (kind, scope) => evidence(kind, scope),
  });
  const oversight = createOversightModule({
    ...oversightBase,
    documentsDir: path.join(config.dataDir, 'oversight'),
    audits: (from, to) => audits.summaries(from, to),
    fileFacts: (fileId) => register.files.vaultFacts(fileId),
  });
  const evidence = createEvidenceSources({
    logAnalysis,
    vault,
    incidents,
    register,
    provision,
    training,
    oversight,
    database,
  });
  for (const job of [...audits.jobs, ...oversight.jobs]) scheduler.add(job);
  organisation.gaps.addSource(audits.gaps);
  organisation.gaps.addSource(oversight.gaps);
  // Issue 10: gaps the overview adds to earlier modules' own (A34 open incidents, A20-3, A19-1).
  organisation.gaps.addSource(
    createOpenIncidentGaps({ database, clock, names: () => organisation.units.names() }),
  );
  organisation.gaps.addSource(
    createRegisterGaps({ database, clock, names: () => organisation.units.names() }),
  );
  organisation.gaps.addSource(createClauseGaps({ database, clock, names: () => organisation.units.names() }));
  // Issue 11: facilities and continuity — devices and media (A14, A30), systems (A23, A24, A28),
  // server rooms (A32, A33) and backups (A27).
  const facilities = createFacilitiesModule({
    ...oversightBase,
    config,
    keys,
    documentsDir: path.join(config.dataDir, 'facilities'),
    approvals: approvals.approvals,
    fileFacts: (fileId) => register.files.vaultFacts(fileId),
    unitFiles: async (unitId) =>
      (await register.files.list(systemCtx('facilities'), { unitId })).files.map((f) => ({
        id: f.id,
        name: f.name,
        sectionId: f.sectionId,
      })),
    openIncident: async (ctx, input) => {
      const v = await incidents.incidents.report(ctx, input);
      return { id: v.id, number: v.number };
    },
    handlingMedia: async (ctx) => (await handling.movements.media.list(ctx, {})).media,
  });
  for (const job of facilities.jobs) scheduler.add(job);
  organisation.gaps.addSource(facilities.gaps);
  // Issue 12: individuals' requests — disclosure, correction, suspension of use (law-2022.md 法76–107).
  const requests = createRequestsModule({
    ...oversightBase,
    config: config.requests,
    keys,
    approvals: approvals.approvals,
    registerFiles: async () => {
      const [{ files }, published] = await Promise.all([
        register.files.list(systemCtx('requests')),
        register.public.entries(),
      ]);
      const offices = new Map(published.map((e) => [e.id, e.requestOffice]));
      // A draft is not yet in the register: nobody can name it in a request.
      return files
        .filter((f) => f.state !== 'draft')
        .map((f) => ({
          id: f.id,
          name: f.name,
          unitId: f.unitId,
          sectionId: f.sectionId,
          requestOffice: offices.get(f.id) ?? '',
          published: f.published,
        }));
    },
    fileFacts: (fileId) => register.files.vaultFacts(fileId),
    vaultSubjects: vault.subjects,
    vaultSuspensions: vault.suspensions,
    corrections: handling.corrections,
    provisionsOfFile: (fileId) => provision.provisions.byFile(fileId),
  });
  for (const job of requests.jobs) scheduler.add(job);
  organisation.gaps.addSource(requests.gaps);
  const compliance = createComplianceModule({
    ...oversightBase,
    allGaps: () => organisation.gaps.allGaps(),
  });
  for (const job of compliance.jobs) scheduler.add(job);
  // A22-1: every night, details past the retention period are pruned (leaf hashes stay).
  scheduler.add({
    name: 'log-retention',
    pattern: '30 3 * * *',
    run: async () => void (await logs.status.prune(systemCtx('log-retention'))),
  });
  return {
    config,
    database,
    clock,
    keys,
    ledger,
    authz,
    organisation,
    identity,
    setup,
    staffImport,
    mfa,
    webauthn,
    passwords,
    throttle,
    accounts,
    terminals,
    sso,
    mailer,
    logs,
    logAnalysis,
    register,
    vault,
    approvals,
    handling,
    incidents,
    provision,
    training,
    audits,
    oversight,
    compliance,
    facilities,
    requests,
    scheduler,
  };
}
export type Services = ReturnType<typeof createServices>;

/**
 * The HTTP application over the services. `ready` gates every route but /healthz until start-up is done.
 * `onRoute` is told of every route as it is added (the authorisation matrix test enumerates them).
 */
export async function createHttpApp(
  services: Services,
  readiness: { ready: boolean },
  opts: { onRoute?: (route: RouteOptions) => void } = {},
) {
  const { config, identity } = services;
  const http = await createServer({
    logLevel: config.logLevel,
    rateLimitPerMinute: config.rateLimitPerMinute,
    trustProxy: config.trustProxy,
    cookieSecure: config.cookieSecure,
    resolveSession: (token, req) => identity.resolveSession(token, metaOf(req)),
    webRoot,
    isReady: () => readiness.ready,
    onRoute: opts.onRoute,
    resolveTerminal: (req) =>
      services.terminals.terminals.resolve(terminalCookieOf(req, config.cookieSecure), req.ip),
  });
  passwordChangeGate(http, services.passwords);
  identityRoutes(http, { identity, setup: services.setup, cookieSecure: config.cookieSecure });
  mfaRoutes(http, {
    mfa: services.mfa,
    webauthn: services.webauthn,
    identity,
    cookieSecure: config.cookieSecure,
    publicOrigin: config.publicOrigin,
  });
  organisationRoutes(http, services.organisation);
  staffImportRoutes(http, services.staffImport);
  terminalsRoutes(http, { ...services.terminals, cookieSecure: config.cookieSecure });
  passwordRoutes(http, { passwords: services.passwords, accounts: services.accounts });
  ssoRoutes(http, { ...services.sso, cookieSecure: config.cookieSecure });
  logsRoutes(http, services.logs);
  logAnalysisRoutes(http, services.logAnalysis);
  registerRoutes(http, services.register);
  vaultRoutes(http, services.vault);
  approvalsRoutes(http, services.approvals);
  handlingRoutes(http, services.handling);
  provisionRoutes(http, services.provision);
  incidentsRoutes(http, services.incidents);
  trainingRoutes(http, services.training);
  auditsRoutes(http, services.audits);
  oversightRoutes(http, services.oversight);
  complianceRoutes(http, services.compliance);
  facilitiesRoutes(http, services.facilities);
  requestsRoutes(http, services.requests);
  return http;
}

/** Applies migrations; on an empty database loads the demo organisation or prepares first-run setup. */
export async function prepareDatabase(
  services: Services,
): Promise<{ applied: string[]; setupToken: string | null; demoLoaded: boolean }> {
  const applied = await migrate(services.database);
  const empty = (await services.database.db.selectFrom('units').select('id').limit(1).execute()).length === 0;
  if (empty && services.config.demo) {
    const { loadDemo } = await import('./modules/organisation/demo/load-demo.ts');
    await loadDemo(services);
    return { applied, setupToken: null, demoLoaded: true };
  }
  const setupToken = (await services.setup.needed()) ? await services.identity.issueSetupToken() : null;
  return { applied, setupToken, demoLoaded: false };
}
