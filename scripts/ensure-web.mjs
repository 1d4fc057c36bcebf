#!/usr/bin/env node
// Builds the web app once if dist/web is missing, so that `npm install && npm start` serves it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync(new URL("../dist/web/index.html", import.meta.url))) {
  console.log("Đang dựng giao diện web (một lần) / building the web app once…");
  const result = spawnSync(
    process.execPath,
    ["node_modules/vite/bin/vite.js", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"],
    { stdio: "inherit" },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
