/**
 * `-maxRowsDownloaded`: how many rows a run may still download, shared by every table of a run (and
 * by both algorithms). A download that does not fit is not made, and the run is then incomplete.
 */
export class DownloadBudget {
  #left: number;

  constructor(maxRows: number) {
    this.#left = maxRows;
  }

  /** Rows still allowed. */
  get left(): number {
    return this.#left;
  }

  /** Takes `rows` from the budget; false, and nothing taken, when fewer are left. */
  reserve(rows: number): boolean {
    if (rows > this.#left) return false;
    this.#left -= rows;
    return true;
  }
}
