package io.github.agoratoken;

/** The RTC role of a 006 token: all but the subscriber may publish. */
public enum Role006 {
    /** Deprecated; the privileges of a publisher. */
    ATTENDEE(0),
    /** Join and publish. */
    PUBLISHER(1),
    /** Join only. */
    SUBSCRIBER(2),
    /** Deprecated; the privileges of a publisher. */
    ADMIN(101);

    private final int value;

    Role006(int value) {
        this.value = value;
    }

    /** @return the number of the official builders */
    public int value() {
        return value;
    }
}
