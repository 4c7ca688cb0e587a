// Type-checks each runtime with its own settings (strict everywhere):
//   tsconfig.json           shared/ alone: no Node, no DOM
//   tsconfig.node.json      the main process, migrations, scripts' TypeScript, Node tests
//   tsconfig.renderer.json  the React renderer: DOM, no Node
//   tsconfig.shell.json     electron/shell against Electron's own electron.d.ts
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const projects = ['tsconfig.json', 'tsconfig.node.json', 'tsconfig.renderer.json', 'tsconfig.shell.json'].filter((file) => existsSync(file));

function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project, '--pretty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ project, code, output }));
  });
}

// Two at a time: these machines have two cores.
const results = [];
for (let index = 0; index < projects.length; index += 2) {
  results.push(...(await Promise.all(projects.slice(index, index + 2).map(check))));
}
let failed = false;
for (const { project, code, output } of results) {
  console.log(`${code === 0 ? '✓' : '✗'} ${project}`);
  if (code !== 0) {
    failed = true;
    process.stdout.write(output);
  }
}
process.exit(failed ? 1 : 0);
