/** The badges of a value's status (official, estimate …) and of a target's progress, coloured by meaning. */
import { useText } from "./text.ts";

export function StatusBadge({ status }: { status: string | null | undefined }) {
  const { label } = useText();
  return status ? (
    <span className={`tag stat-status stat-status-${status}`} data-status={status}>
      {label("status", status)}
    </span>
  ) : null;
}

export function ProgressBadge({ progress }: { progress: string }) {
  const { label } = useText();
  return (
    <span className={`category progress-${progress}`} data-progress={progress}>
      {label("progress", progress)}
    </span>
  );
}
