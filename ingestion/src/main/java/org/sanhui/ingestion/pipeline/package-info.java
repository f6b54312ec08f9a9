/**
 * One file through ingestion: row checks, the rules that span rows, submissions, staged outputs.
 */
package org.sanhui.ingestion.pipeline;
