/**
 * Vietnamese tax codes (mã số thuế, also the enterprise code): ten digits whose last is a check digit,
 * optionally followed by "-001" … "-999" for a dependent unit (branch).
 * N10 = (10 − (Σ Nᵢ·Wᵢ mod 11)) mod 10 with W = 31, 29, 23, 19, 17, 13, 7, 5, 3.
 */
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

export type TaxCodeProblem = "format" | "check_digit" | "branch_suffix";

export type TaxCodeCheck =
  | { valid: true; normalized: string; base: string; branch: string | null }
  | { valid: false; problem: TaxCodeProblem };

export function checkDigit(firstNine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (WEIGHTS[i] as number);
  return (10 - (sum % 11)) % 10;
}

/** Accepts "0100109106", "0100109106-001" and the 13-digit form "0100109106001" (normalised with a dash). */
export function parseTaxCode(input: string): TaxCodeCheck {
  const match = /^(\d{10})(?:-?(\d{3}))?$/.exec(input.trim());
  if (!match) return { valid: false, problem: "format" };
  const base = match[1] as string;
  const branch = match[2] ?? null;
  if (checkDigit(base.slice(0, 9)) !== Number(base[9])) return { valid: false, problem: "check_digit" };
  if (branch === "000") return { valid: false, problem: "branch_suffix" };
  return { valid: true, normalized: branch ? `${base}-${branch}` : base, base, branch };
}

/** Completes nine digits into a valid ten-digit code (used to generate demo enterprises). */
export function withCheckDigit(firstNine: string): string {
  return `${firstNine}${checkDigit(firstNine)}`;
}
