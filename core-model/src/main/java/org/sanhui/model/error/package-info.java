/**
 * sanhui's exception hierarchy: {@link org.sanhui.model.error.SanhuiException} and one subclass per
 * kind of failure, mapped to exit codes by the command line.
 */
package org.sanhui.model.error;
