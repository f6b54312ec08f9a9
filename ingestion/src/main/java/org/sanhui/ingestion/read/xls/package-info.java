/**
 * Excel 97-2003 (.xls) through POI HSSF.
 */
package org.sanhui.ingestion.read.xls;
