package org.sanhui.model.validation;

import java.util.List;
import org.sanhui.model.problem.Problem;

/**
 * The outcome of validating one row: the record, or null when the row is rejected, and every problem
 * found in it (errors and warnings alike).
 *
 * @param record the validated record, or null when rejected
 * @param problems the problems, never null
 * @param <T> the record type
 */
public record RowResult<T>(T record, List<Problem> problems) {

    /**
     * Copies the problems and checks that a record comes without errors.
     *
     * @param record the validated record, or null when rejected
     * @param problems the problems, never null
     * @throws IllegalArgumentException if a record is given with a rejecting problem, or no record without one
     */
    public RowResult {
        problems = List.copyOf(problems);
        boolean rejecting = false;
        for (Problem p : problems) {
            rejecting |= p.rejects();
        }
        if (record != null && rejecting) {
            throw new IllegalArgumentException("a record cannot come with a rejecting problem: " + problems);
        }
        if (record == null && !rejecting) {
            throw new IllegalArgumentException("a rejected row needs at least one rejecting problem");
        }
    }

    /**
     * Tells whether the row is rejected.
     *
     * @return true when there is no record
     */
    public boolean rejected() {
        return record == null;
    }

    /**
     * Returns the problems that do not reject (warnings and infos).
     *
     * @return the warnings, never null
     */
    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.rejects()).toList();
    }
}
