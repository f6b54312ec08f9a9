/**
 * Fault injection and privacy tests of the whole command line, each step in a child JVM: kill -9 of
 * {@code sanhui ingest} and {@code sanhui analyze} at random points then a rerun compared with an
 * undisturbed run, incomplete and tampered outputs refused, and a scan of every output of a full run for
 * the input's names and phone numbers.
 */
package org.sanhui.cli.hardening;
