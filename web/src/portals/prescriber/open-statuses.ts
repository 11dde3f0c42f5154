/** Case statuses the prescriber still has to act on or wait for. */
export const OPEN_STATUSES = ['awaiting-answers', 'submitted', 'in-review', 'awaiting-information'];
