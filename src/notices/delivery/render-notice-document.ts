import type { AppContext } from '../../app-context.js';
import { renderNoticeLetter } from '../letters/render-notice-letter.js';
import type { NoticeRow } from '../notices.repo.js';

/**
 * The letter a notice delivers, as PDF bytes: the same letter by e-mail, print and portal; a fax
 * sends the same letter behind its cover sheet, laid out in one document (faxWithCoverSheet).
 */
export function renderNoticeDocument(ctx: AppContext, notice: NoticeRow): Promise<Buffer> {
  return renderNoticeLetter(ctx, notice);
}
