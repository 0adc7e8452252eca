#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so the installed command needs no build step.
// The project's tsconfig (decorators) applies whatever the working directory is.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("../src/cli.ts");
