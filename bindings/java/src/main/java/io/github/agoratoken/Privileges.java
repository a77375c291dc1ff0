package io.github.agoratoken;

/**
 * The expires of the four RTC privileges, in seconds after the issue time
 * (0: no limit of its own).
 *
 * @param joinChannel join channel
 * @param publishAudio publish audio streams
 * @param publishVideo publish video streams
 * @param publishData publish data streams
 */
public record Privileges(long joinChannel, long publishAudio, long publishVideo, long publishData) {
    /**
     * @param expire the expire of every privilege
     * @return four equal expires
     */
    public static Privileges all(long expire) {
        return new Privileges(expire, expire, expire, expire);
    }

    int[] toArray() {
        return new int[] {
            TokenBuilder.u32("join_channel_privilege_expire", joinChannel),
            TokenBuilder.u32("pub_audio_privilege_expire", publishAudio),
            TokenBuilder.u32("pub_video_privilege_expire", publishVideo),
            TokenBuilder.u32("pub_data_stream_privilege_expire", publishData)
        };
    }
}
