package org.sanhui.model.rules;

import java.io.IOException;
import java.io.Reader;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.sanhui.model.domain.Grade;
import org.sanhui.model.error.InvalidInputException;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.domain.PersonRole;
import org.sanhui.model.domain.Post;
import org.sanhui.model.period.Period;
import org.sanhui.model.rules.internal.RulesProperties;
import org.sanhui.model.value.Text;

/**
 * The configurable rules of DOMAIN.md section 4: reporting frequency, activity norms, role sets,
 * thresholds, composite-score weights, grade points and grade words, milestones, ingestion limits and
 * the briefing masthead. Immutable and thread-safe.
 *
 * <p>Start from {@link #DEFAULTS} (the values the seed documents give), change it with
 * {@link #toBuilder()}, or read a {@code .properties} file with {@link #load(Path)}: every key is
 * listed in {@code docs/configuration.md} (and by {@link #keys()}); an unknown key or a bad value is
 * refused with an {@link InvalidInputException} naming the key, the value and what is expected. The
 * builder itself refuses bad values with {@link IllegalArgumentException}.
 */
public final class Rules {

    /** The defaults of DOMAIN.md section 4. */
    public static final Rules DEFAULTS = new Builder().build();

    private final Period.Kind reportingFrequency;
    private final Map<String, Period.Kind> provinceFrequencies;
    private final int medicalActivitiesPerYear;
    private final Set<OrgKind> medicalNormKinds;
    private final int conferencesPerYear;
    private final Set<OrgKind> conferenceNormKinds;
    private final ProRata proRata;
    private final Set<PersonRole> threeRoles;
    private final Map<PersonRole, PersonRole> streetAlternatives;
    private final Set<PersonRole> keyPersonRoles;
    private final Set<Post> viceChairPosts;
    private final int secondedPostYears;
    private final int timelinessDays;
    private final double outlierThreshold;
    private final int townshipSuffixLimit;
    private final double weightCoverage;
    private final double weightRoles;
    private final double weightNorms;
    private final double weightGrades;
    private final Map<Grade, Double> gradePoints;
    private final Map<Grade, Set<String>> gradeWords;
    private final Map<String, Grade> gradeIndex;
    private final List<Milestone> milestones;
    private final IngestionLimits limits;
    private final Masthead masthead;

    private Rules(Builder b) {
        this.reportingFrequency = b.reportingFrequency;
        this.provinceFrequencies = Map.copyOf(b.provinceFrequencies);
        this.medicalActivitiesPerYear = b.medicalActivitiesPerYear;
        this.medicalNormKinds = Collections.unmodifiableSet(EnumSet.copyOf(nonEmpty(b.medicalNormKinds,
                "norm.medical.kinds", OrgKind.class)));
        this.conferencesPerYear = b.conferencesPerYear;
        this.conferenceNormKinds = Collections.unmodifiableSet(EnumSet.copyOf(nonEmpty(b.conferenceNormKinds,
                "norm.conference.kinds", OrgKind.class)));
        this.proRata = b.proRata;
        this.threeRoles = Collections.unmodifiableSet(EnumSet.copyOf(nonEmpty(b.threeRoles, "roles.three",
                PersonRole.class)));
        this.streetAlternatives = Collections.unmodifiableMap(b.streetAlternatives.isEmpty()
                ? new EnumMap<>(PersonRole.class) : new EnumMap<>(b.streetAlternatives));
        this.keyPersonRoles = Collections.unmodifiableSet(EnumSet.copyOf(nonEmpty(b.keyPersonRoles,
                "roles.key_person", PersonRole.class)));
        this.viceChairPosts = Collections.unmodifiableSet(EnumSet.copyOf(nonEmpty(b.viceChairPosts,
                "roles.vice_chair_posts", Post.class)));
        this.secondedPostYears = b.secondedPostYears;
        this.timelinessDays = b.timelinessDays;
        this.outlierThreshold = b.outlierThreshold;
        this.townshipSuffixLimit = b.townshipSuffixLimit;
        this.weightCoverage = b.weightCoverage;
        this.weightRoles = b.weightRoles;
        this.weightNorms = b.weightNorms;
        this.weightGrades = b.weightGrades;
        this.gradePoints = Collections.unmodifiableMap(new EnumMap<>(b.gradePoints));
        Map<Grade, Set<String>> words = new EnumMap<>(Grade.class);
        b.gradeWords.forEach((g, w) -> words.put(g, Collections.unmodifiableSet(new LinkedHashSet<>(w))));
        this.gradeWords = Collections.unmodifiableMap(words);
        this.milestones = List.copyOf(b.milestones.values());
        this.limits = Objects.requireNonNull(b.limits, "limits");
        this.masthead = Objects.requireNonNull(b.masthead, "masthead");
        this.gradeIndex = validate();
    }

    private static <E extends Enum<E>> Set<E> nonEmpty(Set<E> set, String key, Class<E> type) {
        if (set == null || set.isEmpty()) {
            throw new IllegalArgumentException(key + " must name at least one value, expected some of "
                    + List.of(type.getEnumConstants()));
        }
        return set;
    }

    /** Checks every invariant and builds the grade-word index; messages name the configuration key. */
    private Map<String, Grade> validate() {
        Objects.requireNonNull(reportingFrequency, "reportingFrequency");
        Objects.requireNonNull(proRata, "proRata");
        if (reportingFrequency == Period.Kind.YEAR) {
            throw new IllegalArgumentException("reporting.frequency '" + reportingFrequency
                    + "' is not valid, expected QUARTER or MONTH");
        }
        for (Map.Entry<String, Period.Kind> e : provinceFrequencies.entrySet()) {
            if (!e.getKey().matches("\\d{2}") || e.getValue() == Period.Kind.YEAR) {
                throw new IllegalArgumentException("reporting.frequency." + e.getKey() + " '" + e.getValue()
                        + "' is not valid, expected a two-digit province code and QUARTER or MONTH");
            }
        }
        atLeast("norm.medical.activities_per_year", medicalActivitiesPerYear, 0);
        atLeast("norm.conference.per_year", conferencesPerYear, 0);
        atLeast("posts.seconded_years", secondedPostYears, 1);
        atLeast("submission.timeliness_days", timelinessDays, 0);
        if (townshipSuffixLimit < 1 || townshipSuffixLimit > 1000) {
            throw new IllegalArgumentException("township.suffix_limit " + townshipSuffixLimit
                    + " is not valid, expected 1..1000 (township codes end in three digits)");
        }
        if (!(outlierThreshold > 0) || !Double.isFinite(outlierThreshold)) {
            throw new IllegalArgumentException("outlier.modified_z_threshold " + outlierThreshold
                    + " is not valid, expected a positive number such as 3.5");
        }
        double[] w = {weightCoverage, weightRoles, weightNorms, weightGrades};
        String[] wk = {"r1.weight.coverage", "r1.weight.roles", "r1.weight.norms", "r1.weight.grades"};
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0) || !Double.isFinite(w[i])) {
                throw new IllegalArgumentException(wk[i] + " " + w[i] + " is not valid, expected a number of 0 or more");
            }
            sum += w[i];
        }
        if (Math.abs(sum - 100) > 1e-9) {
            throw new IllegalArgumentException("r1.weight.* sum to " + sum
                    + ", expected 100 (coverage + roles + norms + grades)");
        }
        for (Grade g : Grade.values()) {
            Double p = gradePoints.get(g);
            if (p == null || !(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("grade.points." + g + " " + p + " is not valid, expected 0..1");
            }
        }
        if (streetAlternatives.containsKey(null) || streetAlternatives.containsValue(null)) {
            throw new IllegalArgumentException("roles.street_alternatives must not hold null");
        }
        for (PersonRole r : streetAlternatives.keySet()) {
            if (!threeRoles.contains(r)) {
                throw new IllegalArgumentException("roles.street_alternatives names " + r
                        + ", which is not in roles.three " + threeRoles + "; expected ROLE:ALTERNATIVE pairs whose ROLE"
                        + " is one of roles.three");
            }
        }
        Map<String, Grade> index = new LinkedHashMap<>();
        for (Grade g : Grade.values()) {
            index.put(gradeKey(g.name()), g);
        }
        for (Map.Entry<Grade, Set<String>> e : gradeWords.entrySet()) {
            for (String word : e.getValue()) {
                String k = gradeKey(word);
                if (k.isEmpty()) {
                    throw new IllegalArgumentException("grade.words." + e.getKey() + " holds an empty word");
                }
                Grade prev = index.put(k, e.getKey());
                if (prev != null && prev != e.getKey()) {
                    throw new IllegalArgumentException("grade word '" + word + "' is given for both grade." + "words."
                            + prev + " and grade.words." + e.getKey() + "; expected each word under one grade only");
                }
            }
        }
        Set<String> names = new TreeSet<>();
        for (Milestone m : milestones) {
            if (!names.add(m.name())) {
                throw new IllegalStateException("duplicate milestone " + m.name());
            }
        }
        return Map.copyOf(index);
    }

    private static void atLeast(String key, long v, long min) {
        if (v < min) {
            throw new IllegalArgumentException(key + " " + v + " is not valid, expected a whole number of " + min
                    + " or more");
        }
    }

    private static String gradeKey(String word) {
        return Text.normalizeAll(word).replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /**
     * Returns every configuration key, in documentation order; {@code <name>} stands for a milestone's
     * name and {@code <NN>} for a two-digit province code.
     *
     * @return the keys, never null
     */
    public static List<String> keys() {
        return RulesProperties.KEYS;
    }

    /**
     * Reads rules from properties: keys not given keep their default; see {@code docs/configuration.md}.
     *
     * @param properties the properties, null not permitted
     * @return the rules, never null
     * @throws InvalidInputException for an unknown key or a bad value, naming the key, the value and
     *         what is expected
     */
    public static Rules fromProperties(Properties properties) {
        Objects.requireNonNull(properties, "properties");
        try {
            return RulesProperties.apply(DEFAULTS.toBuilder(), properties).build();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("invalid configuration: " + e.getMessage(), e);
        }
    }

    /**
     * Reads rules from a {@code .properties} file in UTF-8 (Chinese text is written as is, no
     * {@code \\u} escapes needed).
     *
     * @param file the file, null not permitted
     * @return the rules, never null
     * @throws InvalidInputException if the file cannot be read, is not UTF-8, holds an unknown key or a bad
     *         value; the message names the file, the key, the value and what is expected
     */
    public static Rules load(Path file) {
        Objects.requireNonNull(file, "file");
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            p.load(r);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("rules file " + file + " is not UTF-8 text; expected a .properties file"
                    + " saved as UTF-8", e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read rules file " + file + ": " + e.getMessage()
                    + "; expected a readable .properties file", e);
        }
        try {
            return fromProperties(p);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ": " + e.getMessage(), e.getCause());
        }
    }

    /**
     * Returns a builder holding these rules.
     *
     * @return a new builder, never null
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns a builder holding the defaults.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the reporting frequency (key {@code reporting.frequency}, default QUARTER).
     *
     * @return QUARTER or MONTH, never null
     */
    public Period.Kind reportingFrequency() {
        return reportingFrequency;
    }

    /**
     * Returns the reporting frequency of a province: its own (key {@code reporting.frequency.<NN>}, e.g.
     * Tianjin {@code 12 = MONTH}) or else {@link #reportingFrequency()}.
     *
     * @param provinceCode the two-digit province code (a longer code is cut to its province), null not permitted
     * @return QUARTER or MONTH, never null
     */
    public Period.Kind reportingFrequency(String provinceCode) {
        Objects.requireNonNull(provinceCode, "provinceCode");
        String p = provinceCode.length() > 2 ? provinceCode.substring(0, 2) : provinceCode;
        return provinceFrequencies.getOrDefault(p, reportingFrequency);
    }

    /**
     * Returns the provinces whose reporting frequency differs from the default setting.
     *
     * @return province code to frequency, never null
     */
    public Map<String, Period.Kind> provinceFrequencies() {
        return provinceFrequencies;
    }

    /**
     * Returns the yearly activity norm of medical societies (key {@code norm.medical.activities_per_year},
     * default 5).
     *
     * @return the number of activities a year
     */
    public int medicalActivitiesPerYear() {
        return medicalActivitiesPerYear;
    }

    /**
     * Returns the kinds the activity norm applies to (key {@code norm.medical.kinds}, default MEDICAL_SOCIETY).
     *
     * @return the kinds, never null or empty
     */
    public Set<OrgKind> medicalNormKinds() {
        return medicalNormKinds;
    }

    /**
     * Returns the yearly academic-conference norm (key {@code norm.conference.per_year}, default 1).
     *
     * @return the number of CONFERENCE activities a year
     */
    public int conferencesPerYear() {
        return conferencesPerYear;
    }

    /**
     * Returns the kinds the conference norm applies to (key {@code norm.conference.kinds}, default the three
     * grassroots societies).
     *
     * @return the kinds, never null or empty
     */
    public Set<OrgKind> conferenceNormKinds() {
        return conferenceNormKinds;
    }

    /**
     * Returns how annual norms are scaled to a period (key {@code norm.pro_rata}, default CEIL).
     *
     * @return the rule, never null
     */
    public ProRata proRata() {
        return proRata;
    }

    /**
     * Returns the part of an annual norm due by the end of a period: with {@link ProRata#CEIL},
     * ceil(annual x months from January to the period's end / 12), i.e. ceil(5 x q / 4) by quarter q and
     * ceil(5 x m / 12) by month m; with {@link ProRata#NONE} the annual norm.
     *
     * @param annual the annual norm, 0 or more
     * @param period the period, null not permitted
     * @return the target to date
     * @throws IllegalArgumentException if annual is negative
     */
    public int normToDate(int annual, Period period) {
        Objects.requireNonNull(period, "period");
        if (annual < 0) {
            throw new IllegalArgumentException("annual norm must be >= 0, got " + annual);
        }
        if (proRata == ProRata.NONE) {
            return annual;
        }
        int months = period.end().getMonthValue();
        return (int) Math.ceil(annual * (double) months / 12.0 - 1e-12);
    }

    /**
     * Returns the three roles of "3+1" (key {@code roles.three}, default HOSPITAL_HEAD, SCHOOL_HEAD,
     * AGRI_STATION_HEAD).
     *
     * @return the roles, never null or empty
     */
    public Set<PersonRole> threeRoles() {
        return threeRoles;
    }

    /**
     * Returns the alternatives a street (街道) may have for a role of {@link #threeRoles()} (key
     * {@code roles.street_alternatives}, default AGRI_STATION_HEAD:SOCIAL_SERVICE_HEAD).
     *
     * @return role to alternative, never null
     */
    public Map<PersonRole, PersonRole> streetAlternatives() {
        return streetAlternatives;
    }

    /**
     * Tells whether the roles present complete "3+1": every role of {@link #threeRoles()} is present,
     * or, for a street, its alternative.
     *
     * @param present the roles of the current vice-chairs, null not permitted
     * @param street whether the 科协 sits in a street (街道)
     * @return true when complete
     */
    public boolean completesThreeRoles(Set<PersonRole> present, boolean street) {
        Objects.requireNonNull(present, "present");
        for (PersonRole r : threeRoles) {
            PersonRole alt = street ? streetAlternatives.get(r) : null;
            if (!present.contains(r) && (alt == null || !present.contains(alt))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the key-person roles of "N+1" (key {@code roles.key_person}, default every role but OTHER).
     *
     * @return the roles, never null or empty
     */
    public Set<PersonRole> keyPersonRoles() {
        return keyPersonRoles;
    }

    /**
     * Returns the posts that count as vice-chairs for "3+1" (key {@code roles.vice_chair_posts}, default
     * PART_TIME_VICE_CHAIR, SECONDED_VICE_CHAIR).
     *
     * @return the posts, never null or empty
     */
    public Set<Post> viceChairPosts() {
        return viceChairPosts;
    }

    /**
     * Returns how long a seconded post without an end lasts (key {@code posts.seconded_years}, default 2).
     *
     * @return years, 1 or more
     */
    public int secondedPostYears() {
        return secondedPostYears;
    }

    /**
     * Returns the days after a period's end within which a filing is on time (key
     * {@code submission.timeliness_days}, default 15).
     *
     * @return days, 0 or more
     */
    public int timelinessDays() {
        return timelinessDays;
    }

    /**
     * Returns the modified z-score above which a reported count is an outlier (key
     * {@code outlier.modified_z_threshold}, default 3.5).
     *
     * @return the threshold, positive
     */
    public double outlierThreshold() {
        return outlierThreshold;
    }

    /**
     * Returns the township-code suffix limit: township codes whose last three digits are below it count
     * in the township denominator (key {@code township.suffix_limit}, default 400).
     *
     * @return the limit, 1..1000
     */
    public int townshipSuffixLimit() {
        return townshipSuffixLimit;
    }

    /**
     * Returns the R1 weight of coverage (key {@code r1.weight.coverage}, default 40).
     *
     * @return the weight; the four weights sum to 100
     */
    public double weightCoverage() {
        return weightCoverage;
    }

    /**
     * Returns the R1 weight of "3+1" completion (key {@code r1.weight.roles}, default 20).
     *
     * @return the weight; the four weights sum to 100
     */
    public double weightRoles() {
        return weightRoles;
    }

    /**
     * Returns the R1 weight of norm compliance (key {@code r1.weight.norms}, default 20).
     *
     * @return the weight; the four weights sum to 100
     */
    public double weightNorms() {
        return weightNorms;
    }

    /**
     * Returns the R1 weight of grades (key {@code r1.weight.grades}, default 20).
     *
     * @return the weight; the four weights sum to 100
     */
    public double weightGrades() {
        return weightGrades;
    }

    /**
     * Returns the points of each grade in R1 (keys {@code grade.points.A|B|C}, default 1, 0.5, 0).
     *
     * @return the points per grade, each in 0..1, never null
     */
    public Map<Grade, Double> gradePoints() {
        return gradePoints;
    }

    /**
     * Returns the words mapped to each grade besides its letter (keys {@code grade.words.A|B|C}, default
     * each grade's {@link Grade#label()} and {@link Grade#aliases()}).
     *
     * @return the words per grade as configured, never null
     */
    public Map<Grade, Set<String>> gradeWords() {
        return gradeWords;
    }

    /**
     * Maps a grade cell to a grade through {@link #gradeWords()} (the letters A, B, C always map).
     * Matching ignores case, spaces and full-width forms. A word not mapped is not guessed.
     *
     * @param word the cell text, may be null
     * @return the grade, or empty when the word is not mapped
     */
    public Optional<Grade> grade(String word) {
        return Optional.ofNullable(gradeIndex.get(gradeKey(word)));
    }

    /**
     * Returns the milestones (keys {@code milestone.<name>.*} and {@code milestones.defaults}).
     *
     * @return the milestones in name order of definition, never null
     */
    public List<Milestone> milestones() {
        return milestones;
    }

    /**
     * Returns the ingestion limits (keys {@code limits.*}).
     *
     * @return the limits, never null
     */
    public IngestionLimits limits() {
        return limits;
    }

    /**
     * Returns the briefing masthead (keys {@code briefing.*}).
     *
     * @return the masthead, never null
     */
    public Masthead masthead() {
        return masthead;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rules r && r.reportingFrequency == reportingFrequency
                && r.provinceFrequencies.equals(provinceFrequencies)
                && r.medicalActivitiesPerYear == medicalActivitiesPerYear && r.medicalNormKinds.equals(medicalNormKinds)
                && r.conferencesPerYear == conferencesPerYear && r.conferenceNormKinds.equals(conferenceNormKinds)
                && r.proRata == proRata && r.threeRoles.equals(threeRoles)
                && r.streetAlternatives.equals(streetAlternatives) && r.keyPersonRoles.equals(keyPersonRoles)
                && r.viceChairPosts.equals(viceChairPosts) && r.secondedPostYears == secondedPostYears
                && r.timelinessDays == timelinessDays && r.outlierThreshold == outlierThreshold
                && r.townshipSuffixLimit == townshipSuffixLimit && r.weightCoverage == weightCoverage
                && r.weightRoles == weightRoles && r.weightNorms == weightNorms && r.weightGrades == weightGrades
                && r.gradePoints.equals(gradePoints) && r.gradeWords.equals(gradeWords)
                && r.milestones.equals(milestones) && r.limits.equals(limits) && r.masthead.equals(masthead);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reportingFrequency, medicalActivitiesPerYear, conferencesPerYear, threeRoles,
                secondedPostYears, timelinessDays, outlierThreshold, milestones, limits);
    }

    @Override
    public String toString() {
        return "Rules[frequency=" + reportingFrequency + ", medical=" + medicalActivitiesPerYear + "/year, conference="
                + conferencesPerYear + "/year, threeRoles=" + threeRoles + ", secondedYears=" + secondedPostYears
                + ", timelinessDays=" + timelinessDays + ", milestones=" + milestones.size() + "]";
    }

    /** A mutable builder of {@link Rules}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {

        private Period.Kind reportingFrequency = Period.Kind.QUARTER;
        private final Map<String, Period.Kind> provinceFrequencies = new java.util.TreeMap<>();
        private int medicalActivitiesPerYear = 5;
        private Set<OrgKind> medicalNormKinds = EnumSet.of(OrgKind.MEDICAL_SOCIETY);
        private int conferencesPerYear = 1;
        private Set<OrgKind> conferenceNormKinds = EnumSet.of(OrgKind.SCI_EDU_SOCIETY, OrgKind.MEDICAL_SOCIETY,
                OrgKind.AGRI_SOCIETY);
        private ProRata proRata = ProRata.CEIL;
        private Set<PersonRole> threeRoles = EnumSet.of(PersonRole.HOSPITAL_HEAD, PersonRole.SCHOOL_HEAD,
                PersonRole.AGRI_STATION_HEAD);
        private Map<PersonRole, PersonRole> streetAlternatives = new EnumMap<>(Map.of(PersonRole.AGRI_STATION_HEAD,
                PersonRole.SOCIAL_SERVICE_HEAD));
        private Set<PersonRole> keyPersonRoles = EnumSet.complementOf(EnumSet.of(PersonRole.OTHER));
        private Set<Post> viceChairPosts = EnumSet.of(Post.PART_TIME_VICE_CHAIR, Post.SECONDED_VICE_CHAIR);
        private int secondedPostYears = 2;
        private int timelinessDays = 15;
        private double outlierThreshold = 3.5;
        private int townshipSuffixLimit = 400;
        private double weightCoverage = 40;
        private double weightRoles = 20;
        private double weightNorms = 20;
        private double weightGrades = 20;
        private final Map<Grade, Double> gradePoints = new EnumMap<>(Map.of(Grade.A, 1.0, Grade.B, 0.5, Grade.C, 0.0));
        private final Map<Grade, Set<String>> gradeWords = new EnumMap<>(Grade.class);
        private final Map<String, Milestone> milestones = new LinkedHashMap<>();
        private IngestionLimits limits = IngestionLimits.DEFAULTS;
        private Masthead masthead = Masthead.DEFAULTS;

        private Builder() {
            for (Grade g : Grade.values()) {
                Set<String> w = new LinkedHashSet<>();
                w.add(g.label());
                w.addAll(g.aliases());
                gradeWords.put(g, w);
            }
            for (Milestone m : defaultMilestones()) {
                milestones.put(m.name(), m);
            }
        }

        private Builder(Rules r) {
            reportingFrequency = r.reportingFrequency;
            provinceFrequencies.putAll(r.provinceFrequencies);
            medicalActivitiesPerYear = r.medicalActivitiesPerYear;
            medicalNormKinds = EnumSet.copyOf(r.medicalNormKinds);
            conferencesPerYear = r.conferencesPerYear;
            conferenceNormKinds = EnumSet.copyOf(r.conferenceNormKinds);
            proRata = r.proRata;
            threeRoles = EnumSet.copyOf(r.threeRoles);
            streetAlternatives = new EnumMap<>(PersonRole.class);
            streetAlternatives.putAll(r.streetAlternatives);
            keyPersonRoles = EnumSet.copyOf(r.keyPersonRoles);
            viceChairPosts = EnumSet.copyOf(r.viceChairPosts);
            secondedPostYears = r.secondedPostYears;
            timelinessDays = r.timelinessDays;
            outlierThreshold = r.outlierThreshold;
            townshipSuffixLimit = r.townshipSuffixLimit;
            weightCoverage = r.weightCoverage;
            weightRoles = r.weightRoles;
            weightNorms = r.weightNorms;
            weightGrades = r.weightGrades;
            gradePoints.putAll(r.gradePoints);
            r.gradeWords.forEach((g, w) -> gradeWords.put(g, new LinkedHashSet<>(w)));
            for (Milestone m : r.milestones) {
                milestones.put(m.name(), m);
            }
            limits = r.limits;
            masthead = r.masthead;
        }

        /**
         * Returns the four seed milestones of DOMAIN.md section 4 (M1).
         *
         * @return the default milestones, never null
         */
        public static List<Milestone> defaultMilestones() {
            return List.of(
                    new Milestone("ningxia_sanhui_full", "C1.full", 1.0, LocalDate.of(2023, 11, 30), "64"),
                    new Milestone("yinchuan_3plus1_county", "C3.county", 1.0, LocalDate.of(2019, 7, 15), "6401"),
                    new Milestone("yinzhou_service_coverage", "A7.rate", 1.0, LocalDate.of(2022, 12, 31), "330212"),
                    new Milestone("tianjin_kexie_township", "C2.township", 1.0, LocalDate.of(2020, 12, 31), "12"),
                    new Milestone("tianjin_kexie_county", "C2.county", 1.0, LocalDate.of(2020, 12, 31), "12"));
        }

        /**
         * Sets the reporting frequency.
         *
         * @param kind QUARTER or MONTH, null not permitted
         * @return this builder
         */
        public Builder reportingFrequency(Period.Kind kind) {
            this.reportingFrequency = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /**
         * Sets one province's own reporting frequency.
         *
         * @param provinceCode two digits, null not permitted (checked by {@link #build()})
         * @param kind QUARTER or MONTH, null not permitted
         * @return this builder
         */
        public Builder reportingFrequency(String provinceCode, Period.Kind kind) {
            this.provinceFrequencies.put(Objects.requireNonNull(provinceCode, "provinceCode"),
                    Objects.requireNonNull(kind, "kind"));
            return this;
        }

        /**
         * Sets the yearly activity norm of medical societies.
         *
         * @param n activities a year, 0 or more (checked by {@link #build()})
         * @return this builder
         */
        public Builder medicalActivitiesPerYear(int n) {
            this.medicalActivitiesPerYear = n;
            return this;
        }

        /**
         * Sets the kinds the activity norm applies to.
         *
         * @param kinds the kinds, null not permitted, not empty (checked by {@link #build()})
         * @return this builder
         */
        public Builder medicalNormKinds(Set<OrgKind> kinds) {
            this.medicalNormKinds = kinds.isEmpty() ? EnumSet.noneOf(OrgKind.class) : EnumSet.copyOf(kinds);
            return this;
        }

        /**
         * Sets the yearly conference norm.
         *
         * @param n conferences a year, 0 or more (checked by {@link #build()})
         * @return this builder
         */
        public Builder conferencesPerYear(int n) {
            this.conferencesPerYear = n;
            return this;
        }

        /**
         * Sets the kinds the conference norm applies to.
         *
         * @param kinds the kinds, null not permitted, not empty (checked by {@link #build()})
         * @return this builder
         */
        public Builder conferenceNormKinds(Set<OrgKind> kinds) {
            this.conferenceNormKinds = kinds.isEmpty() ? EnumSet.noneOf(OrgKind.class) : EnumSet.copyOf(kinds);
            return this;
        }

        /**
         * Sets the pro-rata rule.
         *
         * @param rule the rule, null not permitted
         * @return this builder
         */
        public Builder proRata(ProRata rule) {
            this.proRata = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * Sets the three roles of "3+1".
         *
         * @param roles the roles, null not permitted, not empty (checked by {@link #build()})
         * @return this builder
         */
        public Builder threeRoles(Set<PersonRole> roles) {
            this.threeRoles = roles.isEmpty() ? EnumSet.noneOf(PersonRole.class) : EnumSet.copyOf(roles);
            return this;
        }

        /**
         * Sets the street alternatives (role of {@link #threeRoles(Set)} to the role a street may have instead).
         *
         * @param alternatives the pairs, null not permitted, possibly empty
         * @return this builder
         */
        public Builder streetAlternatives(Map<PersonRole, PersonRole> alternatives) {
            this.streetAlternatives = new EnumMap<>(PersonRole.class);
            this.streetAlternatives.putAll(alternatives);
            return this;
        }

        /**
         * Sets the key-person roles of "N+1".
         *
         * @param roles the roles, null not permitted, not empty (checked by {@link #build()})
         * @return this builder
         */
        public Builder keyPersonRoles(Set<PersonRole> roles) {
            this.keyPersonRoles = roles.isEmpty() ? EnumSet.noneOf(PersonRole.class) : EnumSet.copyOf(roles);
            return this;
        }

        /**
         * Sets the posts that count as vice-chairs.
         *
         * @param posts the posts, null not permitted, not empty (checked by {@link #build()})
         * @return this builder
         */
        public Builder viceChairPosts(Set<Post> posts) {
            this.viceChairPosts = posts.isEmpty() ? EnumSet.noneOf(Post.class) : EnumSet.copyOf(posts);
            return this;
        }

        /**
         * Sets the length of a seconded post without an end.
         *
         * @param years 1 or more (checked by {@link #build()})
         * @return this builder
         */
        public Builder secondedPostYears(int years) {
            this.secondedPostYears = years;
            return this;
        }

        /**
         * Sets the timeliness window.
         *
         * @param days days after the period end, 0 or more (checked by {@link #build()})
         * @return this builder
         */
        public Builder timelinessDays(int days) {
            this.timelinessDays = days;
            return this;
        }

        /**
         * Sets the outlier threshold.
         *
         * @param threshold a positive modified z-score (checked by {@link #build()})
         * @return this builder
         */
        public Builder outlierThreshold(double threshold) {
            this.outlierThreshold = threshold;
            return this;
        }

        /**
         * Sets the township-code suffix limit.
         *
         * @param limit 1..1000 (checked by {@link #build()})
         * @return this builder
         */
        public Builder townshipSuffixLimit(int limit) {
            this.townshipSuffixLimit = limit;
            return this;
        }

        /**
         * Sets the R1 weights; they must sum to 100 (checked by {@link #build()}).
         *
         * @param coverage weight of coverage
         * @param roles weight of "3+1"
         * @param norms weight of norms
         * @param grades weight of grades
         * @return this builder
         */
        public Builder weights(double coverage, double roles, double norms, double grades) {
            this.weightCoverage = coverage;
            this.weightRoles = roles;
            this.weightNorms = norms;
            this.weightGrades = grades;
            return this;
        }

        /**
         * Sets the R1 points of a grade.
         *
         * @param grade the grade, null not permitted
         * @param points 0..1 (checked by {@link #build()})
         * @return this builder
         */
        public Builder gradePoints(Grade grade, double points) {
            this.gradePoints.put(Objects.requireNonNull(grade, "grade"), points);
            return this;
        }

        /**
         * Replaces the words mapped to a grade (its letter always maps).
         *
         * @param grade the grade, null not permitted
         * @param words the words, null not permitted, possibly empty
         * @return this builder
         */
        public Builder gradeWords(Grade grade, Set<String> words) {
            this.gradeWords.put(Objects.requireNonNull(grade, "grade"), new LinkedHashSet<>(words));
            return this;
        }

        /**
         * Adds a milestone, replacing one of the same name.
         *
         * @param milestone the milestone, null not permitted
         * @return this builder
         */
        public Builder milestone(Milestone milestone) {
            this.milestones.put(milestone.name(), milestone);
            return this;
        }

        /**
         * Removes every milestone (the defaults included).
         *
         * @return this builder
         */
        public Builder clearMilestones() {
            this.milestones.clear();
            return this;
        }

        /**
         * Sets the ingestion limits.
         *
         * @param limits the limits, null not permitted
         * @return this builder
         */
        public Builder limits(IngestionLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Sets the briefing masthead.
         *
         * @param masthead the masthead, null not permitted
         * @return this builder
         */
        public Builder masthead(Masthead masthead) {
            this.masthead = Objects.requireNonNull(masthead, "masthead");
            return this;
        }

        /**
         * Builds and validates the rules.
         *
         * @return the rules, never null
         * @throws IllegalArgumentException if a value is out of range, naming its configuration key
         */
        public Rules build() {
            return new Rules(this);
        }
    }
}
