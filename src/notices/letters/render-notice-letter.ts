import type { AppContext } from '../../app-context.js';
import type { NoticeRow } from '../notices.repo.js';
import { loadLetterInput } from './load-letter-input.js';
import { renderNoticePdf } from './render-notice-pdf.js';

/** A stored notice's letter as PDF bytes (the notices API; delivery can use the same). */
export async function renderNoticeLetter(ctx: AppContext, notice: NoticeRow): Promise<Buffer> {
  return renderNoticePdf(await loadLetterInput(ctx, notice));
}
