package vn.egov.common.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One way to authorise: every public business method of every session bean of the platform says
 * who may call it, with {@code @RolesAllowed} or {@code @PermitAll} on the method or its class, and
 * every {@code @PermitAll} says why in the Javadoc above it. The container would otherwise let any
 * caller in, silently, the day someone adds a method and forgets.
 */
class AuthorisationDeclaredTest {

    private static final Path SOURCES = Path.of("src", "main", "java");

    /** Every {@code @Stateless} and {@code @Singleton} class under {@code vn.egov}, from the compiled classes. */
    static List<Class<?>> sessionBeans() throws IOException, URISyntaxException, ClassNotFoundException {
        List<Class<?>> beans = new ArrayList<>();
        for (URL url : Collections.list(
                AuthorisationDeclaredTest.class.getClassLoader().getResources("vn/egov"))) {
            if (!"file".equals(url.getProtocol())) {
                continue; // the entities' jar: no session beans there
            }
            Path base = Path.of(url.toURI()).getParent().getParent();
            if (base.endsWith("test-classes")) {
                continue;
            }
            try (Stream<Path> files = Files.walk(base.resolve("vn/egov"))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = base.relativize(file)
                            .toString()
                            .replace(file.getFileSystem().getSeparator(), ".")
                            .replaceAll("\\.class$", "");
                    Class<?> type = Class.forName(name, false, AuthorisationDeclaredTest.class.getClassLoader());
                    if (type.isAnnotationPresent(Stateless.class) || type.isAnnotationPresent(Singleton.class)) {
                        beans.add(type);
                    }
                }
            }
        }
        return beans;
    }

    private static boolean declaresAccess(Class<?> type) {
        return type.isAnnotationPresent(RolesAllowed.class)
                || type.isAnnotationPresent(PermitAll.class)
                || type.isAnnotationPresent(DenyAll.class);
    }

    private static boolean declaresAccess(Method method) {
        return method.isAnnotationPresent(RolesAllowed.class)
                || method.isAnnotationPresent(PermitAll.class)
                || method.isAnnotationPresent(DenyAll.class);
    }

    private static boolean isBusinessMethod(Method method) {
        int modifiers = method.getModifiers();
        return Modifier.isPublic(modifiers)
                && !Modifier.isStatic(modifiers)
                && !method.isSynthetic()
                && !method.isBridge()
                && !method.isAnnotationPresent(PostConstruct.class)
                && !method.isAnnotationPresent(PreDestroy.class)
                && !method.isAnnotationPresent(Timeout.class)
                && !method.isAnnotationPresent(Schedule.class);
    }

    /** "Class.method" for every public business method whose class and itself say nothing about access. */
    static List<String> undeclared(List<Class<?>> beans) {
        List<String> missing = new ArrayList<>();
        for (Class<?> bean : beans) {
            // A method inherited from a superclass of the platform is governed by that class's annotations.
            for (Class<?> type = bean;
                    type != null && type.getName().startsWith("vn.egov.");
                    type = type.getSuperclass()) {
                for (Method method : type.getDeclaredMethods()) {
                    if (isBusinessMethod(method) && !declaresAccess(type) && !declaresAccess(method)) {
                        missing.add(bean.getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        return missing.stream().distinct().sorted().toList();
    }

    @Test
    void everyPublicMethodOfEverySessionBeanSaysWhoMayCallIt() throws Exception {
        List<Class<?>> beans = sessionBeans();
        assertTrue(beans.size() > 10, "the scan found the platform's session beans: " + beans);

        assertEquals(
                List.of(),
                undeclared(beans),
                "public methods of session beans without @RolesAllowed or " + "@PermitAll on the method or its class");
    }

    /** Whether the Javadoc just above each {@code @PermitAll} of the source says why (mentions PermitAll). */
    static List<String> permitAllWithoutReason(String simpleName, String source) {
        List<String> unexplained = new ArrayList<>();
        Matcher permit = Pattern.compile("(?m)^\\s*@(jakarta\\.annotation\\.security\\.)?PermitAll\\b")
                .matcher(source);
        while (permit.find()) {
            String before = source.substring(0, permit.start());
            int end = before.lastIndexOf("*/");
            int start = before.lastIndexOf("/**");
            // Only annotations may stand between the comment and @PermitAll.
            String between = end < 0 ? before : before.substring(end + 2);
            boolean adjacent = end > start
                    && start >= 0
                    && between.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("@"));
            if (!adjacent || !before.substring(start, end).contains("PermitAll")) {
                int line = (int) before.lines().count() + 1;
                unexplained.add(simpleName + ":" + line);
            }
        }
        return unexplained;
    }

    @Test
    void everyPermitAllOfASessionBeanSaysWhyInItsJavadoc() throws Exception {
        Set<String> unexplained = new TreeSet<>();
        for (Class<?> bean : sessionBeans()) {
            Path file = SOURCES.resolve(bean.getName().replace('.', '/') + ".java");
            unexplained.addAll(permitAllWithoutReason(bean.getSimpleName(), Files.readString(file)));
        }

        assertEquals(Set.of(), unexplained, "@PermitAll without a Javadoc reason (class:line)");
    }

    @Test
    void theChecksFindAMethodWithoutRolesAndAPermitAllWithoutReason() {
        @Stateless
        class Forgotten {
            @SuppressWarnings("unused")
            public void anyoneMayCallThis() {}
        }
        assertEquals(List.of("Forgotten.anyoneMayCallThis"), undeclared(List.of(Forgotten.class)));
        assertEquals(List.of("Quiet:3"), permitAllWithoutReason("Quiet", """
                package x;
                /** A bean. */
                @PermitAll
                public class Quiet {}
                """));
        assertEquals(List.of(), permitAllWithoutReason("Explained", """
                /** {@code @PermitAll}: called by other beans only. */
                @Stateless
                @PermitAll
                public class Explained {}
                """));
    }
}
