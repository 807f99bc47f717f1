// Throwaway git repositories for the change-detection tests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, renameSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export class TempRepo {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'mg-discover-'));

  git(...args: string[]): string {
    return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd: this.dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  init(): this {
    this.git('init', '-q', '-b', 'main');
    return this;
  }

  write(files: Record<string, string>): this {
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(this.dir, rel)), { recursive: true });
      writeFileSync(path.join(this.dir, rel), text);
    }
    return this;
  }

  move(from: string, to: string): this {
    renameSync(path.join(this.dir, from), path.join(this.dir, to));
    return this;
  }

  remove(rel: string): this {
    unlinkSync(path.join(this.dir, rel));
    return this;
  }

  commit(message: string): this {
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
    return this;
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
