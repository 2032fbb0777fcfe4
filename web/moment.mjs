// A moment of a run as text for the URL hash: "#scenario=hello.json&seed=42&step=12", so that a
// link reopens the same scenario, seed and step. Parsing is strict: a bad value is dropped (and
// reported), never half-applied.

/** Parses a hash ("#a=b&c=d" or "a=b&c=d") into {scenario?, seed?, step?, problems[]}. */
export function parseMoment(hash) {
  const params = new URLSearchParams(String(hash ?? '').replace(/^#/, ''));
  const moment = { problems: [] };
  const scenario = params.get('scenario');
  if (scenario !== null) {
    if (/^[\w.-]+\.json$/.test(scenario)) moment.scenario = scenario;
    else moment.problems.push(`scenario: "${scenario}" is not a scenario file name`);
  }
  for (const [key, max] of [['seed', 4294967295], ['step', Number.MAX_SAFE_INTEGER]]) {
    const text = params.get(key);
    if (text === null) continue;
    const value = /^\d+$/.test(text) ? Number(text) : NaN;
    if (Number.isSafeInteger(value) && value <= max) moment[key] = value;
    else moment.problems.push(`${key}: "${text}" is not an integer from 0 to ${max}`);
  }
  return moment;
}

/** The hash for a moment: "#scenario=F&seed=S&step=N". */
export function formatMoment({ scenario, seed, step }) {
  const params = new URLSearchParams();
  if (scenario) params.set('scenario', scenario);
  if (seed !== undefined) params.set('seed', String(seed));
  if (step !== undefined) params.set('step', String(step));
  return `#${params.toString()}`;
}

/** Moves `lab` to `moment`'s seed and step (the scenario must already be loaded). A step past
 *  the run's end goes to the end. Returns the step reached. */
export function applyMoment(lab, moment) {
  if (moment.seed !== undefined && moment.seed !== lab.seed()) lab.reset(moment.seed);
  if (moment.step !== undefined) lab.seek(Math.min(moment.step, lab.runLength()));
  return lab.delivered();
}
