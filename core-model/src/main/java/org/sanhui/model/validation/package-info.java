/**
 * The row-level business rules every reader of submissions shares ({@link org.sanhui.model.validation.RowValidator}):
 * a {@link org.sanhui.model.validation.RawRow} of cell texts and a {@link org.sanhui.model.validation.RowContext}
 * in, a {@link org.sanhui.model.validation.RowResult} out, with a record or a rejection and every located
 * problem. Pure: no I/O, no state.
 */
package org.sanhui.model.validation;
