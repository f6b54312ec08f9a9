/**
 * The broken set: files ingestion must refuse or partly reject, and odd but valid files it must accept, each
 * with its expected outcome in EXPECTED.md; written from code so they are reproducible.
 */
package org.sanhui.generator.broken;
