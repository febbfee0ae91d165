// Trace file schemas: Jaeger JSON (UI download / `/api/traces/{id}`) and OTLP JSON, checked by zod.
import { z } from "zod";

// Jaeger's exporters write tag values as the type named in `type`; we keep them as given.
const tagValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const jaegerTag = z.looseObject({
  key: z.string(),
  type: z.string().optional(),
  value: tagValue.optional(),
});

const jaegerReference = z.looseObject({
  refType: z.enum(["CHILD_OF", "FOLLOWS_FROM"]),
  traceID: z.string().optional(),
  spanID: z.string().min(1),
});

const jaegerSpan = z.looseObject({
  traceID: z.string().min(1),
  spanID: z.string().min(1),
  operationName: z.string(),
  // Jaeger writes `references: null` for roots in some versions, so both null and missing mean "none".
  references: z.array(jaegerReference).nullish(),
  /** Microseconds since the epoch. */
  startTime: z.number(),
  /** Microseconds. */
  duration: z.number(),
  tags: z.array(jaegerTag).nullish(),
  logs: z.array(z.unknown()).nullish(),
  processID: z.string(),
  warnings: z.array(z.string()).nullish(),
});

const jaegerProcess = z.looseObject({
  serviceName: z.string(),
  tags: z.array(jaegerTag).nullish(),
});

export const jaegerFileSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      traceID: z.string().optional(),
      spans: z.array(jaegerSpan),
      processes: z.record(z.string(), jaegerProcess),
      warnings: z.array(z.string()).nullish(),
    }),
  ),
});

export type JaegerFile = z.infer<typeof jaegerFileSchema>;
export type JaegerSpan = z.infer<typeof jaegerSpan>;
export type JaegerTag = z.infer<typeof jaegerTag>;

// OTLP/JSON (the protobuf JSON mapping): 64-bit integers may be strings or numbers, enums names or numbers.
const int64 = z.union([z.string().regex(/^\d+$/, "expected an integer"), z.number().int().nonnegative()]);

export interface OtlpAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number;
  arrayValue?: { values?: OtlpAnyValue[] };
  kvlistValue?: { values?: { key: string; value?: OtlpAnyValue }[] };
  bytesValue?: string;
}

const anyValue: z.ZodType<OtlpAnyValue> = z.lazy(() =>
  z.looseObject({
    stringValue: z.string().optional(),
    boolValue: z.boolean().optional(),
    intValue: z.union([z.string(), z.number()]).optional(),
    doubleValue: z.number().optional(),
    arrayValue: z.looseObject({ values: z.array(anyValue).optional() }).optional(),
    kvlistValue: z
      .looseObject({ values: z.array(z.looseObject({ key: z.string(), value: anyValue.optional() })).optional() })
      .optional(),
    bytesValue: z.string().optional(),
  }),
);

const keyValue = z.looseObject({ key: z.string(), value: anyValue.optional() });
const hexId = z.string().regex(/^[0-9a-fA-F]+$/, "expected a hex id");

const otlpSpan = z.looseObject({
  traceId: hexId,
  spanId: hexId,
  // An empty string is how OTLP/JSON writes "no parent".
  parentSpanId: z.union([hexId, z.literal("")]).optional(),
  name: z.string(),
  kind: z.union([z.number().int(), z.string()]).optional(),
  startTimeUnixNano: int64,
  endTimeUnixNano: int64,
  attributes: z.array(keyValue).optional(),
  events: z.array(z.unknown()).optional(),
  links: z.array(z.unknown()).optional(),
  status: z
    .looseObject({ code: z.union([z.number().int(), z.string()]).optional(), message: z.string().optional() })
    .optional(),
});

export const otlpFileSchema = z.looseObject({
  resourceSpans: z.array(
    z.looseObject({
      resource: z.looseObject({ attributes: z.array(keyValue).optional() }).optional(),
      scopeSpans: z.array(
        z.looseObject({
          scope: z.looseObject({ name: z.string().optional() }).optional(),
          spans: z.array(otlpSpan),
        }),
      ),
    }),
  ),
});

export type OtlpFile = z.infer<typeof otlpFileSchema>;
export type OtlpSpan = z.infer<typeof otlpSpan>;
export type OtlpKeyValue = z.infer<typeof keyValue>;

/** A zod issue path as writers read JSON: `data[0].spans[12].references[0]`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(key))) out += out ? `.${String(key)}` : String(key);
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || "(top level)";
}
