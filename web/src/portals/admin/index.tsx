import { lazy, Suspense } from 'react';
import type { Portal } from '../../app/portal';
import { Loading } from '../../ui/components';
import './admin.css';
import { AuditLogPage } from './audit-log-page';
import { CriteriaDetailPage } from './criteria-detail-page';
import { CriteriaPage } from './criteria-page';
import { DashboardPage } from './dashboard-page';
import { EhrClientsPage } from './ehr-clients-page';
import { FormularyPage } from './formulary-page';
import { ImportsPage } from './imports-page';
import { LetterLanguagesPage } from './letter-languages-page';
import { PlansPage } from './plans-page';
import { UsersPage } from './users-page';

// The editor carries the FHIRPath parser (shared validation): loaded only when an author opens it.
const CriteriaEditorPage = lazy(() =>
  import('./criteria-editor-page').then((m) => ({ default: m.CriteriaEditorPage })),
);

/** The plan administrator: turnaround metrics, plans and formularies, criteria, users, imports. */
export const adminPortal: Portal = {
  home: '/admin',
  nav: [
    { to: '/admin', label: { en: 'Dashboard', es: 'Panel' } },
    { to: '/admin/plans', label: { en: 'Plans & formularies', es: 'Planes y formularios' } },
    { to: '/admin/criteria', label: { en: 'Criteria', es: 'Criterios' } },
    { to: '/admin/users', label: { en: 'Users', es: 'Usuarios' } },
    { to: '/admin/imports', label: { en: 'Imports', es: 'Importaciones' } },
    { to: '/admin/ehr-clients', label: { en: 'EHR clients', es: 'Clientes EHR' } },
    { to: '/admin/letter-languages', label: { en: 'Letter languages', es: 'Idiomas de las cartas' } },
    { to: '/admin/audit', label: { en: 'Audit log', es: 'Auditoría' } },
  ],
  routes: [
    { path: '/admin', render: () => <DashboardPage /> },
    { path: '/admin/plans', render: () => <PlansPage /> },
    { path: '/admin/plans/:planId', render: ({ planId }) => <FormularyPage key={planId} planId={planId} /> },
    { path: '/admin/criteria', render: () => <CriteriaPage /> },
    {
      path: '/admin/criteria/:id/edit',
      render: ({ id }) => (
        <Suspense fallback={<Loading />}>
          <CriteriaEditorPage key={id} id={id} />
        </Suspense>
      ),
    },
    { path: '/admin/criteria/:id', render: ({ id }) => <CriteriaDetailPage key={id} id={id} /> },
    { path: '/admin/users', render: () => <UsersPage /> },
    { path: '/admin/imports', render: () => <ImportsPage /> },
    { path: '/admin/ehr-clients', render: () => <EhrClientsPage /> },
    { path: '/admin/letter-languages', render: () => <LetterLanguagesPage /> },
    { path: '/admin/audit', render: () => <AuditLogPage /> },
  ],
};
