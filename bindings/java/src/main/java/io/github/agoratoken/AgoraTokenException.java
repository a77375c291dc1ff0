package io.github.agoratoken;

/**
 * An error of agora-token: its {@link Kind}, the field it concerns (for
 * {@link Kind#INVALID_INPUT}) and the rule that was broken. The message
 * never contains the app certificate.
 */
public class AgoraTokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong; the same kinds as token-core and every other binding. */
    public enum Kind {
        /** An argument broke a documented rule (length, alphabet, range). */
        INVALID_INPUT,
        /** A token was built without any service. */
        NO_SERVICE,
        /** The token does not start with the expected version prefix. */
        WRONG_VERSION,
        /** The token text or its decoded bytes are not a valid token. */
        MALFORMED,
        /** The signature does not match the certificate (or channel / uid for 006). */
        SIGNATURE_MISMATCH,
        /** A bug in agora-token (a caught panic); please report it. */
        INTERNAL;

        /** The stable name, as token-core spells it ({@code "invalid_input"}, ...). */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind of(String name) {
            for (Kind k : values()) {
                if (k.wireName().equals(name)) {
                    return k;
                }
            }
            return INTERNAL;
        }
    }

    private final Kind kind;
    private final String field;
    private final String rule;

    /**
     * Made by the native library (and by this binding's argument checks).
     *
     * @param kind the kind's stable name
     * @param field the field, or null
     * @param rule the rule
     * @param message the whole message
     */
    public AgoraTokenException(String kind, String field, String rule, String message) {
        super(message);
        this.kind = Kind.of(kind);
        this.field = field;
        this.rule = rule;
    }

    /** @return the kind of error */
    public Kind kind() {
        return kind;
    }

    /** @return the field in token-core's name ({@code "channel_name"}, ...), or null */
    public String field() {
        return field;
    }

    /** @return the rule, stated so the call can be fixed */
    public String rule() {
        return rule;
    }

    static AgoraTokenException invalid(String field, String rule) {
        return new AgoraTokenException("invalid_input", field, rule, field + ": " + rule);
    }
}
