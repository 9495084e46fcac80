// Lets command-line scripts (tsx) import lib/ modules that begin with `import "server-only"`:
// that package throws outside React Server Components, which a script is not, but a script is
// server code all the same. Resolving it to an empty module keeps React's normal (non-RSC) build,
// which email rendering needs. tsx loads our TypeScript as CommonJS, so both loaders are covered.
import Module, { register } from "node:module";
import { fileURLToPath } from "node:url";

const empty = fileURLToPath(new URL("./server-only-empty.cjs", import.meta.url));
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === "server-only" ? empty : resolveFilename.call(this, request, ...rest);
};

register(
  "data:text/javascript," +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier === "server-only") return { url: ${JSON.stringify(new URL("./server-only-empty.cjs", import.meta.url).href)}, shortCircuit: true };
      return next(specifier, context);
    }`),
);
