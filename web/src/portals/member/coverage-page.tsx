import { useState } from 'react';
import { useMe } from '../../app/session';
import { useText } from '../../i18n/i18n';
import { Async, Notice, Page } from '../../ui/components';
import { useApi } from '../../ui/use-api';
import type { Patient } from '../../api/types';
import { CoverageAnswer } from './coverage-answer';
import { DrugSearch } from './drug-search';
import { PlanCard } from './plan-card';
import { IdCard } from './id-card';
import { BenefitProgress } from './benefit-progress';

const TEXT = {
  en: {
    title: 'My coverage',
    noMember: 'Your account is not linked to a member record. Call member services.',
    noPlan: 'Drug search needs a plan on file.',
  },
  es: {
    title: 'Mi cobertura',
    noMember: 'Su cuenta no está vinculada a un registro de miembro. Llame a servicios para miembros.',
    noPlan: 'La búsqueda de medicamentos necesita un plan registrado.',
  },
};

/** Home: the member's plan and eligibility, a drug search, and the coverage check for a chosen drug. */
export function CoveragePage() {
  const t = useText(TEXT);
  const me = useMe();
  const memberId = me.memberId ?? null;
  const member = useApi<Patient>(memberId ? `/members/${encodeURIComponent(memberId)}` : null);
  const [chosen, setChosen] = useState<{ rxcui: string; name: string } | null>(null);
  return (
    <Page title={t.title}>
      {!memberId ? (
        <Notice tone="warning">{t.noMember}</Notice>
      ) : (
        <Async state={member}>
          {(m) => (
            <>
              <PlanCard member={m} />
              <IdCard member={m} />
              <BenefitProgress memberId={m.memberId} />
              {m.plan ? (
                <DrugSearch
                  planId={m.plan.id}
                  onChoose={(hit) => setChosen({ rxcui: hit.rxcui, name: hit.name })}
                  onSearch={() => setChosen(null)}
                />
              ) : (
                <Notice tone="warning">{t.noPlan}</Notice>
              )}
              {chosen ? (
                <CoverageAnswer
                  key={chosen.rxcui}
                  memberId={m.memberId}
                  rxcui={chosen.rxcui}
                  name={chosen.name}
                  onClose={() => setChosen(null)}
                />
              ) : null}
            </>
          )}
        </Async>
      )}
    </Page>
  );
}
