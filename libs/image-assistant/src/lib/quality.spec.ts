import fc from 'fast-check';
import { searchQuality } from './quality';

/** A fake encoder whose weight grows with quality (like a JPEG encoder on a given picture). */
const monotone = (base: number, slope: number) => (q: number) =>
  new Uint8Array(Math.round(base + slope * q * q));

describe('searchQuality', () => {
  it('keeps the top quality when it fits, with one encode', async () => {
    const r = await searchQuality(monotone(1000, 1), { maxBytes: 81920 });
    expect(r).toMatchObject({ ok: true, quality: 95, encodes: 1 });
  });

  it('finds the highest quality that fits a monotone encoder', async () => {
    const encode = monotone(5000, 12); // q=78 → 78008, q=79 → 79892, q=80 → 81800, q=81 → 83732
    const r = await searchQuality(encode, { maxBytes: 81920 });
    expect(r.ok && r.quality).toBe(80);
    expect(r.ok && r.bytes.length).toBe(81800);
    expect(r.encodes).toBeLessThanOrEqual(8);
  });

  it('says so when even the lowest quality is too heavy', async () => {
    const r = await searchQuality(monotone(90000, 1), { maxBytes: 81920 });
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.smallestBytes).toBe(90000 + 900);
  });

  it('rejects a nonsensical range', async () => {
    await expect(
      searchQuality(monotone(0, 1), { maxBytes: 10, minQuality: 90, maxQuality: 10 }),
    ).rejects.toThrow(RangeError);
  });

  it('property: every output is ≤ the limit, for any encoder, monotone or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 100, maxLength: 100 }),
        fc.constantFrom(51200, 81920),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 60, max: 100 }),
        async (sizes, maxBytes, minQuality, maxQuality) => {
          const r = await searchQuality((q) => new Uint8Array(sizes[q - 1]), {
            maxBytes,
            minQuality,
            maxQuality,
          });
          if (r.ok) {
            expect(r.bytes.length).toBeLessThanOrEqual(maxBytes);
            expect(r.quality).toBeGreaterThanOrEqual(minQuality);
            expect(r.quality).toBeLessThanOrEqual(maxQuality);
          }
        },
      ),
    );
  });

  it('property: with a monotone encoder the answer is the best that fits', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 60000 }),
        fc.integer({ min: 1, max: 40 }),
        async (base, slope) => {
          const encode = monotone(base, slope);
          const r = await searchQuality(encode, { maxBytes: 81920 });
          const fits = (q: number) => encode(q).length <= 81920;
          const best = [...Array(66).keys()].map((i) => 95 - i).find(fits);
          if (best === undefined) expect(r.ok).toBe(false);
          else expect(r.ok && r.quality).toBe(best);
        },
      ),
    );
  });
});
