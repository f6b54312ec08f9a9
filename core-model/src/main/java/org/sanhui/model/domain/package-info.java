/**
 * The domain of grassroots science-association work (DOMAIN.md sections 2 and 2b): the vocabulary enums,
 * each {@link org.sanhui.model.domain.Labelled} with its Chinese label and the aliases clerks write
 * ({@link org.sanhui.model.domain.Vocabulary} parses cells into them), and the validated records of the
 * warehouse datasets ({@link org.sanhui.model.domain.Organisation}, {@link org.sanhui.model.domain.KeyPersonPost},
 * {@link org.sanhui.model.domain.Activity}, {@link org.sanhui.model.domain.Evaluation},
 * {@link org.sanhui.model.domain.Submission}), each a {@link org.sanhui.model.domain.DatasetRecord}.
 */
package org.sanhui.model.domain;
