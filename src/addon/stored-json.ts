/** JSON the add-on keeps in document properties, read back through its schema. */
import * as z from "zod/mini";

/** The stored value, or undefined when absent, not JSON, or not what the schema describes. */
export function parseStoredJson<T>(schema: z.ZodMiniType<T>, text: string | null): T | undefined {
  if (!text) return undefined;
  try {
    const parsed = z.safeParse(schema, JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
