// autocannon, timed by its responses. With `amount`, autocannon notices that a
// run has ended only at its next one-second tick, so its `duration` is the run
// rounded up to a whole second (a 5.2 s run reports 6.01 s and understates the
// rate by up to a sixth). Here a run lasts from its start to its last response.
import autocannon from "autocannon";

export async function runTimedLoad(options: autocannon.Options): Promise<{ result: autocannon.Result; seconds: number }> {
  const started = performance.now();
  let last = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)));
    instance.on("response", () => {
      last = performance.now();
    });
  });
  return { result, seconds: (last - started) / 1000 };
}
