// Tenant strings (subject names, refs, inputs, image names) are shown to people in logs and
// in the job summary. They must never act there: no workflow commands (`::set-output::`,
// `::add-mask::`…), no terminal escapes, no markdown or HTML.

// C0/C1 controls (ESC starts terminal escapes), bidi controls, and U+2028/U+2029 (line breaks
// to some viewers): the same set src/subjects/name.ts refuses in subject names.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

function escapeCodePoint(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text safe to pass to core.info/warning/error: one line, inert. */
export function safeLogText(value: string, maxLength = 300): string {
  let s = value.replace(CONTROL_OR_BIDI, escapeCodePoint);
  // The runner treats `::name::` at a line start as a command; a backslash breaks the pair
  // wherever it occurs so the text stays readable but cannot form one. It also still honours
  // the legacy `##[name]data` form ANYWHERE in a line (ActionCommand.TryParse uses IndexOf),
  // so that prefix is broken the same way.
  s = s.replace(/::/g, ':\\:').replace(/##\[/g, '##\\[');
  if (s.length > maxLength) s = `${s.slice(0, maxLength)}…`;
  return s;
}

/** Text safe inside a markdown table cell or paragraph of the job summary. */
export function safeMarkdownText(value: string, maxLength = 300): string {
  return safeLogText(value, maxLength).replace(
    /[\\`*_{}[\]()#+!|<>&~]/g,
    (ch) => `&#${ch.charCodeAt(0)};`
  );
}
