export function findChromium(): { path: string; bundled: boolean } | null;
