/**
 * The workbook template a county fills in.
 */
package org.sanhui.ingestion.template;
