import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { requireRole } from '../adapters/http/auth.js';
import { errorResponses } from '../adapters/http/schemas.js';
import { TurnaroundQuerySchema, TurnaroundReportSchema } from './reports.schemas.js';
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
}
