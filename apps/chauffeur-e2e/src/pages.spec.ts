import { expect, test } from '@playwright/test';
import { accessibilityViolations } from '@t3p/e2e-kit';

const pages = [
  { path: '', heading: /photo d’identité et sa signature/i },
  { path: 'faq', heading: /questions/i },
  { path: 'guide', heading: /guide/i },
  { path: 'cgu', heading: /conditions/i },
  { path: 'mentions-legales', heading: /mentions/i },
  { path: 'accessibilite', heading: /accessibilit/i },
  { path: 'page-qui-n-existe-pas', heading: /introuvable/i },
];

for (const { path, heading } of pages) {
  test(`page /${path} is served by the API, readable and without accessibility violation`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('h1')).toHaveText(heading);
    await expect(page.getByRole('link', { name: /FAQ|Questions/i }).first()).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
}

test('the web fonts are fetched after the first paint, then the text is set in Marianne', async ({ page }) => {
  await page.goto('faq');
  await expect(page.locator('html')).toHaveClass(/t3p-web-fonts/);
  const timing = await page.evaluate(async () => {
    await document.fonts.ready;
    return {
      firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity,
      fontRequests: performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('.woff2'))
        .map((entry) => entry.startTime),
      loadedWeights: [...document.fonts].filter((face) => face.family === 'Marianne' && face.status === 'loaded').map((face) => face.weight),
      bodyFont: getComputedStyle(document.body).fontFamily,
    };
  });
  expect(timing.fontRequests.length).toBeGreaterThan(0);
  expect(Math.min(...timing.fontRequests)).toBeGreaterThan(timing.firstPaint);
  expect(timing.loadedWeights).toEqual(expect.arrayContaining(['400', '700']));
  expect(timing.bodyFont).toMatch(/^Marianne,/);
});
