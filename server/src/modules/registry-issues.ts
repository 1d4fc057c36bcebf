/** Domain validation messages shared by zones, enterprises and projects (stable codes, vi + en). */
import type { Issue } from "../platform/errors.ts";
import type { Point } from "../platform/geo.ts";
import { insideHaiPhong, type ReferenceIndex } from "./reference/reference.service.ts";

export function issue(code: string, field: string, vi: string, en: string, value?: unknown): Issue {
  return { code, field, message: { vi, en }, ...(value === undefined ? {} : { value }) };
}

export function checkCommune(index: ReferenceIndex, field: string, code: string | null | undefined): Issue[] {
  if (!code || index.communes.has(code)) return [];
  return [
    issue(
      "registry.commune_unknown",
      field,
      `Mã xã/phường ${code} không thuộc Hải Phòng.`,
      `Commune code ${code} is not a Hải Phòng commune.`,
      code,
    ),
  ];
}

export function checkVsic(index: ReferenceIndex, field: string, codes: readonly string[]): Issue[] {
  return codes
    .filter((c) => !index.vsic.has(c))
    .map((c) =>
      issue(
        "registry.vsic_unknown",
        field,
        `Mã ngành ${c} không có trong VSIC 2025 (ngành B–E).`,
        `Code ${c} is not in VSIC 2025 (sections B–E).`,
        c,
      ),
    );
}

export function checkCountries(index: ReferenceIndex, field: string, codes: readonly string[]): Issue[] {
  return codes
    .filter((c) => !index.countries.has(c))
    .map((c) =>
      issue(
        "registry.country_unknown",
        field,
        `Mã quốc gia ${c} không hợp lệ.`,
        `Unknown country code ${c}.`,
        c,
      ),
    );
}

export function checkPoint(index: ReferenceIndex, field: string, point: Point | null | undefined): Issue[] {
  if (!point || insideHaiPhong(index, point)) return [];
  return [
    issue(
      "registry.point_outside_city",
      field,
      `Toạ độ (${point.lon}, ${point.lat}) nằm ngoài địa giới Hải Phòng.`,
      `Point (${point.lon}, ${point.lat}) is outside Hải Phòng.`,
    ),
  ];
}

export function checkZone(
  zoneCodes: ReadonlySet<string>,
  field: string,
  code: string | null | undefined,
): Issue[] {
  if (!code || zoneCodes.has(code)) return [];
  return [
    issue(
      "registry.zone_unknown",
      field,
      `Không có khu/cụm công nghiệp mã ${code}.`,
      `No zone with code ${code}.`,
      code,
    ),
  ];
}
