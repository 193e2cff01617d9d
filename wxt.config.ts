import react from '@vitejs/plugin-react';
import { defineConfig } from 'wxt';

// The firewall's manifest: every permission here is justified in README.md ("Permissions").
export default defineConfig({
  vite: () => ({ plugins: [react()] }),
  imports: false,
  manifest: {
    name: 'Transaction Firewall',
    description:
      'Reads every wallet signing request before your wallet does, explains it in plain words and warns before you sign.',
    permissions: ['storage'],
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
  },
});
