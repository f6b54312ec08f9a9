package org.sanhui.ingestion.pipeline;

import java.util.Map;
import java.util.Objects;
import org.sanhui.model.domain.DatasetRecord;
import org.sanhui.model.problem.Location;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.rules.Rules;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.validation.RawRow;
import org.sanhui.model.validation.RowContext;
import org.sanhui.model.validation.RowResult;
import org.sanhui.model.validation.RowValidator;

/**
 * The single-row rules as core-model's {@link RowValidator} implements them, behind ingestion's
 * {@link RowCheck} interface. Thread-safe.
 */
public final class CoreRowCheck implements RowCheck {

    private final Rules rules;
    private final Gazetteer gazetteer;
    /** The last context and the row context made for it: rows of a sheet share one (a look-up less per row). */
    private volatile Cached last;

    private record Cached(Context context, RowContext row) {
    }

    /**
     * Creates the check.
     *
     * @param rules the rules, null not permitted
     * @param gazetteer the gazetteer, null not permitted
     */
    public CoreRowCheck(Rules rules, Gazetteer gazetteer) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    }

    @Override
    public Checked check(DatasetSchema dataset, Location location, Map<String, String> raw, Context context) {
        Cached c = last;
        RowContext ctx;
        if (c != null && c.context.equals(context)) {
            ctx = c.row;
        } else {
            ctx = new RowContext(context.county(), context.period(), context.filingDate(), rules, gazetteer,
                    context.date1904());
            last = new Cached(context, ctx);
        }
        RowResult<? extends DatasetRecord> r = RowValidator.validate(dataset, new RawRow(location, raw), ctx);
        Map<String, Object> values = null;
        if (!r.rejected() && r.record() != null) {
            StoredValues v = new StoredValues(dataset);
            r.record().forEachValue(v::put);
            values = v;
        }
        return new Checked(values, r.problems());
    }
}
