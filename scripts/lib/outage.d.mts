export const REQUEST_STATE_KEY: unique symbol;
export const DATABASE_RETRY_AFTER_SECONDS: number;
