import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { requireRole } from '../adapters/http/auth.js';
import { errorResponses } from '../adapters/http/schemas.js';
import { revokeApiKeys, setUserDisabled } from './disable-user.js';
import { resetPassword } from './reset-password.js';

const UserParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 200, description: 'User id or username' }),
});
const UserState = Type.Object({
  id: Type.String(),
  username: Type.String(),
  role: Type.String(),
  disabled: Type.Boolean(),
});

/** Admin: disable and enable accounts, revoke API keys (docs/security.md#revocation). */
export async function userAdminRoutes(app: ApiApp, ctx: AppContext) {
  for (const action of ['disable', 'enable'] as const) {
    app.post(
      `/users/:id/${action}`,
      {
        schema: {
          tags: ['admin'],
          summary:
            action === 'disable'
              ? "Disable a user (admin): the account's tokens and API keys stop working within 5 seconds"
              : 'Enable a disabled user again (admin)',
          params: UserParams,
          response: { 200: UserState, ...errorResponses(401, 403, 404) },
        },
      },
      async (req) => setUserDisabled(ctx, requireRole(req, 'admin'), req.params.id, action === 'disable'),
    );
  }

  app.post(
    '/users/:id/api-keys/revoke',
    {
      schema: {
        tags: ['admin'],
        summary: 'Revoke every API key of a user (admin): they stop working within 5 seconds',
        params: UserParams,
        response: {
          200: Type.Object({ username: Type.String(), revoked: Type.Integer() }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (req) => revokeApiKeys(ctx, requireRole(req, 'admin'), req.params.id),
  );

  app.post(
    '/users/:id/password-reset',
    {
      schema: {
        tags: ['admin'],
        summary:
          "Reset a user's password (admin): the temporary password given, or one generated and returned once; the user must choose a new one at the next sign-in, and every session ends (within 5 seconds)",
        params: UserParams,
        body: Type.Object(
          { temporaryPassword: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            username: Type.String(),
            mustChangePassword: Type.Literal(true),
            temporaryPassword: Type.Optional(
              Type.String({ description: 'Only when generated: shown once, stored only as a hash' }),
            ),
          }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (req) => resetPassword(ctx, requireRole(req, 'admin'), req.params.id, req.body),
  );
}
