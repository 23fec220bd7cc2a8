import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { accessibilityViolations, horizontalOverflow, waitForEmail } from '@t3p/e2e-kit';

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
  test(`page /${path} is served by the API, readable and without accessibility violation`, async ({
    page,
  }) => {
    await page.goto(path);
    await expect(page.locator('h1')).toHaveText(heading);
    await expect(page.getByRole('link', { name: /FAQ|Questions/i }).first()).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
}

test('the web fonts are fetched after the first paint, then the text is set in Marianne', async ({
  page,
}) => {
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
      loadedWeights: [...document.fonts]
        .filter((face) => face.family === 'Marianne' && face.status === 'loaded')
        .map((face) => face.weight),
      bodyFont: getComputedStyle(document.body).fontFamily,
    };
  });
  expect(timing.fontRequests.length).toBeGreaterThan(0);
  expect(Math.min(...timing.fontRequests)).toBeGreaterThan(timing.firstPaint);
  expect(timing.loadedWeights).toEqual(expect.arrayContaining(['400', '700']));
  expect(timing.bodyFont).toMatch(/^Marianne,/);
});

test('the home page, the FAQ and the guide quote the subject and the sender of the request email as they are sent', async ({
  page,
  request,
  baseURL,
}) => {
  const site = (await (await request.get('/api/site')).json()) as {
    emailSender: { name: string; address: string };
  };
  const email = await waitForEmail(new URL(baseURL ?? '').origin, {
    to: 'olivier.dupont@demo.t3p.example',
    kind: 'IMAGE_REQUEST',
  });
  for (const path of ['', 'faq', 'guide']) {
    await page.goto(path);
    const subject = page.getByTestId('request-subject').first();
    await expect(subject).toHaveText(/^Demande/);
    const quoted = (await subject.textContent())?.replace(/\s*…$/, '') ?? '';
    expect(quoted.length).toBeGreaterThan(10);
    // The subject drivers were told about for years, and the one the service sends.
    expect(quoted).toBe('Demande d’images pour votre carte');
    expect(email.subject.startsWith(quoted)).toBe(true);
    await expect(page.getByTestId('email-sender').first()).toHaveText(site.emailSender.address);
    await expect(subject).toHaveText(/…$/);
  }
});

test('the mentions légales name the host (name, address, phone) and the publication director, from the settings', async ({
  page,
  request,
}) => {
  const site = (await (await request.get('/api/site')).json()) as {
    legalNotice: {
      host: { name: string; address: string; phone: string };
      publicationDirector: string;
    };
  };
  await page.goto('mentions-legales');
  const host = page.getByTestId('host');
  await expect(host).toContainText(site.legalNotice.host.name);
  await expect(host).toContainText(site.legalNotice.host.address);
  await expect(host).toContainText(site.legalNotice.host.phone);
  await expect(page.getByTestId('publication-director')).toHaveText(
    site.legalNotice.publicationDirector,
  );
  expect(site.legalNotice.host.name).toBe('Hébergeur de démonstration SAS');
});

test('the dev mailbox shows a whole email: its frame is as tall as the email', async ({ page }) => {
  await page.goto('/api/dev/mailbox/page');
  await page
    .getByRole('link', { name: /Demande d’images pour votre carte/ })
    .first()
    .click();
  const frame = page.locator('iframe[title="Version HTML du courriel"]');
  await expect(frame).toBeVisible();
  await expect
    .poll(() =>
      frame.evaluate(
        (element: HTMLIFrameElement) =>
          element.clientHeight - (element.contentDocument?.documentElement.scrollHeight ?? 1e9),
      ),
    )
    .toBeGreaterThanOrEqual(0);
  // The button and the footer are inside the frame's visible box.
  const footer = frame.contentFrame().getByText('merci de ne pas y répondre');
  await expect(footer).toBeVisible();
  const inside = await frame.evaluate((element: HTMLIFrameElement) => {
    const doc = element.contentDocument;
    const last = doc?.body.lastElementChild?.getBoundingClientRect();
    return last ? last.bottom <= element.clientHeight : false;
  });
  expect(inside).toBe(true);
  // The email's frame runs no script (axe's included): the page around it is checked.
  const around = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('iframe')
    .options({ iframes: false })
    .analyze();
  expect(around.violations.map((violation) => violation.id)).toEqual([]);
  expect(await horizontalOverflow(page)).toEqual([]);
});
