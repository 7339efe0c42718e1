#!/usr/bin/env node
// Starts the Geboorteketen server on a free port with a fresh data directory, runs the Postman
// collection with newman twice in a row (the second pass proves it needs no clean-up), and always
// stops the server. Exit code 0 only when every assertion of both passes held.
//
//   node run.js                 what `mvn verify` runs (from postman/)
//   GK_SERVER_JAR=… node run.js another build of the server
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const newman = require('newman');

const here = __dirname;
const jar = process.env.GK_SERVER_JAR || path.join(here, '..', 'server', 'target', 'geboorteketen-server.jar');
const collection = path.join(here, 'geboorteketen.postman_collection.json');
const environment = path.join(here, 'local.postman_environment.json');
const target = path.join(here, 'target');
const passes = Number(process.env.GK_NEWMAN_PASSES || 2);
const startupTimeoutMs = Number(process.env.GK_STARTUP_TIMEOUT_MS || 300000);
// the first stop on a fresh data directory writes the launcher's class-data archive (~15 s, longer on a busy CI machine)
const stopTimeoutMs = 90000;
const READY = /Geboorteketen ready at (http\S+\/fhir)/;
const STARTER = /began from the build's store/;

async function main() {
  if (!fs.existsSync(jar)) {
    throw new Error(`Server jar not found: ${jar} (build the server module first)`);
  }
  fs.mkdirSync(target, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-newman-'));
  const logFile = path.join(target, 'server.log');
  const server = startServer(dataDir, logFile);
  let failures = 0;
  try {
    const baseUrl = await server.ready;
    console.log(`Server ready at ${baseUrl} (data ${dataDir}, log ${path.relative(process.cwd(), logFile)})`);
    failures += checkStarterStore(server.beganFromStarterStore());
    for (let pass = 1; pass <= passes; pass++) {
      const failed = await runCollection(baseUrl, pass);
      console.log(`Pass ${pass}: ${failed === 0 ? 'all assertions held' : failed + ' failure(s)'}`);
      failures += failed;
    }
  } catch (e) {
    console.error(`newman run aborted: ${e.message}`);
    console.error('--- last lines of the server log ---\n' + server.tail());
    failures += 1;
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return failures;
}

/** The server with GK_PORT=0 picks a free port itself and logs its base URL once it serves. */
function startServer(dataDir, logFile) {
  const log = fs.createWriteStream(logFile);
  const child = spawn('java', ['-jar', jar], {
    cwd: dataDir,
    env: serverEnvironment(dataDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited = false;
  const exit = new Promise(resolve => child.on('exit', code => { exited = true; resolve(code); }));
  const stopOnSignal = () => child.kill('SIGKILL');
  process.on('exit', stopOnSignal);

  let buffered = '';
  let starter = false;
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready within ${startupTimeoutMs} ms`)), startupTimeoutMs);
    const watch = chunk => {
      log.write(chunk);
      buffered = (buffered + chunk.toString()).slice(-8192);
      starter = starter || STARTER.test(buffered);
      const m = READY.exec(buffered);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.on('error', e => { clearTimeout(timer); reject(e); });
    exit.then(code => { clearTimeout(timer); reject(new Error(`server exited with code ${code} before it was ready`)); });
  });
  ready.catch(() => {});

  async function stop() {
    if (!exited) {
      child.kill('SIGTERM');
      const timeout = new Promise(resolve => setTimeout(() => resolve('timeout'), stopTimeoutMs));
      if (await Promise.race([exit, timeout]) === 'timeout') {
        console.error(`Server did not stop within ${stopTimeoutMs} ms after SIGTERM; killing it.`);
        child.kill('SIGKILL');
        await exit;
      }
    }
    process.removeListener('exit', stopOnSignal);
    log.end();
  }
  const tail = () => buffered.trim().split('\n').slice(-30).join('\n');
  return { ready, stop, tail, beganFromStarterStore: () => starter };
}

/**
 * A build that left a starter store beside the jar must have the fresh data directory begin from it,
 * so that both passes run on the store the build made (docs/decisions.md, "An empty start begins
 * from the build's store").
 */
function checkStarterStore(began) {
  const made = fs.readdirSync(path.dirname(jar)).some(f => /^geboorteketen-store-.*\.mv\.db$/.test(f));
  if (made && !began) {
    console.error('The build left a starter store beside the jar, but the server did not begin from it.');
    return 1;
  }
  console.log(made ? 'The server began from the build\'s starter store.' : 'No starter store beside the jar: the server installed the package itself.');
  return 0;
}

/** A fresh H2 database in dataDir, whatever database settings the caller's shell carries. */
function serverEnvironment(dataDir) {
  const env = { ...process.env };
  for (const key of ['GK_CONFIG', 'GK_DB_URL', 'GK_DB_USER', 'GK_DB_PASSWORD', 'GK_PUBLIC_BASE_URL']) {
    delete env[key];
  }
  return { ...env, GK_PORT: '0', GK_BIND_HOST: '127.0.0.1', GK_DATA_DIR: dataDir, GK_DEV_TOKENS: 'true' };
}

function runCollection(baseUrl, pass) {
  return new Promise((resolve, reject) => {
    newman.run({
      collection: require(collection),
      environment: require(environment),
      envVar: [{ key: 'baseUrl', value: baseUrl }],
      reporters: ['cli', 'junit'],
      reporter: { junit: { export: path.join(target, `newman-pass${pass}.xml`) } },
      timeoutRequest: 60000,
    }, (err, summary) => {
      if (err) {
        reject(err);
        return;
      }
      const failures = summary.run.failures.length + (summary.run.error ? 1 : 0);
      resolve(failures);
    });
  });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => process.exit(130));
}

main().then(
  failures => {
    if (failures > 0) {
      console.error(`Postman chain scenario FAILED: ${failures} failure(s) over ${passes} pass(es).`);
    }
    process.exit(failures > 0 ? 1 : 0);
  },
  e => {
    console.error(e.stack || e.message);
    process.exit(1);
  });
