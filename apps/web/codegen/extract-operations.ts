// Moves hand-written GraphQL strings out of portal code into operation documents, so that
// `npm run codegen -w @gridshare/web` types them. `npx tsx apps/web/codegen/extract-operations.ts <file or folder>…`
// (docs/architecture.md, "Adding a portal operation"): for each call of gql, gqlMutation, submitMutation or callApi
// whose first argument is a string literal, or a constant of this file built from literals and other such
// constants (and each call of another function whose first argument is such a string and reads as an
// operation), it
//   - writes the operation, named, to a .graphql file beside the code (page.tsx → page.graphql), with the
//     constant's leading comment as `#` lines;
//   - replaces the argument with the generated document (`import { …Document } from '@/generated/graphql'`),
//     drops the call's hand-written result type (`gql<{ … }>(` → `gql(`) and the constants nothing else uses.
// Operations are named after their first root field (`deal` → `Deal`, types DealQuery/DealQueryVariables); a
// name another operation has already taken gets the route in front (`DealsOperationsDeal`). Strings it cannot
// follow (built at run time) are listed for a hand conversion. Then run codegen and the typecheck: where the
// generated types differ from the hand-written ones the compiler says where.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { type DocumentNode, type OperationDefinitionNode, Kind, parse, print } from 'graphql';
import ts from 'typescript';
import { SRC_DIR, operationFiles } from './generate';

const SENDERS = new Set(['gql', 'gqlMutation', 'submitMutation', 'callApi']);
const GENERATED = '@/generated/graphql';

interface Edit { start: number; end: number; text: string }
interface Found { file: string; call: ts.CallExpression; text: string; comment: string; constName?: string }

const pascal = (words: string) => words.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_m, _sep, c: string) => c.toUpperCase());

/** `app/(portal)/deals/[id]/operations/page.tsx` → `DealsOperations`: the route without groups and parameters. */
function routeName(file: string): string {
  const parts = relative(join(SRC_DIR, 'app'), dirname(file)).split('/').filter((p) => p && !p.startsWith('(') && !p.startsWith('[') && p !== '..');
  return pascal(parts.length ? parts.join('-') : basename(file, extname(file)));
}

function sourceFiles(paths: string[]): string[] {
  return paths.flatMap((path) => {
    if (!statSync(path).isDirectory()) return [path];
    return ts.sys.readDirectory(path, ['.ts', '.tsx']).filter((f) => !f.endsWith('.test.ts') && !f.includes('/generated/'));
  });
}

/** Names already taken by the .graphql files that exist. */
function takenNames(): Set<string> {
  const names = new Set<string>();
  for (const file of operationFiles()) {
    for (const def of parse(readFileSync(file, 'utf8')).definitions) if ('name' in def && def.name) names.add(def.name.value);
  }
  return names;
}

function scan(file: string): { sf: ts.SourceFile; found: Found[]; skipped: string[]; consts: Map<string, ts.VariableStatement> } {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const consts = new Map<string, ts.VariableStatement>();
  const initialisers = new Map<string, ts.Expression>();
  for (const statement of sf.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    const [decl] = statement.declarationList.declarations;
    if (statement.declarationList.declarations.length === 1 && decl && ts.isIdentifier(decl.name) && decl.initializer) {
      consts.set(decl.name.text, statement);
      initialisers.set(decl.name.text, decl.initializer);
    }
  }
  const resolve = (node: ts.Expression, depth = 0): string | undefined => {
    if (depth > 5) return undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isIdentifier(node)) {
      const init = initialisers.get(node.text);
      return init ? resolve(init, depth + 1) : undefined;
    }
    if (ts.isTemplateExpression(node)) {
      let out = node.head.text;
      for (const span of node.templateSpans) {
        const part = resolve(span.expression, depth + 1);
        if (part === undefined) return undefined;
        out += part + span.literal.text;
      }
      return out;
    }
    return undefined;
  };
  const found: Found[] = [];
  const skipped: string[] = [];
  const visit = (node: ts.Node) => {
    const arg = ts.isCallExpression(node) ? node.arguments[0] : undefined;
    if (ts.isCallExpression(node) && arg && ((ts.isIdentifier(node.expression) && SENDERS.has(node.expression.text)) || isOperationText(resolve(arg)))) {
      const query = resolve(arg);
      const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
      if (query === undefined) {
        if (!ts.isIdentifier(arg) || initialisers.has(arg.text)) skipped.push(`${relative(process.cwd(), file)}:${line + 1}: ${arg.getText().slice(0, 80)}`);
      } else {
        const constName = ts.isIdentifier(arg) ? arg.text : undefined;
        const statement = constName ? consts.get(constName) : undefined;
        const comment = statement
          ? (ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? []).map((r) => text.slice(r.pos, r.end)).join('\n')
          : '';
        found.push({ file, call: node, text: query, comment, constName });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { sf, found, skipped, consts };
}

/** A string handed to any other function (e.g. a form action factory) that reads as a GraphQL operation. */
function isOperationText(text: string | undefined): boolean {
  if (text === undefined || !/^\s*(query|mutation)\b|^\s*\{/.test(text)) return false;
  try {
    return parse(text).definitions.every((d) => d.kind === Kind.OPERATION_DEFINITION);
  } catch {
    return false;
  }
}

function operationOf(query: string): OperationDefinitionNode {
  const doc = parse(query, { noLocation: true });
  const [op, ...rest] = doc.definitions;
  if (!op || rest.length || op.kind !== Kind.OPERATION_DEFINITION) throw new Error(`not a single operation: ${query}`);
  return op;
}

const asComment = (comment: string) =>
  comment
    .split('\n')
    .map((l) => l.replace(/^\s*(\/\/|\/\*\*?|\*\/|\*)\s?/, '').replace(/\s*\*\/$/, ''))
    .filter((l) => l.trim())
    .map((l) => `# ${l}\n`)
    .join('');

function main(paths: string[]) {
  const taken = takenNames();
  const scans = sourceFiles(paths).map(scan);
  // One name per distinct operation text of a file; the root field first, the route in front when taken.
  const byFile = new Map<string, Map<string, string>>();
  const base = (f: Found) => {
    const op = operationOf(f.text);
    if (op.name) return op.name.value;
    const root = op.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
    return pascal(root && root.kind === Kind.FIELD ? root.name.value : op.operation);
  };
  const wanted = new Map<string, number>();
  for (const { found } of scans) {
    const distinct = new Map(found.map((f) => [f.text, f]));
    for (const f of distinct.values()) wanted.set(base(f), (wanted.get(base(f)) ?? 0) + 1);
  }
  for (const { found } of scans) {
    for (const f of found) {
      const names = byFile.get(f.file) ?? new Map<string, string>();
      byFile.set(f.file, names);
      if (names.has(f.text)) continue;
      let name = base(f);
      if (taken.has(name) || (wanted.get(name) ?? 0) > 1) name = routeName(f.file) + name;
      for (let n = 2; taken.has(name); n++) name = `${routeName(f.file)}${base(f)}${n}`;
      taken.add(name);
      names.set(f.text, name);
    }
  }
  for (const { sf, found, skipped, consts } of scans) {
    for (const line of skipped) process.stdout.write(`by hand: ${line}\n`);
    if (!found.length) continue;
    const file = sf.fileName;
    const names = byFile.get(file)!;
    const edits: Edit[] = [];
    const replaced = new Map<string, number>();
    for (const f of found) {
      const arg = f.call.arguments[0]!;
      edits.push({ start: arg.getStart(), end: arg.getEnd(), text: `${names.get(f.text)}Document` });
      if (f.call.typeArguments) edits.push({ start: f.call.expression.getEnd(), end: f.call.arguments.pos - 1, text: '' });
      if (f.constName) replaced.set(f.constName, (replaced.get(f.constName) ?? 0) + 1);
    }
    // Constants no longer read: the converted ones, then the fragments of text only they used.
    const uses = (name: string, except: Set<ts.Node>) => {
      let count = 0;
      const visit = (node: ts.Node) => {
        if (except.has(node)) return;
        if (ts.isIdentifier(node) && node.text === name && !(ts.isVariableDeclaration(node.parent) && node.parent.name === node)) count++;
        ts.forEachChild(node, visit);
      };
      visit(sf);
      return count;
    };
    const removed = new Set<ts.Node>(found.map((f) => f.call.arguments[0]!));
    for (let changed = true; changed; ) {
      changed = false;
      for (const [name, statement] of consts) {
        if (removed.has(statement) || uses(name, removed) > 0 || statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
        const init = statement.declarationList.declarations[0]!.initializer!;
        if (!(ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init) || ts.isTemplateExpression(init))) continue;
        if (!replaced.has(name) && !isReadOnlyBy(name, removed, sf)) continue;
        removed.add(statement);
        let end = statement.getEnd();
        if (sf.text[end] === '\n') end++;
        edits.push({ start: statement.getFullStart() === 0 ? 0 : statement.getFullStart() + leadingNewlines(sf.text, statement.getFullStart()), end, text: '' });
        changed = true;
      }
    }
    // The operation documents, appended to the .graphql file beside the code.
    const graphqlFile = join(dirname(file), `${basename(file, extname(file))}.graphql`);
    const written = new Set<string>();
    let out = existsSync(graphqlFile) ? readFileSync(graphqlFile, 'utf8').replace(/\n*$/, '\n\n') : '';
    for (const f of found) {
      const name = names.get(f.text)!;
      if (written.has(name)) continue;
      written.add(name);
      const op = operationOf(f.text);
      const named: DocumentNode = { kind: Kind.DOCUMENT, definitions: [{ ...op, name: { kind: Kind.NAME, value: name } }] };
      out += `${asComment(f.comment)}${print(named)}\n\n`;
    }
    writeFileSync(graphqlFile, out.replace(/\n+$/, '\n'));
    // The import: into the file's import of the generated module, or a new one after its last import.
    const imports = sf.statements.filter(ts.isImportDeclaration);
    const generated = imports.find((i) => ts.isStringLiteral(i.moduleSpecifier) && i.moduleSpecifier.text === GENERATED);
    const bindings = generated?.importClause?.namedBindings;
    const imported = new Set([...written].map((n) => `${n}Document`));
    if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) imported.add(e.getText());
    const importText = `import { ${[...imported].sort((a, b) => a.replace(/^type /, '').localeCompare(b.replace(/^type /, ''))).join(', ')} } from '${GENERATED}';`;
    if (generated) edits.push({ start: generated.getStart(), end: generated.getEnd(), text: importText });
    else {
      const at = imports.length ? imports[imports.length - 1]!.getEnd() + 1 : 0;
      edits.push({ start: at, end: at, text: `${importText}\n` });
    }
    let text = sf.text;
    for (const e of edits.sort((a, b) => b.start - a.start || b.end - a.end)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
    writeFileSync(file, text);
    process.stdout.write(`${relative(process.cwd(), file)}: ${[...written].join(', ')}\n`);
  }
}

/** Whether every use of `name` sits inside nodes being removed (a piece of text only converted operations used). */
function isReadOnlyBy(name: string, removed: Set<ts.Node>, sf: ts.SourceFile): boolean {
  let inside = 0;
  const visit = (node: ts.Node, within: boolean) => {
    const now = within || removed.has(node);
    if (ts.isIdentifier(node) && node.text === name && !(ts.isVariableDeclaration(node.parent) && node.parent.name === node) && now) inside++;
    ts.forEachChild(node, (child) => visit(child, now));
  };
  visit(sf, false);
  return inside > 0;
}

/** Keeps the end of the line before a removed statement (its comment and a blank line before it go with it). */
const leadingNewlines = (text: string, from: number): number => (text[from] === '\n' ? 1 : 0);

main(process.argv.slice(2).length ? process.argv.slice(2) : [SRC_DIR]);
