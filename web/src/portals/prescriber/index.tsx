import type { Portal } from '../../app/portal';
import { Page } from '../../ui/components';

export const prescriberPortal: Portal = {
  home: '/prescriber',
  nav: [{ to: '/prescriber', label: { en: 'My requests', es: 'My requests' } }],
  routes: [{ path: '/prescriber', render: () => <Page title="My requests"><p>Coming in this change.</p></Page> }],
};
