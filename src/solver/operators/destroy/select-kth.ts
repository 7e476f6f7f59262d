/**
 * Moves the k-th smallest request of `items` (0-based) to items[k] and returns it, ordering by
 * sign × key[request], then by request id, a total order: the answer is the one a full sort would
 * put at k, whatever the array's order (so the destroy operators stay deterministic for a seed).
 * Quickselect with a middle pivot, O(items) on average instead of the sort's O(items log items):
 * related and worst removal pick one request at a time out of a thousand on a regional day.
 * Reorders `items`.
 */
export function selectKth(items: number[], k: number, key: Float64Array, sign: 1 | -1): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const pivot = items[(lo + hi) >> 1]!;
    const pk = sign * key[pivot]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      for (;;) {
        const a = items[i]!;
        const ka = sign * key[a]!;
        if (ka < pk || (ka === pk && a < pivot)) i++;
        else break;
      }
      for (;;) {
        const b = items[j]!;
        const kb = sign * key[b]!;
        if (pk < kb || (kb === pk && pivot < b)) j--;
        else break;
      }
      if (i <= j) {
        const t = items[i]!;
        items[i] = items[j]!;
        items[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return items[k]!;
}

/** Removes items[index] in O(1) by moving the last item into its place (order is not kept). */
export function swapRemove(items: number[], index: number): void {
  items[index] = items[items.length - 1]!;
  items.pop();
}
