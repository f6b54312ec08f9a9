/**
 * Personal data (DOMAIN.md section 7): masking names (王*芳) and recognising phone numbers, so that
 * problems, logs, rejects and feedback never show either.
 */
package org.sanhui.model.privacy;
