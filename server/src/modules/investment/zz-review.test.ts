import { afterAll, beforeAll, it } from "vitest";
import { createTestApp, type TestContext } from "../../../test/test-app.ts";
import { SYSTEM_ACTOR } from "../audit/audit.service.ts";
import { versionInput } from "./catalogue.schemas.ts";
import { createVersion, publishVersion } from "./catalogue.service.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

it("concurrent publish", async () => {
  const db = t.handle.db;
  const { updateVersion } = await import("./catalogue.service.ts");
  await updateVersion(db, SYSTEM_ACTOR, "HP-MAU-2022", { in_force_to: "2039-12-31" });
  for (const code of ["RACE-A", "RACE-B"])
    await createVersion(
      db,
      SYSTEM_ACTOR,
      versionInput.parse({
        code,
        title_vi: code,
        in_force_from: "2040-01-01",
        entries: [{ code: "1", category: "encouraged", title_vi: "x", vsic_codes: [] }],
      }),
    );
  const r = await Promise.allSettled([
    publishVersion(db, SYSTEM_ACTOR, "RACE-A"),
    publishVersion(db, SYSTEM_ACTOR, "RACE-B"),
  ]);
  console.log(
    "REVIEW",
    JSON.stringify(
      r.map((x) =>
        x.status === "fulfilled" ? `ok ${x.value.status}` : `err ${(x.reason as Error).message}`,
      ),
    ),
  );
  const rows = await db
    .selectFrom("inv_catalogue_version")
    .select(["code", "status", "in_force_from", "in_force_to"])
    .where("code", "like", "RACE%")
    .execute();
  console.log("REVIEW", JSON.stringify(rows));
  const prop = await t.inject({
    method: "POST",
    url: "/api/v1/investment/screenings",
    payload: {
      title: "x",
      vsic_codes: ["2619"],
      currency: "VND",
      capital: 1e9,
      screened_on: "2040-02-01",
      zone_code: "",
    },
  });
  console.log("REVIEW screening empty zone", prop.statusCode, JSON.stringify(prop.json().facts));
});
