/**
 * Format sniffing from bytes and the safety checks run before any parser sees a file.
 */
package org.sanhui.ingestion.format;
