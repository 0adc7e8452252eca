const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` can be a gateway id (a UUID). Anything else names no object. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
