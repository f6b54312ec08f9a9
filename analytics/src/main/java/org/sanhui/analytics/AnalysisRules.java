package org.sanhui.analytics;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sanhui.model.domain.Grade;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.domain.PersonRole;
import org.sanhui.model.domain.Post;
import org.sanhui.model.period.Period;

/**
 * The configurable numbers and sets analytics applies (DOMAIN.md section 4: "a default that a
 * configuration file may change"). Immutable; build with {@link #builder()}, start from {@link #DEFAULTS}.
 *
 * <p>This is analytics' own holder until core-model's {@code Rules} lands; the CLI maps its
 * configuration onto it.
 */
public final class AnalysisRules {

    /**
     * A milestone (M1): an indicator of a region that should reach a target by a deadline.
     *
     * @param name the id suffix, e.g. {@code ningxia_c1_full}; letters, digits and '_' only
     * @param regionCode the region the milestone concerns (a province, city or county code)
     * @param indicator the indicator id with its suffix, e.g. {@code C1.full}
     * @param target the target value (a rate in 0..1)
     * @param deadline the deadline date, inclusive
     */
    public record Milestone(String name, String regionCode, String indicator, double target, LocalDate deadline) {
        /**
         * Checks the parts.
         *
         * @throws IllegalArgumentException if the name has other characters than letters, digits and '_'
         */
        public Milestone {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(regionCode, "regionCode");
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(deadline, "deadline");
            if (!name.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("milestone name '" + name + "': expected letters, digits, '_' or '-'");
            }
        }
    }

    /** The defaults of DOMAIN.md section 4 and the seeds: core-model's {@code Rules.DEFAULTS}. */
    public static final AnalysisRules DEFAULTS = from(org.sanhui.model.rules.Rules.DEFAULTS);

    private final Set<PersonRole> threeRoles;
    private final Map<PersonRole, PersonRole> streetAlternatives;
    private final Set<PersonRole> keyPersonRoles;
    private final Set<Post> viceChairPosts;
    private final Map<OrgKind, Integer> yearlyActivityNorms;
    private final Map<OrgKind, Integer> yearlyConferenceNorms;
    private final int onTimeDays;
    private final double outlierThreshold;
    private final double weightCoverage;
    private final double weightThreePlusOne;
    private final double weightNorms;
    private final double weightGrades;
    private final Map<Grade, Double> gradeScores;
    private final Map<String, Period.Kind> provinceKinds;
    private final Period.Kind defaultKind;
    private final boolean proRata;
    private final List<Milestone> milestones;

    private AnalysisRules(Builder b) {
        this.threeRoles = Set.copyOf(b.threeRoles);
        this.streetAlternatives = Map.copyOf(b.streetAlternatives);
        this.keyPersonRoles = Set.copyOf(b.keyPersonRoles);
        this.viceChairPosts = Set.copyOf(b.viceChairPosts);
        this.yearlyActivityNorms = Map.copyOf(b.yearlyActivityNorms);
        this.yearlyConferenceNorms = Map.copyOf(b.yearlyConferenceNorms);
        this.onTimeDays = b.onTimeDays;
        this.outlierThreshold = b.outlierThreshold;
        this.weightCoverage = b.weightCoverage;
        this.weightThreePlusOne = b.weightThreePlusOne;
        this.weightNorms = b.weightNorms;
        this.weightGrades = b.weightGrades;
        this.gradeScores = Map.copyOf(b.gradeScores);
        this.provinceKinds = Map.copyOf(b.provinceKinds);
        this.defaultKind = b.defaultKind;
        this.proRata = b.proRata;
        this.milestones = List.copyOf(b.milestones);
        if (threeRoles.isEmpty()) {
            throw new IllegalArgumentException("threeRoles must not be empty");
        }
        if (onTimeDays < 0 || outlierThreshold <= 0) {
            throw new IllegalArgumentException("onTimeDays must be >= 0 and outlierThreshold > 0");
        }
        if (weightCoverage < 0 || weightThreePlusOne < 0 || weightNorms < 0 || weightGrades < 0
                || weightCoverage + weightThreePlusOne + weightNorms + weightGrades <= 0) {
            throw new IllegalArgumentException("R1 weights must be >= 0 with a positive sum");
        }
    }

    /**
     * Maps core-model's {@code Rules} (the configuration file's model) onto analytics' rules.
     *
     * @param r the rules, null not permitted
     * @return the analytics rules, never null
     */
    public static AnalysisRules from(org.sanhui.model.rules.Rules r) {
        Objects.requireNonNull(r, "rules");
        Map<OrgKind, Integer> activities = new EnumMap<>(OrgKind.class);
        for (OrgKind k : r.medicalNormKinds()) {
            activities.put(k, r.medicalActivitiesPerYear());
        }
        Map<OrgKind, Integer> conferences = new EnumMap<>(OrgKind.class);
        for (OrgKind k : r.conferenceNormKinds()) {
            conferences.put(k, r.conferencesPerYear());
        }
        List<Milestone> ms = new java.util.ArrayList<>();
        for (org.sanhui.model.rules.Milestone m : r.milestones()) {
            ms.add(new Milestone(m.name(), m.scope(), m.indicator(), m.target(), m.deadline()));
        }
        return builder().threeRoles(r.threeRoles()).streetAlternatives(r.streetAlternatives())
                .keyPersonRoles(r.keyPersonRoles()).viceChairPosts(r.viceChairPosts())
                .yearlyActivityNorms(activities).yearlyConferenceNorms(conferences).onTimeDays(r.timelinessDays())
                .outlierThreshold(r.outlierThreshold())
                .weights(r.weightCoverage(), r.weightRoles(), r.weightNorms(), r.weightGrades())
                .gradeScores(r.gradePoints()).reportingKinds(r.reportingFrequency(), r.provinceFrequencies())
                .proRata(r.proRata() != org.sanhui.model.rules.ProRata.NONE).milestones(ms).build();
    }

    /**
     * Returns a builder holding the defaults.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the three "3+1" roles (HOSPITAL_HEAD, SCHOOL_HEAD, AGRI_STATION_HEAD by default), never null */
    public Set<PersonRole> threeRoles() {
        return threeRoles;
    }

    /** @return for a street (街道) 科协: role that may stand in for a role of the three (AGRI -> SOCIAL_SERVICE), never null */
    public Map<PersonRole, PersonRole> streetAlternatives() {
        return streetAlternatives;
    }

    /** @return the roles counted by C3.N (every role but OTHER by default), never null */
    public Set<PersonRole> keyPersonRoles() {
        return keyPersonRoles;
    }

    /** @return the posts that count as vice-chairs (part-time and seconded), never null */
    public Set<Post> viceChairPosts() {
        return viceChairPosts;
    }

    /** @return yearly activity norms by kind (MEDICAL_SOCIETY 5), never null */
    public Map<OrgKind, Integer> yearlyActivityNorms() {
        return yearlyActivityNorms;
    }

    /** @return yearly CONFERENCE norms by kind (each grassroots society 1), never null */
    public Map<OrgKind, Integer> yearlyConferenceNorms() {
        return yearlyConferenceNorms;
    }

    /** @return days after a period's end within which a filing is on time (15) */
    public int onTimeDays() {
        return onTimeDays;
    }

    /** @return the modified z-score above which a reported count is an outlier (3.5) */
    public double outlierThreshold() {
        return outlierThreshold;
    }

    /** @return R1 weight of coverage (40) */
    public double weightCoverage() {
        return weightCoverage;
    }

    /** @return R1 weight of "3+1" (20) */
    public double weightThreePlusOne() {
        return weightThreePlusOne;
    }

    /** @return R1 weight of norms (20) */
    public double weightNorms() {
        return weightNorms;
    }

    /** @return R1 weight of grades (20) */
    public double weightGrades() {
        return weightGrades;
    }

    /** @return R1 grade scores (A 1, B 0.5, C 0), never null */
    public Map<Grade, Double> gradeScores() {
        return gradeScores;
    }

    /** @return whether yearly norms are scaled pro rata to date (ceil(norm x months / 12)) */
    public boolean proRata() {
        return proRata;
    }

    /** @return the milestones, never null */
    public List<Milestone> milestones() {
        return milestones;
    }

    /**
     * Returns the reporting frequency of a province.
     *
     * @param provinceCode the 2-digit code, null not permitted
     * @return the province's frequency, else the default (QUARTER unless configured)
     */
    public Period.Kind reportingKind(String provinceCode) {
        return provinceKinds.getOrDefault(provinceCode, defaultKind);
    }

    /** Builds {@link AnalysisRules}; starts from the defaults. */
    public static final class Builder {
        private Set<PersonRole> threeRoles =
                EnumSet.of(PersonRole.HOSPITAL_HEAD, PersonRole.SCHOOL_HEAD, PersonRole.AGRI_STATION_HEAD);
        private Map<PersonRole, PersonRole> streetAlternatives =
                Map.of(PersonRole.AGRI_STATION_HEAD, PersonRole.SOCIAL_SERVICE_HEAD);
        private Set<PersonRole> keyPersonRoles = EnumSet.complementOf(EnumSet.of(PersonRole.OTHER));
        private Set<Post> viceChairPosts = EnumSet.of(Post.PART_TIME_VICE_CHAIR, Post.SECONDED_VICE_CHAIR);
        private Map<OrgKind, Integer> yearlyActivityNorms = new EnumMap<>(Map.of(OrgKind.MEDICAL_SOCIETY, 5));
        private Map<OrgKind, Integer> yearlyConferenceNorms = new EnumMap<>(Map.of(OrgKind.SCI_EDU_SOCIETY, 1,
                OrgKind.MEDICAL_SOCIETY, 1, OrgKind.AGRI_SOCIETY, 1));
        private int onTimeDays = 15;
        private double outlierThreshold = 3.5;
        private double weightCoverage = 40;
        private double weightThreePlusOne = 20;
        private double weightNorms = 20;
        private double weightGrades = 20;
        private Map<Grade, Double> gradeScores = new EnumMap<>(Map.of(Grade.A, 1.0, Grade.B, 0.5, Grade.C, 0.0));
        private Map<String, Period.Kind> provinceKinds = Map.of();
        private Period.Kind defaultKind = Period.Kind.QUARTER;
        private boolean proRata = true;
        private List<Milestone> milestones = List.of(
                new Milestone("ningxia_c1_full", "64", "C1.full", 1.0, LocalDate.of(2023, 11, 30)),
                new Milestone("yinchuan_c3_county", "6401", "C3.county", 1.0, LocalDate.of(2019, 7, 15)),
                new Milestone("yinzhou_a7", "330212", "A7.rate", 1.0, LocalDate.of(2022, 12, 31)),
                new Milestone("tianjin_c2_township", "12", "C2.township", 1.0, LocalDate.of(2020, 12, 31)),
                new Milestone("tianjin_c2_county", "12", "C2.county", 1.0, LocalDate.of(2020, 12, 31)));

        private Builder() {
        }

        /**
         * @param v the three roles, null not permitted
         * @return this
         */
        public Builder threeRoles(Set<PersonRole> v) {
            threeRoles = Objects.requireNonNull(v, "threeRoles");
            return this;
        }

        /**
         * @param v street alternatives (role of the three -> role that may replace it), null not permitted
         * @return this
         */
        public Builder streetAlternatives(Map<PersonRole, PersonRole> v) {
            streetAlternatives = Objects.requireNonNull(v, "streetAlternatives");
            return this;
        }

        /**
         * @param v the roles C3.N counts, null not permitted
         * @return this
         */
        public Builder keyPersonRoles(Set<PersonRole> v) {
            keyPersonRoles = Objects.requireNonNull(v, "keyPersonRoles");
            return this;
        }

        /**
         * @param v the vice-chair posts, null not permitted
         * @return this
         */
        public Builder viceChairPosts(Set<Post> v) {
            viceChairPosts = Objects.requireNonNull(v, "viceChairPosts");
            return this;
        }

        /**
         * @param v yearly activity norms by kind, null not permitted
         * @return this
         */
        public Builder yearlyActivityNorms(Map<OrgKind, Integer> v) {
            yearlyActivityNorms = Objects.requireNonNull(v, "yearlyActivityNorms");
            return this;
        }

        /**
         * @param v yearly conference norms by kind, null not permitted
         * @return this
         */
        public Builder yearlyConferenceNorms(Map<OrgKind, Integer> v) {
            yearlyConferenceNorms = Objects.requireNonNull(v, "yearlyConferenceNorms");
            return this;
        }

        /**
         * @param v days after the period end that are still on time
         * @return this
         */
        public Builder onTimeDays(int v) {
            onTimeDays = v;
            return this;
        }

        /**
         * @param v the modified z-score threshold
         * @return this
         */
        public Builder outlierThreshold(double v) {
            outlierThreshold = v;
            return this;
        }

        /**
         * @param coverage weight of coverage
         * @param threePlusOne weight of "3+1"
         * @param norms weight of norms
         * @param grades weight of grades
         * @return this
         */
        public Builder weights(double coverage, double threePlusOne, double norms, double grades) {
            weightCoverage = coverage;
            weightThreePlusOne = threePlusOne;
            weightNorms = norms;
            weightGrades = grades;
            return this;
        }

        /**
         * @param v grade scores, null not permitted
         * @return this
         */
        public Builder gradeScores(Map<Grade, Double> v) {
            gradeScores = Objects.requireNonNull(v, "gradeScores");
            return this;
        }

        /**
         * @param v province codes that report monthly (the others quarterly), null not permitted
         * @return this
         */
        public Builder monthlyProvinces(Set<String> v) {
            Map<String, Period.Kind> m = new LinkedHashMap<>();
            for (String p : Objects.requireNonNull(v, "monthlyProvinces")) {
                m.put(p, Period.Kind.MONTH);
            }
            provinceKinds = m;
            defaultKind = Period.Kind.QUARTER;
            return this;
        }

        /**
         * @param byDefault the frequency of provinces not listed, null not permitted
         * @param byProvince frequency by province code, null not permitted
         * @return this
         */
        public Builder reportingKinds(Period.Kind byDefault, Map<String, Period.Kind> byProvince) {
            defaultKind = Objects.requireNonNull(byDefault, "byDefault");
            provinceKinds = Objects.requireNonNull(byProvince, "byProvince");
            return this;
        }

        /**
         * @param v whether yearly norms are scaled pro rata to date
         * @return this
         */
        public Builder proRata(boolean v) {
            proRata = v;
            return this;
        }

        /**
         * @param v the milestones, null not permitted
         * @return this
         */
        public Builder milestones(List<Milestone> v) {
            milestones = Objects.requireNonNull(v, "milestones");
            return this;
        }

        /**
         * Builds.
         *
         * @return the rules, never null
         * @throws IllegalArgumentException if a value is out of range
         */
        public AnalysisRules build() {
            return new AnalysisRules(this);
        }
    }

    @Override
    public String toString() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threeRoles", threeRoles);
        m.put("provinceKinds", provinceKinds);
        m.put("milestones", milestones.size());
        return "AnalysisRules" + m;
    }
}
