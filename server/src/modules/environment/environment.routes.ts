import { can } from "../../http/access.ts";
import type { App, AppDeps } from "../../http/types.ts";
import * as s from "./environment.schemas.ts";
import { calculateAqi } from "./environment.service.ts";

const tags = ["environment"];

export async function environmentRoutes(app: App, _deps: AppDeps): Promise<void> {
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
}
