/**
 * Readers that turn a file into named sheets of raw rows; one format per sub-package, found by ServiceLoader.
 */
package org.sanhui.ingestion.read;
