/**
 * Episodes: consecutive exceedances of a stream and averaging period form an episode; an episode
 * opens a violation case against the station's owner, unless the stream already has an unresolved
 * case for that period, which then records the new episode (one active case per stream and period,
 * so a sensor flapping around its limit does not bury inspectors in cases). Runs inside the
 * ingestion transaction.
 */
import type { Db } from "../../db/database.ts";
import { recordAudit, SYSTEM_ACTOR } from "../audit/audit.service.ts";
import * as repo from "./cases.repository.ts";
import type { ExceedanceRow, StationRecord } from "./ingest.repository.ts";

const HOUR = 3600_000;
const STEP: Record<string, number> = { "1h": HOUR, "8h": HOUR, "24h": 24 * HOUR };

export async function openOrExtendCases(
  trx: Db,
  fresh: readonly ExceedanceRow[],
  streams: ReadonlyMap<number, { station: StationRecord; parameter: string }>,
): Promise<void> {
  const groups = new Map<string, ExceedanceRow[]>();
  for (const e of fresh) {
    if (!streams.has(e.datastream_id)) continue;
    const key = `${e.datastream_id}|${e.averaging}`;
    const list = groups.get(key) ?? [];
    list.push(e);
    groups.set(key, list);
  }
  if (groups.size === 0) return;
  // Every stream's active case at once, locked; new cases only where there is none (rare).
  const active = await repo.activeCasesFor(
    trx,
    [...groups.values()].map((l) => ({
      datastream_id: (l[0] as ExceedanceRow).datastream_id,
      averaging: (l[0] as ExceedanceRow).averaging,
    })),
  );
  const events: repo.CaseEvent[] = [];
  const extensions: repo.CaseExtension[] = [];
  const links: repo.CaseLink[] = [];
  for (const [key, list] of groups) {
    list.sort((a, b) => a.period_end.localeCompare(b.period_end));
    const first = list[0] as ExceedanceRow;
    const stream = streams.get(first.datastream_id) as { station: StationRecord; parameter: string };
    const step = STEP[first.averaging] ?? HOUR;
    const existing = active.get(key);
    let caseId: number;
    let last: number;
    let rest: ExceedanceRow[];
    if (existing) {
      caseId = existing.id;
      last = new Date(existing.last_period_end).getTime();
      rest = list;
    } else {
      const opened = await repo.insertCase(trx, {
        station_id: stream.station.id,
        parameter: stream.parameter,
        ...first,
      });
      caseId = opened.id;
      last = new Date(first.period_end).getTime();
      rest = list.slice(1);
      events.push({
        case_id: caseId,
        user_id: null,
        username: "system",
        kind: "opened",
        to_status: "open",
        note: `${stream.parameter} ${first.averaging} = ${round(first.value)} > ${first.limit_value} (${first.limit_table})`,
        data: { period_end: first.period_end, value: first.value, limit: first.limit_value },
      });
      await recordAudit(trx, SYSTEM_ACTOR, {
        action: "create",
        entityType: "env_case",
        entityId: opened.code,
        changes: {
          station: [null, stream.station.code],
          parameter: [null, stream.parameter],
          averaging: [null, first.averaging],
          status: [null, "open"],
        },
      });
    }
    // A gap of more than one step starts a new episode, recorded on the same active case.
    for (const e of rest) {
      const at = new Date(e.period_end).getTime();
      if (at - last > step) {
        events.push({
          case_id: caseId,
          user_id: null,
          username: "system",
          kind: "extended",
          note: `Đợt vượt mới / new episode: ${stream.parameter} ${e.averaging} = ${round(e.value)} > ${e.limit_value}`,
          data: { period_end: e.period_end, value: e.value, limit: e.limit_value },
        });
      }
      last = Math.max(last, at);
    }
    if (rest.length) {
      extensions.push({
        id: caseId,
        last_period_end: new Date(last).toISOString(),
        peak_value: Math.max(...rest.map((e) => e.value)),
        peak_ratio: Math.max(...rest.map((e) => e.ratio ?? 0)),
        count: rest.length,
      });
    }
    for (const e of list)
      links.push({
        case_id: caseId,
        datastream_id: e.datastream_id,
        averaging: e.averaging,
        period_end: e.period_end,
      });
  }
  await repo.insertCaseEvents(trx, events);
  await repo.extendCases(trx, extensions);
  await repo.linkExceedances(trx, links);
}

const round = (x: number) => Math.round(x * 100) / 100;
