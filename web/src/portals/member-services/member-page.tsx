import { Link } from '../../app/router';
import { fill, useText } from '../../i18n/i18n';
import { ErrorBanner, Loading, Notice, Page } from '../../ui/components';
import { useApi } from '../../ui/use-api';
import { Tabs } from '../../ui/tabs';
import { MemberAppeals } from './member-appeals';
import { MemberCallNotes } from './member-call-notes';
import { MemberClaims } from './member-claims';
import { MemberOverview } from './member-overview';
import { MemberPas } from './member-pas';
import type { AppealSummary, ClaimSummary, Items, Patient, RequestSummary } from '../../api/types';
import type { CallNote } from './types';

const TEXT = {
  en: {
    loading: 'Member {id}',
    notFound: 'Member not found',
    notFoundBody: 'No member has ID {id}.',
    back: 'Find another member',
    verify:
      'Verify the caller’s identity before you discuss anything on this page. If you cannot, give only general information and record the call as not verified.',
    onPage: 'The member’s record',
    claims: 'Claims',
    pas: 'Prior authorizations',
    appeals: 'Appeals',
    notes: 'Call notes',
  },
  es: {
    loading: 'Afiliado {id}',
    notFound: 'Afiliado no encontrado',
    notFoundBody: 'Ningún afiliado tiene el número {id}.',
    back: 'Buscar otro afiliado',
    verify:
      'Verifique la identidad de quien llama antes de hablar de algo de esta página. Si no puede, dé solo información general y registre la llamada como no verificada.',
    onPage: 'El expediente del afiliado',
    claims: 'Reclamaciones',
    pas: 'Autorizaciones previas',
    appeals: 'Apelaciones',
    notes: 'Notas de llamadas',
  },
};

/** One member on one page: eligibility, claims explained, PAs, appeals, and the call notes. */
export function MemberPage({ id }: { id: string }) {
  const t = useText(TEXT);
  const member = useApi<Patient>(`/members/${encodeURIComponent(id)}`);
  const found = member.data?.memberId ?? null;
  // The lists load once the member is found (each staff read is audited).
  const claims = useApi<Items<ClaimSummary>>(found ? '/claims' : null, { memberId: found ?? undefined });
  const pas = useApi<Items<RequestSummary>>(found ? '/pa-requests' : null, { memberId: found ?? undefined });
  const appeals = useApi<Items<AppealSummary>>(found ? '/appeals' : null, { memberId: found ?? undefined });
  const notes = useApi<Items<CallNote>>(found ? `/members/${encodeURIComponent(found)}/call-notes` : null);

  if (member.error?.status === 404) {
    return (
      <Page title={t.notFound}>
        <Notice tone="warning">{fill(t.notFoundBody, { id })}</Notice>
        <Link to="/services">{t.back}</Link>
      </Page>
    );
  }
  const m = member.data;
  return (
    <Page
      title={m ? `${m.firstName} ${m.lastName}` : fill(t.loading, { id })}
      actions={<Link to="/services">{t.back}</Link>}
    >
      {member.error ? <ErrorBanner error={member.error} onRetry={member.reload} /> : null}
      {!m && !member.error ? <Loading /> : null}
      {m ? (
        <>
          <Notice tone="info">{t.verify}</Notice>
          {/* Tabs instead of one 4,000 px page (docs/design.md#forms-and-answers); the call notes stay beside them on
              wide screens, so the agent records the call while reading the member's record. */}
          <div className="two-panes">
            <div className="pane">
              <MemberOverview member={m} />
              <Tabs
                label={t.onPage}
                tabs={[
                  { id: 'claims', label: t.claims, content: <MemberClaims state={claims} cases={pas.data?.items} /> },
                  { id: 'pas', label: t.pas, content: <MemberPas state={pas} /> },
                  { id: 'appeals', label: t.appeals, content: <MemberAppeals state={appeals} /> },
                ]}
              />
            </div>
            <div className="pane">
              <MemberCallNotes
                memberId={m.memberId}
                state={notes}
                related={{
                  pas: pas.data?.items ?? [],
                  claims: claims.data?.items ?? [],
                  appeals: appeals.data?.items ?? [],
                }}
              />
            </div>
          </div>
        </>
      ) : null}
    </Page>
  );
}
