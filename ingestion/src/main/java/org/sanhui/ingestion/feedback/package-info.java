/**
 * The feedback workbook (回执) sent back to each county.
 */
package org.sanhui.ingestion.feedback;
