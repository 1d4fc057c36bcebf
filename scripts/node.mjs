#!/usr/bin/env node
// Runs a TypeScript entry point with Node's built-in type stripping.
// Node 22.12–22.17 needs the flag; from 22.18/23.6 it is on by default and the flag is harmless.
import { spawn } from "node:child_process";

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Hải Phòng Industry cần Node.js ≥ 22.12 (đang dùng ${process.version}). / Node.js ≥ 22.12 is required (found ${process.version}).`,
  );
  process.exit(1);
}
const flags = ["--disable-warning=ExperimentalWarning"];
if (major === 22 && minor < 18) flags.push("--experimental-strip-types");
const child = spawn(process.execPath, [...flags, ...process.argv.slice(2)], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
