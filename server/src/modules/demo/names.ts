/** Word lists for synthetic enterprise names. Invented names, not real companies. */
import type { Rng } from "../../platform/random.ts";

const STEMS: Record<string, string[]> = {
  KR: [
    "Hanil",
    "Daesung",
    "Seojin",
    "Woojin",
    "Samhwa",
    "Kumyang",
    "Dongbang",
    "Sejong",
    "Haesung",
    "Taeyang",
  ],
  JP: [
    "Nichiwa",
    "Yamasei",
    "Shinkou",
    "Tohoden",
    "Kawabe",
    "Mitsuwa",
    "Hokusei",
    "Asahira",
    "Tanabe",
    "Kyoei",
  ],
  CN: ["Jinhua", "Hengrui", "Tianrun", "Xinda", "Huaxing", "Longsheng", "Zhongli", "Baoyuan"],
  TW: ["Chenyu", "Hsinwei", "Taiyuan", "Fuhsing", "Minghong", "Kuoyang"],
  SG: ["Meridian", "Straits", "Lionbridge", "Orchid", "Harbourfront"],
  HK: ["Victoria", "Kowloon", "Pearl River", "Harbour"],
  US: ["Northfield", "Redwood", "Lakeshore", "Summit"],
  DE: ["Rheinwerk", "Nordstahl", "Elbtech"],
  TH: ["Siam Delta", "Chao Phraya"],
  NL: ["Lowlands", "Zeeland"],
  FR: ["Lumière", "Provence"],
  VG: ["Caribe Holdings", "Tortola"],
  MY: ["Selangor", "Penang Delta"],
  VN: [
    "Hồng Hà",
    "Bạch Đằng",
    "Lạch Tray",
    "Cửa Cấm",
    "Tam Bạc",
    "Đồ Sơn",
    "Kinh Môn",
    "Chí Linh",
    "Thanh Hà",
    "Ninh Giang",
    "Vĩnh Bảo",
    "Tiên Lãng",
    "Thủy Nguyên",
    "Kiến An",
    "Hải Âu",
    "Phương Đông",
    "Thành Công",
    "Tân Việt",
    "Đại Phát",
    "Hưng Thịnh",
  ],
};

export const FDI_COUNTRIES: Array<[string, number]> = [
  ["KR", 30],
  ["JP", 25],
  ["CN", 15],
  ["TW", 8],
  ["SG", 7],
  ["HK", 5],
  ["US", 3],
  ["DE", 2],
  ["TH", 2],
  ["NL", 1],
  ["FR", 1],
  ["VG", 1],
  ["MY", 1],
];

/** Industry divisions (VSIC 2025) with the word used in names and a weight in Hải Phòng's zones. */
export const DIVISIONS: Array<{ prefix: string; vi: string; en: string; weight: number }> = [
  { prefix: "26", vi: "Điện tử", en: "Electronics", weight: 20 },
  { prefix: "27", vi: "Thiết bị điện", en: "Electrical Equipment", weight: 10 },
  { prefix: "29", vi: "Phụ tùng ô tô", en: "Auto Parts", weight: 8 },
  { prefix: "22", vi: "Cao su và Nhựa", en: "Rubber & Plastics", weight: 10 },
  { prefix: "25", vi: "Cơ khí chính xác", en: "Precision Engineering", weight: 10 },
  { prefix: "24", vi: "Kim loại", en: "Metals", weight: 4 },
  { prefix: "14", vi: "May mặc", en: "Garments", weight: 7 },
  { prefix: "15", vi: "Giày da", en: "Footwear", weight: 5 },
  { prefix: "10", vi: "Thực phẩm", en: "Foods", weight: 6 },
  { prefix: "20", vi: "Hóa chất", en: "Chemicals", weight: 5 },
  { prefix: "21", vi: "Dược phẩm", en: "Pharmaceuticals", weight: 2 },
  { prefix: "23", vi: "Vật liệu xây dựng", en: "Building Materials", weight: 4 },
  { prefix: "28", vi: "Máy móc", en: "Machinery", weight: 5 },
  { prefix: "30", vi: "Đóng tàu", en: "Shipbuilding", weight: 2 },
  { prefix: "17", vi: "Bao bì giấy", en: "Paper Packaging", weight: 2 },
];

export function weighted<T>(rng: Rng, items: ReadonlyArray<[T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return (items[items.length - 1] as [T, number])[0];
}

export function enterpriseName(
  rng: Rng,
  country: string,
  industry: { vi: string; en: string },
  suffix: string,
): { vi: string; en: string } {
  const stem = rng.pick(STEMS[country] ?? (STEMS.VN as string[]));
  if (country === "VN") {
    const form = rng.pick(["Công ty Cổ phần", "Công ty TNHH"]);
    return {
      vi: `${form} ${industry.vi} ${stem}${suffix}`,
      en: `${stem} ${industry.en} ${form === "Công ty TNHH" ? "Co., Ltd." : "JSC"}${suffix}`,
    };
  }
  return {
    vi: `Công ty TNHH ${industry.vi} ${stem} Việt Nam${suffix}`,
    en: `${stem} ${industry.en} Vietnam Co., Ltd.${suffix}`,
  };
}
