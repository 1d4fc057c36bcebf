import { can } from "../../http/access.ts";
import type { App, AppDeps } from "../../http/types.ts";
import * as s from "./environment.schemas.ts";
import { calculateAqi, evaluateLimit } from "./environment.service.ts";

const tags = ["environment"];

export async function environmentRoutes(app: App, deps: AppDeps): Promise<void> {
  app.post(
    "/api/v1/environment/aqi",
    {
      config: { access: can("reference.read") },
      schema: {
        tags,
        summary: "Tính VN_AQI (giờ, ngày) theo QĐ 1459/QĐ-TCMT / Calculate VN_AQI (hourly, daily)",
        description:
          "Không lưu gì. Giờ: giá trị TB 1 giờ, bụi theo NowCast (một giá trị hoặc chuỗi ≤ 12 giờ, mới nhất trước). Ngày: bụi TB 24 giờ, O3 TB 1 giờ và 8 giờ lớn nhất, SO2/NO2/CO TB 1 giờ lớn nhất.",
        body: s.aqiRequest,
        response: { 200: s.aqiAnswer },
      },
    },
    async (req) => calculateAqi(req.body),
  );
  app.post(
    "/api/v1/environment/limits/evaluate",
    {
      config: { access: can("reference.read") },
      schema: {
        tags,
        summary: "Kiểm tra giới hạn QCVN và tính Cmax / Check a value against its QCVN limit (Cmax)",
        description:
          "Không lưu gì. QCVN 05:2023 theo ngày áp dụng; QCVN 40:2011 Cmax = C·Kq·Kf; QCVN 19:2009 Cmax = C·Kp·Kv. Trả lời kèm cờ verified cho từng dòng.",
        body: s.limitRequest,
        response: { 200: s.limitAnswer },
      },
    },
    async (req) => evaluateLimit(deps.db, req.body),
  );
}
