package org.sanhui.analytics;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sanhui.model.domain.Grade;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.domain.PersonRole;
import org.sanhui.model.domain.Post;
import org.sanhui.model.period.Period;
import org.sanhui.model.rules.Milestone;
import org.sanhui.model.rules.ProRata;
import org.sanhui.model.rules.Rules;

/**
 * Analytics' view of core-model's {@link Rules} (the configuration file's model): the same rules, with
 * the look-ups the indicator families need (norms by kind, a province's reporting frequency) prepared once.
 */
final class AnalysisRules {

    /** The defaults of DOMAIN.md section 4 and the seeds: core-model's {@link Rules#DEFAULTS}. */
    static final AnalysisRules DEFAULTS = new AnalysisRules(Rules.DEFAULTS);

    private final Rules rules;
    private final Map<OrgKind, Integer> yearlyActivityNorms;
    private final Map<OrgKind, Integer> yearlyConferenceNorms;

    AnalysisRules(Rules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        Map<OrgKind, Integer> activities = new EnumMap<>(OrgKind.class);
        for (OrgKind k : rules.medicalNormKinds()) {
            activities.put(k, rules.medicalActivitiesPerYear());
        }
        Map<OrgKind, Integer> conferences = new EnumMap<>(OrgKind.class);
        for (OrgKind k : rules.conferenceNormKinds()) {
            conferences.put(k, rules.conferencesPerYear());
        }
        this.yearlyActivityNorms = Map.copyOf(activities);
        this.yearlyConferenceNorms = Map.copyOf(conferences);
    }

    Set<PersonRole> threeRoles() {
        return rules.threeRoles();
    }

    Map<PersonRole, PersonRole> streetAlternatives() {
        return rules.streetAlternatives();
    }

    Set<PersonRole> keyPersonRoles() {
        return rules.keyPersonRoles();
    }

    Set<Post> viceChairPosts() {
        return rules.viceChairPosts();
    }

    /** @return yearly activity norms by kind (MEDICAL_SOCIETY 5 by default) */
    Map<OrgKind, Integer> yearlyActivityNorms() {
        return yearlyActivityNorms;
    }

    /** @return yearly CONFERENCE norms by kind (each grassroots society 1 by default) */
    Map<OrgKind, Integer> yearlyConferenceNorms() {
        return yearlyConferenceNorms;
    }

    int onTimeDays() {
        return rules.timelinessDays();
    }

    double outlierThreshold() {
        return rules.outlierThreshold();
    }

    double weightCoverage() {
        return rules.weightCoverage();
    }

    double weightThreePlusOne() {
        return rules.weightRoles();
    }

    double weightNorms() {
        return rules.weightNorms();
    }

    double weightGrades() {
        return rules.weightGrades();
    }

    Map<Grade, Double> gradeScores() {
        return rules.gradePoints();
    }

    /** @return whether yearly norms are scaled pro rata to date (ceil(norm x months / 12)) */
    boolean proRata() {
        return rules.proRata() != ProRata.NONE;
    }

    List<Milestone> milestones() {
        return rules.milestones();
    }

    Period.Kind reportingKind(String provinceCode) {
        return rules.reportingFrequency(provinceCode);
    }
}
