import type { Portal } from '../../app/portal';
import { Page } from '../../ui/components';

export const reviewerPortal: Portal = {
  home: '/review',
  nav: [{ to: '/review', label: { en: 'Review queue', es: 'Review queue' } }],
  routes: [{ path: '/review', render: () => <Page title="Review queue"><p>Coming in this change.</p></Page> }],
};
