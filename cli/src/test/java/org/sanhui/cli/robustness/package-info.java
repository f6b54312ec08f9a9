/**
 * The robustness harness: a deterministic corpus of odd and hostile submission files
 * ({@link org.sanhui.cli.robustness.CorpusBuilder}), fed one by one to {@code sanhui validate} in a child
 * JVM each ({@link org.sanhui.cli.robustness.ValidateHarness}), every outcome classified as parsed, clean
 * error, crash, hang, out of memory or loss ({@link org.sanhui.cli.robustness.Outcome}).
 */
package org.sanhui.cli.robustness;
