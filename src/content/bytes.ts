// Checks a source file's bytes before anything parses it: empty, binary, NUL, invalid UTF-8, size.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

/** A page over this size is a warning; pages that large are usually generated or pasted by mistake. */
export const WARN_BYTES = 1024 * 1024;
/** A page over this size is an error: it would slow every build and every reader. */
export const MAX_BYTES = 10 * 1024 * 1024;

export type ByteCheck = Omit<Diagnostic, "file">;

function position(buf: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (buf[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(buf: Buffer): number {
  for (let i = 0; i < buf.length; ) {
    const b = buf[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

const BINARY_SIGNATURES: [string, number[]][] = [
  ["PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["JPEG image", [0xff, 0xd8, 0xff]],
  ["GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["PDF document", [0x25, 0x50, 0x44, 0x46]],
  ["ZIP archive", [0x50, 0x4b, 0x03, 0x04]],
];

export function checkBytes(buf: Buffer): ByteCheck[] {
  if (buf.length === 0) {
    return [{ severity: "error", code: "CONTENT_EMPTY", message: "the file is empty: no front matter / no content", line: 1, hint: "add front matter with a `title:` and some content, or delete the file" }];
  }
  if (buf.length > MAX_BYTES) {
    return [{ severity: "error", code: "CONTENT_TOO_LARGE", message: `the file is ${(buf.length / 1048576).toFixed(1)} MB; the limit is ${MAX_BYTES / 1048576} MB`, line: 1, hint: "split the page, or move generated data out of the content folder" }];
  }
  const found: ByteCheck[] = [];
  const signature = BINARY_SIGNATURES.find(([, sig]) => sig.every((b, i) => buf[i] === b));
  if (signature) {
    return [{ severity: "error", code: "CONTENT_BINARY", message: `the file is a ${signature[0]}, not text`, line: 1, column: 1, hint: "rename it to its real extension and reference it from a page, or remove it" }];
  }
  const nul = buf.indexOf(0);
  if (nul !== -1) {
    const { line, column } = position(buf, nul);
    return [{ severity: "error", code: "CONTENT_NUL_BYTE", message: `NUL byte at byte offset ${nul}`, line, column, hint: "the file is binary or corrupted; remove the NUL byte or the file" }];
  }
  const bad = firstInvalidUtf8(buf);
  if (bad !== -1) {
    const { line, column } = position(buf, bad);
    return [{ severity: "error", code: "CONTENT_INVALID_UTF8", message: `invalid UTF-8 at byte offset ${bad} (0x${buf[bad]!.toString(16).padStart(2, "0")})`, line, column, hint: "save the file as UTF-8 (your editor's encoding setting)" }];
  }
  if (buf.length > WARN_BYTES) {
    found.push({ severity: "warning", code: "CONTENT_LARGE", message: `the file is ${(buf.length / 1048576).toFixed(1)} MB; pages over ${WARN_BYTES / 1048576} MB are slow to build and to read`, line: 1, hint: "split the page into smaller pages" });
  }
  return found;
}
