/**
 * The truth of a generated sample: the indicator figures and lists the generator knows from its own model
 * (computed independently of sanhui's analytics), and the rows each file and sheet must accept, reject and skip.
 */
package org.sanhui.generator.truth;
