/**
 * The organisation fixture over HTTP for the terminal tests: signed-in clients of its people whose
 * requests come from an address the test chooses (`client.at.ip`), as a browser on a given network.
 */
import { onTestFinished } from 'vitest';
import { createHttpApp, type Services } from '../../../server/app.ts';
import type { AreaInput, AreaView, TerminalView } from '../../../shared/api/terminals.ts';
import type { DatabaseKind } from '../../support/databases.ts';
import { buildOrg, type Org, type PersonKey } from '../../support/org-fixture.ts';
import { testServices } from '../../support/test-services.ts';
import { HttpClient, type HttpApp } from './http-client.ts';

export type AddressedClient = HttpClient & { at: { ip: string } };

export interface TerminalsHarness {
  services: Services;
  app: HttpApp;
  org: Org;
  /** A new signed-in browser of a person, requesting from 127.0.0.1 until `at.ip` changes. */
  browserOf(person: PersonKey): Promise<AddressedClient>;
  /** Creates an area as its manager and answers it. */
  area(manager: AddressedClient, input: AreaInput): Promise<AreaView>;
  /** Asks to register the client's browser in an area; answers the request. */
  request(client: AddressedClient, areaId: string, label?: string): Promise<TerminalView>;
}

export async function terminalsHarness(kind: DatabaseKind): Promise<TerminalsHarness> {
  const services = await testServices(kind);
  const org = await buildOrg(services);
  const app = await createHttpApp(services, { ready: true });
  onTestFinished(() => app.close());
  return {
    services,
    app,
    org,
    async browserOf(person) {
      const at = { ip: '127.0.0.1' };
      const addressed = {
        inject: (opts: Record<string, unknown>) => app.inject({ ...opts, remoteAddress: at.ip }),
      } as unknown as HttpApp;
      const client = new HttpClient(addressed) as AddressedClient;
      client.at = at;
      const token = await services.identity.startSession(org.people[person], {
        ip: null,
        userAgent: null,
        requestId: null,
      });
      client.cookies.set('mamori_session', token);
      return client;
    },
    async area(manager, input) {
      const res = await manager.post('/api/terminals/areas', input);
      if (res.statusCode !== 201) throw new Error(`area answered ${res.statusCode}: ${res.body}`);
      return res.json<AreaView>();
    },
    async request(client, areaId, label = '事務室 PC-1') {
      const res = await client.post('/api/terminals/requests', {
        areaId,
        label,
        reason: '窓口業務で使用するため',
      });
      if (res.statusCode !== 201) throw new Error(`request answered ${res.statusCode}: ${res.body}`);
      return res.json<TerminalView>();
    },
  };
}
