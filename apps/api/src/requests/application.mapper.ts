import type { ApplicationDetail } from '@t3p/contracts';
import { OPEN_IMAGE_REQUEST_STATES } from '@t3p/contracts';
import type { ApplicationRows } from './requests.repository';

const DAY = 86_400_000;

/** Entities never leave the API: this is what a driver or an agent sees of an application. */
export function toApplicationDetail(
  { application, driver, prefecture, request }: ApplicationRows,
  delays: { reminderDays: number; cancellationDays: number },
): ApplicationDetail {
  let deadline: Date | null = null;
  if (
    request &&
    OPEN_IMAGE_REQUEST_STATES.includes(request.state) &&
    request.state !== 'SUBMITTED'
  ) {
    const remindedAt =
      request.remindedAt ?? new Date(request.createdAt.getTime() + delays.reminderDays * DAY);
    deadline = new Date(remindedAt.getTime() + delays.cancellationDays * DAY);
  }
  return {
    driver: {
      civility: driver.civility,
      lastName: driver.lastName,
      firstName: driver.firstName,
      email: driver.email,
      driverIdentifier: driver.driverIdentifier,
      address: {
        line1: driver.addressLine1,
        line2: driver.addressLine2,
        postalCode: driver.postalCode,
        city: driver.city,
      },
    },
    application: {
      id: application.id,
      cardType: application.cardType,
      cardNumber: application.cardNumber,
      state: application.state,
      prefecture: { name: prefecture.name, departement: prefecture.departement },
    },
    request: request
      ? {
          id: request.id,
          state: request.state,
          photoRequested: request.photoRequested,
          signatureRequested: request.signatureRequested,
          reason: request.reasonText,
          createdAt: request.createdAt.toISOString(),
          deadline: deadline ? deadline.toISOString() : null,
        }
      : null,
  };
}
