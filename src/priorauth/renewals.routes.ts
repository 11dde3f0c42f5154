import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { principalOf } from '../adapters/http/auth.js';
import { errorResponses, Nullable } from '../adapters/http/schemas.js';
import { CASE_KINDS } from '../shared/exception-kinds.js';
import { listRenewalsDue } from './list-renewals-due.js';

const Day = Type.String({ format: 'date' });

const RenewalDueSchema = Type.Object(
  {
    paRequestId: Type.String({ description: 'The case whose authorization this is (the request to renew)' }),
    memberId: Type.String(),
    memberName: Nullable(Type.String()),
    planId: Type.String(),
    planName: Nullable(Type.String({ description: 'null when the plan is no longer in the reference data' })),
    drug: Type.Object({
      rxcui: Type.String(),
      name: Type.String({ description: "RxNorm's name of the drug the case asked for" }),
    }),
    quantity: Type.Number({ description: 'What the case asked for per fill: a renewal starts from it' }),
    daysSupply: Type.Integer(),
    kind: Type.Union(
      CASE_KINDS.map((k) => Type.Literal(k)),
      { description: 'prior-authorization or the exception the authorization grants' },
    ),
    authorization: Type.Object({ number: Type.String(), effectiveFrom: Day, effectiveTo: Day }),
    daysLeft: Type.Integer({ minimum: 0, description: "Days from today (the plan's zone) to the end date" }),
    renewalCaseId: Nullable(
      Type.String({ description: 'The renewal already started for this authorization (not withdrawn), if any' }),
    ),
  },
  { description: "An authorization of the prescriber's patient inside its plan's renewal window" },
);

export async function renewalRoutes(app: ApiApp, ctx: AppContext) {
  app.get(
    '/renewals-due',
    {
      // A prescriber's read of their patients' authorizations is a disclosure the audit log records.
      config: { phiRead: { resource: 'renewals-due', reason: 'case-review', outsiders: true } },
      schema: {
        tags: ['prior authorization'],
        summary:
          "Authorizations of the calling prescriber's patients that end within their plan's renewal window (prescribers only)",
        response: { 200: Type.Object({ items: Type.Array(RenewalDueSchema) }), ...errorResponses(401, 403) },
      },
    },
    async (req) => listRenewalsDue(ctx, principalOf(req)),
  );
}
