package io.github.agoratoken;

import java.util.List;
import java.util.Objects;

/**
 * One RTM 2.x (resource type, permission type) entry and the resources it
 * applies to. Repeating a pair adds its resources.
 *
 * @param resourceType one of the {@code RESOURCE_*} numbers
 * @param permissionType {@link #READ} or {@link #WRITE}
 * @param resources resource names
 */
public record Permission(int resourceType, int permissionType, List<String> resources) {
    /** Message channels. */
    public static final int RESOURCE_MESSAGE_CHANNELS = 0;
    /** Stream channels. */
    public static final int RESOURCE_STREAM_CHANNELS = 1;
    /** Group channels. */
    public static final int RESOURCE_GROUP_CHANNELS = 2;
    /** Server groups. */
    public static final int RESOURCE_SERVER_GROUPS = 3;
    /** Users. */
    public static final int RESOURCE_USERS = 4;
    /** Read. */
    public static final int READ = 0;
    /** Write. */
    public static final int WRITE = 1;

    /** Copies the resources; none may be null. */
    public Permission {
        resources = List.copyOf(Objects.requireNonNull(resources, "resources"));
    }

    /**
     * @param resourceType one of the {@code RESOURCE_*} numbers
     * @param permissionType {@link #READ} or {@link #WRITE}
     * @param resources resource names
     * @return the entry
     */
    public static Permission of(int resourceType, int permissionType, String... resources) {
        return new Permission(resourceType, permissionType, List.of(resources));
    }

    /** Flattens a list into the header triples and the resources of {@code Native.rtm}. */
    static int[] header(List<Permission> list, List<String> resourcesOut) {
        int[] h = new int[list.size() * 3];
        for (int k = 0; k < list.size(); k++) {
            Permission p = list.get(k);
            h[3 * k] = p.resourceType;
            h[3 * k + 1] = p.permissionType;
            h[3 * k + 2] = p.resources.size();
            resourcesOut.addAll(p.resources);
        }
        return h;
    }
}
