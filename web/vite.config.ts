import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The dev server proxies the API to a local `kompetent serve --port 8181`, so the app talks to
// the same origin as in production (cookie session on localhost).
const apiTarget = process.env.KOMPETENT_API ?? "http://localhost:8181";

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: "dist",
    assetsDir: "assets",
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
});
