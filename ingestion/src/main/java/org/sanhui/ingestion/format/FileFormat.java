package org.sanhui.ingestion.format;

/** The input formats ingestion reads, as sniffed from a file's bytes. */
public enum FileFormat {
    /** Office Open XML workbook (Excel 2007 and later, transitional). */
    XLSX,
    /** Excel 97-2003 workbook (BIFF8 in an OLE2 container). */
    XLS,
    /** Comma-separated text (UTF-8 with or without BOM, GBK, GB18030). */
    CSV
}
