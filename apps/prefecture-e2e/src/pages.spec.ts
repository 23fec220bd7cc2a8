import { expect, test } from '@playwright/test';
import { accessibilityViolations } from '@t3p/e2e-kit';

test('the back-office home is served under /prefecture/ without accessibility violation', async ({
  page,
}) => {
  await page.goto('');
  await expect(page).toHaveURL(/\/prefecture\/$/);
  await expect(page.locator('h1')).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('the agent sign-in page is accessible', async ({ page }) => {
  await page.goto('connexion');
  await expect(page.getByRole('textbox', { name: /adresse/i })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});
