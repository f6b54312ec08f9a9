/**
 * The gazetteer of national statistical division codes (2023 edition, bundled): regions by code and by
 * name within a parent, children, ancestors and scopes. The gazetteer is the denominator of every
 * coverage figure.
 */
package org.sanhui.model.region;
