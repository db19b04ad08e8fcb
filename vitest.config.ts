import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default", "./tests/summaryReporter.ts"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/shared/**/*.test.ts", "tests/electron/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          globalSetup: ["tests/buildNode.ts"],
        },
      },
      {
        test: {
          name: "renderer",
          include: ["tests/renderer/**/*.test.{ts,tsx}"],
          environment: "jsdom",
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
