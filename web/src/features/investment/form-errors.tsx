/** The API's answer to a form: its message once at the top, each named field's message at the field. */
import { ApiError } from "../../lib/api.ts";

export function FormErrors({ error }: { error: unknown }) {
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const unplaced = api?.details.filter((d) => d.field) ?? [];
  return (
    <div className="field-error" role="alert">
      <p>{api ? api.message : String(error)}</p>
      {unplaced.length > 0 && (
        <ul>
          {unplaced.map((d) => (
            <li key={`${d.field}-${d.code}`}>
              <code>{d.field}</code>: {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function FieldError({ error, field }: { error: ApiError | null; field: string }) {
  const message = error?.fieldMessage(field);
  return message ? <span className="field-error">{message}</span> : null;
}
