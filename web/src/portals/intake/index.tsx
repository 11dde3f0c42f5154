import type { Portal } from '../../app/portal';
import { FaxDetailPage } from './fax-detail-page';
import { FaxListPage } from './fax-list-page';

export const intakePortal: Portal = {
  home: '/intake',
  nav: [{ to: '/intake', label: { en: 'Inbound faxes', es: 'Faxes recibidos' } }],
  routes: [
    { path: '/intake', render: () => <FaxListPage /> },
    { path: '/intake/faxes/:id', render: (p) => <FaxDetailPage key={p.id} faxId={p.id} /> },
  ],
};
