/**
 * Synthetic supervision data for the demo city (flagged synthetic, deterministic from the seed):
 * milestone dates actually reached (most on time, some late, some not yet), quarterly and annual
 * investor reports since 2025 (most received, some late, a few returned or missing), and a first
 * run of the supervision job on the demo's "today", so the board opens on a living city.
 */
import type { Insertable } from "kysely";
import type { Db } from "../../db/database.ts";
import { createRng } from "../../platform/random.ts";
import { addMonths } from "../../platform/time.ts";
import { allProjects, projectRefs } from "../projects/projects.service.ts";
import type { InvReportTable } from "./investment.table.ts";
import { dueDate, duePeriods, periodBounds } from "./periods.ts";
import * as reports from "./reports.repository.ts";
import { dueRules } from "./reports.service.ts";
import { insertProgress } from "./supervision.repository.ts";
import { type JobResult, runSupervision } from "./supervision.service.ts";

const shift = (d: string, days: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export interface InvestmentDemo {
  milestones_reached: number;
  reports: number;
  job: JobResult;
}

export async function seedInvestmentDemo(
  db: Db,
  options: { seed: number; today: string },
): Promise<InvestmentDemo> {
  const rng = createRng(options.seed ^ 0x1a2b3c);
  const { today } = options;
  const projects = await allProjects(db, {}, "irc_number");
  const refs = await projectRefs(
    db,
    projects.map((p) => p.irc_number),
  );
  const rules = await dueRules(db, today);
  const progress: Array<{ project_id: number; milestone_code: string; actual_on: string }> = [];
  const rows: Insertable<InvReportTable>[] = [];
  for (const p of projects) {
    const ref = refs.get(p.irc_number);
    if (!ref || !p.issued_on) continue;
    // One project in five runs behind: its milestones slip by months, or have not happened yet.
    const laggard = rng.next() < 0.2;
    for (const m of p.milestones) {
      if (m.due > today) continue;
      // Long-past milestones were reached (some late); the recent ones are where projects lag.
      const recent = m.due > addMonths(today, -18);
      const reached = !recent || (laggard ? rng.next() < 0.3 : rng.next() < 0.97);
      if (!reached) continue;
      const actual = laggard ? addMonths(m.due, rng.int(1, 8)) : shift(m.due, -rng.int(0, 60));
      if (actual <= today && actual >= p.issued_on)
        progress.push({ project_id: ref.id, milestone_code: m.code, actual_on: actual });
    }
    let disbursed = p.capital.disbursed * (0.4 + rng.next() * 0.3);
    const workers = rng.int(40, 1500);
    for (const { year, period } of duePeriods(today, 2025, rules).reverse()) {
      const bounds = periodBounds(year, period);
      if (p.issued_on > bounds.end || p.status === "terminated") continue;
      if (rng.next() < (laggard ? 0.35 : 0.08)) continue;
      const due = dueDate(year, period, rules);
      disbursed = Math.min(p.capital.registered, disbursed * (1 + rng.next() * 0.08));
      // Never after the demo's "today" (ISO dates compare as text).
      const submitted = [
        shift(due, rng.next() < 0.15 ? rng.int(1, 40) : -rng.int(0, 9)),
        today,
      ].sort()[0] as string;
      const old = shift(due, 60) < today;
      const returned = !old && rng.next() < 0.04;
      const revenue = Math.round(workers * (0.4 + rng.next()) * 1e9 * (period === "Y" ? 1 : 0.25));
      rows.push({
        project_id: ref.id,
        year,
        period,
        due_on: due,
        capital_disbursed: Math.round(disbursed),
        revenue_vnd: revenue,
        exports_usd: Math.round((revenue / ref.vnd_per_usd) * rng.next() * 0.8),
        workers: Math.round(workers * (0.9 + rng.next() * 0.2)),
        taxes_vnd: Math.round(revenue * (0.02 + rng.next() * 0.04)),
        rnd_vnd: Math.round(revenue * rng.next() * 0.01),
        environment_vnd: Math.round(revenue * rng.next() * 0.005),
        milestone_actuals: "{}",
        flags: "[]",
        status: old ? "accepted" : returned ? "returned" : "submitted",
        channel: "demo",
        submitted_at: new Date(`${submitted}T09:00:00+07:00`),
        submitted_by: "dữ liệu mô phỏng",
        reviewed_at: old || returned ? new Date(`${shift(submitted, 5)}T10:00:00+07:00`) : null,
        reviewed_by: old || returned ? "dữ liệu mô phỏng" : null,
        review_note: returned ? "Thiếu số liệu lao động cuối kỳ (mô phỏng)" : null,
        is_synthetic: true,
      });
    }
  }
  await db.transaction().execute(async (trx) => {
    await insertProgress(trx, progress);
    await reports.insertReports(trx, rows);
  });
  const job = await runSupervision(db, today);
  return { milestones_reached: progress.length, reports: rows.length, job };
}
