import { registerAppealDeadlines } from '../appeals/appeal-deadlines.js';
import { registerPaDeadlines } from '../priorauth/pa-deadlines.js';

/**
 * Every deadline kind's handler, registered here in the composition root and nowhere else:
 * building a context has no side effects, and the deadlines module knows no feature (the
 * features depend on it, not the other way round). Registering twice replaces the same handlers.
 */
export function registerDeadlineHandlers(): void {
  registerPaDeadlines();
  registerAppealDeadlines();
}
