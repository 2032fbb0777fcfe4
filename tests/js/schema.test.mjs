// The JSON Schemas of web/schema/ and the loader give the same verdicts: every file of the corpus
// (tests/schema-corpus/, each invalid file one mistake users make) and every shipped scenario is
// valid for ajv (draft 2020-12) exactly when `build/native/eventlab validate FILE` accepts it.
// Exercises likewise, where an invalid exercise makes `eventlab validate` exit 2. Also: the schemas
// compile in ajv's strict mode, and every shipped file names its schema.
// Run from the repo root: NODE_OPTIONS=--no-experimental-fetch node --test tests/js/
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, test } from 'node:test';

import Ajv2020 from 'ajv/dist/2020.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'build/native/eventlab');
const schemaDir = join(root, 'web/schema');
const corpus = join(root, 'tests/schema-corpus');

/** The .json files of `dir` (none when it does not exist), as absolute paths, sorted. */
function jsonFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json').sort().map((f) => join(dir, f));
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const schemaFiles = jsonFiles(schemaDir);

/** An ajv for draft 2020-12 in strict mode, holding every schema of web/schema/. */
function newAjv() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  for (const file of schemaFiles) ajv.addSchema(readJson(file));
  return ajv;
}

/** The loader's verdict: `eventlab validate FILE` exits 0 (valid) or `invalidCode`. */
function loaderVerdict(file, invalidCode) {
  const r = spawnSync(cli, ['validate', file], { encoding: 'utf8' });
  const output = `${r.stdout}${r.stderr}`.trim();
  assert.ok(r.status === 0 || r.status === invalidCode,
    `eventlab validate ${relative(root, file)} exited ${r.status ?? r.signal} (expected 0 or ${invalidCode}):\n${output}`);
  return { valid: r.status === 0, output };
}

/** Checks that ajv and the loader agree on `file`, and that both give `expected`. */
function checkAgreement(validate, file, expected, invalidCode) {
  const name = relative(root, file);
  let doc;
  try {
    doc = readJson(file);
  } catch (err) {
    assert.fail(`${name}: not JSON (${err.message}); the corpus holds JSON documents only`);
  }
  const ajvValid = validate(doc);
  const ajvErrors = ajvValid ? '(none)' : validate.errors.map((e) => `  ${e.instancePath || '/'} ${e.message}`).join('\n');
  const loader = loaderVerdict(file, invalidCode);
  const report = `${name}\n ajv: ${ajvValid ? 'valid' : 'invalid'}\n${ajvErrors}\n loader: ${loader.valid ? 'valid' : 'invalid'}\n  ${loader.output}`;
  assert.equal(ajvValid, loader.valid, `the schema and the loader disagree on ${report}`);
  assert.equal(loader.valid, expected, `expected ${name} to be ${expected ? 'valid' : 'invalid'}: ${report}`);
}

before(() => {
  assert.ok(existsSync(cli), `${cli} missing: run scripts/build.sh native first (the test compares the schemas with its loader)`);
});

test('the schemas compile under ajv (draft 2020-12) strict mode', () => {
  assert.ok(schemaFiles.some((f) => f.endsWith('scenario.schema.json')), 'web/schema/scenario.schema.json missing');
  const ajv = newAjv();
  for (const file of schemaFiles) {
    const schema = readJson(file);
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema', `${relative(root, file)}: $schema`);
    assert.ok(schema.$id && schema.title && schema.description, `${relative(root, file)}: needs $id, title and description`);
    assert.ok(ajv.getSchema(schema.$id), `${relative(root, file)} does not compile`);
  }
});

const shipped = [
  { dir: join(root, 'web/scenarios'), schema: '../schema/scenario.schema.json' },
  { dir: join(root, 'web/exercises'), schema: '../schema/exercise.schema.json' },
];

describe('every shipped file names its schema', () => {
  test('there are shipped scenarios', () => assert.ok(jsonFiles(shipped[0].dir).length > 0));
  for (const { dir, schema } of shipped) {
    for (const file of jsonFiles(dir)) {
      test(relative(root, file), () => {
        const doc = readJson(file);
        assert.equal(Object.keys(doc)[0], '$schema', '"$schema" should be the first key');
        assert.equal(doc.$schema, schema);
        const target = resolve(dirname(file), doc.$schema);
        assert.ok(existsSync(target), `${doc.$schema} resolves to ${target}, which does not exist`);
      });
    }
  }
});

describe('scenarios: the schema and the loader agree', () => {
  const validFiles = [...jsonFiles(join(root, 'web/scenarios')), ...jsonFiles(join(corpus, 'scenarios/valid'))];
  const invalidFiles = jsonFiles(join(corpus, 'scenarios/invalid'));
  let validate;
  before(() => {
    validate = newAjv().getSchema('https://eventlab.example/schema/scenario.schema.json');
  });

  test('the corpus has valid and invalid files', () => {
    assert.ok(validFiles.length >= 10, `only ${validFiles.length} valid scenarios`);
    assert.ok(invalidFiles.length >= 25, `only ${invalidFiles.length} invalid scenarios`);
  });
  for (const file of validFiles) test(`valid: ${relative(root, file)}`, () => checkAgreement(validate, file, true, 1));
  for (const file of invalidFiles) test(`invalid: ${relative(root, file)}`, () => checkAgreement(validate, file, false, 1));
});

describe('exercises: the schema and the grader agree', () => {
  const validFiles = [...jsonFiles(join(root, 'web/exercises')), ...jsonFiles(join(corpus, 'exercises/valid'))];
  const invalidFiles = jsonFiles(join(corpus, 'exercises/invalid'));
  // `eventlab validate` tells an exercise from a scenario by its "objectives" key, so every file of
  // the exercise corpus has one. A CLI from before the grader reads an exercise as a scenario and
  // refuses that key.
  let skip = false;
  if (existsSync(cli) && validFiles.length > 0) {
    const r = spawnSync(cli, ['validate', validFiles[0]], { encoding: 'utf8' });
    if (r.status !== 0 && /^\/objectives: unknown key/m.test(r.stdout)) {
      skip = `this build's \`eventlab validate\` does not read exercises yet (it loads ${relative(root, validFiles[0])} as a scenario)`;
    }
  }
  let validate;
  before(() => {
    validate = newAjv().getSchema('https://eventlab.example/schema/exercise.schema.json');
  });

  test('the corpus has valid and invalid files', () => {
    assert.ok(validFiles.length >= 3, `only ${validFiles.length} valid exercises`);
    assert.ok(invalidFiles.length >= 25, `only ${invalidFiles.length} invalid exercises`);
  });
  test('the schema alone gives each corpus file its verdict (also without the grader)', () => {
    const wrong = [];
    for (const [files, expected] of [[validFiles, true], [invalidFiles, false]]) {
      for (const file of files) {
        if (validate(readJson(file)) !== expected) {
          const why = expected ? validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ') : 'the schema accepts it';
          wrong.push(`${relative(root, file)}: expected ${expected ? 'valid' : 'invalid'}: ${why}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
  });
  for (const file of validFiles) test(`valid: ${relative(root, file)}`, { skip }, () => checkAgreement(validate, file, true, 2));
  for (const file of invalidFiles) test(`invalid: ${relative(root, file)}`, { skip }, () => checkAgreement(validate, file, false, 2));
});
