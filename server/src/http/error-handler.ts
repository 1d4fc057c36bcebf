/** One place maps every error to `{ error: { code, message, details } }` in the client's language. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AppError, type Issue, type Localized } from "../platform/errors.ts";
import { pickLang } from "../platform/lang.ts";
import { zodIssueText } from "./zod-messages.ts";

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details: Array<{ field?: string; row?: number; column?: string; code: string; message: string }>;
    request_id?: string;
  };
}

function present(error: AppError, request: FastifyRequest): ErrorBody {
  const lang = pickLang(request.headers["accept-language"]);
  return {
    error: {
      code: error.code,
      message: error.text[lang],
      details: error.issues.map(({ message, value: _value, ...rest }) => ({
        ...rest,
        message: message[lang],
      })),
      request_id: request.id,
    },
  };
}

const STATUS_TEXT: Record<number, [string, Localized]> = {
  400: ["common.bad_request", { vi: "Yêu cầu không hợp lệ.", en: "Bad request." }],
  404: ["common.not_found", { vi: "Không tìm thấy.", en: "Not found." }],
  405: ["common.method_not_allowed", { vi: "Phương thức không được hỗ trợ.", en: "Method not allowed." }],
  406: ["common.not_acceptable", { vi: "Định dạng không được hỗ trợ.", en: "Not acceptable." }],
  413: ["common.payload_too_large", { vi: "Dữ liệu gửi lên quá lớn.", en: "Payload too large." }],
  415: [
    "common.unsupported_media_type",
    { vi: "Kiểu nội dung không được hỗ trợ.", en: "Unsupported media type." },
  ],
  429: ["common.rate_limited", { vi: "Quá nhiều yêu cầu.", en: "Too many requests." }],
};

/** Turns framework and validation errors into AppErrors; anything unknown becomes an opaque 500. */
function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues: Issue[] = error.validation.map((v) => {
      const where = String(error.validationContext ?? "body");
      const path = v.instancePath.replace(/^\//, "").replace(/\//g, ".");
      return {
        code: `validation.${v.keyword}`,
        field: path ? `${where === "body" ? "" : `${where}.`}${path}` : where,
        message: zodIssueText({ ...(v.params as object), code: v.keyword, message: v.message ?? "" }),
      };
    });
    const first = issues[0];
    return new AppError(
      "common.validation_failed",
      400,
      first
        ? {
            vi: `Dữ liệu không hợp lệ ở trường "${first.field}": ${first.message.vi}`,
            en: `Invalid value for "${first.field}": ${first.message.en}`,
          }
        : { vi: "Dữ liệu không hợp lệ.", en: "Invalid input." },
      issues,
    );
  }
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500 && !isResponseSerializationError(error)) {
    const [code, text] = STATUS_TEXT[status] ?? [
      "common.bad_request",
      { vi: "Yêu cầu không hợp lệ.", en: "Bad request." },
    ];
    // Fastify's own 4xx messages (bad JSON, wrong content type) are safe and useful to show in English.
    return new AppError(code, status, {
      vi: `${text.vi} (${error.message})`,
      en: `${text.en} (${error.message})`,
    });
  }
  return new AppError("common.internal", 500, {
    vi: "Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên kèm mã yêu cầu.",
    en: "Internal error. Please retry or report it to an administrator with the request id.",
  });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ code: appError.code }, "request refused");
    return reply.status(appError.status).send(present(appError, request));
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new AppError("common.route_not_found", 404, {
      vi: `Không có đường dẫn ${request.method} ${request.url}.`,
      en: `No route ${request.method} ${request.url}.`,
    });
    return reply.status(404).send(present(error, request));
  });
}
