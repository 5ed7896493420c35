export function migrate(databaseUrl: string, options?: { log?: (line: string) => void }): Promise<string[]>;
