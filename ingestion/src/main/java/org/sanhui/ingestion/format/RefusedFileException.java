package org.sanhui.ingestion.format;

import java.util.Objects;
import org.sanhui.model.problem.ProblemCode;

/**
 * A file that ingestion refuses as a whole (wrong format, encrypted, over a limit, corrupt), with the
 * problem code and a bilingual message that says what to do.
 */
public class RefusedFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemCode code;
    private final String messageZh;

    /**
     * Creates the exception.
     *
     * @param code the problem code, null not permitted
     * @param messageZh the message in Chinese, null not permitted
     * @param messageEn the message in English, null not permitted
     */
    public RefusedFileException(ProblemCode code, String messageZh, String messageEn) {
        this(code, messageZh, messageEn, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param code the problem code, null not permitted
     * @param messageZh the message in Chinese, null not permitted
     * @param messageEn the message in English, null not permitted
     * @param cause the cause, may be null
     */
    public RefusedFileException(ProblemCode code, String messageZh, String messageEn, Throwable cause) {
        super(Objects.requireNonNull(messageEn, "messageEn"), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.messageZh = Objects.requireNonNull(messageZh, "messageZh");
    }

    /**
     * Returns the problem code.
     *
     * @return the code, never null
     */
    public ProblemCode code() {
        return code;
    }

    /**
     * Returns the Chinese message.
     *
     * @return the message, never null
     */
    public String messageZh() {
        return messageZh;
    }

    /**
     * Returns the English message.
     *
     * @return the message, never null
     */
    public String messageEn() {
        return getMessage();
    }

    /**
     * Returns a refusal for an exceeded limit, naming it.
     *
     * @param limit the limit's name as in the configuration, null not permitted
     * @param value the value found
     * @param max the limit
     * @return the exception, never null
     */
    public static RefusedFileException limit(String limit, Object value, Object max) {
        return new RefusedFileException(ProblemCode.LIMIT_EXCEEDED,
                "超出处理限制 " + limit + "：实际 " + value + "，上限 " + max + "。请拆分文件后重新报送，或请管理员调整该限制。",
                "limit " + limit + " exceeded: found " + value + ", at most " + max
                        + " allowed; split the file or ask the administrator to raise " + limit);
    }
}
