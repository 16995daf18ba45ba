// Lighthouse simulates a mid-tier phone by multiplying the CPU time it measured on this host by 4. Its throttling
// documentation says to calibrate that factor to the host: a "low-end desktop" (benchmarkIndex 1,000–1,500) should use
// about 2×, a fast one more than 4×; PageSpeed Insights itself runs with 1.2× for its hosts. This is the piecewise
// line of Lighthouse's own CPU throttling calculator (lighthouse-cpu-throttling-calculator.vercel.app), linked from
// that documentation: 150 → 1×, 800 → 2×, 1,300 → 3×, then one more for every 233 points.

/** The multiplier Lighthouse's calculator suggests for a host's benchmarkIndex, or null when the host is too slow to emulate a phone. */
export function suggestedCpuSlowdown(benchmarkIndex: number): number | null {
  if (!Number.isFinite(benchmarkIndex) || benchmarkIndex < 150) return null;
  if (benchmarkIndex >= 1300) return 3 + (benchmarkIndex - 1300) / 233;
  if (benchmarkIndex >= 800) return 2 + (benchmarkIndex - 800) / 500;
  return 1 + (benchmarkIndex - 150) / 650;
}

/** LIGHTHOUSE_CPU_SLOWDOWN read strictly: unset means Lighthouse's default (4); anything else must be a number from 1 to 20. */
export function parseCpuSlowdown(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const factor = Number(value);
  if (!Number.isFinite(factor) || factor < 1 || factor > 20) throw new Error(`LIGHTHOUSE_CPU_SLOWDOWN must be a number from 1 to 20 (got "${value}")`);
  return factor;
}
