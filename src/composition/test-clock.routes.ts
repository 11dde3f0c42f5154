import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { requireRole } from '../adapters/http/auth.js';
import { errorResponses } from '../adapters/http/schemas.js';
import { ManualClock, parseDuration } from '../platform/clock.js';
import { DomainError, invalid } from '../platform/errors.js';
import { runSweeps } from './run-sweeps.js';
import { shareClockMove } from './shared-clock.js';

/**
 * The test clock (docs/design.md#api): only registered when the server runs with CLOCK=manual, which
 * configuration refuses in production. Moving time runs every deadline that became due.
 */
const MAX_ADVANCE_MS = 3660 * 86_400_000;

export async function testClockRoutes(app: ApiApp, ctx: AppContext) {
  const clock = ctx.clock;
  if (!(clock instanceof ManualClock) || ctx.config.env === 'production') return;

  const ClockState = Type.Object({
    now: Type.String(),
    fired: Type.Optional(Type.Integer()),
    delivered: Type.Optional(Type.Integer()),
  });
  app.get(
    '/test/clock',
    {
      schema: {
        tags: ['test'],
        summary: 'Manual clock (CLOCK=manual only)',
        response: { 200: ClockState, ...errorResponses(401) },
      },
    },
    async () => ({ now: clock.now().toISOString() }),
  );

  app.post(
    '/test/clock',
    {
      schema: {
        tags: ['test'],
        summary: 'Move the manual clock forward (admin), run every deadline that became due, and deliver due notices',
        body: Type.Object(
          {
            advanceBy: Type.Optional(Type.String({ description: 'ISO 8601 duration, e.g. PT25H' })),
            set: Type.Optional(Type.String({ format: 'date-time' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ClockState, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      // Moving time fires every legal clock and token expiry for everyone: admin only (docs/design.md#time).
      requireRole(req, 'admin');
      const body = req.body;
      if (!body.advanceBy === !body.set) throw invalid('advanceBy', 'give exactly one of advanceBy or set');
      if (body.advanceBy) {
        const ms = parseDuration(body.advanceBy);
        if (ms === null) throw invalid('advanceBy', 'is not an ISO 8601 duration like PT25H or P2D');
        // Past the year 9999 a Date has no ISO form: a demo never needs more than ten years at once.
        if (ms > MAX_ADVANCE_MS) throw invalid('advanceBy', 'may move the clock at most 3660 days (P3660D) at a time');
        clock.advance(ms);
      } else {
        const target = new Date(body.set!);
        if (target.getTime() - clock.now().getTime() > MAX_ADVANCE_MS)
          throw invalid('set', 'may move the clock at most 3660 days at a time');
        if (target.getTime() < clock.now().getTime())
          throw new DomainError('VALIDATION_FAILED', 'The clock only moves forward', {
            errors: [{ path: 'set', message: 'is before the current time' }],
          });
        clock.set(target);
      }
      // Under WORKERS=N every process has the new time before anything runs at it.
      await shareClockMove(clock);
      const sweep = await runSweeps(ctx, clock.now());
      return { now: clock.now().toISOString(), fired: sweep.deadlines.fired, delivered: sweep.delivery.sent };
    },
  );
}
