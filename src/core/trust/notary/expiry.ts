import { NotaryError } from './notary-error';

const DAY_MS = 24 * 60 * 60 * 1000;

export function expiryTime(expires: string): number {
  return Date.parse(expires);
}

/** ISO 8601 in UTC, milliseconds precision: what the evidence shows. */
export function isoDate(expires: string | number): string {
  return new Date(typeof expires === 'number' ? expires : expiryTime(expires)).toISOString();
}

/** Fails with TUF_EXPIRED when `expires` is not after the operation's reference time. */
export function verifyNotExpired(role: string, expires: string, referenceTime: number): void {
  if (expiryTime(expires) > referenceTime) return;
  throw new NotaryError(
    'TUF_EXPIRED',
    `The ${role} trust data expired on ${isoDate(expires)}: the publisher must re-sign it.`,
    {
      role,
      expires: isoDate(expires),
    },
  );
}

/** Whether a date falls within the warning window from the reference time. */
export function expiresWithin(time: number, referenceTime: number, days: number): boolean {
  return time > referenceTime && time - referenceTime <= days * DAY_MS;
}

export function daysLeft(time: number, referenceTime: number): number {
  return Math.floor((time - referenceTime) / DAY_MS);
}
