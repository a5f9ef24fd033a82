import { z } from 'zod';
import {
  appointInput,
  appointmentView,
  createSectionInput,
  endAppointmentInput,
  gapReportView,
  personDetailView,
  personInput,
  personView,
  sectionDetailView,
  sectionView,
  unitDetailView,
  unitView,
  updatePersonInput,
  updateSectionInput,
} from '../../../shared/api/organisation.ts';
import { ROLES } from '../../../shared/roles.ts';
import { requireCtx } from '../../platform/http/require-ctx.ts';
import type { App } from '../../platform/http/types.ts';
import type { OrganisationServices } from './index.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['organisation'];

/** HTTP routes of the organisation module: parse, one service call, present. */
export function organisationRoutes(app: App, s: OrganisationServices) {
  app.get('/api/units', { schema: { tags, response: { 200: z.array(unitView) } } }, (req) =>
    s.units.list(requireCtx(req)),
  );
  app.get(
    '/api/units/:id',
    { schema: { tags, params: idParams, response: { 200: unitDetailView } } },
    (req) => s.units.detail(requireCtx(req), req.params.id),
  );

  app.post(
    '/api/sections',
    { schema: { tags, body: createSectionInput, response: { 201: sectionView } } },
    async (req, reply) => reply.status(201).send(await s.sections.create(requireCtx(req), req.body)),
  );
  app.get(
    '/api/sections/:id',
    { schema: { tags, params: idParams, response: { 200: sectionDetailView } } },
    (req) => s.sections.detail(requireCtx(req), req.params.id),
  );
  app.patch(
    '/api/sections/:id',
    { schema: { tags, params: idParams, body: updateSectionInput, response: { 200: sectionView } } },
    (req) => s.sections.update(requireCtx(req), req.params.id, req.body),
  );

  const searchBody = z.object({
    q: z.string().max(100).optional(),
    unitId: z.uuid().optional(),
    sectionId: z.uuid().optional(),
    limit: z.number().int().min(1).max(200).optional(),
    offset: z.number().int().min(0).optional(),
  });
  app.post(
    '/api/people/search',
    {
      schema: {
        tags,
        body: searchBody,
        response: { 200: z.object({ items: z.array(personView), total: z.number().int() }) },
      },
    },
    (req) => s.people.search(requireCtx(req), req.body),
  );
  app.post(
    '/api/people',
    { schema: { tags, body: personInput, response: { 201: personView } } },
    async (req, reply) => reply.status(201).send(await s.people.create(requireCtx(req), req.body)),
  );
  app.get(
    '/api/people/:id',
    { schema: { tags, params: idParams, response: { 200: personDetailView } } },
    (req) => s.people.detail(requireCtx(req), req.params.id),
  );
  app.patch(
    '/api/people/:id',
    { schema: { tags, params: idParams, body: updatePersonInput, response: { 200: personView } } },
    (req) => s.people.update(requireCtx(req), req.params.id, req.body),
  );

  const appointmentQuery = z.object({
    role: z.enum(ROLES).optional(),
    unitId: z.uuid().optional(),
    sectionId: z.uuid().optional(),
    personId: z.uuid().optional(),
    status: z.enum(['current', 'future', 'expired', 'terminated']).optional(),
  });
  app.get(
    '/api/appointments',
    { schema: { tags, querystring: appointmentQuery, response: { 200: z.array(appointmentView) } } },
    (req) => s.appointments.list(requireCtx(req), req.query),
  );
  app.post(
    '/api/appointments',
    { schema: { tags, body: appointInput, response: { 201: appointmentView } } },
    async (req, reply) => reply.status(201).send(await s.appointments.appoint(requireCtx(req), req.body)),
  );
  app.post(
    '/api/appointments/:id/end',
    { schema: { tags, params: idParams, body: endAppointmentInput, response: { 200: appointmentView } } },
    (req) => s.appointments.end(requireCtx(req), req.params.id, req.body),
  );

  app.get(
    '/api/organisation/gaps',
    {
      schema: {
        tags,
        querystring: z.object({ unitId: z.uuid().optional() }),
        response: { 200: gapReportView },
      },
    },
    (req) => s.gaps.report(requireCtx(req), req.query),
  );
}
