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

/** The new report, with the sections of the old file it does not write (the modules', notes) kept before "## Setup". */
export function keepOtherSections(report: string, old: string): string {
  const sections = old.split(/\n(?=## )/).slice(1);
  const kept = sections.filter((section) => !report.includes(`${section.split("\n")[0]}\n`));
  if (kept.length === 0) return report;
  const at = report.indexOf("\n## Setup");
  const block = `\n${kept.map((k) => k.trimEnd()).join("\n\n")}\n`;
  return at < 0 ? `${report.trimEnd()}\n${block}` : `${report.slice(0, at)}${block}${report.slice(at)}`;
}
