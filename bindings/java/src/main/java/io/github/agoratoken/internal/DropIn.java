package io.github.agoratoken.internal;

import java.util.function.Supplier;

/**
 * What the drop-in classes ({@code io.agora.*}) share: the official
 * builders' leniency and their {@code ""} for any failure. Not API.
 */
public final class DropIn {
    private DropIn() {}

    /** The options of every drop-in builder: lenient, issued now, random salt. */
    public static final int FLAGS = Native.LENIENT;

    /** The four privilege expires of the role builders: one expire for all. */
    public static int[] all(int expire) {
        return new int[] {expire, expire, expire, expire};
    }

    /**
     * Runs a 007 build the way the official builders do: any exception (a
     * bad app ID or certificate, a null argument) gives {@code ""}.
     *
     * @param build the build
     * @return the token, or {@code ""}
     */
    public static String orEmpty(Supplier<String> build) {
        try {
            return build.get();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
