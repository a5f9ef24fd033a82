import { expect } from 'vitest';
import { problemOf, type ProblemBody, type Response } from './http-client.ts';

/** Asserts a problem+json answer with a status, a stable code, both messages and the request id. */
export function expectProblem(res: Response, status: number, code: string): ProblemBody {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = problemOf(res);
  expect(body.code).toBe(code);
  expect(body.status).toBe(status);
  expect(body.message.ja).toBeTruthy();
  expect(body.message.en).toBeTruthy();
  expect(body.requestId).toBe(res.headers['x-request-id']);
  return body;
}

/** The session cookie an answer sets, if any. */
export const sessionCookie = (res: Response) => res.cookies.find((c) => c.name === 'mamori_session');
