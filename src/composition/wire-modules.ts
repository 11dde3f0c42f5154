import { provideNoticeCaseSource } from '../notices/notice-case-source.js';
import { noticeCaseFacts, noticeCasesFacts } from '../priorauth/notice-case-facts.js';
import { registerDeadlineHandlers } from './deadline-handlers.js';

/**
 * Everything a process wires between modules, in one place (the server's start-up, the CLI and the
 * test harness call it): deadline handlers, and the PA case reader the notices module uses for
 * letters and access checks. Lower modules define the hook; this file binds the higher module to it.
 */
export function wireModules(): void {
  registerDeadlineHandlers();
  provideNoticeCaseSource(noticeCaseFacts, noticeCasesFacts);
}
