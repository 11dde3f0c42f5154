import type { AppContext } from '../../app-context.js';
import { renderNoticeLetter } from '../letters/render-notice-letter.js';
import type { NoticeRow } from '../notices.repo.js';

/** The letter a notice delivers, as PDF bytes: the same letter by fax, e-mail, print and portal. */
export function renderNoticeDocument(ctx: AppContext, notice: NoticeRow): Promise<Buffer> {
  return renderNoticeLetter(ctx, notice);
}
