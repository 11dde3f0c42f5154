import { renderPdf } from '../render-pdf.js';
import type { AppContext } from '../../app-context.js';
import type { NoticeRow } from '../notices.repo.js';

/**
 * The letter a notice delivers, as PDF bytes. (Interim plain layout; the full letters with
 * letterhead, appeal form and taglines replace it.)
 */
export function renderNoticeDocument(_ctx: AppContext, notice: NoticeRow): Promise<Buffer> {
  return renderPdf((doc) => {
    const c = notice.content as { drugName?: string; planName?: string; determination?: { decision?: string; reasons?: string[] } };
    doc.font('Helvetica-Bold').fontSize(16).text(c.planName ?? 'Pharmacy benefit', { align: 'left' }).moveDown();
    doc.font('Helvetica').fontSize(12).text(`Notice: ${notice.kind}`).text(`Drug: ${c.drugName ?? ''}`);
    if (c.determination?.decision) doc.text(`Decision: ${c.determination.decision}`);
    for (const r of c.determination?.reasons ?? []) doc.text(`- ${r}`);
  });
}
