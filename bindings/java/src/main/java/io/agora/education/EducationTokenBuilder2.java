package io.agora.education;

/**
 * Drop-in for {@code io.agora.education.EducationTokenBuilder2} of
 * {@code io.agora:authentication} 2.1.3: the official class has the APaaS
 * builder's methods and semantics exactly, so this one is that builder
 * ({@code buildRoomUserToken}, {@code buildUserToken}, {@code buildAppToken}).
 */
public class EducationTokenBuilder2 extends io.agora.apaas.ApaasTokenBuilder {
    /** A builder; it holds no state. */
    public EducationTokenBuilder2() {}
}
