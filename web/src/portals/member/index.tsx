import './member.css';
import type { Portal } from '../../app/portal';
import { ClaimsPage } from './claims-page';
import { CoveragePage } from './coverage-page';
import { PaDetailPage } from './pa-detail-page';
import { PaListPage } from './pa-list-page';
import { NotificationsPage } from './notifications-page';

/** The member portal: my coverage (plan + drug lookup), my claims, my prior authorizations and appeals. */
export const memberPortal: Portal = {
  home: '/member',
  nav: [
    { to: '/member', label: { en: 'My coverage', es: 'Mi cobertura' } },
    { to: '/member/claims', label: { en: 'My claims', es: 'Mis reclamaciones' } },
    { to: '/member/prior-authorizations', label: { en: 'Prior Authorizations', es: 'Autorizaciones previas' } },
    { to: '/member/notifications', label: { en: 'Notifications', es: 'Avisos' } },
  ],
  routes: [
    { path: '/member', render: () => <CoveragePage /> },
    { path: '/member/claims', render: () => <ClaimsPage /> },
    { path: '/member/prior-authorizations', render: () => <PaListPage /> },
    { path: '/member/notifications', render: () => <NotificationsPage /> },
    { path: '/member/prior-authorizations/:id', render: ({ id }) => <PaDetailPage key={id} id={id} /> },
  ],
};
