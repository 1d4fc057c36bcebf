/** A one-line progress bar on stderr for long CLI work; plain lines when stderr is not a terminal. */
export function progressBar(label: string): (done: number, total: number, note?: string) => void {
  const tty = process.stderr.isTTY;
  let lastShown = -1;
  return (done, total, note = "") => {
    const share = total > 0 ? done / total : 1;
    const percent = Math.floor(share * 100);
    if (!tty) {
      if (percent !== lastShown && percent % 10 === 0) process.stderr.write(`${label} ${percent}% ${note}\n`);
      lastShown = percent;
      return;
    }
    const width = 30;
    const filled = Math.round(share * width);
    process.stderr.write(
      `\r${label} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${percent}% ${done.toLocaleString("vi-VN")}/${total.toLocaleString("vi-VN")} ${note}   `,
    );
    if (done >= total) process.stderr.write("\n");
  };
}
