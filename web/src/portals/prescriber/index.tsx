import type { Portal } from '../../app/portal';
import { CasePage } from './case-page';
import { NewRequestPage } from './new-request-page';
import { PatientPage } from './patient-page';
import { PatientSearchPage } from './patient-search-page';
import { RequestsDashboard } from './requests-dashboard';

/** The prescriber's office: patient insurance search, coverage check, and prior authorization requests. */
export const prescriberPortal: Portal = {
  home: '/prescriber',
  nav: [
    { to: '/prescriber', label: { en: 'My requests', es: 'Mis solicitudes' } },
    { to: '/prescriber/patients', label: { en: 'Find a patient', es: 'Buscar un paciente' } },
  ],
  routes: [
    { path: '/prescriber', render: () => <RequestsDashboard /> },
    { path: '/prescriber/patients', render: () => <PatientSearchPage /> },
    { path: '/prescriber/patients/:memberId', render: (p) => <PatientPage key={p.memberId} memberId={p.memberId} /> },
    { path: '/prescriber/new', render: () => <NewRequestPage /> },
    { path: '/prescriber/requests/:id', render: (p) => <CasePage key={p.id} id={p.id} /> },
  ],
};
