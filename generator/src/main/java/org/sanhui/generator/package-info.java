/**
 * The deterministic dataset generator: {@link org.sanhui.generator.Generator#generate} writes, for a scope and
 * a span of quarters, either the submissions a province's counties send (xlsx, xls, CSV) with their
 * {@code truth.json}, or a ready warehouse of Parquet files; {@link org.sanhui.generator.broken.BrokenSetWriter}
 * writes the broken set. The same options and seed always give byte-identical output.
 */
package org.sanhui.generator;
