package org.sanhui.model.rules.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sanhui.model.domain.Grade;
import org.sanhui.model.domain.Labelled;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.domain.PersonRole;
import org.sanhui.model.domain.Post;
import org.sanhui.model.domain.Vocabulary;
import org.sanhui.model.period.Period;
import org.sanhui.model.rules.IngestionLimits;
import org.sanhui.model.rules.Masthead;
import org.sanhui.model.rules.Milestone;
import org.sanhui.model.rules.ProRata;
import org.sanhui.model.rules.Rules;

/**
 * Reads {@link Rules} from properties. Kept out of the API: the key list is the contract, documented in
 * docs/configuration.md and checked against docs/sanhui.example.properties by a test.
 */
public final class RulesProperties {

    /** Every key, in documentation order; {@code <name>} and {@code <NN>} are placeholders. */
    public static final List<String> KEYS = List.of(
            "reporting.frequency", "reporting.frequency.<NN>",
            "norm.medical.activities_per_year", "norm.medical.kinds",
            "norm.conference.per_year", "norm.conference.kinds", "norm.pro_rata",
            "roles.three", "roles.street_alternatives", "roles.key_person", "roles.vice_chair_posts",
            "posts.seconded_years", "submission.timeliness_days", "outlier.modified_z_threshold",
            "township.suffix_limit",
            "r1.weight.coverage", "r1.weight.roles", "r1.weight.norms", "r1.weight.grades",
            "grade.points.A", "grade.points.B", "grade.points.C",
            "grade.words.A", "grade.words.B", "grade.words.C",
            "milestones.defaults",
            "milestone.<name>.indicator", "milestone.<name>.target", "milestone.<name>.deadline",
            "milestone.<name>.scope",
            "limits.max_file_bytes", "limits.max_cells", "limits.max_cell_chars", "limits.max_zip_inflation_ratio",
            "limits.max_zip_entries", "limits.max_columns",
            "briefing.issuer.<NN>", "briefing.report_to", "briefing.copy_to", "briefing.distribute_to");

    private static final Pattern MILESTONE = Pattern.compile("milestone\\.([A-Za-z0-9_-]+)\\.(indicator|target|deadline|scope)");
    private static final Pattern ISSUER = Pattern.compile("briefing\\.issuer\\.(\\d{2})");
    private static final Pattern FREQUENCY = Pattern.compile("reporting\\.frequency\\.(\\d{2})");
    private static final Pattern SPLIT = Pattern.compile("[,，、;；\\s]+");

    private RulesProperties() {
    }

    /**
     * Tells whether a key is one of {@link #KEYS} (placeholders filled).
     *
     * @param key the key, null not permitted
     * @return true if known
     */
    public static boolean known(String key) {
        return KEYS.contains(key) || MILESTONE.matcher(key).matches() || ISSUER.matcher(key).matches()
                || FREQUENCY.matcher(key).matches();
    }

    /**
     * Applies properties to a builder.
     *
     * @param b the builder, null not permitted
     * @param p the properties, null not permitted
     * @return the builder
     * @throws IllegalArgumentException for an unknown key or a bad value
     */
    public static Rules.Builder apply(Rules.Builder b, Properties p) {
        Map<String, String> props = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            props.put(k.strip(), p.getProperty(k).strip());
        }
        List<String> unknown = new ArrayList<>();
        for (String k : props.keySet()) {
            if (!known(k)) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown configuration key" + (unknown.size() > 1 ? "s " : " ") + unknown
                    + ", expected one of " + KEYS);
        }
        Rules current = b.build();
        for (Map.Entry<String, String> e : props.entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            switch (k) {
                case "reporting.frequency" -> {
                    String f = v.toUpperCase(Locale.ROOT);
                    if (!f.equals("QUARTER") && !f.equals("MONTH")) {
                        throw bad(k, v, "QUARTER or MONTH");
                    }
                    b.reportingFrequency(Period.Kind.valueOf(f));
                }
                case "norm.medical.activities_per_year" -> b.medicalActivitiesPerYear(integer(k, v, 0, 10_000));
                case "norm.medical.kinds" -> b.medicalNormKinds(enums(k, v, OrgKind.class));
                case "norm.conference.per_year" -> b.conferencesPerYear(integer(k, v, 0, 10_000));
                case "norm.conference.kinds" -> b.conferenceNormKinds(enums(k, v, OrgKind.class));
                case "norm.pro_rata" -> {
                    try {
                        b.proRata(ProRata.valueOf(v.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException ex) {
                        throw bad(k, v, "CEIL or NONE");
                    }
                }
                case "roles.three" -> b.threeRoles(enums(k, v, PersonRole.class));
                case "roles.street_alternatives" -> b.streetAlternatives(pairs(k, v));
                case "roles.key_person" -> b.keyPersonRoles(enums(k, v, PersonRole.class));
                case "roles.vice_chair_posts" -> b.viceChairPosts(enums(k, v, Post.class));
                case "posts.seconded_years" -> b.secondedPostYears(integer(k, v, 1, 50));
                case "submission.timeliness_days" -> b.timelinessDays(integer(k, v, 0, 366));
                case "outlier.modified_z_threshold" -> b.outlierThreshold(decimal(k, v, 0, 1000, false));
                case "township.suffix_limit" -> b.townshipSuffixLimit(integer(k, v, 1, 1000));
                case "r1.weight.coverage", "r1.weight.roles", "r1.weight.norms", "r1.weight.grades" -> {
                    // applied together below, so that the sum is checked once
                }
                case "grade.points.A", "grade.points.B", "grade.points.C" ->
                        b.gradePoints(Grade.valueOf(k.substring(k.length() - 1)), decimal(k, v, 0, 1, true));
                case "grade.words.A", "grade.words.B", "grade.words.C" -> {
                    Set<String> words = new LinkedHashSet<>();
                    for (String w : SPLIT.split(v)) {
                        if (!w.isEmpty()) {
                            words.add(w);
                        }
                    }
                    b.gradeWords(Grade.valueOf(k.substring(k.length() - 1)), words);
                }
                case "milestones.defaults" -> {
                    if (!bool(k, v)) {
                        b.clearMilestones(); // milestone.<name>.* keys below may add some back
                    }
                }
                case "limits.max_file_bytes", "limits.max_cells", "limits.max_cell_chars",
                        "limits.max_zip_inflation_ratio", "limits.max_zip_entries", "limits.max_columns" -> {
                    // applied together below
                }
                case "briefing.report_to", "briefing.copy_to", "briefing.distribute_to" -> {
                    // applied together below
                }
                default -> {
                    Matcher fm = FREQUENCY.matcher(k);
                    if (fm.matches()) {
                        String f = v.toUpperCase(Locale.ROOT);
                        if (!f.equals("QUARTER") && !f.equals("MONTH")) {
                            throw bad(k, v, "QUARTER or MONTH");
                        }
                        b.reportingFrequency(fm.group(1), Period.Kind.valueOf(f));
                    }
                    // milestone.* and briefing.issuer.* applied below
                }
            }
        }
        if (props.keySet().stream().anyMatch(k -> k.startsWith("r1.weight."))) {
            b.weights(decimal("r1.weight.coverage", props.getOrDefault("r1.weight.coverage",
                            Double.toString(current.weightCoverage())), 0, 100, true),
                    decimal("r1.weight.roles", props.getOrDefault("r1.weight.roles",
                            Double.toString(current.weightRoles())), 0, 100, true),
                    decimal("r1.weight.norms", props.getOrDefault("r1.weight.norms",
                            Double.toString(current.weightNorms())), 0, 100, true),
                    decimal("r1.weight.grades", props.getOrDefault("r1.weight.grades",
                            Double.toString(current.weightGrades())), 0, 100, true));
        }
        applyMilestones(b, props, current);
        applyLimits(b, props, current.limits());
        applyMasthead(b, props, current.masthead());
        return b;
    }

    private static void applyMilestones(Rules.Builder b, Map<String, String> props, Rules current) {
        Map<String, Map<String, String>> parts = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : props.entrySet()) {
            Matcher m = MILESTONE.matcher(e.getKey());
            if (m.matches()) {
                parts.computeIfAbsent(m.group(1), x -> new LinkedHashMap<>()).put(m.group(2), e.getValue());
            }
        }
        Map<String, Milestone> base = new LinkedHashMap<>();
        for (Milestone m : Rules.Builder.defaultMilestones()) {
            base.put(m.name(), m);
        }
        for (Milestone m : current.milestones()) {
            base.put(m.name(), m);
        }
        for (Map.Entry<String, Map<String, String>> e : parts.entrySet()) {
            String name = e.getKey();
            Map<String, String> f = e.getValue();
            Milestone old = base.get(name);
            String prefix = "milestone." + name + ".";
            for (String part : List.of("indicator", "target", "deadline", "scope")) {
                if (old == null && !f.containsKey(part)) {
                    throw new IllegalArgumentException("milestone " + name + " lacks " + prefix + part
                            + ", expected all of " + prefix + "indicator, .target, .deadline and .scope for a new milestone");
                }
            }
            String indicator = f.getOrDefault("indicator", old == null ? null : old.indicator());
            double target = f.containsKey("target") ? decimal(prefix + "target", f.get("target"), -1e12, 1e12, true)
                    : old.target();
            LocalDate deadline;
            if (f.containsKey("deadline")) {
                try {
                    deadline = LocalDate.parse(f.get("deadline"));
                } catch (DateTimeParseException ex) {
                    throw bad(prefix + "deadline", f.get("deadline"), "a date written yyyy-MM-dd such as 2023-11-30");
                }
            } else {
                deadline = old.deadline();
            }
            String scope = f.getOrDefault("scope", old == null ? null : old.scope());
            try {
                b.milestone(new Milestone(name, indicator, target, deadline, scope));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(prefix + "*: " + ex.getMessage(), ex);
            }
        }
    }

    private static void applyLimits(Rules.Builder b, Map<String, String> props, IngestionLimits l) {
        if (props.keySet().stream().noneMatch(k -> k.startsWith("limits."))) {
            return;
        }
        b.limits(new IngestionLimits(
                longValue("limits.max_file_bytes", props, l.maxFileBytes()),
                longValue("limits.max_cells", props, l.maxCells()),
                (int) Math.min(Integer.MAX_VALUE, longValue("limits.max_cell_chars", props, l.maxCellChars())),
                (int) Math.min(Integer.MAX_VALUE, longValue("limits.max_zip_inflation_ratio", props,
                        l.maxZipInflationRatio())),
                (int) Math.min(Integer.MAX_VALUE, longValue("limits.max_zip_entries", props, l.maxZipEntries())),
                (int) Math.min(Integer.MAX_VALUE, longValue("limits.max_columns", props, l.maxColumns()))));
    }

    private static long longValue(String key, Map<String, String> props, long fallback) {
        String v = props.get(key);
        if (v == null) {
            return fallback;
        }
        long max = key.equals("limits.max_file_bytes") || key.equals("limits.max_cells") ? Long.MAX_VALUE
                : Integer.MAX_VALUE;
        try {
            long n = Long.parseLong(v.replace("_", ""));
            if (n < 1 || n > max) {
                throw bad(key, v, "a whole number from 1 to " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(key, v, "a whole number from 1 to " + max);
        }
    }

    private static void applyMasthead(Rules.Builder b, Map<String, String> props, Masthead m) {
        Map<String, String> issuers = new TreeMap<>(m.issuers());
        boolean any = false;
        for (Map.Entry<String, String> e : props.entrySet()) {
            Matcher im = ISSUER.matcher(e.getKey());
            if (im.matches()) {
                any = true;
                if (e.getValue().isEmpty()) {
                    throw bad(e.getKey(), e.getValue(), "the issuing body's name, e.g. 宁夏回族自治区科学技术协会");
                }
                issuers.put(im.group(1), e.getValue());
            }
        }
        String report = props.get("briefing.report_to");
        String copy = props.get("briefing.copy_to");
        String dist = props.get("briefing.distribute_to");
        if (any || report != null || copy != null || dist != null) {
            b.masthead(new Masthead(issuers, report != null ? report : m.reportTo(), copy != null ? copy : m.copyTo(),
                    dist != null ? dist : m.distributeTo()));
        }
    }

    private static <E extends Enum<E> & Labelled> Set<E> enums(String key, String value, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        for (String w : SPLIT.split(value)) {
            if (w.isEmpty()) {
                continue;
            }
            out.add(Vocabulary.parse(type, w).orElseThrow(() -> bad(key, value,
                    "a comma-separated list of " + List.of(type.getEnumConstants()) + " (unknown: '" + w + "')")));
        }
        if (out.isEmpty()) {
            throw bad(key, value, "at least one of " + List.of(type.getEnumConstants()));
        }
        return out;
    }

    private static Map<PersonRole, PersonRole> pairs(String key, String value) {
        Map<PersonRole, PersonRole> out = new EnumMap<>(PersonRole.class);
        for (String w : SPLIT.split(value)) {
            if (w.isEmpty()) {
                continue;
            }
            String[] ab = w.split("[:：]", -1);
            String expected = "comma-separated ROLE:ALTERNATIVE pairs of " + List.of(PersonRole.values())
                    + ", e.g. AGRI_STATION_HEAD:SOCIAL_SERVICE_HEAD";
            if (ab.length != 2) {
                throw bad(key, value, expected);
            }
            PersonRole a = Vocabulary.parse(PersonRole.class, ab[0]).orElseThrow(() -> bad(key, value, expected));
            PersonRole c = Vocabulary.parse(PersonRole.class, ab[1]).orElseThrow(() -> bad(key, value, expected));
            out.put(a, c);
        }
        return out;
    }

    private static int integer(String key, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, value, "a whole number from " + min + " to " + max);
    }

    private static double decimal(String key, String value, double min, double max, boolean minInclusive) {
        try {
            double d = Double.parseDouble(value);
            if (Double.isFinite(d) && (minInclusive ? d >= min : d > min) && d <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, value, "a number " + (minInclusive ? "from " + min : "above " + min) + " to " + max);
    }

    private static boolean bool(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw bad(key, value, "true or false");
        };
    }

    private static IllegalArgumentException bad(String key, String value, String expected) {
        return new IllegalArgumentException("configuration key " + key + " has value '" + value + "', expected "
                + expected);
    }
}
