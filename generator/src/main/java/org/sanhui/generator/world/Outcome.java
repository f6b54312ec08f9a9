package org.sanhui.generator.world;

/** What ingestion must do with a generated data row. */
public enum Outcome {
    /** The row is valid and accepted. */
    ACCEPTED,
    /** The row is rejected (its problem code is given beside it). */
    REJECTED,
    /** The row repeats one accepted from an earlier submission and is skipped as already received. */
    ALREADY_RECEIVED
}
