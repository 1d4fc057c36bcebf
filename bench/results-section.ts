/** Writes one section of bench/RESULTS.md (starting with its "## " heading), replacing the old one. */
import { readFile, writeFile } from "node:fs/promises";

const RESULTS = new URL("./RESULTS.md", import.meta.url);

export async function writeResultsSection(section: string): Promise<void> {
  const heading = section.split("\n")[0] as string;
  const current = await readFile(RESULTS, "utf8");
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const next = current.includes(heading)
    ? current.replace(new RegExp(`${escaped}[\\s\\S]*?(?=\\n## |$)`), `${section.trimEnd()}\n`)
    : current.replace("## Setup", `${section}\n## Setup`);
  await writeFile(RESULTS, next);
  console.log(section);
}
