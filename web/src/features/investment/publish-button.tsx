import { FormErrors } from "../../components/form-errors.tsx";
import { usePublishVersion } from "./api.ts";
import { useText } from "./text.ts";

/** Publishing fixes a draft's entries for good, so it asks first. */
export function PublishButton({ code }: { code: string }) {
  const { x } = useText();
  const publish = usePublishVersion(code);
  return (
    <div className="actions">
      <button
        type="button"
        className="primary"
        disabled={publish.isPending}
        onClick={() => {
          if (window.confirm(x("publishConfirm"))) publish.mutate();
        }}
      >
        {x("publish")}
      </button>
      <FormErrors error={publish.error} />
    </div>
  );
}
