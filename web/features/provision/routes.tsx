import type { RouteObject } from 'react-router';
import { ContractNewPage } from './contract-form-page.tsx';
import { ContractPage } from './contract-page.tsx';
import { ContractsPage } from './contracts-page.tsx';
import { FileViewPage } from './file-view-page.tsx';
import { ProvisionHubPage } from './hub-page.tsx';
import { PartiesPage } from './parties-page.tsx';
import { PartyEditPage, PartyNewPage } from './party-form-page.tsx';
import { PartyPage } from './party-page.tsx';
import { ProvisionNewPage } from './provision-form-page.tsx';
import { ProvisionPage } from './provision-page.tsx';
import { ProvisionsPage } from './provisions-page.tsx';

/** Pages of issue 9: third parties (spread into the signed-in routes of web/app/router.tsx). */
export const PROVISION_ROUTES: RouteObject[] = [
  { path: '/provision', element: <ProvisionHubPage /> },
  // A18, A19: the register of outside parties and the capability checks of contractors (A19-1).
  { path: '/provision/parties', element: <PartiesPage /> },
  { path: '/provision/parties/new', element: <PartyNewPage /> },
  { path: '/provision/parties/:id', element: <PartyPage /> },
  { path: '/provision/parties/:id/edit', element: <PartyEditPage /> },
  // A19: outsourcing contracts, their six clauses, subcontracts, inspections and end.
  { path: '/provision/contracts', element: <ContractsPage /> },
  { path: '/provision/contracts/new', element: <ContractNewPage /> },
  { path: '/provision/contracts/:id', element: <ContractPage /> },
  // A17-2, A18: provisions to third parties.
  { path: '/provision/provisions', element: <ProvisionsPage /> },
  { path: '/provision/provisions/new', element: <ProvisionNewPage /> },
  { path: '/provision/provisions/:id', element: <ProvisionPage /> },
  // Who receives or processes a file.
  { path: '/provision/files/:fileId', element: <FileViewPage /> },
];
