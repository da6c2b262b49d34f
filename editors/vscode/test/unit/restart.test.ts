import assert from "node:assert/strict";
import { test } from "node:test";
import { RestartBudget } from "../../src/restart";

test("restarts up to the limit within the window, then stops", () => {
  let now = 0;
  const b = new RestartBudget(3, 1000, () => now);
  assert.deepEqual([b.crashed(), b.crashed(), b.crashed(), b.crashed()], [true, true, true, false]);
  assert.equal(b.recent, 4);
});

test("old crashes leave the window", () => {
  let now = 0;
  const b = new RestartBudget(2, 1000, () => now);
  b.crashed();
  b.crashed();
  now = 1500;
  assert.equal(b.crashed(), true);
  assert.equal(b.recent, 1);
});

test("reset (the restart command) forgets the crashes", () => {
  const b = new RestartBudget(1, 1000, () => 0);
  b.crashed();
  assert.equal(b.crashed(), false);
  b.reset();
  assert.equal(b.crashed(), true);
});
