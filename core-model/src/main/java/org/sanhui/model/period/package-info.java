/**
 * Reporting periods: months, quarters and years, parsed from every form clerks write
 * ({@code 2024Q3}, {@code 2024年第三季度}, {@code 2024-07}, ...), with their dates and neighbours.
 */
package org.sanhui.model.period;
