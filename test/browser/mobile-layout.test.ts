import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';
import { fillPath, PORTAL_VISITS, somethingBehindEveryPage, settle } from './support/portal-pages.js';

// docs/design.md#phones: every portal page at a phone's 390 px and a laptop's 1280 px. The page never
// scrolls sideways, no box cuts off its content, and every table either becomes a list of cards or
// scrolls inside its own box — a focusable region with a name, so keyboard and screen-reader users
// can reach what is off to the side.

/** What a person would find wrong with the layout as it stands, in words (empty when nothing). */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const where = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls =
        typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
      return `<${el.tagName.toLowerCase()}${id}${cls}> "${text}"`;
    };
    const width = window.innerWidth;
    const doc = document.documentElement;
    if (doc.scrollWidth > width) {
      problems.push(`the page scrolls sideways: ${doc.scrollWidth} px wide in a ${width} px window`);
      // Name what sticks out (outside any box that scrolls or clips it), to say what to fix.
      // (An absolutely positioned element escapes a scroll box that is not its containing block.)
      const contained = (el: Element) => {
        if (getComputedStyle(el).position === 'absolute') return false;
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
          if (getComputedStyle(a).overflowX !== 'visible') return true;
        return false;
      };
      const out = Array.from(document.body.querySelectorAll('*')).filter(
        (el) => el.getBoundingClientRect().right > width + 1 && !contained(el),
      );
      for (const el of out.slice(-6))
        problems.push(`  sticks out to ${Math.round(el.getBoundingClientRect().right)} px: ${where(el)}`);
    }
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue; // visually hidden text for screen readers
      const hides = (o: string) => o === 'hidden' || o === 'clip';
      if (hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
        problems.push(`cut off at the side (${el.scrollWidth} > ${el.clientWidth} px): ${where(el)}`);
      if (hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1)
        problems.push(`cut off at the bottom (${el.scrollHeight} > ${el.clientHeight} px): ${where(el)}`);
    }
    for (const table of Array.from(document.querySelectorAll('table'))) {
      const row = table.querySelector('tbody tr');
      const cards = row !== null && getComputedStyle(row).display === 'block';
      if (cards) {
        const unlabelled = Array.from(table.querySelectorAll('tbody td')).filter(
          (td) => !td.getAttribute('data-label'),
        );
        if (unlabelled.length > 0) problems.push(`a card's cell has no data-label: ${where(unlabelled[0])}`);
        continue;
      }
      let box: HTMLElement | null = table.parentElement;
      while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
      if (!box || box === document.body || box === document.documentElement) {
        problems.push(`a table neither turns into cards nor scrolls in its own box: ${where(table)}`);
        continue;
      }
      const named = box.getAttribute('aria-label') || box.getAttribute('aria-labelledby');
      if (box.getAttribute('role') !== 'region' || box.tabIndex !== 0 || !named)
        problems.push(`a table's scroll box is not a focusable, named region: ${where(box)}`);
    }
    return problems;
  });
}

describe.skipIf(!hasChromium)('every portal page fits a phone (390 px) and a laptop (1280 px)', () => {
  let rig: BrowserRig;
  let ids: Record<string, string>;
  beforeAll(async () => {
    rig = await startBrowserRig();
    ids = await somethingBehindEveryPage(rig);
  });
  afterAll(async () => {
    await rig?.close();
  });

  const cases = PORTAL_VISITS.flatMap((v) => [[v.username, '390', v] as const, [v.username, '1280', v] as const]);

  it.each(cases)(
    '%s at %s px: nothing scrolls sideways or is cut off; tables are cards or scroll boxes',
    async (_, px, v) => {
      const mobile = px === '390';
      const page = await rig.signedIn(v.username, v.password, { mobile });
      const found: string[] = [];
      for (const template of v.paths) {
        const path = fillPath(template, ids);
        await page.goto(path);
        await settle(page);
        expect(await page.getByRole('alert').count(), `no error shown on ${path}`).toBe(0);
        for (const p of await layoutProblems(page)) found.push(`${path}: ${p}`);
        if (mobile) for (const a of await seriousAccessibilityViolations(page)) found.push(`${path}: axe ${a}`);
        const name = `layout-${v.username}-${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}-${px}`;
        await rig.screenshot(page, name);
      }
      expect(found, found.join('\n')).toEqual([]);
      await page.context().close();
    },
  );
});
