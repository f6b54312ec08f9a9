package org.sanhui.model.rules;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A policy milestone (M1): an indicator that should reach a target value by a deadline in a scope.
 *
 * @param name the milestone's name, used as the indicator suffix {@code M1.<name>}: letters, digits,
 *        '_' or '-', null not permitted
 * @param indicator the indicator id it watches (e.g. {@code C1.full}), null not permitted
 * @param target the target value (a rate in 0..1 for rate indicators)
 * @param deadline the last day by which the target should be met, null not permitted
 * @param scope the region code the milestone concerns ({@code 64}, {@code 6401}, {@code 330212}),
 *        null not permitted
 */
public record Milestone(String name, String indicator, double target, LocalDate deadline, String scope) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern INDICATOR = Pattern.compile("[A-Z][0-9]+\\.[A-Za-z0-9_]+");
    private static final Pattern SCOPE = Pattern.compile("00|\\d{2}|\\d{4}|\\d{6}|\\d{9}");

    /**
     * Checks the parts.
     *
     * @param name the milestone's name, used as the indicator suffix {@code M1.<name>}: letters, digits,
     *     '_' or '-', null not permitted
     * @param indicator the indicator id it watches (e.g. {@code C1.full}), null not permitted
     * @param target the target value (a rate in 0..1 for rate indicators)
     * @param deadline the last day by which the target should be met, null not permitted
     * @param scope the region code the milestone concerns ({@code 64}, {@code 6401}, {@code 330212}),
     *     null not permitted
     * @throws NullPointerException if a part is null
     * @throws IllegalArgumentException if the name, indicator or scope is malformed or the target is not finite
     */
    public Milestone {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(scope, "scope");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("milestone name '" + name
                    + "' is not valid, expected letters, digits, '_' or '-' (it becomes the indicator M1." + name + ")");
        }
        if (!INDICATOR.matcher(indicator).matches()) {
            throw new IllegalArgumentException("milestone " + name + ": indicator '" + indicator
                    + "' is not valid, expected an indicator id such as C1.full or C2.township");
        }
        if (!SCOPE.matcher(scope).matches()) {
            throw new IllegalArgumentException("milestone " + name + ": scope '" + scope
                    + "' is not valid, expected a region code of 2, 4, 6 or 9 digits (00 for the country)");
        }
        if (!Double.isFinite(target)) {
            throw new IllegalArgumentException("milestone " + name + ": target " + target + " is not a finite number");
        }
    }
}
