// Types of web/eventlab.mjs, the JS API of eventlab (web/docs/js-api.md). Field names of trace
// and pending events are those of the trace format (web/docs/trace-format.md).

/** Error codes thrown as EventLabError.code. */
export type EventLabErrorCode =
  | 'InvalidJson'      // load(): the text is not JSON
  | 'InvalidScenario'  // load(): JSON, but not a valid scenario (see problems)
  | 'InvalidArgument'  // a bad argument; path names it ("seed", "seq", "timeUs", ...)
  | 'NotLoaded'        // reset() or seek() before a scenario was loaded
  | 'SeekBeyondEnd'    // seek(): the run ends before that delivery
  | 'NotDelivered'     // why(): that seq has not been delivered yet
  | 'UnknownCaller'    // send(): not a client of the scenario
  | 'UnknownAction'    // send(): the catalog has no such action
  | 'Disposed'         // any call after dispose()
  | 'UnknownLab'       // the module no longer has this lab
  | 'ModuleLoad'       // createEventLab()/wrapModule(): the module could not be loaded or is not one
  | 'Internal';        // a bug inside the simulator, caught before it reached JS

/** One scenario problem: a JSON pointer ("" is the whole document) and what is wrong there. */
export interface Problem {
  path: string;
  message: string;
}

export declare class EventLabError extends Error {
  constructor(code: EventLabErrorCode, message: string, path?: string, problems?: Problem[]);
  readonly name: 'EventLabError';
  readonly code: EventLabErrorCode;
  /** The argument's name, or the JSON pointer of the first scenario problem. */
  readonly path: string;
  /** Every scenario problem (load() only; otherwise empty). */
  readonly problems: Problem[];
}

/** A service error as the real service reports it. */
export interface ServiceError {
  code: string;
  message: string;
  status: number;
}

/** One delivered event: a line of the JSON Lines trace, with the same fields. */
export interface TraceEvent {
  /** Deliveries counted from 1. */
  seq: number;
  /** Simulated time of delivery, µs from the scenario's start. */
  time_us: number;
  id: number;
  /** The event being handled when this one was scheduled (its cause). */
  parent: number | null;
  /** The request this event answers. */
  reply_to: number | null;
  from: string;
  to: string;
  kind: string;
  payload: unknown;
  error: ServiceError | null;
}

/** An event waiting in the queue, in delivery order. */
export interface PendingEvent {
  id: number;
  time_us: number;
  from: string;
  to: string;
  kind: string;
  payload: unknown;
  error: ServiceError | null;
  parent: number | null;
}

/** state(): the clock, the delivery count, the seed and each resource's state. */
export interface LabState {
  time_us: number;
  seq: number;
  seed: number;
  /** True when the run stopped at limits.max_events with events still pending. */
  hit_event_limit: boolean;
  resources: Record<string, unknown>;
}

/** Payload of the "load" event. */
export interface LoadInfo {
  title: string;
  description: string;
  seed: number;
}

/** Payload of the "reset" event. */
export interface ResetInfo {
  seed: number;
  time_us: number;
}

export interface EventLabEvents {
  event: TraceEvent;
  reset: ResetInfo;
  load: LoadInfo;
}

export type EventLabEventType = keyof EventLabEvents;

/** A node of the architecture graph: a resource, or an API route ("route:<api>/<key>"). */
export interface ArchitectureNode {
  address: string;
  kind: string;
  name: string;
  /** For a route, its API's address. */
  owner?: string;
}

/** A wiring: from configuration, handler steps, scripted calls, or a run with the scenario's seed. */
export interface ArchitectureEdge {
  from: string;
  to: string;
  /** What flows along it, comma-separated ("s3:ObjectCreated:*", "queue.send"). */
  label: string;
}

export interface Architecture {
  nodes: ArchitectureNode[];
  edges: ArchitectureEdge[];
}

/** A script entry's note as a caption of the run (web/docs/scenario-format.md, "note"). */
export interface Caption {
  /** The delivery of the entry's client.call (1-based trace index); in notes(), 0 if the run
   * never delivers it. */
  seq: number;
  /** Index of the entry in the scenario's script. */
  script: number;
  text: string;
}

/** Where a delivery proved or broke an objective (web/docs/exercise-format.md, "Evidence"). */
export interface GradeEvidence {
  seed: number;
  seq: number;
  time_us: number;
  from: string;
  to: string;
  kind: string;
  error?: string;
}

export interface ObjectiveResult {
  id: string;
  title: string;
  task: string | null;
  points: number;
  score: number;
  status: 'passed' | 'failed';
  message: string;
  evidence: GradeEvidence | null;
  found: Record<string, unknown>;
}

/** The grade record of `eventlab grade --format json` (web/docs/exercise-format.md). */
export interface GradeRecord {
  version: 1;
  exercise: { id: string; title: string } | null;
  learner: string | null;
  variant?: Record<string, unknown>;
  seeds?: number[];
  runs?: { seed: number; deliveries: number; stopped: { code: string; message: string } | null }[];
  status: 'passed' | 'failed' | 'error';
  score: number;
  max_score: number;
  tasks: { id: string; title: string; objectives: string[]; score: number; max_score: number; status: 'passed' | 'failed' }[];
  objectives: ObjectiveResult[];
  /** Only in an error record: what is wrong, by JSON pointer into the exercise or the submission. */
  errors?: { in: 'exercise' | 'submission'; path: string; message: string }[];
}

export type GradeFormat = 'json' | 'text' | 'junit' | 'gradescope' | 'classroom' | 'exercism' | 'xapi';

export interface GradeOptions {
  /** Draws the exercise's variant for this learner id. */
  learner?: string | null;
  /** The text of the scenario file the exercise names, if it names one. */
  scenario?: object | string | null;
  /** Returns the record in this format as text instead of the record itself. */
  format?: GradeFormat;
}

export interface EventLab {
  /** The lab's id in its module (shared with the page's UI when wrapped with labId). */
  readonly id: number;
  /** Loads a scenario (an object or JSON text) and resets to time 0 with its seed. On failure
   * throws EventLabError and keeps the previous scenario and position. */
  load(scenario: object | string): void;
  /** Back to time 0. `seed` (0..4294967295) replaces the current seed; without it the seed stays. */
  reset(seed?: number): void;
  /** Grades a submission (scenario or merge patch; null grades the start) of an exercise. The
   * lab itself is left as it was. With options.format, the text of that format; "json" is byte for
   * byte what `eventlab grade --format json` prints. */
  grade(exercise: object | string, submission?: object | string | null, options?: GradeOptions & { format?: undefined }): GradeRecord;
  grade(exercise: object | string, submission: object | string | null, options: GradeOptions & { format: GradeFormat }): string;
  /** Delivers the next event; null when nothing is pending or limits.max_events is reached. */
  step(): TraceEvent | null;
  /** Goes back one delivery; false at the start. */
  stepBack(): boolean;
  /** The exact state after delivery `seq` (0 = the start); throws SeekBeyondEnd past the run. */
  seek(seq: number): void;
  /** Delivers the events due at or before `timeUs`, at most `maxEvents` (and never past
   * limits.max_events); returns how many were delivered. */
  runUntil(timeUs: number, maxEvents?: number): number;
  /** Simulated time, µs. */
  now(): number;
  /** Deliveries so far (the seq of the last one; 0 at the start). */
  delivered(): number;
  /** The seed the run uses (the scenario's, or the last reset's). */
  seed(): number;
  /** Deliveries in the whole run (to its end or limits.max_events), for a timeline. The first
   * call after a load or reset runs ahead once and comes back; the state is unchanged. */
  runLength(): number;
  /** The causes of delivery `seq`: its parent chain as seqs, root cause first, `seq` last.
   * Throws NotDelivered if `seq` has not been delivered. */
  why(seq: number): number[];
  /** The caption at the current step: the note of the latest delivered client.call that a noted
   * script entry became; null before any (and on an empty lab). Follows step(), stepBack(),
   * seek(), reset() and load(); cheap enough for every frame. */
  caption(): Caption | null;
  /** Every note in script order with the seq at which it appears in the whole run (0: never).
   * The first call after a load, reset or send runs ahead once, like runLength(). */
  notes(): Caption[];
  /** The scenario's architecture as the graph draws it. */
  architecture(): Architecture;
  /** Makes client `client` ("client:page") call `action` with `args` now, as from the page: a
   * client.call event is scheduled at the current time. The call is part of the run (stepping
   * back and forward replays it; reset() forgets it). Throws UnknownCaller or UnknownAction. */
  send(client: string, action: string, args?: object): { at_delivery: number };
  pending(): PendingEvent[];
  /** Delivered events with fromSeq <= seq <= toSeq (default: all). */
  trace(fromSeq?: number, toSeq?: number): TraceEvent[];
  /** The trace as JSON Lines, byte for byte what `eventlab run --trace` writes. */
  traceJsonl(): string;
  state(): LabState;
  /** Subscribes; returns the function that unsubscribes. */
  on<T extends EventLabEventType>(type: T, cb: (e: EventLabEvents[T]) => void): () => void;
  /** Frees the lab; every later call throws EventLabError "Disposed". Idempotent. */
  dispose(): void;
}

/** A module instance carrying the eventlab bindings (eventlab-core or the page's app module). */
export interface EventLabModule {
  labCreate(): number;
  [binding: string]: unknown;
}

/** An Emscripten MODULARIZE factory: eventlab-core.js defines EventLabCore. */
export type EventLabModuleFactory = (overrides?: object) => Promise<EventLabModule>;

export interface CreateEventLabOptions {
  /** Use this factory instead of loading eventlab-core.js. */
  moduleFactory?: EventLabModuleFactory;
  /** Where eventlab-core.js is; default beside eventlab.mjs (node also tries ../build/web/). */
  moduleUrl?: string | URL;
  /** Passed to the factory: where to find eventlab-core.wasm. */
  locateFile?: (path: string, scriptDirectory: string) => string;
  /** Passed to the factory: the .wasm bytes, already downloaded. */
  wasmBinary?: ArrayBuffer | Uint8Array;
}

export interface WrapModuleOptions {
  /** Wrap this existing lab of the module instead of creating one; dispose() then only detaches. */
  labId?: number;
}

export function createEventLab(options?: CreateEventLabOptions): Promise<EventLab>;

export function wrapModule(module: EventLabModule, options?: WrapModuleOptions): EventLab;
