import { letterContext } from './letter-context.js';
import type { Letter, LetterInput, Section } from './letter.js';
import { appealFormPage } from './sections/appeal-form.js';
import { appealRightsSections } from './sections/appeal-rights.js';
import { greeting, letterhead, recipientBlock, referenceRows } from './sections/identification.js';
import { languageAssistancePage, languageNotice } from './sections/language-assistance.js';
import { nextLevelBlocks } from './sections/next-level.js';
import { readNoticeContent } from './notice-content.js';
import { letterTemplateFor } from './templates/index.js';

/**
 * Turns a notice (its row, with the plan, processor, member, prescriber, pharmacy and the notice
 * date) into a structured letter, in the notice's language where letters are written in it
 * (i18n/messages), else English; `englishCopy` builds the English letter that follows a
 * translation not yet reviewed. Pure: no database, no clock, no PDF.
 *
 * Every letter: plan letterhead and numbers, date, recipient, who and what it is about, the
 * kind's body. Adverse decisions add the appeal rights and an appeal form page, or after an
 * appeal the next level. Member letters end with the language-assistance taglines and the
 * non-discrimination notice (Section 1557).
 */
export function buildLetter(input: LetterInput, options: { englishCopy?: boolean } = {}): Letter {
  const template = letterTemplateFor(input.notice.kind);
  if (!template) throw new Error(`No letter template for notice kind "${input.notice.kind}"`);
  const c = letterContext(input, options);
  const { t } = c;
  const path = template.appealPath?.(c) ?? null;
  const sections: Section[] = template.body(c).filter((s) => s.blocks.length > 0);
  if (path === 'plan-appeal') sections.push(...appealRightsSections(c));
  if (path === 'next-level') {
    const next = nextLevelBlocks(c, 'after-appeal');
    if (next.length) sections.push({ heading: t.appealRights.nextHeadingAfterAppeal, blocks: next });
  }
  sections.push({
    heading: t.questions.heading,
    blocks: [
      {
        type: 'paragraph',
        text:
          c.audience === 'member'
            ? t.questions.member(c.helpPhone)
            : t.questions.provider(c.contacts.priorAuthPhone ?? c.helpPhone),
      },
    ],
  });
  const title = template.title(c);
  return {
    language: c.language,
    kind: input.notice.kind,
    audience: c.audience,
    letterhead: letterhead(c),
    languageNotice: languageNotice(c, options.englishCopy ?? false),
    date: c.date(input.today),
    recipient: recipientBlock(c),
    reference: referenceRows(c),
    title,
    greeting: greeting(c),
    sections,
    closing: t.closing(input.plan.name),
    appealForm: path === 'plan-appeal' ? appealFormPage(c) : undefined,
    languageAssistance: c.audience === 'member' ? languageAssistancePage(c) : undefined,
    footer: [
      t.footer(input.notice.id),
      input.notice.paRequestId ? `${t.labels.requestNumber} ${input.notice.paRequestId}` : null,
    ]
      .filter(Boolean)
      .join(' - '),
    pageOf: t.pageOf,
    metadata: {
      title,
      subject: `${input.notice.kind} ${input.notice.paRequestId ?? ''}`.trim(),
      author: input.plan.name,
      lang: t.pdfLang,
    },
  };
}

/**
 * The letters a notice's PDF holds: the letter, then, when its language's translation was not
 * reviewed by a qualified translator when the notice was queued (recorded in the notice), the
 * same letter in English. One PDF rather than two documents: fax, mail, e-mail and the portal
 * each carry one document per notice, so the English letter cannot be separated from it.
 */
export function buildNoticeLetters(input: LetterInput): Letter[] {
  const letter = buildLetter(input);
  return letter.language !== 'en' && readNoticeContent(input.notice.content).englishAttached
    ? [letter, buildLetter(input, { englishCopy: true })]
    : [letter];
}

/** The letter as plain text, in reading order (tests; a text body for e-mail or the portal). */
export function letterToPlainText(letter: Letter): string {
  const out: string[] = [letter.letterhead.name, ...letter.letterhead.lines, ''];
  if (letter.languageNotice) out.push(letter.languageNotice, '');
  out.push(
    letter.date,
    '',
    ...letter.recipient,
    '',
    ...letter.reference.map(([k, v]) => `${k}: ${v}`),
    '',
    letter.title,
    '',
    letter.greeting,
    '',
  );
  const sections = (list: Section[]) => {
    for (const s of list) {
      if (s.heading) out.push(s.heading);
      for (const b of s.blocks) {
        switch (b.type) {
          case 'paragraph':
          case 'note':
            out.push(b.text);
            break;
          case 'bullets':
            out.push(...b.items.map((i) => `- ${i}`));
            break;
          case 'numbered':
            out.push(...b.items.map((i, n) => `${n + 1}. ${i}`));
            break;
          case 'fields':
            out.push(...b.rows.map(([k, v]) => `${k}: ${v}`));
            break;
          case 'checkbox':
            out.push(`[ ] ${b.label}`);
            break;
          case 'write-in':
            out.push(b.label, ...Array.from({ length: b.lines }, () => '________'));
            break;
          case 'signature':
            out.push(b.labels.map((l) => `${l}: ________`).join('   '));
            break;
        }
      }
      out.push('');
    }
  };
  sections(letter.sections);
  out.push(...letter.closing, '');
  for (const page of [letter.appealForm, letter.languageAssistance]) {
    if (!page) continue;
    out.push('', page.title, '');
    sections(page.sections);
  }
  return out.join('\n');
}
