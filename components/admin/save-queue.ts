// The editor's save state machine, free of React so it can be tested on its own. Saves run one at a time, in order;
// every change is counted, and "saved" is shown only when the server holds the latest change. A change that arrives
// while a save is in flight leaves the story dirty, and (with autosave) is saved again once that save returns.

export type SaveKind = "idle" | "dirty" | "saving" | "saved" | "error" | "conflict";
export interface SaveState {
  kind: SaveKind;
  message?: string;
  at?: string;
}
export type SaveMode = "autosave" | "manual";
export type SaveOutcome = { ok: true; at: string; message?: string } | { ok: false; conflict?: boolean; message?: string };

export interface SaveQueueOptions<T> {
  /** Reads what is on screen now; called when a save starts, never earlier. */
  read: () => T;
  send: (snapshot: T, mode: SaveMode) => Promise<SaveOutcome>;
  onState: (state: SaveState) => void;
  autosave: boolean;
  autosaveDelayMs: number;
}

export class SaveQueue<T> {
  private edits = 0;
  private savedEdits = 0;
  private running = 0;
  private chain: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private conflicted = false;
  private state: SaveState;

  constructor(
    private options: SaveQueueOptions<T>,
    initial: SaveState = { kind: "idle" },
    /** Starts with unsaved changes (an old version loaded into the editor, not yet stored). */
    dirty = false,
  ) {
    this.state = initial;
    if (dirty) this.edits = 1;
  }

  configure(options: Partial<Pick<SaveQueueOptions<T>, "read" | "send" | "onState" | "autosave">>): void {
    this.options = { ...this.options, ...options };
    if (!this.options.autosave) this.cancelTimer();
    else if (this.dirty && !this.timer && this.running === 0 && this.state.kind === "dirty") this.schedule();
  }

  /** True while what is on screen differs from what the server last acknowledged. */
  get dirty(): boolean {
    return this.edits !== this.savedEdits;
  }

  /** True while a save is queued or in flight. */
  get busy(): boolean {
    return this.running > 0;
  }

  get current(): SaveState {
    return this.state;
  }

  /** Something on screen changed (any field, any source). */
  changed(): void {
    this.edits += 1;
    if (!this.conflicted) this.setState({ kind: "dirty" });
    this.schedule();
  }

  /** Forgets unsaved changes, e.g. before reloading from the server. */
  discard(): void {
    this.savedEdits = this.edits;
    this.cancelTimer();
  }

  /** Queues a save of whatever is on screen when its turn comes. Resolves true when the server took it. */
  save(mode: SaveMode): Promise<boolean> {
    this.cancelTimer();
    this.running += 1;
    const run = this.chain.then(() => this.attempt(mode)).finally(() => {
      this.running -= 1;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Leaves the conflict state once the person has chosen how to merge; autosave runs again. */
  resume(): void {
    this.conflicted = false;
    if (this.dirty) {
      this.setState({ kind: "dirty" });
      this.schedule();
    }
  }

  /** True while a conflict waits for the person's choice. */
  get inConflict(): boolean {
    return this.conflicted;
  }

  /** Runs a task in turn with the saves (e.g. taking in a colleague's save), never while one is in flight. */
  exclusive<R>(task: () => Promise<R>): Promise<R> {
    this.running += 1;
    const run = this.chain.then(task).finally(() => {
      this.running -= 1;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    this.cancelTimer();
  }

  private async attempt(mode: SaveMode): Promise<boolean> {
    if (this.conflicted) return false;
    // An autosave queued behind a save that already stored everything has nothing left to do.
    if (mode === "autosave" && !this.dirty) return true;
    const upTo = this.edits;
    const snapshot = this.options.read();
    this.setState({ kind: "saving" });
    let outcome: SaveOutcome;
    try {
      outcome = await this.options.send(snapshot, mode);
    } catch {
      outcome = { ok: false, message: "Not saved: the server could not be reached. Try again." };
    }
    if (outcome.ok) {
      this.savedEdits = Math.max(this.savedEdits, upTo);
      if (this.dirty) {
        // Changed while the save was in flight: the server holds an older text, so say so and save again.
        this.setState({ kind: "dirty", at: outcome.at });
        this.schedule();
      } else {
        this.setState({ kind: "saved", at: outcome.at, message: outcome.message });
      }
      return true;
    }
    if (outcome.conflict) {
      this.conflicted = true;
      this.cancelTimer();
      this.setState({ kind: "conflict", message: outcome.message });
      return false;
    }
    this.setState({ kind: "error", message: outcome.message ?? "Not saved." });
    return false;
  }

  private schedule(): void {
    if (!this.options.autosave || this.conflicted) return;
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.save("autosave");
    }, this.options.autosaveDelayMs);
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(state: SaveState): void {
    this.state = state;
    this.options.onState(state);
  }
}
