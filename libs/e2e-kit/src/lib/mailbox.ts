/** Reads the emails the API wrote, through the dev mailbox API (outside production only). */
export interface CapturedEmail {
  id: string;
  kind: string;
  to: string;
  subject: string;
  createdAt: string;
  html: string;
  text: string;
}

interface Summary {
  id: string;
  to: string;
  kind: string;
  subject: string;
  createdAt: string;
}

/**
 * Waits for the newest email to `to` (optionally of a kind, optionally written after `since`).
 */
export async function waitForEmail(
  baseUrl: string,
  criteria: { to: string; kind?: string; since?: Date; timeoutMs?: number },
): Promise<CapturedEmail> {
  const deadline = Date.now() + (criteria.timeoutMs ?? 15_000);
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/api/dev/mailbox?limit=200`);
    const list = (await response.json()) as Summary[];
    const found = list.find(
      (email) =>
        email.to === criteria.to &&
        (!criteria.kind || email.kind === criteria.kind) &&
        (!criteria.since || new Date(email.createdAt) >= criteria.since),
    );
    if (found)
      return (await (
        await fetch(`${baseUrl}/api/dev/mailbox/${found.id}`)
      ).json()) as CapturedEmail;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(
    `No email to ${criteria.to}${criteria.kind ? ` of kind ${criteria.kind}` : ''} within the time allowed`,
  );
}

/** The first link of the email's text part whose path starts with `pathPrefix`. */
export function linkIn(email: CapturedEmail, pathPrefix: string): string {
  const link = email.text
    .match(/https?:\/\/\S+/g)
    ?.find((url) => new URL(url).pathname.startsWith(pathPrefix));
  if (!link) throw new Error(`No link to ${pathPrefix} in the email "${email.subject}"`);
  return link;
}
