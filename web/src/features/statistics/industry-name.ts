/** An industry's name as shown: "C — Công nghiệp chế biến, chế tạo", "26 — Sản xuất sản phẩm điện tử …", or its code. */
import type { VsicNames } from "./iip-api.ts";
import type { Text } from "./text.ts";

export function industryName(code: string, names: VsicNames | undefined, text: Text): string {
  // Sections keep the shorter names of the statistics screens (and have English ones there).
  if (/^[A-Z]$/.test(code)) return text.label("section", code);
  const name = names?.name.get(code);
  return name ? `${code} — ${name}` : code;
}
