/** The facts a screening tests, derived from a proposal in the units the catalogue uses. Pure. */
import type { Facts, ProposalFacts } from "./criteria.ts";

export interface ProposalInput {
  vsic_codes: readonly string[];
  products?: readonly string[] | undefined;
  currency: "VND" | "USD";
  vnd_per_usd?: number | undefined;
  capital: number;
  output_per_year?: number | undefined;
  land_ha?: number | undefined;
  workers?: number | undefined;
  technology_level?: string | undefined;
  equipment_year?: number | undefined;
  pollution_risk_group?: string | undefined;
  water_m3_per_day?: number | undefined;
  zone_code?: string | undefined;
}

const BILLION = 1e9;

/**
 * Money becomes tỷ đồng (at the proposal's rate when in USD); per-hectare figures need a land area;
 * equipment age counts whole years from its year of manufacture to the screening date's year.
 */
export function proposalFacts(p: ProposalInput, screenedOn: string, inZone: boolean): ProposalFacts {
  const billions = (amount: number) =>
    (p.currency === "USD" ? amount * (p.vnd_per_usd ?? 0) : amount) / BILLION;
  const capital = billions(p.capital);
  const land = p.land_ha;
  const facts: Facts = { capital, in_zone: inZone };
  if (land !== undefined) {
    facts.land_ha = land;
    facts.capital_per_ha = capital / land;
    if (p.output_per_year !== undefined) facts.output_per_ha = billions(p.output_per_year) / land;
    if (p.workers !== undefined) facts.workers_per_ha = p.workers / land;
  }
  if (p.workers !== undefined) facts.workers = p.workers;
  if (p.equipment_year !== undefined) facts.equipment_age = Number(screenedOn.slice(0, 4)) - p.equipment_year;
  if (p.water_m3_per_day !== undefined) facts.water_m3_per_day = p.water_m3_per_day;
  if (p.technology_level !== undefined) facts.technology_level = p.technology_level;
  if (p.pollution_risk_group !== undefined) facts.pollution_risk_group = p.pollution_risk_group;
  return { vsic_codes: p.vsic_codes, products: p.products ?? [], facts };
}
