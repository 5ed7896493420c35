export function startEmbeddedDb(options: {
  dataDir: string;
  port: number;
  database: string;
  quiet?: boolean;
  tuned?: boolean;
}): Promise<{ url: string; stop: () => Promise<void> }>;
