import type { Portal } from '../../app/portal';
import { Page } from '../../ui/components';

export const memberPortal: Portal = {
  home: '/member',
  nav: [{ to: '/member', label: { en: 'My coverage', es: 'My coverage' } }],
  routes: [{ path: '/member', render: () => <Page title="My coverage"><p>Coming in this change.</p></Page> }],
};
