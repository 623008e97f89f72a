import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'

/**
 * Copies the repository's working tree as a fresh clone would have it, uncommitted changes
 * included: the files git tracks or would track (not ignored), so no node_modules, no dist,
 * no data. What a `docker build` context holds, minus .dockerignore's other exclusions.
 */
export function copyWorkingTree(repoRoot: string, destination: string): void {
  const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
  })
  // A tracked file deleted in the working tree is listed but gone: leave it out, as a commit would.
  const files = listed
    .split('\0')
    .filter((file) => file !== '' && existsSync(path.join(repoRoot, file)))
  mkdirSync(destination, { recursive: true })
  const archive = path.join(destination, '..', `${path.basename(destination)}.tar`)
  run('tar', ['--null', '--files-from=-', '--create', `--file=${archive}`], {
    cwd: repoRoot,
    input: files.join('\0'),
  })
  run('tar', ['--extract', `--file=${archive}`, `--directory=${destination}`], { cwd: repoRoot })
}

function run(command: string, args: string[], options: { cwd: string; input?: string }): string {
  const result = spawnSync(command, args, { ...options, encoding: 'utf8', maxBuffer: 64 << 20 })
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`)
  }
  return result.stdout
}
