import multipart from '@fastify/multipart';
import type { ApiApp } from './api-app.js';
import { appealRoutes } from '../../appeals/appeals.routes.js';
import { callNoteRoutes } from '../../call-notes/call-notes.routes.js';
import { faxRoutes } from '../../fax/fax.routes.js';
import { noticeRoutes } from '../../notices/notices.routes.js';
import { memberAlertRoutes } from '../../notices/member-alerts.routes.js';
import { memberRoutes } from '../../members/members.routes.js';
import { workItemRoutes } from '../../work-items/work-items.routes.js';
import { MAX_ATTACHMENT_BYTES } from '../../priorauth/add-attachment.js';
import type { AppContext } from '../../app-context.js';
import { claimRoutes } from '../../claims/claims.routes.js';
import { ncpdpRoutes } from '../../ncpdp/ncpdp.routes.js';
import { coverageRoutes } from '../../coverage/coverage.routes.js';
import { testClockRoutes } from '../../composition/test-clock.routes.js';
import { identityRoutes } from '../../identity/identity.routes.js';
import { userAdminRoutes } from '../../identity/user-admin.routes.js';
import { importRoutes } from '../../operator-imports/imports.routes.js';
import { referenceRoutes } from '../../reference/reference.routes.js';
import { criteriaRoutes } from '../../priorauth/criteria.routes.js';
import { criteriaDraftRoutes } from '../../priorauth/criteria-drafts.routes.js';
import { priorAuthRoutes } from '../../priorauth/priorauth.routes.js';
import { renewalRoutes } from '../../priorauth/renewals.routes.js';
import { reportRoutes } from '../../reports/reports.routes.js';
import { ehrClientRoutes } from '../../ehr-clients/ehr-clients.routes.js';
import { epaRoutes } from '../../epa/epa.routes.js';
import { auditRoutes } from '../../audit/audit.routes.js';

/** Every module's JSON routes under /api/v1. */
export async function apiRoutes(app: ApiApp, ctx: AppContext): Promise<void> {
  // One multipart parser for every upload route (PA and appeal attachments, inbound faxes).
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5, parts: 6 } });
  await identityRoutes(app, ctx);
  await userAdminRoutes(app, ctx);
  await claimRoutes(app, ctx);
  await ncpdpRoutes(app, ctx);
  await coverageRoutes(app, ctx);
  await memberRoutes(app, ctx);
  await callNoteRoutes(app, ctx);
  await referenceRoutes(app, ctx); // GET /plans and a plan's formulary, read from the reference snapshot
  await priorAuthRoutes(app, ctx);
  await renewalRoutes(app, ctx);
  await appealRoutes(app, ctx);
  await criteriaRoutes(app, ctx);
  await criteriaDraftRoutes(app, ctx);
  await faxRoutes(app, ctx);
  await noticeRoutes(app, ctx);
  await memberAlertRoutes(app, ctx);
  await workItemRoutes(app, ctx);
  await testClockRoutes(app, ctx);
  await importRoutes(app, ctx);
  await reportRoutes(app, ctx);
  await ehrClientRoutes(app, ctx);
  await epaRoutes(app, ctx);
  await auditRoutes(app, ctx);
}
