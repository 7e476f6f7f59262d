/** The installation's settings for the page, served by express at /app/config.json. */
export interface WebConfig {
  /** Leaflet tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png. */
  readonly mapTileUrl: string;
  readonly mapAttribution: string;
}

let loading: Promise<WebConfig> | null = null;

export function loadConfig(): Promise<WebConfig> {
  loading ??= fetch(`${import.meta.env.BASE_URL}config.json`).then((r) => r.json() as Promise<WebConfig>);
  return loading;
}
