import { useLang } from '../i18n/i18n';
import { humanDrugName } from './drug-name';

/** The drug as people say it ("Ozempic 0.25 or 0.5 mg/dose pen"), RxNorm's long name beneath it in small print. */
export function DrugName({ name, secondary = true }: { name: string | null | undefined; secondary?: boolean }) {
  const { lang } = useLang();
  const h = humanDrugName(name, lang);
  return (
    <>
      {h.name}
      {secondary && h.rxnormName ? <small className="muted drug-rxnorm">{h.rxnormName}</small> : null}
    </>
  );
}

/** The human name as plain text (titles, labels, sentences). */
export function useDrugName(): (name: string | null | undefined) => string {
  const { lang } = useLang();
  return (name) => humanDrugName(name, lang).name;
}
