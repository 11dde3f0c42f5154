/** The notices module's public API: what other modules may use (its repository and tables stay its own). */
export { listNotices, listNoticesForRequest } from './notices.repo.js';
