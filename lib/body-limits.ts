/**
 * The largest request bodies the app reads, shared by the handlers that
 * refuse a larger one and the server that reads bodies for them
 * (server/fetch-adapter.ts).
 */

/** A JSON body of the API (a batch endpoint may allow more). */
export const API_BODY_LIMIT_BYTES = 64 * 1024;

/** The login link's form: the token, the page proof and nothing else. */
export const LINK_FORM_LIMIT_BYTES = 8_192;

/**
 * What the server keeps of a body it reads for the handlers it answers
 * itself: one byte more than the largest of their limits is enough for them
 * to see a body is too large, and an oversized upload costs bandwidth, never memory.
 */
export const DIRECT_BODY_READ_BYTES = Math.max(API_BODY_LIMIT_BYTES, LINK_FORM_LIMIT_BYTES) + 1;
