import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DraftView, PublicPlanView } from '@commonplan/domain';
import {
  useOwnDatabase,
  ApiClient,
  connectTestDatabase,
  factories,
  signedIn,
  type TestFootprint,
  type TestPlan,
  type TestSection,
  type TestUser,
} from '@commonplan/testing';
import fc from 'fast-check';
import type pg from 'pg';
import { aReadyDraft, startApiAndWorker, type ApiAndWorker } from './publishing-helpers.js';

useOwnDatabase();

/**
 * Every operation in the API's own OpenAPI description, called as a signed-in partnership lead
 * with generated bad input: wrong types, missing fields, 100 000-character strings, lone
 * surrogates, NUL, right-to-left overrides, emoji, SQL and script injection, numbers out of range,
 * arrays for objects. Never a 5xx; every 4xx is JSON with a message; and no script the fuzz sent
 * comes back out as HTML. Set FUZZ_SEED to repeat a run; the seed is printed with any failure.
 */

const seed = Number(process.env.FUZZ_SEED ?? 20161102);
const runsPerOperation = 12;
/** Ending the test's own session would turn every later request into a 401. */
const skipped = new Set(['POST /api/auth/sign-out', 'POST /api/auth/sign-out-everywhere']);

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body: Schema | null;
}
interface FuzzRequest {
  url: string;
  body: string | undefined;
}

const hostileStrings = [
  '',
  ' ',
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '1; SELECT pg_sleep(5)',
  "admin'--",
  '<script>alert(1)</script>',
  '<ScRiPt src=//evil.example/x.js></ScRiPt>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '[click](javascript:alert(1))',
  '\u0000',
  'before\u0000after',
  '\ud800',
  'lone \udfff surrogate',
  '\u202eevil\u202c',
  '\u200b\u200d\ufeff',
  '👩🏽‍⚕️🏥💉',
  'Z̷̧͙̈́a̶̛̞l̴̰̈́g̸̛̯o̵̤͝',
  '../../../etc/passwd',
  '%00%2e%2e%2f',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  '\r\nSet-Cookie: x=1',
  'null',
  'NaN',
  '-1',
  '1e309',
];

const hostileString = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(100_000), '<script>'.repeat(12_500)) },
);
/** Short enough for a URL; Node itself refuses headers past 16 kB before the API sees them. */
const hostileUrlString = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constant('x'.repeat(4000)) },
);
const wrongType = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1e308,
    -1e308,
    2 ** 53 + 1,
    1.5,
    [],
    {},
    [1, 2, 3],
    { _placeholder: true, num: 0 },
    { $ne: null },
    ['<script>alert(1)</script>'],
  ),
  fc.integer(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.object({ maxDepth: 2, maxKeys: 3 }),
);

function validish(schema: Schema, resolve: (s: Schema) => Schema): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  if (s.example !== undefined) return fc.constant(s.example);
  if (s.type === 'boolean') return fc.boolean();
  if (s.type === 'number' || s.type === 'integer') return fc.integer({ min: 1, max: 50 });
  if (s.type === 'array')
    return fc.array(s.items ? validish(s.items, resolve) : fc.string(), { maxLength: 3 });
  if (s.type === 'object') return objectOf(s, resolve);
  return fc.string({ minLength: 1, maxLength: 20 });
}

function field(schema: Schema, resolve: (s: Schema) => Schema): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  return fc.oneof(
    { weight: 3, arbitrary: validish(s, resolve) },
    { weight: 3, arbitrary: hostileString },
    { weight: 2, arbitrary: wrongType },
    ...(s.type === 'array'
      ? [{ weight: 2, arbitrary: fc.array(hostileString, { maxLength: 3 }) }]
      : []),
  );
}

function objectOf(schema: Schema, resolve: (s: Schema) => Schema): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema.properties ?? {});
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of properties) record[name] = field(property, resolve);
  return fc
    .tuple(
      fc.record(record, { requiredKeys: [] }),
      fc.option(fc.constantFrom('__proto__', 'constructor', 'isAdmin', 'id', 'role'), {
        nil: undefined,
      }),
      wrongType,
    )
    .map(([body, extra, value]) =>
      extra === undefined ? body : { ...(body as object), [extra]: value },
    );
}

function bodyFor(schema: Schema, resolve: (s: Schema) => Schema): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: objectOf(resolve(schema), resolve).map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: wrongType.map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: hostileString.map((b) => JSON.stringify(b)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('{', '{"a":', '[1,2', 'not json', '{"__proto__":{"x":1}}', ''),
    },
  );
}

/** Percent-encodes, keeping what cannot be UTF-8 (lone surrogates) as bytes that are not UTF-8. */
function encodeUrlPart(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value
      .split('')
      .map((c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c)))
      .join('');
  }
}

let setup: ApiAndWorker;
let db: pg.Client;
let lead: ApiClient;
let leadUser: TestUser;
let footprint: TestFootprint;
let plan: TestPlan;
let section: TestSection;
let decoySection: TestSection;
let decoyMember: TestUser;
let operations: Operation[] = [];
let requestsSent = 0;

/** Real values for path parameters, so most requests get past the lookup to the validation. */
function validPath(name: string, method: string): string {
  switch (name) {
    case 'slug':
    case 'footprintSlug':
      return footprint.slug;
    case 'planSlug':
      return plan.slug;
    case 'planId':
      return plan.id;
    case 'sectionId':
      return method === 'DELETE' ? decoySection.id : section.id;
    case 'userId':
      return decoyMember.id;
    case 'number':
      return '1';
    default:
      return '3f1c9a52-6a8e-4d5b-9c1e-2b7d4e8f0a61';
  }
}

function requestFor(op: Operation, resolve: (s: Schema) => Schema): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const path = fc.tuple(
    ...pathParams.map((p) =>
      fc.oneof(
        { weight: 3, arbitrary: fc.constant(validPath(p.name, op.method)) },
        { weight: 1, arbitrary: hostileUrlString },
      ),
    ),
  );
  const query = fc.tuple(
    ...queryParams.map((p) =>
      fc.option(
        fc.oneof(
          hostileUrlString,
          validish(p.schema ?? {}, resolve).map(String),
          fc.constantFrom('-1', '0', '1e9', '99999999999999999999', '1.5', 'true', '[]'),
        ),
        { nil: undefined },
      ),
    ),
  );
  const body = op.body ? bodyFor(op.body, resolve) : fc.constant(undefined);
  return fc.tuple(path, query, body).map(([pathValues, queryValues, payload]) => {
    let url = op.path;
    pathParams.forEach((p, i) => {
      url = url.replace(`{${p.name}}`, encodeUrlPart(pathValues[i] as string));
    });
    const search = queryParams
      .map((p, i) =>
        queryValues[i] === undefined
          ? null
          : `${p.name}=${encodeUrlPart(queryValues[i] as string)}`,
      )
      .filter(Boolean)
      .join('&');
    return { url: search ? `${url}?${search}` : url, body: payload };
  });
}

async function send(
  method: string,
  request: FuzzRequest,
): Promise<{ status: number; body: unknown; type: string }> {
  requestsSent += 1;
  const response = await fetch(`${setup.api.baseUrl}${request.url}`, {
    method,
    headers: {
      cookie: `cp_session=${lead.sessionCookie}`,
      origin: setup.api.baseUrl,
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: request.body,
    redirect: 'manual',
  });
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  let body: unknown = text;
  if (type.includes('json')) body = JSON.parse(text);
  return { status: response.status, body, type };
}

beforeAll(async () => {
  setup = await startApiAndWorker();
  db = await connectTestDatabase();
  const make = factories(db);
  leadUser = await make.aUser();
  decoyMember = await make.aUser();
  footprint = await make.aFootprint({ members: { lead: [leadUser], author: [decoyMember] } });
  plan = await make.aPlan(footprint.id);
  section = await make.aSection(plan.id);
  decoySection = await make.aSection(plan.id);
  lead = await signedIn(new ApiClient(setup.api.baseUrl), leadUser);

  const document = (await (await fetch(`${setup.api.baseUrl}/api/docs-json`)).json()) as {
    paths: Record<
      string,
      Record<
        string,
        { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }
      >
    >;
  };
  for (const [path, methods] of Object.entries(document.paths))
    for (const [method, op] of Object.entries(methods))
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content['application/json']?.schema ?? null,
      });
  const schemas = (document as unknown as { components: { schemas: Record<string, Schema> } })
    .components.schemas;
  resolveRef = (s) => (s.$ref ? schemas[s.$ref.split('/').pop()!]! : s);
}, 60_000);

let resolveRef: (s: Schema) => Schema = (s) => s;

afterAll(async () => {
  await db?.end();
  await setup?.stop();
});

describe('every REST operation under generated bad input', () => {
  it('finds the operations in the OpenAPI description', () => {
    expect(operations.length).toBeGreaterThan(50);
    operations = operations.filter((op) => !skipped.has(`${op.method} ${op.path}`));
  });

  it('never answers 5xx, and answers every 4xx with JSON carrying a message', async () => {
    const started = Date.now();
    const failures: string[] = [];
    const statuses: Record<number, number> = {};
    for (const [index, op] of operations.entries()) {
      const requests = fc.sample(requestFor(op, resolveRef), {
        seed: seed + index,
        numRuns: runsPerOperation,
      });
      for (const request of requests) {
        const answer = await send(op.method, request);
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        const message = (answer.body as { message?: unknown } | null)?.message;
        const bad =
          answer.status >= 500 ||
          (answer.status >= 400 &&
            !(answer.type.includes('json') && typeof message === 'string' && message.length > 0));
        if (bad)
          failures.push(
            `${op.method} ${request.url.slice(0, 200)} body ${String(request.body).slice(0, 200)} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`,
          );
      }
    }
    // The figures of the run, for the record.
    console.info(
      `fuzzed ${operations.length} operations with ${requestsSent} requests in ${Date.now() - started} ms (seed ${seed}), answers ${JSON.stringify(statuses)}; skipped ${[...skipped].join(', ')}`,
    );
    expect({ seed, failures }).toEqual({ seed, failures: [] });
    expect((await fetch(`${setup.api.baseUrl}/api/health`)).status).toBe(200);
  }, 240_000);

  it('lets no script the fuzz stored come back out as HTML', async () => {
    // Script-bearing text through the same door the fuzz used, so this check has something to find.
    const created = await lead.post(`/api/plans/${plan.id}/sections`, {
      title: '<script>alert("title")</script>',
      theme: 'other',
      text: '<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[link](javascript:alert(3))',
    });
    expect(created.status).toBe(201);
    // The fuzz may have moved the plan on; a draft needs it in drafting.
    await db.query(`UPDATE plans SET status = 'drafting' WHERE id = $1`, [plan.id]);
    const draft: DraftView = await aReadyDraft(lead, plan.id, 'After the fuzz');
    const fromFuzz = (
      await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sections WHERE plan_id = $1`, [
        plan.id,
      ])
    ).rows[0]!.n;
    expect(draft.sections.length).toBe(fromFuzz);
    console.info(`the draft after the fuzz holds ${fromFuzz} sections`);
    // Executable HTML: a script element, an event-handler attribute, or a javascript: link.
    // The same words escaped as text (&lt;script&gt;) are what should be there instead.
    const unsafe = /<script|<[^>]*\son[a-z]+\s*=|(?:href|src)\s*=\s*["']?\s*javascript:/i;
    expect(draft.sections.map((part) => part.html).join('')).toContain('&lt;script&gt;');
    for (const part of draft.sections) expect(part.html).not.toMatch(unsafe);

    const published = await lead.post(`/api/drafts/${draft.id}/publish`);
    expect(published.status).toBeLessThan(300);
    const page = await new ApiClient(setup.api.baseUrl).get<PublicPlanView>(
      `/api/public/footprints/${footprint.slug}/plans/${plan.slug}`,
    );
    expect(page.status).toBe(200);
    for (const part of page.body.sections) expect(part.html).not.toMatch(unsafe);
  }, 60_000);
});
