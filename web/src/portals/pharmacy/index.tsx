import type { Portal } from '../../app/portal';
import { Page } from '../../ui/components';

export const pharmacyPortal: Portal = {
  home: '/pharmacy',
  nav: [{ to: '/pharmacy', label: { en: 'Claims', es: 'Claims' } }],
  routes: [{ path: '/pharmacy', render: () => <Page title="Claims"><p>Coming in this change.</p></Page> }],
};
