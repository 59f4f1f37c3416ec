/**
 * Cycle search over a dependency graph given as adjacency lists.
 */

/**
 * Returns one cycle as a path whose first and last names are the same (`['a', 'b', 'a']`),
 * or `undefined` when the graph is acyclic. `edges.get(x)` lists what `x` depends on.
 * Iterative depth-first search, so deep graphs cannot overflow the stack.
 */
export function findCycle(
  nodes: readonly string[],
  edges: ReadonlyMap<string, readonly string[]>,
): string[] | undefined {
  const WHITE = 0;
  const GREY = 1;
  const BLACK = 2;
  const color = new Map<string, number>();
  for (const node of nodes) color.set(node, WHITE);

  for (const root of nodes) {
    if (color.get(root) !== WHITE) continue;
    const path: string[] = [root];
    const cursors: number[] = [0];
    color.set(root, GREY);
    while (path.length > 0) {
      const top = path.length - 1;
      const node = path[top] as string;
      const next = edges.get(node) ?? [];
      const cursor = cursors[top] as number;
      if (cursor >= next.length) {
        color.set(node, BLACK);
        path.pop();
        cursors.pop();
        continue;
      }
      cursors[top] = cursor + 1;
      const child = next[cursor] as string;
      const state = color.get(child);
      if (state === GREY) return [...path.slice(path.indexOf(child)), child];
      if (state === WHITE) {
        color.set(child, GREY);
        path.push(child);
        cursors.push(0);
      }
    }
  }
  return undefined;
}
