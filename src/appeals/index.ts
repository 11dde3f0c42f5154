/** The appeals module's public API: what other modules may use (its repository and tables stay its own). */
export { findAppeal } from './appeals.repo.js';
