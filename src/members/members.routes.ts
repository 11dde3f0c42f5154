import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { principalOf } from '../adapters/http/auth.js';
import { DateString, errorResponses, Nullable } from '../adapters/http/schemas.js';
import { findPatients, getMember } from './find-patient.js';

const Patient = Type.Object({
  memberId: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  dateOfBirth: Type.String(),
  zip: Nullable(Type.String()),
  language: Type.String(),
  eligible: Type.Boolean(),
  effectiveDate: Type.String(),
  terminationDate: Nullable(Type.String()),
  plan: Nullable(Type.Object({ id: Type.String(), name: Type.String(), lineOfBusiness: Type.String() })),
  pharmacyBenefit: Nullable(
    Type.Object({
      planId: Type.String(),
      planName: Type.String(),
      processor: Nullable(
        Type.Object({
          name: Type.String(),
          bin: Type.String(),
          pcn: Nullable(Type.String()),
          groupId: Nullable(Type.String()),
          phone: Nullable(Type.String()),
        }),
      ),
    }),
  ),
});

export async function memberRoutes(app: ApiApp, ctx: AppContext) {
  app.get(
    '/members/search',
    {
      // The search is audited for everyone but members; its row grants the prescriber or pharmacy
      // 8 hours of access to the members it found (members.repo servesMember).
      config: {
        phiRead: { resource: 'member', reason: 'patient-search', action: 'phi.search', outsiders: true },
      },
      schema: {
        tags: ['members'],
        summary:
          'Patient insurance search: last name + date of birth (+ first name, ZIP), or member ID (+ date of birth for prescribers and pharmacies) → member, plan, processor',
        querystring: Type.Object(
          {
            lastName: Type.Optional(Type.String({ maxLength: 100 })),
            dateOfBirth: Type.Optional(DateString),
            memberId: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' })),
            firstName: Type.Optional(Type.String({ maxLength: 100 })),
            zip: Type.Optional(Type.String({ pattern: '^\\d{5}(-?\\d{4})?$' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Patient) }), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => findPatients(ctx, principalOf(req), req.query),
  );

  app.get(
    '/members/:id',
    {
      config: { phiRead: { resource: 'member', reason: 'member-inquiry', member: { param: 'id' }, outsiders: true } },
      schema: {
        tags: ['members'],
        summary: "A member's eligibility and pharmacy benefit",
        params: Type.Object({ id: Type.String({ maxLength: 20 }) }),
        response: { 200: Patient, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => getMember(ctx, principalOf(req), req.params.id),
  );
}
