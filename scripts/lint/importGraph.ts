// The project's own import graph: every relative or aliased import, export-from and dynamic import of
// the layered folders, type-only imports included, since a type that runs in a circle ties the
// modules together for a reader as much as a value does.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { aliasedPath } from './aliases.js';

const sourceExtensions = ['.ts', '.tsx', '.mts', '.js', '.mjs'];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (name === 'node_modules') return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return sourceExtensions.some((extension) => name.endsWith(extension)) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

function specifiersOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) found.push(argument.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [
    base,
    ...sourceExtensions.map((extension) => base + extension),
    ...sourceExtensions.map((extension) => path.join(base, `index${extension}`)),
  ];
  if (/\.m?js$/.test(base)) candidates.push(base.replace(/\.m?js$/, '.ts'));
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** Each file (relative to root, with forward slashes) and the project files it imports. */
export function importGraph(root: string, folders: string[]): Map<string, string[]> {
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const graph = new Map<string, string[]>();
  for (const file of folders.flatMap((folder) => sourceFiles(path.join(root, folder)))) {
    const targets = specifiersOf(file)
      .map((specifier) => {
        const aliased = aliasedPath(specifier);
        return aliased ? `./${path.relative(path.dirname(file), path.join(root, aliased))}` : specifier;
      })
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => resolveRelative(file, specifier))
      .filter(
        (target): target is string => target !== undefined && sourceExtensions.some((extension) => target.endsWith(extension)),
      );
    graph.set(relative(file), [...new Set(targets.map(relative))]);
  }
  return graph;
}

/** Groups of files that reach each other (Tarjan's strongly connected components), each with more than one file or a file importing itself. */
function tangledGroups(graph: Map<string, string[]>): Set<string>[] {
  let counter = 0;
  const index = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: Set<string>[] = [];
  const connect = (node: string): void => {
    index.set(node, counter);
    lowest.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        lowest.set(node, Math.min(lowest.get(node)!, lowest.get(next)!));
      } else if (onStack.has(next)) {
        lowest.set(node, Math.min(lowest.get(node)!, index.get(next)!));
      }
    }
    if (lowest.get(node) !== index.get(node)) return;
    const group = new Set<string>();
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.add(member);
    } while (member !== node);
    if (group.size > 1 || (graph.get(node) ?? []).includes(node)) groups.push(group);
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) connect(node);
  return groups;
}

/** The shortest path from one file to another inside a group, both ends included. */
function shortestPath(graph: Map<string, string[]>, group: Set<string>, from: string, to: string): string[] {
  const previous = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length > 0 && !previous.has(to)) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!group.has(next) || previous.has(next)) continue;
      previous.set(next, node);
      queue.push(next);
    }
  }
  const route = [to];
  while (route[0] !== from) route.unshift(previous.get(route[0]!)!);
  return route;
}

/**
 * The circles of a graph, each printed as a path that returns to its start: for every import
 * inside a tangled group, the shortest way back, so that every import to undo shows up.
 */
export function circles(graph: Map<string, string[]>): string[][] {
  const found = new Map<string, string[]>();
  for (const group of tangledGroups(graph)) {
    for (const from of group) {
      for (const to of graph.get(from) ?? []) {
        if (!group.has(to)) continue;
        const loop = to === from ? [from] : [from, ...shortestPath(graph, group, to, from).slice(0, -1)];
        const start = loop.indexOf([...loop].sort()[0]!);
        const rotated = [...loop.slice(start), ...loop.slice(0, start)];
        found.set(rotated.join(' '), [...rotated, rotated[0]!]);
      }
    }
  }
  return [...found.values()].sort((a, b) => a.join(' ').localeCompare(b.join(' ')));
}
