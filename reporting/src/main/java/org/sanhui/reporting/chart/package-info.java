/** Charts: the theme, the chart factory and the PNG/SVG files beside each briefing. */
package org.sanhui.reporting.chart;
