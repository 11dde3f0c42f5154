import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { requireRole } from '../adapters/http/auth.js';
import { errorResponses } from '../adapters/http/schemas.js';
import { ClaimsReportSchema, TurnaroundQuerySchema, TurnaroundReportSchema } from './reports.schemas.js';
import { claimsReport } from './claims-report.js';
import { turnaroundReport } from './turnaround-report.js';

export async function reportRoutes(app: ApiApp, ctx: AppContext) {
  app.get(
    '/reports/turnaround',
    {
      schema: {
        tags: ['reports'],
        summary:
          'PA turnaround metrics (admin): approvals, denials, appeals, time to decision, on-time and automatic shares, by standard and expedited, with a weekly trend',
        querystring: TurnaroundQuerySchema,
        response: { 200: TurnaroundReportSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      requireRole(req, 'admin');
      return turnaroundReport(ctx, req.query);
    },
  );

  app.get(
    '/reports/claims',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Claims volume by date of service (paid, reversed, rejected) and reject-code counts for a range of days and a plan (admin)',
        querystring: TurnaroundQuerySchema,
        response: { 200: ClaimsReportSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      requireRole(req, 'admin');
      return claimsReport(ctx, req.query);
    },
  );
}
