import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';
import { MODEL_FILES } from './common/model-files';
import { SITE_ASSETS } from './common/site-files';

const require = createRequire(import.meta.url);

// The firewall's manifest: every permission here is justified in README.md ("Permissions").
export default defineConfig({
  vite: () => ({ plugins: [react()] }),
  imports: false,
  hooks: {
    // The model and onnxruntime's one wasm variant (plain SIMD, no JSEP/JSPI/asyncify) ship in the
    // package, copied from their sources at build time rather than duplicated into public/.
    'build:publicAssets': (_wxt, files) => {
      files.push(
        { absoluteSrc: require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'), relativeDest: MODEL_FILES.wasm },
        { absoluteSrc: require.resolve('./model/contract-model.onnx'), relativeDest: MODEL_FILES.model },
        // Site lists and the domain model (common/site-files.ts).
        ...SITE_ASSETS.map(([src, dest]) => ({ absoluteSrc: require.resolve(`./${src}`), relativeDest: dest })),
      );
    },
    // So browser.runtime.getURL() type-checks with these paths.
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(MODEL_FILES.wasm, MODEL_FILES.model, ...SITE_ASSETS.map(([, dest]) => dest));
    },
  },
  // One manifest version for both stores: Firefox gets MV3 too (WXT's default for Firefox is MV2).
  manifestVersion: 3,
  // The version comes from package.json (one source for the manifest and the zip names).
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip',
    // What the Firefox reviewers need to rebuild the package: no store art, no test output.
    excludeSources: ['store/screenshots/**', 'e2e/.artifacts/**', 'test-results/**', 'playwright-report/**', '.output/**'],
  },
  manifest: ({ browser }) => ({
    // The store listing's name and short description, from public/_locales/<locale>/messages.json (English is the default).
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    permissions: ['storage', 'activeTab', 'webNavigation'],
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'tx-firewall@tx-firewall',
          // The guard's MAIN-world content script needs Firefox 128; data_collection_permissions (which
          // AMO requires of new extensions) is read from 140 on, the current ESR. Desktop only: Firefox
          // for Android has no windows API for the confirm window.
          strict_min_version: '140.0',
          // Nothing goes to the developer, but the transaction being checked (addresses, amounts, call
          // data) is sent to the RPC node (PublicNode unless the user picks another): Mozilla's taxonomy
          // calls that transmitting "financial and payment information" (transactions). PRIVACY.md.
          data_collection_permissions: { required: ['financialAndPaymentInfo'] },
        },
      },
    }),
  }),
});
