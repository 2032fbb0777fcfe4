// Compile-only use of every declaration in web/eventlab.d.ts; tests/js/types.test.mjs checks it
// with `tsc --noEmit --strict`. A wrong or missing type makes that check fail.
import {
  EventLabError,
  createEventLab,
  wrapModule,
  type Caption,
  type EventLab,
  type EventLabModule,
  type LabState,
  type PendingEvent,
  type TraceEvent,
} from '../../web/eventlab.mjs';

async function main(): Promise<void> {
  const lab: EventLab = await createEventLab({
    moduleUrl: new URL('../../build/web/eventlab-core.js', import.meta.url),
    locateFile: (path: string, dir: string) => dir + path,
  });
  lab.load({ version: 1 });
  lab.load('{"version": 1}');
  lab.reset();
  lab.reset(7);
  const e: TraceEvent | null = lab.step();
  if (e) {
    const seq: number = e.seq;
    const time: number = e.time_us;
    const parent: number | null = e.parent;
    const replyTo: number | null = e.reply_to;
    const route: string = `${e.from} -> ${e.to}: ${e.kind}`;
    const code: string | undefined = e.error?.code;
    const status: number | undefined = e.error?.status;
    console.log(seq, time, parent, replyTo, route, code, status, e.payload);
  }
  const back: boolean = lab.stepBack();
  lab.seek(3);
  const ran: number = lab.runUntil(1_000_000);
  const capped: number = lab.runUntil(Number.MAX_SAFE_INTEGER, 100);
  const now: number = lab.now();
  const pending: PendingEvent[] = lab.pending();
  const firstPending: number | undefined = pending[0]?.time_us;
  const trace: TraceEvent[] = lab.trace();
  const range: TraceEvent[] = lab.trace(1, 2);
  const jsonl: string = lab.traceJsonl();
  const state: LabState = lab.state();
  const limited: boolean = state.hit_event_limit;
  console.log(back, ran, capped, now, firstPending, trace.length, range.length, jsonl.length, state.seq, limited);

  const caption: Caption | null = lab.caption();
  if (caption) console.log(caption.seq, caption.script, caption.text.length);
  const notes: Caption[] = lab.notes();
  const firstNoteSeq: number | undefined = notes[0]?.seq;
  console.log(firstNoteSeq);
  // @ts-expect-error: caption() may be null
  const notNull: Caption = lab.caption();
  console.log(notNull);

  const offEvent: () => void = lab.on('event', (ev) => console.log(ev.seq, ev.kind));
  const offReset = lab.on('reset', (r) => console.log(r.seed, r.time_us));
  const offLoad = lab.on('load', (l) => console.log(l.title, l.seed));
  offEvent();
  offReset();
  offLoad();
  // @ts-expect-error: "tick" is not an event type
  lab.on('tick', () => {});
  // @ts-expect-error: seq is a number
  lab.seek('3');

  try {
    lab.load('{');
  } catch (err) {
    if (err instanceof EventLabError) {
      const where: string = err.path;
      const problems: string[] = err.problems.map((p) => `${p.path}: ${p.message}`);
      console.log(err.code === 'InvalidJson', err.code === 'Disposed', where, problems, err.message);
    }
  }
  const id: number = lab.id;
  lab.dispose();

  const module: EventLabModule = { labCreate: () => 1 };
  const shared: EventLab = wrapModule(module, { labId: id });
  const own: EventLab = wrapModule(module);
  console.log(shared.id, own.id);
  const viaFactory = await createEventLab({ moduleFactory: async () => module, wasmBinary: new Uint8Array(0) });
  viaFactory.dispose();
}

void main();
