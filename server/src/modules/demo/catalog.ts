/**
 * Named zones and flagship projects of the demo city. Figures quoted from the seed article carry
 * the source "tccs-2023"; positions are approximate and, like every other attribute not quoted
 * from a source, synthetic.
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

export interface NamedZone {
  code: string;
  name_vi: string;
  name_en: string;
  kind: "kkt" | "kcn" | "ccn";
  parent?: string;
  lon: number;
  lat: number;
  territory: "east" | "west";
  /** Fully occupied per the seed article. */
  full?: boolean;
  eco?: "programme";
  area_ha?: number;
  area_source?: string;
  decision?: [string, string];
}

export const NAMED_ZONES: NamedZone[] = [
  {
    code: "KKT-DVCH",
    name_vi: "Khu kinh tế Đình Vũ – Cát Hải",
    name_en: "Dinh Vu – Cat Hai Economic Zone",
    kind: "kkt",
    lon: 106.79,
    lat: 20.83,
    territory: "east",
    area_ha: 22140,
    area_source: "qd-1438-2012",
    decision: ["1438/QĐ-TTg", "2012-10-03"],
  },
  {
    code: "KKT-VBPN",
    name_vi: "Khu kinh tế ven biển phía Nam Hải Phòng",
    name_en: "Southern Coastal Economic Zone of Hai Phong",
    kind: "kkt",
    lon: 106.62,
    lat: 20.7,
    territory: "east",
    area_ha: 20000,
  },
  {
    code: "KCN-NOMURA",
    name_vi: "Khu công nghiệp Nomura – Hải Phòng",
    name_en: "Nomura – Hai Phong Industrial Zone",
    kind: "kcn",
    lon: 106.616,
    lat: 20.866,
    territory: "east",
    full: true,
    area_ha: 153,
  },
  {
    code: "KCN-TRANGDUE",
    name_vi: "Khu công nghiệp Tràng Duệ (1 + 2)",
    name_en: "Trang Due Industrial Zone (1 + 2)",
    kind: "kcn",
    parent: "KKT-DVCH",
    lon: 106.563,
    lat: 20.803,
    territory: "east",
    full: true,
    area_ha: 687,
  },
  {
    code: "KCN-DINHVU",
    name_vi: "Khu công nghiệp Đình Vũ (1 + 2)",
    name_en: "Dinh Vu Industrial Zone (1 + 2)",
    kind: "kcn",
    parent: "KKT-DVCH",
    lon: 106.77,
    lat: 20.835,
    territory: "east",
    full: true,
    eco: "programme",
    area_ha: 1100,
  },
  {
    code: "KCN-DOSON",
    name_vi: "Khu công nghiệp Đồ Sơn",
    name_en: "Do Son Industrial Zone",
    kind: "kcn",
    lon: 106.745,
    lat: 20.735,
    territory: "east",
    full: true,
    area_ha: 150,
  },
  {
    code: "KCN-NAMCAUKIEN",
    name_vi: "Khu công nghiệp Nam Cầu Kiền",
    name_en: "Nam Cau Kien Industrial Zone",
    kind: "kcn",
    lon: 106.606,
    lat: 20.928,
    territory: "east",
    eco: "programme",
    area_ha: 263,
  },
  {
    code: "KCN-VSIP",
    name_vi: "Khu công nghiệp VSIP Hải Phòng",
    name_en: "VSIP Hai Phong Industrial Zone",
    kind: "kcn",
    parent: "KKT-DVCH",
    lon: 106.635,
    lat: 20.9,
    territory: "east",
    area_ha: 507,
  },
  {
    code: "KCN-NAMDINHVU",
    name_vi: "Khu công nghiệp Nam Đình Vũ",
    name_en: "Nam Dinh Vu Industrial Zone",
    kind: "kcn",
    parent: "KKT-DVCH",
    lon: 106.8,
    lat: 20.82,
    territory: "east",
    area_ha: 1329,
  },
  {
    code: "KCN-MPDINHVU",
    name_vi: "Khu công nghiệp MP Đình Vũ",
    name_en: "MP Dinh Vu Industrial Zone",
    kind: "kcn",
    parent: "KKT-DVCH",
    lon: 106.76,
    lat: 20.845,
    territory: "east",
    area_ha: 139,
  },
  {
    code: "KCN-ANDUONG",
    name_vi: "Khu công nghiệp An Dương",
    name_en: "An Duong Industrial Zone",
    kind: "kcn",
    parent: "KKT-DVCH",
    lon: 106.578,
    lat: 20.875,
    territory: "east",
    area_ha: 196,
  },
  {
    code: "KCN-BENRUNG",
    name_vi: "Khu công nghiệp Bến Rừng",
    name_en: "Ben Rung Industrial Zone",
    kind: "kcn",
    parent: "KKT-DVCH",
    lon: 106.71,
    lat: 20.955,
    territory: "east",
    area_ha: 474,
  },
  {
    code: "KCN-CATHAI",
    name_vi: "Khu công nghiệp Cát Hải (khu sản xuất VinFast)",
    name_en: "Cat Hai Industrial Zone (VinFast production area)",
    kind: "kcn",
    parent: "KKT-DVCH",
    lon: 106.81,
    lat: 20.815,
    territory: "east",
    area_ha: 335,
  },
  {
    code: "KCN-TIENTHANH",
    name_vi: "Khu công nghiệp Tiên Thanh",
    name_en: "Tien Thanh Industrial Zone",
    kind: "kcn",
    parent: "KKT-VBPN",
    lon: 106.625,
    lat: 20.705,
    territory: "east",
    area_ha: 395,
  },
  {
    code: "KCN-DAIAN",
    name_vi: "Khu công nghiệp Đại An",
    name_en: "Dai An Industrial Zone",
    kind: "kcn",
    lon: 106.27,
    lat: 20.935,
    territory: "west",
    area_ha: 604,
  },
  {
    code: "KCN-NAMSACH",
    name_vi: "Khu công nghiệp Nam Sách",
    name_en: "Nam Sach Industrial Zone",
    kind: "kcn",
    lon: 106.34,
    lat: 20.985,
    territory: "west",
    area_ha: 64,
  },
  {
    code: "KCN-PHUCDIEN",
    name_vi: "Khu công nghiệp Phúc Điền",
    name_en: "Phuc Dien Industrial Zone",
    kind: "kcn",
    lon: 106.255,
    lat: 20.925,
    territory: "west",
    area_ha: 87,
  },
  {
    code: "KCN-TANTRUONG",
    name_vi: "Khu công nghiệp Tân Trường",
    name_en: "Tan Truong Industrial Zone",
    kind: "kcn",
    lon: 106.2,
    lat: 20.915,
    territory: "west",
    area_ha: 198,
  },
  {
    code: "KCN-LAIVU",
    name_vi: "Khu công nghiệp Lai Vu",
    name_en: "Lai Vu Industrial Zone",
    kind: "kcn",
    lon: 106.39,
    lat: 20.97,
    territory: "west",
    area_ha: 92,
  },
  {
    code: "KCN-PHUTHAI",
    name_vi: "Khu công nghiệp Phú Thái",
    name_en: "Phu Thai Industrial Zone",
    kind: "kcn",
    lon: 106.52,
    lat: 21.03,
    territory: "west",
    area_ha: 60,
  },
  {
    code: "KCN-CONGHOA",
    name_vi: "Khu công nghiệp Cộng Hòa",
    name_en: "Cong Hoa Industrial Zone",
    kind: "kcn",
    lon: 106.44,
    lat: 21.1,
    territory: "west",
    area_ha: 357,
  },
  {
    code: "KCN-VIETHOA",
    name_vi: "Khu công nghiệp Việt Hòa – Kenmark",
    name_en: "Viet Hoa – Kenmark Industrial Zone",
    kind: "kcn",
    lon: 106.29,
    lat: 20.955,
    territory: "west",
    area_ha: 46,
  },
  {
    code: "CCN-VINHNIEM",
    name_vi: "Cụm công nghiệp Vĩnh Niệm",
    name_en: "Vinh Niem Industrial Cluster",
    kind: "ccn",
    lon: 106.66,
    lat: 20.83,
    territory: "east",
    full: true,
  },
  {
    code: "CCN-TANLIEN",
    name_vi: "Cụm công nghiệp Tân Liên",
    name_en: "Tan Lien Industrial Cluster",
    kind: "ccn",
    lon: 106.51,
    lat: 20.7,
    territory: "east",
    full: true,
  },
  {
    code: "CCN-ANLAO",
    name_vi: "Cụm công nghiệp An Lão",
    name_en: "An Lao Industrial Cluster",
    kind: "ccn",
    lon: 106.56,
    lat: 20.82,
    territory: "east",
    full: true,
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
