import { expect, test, type Page } from '@playwright/test';
import { accessibilityViolations, linkIn, waitForEmail } from '@t3p/e2e-kit';

/** The Nord's responsable in the demo data. */
const RESPONSABLE = 'agent.nord@demo.t3p.example';

const origin = (baseURL: string | undefined) => new URL(baseURL ?? '').origin;

async function signInWithLink(
  page: Page,
  baseURL: string | undefined,
  email: string,
  since: Date,
): Promise<void> {
  const mail = await waitForEmail(origin(baseURL), { to: email, kind: 'SIGN_IN_LINK', since });
  await page.goto(linkIn(mail, '/prefecture/connexion/lien/'));
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/prefecture\/tableau-de-bord$/);
}

async function signIn(page: Page, baseURL: string | undefined, email: string): Promise<void> {
  const since = new Date(Date.now() - 1000);
  await page.goto('connexion');
  await page.getByRole('textbox', { name: /adresse/i }).fill(email);
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.getByText('Demande prise en compte')).toBeVisible();
  await signInWithLink(page, baseURL, email, since);
}

test('a responsable invites an agent, who signs in with the emailed link; deactivated, their session ends at once', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  const invitee = `invite.${testInfo.project.name}.${Date.now()}@nord.example`;
  await signIn(page, baseURL, RESPONSABLE);
  // The dashboard does not scroll sideways, at 360 px either (its table scrolls inside its frame).
  await expect(page.getByRole('table')).toBeVisible();
  const viewport = page.viewportSize()?.width ?? 0;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    viewport,
  );
  await page.screenshot({
    path: `${__dirname}/../../../docs/screenshots/prefecture-dashboard-${viewport}.png`,
    fullPage: true,
    animations: 'disabled',
  });
  await page.getByRole('link', { name: 'Gérer l’équipe de la préfecture' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Équipe de la préfecture' }),
  ).toBeVisible();

  const since = new Date(Date.now() - 1000);
  await page.getByLabel('Adresse électronique').fill(invitee);
  await page.getByLabel('Prénom').fill('Inès');
  await page.getByLabel('Nom', { exact: true }).fill('Nouvelle');
  await page.getByRole('button', { name: 'Inviter' }).click();
  await expect(
    page.getByText(`un lien de connexion vient de partir vers ${invitee}`),
  ).toBeVisible();
  await expect(page.locator(`li[data-email="${invitee}"]`)).toContainText('Actif');

  // The invitee, in a browser of their own, signs in with the link of the invitation.
  const inviteeContext = await browser.newContext({
    baseURL,
    viewport: page.viewportSize() ?? undefined,
  });
  const inviteePage = await inviteeContext.newPage();
  try {
    await signInWithLink(inviteePage, baseURL, invitee, since);
    await expect(inviteePage.getByText('Inès Nouvelle — Préfecture du Nord (59)')).toBeVisible();
    // An agent has no team page.
    await expect(
      inviteePage.getByRole('link', { name: 'Gérer l’équipe de la préfecture' }),
    ).toHaveCount(0);

    await page.reload();
    await expect(page.getByText('a invité Inès Nouvelle').first()).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
    const width = page.viewportSize()?.width ?? 0;
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
    await page.screenshot({
      path: testInfo.outputPath(`team-${width}.png`),
      fullPage: true,
      animations: 'disabled',
    });
    await page.screenshot({
      path: `${__dirname}/../../../docs/screenshots/prefecture-team-${width}.png`,
      fullPage: true,
      animations: 'disabled',
    });

    page.once('dialog', (dialog) => void dialog.accept());
    await page
      .locator(`li[data-email="${invitee}"]`)
      .getByRole('button', { name: /Désactiver/ })
      .click();
    await expect(page.getByText('Le compte de Inès Nouvelle est désactivé')).toBeVisible();
    await expect(page.locator(`li[data-email="${invitee}"]`)).toContainText('Désactivé');

    // The invitee's next request is refused: the page sends them back to the sign-in screen.
    await inviteePage.goto('tableau-de-bord');
    await expect(inviteePage).toHaveURL(/\/prefecture\/connexion$/);
  } finally {
    await inviteeContext.close();
  }
});
