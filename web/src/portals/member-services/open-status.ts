/** Statuses still on a clock: their due time is shown as time left. */
const OPEN = ['submitted', 'in-review', 'awaiting-information'];
export const isOpen = (status: string) => OPEN.includes(status);
