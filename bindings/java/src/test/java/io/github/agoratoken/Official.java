package io.github.agoratoken;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * io.agora:authentication 2.1.3 in its own class loader (its classes share
 * our io.agora.* names). Maven copies the jar and commons-codec into
 * target/official (pom.xml); nothing of it is committed.
 */
public final class Official {
    /** The loader whose parent is the platform loader: it never sees our classes. */
    public static final ClassLoader LOADER = loader();

    private static ClassLoader loader() {
        File dir = new File(System.getProperty("official.dir", "target/official"));
        File[] jars = dir.listFiles((d, n) -> n.endsWith(".jar"));
        if (jars == null || jars.length < 2) {
            throw new IllegalStateException("no official jars in " + dir + " (run through mvn)");
        }
        List<URL> urls = new ArrayList<>();
        for (File f : jars) {
            try {
                urls.add(f.toURI().toURL());
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    private Official() {}

    /** @return the official class of that name */
    public static Class<?> cls(String name) {
        try {
            return Class.forName(name, true, LOADER);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a new instance of an official class */
    public static Object make(String name) {
        try {
            return cls(name).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the official enum constant */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object constant(String enumClass, String name) {
        return Enum.valueOf((Class<Enum>) cls(enumClass), name);
    }

    /** Calls the public method {@code name} whose parameter count matches (and types, for overloads). */
    public static Object call(Object target, String name, Object... args) {
        Class<?> c = target instanceof Class ? (Class<?>) target : target.getClass();
        for (Method m : c.getMethods()) {
            if (!m.getName().equals(name) || m.getParameterCount() != args.length) {
                continue;
            }
            Class<?>[] p = m.getParameterTypes();
            boolean fits = true;
            for (int k = 0; k < p.length; k++) {
                if (args[k] != null && !box(p[k]).isInstance(args[k])) {
                    fits = false;
                }
            }
            if (fits) {
                try {
                    return m.invoke(target instanceof Class ? null : target, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    Throwable t = e.getCause();
                    throw t instanceof RuntimeException ? (RuntimeException) t : new IllegalStateException(t);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException("no " + name + Arrays.toString(args) + " in " + c);
    }

    private static Class<?> box(Class<?> p) {
        if (p == int.class) {
            return Integer.class;
        }
        if (p == short.class) {
            return Short.class;
        }
        if (p == long.class) {
            return Long.class;
        }
        if (p == boolean.class) {
            return Boolean.class;
        }
        return p;
    }

    /** @return the official AccessToken2 after parse(token), or null when parse says false */
    public static Object parse(String token) {
        Object t = make("io.agora.media.AccessToken2");
        return Boolean.TRUE.equals(call(t, "parse", token)) ? t : null;
    }

    /** @return a public int field of an official object */
    public static int intField(Object o, String name) {
        try {
            return o.getClass().getField(name).getInt(o);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The official jar's parser reads the token and its own signing key
     * ({@code getSign}) checks the signature over the decompressed content.
     *
     * @return whether the official code accepts the token's signature
     */
    public static boolean verify(String token, String cert) throws Exception {
        Object t = parse(token);
        if (t == null) {
            return false;
        }
        t.getClass().getField("appCert").set(t, cert);
        byte[] key = (byte[]) call(t, "getSign");
        Class<?> utils = cls("io.agora.media.Utils");
        byte[] data = (byte[]) call(utils, "decompress", call(utils, "base64Decode", token.substring(3)));
        int n = (data[0] & 0xff) | (data[1] & 0xff) << 8;
        byte[] signature = Arrays.copyOfRange(data, 2, 2 + n);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Arrays.equals(signature, mac.doFinal(Arrays.copyOfRange(data, 2 + n, data.length)));
    }
}
