import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The server serves dist/web; `npm run dev:web` proxies the API to a running server.
export default defineConfig({
  root: "web",
  plugins: [react()],
  build: { outDir: "../dist/web", emptyOutDir: true },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
