// The edits remove-controls.mjs makes to take one control out, anchored on what does not move
// when unrelated code changes: a named function (TypeScript, found with the compiler's own
// parser) and, inside it, one syntactic element (an `if`, a call, a statement, an expression);
// or a named bash function / a bash statement in our workflow files. Every edit must match
// exactly what it names (once, or at least once for `all`), otherwise it throws, naming the
// file and the anchor, so a row that no longer applies is reported instead of half-applied.
import ts from 'typescript';

const squash = (text) => text.replace(/\s+/g, ' ').trim();

function fail(file, anchor, what) {
  throw new Error(`${file} › ${anchor}: ${what}`);
}

/** The function, method or `const name = (…) => …` called `name` in a source file. */
function findFunction(source, name) {
  const found = [];
  const visit = (node) => {
    if (
      (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) &&
      node.name?.getText(source) === name &&
      node.body
    )
      found.push(node);
    else if (
      ts.isVariableDeclaration(node) &&
      node.name.getText(source) === name &&
      node.initializer &&
      (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
    )
      found.push(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function descendants(node) {
  const all = [];
  const visit = (n) => {
    all.push(n);
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(node, visit);
  return all;
}

/** Extends a removed list element over its trailing comma, so no hole is left behind. */
function withTrailingComma(text, end) {
  const match = /^\s*,/.exec(text.slice(end));
  return match ? end + match[0].length : end;
}

/** Text edits [start, end, replacement] for one TypeScript control. */
function typescriptEdits(file, text, edit) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const functions = findFunction(source, edit.in);
  if (functions.length !== 1)
    fail(file, edit.in, `expected one function of that name, found ${functions.length}`);
  const fn = functions[0];
  const nodes = descendants(fn);
  const src = (n) => n.getText(source);
  const one = (matches, what) => {
    if (matches.length !== 1)
      fail(file, edit.in, `${what}: expected 1 match, found ${matches.length}`);
    return matches[0];
  };

  if (edit.body !== undefined) {
    const body = fn.body;
    if (!body || !ts.isBlock(body)) fail(file, edit.in, 'has no block body');
    return [[body.getStart(source), body.getEnd(), `{ ${edit.body} }`]];
  }
  if (edit.never !== undefined) {
    // The `if` whose condition holds the control: the condition becomes `false`.
    const node = one(
      nodes.filter((n) => ts.isIfStatement(n) && squash(src(n.expression)).includes(edit.never)),
      `if (… ${edit.never} …)`
    );
    return [[node.expression.getStart(source), node.expression.getEnd(), 'false']];
  }
  if (edit.call !== undefined) {
    // Statements that are just a call to `edit.call(…)`: removed.
    const matches = nodes.filter(
      (n) =>
        ts.isExpressionStatement(n) &&
        ts.isCallExpression(n.expression) &&
        squash(src(n.expression.expression)) === edit.call &&
        (edit.firstArgument === undefined ||
          squash(src(n.expression.arguments[0] ?? n)) === edit.firstArgument)
    );
    if (edit.all ? matches.length === 0 : matches.length !== 1)
      fail(file, edit.in, `call statement ${edit.call}(…): found ${matches.length}`);
    return matches.map((n) => [n.getStart(source), n.getEnd(), '']);
  }
  if (edit.replaceCall !== undefined) {
    const node = one(
      nodes.filter((n) => ts.isCallExpression(n) && squash(src(n.expression)) === edit.replaceCall),
      `call ${edit.replaceCall}(…)`
    );
    return [[node.getStart(source), node.getEnd(), edit.with]];
  }
  if (edit.unwrapCall !== undefined) {
    // `x.method(arg, …)` → `x`: one link of a call chain removed.
    const node = one(
      nodes.filter(
        (n) =>
          ts.isCallExpression(n) &&
          ts.isPropertyAccessExpression(n.expression) &&
          n.expression.name.getText(source) === edit.unwrapCall &&
          n.arguments[0] !== undefined &&
          squash(src(n.arguments[0])) === edit.firstArgument
      ),
      `.${edit.unwrapCall}(${edit.firstArgument}, …)`
    );
    return [[node.getStart(source), node.getEnd(), src(node.expression.expression)]];
  }
  if (edit.element !== undefined) {
    // The array element whose text starts with `edit.element`: removed with its comma.
    const node = one(
      nodes.filter(
        (n) => ts.isArrayLiteralExpression(n.parent) && squash(src(n)).startsWith(edit.element)
      ),
      `array element ${edit.element}…`
    );
    return [[node.getStart(source), withTrailingComma(text, node.getEnd()), '']];
  }
  fail(file, edit.in, `unknown edit ${JSON.stringify(edit)}`);
}

/** Text edits for a bash control inside our workflow / action YAML. */
function bashEdits(file, text, edit) {
  const edits = [];
  if (edit.bashFunction !== undefined) {
    // `name() {` … `}` at the same indent: the body becomes edit.body.
    const open = new RegExp(`^( *)${edit.bashFunction}\\(\\) \\{\\n`, 'gm');
    for (const m of text.matchAll(open)) {
      const close = text.indexOf(`\n${m[1]}}\n`, m.index);
      if (close < 0) fail(file, edit.bashFunction, 'no closing brace');
      edits.push([
        m.index,
        close + m[1].length + 3,
        `${m[1]}${edit.bashFunction}() { ${edit.body}; }\n`
      ]);
    }
  } else if (edit.bashStatement !== undefined) {
    const line = new RegExp(`^ *${edit.bashStatement}(?: *#.*)?\\n`, 'gm');
    for (const m of text.matchAll(line)) edits.push([m.index, m.index + m[0].length, '']);
  } else fail(file, '?', `unknown edit ${JSON.stringify(edit)}`);
  if (edits.length === 0)
    fail(file, edit.bashFunction ?? edit.bashStatement, 'not found in any run: script');
  return edits;
}

/** The file's text with the control taken out (edits applied back to front). */
export function removeControl(file, text, edit) {
  const edits = /\.ya?ml$/.test(file)
    ? bashEdits(file, text, edit)
    : typescriptEdits(file, text, edit);
  let out = text;
  for (const [start, end, replacement] of [...edits].sort((a, b) => b[0] - a[0]))
    out = out.slice(0, start) + replacement + out.slice(end);
  if (out === text) fail(file, JSON.stringify(edit), 'the edit changed nothing');
  return out;
}

/** A short name for the anchor, for the report. */
export function anchorOf(edit) {
  if (edit.in !== undefined) return edit.in;
  if (edit.bashFunction !== undefined) return `${edit.bashFunction}()`;
  return edit.bashStatement;
}
