/** A statistician confirms a flagged figure, with an optional note on how it was checked. */
import { type FormEvent, useId, useState } from "react";
import { FieldError } from "../../components/form-errors.tsx";
import { ApiError } from "../../lib/api.ts";
import { useConfirmFigure } from "./production-api.ts";
import { useProductionText } from "./production-text.ts";

export function ConfirmFigure({ id, label }: { id: number; label: string }) {
  const { x } = useProductionText();
  const confirm = useConfirmFigure();
  const [note, setNote] = useState("");
  const noteId = useId();
  const error = confirm.error instanceof ApiError ? confirm.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate({ id, note: note.trim() || undefined });
  };
  return (
    <form className="confirm-figure" onSubmit={submit} noValidate aria-label={`${x("confirm")}: ${label}`}>
      <label htmlFor={noteId}>{x("confirmNote")}</label>
      <textarea
        id={noteId}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        rows={2}
        maxLength={2000}
        placeholder={x("confirmNoteHint")}
      />
      <FieldError error={error} field="note" />
      {error && !error.fieldCount && <div className="field-error">{error.message}</div>}
      <button type="submit" className="primary" disabled={confirm.isPending || confirm.isSuccess}>
        {confirm.isSuccess ? `✓ ${x("confirmed")}` : x("confirm")}
      </button>
    </form>
  );
}
