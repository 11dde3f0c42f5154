import { useState } from 'react';
import { useMe } from '../../app/session';
import { useText } from '../../i18n/i18n';
import { Async, Notice, Page, Section } from '../../ui/components';
import { useApi } from '../../ui/use-api';
import type { Patient } from '../../api/types';
import { CoverageAnswer } from './coverage-answer';
import { DrugSearch } from '../../ui/drug-search';
import { PlanCard } from './plan-card';
import { IdCard } from './id-card';
import { BenefitProgress } from './benefit-progress';

const TEXT = {
  en: {
    title: 'My coverage',
    noMember: 'Your account is not linked to a member record. Call member services.',
    noPlan: 'Drug search needs a plan on file.',
    lookUp: 'Look up a drug',
  },
  es: {
    title: 'Mi cobertura',
    noMember: 'Su cuenta no está vinculada a un registro de afiliado. Llame a Servicios al afiliado.',
    noPlan: 'La búsqueda de medicamentos necesita un plan registrado.',
    lookUp: 'Buscar un medicamento',
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
                <Section title={t.lookUp}>
                  <DrugSearch
                    planId={m.plan.id}
                    audience="member"
                    pick="drug"
                    selected={chosen?.rxcui}
                    onSelect={(d) => setChosen({ rxcui: d.rxcui, name: d.name })}
                    onSearch={() => setChosen(null)}
                  />
                </Section>
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
