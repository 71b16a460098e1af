package vn.egov.common.interfaces.web;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every stable error code the platform can answer, collected from the sources as they are written, with where each
 * is built. Hand-written because no library knows this project's shapes of refusal; JavaParser reads the Java, so
 * comments and strings are told apart and no regular expression has to guess at Java's grammar.
 *
 * <p>A code is found in four ways, and a new way of building one is caught by at least one of them:
 * <ol>
 * <li><b>Where codes go</b>: the code argument of every call of a <i>code sink</i>. Sinks are seeded with the
 * constructors (and record components) that have a parameter named {@code code} in a type whose name ends in
 * {@code Exception}, {@code Problem}, {@code Failure} or {@code Error} ({@code DomainException} and its
 * subclasses, {@code InvalidValuesException}, its {@code Failure}, the reporting sheets' {@code CellProblem}s,
 * the REST {@code Problem}), and with {@code setAttribute(PROBLEM_CODE, …)} (the authentication mechanism's code
 * for the error page). A {@code super(…)} call counts as a call of the superclass's constructor. A method or
 * constructor that passes one of its own parameters on as a code becomes a sink itself
 * ({@code DomainException.invalid}, {@code Problem.of}, {@code Caller.requireAgency}, the token endpoint's
 * {@code oauthError}, {@code ValueSheets.failed}, …), until no new one appears.</li>
 * <li><b>What a code argument is</b>: a literal; either branch of {@code ?:}; a constant (same class or
 * {@code Type.NAME}) or a local variable, by its initialiser and assignments; the answers of a method of the
 * sources ({@code return}, {@code switch} arms, {@code yield}, as {@code Problem.codeOf}); a relay of an existing
 * code ({@code e.code()}, a lambda's parameter, the request attribute). Anything else (a concatenation, a
 * {@code String.format}) is <i>built at run time</i> and reported, because its texts cannot be checked.</li>
 * <li><b>Every code-shaped literal</b> in the main sources ({@code area.what[.detail]}, lower case, its first segment
 * one of the prefixes found above) that is not a key of the message bundle itself.</li>
 * <li><b>openapi.yaml</b>: every code-shaped word with a known prefix in the API description.</li>
 * </ol>
 */
final class ErrorCodeCatalogue {

    /** Lower-case dotted words with at least two segments; hyphens inside a segment (e.g. not-found). */
    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

    private static final Pattern SEEDING_TYPE = Pattern.compile(".*(Exception|Problem|Failure|Error)");
    private static final String PROBLEM_CODE_ATTRIBUTE = "PROBLEM_CODE";

    /** A call whose argument at {@code index} is a code: a constructor of {@code type}, or a method. */
    record Sink(boolean constructor, String type, String name, int arity, int index, boolean isStatic) {
        String describe() {
            return constructor ? "new " + type + "(…)" : type + "." + name + "(…)";
        }
    }

    /** Where a code was found and how it was built there. */
    record Place(String where, String how) {}

    private final Path root;
    private final Map<Path, CompilationUnit> units = new TreeMap<>();
    private final Set<Sink> sinks = new LinkedHashSet<>();
    private final Map<String, Set<Place>> codes = new TreeMap<>();
    private final Set<String> builtAtRunTime = new TreeSet<>();
    private final Set<String> prefixes = new TreeSet<>();

    private ErrorCodeCatalogue(Path root) {
        this.root = root;
    }

    /**
     * Reads the main Java sources under each of {@code sourceRoots}, then the API description, and skips the
     * code-shaped literals that are keys of the message bundle (they name texts, not refusals).
     */
    static ErrorCodeCatalogue read(Path root, List<Path> sourceRoots, Path openApi, Set<String> bundleKeys)
            throws IOException {
        ErrorCodeCatalogue catalogue = new ErrorCodeCatalogue(root);
        catalogue.parse(sourceRoots);
        catalogue.seedSinks();
        catalogue.followSinks();
        catalogue.sweepLiterals(bundleKeys);
        if (openApi != null) {
            catalogue.readOpenApi(
                    Files.readString(openApi, StandardCharsets.UTF_8),
                    root.relativize(openApi).toString());
        }
        return catalogue;
    }

    /** Every code found, with the places it was found (sorted by code). */
    Map<String, Set<Place>> codes() {
        return codes;
    }

    /** Code arguments that are computed at run time, with where: each is a code whose texts cannot be checked. */
    Set<String> builtAtRunTime() {
        return builtAtRunTime;
    }

    Set<Sink> sinks() {
        return sinks;
    }

    int files() {
        return units.size();
    }

    private void parse(List<Path> sourceRoots) throws IOException {
        JavaParser parser =
                new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        for (Path sources : sourceRoots) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(sources)) {
                files = walk.filter(f -> f.toString().endsWith(".java"))
                        .sorted()
                        .toList();
            }
            for (Path file : files) {
                ParseResult<CompilationUnit> result = parser.parse(file);
                if (!result.isSuccessful() || result.getResult().isEmpty()) {
                    throw new IllegalStateException(file + " could not be read: " + result.getProblems());
                }
                units.put(file, result.getResult().get());
            }
        }
    }

    private void seedSinks() {
        for (CompilationUnit unit : units.values()) {
            for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
                String name = type.getNameAsString();
                if (!SEEDING_TYPE.matcher(name).matches()) {
                    continue;
                }
                if (type instanceof RecordDeclaration record) {
                    seed(name, record.getParameters());
                }
                for (ConstructorDeclaration constructor : type.getConstructors()) {
                    seed(name, constructor.getParameters());
                }
            }
        }
    }

    private void seed(String type, NodeList<Parameter> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).getNameAsString().equals("code")) {
                sinks.add(new Sink(true, type, type, parameters.size(), i, true));
            }
        }
    }

    /** Visits every call until the set of sinks stops growing (pass-through methods add sinks as they are met). */
    private void followSinks() {
        int known;
        do {
            known = sinks.size();
            for (Map.Entry<Path, CompilationUnit> unit : units.entrySet()) {
                for (ObjectCreationExpr creation : unit.getValue().findAll(ObjectCreationExpr.class)) {
                    String type = creation.getType().getNameAsString();
                    for (Sink sink : List.copyOf(sinks)) {
                        if (sink.constructor()
                                && sink.type().equals(type)
                                && sink.arity() == creation.getArguments().size()) {
                            code(unit.getKey(), creation.getArgument(sink.index()), sink.describe(), new HashSet<>());
                        }
                    }
                }
                for (ExplicitConstructorInvocationStmt call :
                        unit.getValue().findAll(ExplicitConstructorInvocationStmt.class)) {
                    Optional<String> type = call.isThis()
                            ? call.findAncestor(TypeDeclaration.class).map(TypeDeclaration::getNameAsString)
                            : call.findAncestor(ClassOrInterfaceDeclaration.class)
                                    .flatMap(c -> c.getExtendedTypes().getFirst())
                                    .map(t -> t.getNameAsString());
                    for (Sink sink : List.copyOf(sinks)) {
                        if (sink.constructor()
                                && type.isPresent()
                                && sink.type().equals(type.get())
                                && sink.arity() == call.getArguments().size()) {
                            code(unit.getKey(), call.getArgument(sink.index()), sink.describe(), new HashSet<>());
                        }
                    }
                }
                for (MethodCallExpr call : unit.getValue().findAll(MethodCallExpr.class)) {
                    if (call.getNameAsString().equals("setAttribute")
                            && call.getArguments().size() == 2
                            && names(call.getArgument(0), PROBLEM_CODE_ATTRIBUTE)) {
                        code(unit.getKey(), call.getArgument(1), "setAttribute(PROBLEM_CODE, …)", new HashSet<>());
                    }
                    for (Sink sink : List.copyOf(sinks)) {
                        if (!sink.constructor() && calls(call, sink)) {
                            code(unit.getKey(), call.getArgument(sink.index()), sink.describe(), new HashSet<>());
                        }
                    }
                }
            }
        } while (sinks.size() > known);
    }

    /** Whether a method call is a call of the sink: same name and arity, and a scope that can be that type. */
    private static boolean calls(MethodCallExpr call, Sink sink) {
        if (!call.getNameAsString().equals(sink.name()) || call.getArguments().size() != sink.arity()) {
            return false;
        }
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty()) {
            return call.findAncestor(TypeDeclaration.class)
                    .map(t -> enclosedBy(call, sink.type()))
                    .orElse(false);
        }
        Expression on = scope.get();
        String last = on instanceof NameExpr n
                ? n.getNameAsString()
                : on instanceof FieldAccessExpr f ? f.getNameAsString() : null;
        boolean typeName = last != null && Character.isUpperCase(last.charAt(0));
        if (typeName) {
            return last.equals(sink.type());
        }
        return !sink.isStatic(); // an instance method called on some expression: the name and arity decide
    }

    private static boolean enclosedBy(Node node, String type) {
        Optional<TypeDeclaration> enclosing = node.findAncestor(TypeDeclaration.class);
        while (enclosing.isPresent()) {
            if (enclosing.get().getNameAsString().equals(type)) {
                return true;
            }
            enclosing = enclosing.get().findAncestor(TypeDeclaration.class);
        }
        return false;
    }

    private static boolean names(Expression e, String name) {
        return e instanceof NameExpr n && n.getNameAsString().equals(name)
                || e instanceof FieldAccessExpr f && f.getNameAsString().equals(name);
    }

    /** Records the code(s) an expression in a code position can be, or reports it as built at run time. */
    private void code(Path file, Expression e, String how, Set<Node> seen) {
        if (!seen.add(e)) {
            return;
        }
        if (e instanceof StringLiteralExpr literal) {
            found(literal.asString(), where(file, e), how);
        } else if (e instanceof NullLiteralExpr) {
            return; // no code at all (e.g. a field error without one)
        } else if (e instanceof EnclosedExpr enclosed) {
            code(file, enclosed.getInner(), how, seen);
        } else if (e instanceof CastExpr cast) {
            code(file, cast.getExpression(), how, seen);
        } else if (e instanceof ConditionalExpr conditional) {
            code(file, conditional.getThenExpr(), how, seen);
            code(file, conditional.getElseExpr(), how, seen);
        } else if (e instanceof SwitchExpr switchExpr) {
            switchExpr
                    .getEntries()
                    .forEach(entry -> entry.getStatements().forEach(statement -> {
                        if (statement instanceof ExpressionStmt expression) {
                            code(file, expression.getExpression(), how, seen);
                        }
                        statement.findAll(YieldStmt.class).forEach(y -> code(file, y.getExpression(), how, seen));
                    }));
        } else if (e instanceof NameExpr name) {
            named(file, name, how, seen);
        } else if (e instanceof FieldAccessExpr access
                && access.getScope() instanceof NameExpr type
                && Character.isUpperCase(type.getNameAsString().charAt(0))) {
            Optional<Expression> value = constant(type.getNameAsString(), access.getNameAsString());
            if (value.isPresent()) {
                code(file, value.get(), how + " through " + access, seen);
            } else {
                runTime(file, e, how);
            }
        } else if (e instanceof MethodCallExpr call) {
            answers(file, call, how, seen);
        } else {
            runTime(file, e, how);
        }
    }

    /** A name in a code position: a parameter (then its method is a sink too), a local variable or a constant. */
    private void named(Path file, NameExpr name, String how, Set<Node> seen) {
        String id = name.getNameAsString();
        Optional<LambdaExpr> lambda = name.findAncestor(LambdaExpr.class);
        if (lambda.isPresent()
                && lambda.get().getParameters().stream()
                        .anyMatch(p -> p.getNameAsString().equals(id))) {
            return; // a relay of what the stream carries (e.g. problems already holding their codes)
        }
        Optional<CallableDeclaration> callable = name.findAncestor(CallableDeclaration.class);
        if (callable.isPresent()) {
            NodeList<Parameter> parameters = callable.get().getParameters();
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i).getNameAsString().equals(id)) {
                    passThrough(callable.get(), i);
                    return;
                }
            }
            List<Expression> values = new ArrayList<>();
            callable.get().findAll(VariableDeclarator.class).stream()
                    .filter(v -> v.getNameAsString().equals(id))
                    .forEach(v -> v.getInitializer().ifPresent(values::add));
            callable.get().findAll(AssignExpr.class).stream()
                    .filter(a -> a.getTarget() instanceof NameExpr t
                            && t.getNameAsString().equals(id))
                    .forEach(a -> values.add(a.getValue()));
            if (!values.isEmpty()) {
                values.forEach(v -> code(file, v, how, seen));
                return;
            }
        }
        Optional<TypeDeclaration> type = name.findAncestor(TypeDeclaration.class);
        while (type.isPresent()) {
            if (holdsACode(type.get(), id)) {
                return; // the object's own code, set by a constructor that is itself a sink
            }
            Optional<Expression> value = constant(type.get(), id);
            if (value.isPresent()) {
                code(file, value.get(), how + " through " + type.get().getNameAsString() + "." + id, seen);
                return;
            }
            type = type.get().findAncestor(TypeDeclaration.class);
        }
        runTime(file, name, how);
    }

    /** The method or constructor passes its parameter on as a code: its own callers' arguments are codes. */
    private void passThrough(CallableDeclaration<?> callable, int index) {
        String type = callable.findAncestor(TypeDeclaration.class)
                .map(TypeDeclaration::getNameAsString)
                .orElse("?");
        boolean constructor = callable instanceof ConstructorDeclaration;
        boolean isStatic = constructor || callable.hasModifier(Modifier.Keyword.STATIC);
        sinks.add(new Sink(
                constructor,
                type,
                constructor ? type : callable.getNameAsString(),
                callable.getParameters().size(),
                index,
                isStatic));
    }

    /** What a method of the sources answers; {@code code()} and the request attribute relay an existing code. */
    private void answers(Path file, MethodCallExpr call, String how, Set<Node> seen) {
        String name = call.getNameAsString();
        if (name.equals("code") && call.getArguments().isEmpty()) {
            return;
        }
        if (name.equals("getAttribute")
                && call.getArguments().size() == 1
                && names(call.getArgument(0), PROBLEM_CODE_ATTRIBUTE)) {
            return;
        }
        String scopeType = call.getScope()
                .filter(NameExpr.class::isInstance)
                .map(s -> ((NameExpr) s).getNameAsString())
                .filter(s -> Character.isUpperCase(s.charAt(0)))
                .orElse(null);
        List<MethodDeclaration> methods = new ArrayList<>();
        for (CompilationUnit unit : units.values()) {
            for (MethodDeclaration method : unit.findAll(MethodDeclaration.class)) {
                if (method.getNameAsString().equals(name)
                        && method.getParameters().size() == call.getArguments().size()
                        && (scopeType == null
                                || method.findAncestor(TypeDeclaration.class)
                                        .map(t -> t.getNameAsString().equals(scopeType))
                                        .orElse(false))) {
                    methods.add(method);
                }
            }
        }
        if (methods.isEmpty()) {
            runTime(file, call, how);
            return;
        }
        for (MethodDeclaration method : methods) {
            Path declared = units.entrySet().stream()
                    .filter(u -> u.getValue() == method.findCompilationUnit().orElse(null))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(file);
            String answer = how + " through the answer of " + name + "(…)";
            method.findAll(ReturnStmt.class)
                    .forEach(r -> r.getExpression().ifPresent(v -> code(declared, v, answer, seen)));
        }
    }

    /** A record component, or an instance field without initialiser, of that name: the value the object carries. */
    private static boolean holdsACode(TypeDeclaration<?> type, String id) {
        if (type instanceof RecordDeclaration record
                && record.getParameters().stream()
                        .anyMatch(p -> p.getNameAsString().equals(id))) {
            return true;
        }
        return type.getFieldByName(id)
                .filter(f -> !f.isStatic())
                .map(f -> f.getVariables().stream()
                        .noneMatch(v -> v.getInitializer().isPresent()))
                .orElse(false);
    }

    private Optional<Expression> constant(String typeName, String field) {
        for (CompilationUnit unit : units.values()) {
            for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
                if (type.getNameAsString().equals(typeName)) {
                    Optional<Expression> value = constant(type, field);
                    if (value.isPresent()) {
                        return value;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Expression> constant(TypeDeclaration<?> type, String field) {
        return type.getFieldByName(field)
                .flatMap(f -> f.getVariables().stream()
                        .filter(v -> v.getNameAsString().equals(field))
                        .findFirst())
                .flatMap(VariableDeclarator::getInitializer);
    }

    /** Every code-shaped literal with a known prefix is a code unless it names a text of the bundle. */
    private void sweepLiterals(Set<String> bundleKeys) {
        codes.keySet().forEach(c -> prefixes.add(c.substring(0, c.indexOf('.'))));
        for (Map.Entry<Path, CompilationUnit> unit : units.entrySet()) {
            for (StringLiteralExpr literal : unit.getValue().findAll(StringLiteralExpr.class)) {
                String text = literal.asString();
                if (CODE.matcher(text).matches()
                        && prefixes.contains(text.substring(0, text.indexOf('.')))
                        && !codes.containsKey(text)
                        && !bundleKeys.contains(text)) {
                    found(text, where(unit.getKey(), literal), "a code-shaped literal");
                }
            }
        }
    }

    private void readOpenApi(String document, String where) {
        if (prefixes.isEmpty()) {
            return; // nothing was found in the sources: the test says so, no need to guess at the document
        }
        String alternatives = String.join("|", prefixes);
        Matcher words = Pattern.compile("(?<![\\w.\\-/])(?:" + alternatives + ")(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*)+"
                        + "(?![\\w-]|\\.[a-z0-9*])")
                .matcher(document); // "reporting.value.*" names a family, not a code
        while (words.find()) {
            int line = 1
                    + (int) document.substring(0, words.start())
                            .chars()
                            .filter(c -> c == '\n')
                            .count();
            found(words.group(), where + ":" + line, "named in the API description");
        }
    }

    private void found(String code, String where, String how) {
        if (!CODE.matcher(code).matches()) {
            builtAtRunTime.add(where + ": '" + code + "' (" + how + ") is not a code of the form area.what[.detail]");
            return;
        }
        codes.computeIfAbsent(
                        code,
                        c -> new TreeSet<>(
                                java.util.Comparator.comparing(Place::where).thenComparing(Place::how)))
                .add(new Place(where, how));
    }

    private void runTime(Path file, Expression e, String how) {
        builtAtRunTime.add(where(file, e) + ": " + e + " (passed to " + how + ")");
    }

    private String where(Path file, Node node) {
        return root.relativize(file) + ":" + node.getBegin().map(p -> p.line).orElse(0);
    }
}
