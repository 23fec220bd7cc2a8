import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export interface PageViolation {
  id: string;
  help: string;
  nodes: string[];
}

/**
 * A page wider than the viewport scrolls sideways (WCAG 1.4.10, reflow): reported as a violation
 * named `page-wider-than-viewport`, with the elements that stick out past the right edge.
 */
export async function horizontalOverflow(page: Page): Promise<PageViolation[]> {
  const found = await page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const width = document.documentElement.scrollWidth;
    if (width <= viewport) return null;
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.classList.length ? `.${[...element.classList].join('.')}` : ''}`;
    // The deepest elements past the edge: their ancestors only stick out because of them.
    const outside = [...document.body.querySelectorAll('*')].filter(
      (element) => element.getBoundingClientRect().right > viewport + 0.5,
    );
    const leaves = outside.filter(
      (element) => !outside.some((other) => other !== element && element.contains(other)),
    );
    return { viewport, width, nodes: leaves.slice(0, 8).map(describe) };
  });
  if (!found) return [];
  return [
    {
      id: 'page-wider-than-viewport',
      help: `The page is ${found.width} px wide in a ${found.viewport} px viewport`,
      nodes: found.nodes,
    },
  ];
}

/**
 * Violations of WCAG 2.1 A/AA rules on the page as it is now (none expected), and a page wider
 * than the viewport: every page the suites check is checked at 360 and 1280 px.
 */
export async function accessibilityViolations(page: Page): Promise<PageViolation[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return [
    ...results.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    })),
    ...(await horizontalOverflow(page)),
  ];
}
