/** vi-VN number and money formatting: 1.234,5 · 20,8 tỷ USD · 294.722 tỷ đồng. */
const number = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });

export function formatNumber(value: number): string {
  return number.format(value);
}

export function formatUsd(value: number): string {
  return value >= 1e9 ? `${number.format(value / 1e9)} tỷ USD` : `${number.format(value / 1e6)} triệu USD`;
}

export function formatVnd(value: number): string {
  return `${number.format(value / 1e9)} tỷ đồng`;
}

export function formatPercent(share: number | null): string {
  return share === null ? "—" : `${number.format(share * 100)}%`;
}
