/**
 * Layout detection: header rows (one or two, merged groups), column mapping, title/total/note/footer rows.
 */
package org.sanhui.ingestion.layout;
