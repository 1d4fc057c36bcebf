/** Reads a secret from the terminal without echoing it, or from standard input when piped. */
import { createInterface } from "node:readline";

async function fromPipe(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

function fromTerminal(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Print the prompt once, then swallow the echo of every typed character.
    process.stdout.write(prompt);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
    rl.question("", (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

export async function readSecret(prompt: string, confirm: boolean): Promise<string> {
  if (!process.stdin.isTTY) return fromPipe();
  const first = await fromTerminal(prompt);
  if (confirm && (await fromTerminal("Nhập lại / again: ")) !== first) {
    console.error("Hai lần nhập không khớp / the two entries differ");
    process.exit(2);
  }
  return first;
}
