// The JS API of eventlab (web/docs/js-api.md): an idiomatic, synchronous lab over the Embind
// functions of eventlab-core.js (src/bindings/bindings.cpp) or of the page's app module, which
// carries the same bindings. Works in browsers, workers and node; types in eventlab.d.ts.

const EVENT_TYPES = ['event', 'reset', 'load'];
const BINDINGS = ['labCreate', 'labDispose', 'labLoad', 'labReset', 'labStep', 'labStepBack', 'labSeek',
  'labRunUntil', 'labNow', 'labDelivered', 'labPending', 'labTrace', 'labTraceJsonl', 'labState'];
const CORE_SCRIPT = 'eventlab-core.js';
// The argument names of each binding after the lab id, for errors that name the argument.
const PARAMETERS = {
  labLoad: ['scenario'], labReset: ['seed'], labSeek: ['seq'], labRunUntil: ['timeUs', 'maxEvents'], labWhy: ['seq'],
  labSend: ['client', 'action', 'args'], labTrace: ['fromSeq', 'toSeq'],
  labGrade: ['exercise', 'submission', 'learner', 'scenario', 'format'],
};
const CORE_EXPORT_NAME = 'EventLabCore';

const isNode = typeof process === 'object' && typeof process.versions?.node === 'string' &&
  typeof window === 'undefined';

/** An error from the lab: `code` says what kind, `path` where (an argument name or a JSON pointer). */
export class EventLabError extends Error {
  constructor(code, message, path = '', problems = []) {
    super(message);
    this.name = 'EventLabError';
    this.code = code;
    this.path = path;
    this.problems = problems;
  }
}

/**
 * Loads eventlab-core (a MODULARIZE factory) and returns a lab on it.
 * options.moduleFactory: use this factory instead of loading eventlab-core.js.
 * options.moduleUrl:     where eventlab-core.js is (default: beside this file; in a source
 *                        checkout, node falls back to build/web/).
 * options.locateFile, options.wasmBinary: passed to the factory.
 */
export async function createEventLab(options = {}) {
  const factory = options.moduleFactory ?? await loadCoreFactory(options.moduleUrl);
  if (typeof factory !== 'function') {
    throw new EventLabError('ModuleLoad', 'moduleFactory must be an Emscripten MODULARIZE factory function', 'moduleFactory');
  }
  const overrides = {};
  if (options.locateFile) overrides.locateFile = options.locateFile;
  if (options.wasmBinary) overrides.wasmBinary = options.wasmBinary;
  if (isNode && !overrides.wasmBinary && !options.moduleFactory) {
    // Node 20's fetch() cannot read a plain file path, which emcc 3.1.6's loader tries: hand it the bytes.
    overrides.wasmBinary = await readNodeWasm(options);
  }
  const module = await factory(overrides);
  return wrapModule(module);
}

/**
 * Wraps an instantiated module that carries the eventlab bindings (eventlab-core or the page's
 * app). Creates a new lab in it, or with options.labId uses that existing lab (owned by the
 * module: dispose() then only detaches this wrapper).
 */
export function wrapModule(module, options = {}) {
  const missing = BINDINGS.filter((name) => typeof module?.[name] !== 'function');
  if (missing.length > 0) {
    throw new EventLabError('ModuleLoad', `not an eventlab module: missing ${missing.join(', ')}`, 'module');
  }
  const owned = options.labId === undefined;
  if (!owned && !(Number.isInteger(options.labId) && options.labId > 0)) {
    throw new EventLabError('InvalidArgument', `labId must be a positive integer, got ${describe(options.labId)}`, 'labId');
  }
  return new EventLab(module, owned ? module.labCreate() : options.labId, owned);
}

// What a value is, for messages, without calling anything of it: an object's toString() may
// throw, or print megabytes.
function describe(value) {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'undefined') return String(value);
  if (typeof value === 'bigint') return 'a bigint';
  return Array.isArray(value) ? 'an array' : `a(n) ${typeof value}`;
}

// Text as the module must receive it: a lone UTF-16 surrogate (which JSON and UTF-8 cannot hold)
// becomes U+FFFD instead of swallowing the character after it on the way to UTF-8.
function wellFormed(text) {
  if (typeof text.toWellFormed === 'function') return text.toWellFormed();
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

// Checks the arguments of binding `name` before the module sees them: only strings, numbers,
// booleans, undefined and null cross (the wrappers turn objects into JSON text first).
function moduleArguments(name, args) {
  return args.map((arg, i) => {
    if (typeof arg === 'string') return wellFormed(arg);
    if (arg === null || ['number', 'boolean', 'undefined'].includes(typeof arg)) return arg;
    const param = PARAMETERS[name]?.[i] ?? `argument ${i + 1}`;
    throw new EventLabError('InvalidArgument', `${param} must be a string or a number, got ${describe(arg)}`, param);
  });
}

// Unwraps {"ok": value} or throws the {"error": {...}} as an EventLabError.
function unwrap(text) {
  const reply = JSON.parse(text);
  if (reply.error) {
    const { code, message, path, problems } = reply.error;
    throw new EventLabError(code, message, path, problems ?? []);
  }
  return reply.ok;
}

class EventLab {
  #module;
  #id;
  #owned;
  #disposed = false;
  #listeners = new Map(EVENT_TYPES.map((type) => [type, new Set()]));

  constructor(module, id, owned) {
    this.#module = module;
    this.#id = id;
    this.#owned = owned;
  }

  /** The lab's id in its module's registry (the page's UI and this wrapper can share one lab). */
  get id() { return this.#id; }

  // Calls binding `name` ("labStepBack") on this lab; after dispose() every call throws.
  #call(name, ...args) {
    if (this.#disposed) {
      const method = name[3].toLowerCase() + name.slice(4);
      throw new EventLabError('Disposed', `${method}() after dispose(): this lab was disposed`);
    }
    const checked = moduleArguments(name, args);
    let reply;
    try {
      reply = this.#module[name](this.#id, ...checked);
    } catch (err) {
      // Only a trap (stack overflow, out of memory) gets here: the bindings return every error.
      throw new EventLabError('Internal', `the simulator module failed: ${err?.message ?? err}`);
    }
    return unwrap(reply);
  }

  #emit(type, payload) {
    for (const cb of [...this.#listeners.get(type)]) {
      try {
        cb(payload);
      } catch (err) {
        // A listener's bug must not undo or interrupt the lab call that emitted: report it apart.
        queueMicrotask(() => { throw err; });
      }
    }
  }

  load(scenario) {
    let text = scenario;
    if (typeof scenario === 'object' && scenario !== null) {
      try {
        text = JSON.stringify(scenario);
      } catch (err) {
        throw new EventLabError('InvalidArgument', `scenario cannot be turned into JSON: ${err.message}`, 'scenario');
      }
    } else if (typeof scenario !== 'string') {
      throw new EventLabError('InvalidArgument', `scenario must be JSON text or an object, got ${describe(scenario)}`, 'scenario');
    }
    const info = this.#call('labLoad', text);
    this.#emit('load', info);
  }

  /**
   * Grades `submission` (a scenario or a merge patch, text or object; null grades the start) of
   * `exercise` (text or object). options.learner draws the variant; options.scenario is the text
   * of the scenario file the exercise names, if it names one; options.format ("json", "text",
   * "junit", "gradescope", "classroom", "exercism", "xapi") returns that text instead of the
   * record. The "json" text is byte for byte what `eventlab grade --format json` prints. This
   * lab is left as it was.
   */
  grade(exercise, submission = null, options = {}) {
    const asText = (value, name) => {
      if (value === null || value === undefined) return null;
      if (typeof value === 'string') return value;
      if (typeof value === 'object') {
        try {
          return JSON.stringify(value);
        } catch (err) {
          throw new EventLabError('InvalidArgument', `${name} cannot be turned into JSON: ${err.message}`, name);
        }
      }
      throw new EventLabError('InvalidArgument', `${name} must be JSON text or an object, got ${describe(value)}`, name);
    };
    if (typeof options !== 'object' || options === null) {
      throw new EventLabError('InvalidArgument', `options must be an object, got ${describe(options)}`, 'options');
    }
    const exerciseText = asText(exercise, 'exercise');
    if (exerciseText === null) throw new EventLabError('InvalidArgument', 'exercise is required', 'exercise');
    const learner = options.learner ?? null;
    if (learner !== null && typeof learner !== 'string') {
      throw new EventLabError('InvalidArgument', `learner must be a string, got ${describe(learner)}`, 'learner');
    }
    const format = options.format ?? 'json';
    const text = this.#call('labGrade', exerciseText, asText(submission, 'submission'), learner,
      asText(options.scenario, 'scenario'), format);
    return options.format === undefined ? JSON.parse(text) : text;
  }

  reset(seed) {
    const info = this.#call('labReset', seed);
    this.#emit('reset', info);
  }

  step() {
    const record = this.#call('labStep');
    if (record) this.#emit('event', record);
    return record;
  }

  stepBack() { return this.#call('labStepBack'); }

  seek(seq) { this.#call('labSeek', seq); }

  runUntil(timeUs, maxEvents) {
    const listening = this.#listeners.get('event').size > 0;
    const before = listening ? this.#call('labDelivered') : 0;
    const ran = this.#call('labRunUntil', timeUs, maxEvents);
    if (ran > 0 && listening) {
      for (const record of this.#call('labTrace', before + 1, before + ran)) this.#emit('event', record);
    }
    return ran;
  }

  now() { return this.#call('labNow'); }

  delivered() { return this.#call('labDelivered'); }

  seed() { return this.#call('labSeed'); }

  runLength() { return this.#call('labRunLength'); }

  why(seq) { return this.#call('labWhy', seq); }

  caption() { return this.#call('labCaption'); }

  notes() { return this.#call('labNotes'); }

  architecture() { return this.#call('labArchitecture'); }

  send(client, action, args = {}) {
    let text;
    try {
      text = JSON.stringify(args);
    } catch (err) {
      throw new EventLabError('InvalidArgument', `args cannot be turned into JSON: ${err.message}`, 'args');
    }
    return this.#call('labSend', client, action, text ?? 'null');
  }

  pending() { return this.#call('labPending'); }

  trace(fromSeq, toSeq) { return this.#call('labTrace', fromSeq, toSeq); }

  traceJsonl() { return this.#call('labTraceJsonl'); }

  state() { return this.#call('labState'); }

  on(type, cb) {
    if (this.#disposed) throw new EventLabError('Disposed', 'on() after dispose(): this lab was disposed');
    if (!EVENT_TYPES.includes(type)) {
      throw new EventLabError('InvalidArgument', `type must be one of ${EVENT_TYPES.map((t) => `"${t}"`).join(', ')}, got ${describe(type)}`, 'type');
    }
    if (typeof cb !== 'function') {
      throw new EventLabError('InvalidArgument', `cb must be a function, got ${typeof cb}`, 'cb');
    }
    const set = this.#listeners.get(type);
    const entry = (e) => cb(e);  // a fresh entry, so the same cb registered twice unsubscribes separately
    set.add(entry);
    return () => { set.delete(entry); };
  }

  dispose() {
    if (this.#disposed) return;
    if (this.#owned) unwrap(this.#module.labDispose(this.#id));
    this.#disposed = true;
    for (const set of this.#listeners.values()) set.clear();
  }
}

// --- loading eventlab-core.js ---------------------------------------------------------------------

async function loadCoreFactory(moduleUrl) {
  if (isNode) {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    return require(await nodeCorePath(moduleUrl));
  }
  if (typeof globalThis[CORE_EXPORT_NAME] !== 'function') {
    const url = String(moduleUrl ?? new URL(CORE_SCRIPT, import.meta.url));
    if (typeof document !== 'undefined') {
      await new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = url;
        script.onload = resolve;
        script.onerror = () => reject(new EventLabError('ModuleLoad', `could not load ${url}`, 'moduleUrl'));
        document.head.append(script);
      });
    } else if (typeof importScripts === 'function') {
      importScripts(url);  // eslint-disable-line no-undef
    }
  }
  const factory = globalThis[CORE_EXPORT_NAME];
  if (typeof factory !== 'function') throw new EventLabError('ModuleLoad', `${CORE_SCRIPT} did not define ${CORE_EXPORT_NAME}`, 'moduleUrl');
  return factory;
}

// The file path of eventlab-core.js in node: moduleUrl, else beside this file, else the build.
async function nodeCorePath(moduleUrl) {
  const { fileURLToPath } = await import('node:url');
  const { existsSync } = await import('node:fs');
  const toPath = (u) => (u instanceof URL || String(u).startsWith('file:') ? fileURLToPath(u) : String(u));
  if (moduleUrl !== undefined) return toPath(moduleUrl);
  const candidates = [new URL(CORE_SCRIPT, import.meta.url), new URL(`../build/web/${CORE_SCRIPT}`, import.meta.url)];
  const found = candidates.map(toPath).find((p) => existsSync(p));
  if (!found) {
    throw new EventLabError('ModuleLoad', `${CORE_SCRIPT} not found beside eventlab.mjs or in build/web: run scripts/build.sh web`, 'moduleUrl');
  }
  return found;
}

async function readNodeWasm(options) {
  const { readFile } = await import('node:fs/promises');
  const { dirname, join } = await import('node:path');
  const script = await nodeCorePath(options.moduleUrl);
  const wasmName = CORE_SCRIPT.replace(/\.js$/, '.wasm');
  const wasmPath = options.locateFile ? options.locateFile(wasmName, `${dirname(script)}/`) : join(dirname(script), wasmName);
  return readFile(wasmPath);
}
