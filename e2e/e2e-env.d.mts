export const E2E_PORT: number;
export const E2E_PG_PORT: number;
export const E2E_BASE_URL: string;
export const E2E_DATABASE_URL: string;
export const E2E_DATA_DIR: string;
export const E2E_SERVER_LOG: string;
export const E2E_SECRETS: { NEXTAUTH_SECRET: string; TOKEN_HMAC_KEY: string; TOKEN_ENCRYPTION_KEY: string };
