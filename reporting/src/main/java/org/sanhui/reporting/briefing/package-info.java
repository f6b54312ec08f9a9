/**
 * The briefing's content: sections, generated sentences, numbered charts and tables, built from the
 * indicator figures of one region, independent of any output format.
 */
package org.sanhui.reporting.briefing;
