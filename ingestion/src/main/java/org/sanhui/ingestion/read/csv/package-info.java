/**
 * CSV with encoding detection (UTF-8 with or without BOM, GBK/GB18030).
 */
package org.sanhui.ingestion.read.csv;
