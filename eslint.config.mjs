import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

const config = [
  ...nextVitals,
  ...nextTypescript,
  prettier,
  { ignores: ["lib/generated/**", ".next/**", ".next-*/**", ".data/**", "bench/.data/**", "playwright-report/**", "test-results/**", "next-env.d.ts"] },
];

export default config;
