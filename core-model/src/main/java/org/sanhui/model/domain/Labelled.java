package org.sanhui.model.domain;

import java.util.List;

/**
 * A vocabulary value with its canonical Chinese label and the aliases clerks write for it.
 *
 * <p>Implemented by every domain enum; {@link Vocabulary#parse(Class, String)} matches a cell
 * against the enum name, the label and the aliases.
 */
public interface Labelled {

    /**
     * Returns the canonical Chinese label, as shown in reports and templates.
     *
     * @return the label, never null
     */
    String label();

    /**
     * Returns the other spellings accepted for this value (not including the label).
     *
     * @return the aliases, never null, possibly empty
     */
    List<String> aliases();

    /**
     * Returns the English constant name, as written in Parquet and the indicator table.
     *
     * @return the enum constant name, never null
     */
    String name();
}
