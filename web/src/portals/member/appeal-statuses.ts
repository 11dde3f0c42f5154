/** Case statuses a member may appeal, and appeal statuses that are still being worked. */
export const APPEALABLE = ['denied', 'partially-approved', 'closed-no-response'];
export const OPEN_APPEAL = ['submitted', 'in-review'];
