package org.sanhui.analytics;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local Spark session per test class ({@code local[2]}, 2 shuffle partitions, UI off, loopback), shared
 * by its tests: register with {@code @RegisterExtension static final SparkExtension SPARK = new SparkExtension();}.
 */
public final class SparkExtension implements BeforeAllCallback, AfterAllCallback {

    private SparkSession session;

    @Override
    public void beforeAll(ExtensionContext context) {
        session = SparkSession.builder().master("local[2]").appName(context.getDisplayName())
                .config("spark.sql.shuffle.partitions", "2").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC").getOrCreate();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (session != null) {
            session.stop();
            SparkSession.clearActiveSession();
            SparkSession.clearDefaultSession();
        }
    }

    /** @return the session of the running test class */
    public SparkSession session() {
        return session;
    }
}
