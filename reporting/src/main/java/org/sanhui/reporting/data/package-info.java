/** Reading analytics' indicator file (DOMAIN.md section 6) and looking figures up in it. */
package org.sanhui.reporting.data;
