// Runs inside the sandbox: call the candidate's function once per hidden test.
//
// Copied to /code/harness.js and started by jail.py as `node /code/harness.js`; the server
// never loads it. Like harness.py it reports what the function returned, one JSON line per
// test, on file descriptor 3, each line prefixed with the run's random marker (read from
// stdin before any candidate code runs). The expected values never enter the sandbox: the
// server compares, so a forged line can at most report a wrong answer.
'use strict';

const fs = require('fs');
const vm = require('vm');

const MAX_RESULT_CHARS = 64 * 1024;
const RESULTS_FD = 3;

async function main() {
  const marker = fs.readFileSync(0, 'utf8').split('\n')[0].trim();
  const emit = (message) => fs.writeSync(RESULTS_FD, marker + ' ' + JSON.stringify(message) + '\n');

  emit({ start: true });
  const spec = JSON.parse(fs.readFileSync('/code/cases.json', 'utf8'));
  const source = fs.readFileSync('/code/solution.js', 'utf8');
  const name = spec.function;
  let wrapper;
  try {
    // compileFunction keeps the candidate's line numbers; the line appended after the code
    // hands back the named function whether it was declared, assigned or exported.
    wrapper = vm.compileFunction(
      source + '\n;return typeof ' + name + " === 'function' ? " + name +
        ' : (module.exports && module.exports.' + name + ');',
      ['module', 'exports', 'require'],
      { filename: 'solution.js' },
    );
  } catch (error) {
    emit({ fatal: describe(error), line: failingLine(error) });
    return;
  }
  let candidate;
  try {
    const module = { exports: {} };
    candidate = wrapper(module, module.exports, require);
  } catch (error) {
    emit({ fatal: describe(error), line: failingLine(error) });
    return;
  }
  if (typeof candidate !== 'function') {
    emit({ fatal: 'No function named ' + name + ' was defined' });
    return;
  }
  for (const [index, args] of spec.args.entries()) {
    const started = process.hrtime.bigint();
    let message;
    try {
      let value = candidate(...args);
      if (value && typeof value.then === 'function') {
        value = await value; // an async solution: its result, not the Promise
      }
      message = { case: index, ...encode(value) };
    } catch (error) {
      message = { case: index, error: describe(error), line: failingLine(error) };
    }
    message.seconds = Number(process.hrtime.bigint() - started) / 1e9;
    emit(message);
  }
  emit({ done: true });
}

function encode(value) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    return { unserializable: safeString(error) };
  }
  if (text === undefined) {
    return { unserializable: String(typeof value) };
  }
  if (text.length > MAX_RESULT_CHARS) {
    return { too_large: text.length };
  }
  return { got: JSON.parse(text) };
}

// "Type: message"
function describe(error) {
  if (!(error instanceof Error)) {
    return 'Uncaught value: ' + safeString(error);
  }
  return (safeString(error.name) + ': ' + safeString(error.message)).slice(0, 300);
}

// The first line of the candidate's code in the stack (the innermost frame).
function failingLine(error) {
  try {
    const line = /solution\.js:(\d+)/.exec(String(error.stack || ''));
    return line ? Number(line[1]) : null;
  } catch (ignored) {
    return null;
  }
}

function safeString(value) {
  try {
    return String(value).slice(0, 250);
  } catch (error) {
    return '?';
  }
}

// Leave as soon as the tests are done: timers, sockets or children the candidate left behind
// must not keep the sandbox alive until its time limit.
main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write('harness: ' + describe(error) + '\n');
    process.exit(1);
  },
);
