// Generates the sample traces of the guide (content/distributed-tracing/traces/) from a seeded PRNG.
//
// Regenerate with:   npx tsx scripts/generate-traces.ts [output-folder]
// The output is deterministic: the same script gives the same bytes, so a diff shows real changes only.
// Each scenario is a small story told in code; tags follow OpenTelemetry semantic conventions.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

type TagValue = string | number | boolean;
type Kind = "server" | "client" | "internal" | "producer" | "consumer";

interface GenSpan {
  id: string;
  parent?: GenSpan;
  service: string;
  operation: string;
  kind: Kind;
  /** µs from the trace start. */
  start: number;
  duration: number;
  tags: Record<string, TagValue>;
  error?: string;
  /** Keep the duration as set (a client that gave up at its deadline must not grow to cover the server). */
  fixed?: boolean;
}

/** mulberry32: tiny, seedable, and the same on every platform. The benchmark corpus uses it too. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class TraceBuilder {
  readonly spans: GenSpan[] = [];
  readonly traceId: string;
  readonly rand: () => number;

  constructor(seed: number, readonly epochMicros: number) {
    this.rand = prng(seed);
    this.traceId = this.hex(32);
  }

  hex(n: number): string {
    let s = "";
    while (s.length < n) s += Math.floor(this.rand() * 16).toString(16);
    return s;
  }

  /** `base` µs, ±15%, rounded to whole µs. */
  jitter(base: number): number {
    return Math.max(1, Math.round(base * (0.85 + this.rand() * 0.3)));
  }

  span(parent: GenSpan | undefined, service: string, operation: string, kind: Kind, start: number, duration: number, tags: Record<string, TagValue> = {}, error?: string): GenSpan {
    const s: GenSpan = { id: this.hex(16), parent, service, operation, kind, start: Math.round(start), duration: Math.round(duration), tags, error };
    this.spans.push(s);
    return s;
  }

  /** A gRPC call: client span in the caller, server span in the callee; `inner` adds the callee's work. */
  grpc(parent: GenSpan, to: string, rpcService: string, method: string, start: number, serverWork: number, inner?: (server: GenSpan, t0: number) => void, error?: string): number {
    const net = this.jitter(400);
    const full = `oteldemo.${rpcService}/${method}`;
    const rpcTags = { "rpc.system": "grpc", "rpc.service": `oteldemo.${rpcService}`, "rpc.method": method };
    const client = this.span(parent, parent.service, full, "client", start, serverWork + 2 * net, { ...rpcTags, "server.address": to, "server.port": 8080, "rpc.grpc.status_code": error ? 2 : 0 }, error);
    const server = this.span(client, to, full, "server", start + net, serverWork, { ...rpcTags, "rpc.grpc.status_code": error ? 2 : 0 }, error);
    inner?.(server, start + net);
    return start + serverWork + 2 * net;
  }

  /** An HTTP call with client and server spans. */
  http(parent: GenSpan, to: string, method: string, route: string, status: number, start: number, serverWork: number, inner?: (server: GenSpan, t0: number) => void): number {
    const net = this.jitter(600);
    const error = status >= 500 ? `HTTP ${status}` : undefined;
    this.span(parent, parent.service, `${method} ${route}`, "client", start, serverWork + 2 * net, {
      "http.request.method": method, "url.full": `http://${to}:8080${route}`, "server.address": to, "http.response.status_code": status,
    }, error);
    const client = this.spans.at(-1)!;
    const server = this.span(client, to, `${method} ${route}`, "server", start + net, serverWork, {
      "http.request.method": method, "http.route": route, "url.path": route, "http.response.status_code": status,
    }, error);
    inner?.(server, start + net);
    return start + serverWork + 2 * net;
  }

  /** A query served by the database (drawn as its own service, as Jaeger's HotROD demo does). */
  sql(parent: GenSpan, statement: string, start: number, duration: number, error?: string): number {
    const op = statement.split(" ")[0]!.toUpperCase();
    const table = /(?:FROM|INTO|UPDATE)\s+(\w+\.?\w*)/i.exec(statement)?.[1] ?? "";
    this.span(parent, "postgres", `${op} ${table}`.trim(), "server", start, duration, {
      "db.system": "postgresql", "db.namespace": "shop", "db.operation.name": op, "db.query.text": statement, "db.statement": statement,
    }, error);
    return start + duration;
  }

  redis(parent: GenSpan, command: string, key: string, start: number, duration: number): number {
    this.span(parent, "redis", command, "server", start, duration, { "db.system": "redis", "db.operation.name": command, "db.statement": `${command} ${key}` });
    return start + duration;
  }
}

// ---- Output formats ----

const SDK: Record<string, { lang: string; version: string }> = {
  frontend: { lang: "nodejs", version: "2.4.1" }, checkout: { lang: "go", version: "1.19.0" }, payment: { lang: "nodejs", version: "1.7.3" },
  inventory: { lang: "java", version: "3.2.0" }, cart: { lang: "dotnet", version: "2.0.5" }, postgres: { lang: "cpp", version: "16.2" },
  redis: { lang: "cpp", version: "7.2.4" }, email: { lang: "ruby", version: "1.3.0" }, shipping: { lang: "rust", version: "0.9.2" },
  currency: { lang: "cpp", version: "1.1.0" }, "product-catalog": { lang: "go", version: "1.12.0" }, reviews: { lang: "python", version: "0.8.1" },
  recommendation: { lang: "python", version: "1.4.0" }, orders: { lang: "java", version: "2.6.0" }, "card-processor": { lang: "go", version: "5.0.1" },
  "fraud-detection": { lang: "kotlin", version: "0.5.0" }, ad: { lang: "java", version: "1.0.9" },
};

const jaegerType = (v: TagValue) => (typeof v === "boolean" ? "bool" : typeof v === "number" ? (Number.isInteger(v) ? "int64" : "float64") : "string");
const jaegerTag = (key: string, value: TagValue) => ({ key, type: jaegerType(value), value });

function allTags(s: GenSpan): [string, TagValue][] {
  const tags: [string, TagValue][] = [["span.kind", s.kind], ...Object.entries(s.tags)];
  if (s.error) tags.push(["error", true], ["otel.status_code", "ERROR"], ["otel.status_description", s.error]);
  return tags;
}

function toJaeger(b: TraceBuilder): unknown {
  const processIds = new Map<string, string>();
  for (const s of b.spans) if (!processIds.has(s.service)) processIds.set(s.service, `p${processIds.size + 1}`);
  return {
    data: [
      {
        traceID: b.traceId,
        spans: b.spans.map((s) => ({
          traceID: b.traceId,
          spanID: s.id,
          operationName: s.operation,
          references: s.parent ? [{ refType: "CHILD_OF", traceID: b.traceId, spanID: s.parent.id }] : [],
          startTime: b.epochMicros + s.start,
          duration: s.duration,
          tags: allTags(s).map(([k, v]) => jaegerTag(k, v)),
          logs: s.error
            ? [{ timestamp: b.epochMicros + s.start + s.duration, fields: [jaegerTag("event", "exception"), jaegerTag("exception.message", s.error)] }]
            : [],
          processID: processIds.get(s.service)!,
          warnings: null,
          flags: 1,
        })),
        processes: Object.fromEntries(
          [...processIds].map(([service, id]) => [
            id,
            {
              serviceName: service,
              tags: [jaegerTag("telemetry.sdk.language", SDK[service]?.lang ?? "go"), jaegerTag("service.version", SDK[service]?.version ?? "1.0.0"), jaegerTag("host.name", `${service}-7d9f${id.slice(1)}b`)],
            },
          ]),
        ),
        warnings: null,
      },
    ],
    total: 0,
    limit: 0,
    offset: 0,
    errors: null,
  };
}

const KIND_NUMBER: Record<Kind, number> = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 };
const otlpValue = (v: TagValue) =>
  typeof v === "boolean" ? { boolValue: v } : typeof v === "number" ? (Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v }) : { stringValue: v };
const nanos = (us: number) => (BigInt(us) * 1000n).toString();

function toOtlp(b: TraceBuilder): unknown {
  const services = [...new Set(b.spans.map((s) => s.service))];
  return {
    resourceSpans: services.map((service) => ({
      resource: {
        attributes: [
          { key: "service.name", value: { stringValue: service } },
          { key: "service.version", value: { stringValue: SDK[service]?.version ?? "1.0.0" } },
          { key: "telemetry.sdk.language", value: { stringValue: SDK[service]?.lang ?? "go" } },
        ],
      },
      scopeSpans: [
        {
          scope: { name: `${service}-instrumentation`, version: "1.0.0" },
          spans: b.spans
            .filter((s) => s.service === service)
            .map((s) => ({
              traceId: b.traceId,
              spanId: s.id,
              parentSpanId: s.parent?.id ?? "",
              name: s.operation,
              kind: KIND_NUMBER[s.kind],
              startTimeUnixNano: nanos(b.epochMicros + s.start),
              endTimeUnixNano: nanos(b.epochMicros + s.start + s.duration),
              attributes: Object.entries(s.tags).map(([key, v]) => ({ key, value: otlpValue(v) })),
              events: s.error ? [{ timeUnixNano: nanos(b.epochMicros + s.start + s.duration), name: "exception", attributes: [{ key: "exception.message", value: { stringValue: s.error } }] }] : [],
              status: s.error ? { code: 2, message: s.error } : { code: 0 },
            })),
        },
      ],
    })),
  };
}

// ---- Scenarios ----

/** 2024-05-14T09:30:00Z in µs; each trace starts a few minutes later than the previous. */
const EPOCH = Date.UTC(2024, 4, 14, 9, 30, 0) * 1000;
const at = (minutes: number) => EPOCH + minutes * 60_000_000;

interface CheckoutVariant {
  items: number;
  cacheHit: boolean;
  shippingQuote: boolean;
  currencyConvert: boolean;
  emailError: boolean;
}

/** frontend → checkout → cart (redis), inventory (postgres) per item, payment, email. */
function checkout(seed: number, minutes: number, v: CheckoutVariant): TraceBuilder {
  const b = new TraceBuilder(seed, at(minutes));
  const root = b.span(undefined, "frontend", "POST /api/checkout", "server", 0, 0, {
    "http.request.method": "POST", "http.route": "/api/checkout", "url.path": "/api/checkout", "http.response.status_code": 200, "user_agent.original": "Mozilla/5.0 (X11; Linux x86_64)",
  });
  let t = b.jitter(1200);
  t = b.grpc(root, "checkout", "CheckoutService", "PlaceOrder", t, 0, (server, t0) => {
    let c = t0 + b.jitter(300);
    c = b.grpc(server, "cart", "CartService", "GetCart", c, b.jitter(6000), (cart, c0) => {
      const r = b.redis(cart, "HGETALL", "cart:7f3c9a", c0 + b.jitter(500), b.jitter(900));
      if (!v.cacheHit) b.sql(cart, "SELECT product_id, quantity FROM shop.cart_items WHERE cart_id = $1", r + b.jitter(200), b.jitter(3500));
    });
    for (let i = 0; i < v.items; i++) {
      c = b.grpc(server, "inventory", "InventoryService", "ReserveItem", c + b.jitter(150), b.jitter(9000), (inv, i0) => {
        b.sql(inv, "UPDATE shop.stock SET reserved = reserved + $1 WHERE sku = $2 AND available >= $1", i0 + b.jitter(400), b.jitter(6500));
      });
    }
    if (v.currencyConvert) c = b.grpc(server, "currency", "CurrencyService", "Convert", c + b.jitter(200), b.jitter(2500));
    if (v.shippingQuote) c = b.http(server, "shipping", "POST", "/get-quote", 200, c + b.jitter(200), b.jitter(14000));
    c = b.grpc(server, "payment", "PaymentService", "Charge", c + b.jitter(300), b.jitter(48000), (pay, p0) => {
      b.span(pay, "payment", "validate card", "internal", p0 + b.jitter(300), b.jitter(1800), { "payment.card_type": "visa" });
      b.http(pay, "card-processor", "POST", "/v1/charges", 200, p0 + b.jitter(2600), b.jitter(38000));
    });
    c = b.sql(server, "INSERT INTO shop.orders (id, user_id, total_cents) VALUES ($1, $2, $3)", c + b.jitter(400), b.jitter(4200));
    c = b.redis(server, "DEL", "cart:7f3c9a", c + b.jitter(200), b.jitter(700));
    c = b.grpc(server, "email", "EmailService", "SendOrderConfirmation", c + b.jitter(300), b.jitter(v.emailError ? 30000 : 12000), undefined, v.emailError ? "smtp: connection timed out after 30s" : undefined);
    server.duration = c - t0 + b.jitter(500);
  });
  // Fix up the client span around the checkout server span, now that the server's length is known.
  fitParents(b);
  root.duration = Math.max(...b.spans.filter((s) => s.parent === root).map((s) => s.start + s.duration)) + b.jitter(900);
  return b;
}

/** Client spans and servers created with a guessed length grow to cover their children. */
function fitParents(b: TraceBuilder): void {
  for (let i = b.spans.length - 1; i >= 0; i--) {
    const s = b.spans[i]!;
    if (!s.parent) continue;
    const p = s.parent;
    if (p.fixed) continue;
    const need = s.start + s.duration + (p.kind === "client" ? 300 : 200) - p.start;
    if (p.duration < need) p.duration = need;
  }
}

function sequential(): TraceBuilder {
  const b = new TraceBuilder(404, at(12));
  const root = b.span(undefined, "frontend", "GET /api/products/{id}", "server", 0, 0, { "http.request.method": "GET", "http.route": "/api/products/{id}", "http.response.status_code": 200 });
  const page = b.span(root, "product-catalog", "GET /products/{id}/page", "server", b.jitter(900), 0, { "http.request.method": "GET", "http.route": "/products/{id}/page", "http.response.status_code": 200 });
  // Four independent look-ups, made one after the other: the pattern the guide asks readers to spot.
  let t = page.start + b.jitter(400);
  t = b.grpc(page, "product-catalog", "ProductCatalogService", "GetProduct", t, b.jitter(18000), (s, t0) => void b.sql(s, "SELECT * FROM shop.products WHERE id = $1", t0 + 300, b.jitter(12000)));
  t = b.grpc(page, "reviews", "ReviewService", "ListReviews", t + 200, b.jitter(42000), (s, t0) => void b.sql(s, "SELECT * FROM shop.reviews WHERE product_id = $1 ORDER BY created_at DESC LIMIT 20", t0 + 400, b.jitter(36000)));
  t = b.grpc(page, "recommendation", "RecommendationService", "ListRecommendations", t + 200, b.jitter(35000));
  t = b.grpc(page, "inventory", "InventoryService", "GetStockLevel", t + 200, b.jitter(16000), (s, t0) => void b.redis(s, "GET", "stock:sku-2231", t0 + 300, b.jitter(800)));
  b.span(page, "product-catalog", "render product page", "internal", t + 200, b.jitter(4000));
  fitParents(b);
  root.duration = page.start + page.duration + b.jitter(800);
  return b;
}

function nPlusOne(): TraceBuilder {
  const b = new TraceBuilder(1001, at(15));
  const root = b.span(undefined, "frontend", "GET /api/orders", "server", 0, 0, { "http.request.method": "GET", "http.route": "/api/orders", "http.response.status_code": 200 });
  b.http(root, "orders", "GET", "/orders", 200, b.jitter(800), 0, (server, t0) => {
    let t = b.sql(server, "SELECT id, created_at, total_cents FROM shop.orders WHERE user_id = $1 ORDER BY created_at DESC LIMIT 25", t0 + 500, b.jitter(5200));
    // One query per order instead of one query for all of them: the N+1 pattern.
    for (let i = 0; i < 25; i++) t = b.sql(server, "SELECT sku, quantity, price_cents FROM shop.order_items WHERE order_id = $1", t + b.jitter(250), b.jitter(2400));
    server.duration = t - t0 + b.jitter(1500);
  });
  fitParents(b);
  root.duration = Math.max(...b.spans.map((s) => s.start + s.duration)) + b.jitter(700);
  return b;
}

function slowDependency(): TraceBuilder {
  const b = new TraceBuilder(7070, at(18));
  const root = b.span(undefined, "frontend", "GET /", "server", 0, 0, { "http.request.method": "GET", "http.route": "/", "http.response.status_code": 200 });
  const t0 = b.jitter(900);
  // These run in parallel; the page waits for the slowest, the ad service.
  b.grpc(root, "product-catalog", "ProductCatalogService", "ListProducts", t0, b.jitter(21000), (s, t) => void b.sql(s, "SELECT * FROM shop.products WHERE featured ORDER BY rank LIMIT 12", t + 300, b.jitter(15000)));
  b.grpc(root, "currency", "CurrencyService", "GetSupportedCurrencies", t0 + 120, b.jitter(3000));
  b.grpc(root, "cart", "CartService", "GetCart", t0 + 240, b.jitter(7000), (s, t) => void b.redis(s, "HGETALL", "cart:51be02", t + 300, b.jitter(900)));
  b.grpc(root, "ad", "AdService", "GetAds", t0 + 360, 1_870_000, (s, t) => {
    b.span(s, "ad", "load ad inventory", "internal", t + 400, 1_840_000, { "ad.category": "binoculars", "cache.hit": false });
  });
  fitParents(b);
  root.duration = Math.max(...b.spans.map((s) => s.start + s.duration)) + b.jitter(1500);
  return b;
}

function retries(): TraceBuilder {
  const b = new TraceBuilder(3003, at(21));
  const root = b.span(undefined, "checkout", "oteldemo.CheckoutService/PlaceOrder", "server", 0, 0, { "rpc.system": "grpc", "rpc.service": "oteldemo.CheckoutService", "rpc.method": "PlaceOrder" });
  let t = b.jitter(600);
  // Two attempts hit the 1 s client deadline; the third, after backoff, succeeds.
  for (let attempt = 0; attempt < 3; attempt++) {
    const timedOut = attempt < 2;
    const client = b.span(root, "checkout", "oteldemo.PaymentService/Charge", "client", t, timedOut ? 1_000_000 : 0, {
      "rpc.system": "grpc", "rpc.service": "oteldemo.PaymentService", "rpc.method": "Charge", "rpc.grpc.status_code": timedOut ? 4 : 0, "server.address": "payment",
      ...(attempt > 0 ? { "http.request.resend_count": attempt } : {}),
    }, timedOut ? "DEADLINE_EXCEEDED: deadline exceeded after 1.000s" : undefined);
    client.fixed = timedOut;
    const server = b.span(client, "payment", "oteldemo.PaymentService/Charge", "server", t + b.jitter(500), timedOut ? 1_350_000 : b.jitter(52000), { "rpc.system": "grpc", "rpc.service": "oteldemo.PaymentService", "rpc.method": "Charge" });
    b.http(server, "card-processor", "POST", "/v1/charges", 200, server.start + b.jitter(800), timedOut ? 1_330_000 : b.jitter(44000));
    if (!timedOut) fitParents(b);
    t = client.start + client.duration + (attempt === 0 ? 200_000 : 400_000);
  }
  fitParents(b);
  root.duration = Math.max(...b.spans.filter((s) => s.parent === root).map((s) => s.start + s.duration)) + b.jitter(1000);
  return b;
}

function errorPropagation(): TraceBuilder {
  const b = new TraceBuilder(5005, at(24));
  const root = b.span(undefined, "frontend", "POST /api/checkout", "server", 0, 0, { "http.request.method": "POST", "http.route": "/api/checkout", "http.response.status_code": 500 }, "HTTP 500");
  b.grpc(root, "checkout", "CheckoutService", "PlaceOrder", b.jitter(900), 0, (co, t0) => {
    let t = b.grpc(co, "cart", "CartService", "GetCart", t0 + 300, b.jitter(5000), (s, c0) => void b.redis(s, "HGETALL", "cart:0c44d1", c0 + 300, b.jitter(800)));
    t = b.grpc(co, "payment", "PaymentService", "Charge", t + 300, 0, (pay, p0) => {
      const fraud = b.grpc(pay, "fraud-detection", "FraudDetectionService", "Score", p0 + 400, b.jitter(9000));
      // The card processor fails; each caller turns the failure into its own error, up to the user.
      const end = b.http(pay, "card-processor", "POST", "/v1/charges", 502, fraud + 300, b.jitter(31000));
      pay.duration = end - p0 + b.jitter(600);
    }, "payment failed: card processor returned 502");
    co.duration = t - t0 + b.jitter(400);
  }, "PlaceOrder failed: payment failed");
  fitParents(b);
  root.duration = Math.max(...b.spans.map((s) => s.start + s.duration)) + b.jitter(800);
  return b;
}

const checkoutA: CheckoutVariant = { items: 3, cacheHit: false, shippingQuote: false, currencyConvert: true, emailError: true };

export const SCENARIOS: { file: string; build: () => TraceBuilder; format: "jaeger" | "otlp" }[] = [
  { file: "checkout.json", build: () => checkout(2024, 0, checkoutA), format: "jaeger" },
  { file: "checkout-otlp.json", build: () => checkout(2025, 3, { ...checkoutA, emailError: false }), format: "otlp" },
  // For the comparison: more items, a warm cart cache, a shipping quote instead of a currency conversion.
  { file: "checkout-b.json", build: () => checkout(2026, 6, { items: 5, cacheHit: true, shippingQuote: true, currencyConvert: false, emailError: false }), format: "jaeger" },
  { file: "sequential.json", build: sequential, format: "jaeger" },
  { file: "n-plus-one.json", build: nPlusOne, format: "jaeger" },
  { file: "slow-dependency.json", build: slowDependency, format: "jaeger" },
  { file: "retries.json", build: retries, format: "jaeger" },
  { file: "error-propagation.json", build: errorPropagation, format: "jaeger" },
];

function main(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const outDir = path.resolve(process.argv[2] ?? path.join(root, "content/distributed-tracing/traces"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const s of SCENARIOS) {
    const b = s.build();
    const doc = s.format === "otlp" ? toOtlp(b) : toJaeger(b);
    fs.writeFileSync(path.join(outDir, s.file), `${JSON.stringify(doc, null, 2)}\n`);
    console.log(`${path.relative(process.cwd(), path.join(outDir, s.file))}: ${b.spans.length} spans`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
