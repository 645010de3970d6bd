// The dependency rule of docs/ARCHITECTURE.md, checked on every import, export-from and
// dynamic import. Layers are folders; a file may import its own layer and the layers
// listed for it, and only the packages its layer is allowed to use.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { aliasedPath } from './aliases.js';

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

const formats = 'electron/services/formats';
const storage = 'electron/services/storage';
const domain = 'electron/services/domain';
const application = 'electron/services/application';
const services = [application, domain, storage, formats];
const plainNode = { electron: false, node: true, others: true };

/**
 * Ordered most specific first: the first matching prefix names a file's layer. Inside the
 * services each floor imports only the floors below it; the entry points above them import
 * the application floor and, where they need it, a lower one.
 */
export const layers = [
  {
    name: 'electron/testkit',
    imports: ['shared', 'shared/testkit', 'db', ...services, 'electron/cli', 'electron/workers'],
    packages: plainNode,
    testkit: true,
  },
  { name: 'shared/testkit', imports: ['shared'], packages: { electron: false, node: false, others: ['zod'] }, testkit: true },
  { name: 'electron/main', imports: ['shared', ...services], packages: { electron: true, node: true, others: true } },
  { name: 'electron/preload', imports: ['shared'], packages: { electron: true, node: false, others: ['zod'] } },
  { name: formats, imports: ['shared'], packages: plainNode },
  { name: storage, imports: ['shared', 'db', formats], packages: plainNode },
  { name: domain, imports: ['shared', 'db', formats, storage], packages: plainNode },
  { name: application, imports: ['shared', 'db', formats, storage, domain], packages: plainNode },
  // Anything left loose in electron/services belongs to no floor and may import nothing.
  { name: 'electron/services', imports: [], packages: plainNode },
  { name: 'electron/workers', imports: ['shared', 'db', ...services], packages: plainNode },
  { name: 'electron/cli', imports: ['shared', ...services], packages: plainNode },
  { name: 'electron/bridge', imports: ['shared', ...services], packages: plainNode },
  {
    name: 'db',
    imports: ['shared'],
    packages: { electron: false, node: true, others: ['drizzle-orm', 'better-sqlite3-multiple-ciphers', 'zod'] },
  },
  { name: 'shared', imports: [], packages: { electron: false, node: false, others: ['zod'] } },
  {
    name: 'renderer',
    imports: ['shared'],
    packages: {
      electron: false,
      node: false,
      others: [
        'react',
        'react-dom',
        '@mantine/',
        '@tabler/icons-react',
        '@tanstack/react-virtual',
        'pdfjs-dist',
        'zustand',
        'zod',
      ],
    },
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

/** Folders of no layer, which no layered file may import. */
const outsideLayers = ['e2e', 'scripts'];

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
      testkit: "Production code in '{{from}}' must not import the test kit '{{to}}' ({{specifier}}); only tests may.",
      outside: "Layer '{{from}}' must not import from '{{to}}', which belongs to no layer ({{specifier}}).",
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
      const aliased = aliasedPath(specifier);
      if (specifier.startsWith('.') || aliased) {
        const target = aliased ? path.normalize(aliased) : path.relative(root, path.resolve(path.dirname(file), specifier));
        const targetLayer = layerOf(target);
        const outside = outsideLayers.find((folder) => target === folder || target.startsWith(`${folder}${path.sep}`));
        if (outside) {
          context.report({ node, messageId: 'outside', data: { from: layer.name, to: outside, specifier } });
          return;
        }
        if (targetLayer === layer && layer.name === 'renderer') {
          const from = rendererPartOf(relativeFile);
          const to = rendererPartOf(target);
          if (from && to && !rendererPartAllowed(from, to)) {
            context.report({ node, messageId: 'rendererPart', data: { from: from.name, to: to.name, specifier } });
          }
          return;
        }
        if (!targetLayer || targetLayer === layer) return;
        // The test kit serves the tests: production code never depends on it.
        if (targetLayer.testkit && !layer.testkit && !testFile) {
          context.report({ node, messageId: 'testkit', data: { from: layer.name, to: targetLayer.name, specifier } });
          return;
        }
        if (targetLayer.testkit && testFile) return;
        // A floor's tests may drive it through the floors above, as the application does.
        if (testFile && services.includes(layer.name) && services.includes(targetLayer.name)) return;
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
