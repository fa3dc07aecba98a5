/**
 * What a front end (a command, the terminal UI) is given to run with: the
 * process's streams, working directory and environment. Passed in rather
 * than read from `process`, so tests can run the CLI and the UI in-process.
 */
export interface CommandIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
}
