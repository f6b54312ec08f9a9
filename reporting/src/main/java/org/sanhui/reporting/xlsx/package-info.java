/** The xlsx workbook of every indicator table and list (Apache POI, streaming). */
package org.sanhui.reporting.xlsx;
