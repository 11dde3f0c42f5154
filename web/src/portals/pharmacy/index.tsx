import type { Portal } from '../../app/portal';
import { ClaimDetailPage } from './claim-detail-page';
import { ClaimsListPage } from './claims-list-page';
import { LettersPage } from './letters-page';
import { PaRequestsPage } from './pa-requests-page';
import { SubmitClaimPage } from './submit-claim-page';

export const pharmacyPortal: Portal = {
  home: '/pharmacy',
  nav: [
    { to: '/pharmacy', label: { en: 'Submit a claim', es: 'Enviar reclamación' } },
    { to: '/pharmacy/claims', label: { en: 'My claims', es: 'Mis reclamaciones' } },
    { to: '/pharmacy/pa-requests', label: { en: 'PA requests', es: 'Solicitudes de autorización previa' } },
    { to: '/pharmacy/letters', label: { en: 'Letters', es: 'Cartas' } },
  ],
  routes: [
    { path: '/pharmacy', render: () => <SubmitClaimPage /> },
    { path: '/pharmacy/claims', render: () => <ClaimsListPage /> },
    { path: '/pharmacy/claims/:claimId', render: (p) => <ClaimDetailPage key={p.claimId} claimId={p.claimId} /> },
    { path: '/pharmacy/pa-requests', render: () => <PaRequestsPage /> },
    { path: '/pharmacy/letters', render: () => <LettersPage /> },
  ],
};
