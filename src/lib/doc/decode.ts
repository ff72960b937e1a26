/**
 * Bytes in, clean LF text out: size limit, binary check, BOM, invalid UTF-8, mojibake, CRLF.
 * Every step that changes the text says so, in `encoding` and in a diagnostic.
 */
import { decodeLegacy } from './legacy-decode.js';
import type { DocEncoding } from './model.js';
import { repairMojibake } from './mojibake.js';
import type { DiagnosticSink } from './diagnostic-sink.js';

/**
 * Docs above this size are refused: real tracking docs are tens of kilobytes, and a 10,000-item doc
 * is about 4 MB. Parsing stays well under a few seconds below this limit.
 */
export const MAX_DOC_BYTES = 8 * 1024 * 1024;

/** The decoded doc and how its bytes were read. */
export interface DecodedDoc {
  /** Clean text with LF line ends, or null when the input was refused (too large, binary). */
  text: string | null;
  encoding: DocEncoding;
}

// ignoreBOM keeps a BOM in the text, so we can see it and report it rather than lose it silently.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** NUL in the first 8 KB marks a file as binary, as git and GNU grep decide it. */
function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

function bytesToText(bytes: Buffer, sink: DiagnosticSink): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    // Not UTF-8 at all: most likely saved by a legacy editor. Windows-1252 reads every byte.
    sink.warning('doc/not-utf8', 'The doc is not valid UTF-8; it was read as Windows-1252. Save it as UTF-8 to be sure every character is right.', 1);
    return decodeLegacy(bytes, 'windows-1252');
  }
}

/** Decodes and normalises a doc; never throws. */
export function decodeDoc(input: Buffer | string, sink: DiagnosticSink): DecodedDoc {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  const encoding: DocEncoding = { repairedFrom: null, bom: false, crlf: false };
  if (size > MAX_DOC_BYTES) {
    const mb = (size / 1024 / 1024).toFixed(1);
    sink.error('doc/too-large', `The doc is ${mb} MB, above the ${MAX_DOC_BYTES / 1024 / 1024} MB limit for tracking docs; it was not parsed. Split it or remove pasted logs.`, null);
    return { text: null, encoding };
  }
  if (typeof input !== 'string' && looksBinary(input)) {
    sink.error('doc/binary', 'The doc contains NUL bytes, so it looks like a binary file rather than markdown; it was not parsed.', null);
    return { text: null, encoding };
  }
  let text = typeof input === 'string' ? input : bytesToText(input, sink);
  if (text.startsWith('\uFEFF')) {
    encoding.bom = true;
    text = text.slice(1);
  }
  if (text.includes('\r')) {
    encoding.crlf = text.includes('\r\n');
    // Lone CR (classic Mac) is a line break too; editors count it as one, so line numbers agree.
    text = text.replace(/\r\n?/g, '\n');
  }
  const repair = repairMojibake(text);
  if (repair.charset !== null) {
    encoding.repairedFrom = repair.charset;
    const [charsetName, example] = repair.charset === 'mac-roman' ? ['Mac Roman', '‚úÖ'] : ['Windows-1252', 'âœ…'];
    sink.info(
      'doc/mojibake-repaired',
      `The doc had been saved after being read as ${charsetName} ("${example}" instead of "✅"); ${repair.repairedRuns} mangled runs were repaired. Re-save it as UTF-8 to fix it for good.`,
      null,
    );
    text = repair.text;
    // A BOM that went through the same mangling ("Ôªø") only reappears after the repair.
    if (text.startsWith('\uFEFF')) {
      encoding.bom = true;
      text = text.slice(1);
    }
  }
  return { text, encoding };
}
