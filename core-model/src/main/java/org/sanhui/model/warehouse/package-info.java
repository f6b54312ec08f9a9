/**
 * The warehouse contract: {@link org.sanhui.model.warehouse.LiveManifest}, the atomically replaced list of
 * live immutable data files that readers use to find data.
 */
package org.sanhui.model.warehouse;
