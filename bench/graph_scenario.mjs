// The frame benchmark's scenario: 50 resources (10 clients, 10 queues, 20 functions, 10 buckets)
// wired client -> queue -> function -> bucket, and 200 scripted sends per client at time 0. After
// the first 2,000 deliveries (the scripted calls), 2,000 queue.send requests are in flight.
export function graphBenchScenario() {
  const resources = {};
  const script = [];
  for (let i = 0; i < 10; i += 1) {
    resources[`client-${i}`] = { kind: 'client' };
    resources[`bucket-${i}`] = { kind: 'bucket' };
    resources[`queue-${i}`] = { kind: 'queue', consumer: `worker-${i}-a` };
    for (const side of ['a', 'b']) {
      resources[`worker-${i}-${side}`] = {
        kind: 'function',
        handler: [
          { call: 'storage.put_object', with: { bucket: `bucket-${i}`, key: 'k', body: 'x' } },
          { return: { ok: true } },
        ],
      };
    }
    for (let k = 0; k < 200; k += 1) {
      script.push({ at: '0s', client: `client-${i}`, call: 'queue.send', with: { queue: `queue-${i}`, body: `job ${k}` } });
    }
  }
  return { version: 1, title: 'Graph benchmark: 50 resources', seed: 1, resources, script };
}

/** Deliveries after which 2,000 requests are in flight. */
export const kInFlightAfter = 2000;
