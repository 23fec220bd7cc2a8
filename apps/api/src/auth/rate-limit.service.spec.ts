import { ManualClock } from '../common/clock';
import type { AuthRepository } from './auth.repository';
import type { AuthSecret } from './auth-secret';
import { RateLimitedException, RateLimitService } from './rate-limit.service';

/** In-memory stand-in of the repository's rate-limit methods. */
class FakeEvents {
  events: { id: string; bucket: string; at: Date }[] = [];
  private next = 0;
  async hit(bucket: string, now: Date, windowStart: Date) {
    this.events = this.events.filter((event) => !(event.bucket === bucket && event.at < windowStart));
    const id = String((this.next += 1));
    this.events.push({ id, bucket, at: now });
    return { id, count: this.events.filter((event) => event.bucket === bucket && event.at > windowStart).length };
  }
  async unhit(id: string) {
    this.events = this.events.filter((event) => event.id !== id);
  }
  async oldestHit(bucket: string, windowStart: Date) {
    const times = this.events.filter((event) => event.bucket === bucket && event.at > windowStart).map((event) => event.at.getTime());
    return times.length ? new Date(Math.min(...times)) : null;
  }
}

describe('RateLimitService', () => {
  const setUp = () => {
    const clock = new ManualClock(new Date('2026-01-05T10:00:00Z'));
    const events = new FakeEvents();
    const service = new RateLimitService(events as unknown as AuthRepository, clock, { value: 'k'.repeat(32) } as AuthSecret);
    return { clock, events, service };
  };

  it('lets the limit through, refuses the next with the wait, and frees a slot after an hour', async () => {
    const { clock, service } = setUp();
    for (let index = 0; index < 5; index += 1) {
      await service.consume([{ key: 'address:a@b.fr', perHour: 5 }]);
      clock.advanceMinutes(10);
    }
    const refused = await service.consume([{ key: 'address:a@b.fr', perHour: 5 }]).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedException);
    expect((refused as RateLimitedException).retryAfterSeconds).toBe(10 * 60);
    expect((refused as RateLimitedException).message).toBe(
      'Vous avez demandé trop de liens de connexion. Patientez 10 minutes avant de réessayer.',
    );
    clock.advanceMinutes(10);
    await expect(service.consume([{ key: 'address:a@b.fr', perHour: 5 }])).resolves.toBeUndefined();
  });

  it('keeps no address in clear and takes back refused attempts in every bucket', async () => {
    const { events, service } = setUp();
    await service.consume([{ key: 'client:1', perHour: 10 }, { key: 'address:x@y.fr', perHour: 1 }]);
    await expect(service.consume([{ key: 'client:1', perHour: 10 }, { key: 'address:x@y.fr', perHour: 1 }])).rejects.toBeInstanceOf(
      RateLimitedException,
    );
    expect(events.events).toHaveLength(2);
    expect(events.events.every((event) => /^[0-9a-f]{64}$/.test(event.bucket))).toBe(true);
  });
});
