import type { Portal } from '../../app/portal';
import { Page } from '../../ui/components';

export const adminPortal: Portal = {
  home: '/admin',
  nav: [{ to: '/admin', label: { en: 'Dashboard', es: 'Dashboard' } }],
  routes: [{ path: '/admin', render: () => <Page title="Dashboard"><p>Coming in this change.</p></Page> }],
};
