import { useEffect, useId, useRef, useState } from 'react';
import type { QuestionnaireItemAnswerOption } from '@medplum/fhirtypes';
import { api } from '../api/client';
import { fill, useLang } from '../i18n/i18n';
import type { Answer } from './questionnaire-response';
import { optionAnswer, optionLabel } from './questionnaire-extensions';
import { useQuestionnaireText } from './questionnaire-text';
import { ICD10_CM } from '../../../src/shared/code-systems';

interface Icd10Code {
  code: string;
  description: string;
}

/** A diagnosis question: its options are ICD-10-CM codes (besides an "other" choice). */
export function isIcd10Question(options: QuestionnaireItemAnswerOption[]): boolean {
  return options.some((o) => o.valueCoding?.system === ICD10_CM);
}

/**
 * Search ICD-10-CM by code or words (docs/design.md#diagnoses), as a WAI-ARIA combobox: type, move with
 * the arrow keys, Enter (or a click) picks. A code this question lists is chosen as that answer; a
 * code it does not list is recorded as the question's "other" choice, and the form says so.
 */
export function Icd10Search({
  options,
  setAnswers,
}: {
  options: QuestionnaireItemAnswerOption[];
  setAnswers: (answers: Answer[]) => void;
}) {
  const t = useQuestionnaireText();
  const { lang } = useLang();
  const id = useId();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Icd10Code[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  /** The words put in the box by a pick: not a new search. */
  const picked = useRef('');

  useEffect(() => {
    const typed = q.trim();
    if (typed === picked.current) return;
    if (typed.length < 2) {
      setHits([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api
        .get<{ items: Icd10Code[] }>('/reference/icd10', { q: typed.slice(0, 60), limit: 12 })
        .then((r) => {
          if (!live) return;
          setHits(r.items);
          setActive(-1);
          setOpen(true);
          setStatus(r.items.length ? fill(t.icdFound, { n: String(r.items.length) }) : t.icdNone);
        })
        .catch(() => live && setStatus(t.icdFailed));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, t]);

  const choose = (hit: Icd10Code) => {
    const listed = options.find((o) => o.valueCoding?.system === ICD10_CM && o.valueCoding.code === hit.code);
    const other = options.find((o) => o.valueCoding && o.valueCoding.system !== ICD10_CM);
    const label = `${hit.code} ${hit.description}`;
    if (listed) {
      setAnswers([optionAnswer(listed)]);
      setStatus(fill(t.icdChosen, { dx: label }));
    } else if (other) {
      setAnswers([optionAnswer(other)]);
      setStatus(fill(t.icdAsOther, { dx: label, other: optionLabel(other, lang) }));
    } else {
      setStatus(fill(t.icdNotListed, { dx: label }));
    }
    picked.current = label;
    setQ(label);
    setOpen(false);
  };

  const listId = `${id}-list`;
  const shown = open && hits.length > 0;
  return (
    <div className="icd-search">
      <label htmlFor={`${id}-input`}>{t.icdSearch}</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-describedby={`${id}-hint`}
        aria-activedescendant={shown && active >= 0 ? `${id}-opt-${active}` : undefined}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && hits.length) {
            e.preventDefault();
            setOpen(true);
            setActive((a) => (a + 1) % hits.length);
          } else if (e.key === 'ArrowUp' && hits.length) {
            e.preventDefault();
            setOpen(true);
            setActive((a) => (a <= 0 ? hits.length - 1 : a - 1));
          } else if (e.key === 'Enter' && shown && active >= 0) {
            e.preventDefault();
            choose(hits[active]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      <p className="hint" id={`${id}-hint`}>
        {t.icdHint}
      </p>
      <ul id={listId} role="listbox" aria-label={t.icdSearch} className="icd-options" hidden={!shown}>
        {hits.map((h, i) => (
          <li
            key={h.code}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(h)}
          >
            <strong>{h.code}</strong> {h.description}
          </li>
        ))}
      </ul>
      <p role="status" className="hint">
        {status}
      </p>
    </div>
  );
}
