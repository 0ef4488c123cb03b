import type { Page } from 'playwright-core';

/**
 * Selects words of the section text with the mouse, as a person does: press, drag, release. Works
 * in the read-only editor too, which is how reviewers pick what to comment on.
 */
export async function dragSelect(page: Page, words: string): Promise<void> {
  const box = await page.evaluate((wanted) => {
    const root = document.getElementById('section-text')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent!.indexOf(wanted);
      if (index < 0) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + wanted.length);
      // In the middle of the window, so the drag neither starts nor ends where the page scrolls.
      node.parentElement!.scrollIntoView({ block: 'center', inline: 'nearest' });
      const rects = range.getClientRects();
      const first = rects[0]!;
      const last = rects[rects.length - 1]!;
      return {
        startX: first.left + 1,
        startY: first.top + first.height / 2,
        endX: last.right - 1,
        endY: last.top + last.height / 2,
      };
    }
    return null;
  }, words);
  if (!box) throw new Error(`"${words}" is not in the text`);
  await page.mouse.move(box.startX, box.startY);
  await page.mouse.down();
  await page.mouse.move(box.endX, box.endY, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction((wanted) => document.getSelection()?.toString() === wanted, words);
}
