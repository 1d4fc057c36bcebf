/**
 * The API's answer to a form: its message once at the top, each named field's message at the field.
 * Field paths are compared with brackets and dots alike: "items[0].vsic" is "items.0.vsic".
 */
import { ApiError } from "../lib/api.ts";

const normal = (path: string) => path.replace(/\[(\w+)\]/g, ".$1");

/** The API's message for one field path (or anything below it), if it named that field. */
export function fieldMessage(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const wanted = normal(field);
  return error.details.find((d) => {
    const got = d.field ? normal(d.field) : "";
    return got === wanted || got.startsWith(`${wanted}.`);
  })?.message;
}

/** The form's error: the message, and the field messages no input of the form shows (`placed` says which do). */
export function FormErrors({ error, placed }: { error: unknown; placed?: (field: string) => boolean }) {
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const unplaced = api?.details.filter((d) => d.field && !placed?.(normal(d.field))) ?? [];
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

export function FieldError({ error, field, id }: { error: unknown; field: string; id?: string }) {
  const message = fieldMessage(error, field);
  return message ? (
    <span className="field-error" id={id}>
      {message}
    </span>
  ) : null;
}
