/**
 * Sources, flagship projects and the published totals the demo city is calibrated to. Figures
 * quoted from the seed article carry the source "tccs-2023"; every other attribute is synthetic.
 * The named zones are in named-zones.ts.
 */
export const SOURCES = [
  {
    code: "tccs-2023",
    kind: "official" as const,
    title: "Để Hải Phòng sớm trở thành thành phố công nghiệp theo hướng hiện đại",
    publisher: "Tạp chí Cộng sản",
    url: "https://www.tapchicongsan.org.vn/",
    published_on: "2023-05-01",
  },
  {
    code: "press-2025-merger",
    kind: "published" as const,
    title: "Hải Phòng sau hợp nhất: 40 KCN khoảng 11.208 ha, 79 CCN khoảng 3.837,5 ha",
    publisher: "Báo chí (xem data/haiphong-published-figures)",
    url: null,
    published_on: "2025-07-01",
  },
  {
    code: "qd-1438-2012",
    kind: "published" as const,
    title: "Khu kinh tế Đình Vũ – Cát Hải 22.140 ha theo QĐ 1438/QĐ-TTg ngày 03/10/2012",
    publisher: "Thủ tướng Chính phủ (nguồn thứ cấp)",
    url: "https://duan24h.net/2022/quy-hoach-khu-cum-cong-nghiep-tp-hai-phong-den-nam-2030.html",
    published_on: "2012-10-03",
  },
  {
    code: "synthetic-demo",
    kind: "synthetic" as const,
    title:
      "Dữ liệu mô phỏng, sinh tất định, hiệu chỉnh theo số liệu công bố / Synthetic, deterministic, calibrated to published figures",
    publisher: "Hải Phòng Industry",
    url: null,
    published_on: null,
  },
];

export interface Flagship {
  name_vi: string;
  enterprise: string;
  enterprise_en: string;
  country: string;
  zone: string;
  vsic: string;
  currency: "USD" | "VND";
  /** Registered capital per project, in the project's currency. */
  capital: number[];
  issued: string[];
}

/** Flagship projects named in the seed article with its capital figures (LG: 7 projects ≈ 7.3 bn USD). */
export const FLAGSHIPS: Flagship[] = [
  {
    name_vi: "Tổ hợp nhà máy sản xuất ô tô VinFast",
    enterprise: "Công ty TNHH Sản xuất và Kinh doanh VinFast",
    enterprise_en: "VinFast Trading and Production LLC",
    country: "VN",
    zone: "KCN-CATHAI",
    vsic: "2910",
    currency: "VND",
    capital: [175_000_000_000_000],
    issued: ["2017-09-02"],
  },
  {
    name_vi: "Dự án LG",
    enterprise: "Công ty TNHH LG Electronics Việt Nam Hải Phòng",
    enterprise_en: "LG Electronics Vietnam Hai Phong Co., Ltd.",
    country: "KR",
    zone: "KCN-TRANGDUE",
    vsic: "2640",
    currency: "USD",
    capital: [
      1_500_000_000, 1_500_000_000, 750_000_000, 1_000_000_000, 1_250_000_000, 550_000_000, 750_000_000,
    ],
    issued: [
      "2014-10-15",
      "2015-12-08",
      "2016-04-20",
      "2017-07-05",
      "2018-03-12",
      "2019-08-22",
      "2021-07-13",
    ],
  },
  {
    name_vi: "Dự án sản xuất lốp xe ô tô Bridgestone",
    enterprise: "Công ty TNHH Sản xuất Lốp xe Bridgestone Việt Nam",
    enterprise_en: "Bridgestone Tire Manufacturing Vietnam LLC",
    country: "JP",
    zone: "KCN-DINHVU",
    vsic: "2211",
    currency: "USD",
    capital: [1_224_000_000],
    issued: ["2012-12-28"],
  },
  {
    name_vi: "Dự án may mặc cao cấp Regina Miracle",
    enterprise: "Công ty TNHH Regina Miracle International Việt Nam",
    enterprise_en: "Regina Miracle International Vietnam Co., Ltd.",
    country: "HK",
    zone: "KCN-VSIP",
    vsic: "1410",
    currency: "USD",
    capital: [1_000_000_000],
    issued: ["2016-05-20"],
  },
  {
    name_vi: "Dự án sản xuất dược phẩm Nipro Pharma",
    enterprise: "Công ty TNHH Nipro Pharma Việt Nam",
    enterprise_en: "Nipro Pharma Vietnam Co., Ltd.",
    country: "JP",
    zone: "KCN-NOMURA",
    vsic: "2100",
    currency: "USD",
    capital: [250_000_000],
    issued: ["2018-06-25"],
  },
];

/** Published totals the synthetic East KCN/KKT projects are calibrated to (seed article, 2023). */
export const CALIBRATION = {
  foreignProjects: 464,
  foreignCapitalUsd: 20_800_000_000,
  sharePurchaseUsd: 2_190_000_000,
  domesticProjects: 202,
  domesticCapitalVnd: 294_722_000_000_000,
  workers: 194_778,
  asOf: "2023-04-30",
  kcnTotal: 40,
  kcnAreaHa: 11_208,
  ccnTotal: 79,
  ccnAreaHa: 3_837.5,
};
