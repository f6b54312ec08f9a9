package org.sanhui.generator.world;

import org.sanhui.model.problem.ProblemCode;

/**
 * A data row of a submission with the outcome ingestion must give it.
 *
 * @param value the row's content ({@link OrgRow}, {@link KeyPost}, {@link Activity} or {@link EvalRow})
 * @param outcome the outcome
 * @param code the problem that rejects it (or {@link ProblemCode#ALREADY_RECEIVED}), null when accepted
 * @param <T> the content type
 */
public record Row<T>(T value, Outcome outcome, ProblemCode code) {

    /**
     * Returns an accepted row.
     *
     * @param value the content
     * @param <T> the content type
     * @return the row
     */
    public static <T> Row<T> ok(T value) {
        return new Row<>(value, Outcome.ACCEPTED, null);
    }

    /**
     * Returns a rejected row.
     *
     * @param value the content
     * @param code the problem
     * @param <T> the content type
     * @return the row
     */
    public static <T> Row<T> bad(T value, ProblemCode code) {
        return new Row<>(value, Outcome.REJECTED, code);
    }

    /**
     * Returns a row already received in an earlier submission.
     *
     * @param value the content
     * @param <T> the content type
     * @return the row
     */
    public static <T> Row<T> again(T value) {
        return new Row<>(value, Outcome.ALREADY_RECEIVED, ProblemCode.ALREADY_RECEIVED);
    }
}
