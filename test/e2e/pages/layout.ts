/** Layout read from the page as a person sees it: how tall an element is, in pixels or in lines of its own text. */
import type { Locator } from '@playwright/test';

export async function heightOf(locator: Locator): Promise<number> {
  return locator.evaluate((element) => element.getBoundingClientRect().height);
}

/** How many lines of its own text one element is tall (its height over its computed line height). */
export async function linesOf(locator: Locator): Promise<number> {
  const [lines] = await linesOfEach(locator);
  if (lines === undefined) throw new Error('linesOf: no element');
  return lines;
}

/** linesOf for every element the locator matches, in document order. */
export async function linesOfEach(locator: Locator): Promise<number[]> {
  return locator.evaluateAll((elements) =>
    elements.map((element) => {
      const lineHeight = Number.parseFloat(element.ownerDocument.defaultView?.getComputedStyle(element).lineHeight ?? 'NaN');
      return element.getBoundingClientRect().height / lineHeight;
    }),
  );
}
