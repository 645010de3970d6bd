// The dependency rule of docs/ARCHITECTURE.md, checked on every import, export-from and
// dynamic import. Layers are folders; a file may import its own layer and the layers
// listed for it, and only the packages its layer is allowed to use.
import { builtinModules } from 'node:module';
import path from 'node:path';

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** Ordered most specific first: the first matching prefix names a file's layer. */
export const layers = [
  { name: 'electron/main', imports: ['shared', 'electron/services'], packages: { electron: true, node: true, others: true } },
  { name: 'electron/preload', imports: ['shared'], packages: { electron: true, node: false, others: ['zod'] } },
  { name: 'electron/services', imports: ['shared', 'db'], packages: { electron: false, node: true, others: true } },
  { name: 'electron/workers', imports: ['shared', 'db', 'electron/services'], packages: { electron: false, node: true, others: true } },
  { name: 'electron/cli', imports: ['shared', 'electron/services'], packages: { electron: false, node: true, others: true } },
  { name: 'electron/bridge', imports: ['shared', 'electron/services'], packages: { electron: false, node: true, others: true } },
  { name: 'db', imports: ['shared'], packages: { electron: false, node: true, others: ['drizzle-orm', 'better-sqlite3-multiple-ciphers', 'zod'] } },
  { name: 'shared', imports: [], packages: { electron: false, node: false, others: ['zod'] } },
  {
    name: 'renderer',
    imports: ['shared'],
    packages: { electron: false, node: false, others: ['react', 'react-dom', '@mantine/', '@tabler/icons-react', '@tanstack/react-virtual', 'pdfjs-dist', 'zustand', 'zod'] },
  },
];

/**
 * Inside the renderer: the entry and app/ compose everything; each folder of features/ is a
 * part of its own that may use app/ and the shared parts (components, hooks, state, api, data)
 * but no other feature; the shared parts use only each other.
 */
const rendererRoot = 'renderer/src';

export function rendererPartOf(relativeFile) {
  const normalised = relativeFile.split(path.sep).join('/');
  if (!normalised.startsWith(`${rendererRoot}/`)) return null;
  const [top, name] = normalised.slice(rendererRoot.length + 1).split('/');
  if (top === 'app') return { name: `${rendererRoot}/app`, kind: 'app' };
  if (top === 'features' && name) return { name: `${rendererRoot}/features/${name}`, kind: 'feature' };
  if (/^main\.tsx?$/.test(top)) return { name: `${rendererRoot}/${top}`, kind: 'entry' };
  return { name: `${rendererRoot}/${top.replace(/\.tsx?$/, '')}`, kind: 'shared' };
}

function rendererPartAllowed(from, to) {
  if (from.kind === 'entry' || from.kind === 'app' || to.kind === 'shared') return true;
  if (from.kind === 'feature') return to.kind === 'app' || to.name === from.name;
  return false;
}

function layerOf(relativeFile) {
  const normalised = relativeFile.split(path.sep).join('/');
  return layers.find((layer) => normalised === layer.name || normalised.startsWith(`${layer.name}/`));
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isTestFile(file) {
  return /\.test\.tsx?$/.test(file);
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer dependency rule of the architecture' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      layer: "Layer '{{from}}' must not import from '{{to}}' ({{specifier}}).",
      package: "Layer '{{from}}' must not use the package '{{specifier}}'.",
      rendererPart: "'{{from}}' must not import from '{{to}}' ({{specifier}}): features meet through app/ and the shared parts.",
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    const relativeFile = path.relative(root, file);
    const layer = layerOf(relativeFile);
    if (!layer) return {};
    const testFile = isTestFile(file);

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      if (specifier.startsWith('.')) {
        const target = path.relative(root, path.resolve(path.dirname(file), specifier));
        const targetLayer = layerOf(target);
        if (targetLayer === layer && layer.name === 'renderer') {
          const from = rendererPartOf(relativeFile);
          const to = rendererPartOf(target);
          if (from && to && !rendererPartAllowed(from, to)) {
            context.report({ node, messageId: 'rendererPart', data: { from: from.name, to: to.name, specifier } });
          }
          return;
        }
        if (!targetLayer || targetLayer === layer) return;
        if (layer.imports.includes(targetLayer.name)) return;
        context.report({ node, messageId: 'layer', data: { from: layer.name, to: targetLayer.name, specifier } });
        return;
      }
      // Tests may use the test runner and read fixtures from disk in any layer.
      if (testFile && packageName(specifier) === 'vitest') return;
      const allowed = layer.packages;
      if (specifier === 'electron' || specifier.startsWith('electron/')) {
        if (!allowed.electron) context.report({ node, messageId: 'package', data: { from: layer.name, specifier } });
        return;
      }
      if (nodeBuiltins.has(specifier) || nodeBuiltins.has(packageName(specifier))) {
        if (!allowed.node && !testFile) context.report({ node, messageId: 'package', data: { from: layer.name, specifier } });
        return;
      }
      if (allowed.others === true) return;
      const name = packageName(specifier);
      const permitted = allowed.others.some((entry) => (entry.endsWith('/') ? name.startsWith(entry) : entry === name));
      if (!permitted && !testFile) {
        context.report({ node, messageId: 'package', data: { from: layer.name, specifier } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { layers: layersRule } };
