/** Labels shared by the investment screens: the sample warning and the category badge. */
import { useText } from "./text.ts";

/** Sample catalogue versions are illustrations, never to be read as the official text. */
export function SampleLabel({ sample }: { sample: boolean }) {
  const { x } = useText();
  return sample ? (
    <span className="badge sample" role="note">
      {x("sample")}
    </span>
  ) : null;
}

export function CategoryBadge({ category, big = false }: { category: string; big?: boolean }) {
  const { label } = useText();
  return (
    <span className={`category category-${category}${big ? " big" : ""}`} data-category={category}>
      {label("category", category)}
    </span>
  );
}

export function StatusTag({ kind, value }: { kind: string; value: string | null | undefined }) {
  const { label } = useText();
  return value ? <span className={`tag ${kind}-${value}`}>{label(kind, value)}</span> : <>—</>;
}
