/**
 * What a file says about itself: period, county and filing date.
 */
package org.sanhui.ingestion.resolve;
