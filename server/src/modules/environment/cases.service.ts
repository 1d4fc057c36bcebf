/**
 * Violation cases. Consecutive exceedances of a stream and averaging period form an episode; an
 * episode opens a case against the station's owner, unless the stream already has an unresolved
 * case for that period, which then records the new episode (one active case per stream and period,
 * so a sensor flapping around its limit does not bury inspectors in cases).
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
    const key = `${e.datastream_id}|${e.averaging}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  for (const list of groups.values()) {
    list.sort((a, b) => a.period_end.localeCompare(b.period_end));
    const first = list[0] as ExceedanceRow;
    const stream = streams.get(first.datastream_id);
    if (!stream) continue;
    const step = STEP[first.averaging] ?? HOUR;
    let active = await repo.activeCaseFor(trx, first.datastream_id, first.averaging);
    let caseId: number;
    let last: number;
    if (active) {
      caseId = active.id;
      last = new Date(active.last_period_end).getTime();
    } else {
      const opened = await repo.insertCase(trx, {
        station_id: stream.station.id,
        parameter: stream.parameter,
        ...first,
      });
      caseId = opened.id;
      last = new Date(first.period_end).getTime();
      await repo.insertCaseEvent(trx, {
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
      active = undefined;
    }
    const rest = active ? list : list.slice(1);
    for (const e of rest) {
      const at = new Date(e.period_end).getTime();
      if (at - last > step) {
        await repo.insertCaseEvent(trx, {
          case_id: caseId,
          user_id: null,
          username: "system",
          kind: "extended",
          note: `Đợt vượt mới / new episode: ${stream.parameter} ${e.averaging} = ${round(e.value)} > ${e.limit_value}`,
          data: { period_end: e.period_end, value: e.value, limit: e.limit_value },
        });
      }
      await repo.extendCase(trx, caseId, e);
      last = Math.max(last, at);
    }
    await repo.linkExceedances(
      trx,
      caseId,
      first.datastream_id,
      first.averaging,
      list.map((e) => e.period_end),
    );
  }
}

const round = (x: number) => Math.round(x * 100) / 100;
