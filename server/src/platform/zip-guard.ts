/**
 * Guards against hostile ZIP files (XLSX uploads) before a parser inflates them. The sizes a ZIP
 * declares can be forged, so every entry is inflated here with a hard output cap and its real size
 * compared with the declared one.
 */
import { inflateRawSync } from "node:zlib";

export interface ZipEntry {
  method: number;
  compressedBytes: number;
  uncompressedBytes: number;
  localOffset: number;
}

export type ZipProblem = "not_zip" | "zip64" | "corrupt" | "unsupported_method" | "too_expanded";
export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; problem: ZipProblem };

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;

function findEndOfDirectory(buf: Buffer): number {
  const from = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= from; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** Reads the central directory without inflating anything. */
export function readZipDirectory(buf: Buffer): ZipDirectory {
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) return { ok: false, problem: "not_zip" };
  const eocd = findEndOfDirectory(buf);
  if (eocd < 0) return { ok: false, problem: "corrupt" };
  const count = buf.readUInt16LE(eocd + 10);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) return { ok: false, problem: "zip64" };
  const entries: ZipEntry[] = [];
  let at = dirOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return { ok: false, problem: "corrupt" };
    const entry = {
      method: buf.readUInt16LE(at + 10),
      compressedBytes: buf.readUInt32LE(at + 20),
      uncompressedBytes: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
    };
    if (entry.compressedBytes === 0xffffffff || entry.uncompressedBytes === 0xffffffff)
      return { ok: false, problem: "zip64" };
    entries.push(entry);
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return { ok: true, entries };
}

function entryData(buf: Buffer, entry: ZipEntry): Buffer | null {
  const at = entry.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) return null;
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedBytes;
  return end <= buf.length ? buf.subarray(start, end) : null;
}

/** Inflated size of one entry, or null when it would exceed `cap` bytes. */
function inflatedSize(data: Buffer, method: number, cap: number): number | null {
  if (method === 0) return data.length <= cap ? data.length : null;
  try {
    return inflateRawSync(data, { maxOutputLength: cap + 1 }).length;
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return null;
    throw error;
  }
}

/**
 * Inflates every entry with a cap on the total output and checks each real size against the
 * declared one. `maxBytes` bounds the memory a parser will need; `maxRatio` the expansion.
 */
export function checkZip(buf: Buffer, maxBytes: number, maxRatio: number): ZipDirectory {
  const directory = readZipDirectory(buf);
  if (!directory.ok) return directory;
  const declared = directory.entries.reduce((s, e) => s + e.uncompressedBytes, 0);
  const budget = Math.min(maxBytes, Math.max(1, buf.length) * maxRatio);
  if (declared > budget) return { ok: false, problem: "too_expanded" };
  let total = 0;
  for (const entry of directory.entries) {
    if (entry.method !== 0 && entry.method !== 8) return { ok: false, problem: "unsupported_method" };
    const data = entryData(buf, entry);
    if (!data) return { ok: false, problem: "corrupt" };
    let size: number | null;
    try {
      size = inflatedSize(data, entry.method, budget - total);
    } catch {
      return { ok: false, problem: "corrupt" };
    }
    if (size === null) return { ok: false, problem: "too_expanded" };
    // A size that differs from the declared one means a damaged or forged archive.
    if (size !== entry.uncompressedBytes) return { ok: false, problem: "corrupt" };
    total += size;
  }
  return directory;
}
