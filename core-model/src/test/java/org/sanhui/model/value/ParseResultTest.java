package org.sanhui.model.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sanhui.model.problem.Location;
import org.sanhui.model.problem.Problem;
import org.sanhui.model.problem.ProblemCode;
import org.sanhui.model.problem.Severity;

class ParseResultTest {

    @Test
    void shapes() {
        assertThat(ParseResult.ok(1).present()).isTrue();
        assertThat(ParseResult.ok(1).hasProblem()).isFalse();
        assertThat(ParseResult.blank().isBlank()).isTrue();
        assertThat(ParseResult.error(ProblemCode.BAD_NUMBER, "z", "e").isError()).isTrue();
        ParseResult<Integer> w = ParseResult.warn(1, ProblemCode.YEAR_ONLY_DATE, "z", "e");
        assertThat(w.isError()).isFalse();
        assertThat(w.hasProblem()).isTrue();
        assertThat(w.map(i -> i + 1).value()).isEqualTo(2);
        assertThat(w.map(i -> i + 1).code()).isEqualTo(ProblemCode.YEAR_ONLY_DATE);
    }

    @Test
    void refusesAProblemWithoutMessages() {
        assertThatThrownBy(() -> new ParseResult<>(null, ProblemCode.BAD_DATE, null, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParseResult<>(1, null, "z", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorsRejectAndWarningsDoNot() {
        Location at = new Location("a.xlsx", "s", 3, "c");
        Problem e = ParseResult.error(ProblemCode.BAD_DATE, "z", "e").toProblem(at, "f", "v");
        assertThat(e.severity()).isEqualTo(Severity.ERROR);
        assertThat(e.location()).isEqualTo(at);
        Problem w = ParseResult.warn(1, ProblemCode.BAD_DATE, "z", "e").toProblem(at, "f", "v");
        assertThat(w.severity()).isEqualTo(Severity.WARNING);
        assertThatThrownBy(() -> ParseResult.ok(1).toProblem(at, "f", "v")).isInstanceOf(IllegalStateException.class);
    }
}
