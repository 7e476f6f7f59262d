/**
 * An uploaded file's bytes → text. UTF-8 (with or without BOM) is the norm, but Excel on Polish
 * Windows saves "CSV (rozdzielany przecinkami)" in Windows-1250, where "ś" is one byte that is
 * never valid UTF-8; such a file is decoded as Windows-1250 instead of turning letters into "�".
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1250').decode(bytes);
  }
}
