package org.sanhui.generator.world;

import java.util.List;
import org.sanhui.model.period.Period;
import org.sanhui.model.value.Text;

/**
 * The whole generated model: counties, their submissions and the yearly evaluations.
 *
 * @param scope the scope code
 * @param periods the quarters covered, in order
 * @param seed the seed
 * @param counties the counties in code order
 * @param submissions every submission, by period then county
 * @param evaluations the evaluation rows, by year then organisation
 * @param cityWorkbook the city sending one workbook for its counties, or null
 */
public record World(String scope, List<Period> periods, long seed, List<CountyPlan> counties,
        List<Submission> submissions, List<Row<EvalRow>> evaluations, String cityWorkbook) {

    /**
     * Forms an organisation key the way the warehouse does.
     *
     * @param county the county code
     * @param id the 组织编号, or null when not given
     * @param name the name
     * @return county/id or county/normalised name without spaces
     */
    public static String orgKey(String county, String id, String name) {
        if (id != null && !id.isBlank()) {
            return county + "/" + Text.normalize(id);
        }
        return county + "/" + Text.normalizeAll(name).replace(" ", "");
    }

    /**
     * Returns the plan of a county.
     *
     * @param code the county code
     * @return the plan
     * @throws IllegalArgumentException if the county is not in the model
     */
    public CountyPlan county(String code) {
        return counties.stream().filter(c -> c.county().code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("county not in the model: " + code));
    }
}
