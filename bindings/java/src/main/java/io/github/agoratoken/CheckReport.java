package io.github.agoratoken;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The answer of {@link Tokens#check}: allowed, or every reason for a denial. */
public final class CheckReport {
    private final Map<String, Object> json;
    private final List<Reason> reasons = new ArrayList<>();

    /**
     * One reason for a denial.
     *
     * @param code stable code ({@code "channel_mismatch"}, {@code "token_expired"}, ...)
     * @param message what to fix
     */
    public record Reason(String code, String message) {}

    @SuppressWarnings("unchecked")
    CheckReport(Map<String, Object> json) {
        this.json = Collections.unmodifiableMap(json);
        for (Object r : (List<Object>) json.get("reasons")) {
            Map<String, Object> m = (Map<String, Object>) r;
            reasons.add(new Reason((String) m.get("code"), (String) m.get("message")));
        }
    }

    /** @return whether Agora would admit the request */
    public boolean allowed() {
        return Boolean.TRUE.equals(json.get("allowed"));
    }

    /** @return every reason for a denial (empty when allowed) */
    public List<Reason> reasons() {
        return Collections.unmodifiableList(reasons);
    }

    /** @return token-core's JSON form of the report */
    public Map<String, Object> json() {
        return json;
    }
}
