/** Accept a report in one click; returning it asks for the note the investor will read. */
import { type FormEvent, useState } from "react";
import { FieldError } from "../../components/form-errors.tsx";
import { ApiError } from "../../lib/api.ts";
import { useReviewReport } from "./api.ts";
import { useText } from "./text.ts";

export function ReviewCell({ id }: { id: number }) {
  const { x } = useText();
  const review = useReviewReport();
  const [returning, setReturning] = useState(false);
  const [note, setNote] = useState("");
  const error = review.error instanceof ApiError ? review.error : null;
  const giveBack = (e: FormEvent) => {
    e.preventDefault();
    review.mutate({ id, decision: "return", note });
  };
  if (!returning) {
    return (
      <div className="review-cell">
        <button
          type="button"
          disabled={review.isPending}
          onClick={() => review.mutate({ id, decision: "accept" })}
        >
          {x("accept")}
        </button>{" "}
        <button type="button" onClick={() => setReturning(true)}>
          {x("return")}
        </button>
        {error && !error.fieldCount && <div className="field-error">{error.message}</div>}
      </div>
    );
  }
  return (
    <form className="review-cell" onSubmit={giveBack} noValidate>
      <label>
        {x("returnNote")}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} required />
      </label>
      <FieldError error={error} field="note" />
      {error && !error.fieldMessage("note") && <div className="field-error">{error.message}</div>}
      <button type="submit" disabled={review.isPending}>
        {x("confirmReturn")}
      </button>{" "}
      <button type="button" onClick={() => setReturning(false)}>
        {x("cancel")}
      </button>
    </form>
  );
}
