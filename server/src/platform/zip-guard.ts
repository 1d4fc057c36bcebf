/**
 * Reads a ZIP file's central directory (without inflating anything) so that an XLSX upload can be
 * refused before parsing when it would expand too far (a "zip bomb") or is not a ZIP at all.
 */
export interface ZipSummary {
  entries: number;
  compressedBytes: number;
  uncompressedBytes: number;
}

export type ZipCheck =
  | { ok: true; summary: ZipSummary }
  | { ok: false; problem: "not_zip" | "zip64" | "corrupt" };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export function readZipDirectory(buf: Buffer): ZipCheck {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) return { ok: false, problem: "not_zip" };
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, problem: "corrupt" };
  const entries = buf.readUInt16LE(eocd + 10);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || dirOffset === 0xffffffff) return { ok: false, problem: "zip64" };
  const summary: ZipSummary = { entries, compressedBytes: 0, uncompressedBytes: 0 };
  let at = dirOffset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return { ok: false, problem: "corrupt" };
    const compressed = buf.readUInt32LE(at + 20);
    const uncompressed = buf.readUInt32LE(at + 24);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) return { ok: false, problem: "zip64" };
    summary.compressedBytes += compressed;
    summary.uncompressedBytes += uncompressed;
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return { ok: true, summary };
}
