// `npm run check:imports` (part of `npm run typecheck`, so CI runs it): fails when the source files import
// each other in a circle. Every import counts, `import type` included: a type-only circle is still two
// files that cannot be understood, moved or tested apart. Tests and generated files are left out (a test
// may import anything; nothing imports a test). Resolution is TypeScript's own, so workspace packages
// (`@gridshare/db` ...) are followed into their sources. Prints each circle as a chain of files.
// Module folders (apps/api/src/modules/<name>) are checked as wholes too: two modules that import each
// other, through any files, are one module in two folders. And no file of a module but its resolvers
// imports graphql/errors (services throw transport-neutral domain errors).
import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..');
const SOURCE_ROOTS = ['apps', 'packages'].flatMap((group) =>
  readdirSync(join(ROOT, group)).map((name) => join(ROOT, group, name, 'src')),
);
const LEFT_OUT = /(\.test\.tsx?|\.d\.ts)$|\/generated\/|\/testing\//;

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !LEFT_OUT.test(path) ? [path] : [];
  });
}

const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, jsx: ts.JsxEmit.Preserve, allowJs: false };
const host = ts.createCompilerHost(options);

/** file → the project files it imports. */
export function importGraph(): Map<string, string[]> {
  const files = SOURCE_ROOTS.flatMap(sourceFiles);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      const resolved = ts.resolveModuleName(fileName, file, options, host).resolvedModule?.resolvedFileName;
      if (!resolved) continue;
      const target = realpathSync(resolved);
      if (known.has(target) && target !== file) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** Strongly connected components with more than one file (Tarjan), each as a sorted list. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    order.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, order.get(next)!));
      }
    }
    if (low.get(node) === order.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!order.has(node)) visit(node);
  return cycles;
}

const MODULE_FOLDER = /\/apps\/api\/src\/modules\/([^/]+)\//;
const moduleOf = (file: string) => {
  const name = MODULE_FOLDER.exec(file)?.[1];
  return name ? `apps/api/src/modules/${name}/` : undefined;
};

/** Module folder → the other module folders its files import. */
export function moduleGraph(graph: Map<string, string[]>): Map<string, string[]> {
  const folders = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = moduleOf(file);
    if (!from) continue;
    const into = folders.get(from) ?? new Set<string>();
    for (const target of targets) {
      const to = moduleOf(target);
      if (to && to !== from) into.add(to);
    }
    folders.set(from, into);
  }
  return new Map([...folders].map(([folder, targets]) => [folder, [...targets].sort()]));
}

const GRAPHQL_ERRORS = /\/apps\/api\/src\/graphql\/errors\.ts$/;
/** GraphQL glue inside a module folder: its resolvers. */
const GRAPHQL_GLUE = /\.resolvers\.ts$/;

/**
 * Files under modules/ (other than resolvers) that import graphql/errors: services throw DomainErrors
 * (errors/domain-errors.ts) and the GraphQL layer maps them, so a service works the same from a job.
 */
export function servicesImportingGraphqlErrors(graph: Map<string, string[]>): string[] {
  return [...graph]
    .filter(([file, targets]) => moduleOf(file) && !GRAPHQL_GLUE.test(file) && targets.some((target) => GRAPHQL_ERRORS.test(target)))
    .map(([file]) => file)
    .sort();
}

if (require.main === module) {
  const graph = importGraph();
  for (const file of servicesImportingGraphqlErrors(graph)) {
    process.stderr.write(
      `${relative(ROOT, file)} imports graphql/errors: services throw domain errors; import badInput, notFound, conflict, forbidden, unauthenticated, appError from apps/api/src/errors/domain-errors.ts instead (same names and signatures)\n`,
    );
    process.exitCode = 1;
  }
  const cycles = [...findCycles(graph), ...findCycles(moduleGraph(graph))];
  const edges = [...graph.values()].reduce((sum, targets) => sum + targets.length, 0);
  if (cycles.length === 0) {
    process.stdout.write(`import graph: ${graph.size} files, ${edges} imports, no cycles between files or module folders\n`);
  } else {
    for (const cycle of cycles) process.stderr.write(`import cycle (${cycle.length} files or module folders):\n${cycle.map((node) => `  ${node.startsWith(ROOT) ? relative(ROOT, node) : node}`).join('\n')}\n`);
    process.stderr.write(`import graph: ${cycles.length} cycle(s) among ${graph.size} files\n`);
    process.exitCode = 1;
  }
}
