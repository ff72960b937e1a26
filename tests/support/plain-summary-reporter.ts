/**
 * Ends every test run with one plain line, `N passed, N failed, N skipped`, the closing line CI
 * reads in any language (vitest's own summary is coloured and shaped differently). A file that
 * fails outside its tests (its import or a beforeAll: its tests then count as skipped) and an
 * error no test owns each count as one failure, so the line never says "0 failed" of a red run.
 */
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError> = []): void {
    const counts = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
    for (const module of testModules) {
      let failedTests = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') failedTests += 1;
        else counts.skipped += 1;
      }
      counts.failed += failedTests;
      if (module.state() === 'failed' && failedTests === 0) counts.failed += 1;
    }
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
