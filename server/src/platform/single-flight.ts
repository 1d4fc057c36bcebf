/**
 * Shares one running computation among concurrent callers with the same key, so that a burst of
 * identical requests (dashboards polling a summary) costs one set of queries. Nothing is kept
 * after the computation ends: results are never older than the computation that produced them.
 */
export function singleFlight<K, V>(
  compute: (key: K) => Promise<V>,
  keyOf: (key: K) => string = String,
): (key: K) => Promise<V> {
  const running = new Map<string, Promise<V>>();
  return (key) => {
    const id = keyOf(key);
    const current = running.get(id);
    if (current) return current;
    const next = compute(key).finally(() => running.delete(id));
    running.set(id, next);
    return next;
  };
}
