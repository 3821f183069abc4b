/** The error codes of a distribution error body `{"errors":[{"code":"MANIFEST_UNKNOWN",…}]}`; [] if unreadable. */
export function parseErrorCodes(body: Uint8Array): string[] {
  try {
    const json: unknown = JSON.parse(new TextDecoder().decode(body));
    if (typeof json !== 'object' || json === null) return [];
    const errors = (json as { errors?: unknown }).errors;
    if (!Array.isArray(errors)) return [];
    return errors.flatMap((e: unknown) =>
      typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
        ? [(e as { code: string }).code]
        : [],
    );
  } catch {
    return [];
  }
}
