import type { Portal } from '../../app/portal';
import { AppealPage } from './appeal-page';
import { CasePage } from './case-page';
import { ReviewQueuePage } from './review-queue-page';

/** Clinical reviewers (pharmacists and physicians): the queue, a case, an appeal. */
export const reviewerPortal: Portal = {
  home: '/review',
  nav: [{ to: '/review', label: { en: 'Review queue', es: 'Cola de revisión' } }],
  routes: [
    { path: '/review', render: () => <ReviewQueuePage /> },
    { path: '/review/cases/:id', render: ({ id }) => <CasePage key={id} id={id} /> },
    { path: '/review/appeals/:id', render: ({ id }) => <AppealPage key={id} id={id} /> },
  ],
};
