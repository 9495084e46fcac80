// Runs s3rver (an S3-compatible server from npm) for tests/storage.test.ts, in its own process
// because s3rver 3.7's ListObjectsV2 continuation tokens use DES, which Node's OpenSSL 3 only
// offers with --openssl-legacy-provider (a flag we keep out of the test process itself).
// Usage: node --openssl-legacy-provider s3rver-process.mjs <directory> <bucket>
// Prints {"port":N} once listening on 127.0.0.1; exits when its parent closes stdin.
import S3rver from "s3rver";

const [directory, bucket] = process.argv.slice(2);
if (!directory || !bucket) {
  console.error("usage: s3rver-process.mjs <directory> <bucket>");
  process.exit(2);
}
const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);

let closing = false;
async function stop() {
  if (closing) return;
  closing = true;
  await server.close().catch(() => {});
  process.exit(0);
}
process.stdin.on("end", stop);
process.stdin.on("close", stop);
process.stdin.resume();
process.on("SIGTERM", stop);
