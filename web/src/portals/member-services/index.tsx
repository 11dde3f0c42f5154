import type { Portal } from '../../app/portal';
import { Page } from '../../ui/components';

export const memberServicesPortal: Portal = {
  home: '/services',
  nav: [{ to: '/services', label: { en: 'Find a member', es: 'Find a member' } }],
  routes: [{ path: '/services', render: () => <Page title="Find a member"><p>Coming in this change.</p></Page> }],
};
