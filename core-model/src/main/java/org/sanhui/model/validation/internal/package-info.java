/**
 * Internal: cell reading and region resolution behind {@link org.sanhui.model.validation.RowValidator}.
 * Not exported.
 */
package org.sanhui.model.validation.internal;
