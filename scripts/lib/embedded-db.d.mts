export function startEmbeddedDb(options: {
  dataDir: string;
  port: number;
  database: string;
  quiet?: boolean;
  tuned?: boolean;
}): Promise<{ url: string; socketUrl: string; stop: () => Promise<void> }>;
