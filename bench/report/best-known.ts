/** Best-known value of one instance: Cordeau gives a cost; Li & Lim a vehicle count and a distance. */
export interface BestKnown {
  readonly vehicles?: number;
  readonly distance: number;
}

/**
 * Reads a bks.csv of ../shared/benchmarks (`instance,bks_cost,source` or
 * `instance,vehicles,distance,source`). Only the leading numeric columns are used; the quoted
 * source column may contain commas.
 */
export function parseBestKnown(csv: string): Map<string, BestKnown> {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim().length > 0);
  const header = lines[0]?.split(',').map((column) => column.trim()) ?? [];
  const costColumn = header.indexOf('bks_cost');
  const vehiclesColumn = header.indexOf('vehicles');
  const distanceColumn = header.indexOf('distance');
  if (header[0] !== 'instance' || (costColumn < 0 && (vehiclesColumn < 0 || distanceColumn < 0))) {
    throw new Error(`bks.csv: unexpected header "${lines[0] ?? ''}"`);
  }
  const table = new Map<string, BestKnown>();
  for (const line of lines.slice(1)) {
    const fields = line.split(',');
    const number = (column: number) => {
      const value = Number(fields[column]);
      if (!Number.isFinite(value)) throw new Error(`bks.csv: "${line}" has no number in column ${header[column]}`);
      return value;
    };
    const instance = fields[0]!.trim();
    table.set(instance, costColumn >= 0 ? { distance: number(costColumn) } : { vehicles: number(vehiclesColumn), distance: number(distanceColumn) });
  }
  return table;
}
