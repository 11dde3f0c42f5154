import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { principalOf } from '../adapters/http/auth.js';
import { errorResponses, Nullable } from '../adapters/http/schemas.js';
import { ALERT_CHANNELS } from './alert-topics.js';
import {
  getNotificationPreferences,
  listMemberAlerts,
  setNotificationPreferences,
} from './notification-preferences.js';

const Channels = Type.Array(Type.String({ enum: [...ALERT_CHANNELS] }), { maxItems: 3 });
const Preferences = Type.Object({
  memberId: Type.String(),
  decisions: Channels,
  informationRequests: Channels,
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  textMessagesSent: Type.Boolean({
    description:
      'False while no SMS provider is configured: text messages wait in the outbox instead of reaching a phone',
  }),
  updatedAt: Nullable(Type.String({ format: 'date-time' })),
});
const Params = Type.Object({ id: Type.String({ maxLength: 20 }) });

/** A member's alert choices for PA decisions and information requests, and the alerts sent. */
export async function memberAlertRoutes(app: ApiApp, ctx: AppContext) {
  app.get(
    '/members/:id/notification-preferences',
    {
      config: {
        phiRead: { resource: 'member-notification-preferences', reason: 'member-inquiry', member: { param: 'id' } },
      },
      schema: {
        tags: ['members'],
        summary: 'How the member is alerted about PA decisions and information requests (e-mail, text message, portal)',
        params: Params,
        response: { 200: Preferences, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => getNotificationPreferences(ctx, principalOf(req), req.params.id),
  );
  app.put(
    '/members/:id/notification-preferences',
    {
      schema: {
        tags: ['members'],
        summary: "Set the member's alert channels per topic (the member or member services; audited)",
        params: Params,
        body: Type.Object({ decisions: Channels, informationRequests: Channels }, { additionalProperties: false }),
        response: { 200: Preferences, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => setNotificationPreferences(ctx, principalOf(req), req.params.id, req.body),
  );
  app.get(
    '/members/:id/alerts',
    {
      config: { phiRead: { resource: 'member-alerts', reason: 'member-inquiry', member: { param: 'id' } } },
      schema: {
        tags: ['members'],
        summary: "The member's alerts about PA decisions and information requests, newest first",
        params: Params,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                topic: Type.String({ enum: ['decision', 'information-request'] }),
                noticeKind: Type.String(),
                paRequestId: Nullable(Type.String()),
                appealId: Nullable(Type.String()),
                channel: Type.String({ enum: [...ALERT_CHANNELS] }),
                status: Type.String({ description: 'queued | retrying | sending | sent | delivered | failed' }),
                createdAt: Type.String({ format: 'date-time' }),
                sentAt: Nullable(Type.String({ format: 'date-time' })),
              }),
            ),
          }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (req) => listMemberAlerts(ctx, principalOf(req), req.params.id),
  );
}
