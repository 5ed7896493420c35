// How Node runs the production server (scripts/serve.mjs), for `npm start`
// and the benchmark alike. Measured with the benchmark: the server idles at
// about 165 MB; with Node's defaults, a few thousand rendered pages and
// redemptions later it held 400-470 MB, most of it heap V8 had not needed to
// give back and malloc arenas of idle threads. With these settings it stays
// near 165 MB at the same CPU cost per request.
// - a young generation of 2 MB semi-spaces instead of 16 MB;
// - an old generation capped at 192 MB: the server's live heap after a
//   collection is well under 100 MB, so this leaves room while making V8
//   collect instead of growing;
// - two malloc arenas instead of eight per core.
export const SERVER_NODE_ARGS = ["--max-semi-space-size=2", "--max-old-space-size=192"];
export const SERVER_ENV = { MALLOC_ARENA_MAX: "2" };
