/**
 * The configurable rules of DOMAIN.md section 4 ({@link org.sanhui.model.rules.Rules}): norms, role sets,
 * thresholds, weights, grade words, milestones, ingestion limits and the briefing masthead, with the
 * defaults of the seed documents, overridable from a {@code .properties} file (docs/configuration.md).
 */
package org.sanhui.model.rules;
