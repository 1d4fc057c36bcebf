/** Splits published totals over synthetic rows so that the rows add up exactly. Pure. */
import type { Rng } from "../../platform/random.ts";

/** Log-normal weights: a few large rows and many small ones, as in real registries. */
export function lognormalWeights(rng: Rng, n: number, sigma: number): number[] {
  return Array.from({ length: n }, () => {
    const u1 = Math.max(rng.next(), 1e-12);
    const u2 = rng.next();
    return Math.exp(sigma * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
  });
}

/**
 * Shares `total` in proportion to `weights`, each a multiple of `unit`, summing exactly to `total`
 * (largest-remainder method). `total` must itself be a multiple of `unit`.
 */
export function apportion(total: number, weights: readonly number[], unit = 1): number[] {
  const units = Math.round(total / unit);
  const sum = weights.reduce((s, w) => s + w, 0);
  const raw = weights.map((w) => (w / sum) * units);
  const floors = raw.map(Math.floor);
  let left = units - floors.reduce((s, v) => s + v, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] as number) + 1;
    left--;
  }
  return floors.map((f) => f * unit);
}

/** A date between two ISO dates; `skew` < 1 favours recent dates. */
export function dateBetween(rng: Rng, from: string, to: string, skew = 1): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  const t = a + (b - a) * rng.next() ** skew;
  return new Date(t).toISOString().slice(0, 10);
}

export function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Approximate yearly VND/USD rates used to convert synthetic projects (not an official series). */
const RATES: Array<[number, number]> = [
  [1995, 11_000],
  [2000, 14_100],
  [2005, 15_900],
  [2008, 16_500],
  [2010, 18_600],
  [2012, 20_800],
  [2015, 21_900],
  [2018, 22_700],
  [2020, 23_200],
  [2022, 23_400],
  [2023, 23_800],
  [2024, 24_900],
  [2025, 25_900],
  [2026, 26_300],
];

export function rateFor(date: string): { vnd_per_usd: number; rate_date: string } {
  const year = Number(date.slice(0, 4));
  let rate = RATES[0]?.[1] as number;
  for (const [y, r] of RATES) if (y <= year) rate = r;
  return { vnd_per_usd: rate, rate_date: `${year}-01-02` };
}
