/** PDF layout of a briefing with PDFBox: pages, masthead, CJK line breaking, vector charts, tables. */
package org.sanhui.reporting.pdf;
