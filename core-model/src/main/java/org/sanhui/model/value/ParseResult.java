package org.sanhui.model.value;

import java.util.Objects;
import java.util.function.Function;
import org.sanhui.model.problem.Location;
import org.sanhui.model.problem.Problem;
import org.sanhui.model.problem.ProblemCode;
import org.sanhui.model.problem.Severity;

/**
 * The outcome of parsing one cell: a value, nothing (a blank or "not given" cell), an error, or a
 * value with a warning.
 *
 * <p>The four shapes:
 * <ul>
 *   <li>{@link #ok(Object)}: value, no problem;</li>
 *   <li>{@link #blank()}: no value, no problem (the cell gave nothing; whether that is allowed is
 *       the caller's business);</li>
 *   <li>{@link #error(ProblemCode, String, String)}: no value, a problem that rejects the row;</li>
 *   <li>{@link #warn(Object, ProblemCode, String, String)}: a value and a problem that does not.</li>
 * </ul>
 *
 * @param value the value, or null for a blank cell or an error
 * @param code the problem, or null when there is none
 * @param messageZh the Chinese message (saying what was expected), null exactly when code is null
 * @param messageEn the English message (saying what was expected), null exactly when code is null
 * @param <T> the value type
 */
public record ParseResult<T>(T value, ProblemCode code, String messageZh, String messageEn) {

    private static final ParseResult<?> BLANK = new ParseResult<>(null, null, null, null);

    /**
     * Checks that a problem comes with both messages and that a message never comes without one.
     *
     * @param value the value, or null for a blank cell or an error
     * @param code the problem, or null when there is none
     * @param messageZh the Chinese message, null exactly when code is null
     * @param messageEn the English message, null exactly when code is null
     * @throws IllegalArgumentException if a code lacks a message or a message lacks a code
     */
    public ParseResult {
        if (code == null && (messageZh != null || messageEn != null)) {
            throw new IllegalArgumentException("a message needs a problem code");
        }
        if (code != null && (messageZh == null || messageEn == null)) {
            throw new IllegalArgumentException("problem " + code + " needs a Chinese and an English message");
        }
    }

    /**
     * Returns a plain value.
     *
     * @param value the value, null not permitted
     * @param <T> the value type
     * @return the result, never null
     * @throws NullPointerException if value is null
     */
    public static <T> ParseResult<T> ok(T value) {
        return new ParseResult<>(Objects.requireNonNull(value, "value"), null, null, null);
    }

    /**
     * Returns the result of a cell that gave nothing.
     *
     * @param <T> the value type
     * @return the shared blank result, never null
     */
    @SuppressWarnings("unchecked")
    public static <T> ParseResult<T> blank() {
        return (ParseResult<T>) BLANK;
    }

    /**
     * Returns an error: no value.
     *
     * @param code the problem, null not permitted
     * @param messageZh the Chinese message, null not permitted
     * @param messageEn the English message, null not permitted
     * @param <T> the value type
     * @return the result, never null
     */
    public static <T> ParseResult<T> error(ProblemCode code, String messageZh, String messageEn) {
        return new ParseResult<>(null, Objects.requireNonNull(code, "code"), messageZh, messageEn);
    }

    /**
     * Returns a value with a warning.
     *
     * @param value the value, null not permitted
     * @param code the problem, null not permitted
     * @param messageZh the Chinese message, null not permitted
     * @param messageEn the English message, null not permitted
     * @param <T> the value type
     * @return the result, never null
     */
    public static <T> ParseResult<T> warn(T value, ProblemCode code, String messageZh, String messageEn) {
        return new ParseResult<>(Objects.requireNonNull(value, "value"), Objects.requireNonNull(code, "code"),
                messageZh, messageEn);
    }

    /**
     * Tells whether the cell gave nothing and nothing went wrong.
     *
     * @return true for {@link #blank()}
     */
    public boolean isBlank() {
        return value == null && code == null;
    }

    /**
     * Tells whether a value is present (with or without a warning).
     *
     * @return true when {@link #value()} is not null
     */
    public boolean present() {
        return value != null;
    }

    /**
     * Tells whether there is a problem (error or warning).
     *
     * @return true when {@link #code()} is not null
     */
    public boolean hasProblem() {
        return code != null;
    }

    /**
     * Tells whether the result is an error: a problem and no value.
     *
     * @return true for {@link #error(ProblemCode, String, String)}
     */
    public boolean isError() {
        return code != null && value == null;
    }

    /**
     * Returns the value or a fallback.
     *
     * @param fallback the value to return when there is none, may be null
     * @return the value, or the fallback
     */
    public T orElse(T fallback) {
        return value != null ? value : fallback;
    }

    /**
     * Maps the value, keeping the problem.
     *
     * @param f the mapping, null not permitted; must not return null for a non-null value
     * @param <U> the new value type
     * @return the mapped result, never null
     */
    public <U> ParseResult<U> map(Function<? super T, ? extends U> f) {
        Objects.requireNonNull(f, "f");
        if (value == null) {
            @SuppressWarnings("unchecked")
            ParseResult<U> same = (ParseResult<U>) this;
            return same;
        }
        return new ParseResult<>(Objects.requireNonNull(f.apply(value), "mapped value"), code, messageZh, messageEn);
    }

    /**
     * Turns the problem into a located {@link Problem}: severity ERROR for an error, the code's
     * default severity (at most WARNING) for a warning.
     *
     * @param location where the cell is, null not permitted
     * @param field the dataset column, may be null
     * @param shownValue the cell text as it may be shown (masked for a name, null for a phone), may be null
     * @return the problem, never null
     * @throws IllegalStateException if there is no problem
     */
    public Problem toProblem(Location location, String field, String shownValue) {
        if (code == null) {
            throw new IllegalStateException("no problem to report");
        }
        Severity s = code.defaultSeverity();
        if (value == null && s != Severity.FATAL) {
            s = Severity.ERROR;
        } else if (value != null && (s == Severity.ERROR || s == Severity.FATAL)) {
            s = Severity.WARNING;
        }
        return new Problem(code, s, location, field, shownValue, messageZh, messageEn);
    }
}
