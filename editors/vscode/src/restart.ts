// How often a crashed server is restarted: at most `max` times within `windowMs`.

export class RestartBudget {
  private times: number[] = [];

  constructor(readonly max = 4, readonly windowMs = 3 * 60 * 1000, private readonly now: () => number = Date.now) {}

  /** Record a crash; true when the server may be restarted once more. */
  crashed(): boolean {
    const t = this.now();
    this.times = this.times.filter((x) => t - x < this.windowMs);
    this.times.push(t);
    return this.times.length <= this.max;
  }

  reset(): void {
    this.times = [];
  }

  get recent(): number {
    const t = this.now();
    return this.times.filter((x) => t - x < this.windowMs).length;
  }
}
