package org.sanhui.reporting;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The hand-made indicator fixtures (see fixtures/make_fixtures.py for what they contain). */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/org/sanhui/reporting/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path a() {
        return path("ningxia-a-2024Q4.json");
    }

    static Path b() {
        return path("ningxia-b-2024Q4.json");
    }
}
