/** The work-items module's public API: what other modules may use (its repository and tables stay its own). */
export { openWorkItem, type WorkQueue } from './work-items.repo.js';
