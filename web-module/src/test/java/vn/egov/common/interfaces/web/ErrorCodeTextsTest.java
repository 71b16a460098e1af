package vn.egov.common.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every stable error code the platform can answer has a Vietnamese text (a page shows it instead of the English
 * detail) and an English one, under {@code error.<code>} in the intranet's message bundle. The codes are read from
 * the main sources of every module and from openapi.yaml as they are, so a code added anywhere, in any of the ways
 * codes are built, makes this test fail until its texts are written (see {@link ErrorCodeCatalogue} for how).
 */
class ErrorCodeTextsTest {

    private static final String BUNDLE = "src/main/resources/vn/egov/web/i18n/";
    private static final String OPENAPI = "src/main/resources/vn/egov/common/interfaces/rest/openapi.yaml";
    /** Letters of Vietnamese with their marks: a real Vietnamese sentence has some. */
    private static final Pattern VIETNAMESE = Pattern.compile(
            "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Letters only Vietnamese uses: an English text has none. */
    private static final Pattern ONLY_VIETNAMESE = Pattern.compile(
            "[ạảãầấậẩẫăằắặẳẵẹẻẽêềếệểễịỉĩọỏõôồốộổỗơờớợởỡụủũưừứựửữỳỵỷỹđ]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");

    /** The web module (Surefire runs in it and names it in basedir). */
    private static Path module() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .toAbsolutePath();
        assertTrue(
                Files.isRegularFile(module.resolve(BUNDLE + "messages_vi.properties")),
                "run from the web module: no " + BUNDLE + "messages_vi.properties under " + module);
        return module;
    }

    /** The main Java sources of every module the parent pom lists. */
    private static List<Path> sourceRoots(Path root) throws IOException {
        String pom = Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8);
        List<Path> roots = new ArrayList<>();
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        while (modules.find()) {
            Path sources = root.resolve(modules.group(1).trim()).resolve("src/main/java");
            if (Files.isDirectory(sources)) {
                roots.add(sources);
            }
        }
        return roots;
    }

    private static Properties bundle(Path module, String name) throws IOException {
        Properties texts = new Properties();
        try (Reader in = Files.newBufferedReader(module.resolve(BUNDLE + name), StandardCharsets.UTF_8)) {
            texts.load(in);
        }
        return texts;
    }

    /** Read once: parsing every source takes seconds. */
    private static ErrorCodeCatalogue platform;

    private static synchronized ErrorCodeCatalogue platformCodes() throws IOException {
        if (platform == null) {
            platform = readPlatformCodes();
        }
        return platform;
    }

    private static ErrorCodeCatalogue readPlatformCodes() throws IOException {
        Path module = module();
        Path root = module.getParent();
        List<Path> sources = sourceRoots(root);
        assertTrue(sources.size() >= 3, "the main sources of persistence, ejb-module and web-module: " + sources);
        Set<String> keys = new TreeSet<>();
        for (String name : List.of("messages.properties", "messages_vi.properties", "messages_en.properties")) {
            keys.addAll(bundle(module, name).stringPropertyNames());
        }
        return ErrorCodeCatalogue.read(root, sources, module.resolve(OPENAPI), keys);
    }

    @Test
    void everyErrorCodeHasAVietnameseAndAnEnglishText() throws IOException {
        Path module = module();
        ErrorCodeCatalogue catalogue = platformCodes();
        Properties vi = bundle(module, "messages_vi.properties");
        Properties base = bundle(module, "messages.properties");
        Properties en = bundle(module, "messages_en.properties");

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Set<ErrorCodeCatalogue.Place>> entry :
                catalogue.codes().entrySet()) {
            String key = "error." + entry.getKey();
            String viText = vi.getProperty(key, "").strip();
            String baseText = base.getProperty(key, "").strip();
            String enText = en.getProperty(key, "").strip();
            List<String> wrong = new ArrayList<>();
            if (viText.isEmpty() && baseText.isEmpty() && enText.isEmpty()) {
                wrong.add("no text at all");
            } else if (viText.isEmpty()) {
                wrong.add("no Vietnamese text in messages_vi.properties");
            } else if (!VIETNAMESE.matcher(viText).find()) {
                wrong.add("the text in messages_vi.properties is not Vietnamese");
            } else if (viText.equalsIgnoreCase(enText)) {
                wrong.add("the text in messages_vi.properties is the English one");
            }
            if (baseText.isEmpty() && !wrong.contains("no text at all")) {
                wrong.add("no text in messages.properties (the default bundle, the same Vietnamese text)");
            } else if (!baseText.equals(viText)) {
                wrong.add("messages.properties differs from messages_vi.properties");
            }
            if (enText.isEmpty() && !wrong.contains("no text at all")) {
                wrong.add("no English text in messages_en.properties");
            } else if (ONLY_VIETNAMESE.matcher(enText).find()) {
                wrong.add("the text in messages_en.properties is not English");
            }
            if (!viText.isEmpty() && !enText.isEmpty() && !placeholders(viText).equals(placeholders(enText))) {
                wrong.add("the Vietnamese text has placeholders " + placeholders(viText) + ", the English one "
                        + placeholders(enText));
            }
            if (!wrong.isEmpty()) {
                problems.add("  " + key + ": " + String.join("; ", wrong) + "\n      found at "
                        + entry.getValue().stream()
                                .limit(3)
                                .map(p -> p.where() + " (" + p.how() + ")")
                                .collect(Collectors.joining(", ")));
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " of " + catalogue.codes().size()
                    + " error codes lack their texts (a page would show"
                    + " the English detail instead). For each, add\n"
                    + "  error.<code>=<Vietnamese text>  to web-module/" + BUNDLE
                    + "messages_vi.properties and, the same"
                    + " line, to messages.properties (the default bundle, Vietnamese);\n"
                    + "  error.<code>=<English text>     to web-module/" + BUNDLE + "messages_en.properties;\n"
                    + "in the section of the code's area (# Document exchange axis, # e-Cabinet, # Reporting, or the top"
                    + " for directory, security and requests), with the same {placeholders} in both languages:\n"
                    + String.join("\n", problems));
        }
    }

    @Test
    void everyCodeIsWrittenOutWhereItIsBuilt() throws IOException {
        Set<String> computed = platformCodes().builtAtRunTime();
        assertTrue(
                computed.isEmpty(),
                "codes must be literals (or constants, or switch arms) so their texts can be"
                        + " checked; these are computed at run time:\n  " + String.join("\n  ", computed));
    }

    @Test
    void thePlatformsCodesAreFoundFromEverySource() throws IOException {
        ErrorCodeCatalogue catalogue = platformCodes();
        assertTrue(catalogue.files() >= 100, "the main sources were read: " + catalogue.files() + " files");
        Map<String, Set<ErrorCodeCatalogue.Place>> codes = catalogue.codes();
        assertTrue(codes.size() >= 150, codes.size() + " codes: " + codes.keySet());
        // One of each origin: a refusal of the runtime (Problem.codeOf), the token endpoint's own answers, a
        // reporting sheet's cell problem (a constant), and a code the API description names.
        for (String code : List.of(
                "request.not-found",
                "auth.grant-type.missing",
                "reporting.cell.not-a-number",
                "cabinet.meeting.not-in-progress")) {
            assertTrue(codes.containsKey(code), code + " is found; found: " + codes.keySet());
        }
        assertTrue(
                codes.get("agency.code.invalid").stream().anyMatch(p -> p.how().equals("named in the API description")),
                "openapi.yaml is read: " + codes.get("agency.code.invalid"));
    }

    /**
     * The catalogue on a small project of its own, with a code built in each way the platform builds them: all of
     * them are found, a code computed at run time is reported, and neither a bundle key nor a configuration key
     * named in the API description is taken for a code.
     */
    @Test
    void theCatalogueFindsCodesBuiltInEveryWay(@TempDir Path root) throws IOException {
        Path sources = Files.createDirectories(root.resolve("area/src/main/java/sample"));
        Files.writeString(sources.resolve("Refusals.java"), """
                package sample;

                class SampleException extends RuntimeException {
                    SampleException(String code, String detail) {
                        super(detail);
                    }
                }

                class SubException extends SampleException {
                    SubException() {
                        super("sample.super.call", "a subclass names its code");
                    }
                }

                record SampleProblem(String cell, String code) {
                    SampleProblem withCell(String other) {
                        return new SampleProblem(other, code);
                    }
                }

                class Other {
                    static final String FOREIGN = "sample.foreign.constant";

                    String code() {
                        return null;
                    }
                }

                class Refusals {
                    static final String CONSTANT = "sample.constant.code";
                    static final String PROBLEM_CODE = "vn.egov.problem-code";

                    static SampleException refuse(String code) {
                        return new SampleException(code, "passed on");
                    }

                    static String codeOf(int status) {
                        return switch (status) {
                            case 1 -> "sample.switch.one";
                            default -> "sample.switch.other";
                        };
                    }

                    Object shapes(boolean flag, Other other, java.util.Map<String, Object> request) {
                        Object a = new SampleException("sample.literal.code", "a literal");
                        Object b = refuse("sample.passed.through");
                        Object c = new SampleException(flag ? "sample.either.one" : "sample.either.other", "either");
                        Object d = new SampleException(CONSTANT, "a constant");
                        Object e = new SampleException(Other.FOREIGN, "another class's constant");
                        String local = "sample.local.variable";
                        Object f = new SampleException(local, "a local variable");
                        Object g = new SampleException(codeOf(1), "a method's answers");
                        Object h = new SampleException(other.code(), "a relay");
                        Object i = new SampleProblem("A1", "sample.record.component");
                        request.put(PROBLEM_CODE, "not this");
                        setAttribute(PROBLEM_CODE, "sample.attribute.code");
                        Object j = new SampleException("sample.built." + flag, "computed");
                        String free = "sample.free.literal";
                        String key = "sample.message.key";
                        return java.util.List.of(a, b, c, d, e, f, g, h, i, j, free, key);
                    }

                    void setAttribute(String name, Object value) {
                    }
                }
                """, StandardCharsets.UTF_8);
        Path openApi = root.resolve("openapi.yaml");
        Files.writeString(
                openApi,
                "description: 400 sample.documented.only (e.g. egov.sample.config-key).\n",
                StandardCharsets.UTF_8);

        ErrorCodeCatalogue catalogue = ErrorCodeCatalogue.read(
                root, List.of(root.resolve("area/src/main/java")), openApi, Set.of("sample.message.key"));

        assertEquals(
                new TreeSet<>(List.of(
                        "sample.attribute.code",
                        "sample.constant.code",
                        "sample.documented.only",
                        "sample.either.one",
                        "sample.either.other",
                        "sample.foreign.constant",
                        "sample.free.literal",
                        "sample.literal.code",
                        "sample.local.variable",
                        "sample.passed.through",
                        "sample.record.component",
                        "sample.super.call",
                        "sample.switch.one",
                        "sample.switch.other")),
                catalogue.codes().keySet());
        assertEquals(
                1, catalogue.builtAtRunTime().size(), catalogue.builtAtRunTime().toString());
        assertTrue(
                catalogue.builtAtRunTime().iterator().next().contains("\"sample.built.\" + flag"),
                catalogue.builtAtRunTime().toString());
        assertTrue(
                catalogue
                        .codes()
                        .get("sample.passed.through")
                        .iterator()
                        .next()
                        .how()
                        .contains("Refusals.refuse"),
                catalogue.codes().get("sample.passed.through").toString());
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
