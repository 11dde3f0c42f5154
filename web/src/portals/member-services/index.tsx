import type { Portal } from '../../app/portal';
import { FindMemberPage } from './find-member-page';
import { MemberPage } from './member-page';
import { PaCasePage } from './pa-case-page';

/** Member services: find a member, explain claims and PA status, record calls with the identity check. */
export const memberServicesPortal: Portal = {
  home: '/services',
  nav: [{ to: '/services', label: { en: 'Find a member', es: 'Buscar un afiliado' } }],
  routes: [
    { path: '/services', render: () => <FindMemberPage /> },
    { path: '/services/members/:id', render: ({ id }) => <MemberPage key={id} id={id} /> },
    { path: '/services/pa/:id', render: ({ id }) => <PaCasePage key={id} id={id} /> },
  ],
};
