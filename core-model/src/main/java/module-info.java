/**
 * sanhui's domain library, JDK only: vocabulary and records, periods, value normalisation, located
 * problems, the gazetteer, dataset schemas, row validation, rules and the warehouse manifest.
 *
 * <p>Packages named {@code ...internal} are implementation details and are not exported.
 */
module org.sanhui.model {
    exports org.sanhui.model.domain;
    exports org.sanhui.model.error;
    exports org.sanhui.model.indicator;
    exports org.sanhui.model.period;
    exports org.sanhui.model.privacy;
    exports org.sanhui.model.problem;
    exports org.sanhui.model.region;
    exports org.sanhui.model.rules;
    exports org.sanhui.model.schema;
    exports org.sanhui.model.validation;
    exports org.sanhui.model.value;
    exports org.sanhui.model.warehouse;
}
