/**
 * The long indicator table (DOMAIN.md section 6): one {@link org.sanhui.model.indicator.IndicatorRow} per
 * figure, the one output shape of analytics.
 */
package org.sanhui.model.indicator;
