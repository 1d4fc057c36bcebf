import { can } from "../../http/access.ts";
import type { App, AppDeps } from "../../http/types.ts";
import * as s from "./statistics.schemas.ts";
import { calculateIip } from "./statistics.service.ts";

const tags = ["statistics"];

export async function statisticsRoutes(app: App, _deps: AppDeps): Promise<void> {
  app.post(
    "/api/v1/statistics/iip/calculate",
    {
      config: { access: can("statistics.read") },
      schema: {
        tags,
        summary: "Tính IIP cho một rổ sản phẩm (không lưu) / Compute the IIP of a basket (nothing stored)",
        description:
          "Phương pháp quốc gia: chỉ số cá thể so với bình quân tháng năm gốc, quyền số giá trị sản xuất trong lớp VSIC, quyền số giá trị tăng thêm lên ngành cấp 2, ngành cấp 1 và toàn ngành; đóng góp (điểm %) khi có kỳ so sánh. / National method; contributions when a comparison period is given.",
        body: s.iipCalculation,
        response: { 200: s.iipResult },
      },
    },
    async (req) => calculateIip(req.body),
  );
}
