// Verify credentials with the Digital Credentials Consortium's verifier-core.
//
//   node verify.mjs < credential.json
//   node verify.mjs < batch.json     # {"credentials": [...], "documents": {url: doc}}
//
// Prints JSON: one result per credential ({"verified", "steps", "errors"}), plus the
// URLs the verifier asked for. The network is never used: `fetch` answers from
// "documents" (e.g. the signed status list credential) and refuses every other URL,
// which verifier-core then reports like an unreachable server.
import { readFileSync } from 'node:fs';

// verifier-core logs with console.log; stdout carries only the result.
console.log = (...args) => console.error(...args);

const input = JSON.parse(readFileSync(0, 'utf8'));
const batch = Array.isArray(input.credentials);
const credentials = batch ? input.credentials : [input];
const documents = (batch && input.documents) || {};
const requested = [];

globalThis.fetch = async (resource) => {
  const url = typeof resource === 'string' ? resource : resource.url ?? String(resource);
  requested.push(url);
  const bare = url.split('#')[0];
  if (Object.hasOwn(documents, bare)) {
    return new Response(JSON.stringify(documents[bare]), {
      status: 200,
      headers: { 'content-type': 'application/json' }
    });
  }
  throw new TypeError(`offline: ${url} is not a local document`);
};

// Imported only now, so every HTTP client it builds sees the local fetch.
const { verifyCredential } = await import('@digitalcredentials/verifier-core');

const STEPS_THAT_DECIDE = ['valid_signature', 'expiration', 'revocation_status'];

function summarise(result) {
  const steps = {};
  for (const entry of result.log ?? []) {
    steps[entry.id] = 'valid' in entry ? entry.valid : { error: entry.error?.name ?? 'error' };
  }
  const errors = (result.errors ?? []).map(({ name, message }) => ({ name, message }));
  const verified = errors.length === 0 &&
    STEPS_THAT_DECIDE.every((id) => !(id in steps) || steps[id] === true) &&
    steps.valid_signature === true;
  return { verified, steps, errors, additionalInformation: result.additionalInformation ?? [] };
}

const results = [];
for (const credential of credentials) {
  const result = await verifyCredential({ credential, knownDIDRegistries: [] });
  results.push(summarise(result));
}
process.stdout.write(JSON.stringify(batch ? { results, requested } : { ...results[0], requested }) + '\n');
