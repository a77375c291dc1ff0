package io.github.agoratoken;

/** The RTC role of a 007 token. */
public enum Role {
    /** May join and publish audio, video and data streams. */
    PUBLISHER(1),
    /** May join only (publishing needs co-host authentication enabled). */
    SUBSCRIBER(2);

    private final int value;

    Role(int value) {
        this.value = value;
    }

    /** @return the number of the official builders ({@code RtcRole}) */
    public int value() {
        return value;
    }
}
