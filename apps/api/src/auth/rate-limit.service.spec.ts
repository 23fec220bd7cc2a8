import { ManualClock } from '../common/clock';
import type { AuthRepository } from './auth.repository';
import type { AuthSecret } from './auth-secret';
import { RateLimitedException, RateLimitService, spacingOf } from './rate-limit.service';

/** In-memory stand-in of the repository's rate-limit methods. */
class FakeEvents {
  events: { id: string; bucket: string; at: Date }[] = [];
  private next = 0;
  async hit(bucket: string, now: Date, windowStart: Date) {
    this.events = this.events.filter(
      (event) => !(event.bucket === bucket && event.at < windowStart),
    );
    const id = String((this.next += 1));
    this.events.push({ id, bucket, at: now });
    return {
      id,
      count: this.events.filter((event) => event.bucket === bucket && event.at > windowStart)
        .length,
    };
  }
  async unhit(id: string) {
    this.events = this.events.filter((event) => event.id !== id);
  }
  async latestHitBefore(bucket: string, windowStart: Date, exceptId: string) {
    const times = this.events
      .filter((event) => event.bucket === bucket && event.at > windowStart && event.id !== exceptId)
      .map((event) => event.at.getTime());
    return times.length ? new Date(Math.max(...times)) : null;
  }
  async oldestHit(bucket: string, windowStart: Date) {
    const times = this.events
      .filter((event) => event.bucket === bucket && event.at > windowStart)
      .map((event) => event.at.getTime());
    return times.length ? new Date(Math.min(...times)) : null;
  }
}

describe('RateLimitService', () => {
  const setUp = () => {
    const clock = new ManualClock(new Date('2026-01-05T10:00:00Z'));
    const events = new FakeEvents();
    const service = new RateLimitService(events as unknown as AuthRepository, clock, {
      value: 'k'.repeat(32),
    } as AuthSecret);
    return { clock, events, service };
  };

  it('lets the limit through, refuses the next with the wait, and frees a slot after an hour', async () => {
    const { clock, service } = setUp();
    for (let index = 0; index < 5; index += 1) {
      await service.consume([{ key: 'address:a@b.fr', perHour: 5 }]);
      clock.advanceMinutes(10);
    }
    const refused = await service
      .consume([{ key: 'address:a@b.fr', perHour: 5 }])
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedException);
    expect((refused as RateLimitedException).retryAfterSeconds).toBe(10 * 60);
    expect((refused as RateLimitedException).message).toBe(
      'Plusieurs liens de connexion viennent de vous être envoyés : le dernier reçu reste valable, utilisez-le. ' +
        'S’il n’apparaît pas dans votre boîte de réception, regardez dans les courriers indésirables (spam). ' +
        'Vous pourrez demander un nouveau lien dans 10 minutes.',
    );
    clock.advanceMinutes(10);
    await expect(service.consume([{ key: 'address:a@b.fr', perHour: 5 }])).resolves.toBeUndefined();
  });

  it('keeps no address in clear and takes back refused attempts in every bucket', async () => {
    const { events, service } = setUp();
    await service.consume([
      { key: 'client:1', perHour: 10 },
      { key: 'address:x@y.fr', perHour: 1 },
    ]);
    await expect(
      service.consume([
        { key: 'client:1', perHour: 10 },
        { key: 'address:x@y.fr', perHour: 1 },
      ]),
    ).rejects.toBeInstanceOf(RateLimitedException);
    expect(events.events).toHaveLength(2);
    expect(events.events.every((event) => /^[0-9a-f]{64}$/.test(event.bucket))).toBe(true);
  });

  it('spaces the links out: three at once, then 1, 2, 5, 10, 15 minutes after the previous one, 8 an hour at most', async () => {
    const { clock, service } = setUp();
    const limit = {
      key: 'address:c@d.fr',
      perHour: 8,
      spacingMinutes: spacingOf('0,0,0,1,2,5,10,15'),
    };
    const waitOf = async () => {
      const error = await service.consume([limit]).catch((failure: unknown) => failure);
      return error instanceof RateLimitedException ? error.retryAfterSeconds : 0;
    };
    for (let index = 0; index < 3; index += 1) expect(await waitOf()).toBe(0);
    const waits: number[] = [];
    for (const gap of [1, 2, 5, 10, 15]) {
      clock.advanceMinutes(gap - 0.5);
      waits.push(await waitOf());
      clock.advanceMinutes(0.5);
      expect(await waitOf()).toBe(0);
    }
    // Each early attempt is told the half minute left, and does not count.
    expect(waits).toEqual([30, 30, 30, 30, 30]);
    // 8 links in 33 minutes: the hard cap holds until the first leaves the hour.
    clock.advanceMinutes(20);
    expect(await waitOf()).toBe(7 * 60);
    clock.advanceMinutes(7);
    expect(await waitOf()).toBe(0);
  });
});
