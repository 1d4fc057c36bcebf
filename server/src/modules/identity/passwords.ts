/**
 * Password hashing with scrypt (OWASP parameters by default) and the password policy.
 * The parameters travel inside each hash, so raising the cost later re-hashes on the next login.
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";
import type { Issue } from "../../platform/errors.ts";

const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

function optionsFor(logN: number, r: number, p: number): ScryptOptions {
  return { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r + 1024 * 1024 };
}

/** `scrypt$<log2 N>$<r>$<p>$<salt>$<key>` with base64url salt and key. */
export async function hashPassword(password: string, logN: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, optionsFor(logN, 8, 1));
  return ["scrypt", logN, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export interface Verified {
  ok: boolean;
  /** The hash is weaker than the configured cost and should be replaced. */
  outdated: boolean;
}

export async function verifyPassword(password: string, stored: string, logN: number): Promise<Verified> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return { ok: false, outdated: false };
  const expected = Buffer.from(key, "base64url");
  const actual = await derive(
    password,
    Buffer.from(salt, "base64url"),
    optionsFor(Number(n), Number(r), Number(p)),
  );
  const ok = actual.length === expected.length && timingSafeEqual(actual, expected);
  return { ok, outdated: ok && Number(n) < logN };
}

/** A hash no password matches; verified against for unknown usernames so timing reveals nothing. */
export async function decoyHash(logN: number): Promise<string> {
  return hashPassword(randomBytes(24).toString("base64url"), logN);
}

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// The most common passwords and Vietnamese favourites long enough to pass the length rule.
const COMMON = new Set([
  "123456789012",
  "1234567890123",
  "12345678901234",
  "123456789abc",
  "qwertyuiop12",
  "qwertyuiopas",
  "passwordpassword",
  "password1234",
  "password12345",
  "password123456",
  "matkhau12345",
  "matkhau123456",
  "matkhaumoi123",
  "iloveyou1234",
  "abc123456789",
  "abcdefghijkl",
  "111111111111",
  "000000000000",
  "haiphong1234",
  "haiphong12345",
  "haiphong123456",
  "vietnam12345",
  "vietnam123456",
  "admin1234567",
  "administrator",
  "adminadmin123",
  "welcome12345",
  "letmein12345",
]);

/**
 * NIST SP 800-63B style: length rather than composition rules, no common or account-derived
 * passwords, and enough distinct characters to rule out "aaaaaaaaaaaa".
 */
export function passwordIssues(
  password: string,
  account: { username: string; email?: string | null },
  field = "password",
): Issue[] {
  const problems: Array<[string, string, string]> = [];
  const length = [...password].length;
  const lower = password.toLowerCase();
  if (length < PASSWORD_MIN) {
    problems.push([
      "too_short",
      `Mật khẩu cần ít nhất ${PASSWORD_MIN} ký tự.`,
      `Use at least ${PASSWORD_MIN} characters.`,
    ]);
  }
  if (length > PASSWORD_MAX) {
    problems.push([
      "too_long",
      `Mật khẩu tối đa ${PASSWORD_MAX} ký tự.`,
      `Use at most ${PASSWORD_MAX} characters.`,
    ]);
  }
  if (new Set(password).size < 5) {
    problems.push([
      "too_simple",
      "Mật khẩu cần ít nhất 5 ký tự khác nhau.",
      "Use at least 5 different characters.",
    ]);
  }
  if (COMMON.has(lower)) {
    problems.push(["common", "Mật khẩu này quá phổ biến.", "This password is too common."]);
  }
  const local = account.email?.split("@")[0]?.toLowerCase();
  if (
    lower.includes(account.username.toLowerCase()) ||
    (local && local.length >= 3 && lower.includes(local))
  ) {
    problems.push([
      "contains_account",
      "Mật khẩu không được chứa tên đăng nhập hoặc email.",
      "The password must not contain the username or email.",
    ]);
  }
  return problems.map(([code, vi, en]) => ({ code: `auth.password_${code}`, field, message: { vi, en } }));
}
