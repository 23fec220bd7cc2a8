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
