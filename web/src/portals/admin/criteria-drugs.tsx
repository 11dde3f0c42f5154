import { useLang, useText } from '../../i18n/i18n';
import { compareDrugNames, formGroupName, humanDrugName } from '../../ui/drug-name';
import { Async } from '../../ui/components';
import { useApi } from '../../ui/use-api';
import type { FormularyAnswer, PlanSummary } from '../../api/types';

const TEXT = {
  en: { unknown: 'Drug-form group {id} (not in the drug catalog)', strengths: 'Products', group: 'Group {id}' },
  es: { unknown: 'Grupo {id} (no está en el catálogo)', strengths: 'Productos', group: 'Grupo {id}' },
};

/** Names a drug-form group (RxNorm SCDF) through the formulary search, which matches group ids. */
function GroupDrugs({ planId, groupId }: { planId: string; groupId: string }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const hits = useApi<FormularyAnswer>(`/plans/${encodeURIComponent(planId)}/formulary`, { q: groupId, limit: 50 });
  return (
    <li>
      <Async state={hits}>
        {(d) => {
          const items = d.items.filter((i) => i.groupId === groupId);
          if (!items.length) return <span>{t.unknown.replace('{id}', groupId)}</span>;
          return (
            <>
              <strong>{formGroupName(items[0].groupName, lang)}</strong>{' '}
              <span className="muted">{t.group.replace('{id}', groupId)}</span>
              <div className="muted">
                {t.strengths}:{' '}
                {items
                  .map((i) => i.name)
                  .sort((a, b) => compareDrugNames(a, b, lang))
                  .map((n) => humanDrugName(n, lang).name)
                  .join(' · ')}
              </div>
            </>
          );
        }}
      </Async>
    </li>
  );
}

/** The drug-form groups a criteria set applies to, by name with their products. */
export function CriteriaDrugs({ groupIds }: { groupIds: string[] }) {
  const plans = useApi<{ items: PlanSummary[] }>('/plans');
  return (
    <Async state={plans}>
      {(p) => (
        <ul>
          {groupIds.map((g) =>
            p.items[0] ? <GroupDrugs key={g} planId={p.items[0].id} groupId={g} /> : <li key={g}>{g}</li>,
          )}
        </ul>
      )}
    </Async>
  );
}
