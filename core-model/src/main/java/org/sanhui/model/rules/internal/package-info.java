/**
 * Internal: reading rules from properties. Not exported; the keys are the contract, not these classes.
 */
package org.sanhui.model.rules.internal;
