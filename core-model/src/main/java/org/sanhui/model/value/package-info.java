/**
 * Value normalisation every reader shares: {@link org.sanhui.model.value.Text} (full-width to
 * half-width, white space), the "not given" tokens ({@link org.sanhui.model.value.NotGiven}), and
 * parsers of dates ({@link org.sanhui.model.value.Dates}, Excel serials included), yes/no cells
 * ({@link org.sanhui.model.value.Booleans}) and numbers ({@link org.sanhui.model.value.Numbers}), each
 * returning a {@link org.sanhui.model.value.ParseResult} rather than throwing.
 */
package org.sanhui.model.value;
