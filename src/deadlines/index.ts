/** The deadlines module's public API: what other modules may use (its repository and tables stay its own). */
export { cancelDeadlines } from './deadlines.repo.js';
export { deadlineWrites, type DeadlineSpec } from './schedule-deadline.js';
