/** The bundled Noto Sans SC font: parsed once per process, embedded as subsets, glyph coverage checks. */
package org.sanhui.reporting.font;
