import type { Portal } from '../../app/portal';
import { Page } from '../../ui/components';

export const intakePortal: Portal = {
  home: '/intake',
  nav: [{ to: '/intake', label: { en: 'Inbound faxes', es: 'Inbound faxes' } }],
  routes: [{ path: '/intake', render: () => <Page title="Inbound faxes"><p>Coming in this change.</p></Page> }],
};
