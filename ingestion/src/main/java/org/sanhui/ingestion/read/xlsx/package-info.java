/**
 * xlsx through fastexcel-reader, streaming.
 */
package org.sanhui.ingestion.read.xlsx;
